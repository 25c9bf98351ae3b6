"""SaudiNewsNet as the benchmarks read it: records in a fixed order (day files ascending)."""
from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"


def records(data: Path = DATA) -> Iterator[tuple[str, dict]]:
    """``(day file name, record)`` for every article, day files in ascending order."""
    for archive in sorted(data.glob("*.zip")):
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
