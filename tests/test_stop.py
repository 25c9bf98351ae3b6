"""Stopping an ingest: SIGTERM (or Ctrl-C) ends it promptly and keeps every committed article whole."""
import json
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile

import pytest

from conftest import ROOT, SHARED

DAY = SHARED / "data" / "saudinewsnet" / "2015-07-25.zip"


@pytest.fixture
def articles(tmp_path):
    if not DAY.is_file():
        pytest.skip(f"SaudiNewsNet is not at {DAY}")
    with zipfile.ZipFile(DAY) as archive:
        rows = [r for name in archive.namelist() for r in json.loads(archive.read(name))][:400]
    path = tmp_path / "day.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def _stored(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
            return con.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_sigterm_stops_an_ingest_and_keeps_what_was_committed(articles, tmp_path):
    db = tmp_path / "store.db"
    command = [sys.executable, "-m", "marsad", "--db", str(db), "ingest", "-q", str(articles)]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while _stored(db) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.5)
    assert process.poll() is None, "the ingest ended before it could be stopped"
    process.send_signal(signal.SIGTERM)
    err = process.communicate(timeout=120)[1].decode("utf-8")
    assert process.returncode == 130, err
    assert "stopped" in err and "Traceback" not in err
    kept = _stored(db)
    added = int(err.split("added ")[1].split()[0])
    assert 0 < added <= kept < 400          # a group committed as the signal came may not be counted yet
    with sqlite3.connect(db) as con:         # every stored article is whole: indexed for search, its names stored
        assert con.execute("select count(*) from documents_fts_docsize").fetchone()[0] == kept
        assert con.execute("select count(distinct document) from mentions").fetchone()[0] > kept * 0.9
    again = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=900)
    assert again.returncode in (0, 1), again.stderr.decode()
    assert f"already stored {kept}" in again.stderr.decode()
