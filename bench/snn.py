"""SaudiNewsNet as the benchmarks read it: records in a fixed order (day files ascending)."""
from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"


# The day files are split once: two days are kept for an independent check and are never
# sampled, judged or used to derive a rule; development samples and derived word lists come
# from DEV_DAYS; the held-back sample for final figures comes from HELD_DAYS only.
CHECK_DAYS = ("2015-07-21", "2015-07-22")
DEV_DAYS = ("2015-07-23", "2015-07-24", "2015-07-25", "2015-07-26", "2015-07-27", "2015-07-31", "2015-08-01",
            "2015-08-02", "2015-08-03")
HELD_DAYS = ("2015-08-04", "2015-08-06", "2015-08-07", "2015-08-08", "2015-08-09", "2015-08-10", "2015-08-11")


def records(data: Path = DATA, days: tuple[str, ...] | None = None) -> Iterator[tuple[str, dict]]:
    """``(day file name, record)`` for every article (of ``days`` only, when given), day files
    in ascending order."""
    for archive in sorted(data.glob("*.zip")):
        if days is not None and archive.stem not in days:
            continue
        with zipfile.ZipFile(archive) as z:
            for name in z.namelist():
                for record in json.loads(z.read(name)):
                    yield name, record


def write_days(rows: list[tuple[str, dict]], into: Path) -> list[Path]:
    """Write records back as JSON day files under ``into`` (what a user would ingest)."""
    by_day: dict[str, list[dict]] = {}
    for name, record in rows:
        by_day.setdefault(name, []).append(record)
    paths = []
    for name, group in by_day.items():
        path = into / name
        path.write_text(json.dumps(group, ensure_ascii=False), "utf-8")
        paths.append(path)
    return paths


def build_store(db: Path, rows: list[tuple[str, dict]]) -> str:
    """Ingest records into a store at ``db`` through the whole pipeline, as a user would (day
    files written to a temporary folder); returns a line saying how it went."""
    import tempfile
    import time

    from marsad.api import Marsad
    with tempfile.TemporaryDirectory() as tmp, Marsad(db) as marsad:
        files = write_days(rows, Path(tmp))
        started = time.perf_counter()
        report = marsad.ingest([str(p) for p in files])
        elapsed = time.perf_counter() - started
    return (f"{len(report.added):,} articles in {elapsed / 60:.1f} min "
            f"({len(rows) / elapsed:.1f} articles/s, full pipeline)")
