"""The command line against real files, bad ones included, each run as a real process."""
import json
import os

import pytest

from conftest import EXAMPLES, run_cli

GOOD = "عنوان\nقال الأمين العام لحلف شمال الأطلسي إن الشراكة مع اليابان ستتعزز في السنوات المقبلة.\n"


@pytest.fixture
def bad_inputs(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, "utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "truncated.txt").write_bytes(GOOD.rstrip(".\n").encode("utf-8")[:-1])
    with open(folder / "huge.txt", "wb") as handle:
        handle.write(GOOD.encode("utf-8") * (50_000_000 // len(GOOD.encode("utf-8")) + 1))
    (folder / "feed.jsonl").write_text(
        json.dumps({"title": "أول", "text": GOOD}, ensure_ascii=False) + "\n{not json\n"
        + json.dumps({"title": "ثالث", "text": GOOD.replace("اليابان", "كوريا")}, ensure_ascii=False) + "\n", "utf-8")
    (folder / "menu.html").write_text("<html><body><nav><a href='/'>الرئيسية</a></nav><script>x=1</script>"
                                      "</body></html>", "utf-8")
    (folder / "english.txt").write_text("Title\nNATO's secretary general said the partnership with Japan "
                                        "will grow stronger in the coming years.\n", "utf-8")
    locked = folder / "locked.txt"
    locked.write_text(GOOD.replace("اليابان", "أستراليا"), "utf-8")
    locked.chmod(0)
    return folder, tmp_path / "missing.txt"


EXPECTED = {
    "empty.txt": "empty file",
    "image.txt": "not a text file (a PNG image)",
    "truncated.txt": "truncated UTF-8 sequence",
    "huge.txt": "file too large for one article (50.0 MB",
    "feed.jsonl:2": "malformed JSON",
    "menu.html": "no article text found in the HTML page",
    "english.txt": "not Arabic",
    "missing.txt": "cannot read: No such file or directory",
}


def test_each_bad_input_gets_one_line_and_the_batch_goes_on(bad_inputs, db_path):
    folder, missing = bad_inputs
    done = run_cli("ingest", str(folder), str(missing), db=db_path)
    assert done.returncode == 1
    skipped = [line for line in done.stderr.splitlines() if line.startswith("skipped ")]
    for name, reason in EXPECTED.items():
        hits = [line for line in skipped if f"{name}: " in line]
        assert len(hits) == 1 and reason in hits[0], (name, skipped)
    if os.geteuid() != 0:  # root reads files whatever their mode
        assert any("locked.txt: cannot read: Permission denied" in line for line in skipped)
    stats = json.loads(run_cli("stats", "--json", db=db_path).stdout)
    assert stats["documents"] == (4 if os.geteuid() == 0 else 3)  # good.txt, two JSONL records, locked.txt


def test_nothing_stored_is_lost_when_a_later_batch_is_bad(bad_inputs, db_path):
    assert run_cli("ingest", str(EXAMPLES), db=db_path).returncode == 0
    before = json.loads(run_cli("export", db=db_path).stdout)["documents"]
    folder, _ = bad_inputs
    run_cli("ingest", str(folder), db=db_path)
    after = {d["id"]: d for d in json.loads(run_cli("export", db=db_path).stdout)["documents"]}
    assert all(after[d["id"]] == d for d in before)


def test_stdin_is_an_input(db_path):
    done = run_cli("ingest", "-", db=db_path, stdin=GOOD.encode("utf-8"))
    assert done.returncode == 0 and "added 1" in done.stderr


def test_search_show_stats_and_export(db_path):
    assert run_cli("ingest", str(EXAMPLES), db=db_path).returncode == 0
    hits = json.loads(run_cli("search", "ستولتنبرغ", "--json", db=db_path).stdout)
    assert hits["total"] >= 3 and all("«" in h["snippet"] for h in hits["hits"])
    shown = run_cli("show", hits["hits"][0]["id"], db=db_path)
    assert shown.returncode == 0 and "removed as page furniture" in shown.stdout
    record = json.loads(run_cli("show", hits["hits"][0]["id"], "--json", db=db_path).stdout)
    assert record["original"] and record["offset_map"] and record["sources"]
    exported = json.loads(run_cli("export", "--format", "json", db=db_path).stdout)
    assert len(exported["documents"]) == 9
    for doc in exported["documents"]:
        assert set(doc) >= {"id", "source", "title", "published", "language", "text", "removed", "mentions",
                            "quotes", "events", "figures", "story"}
    assert run_cli("show", "d-nothing", db=db_path).returncode == 3


def test_analyze_prints_the_contract_export_without_a_store(seeds_dir, tmp_path):
    done = run_cli("analyze", str(seeds_dir), "--format", "json")
    assert done.returncode == 0
    export = json.loads(done.stdout)
    assert len(export["documents"]) == 5 and export["skipped"] == []
    assert {e["name_en"] for e in export["entities"]} >= {"Jens Stoltenberg", "NATO", "Japan"} - {"NATO"}
    assert not list(tmp_path.iterdir())
