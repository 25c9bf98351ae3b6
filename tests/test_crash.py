"""A real ingest process killed mid-run leaves a consistent store, and running it again completes it."""
import os
import signal
import subprocess
import sys
import time

import apsw

from conftest import ROOT

from marsad.store import Store


def make_batch(folder, seeds_dir, count=600):
    texts = [p.read_text("utf-8") for p in sorted(seeds_dir.iterdir())]
    for i in range(count):
        (folder / f"{i:04d}.txt").write_text(texts[i % len(texts)] + f"\nملاحظة التحرير رقم {i}.\n", "utf-8")


def stored(db_path) -> int:
    try:
        db = apsw.Connection(str(db_path), flags=apsw.SQLITE_OPEN_READONLY)
        return db.execute("SELECT count(*) FROM documents").get
    except apsw.Error:
        return 0


def test_killed_ingest_leaves_whole_articles_and_resumes(tmp_path, seeds_dir, db_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    make_batch(batch, seeds_dir)
    command = [sys.executable, "-m", "marsad", "--db", str(db_path), "ingest", "-q", str(batch)]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while stored(db_path) < 40 and time.time() < deadline and process.poll() is None:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = stored(db_path)
    assert 0 < partial < 600, "the ingest must be killed in the middle"

    store = Store(db_path)
    assert store.db.execute("PRAGMA integrity_check").get == "ok"
    store.db.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
    rows = store.db.execute("SELECT count(*) FROM documents_fts").get
    assert rows == store.stats()["documents"] == partial
    for doc in store.documents():
        assert doc.text and doc.sentences and store.sources(doc.id)
    store.close()

    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"already stored {partial}" in again.stderr
    assert stored(db_path) == 600
