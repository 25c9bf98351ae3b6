"""Shared fixtures: the seed articles and gold from ../shared, a fresh store, the CLI as a subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold"
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS} (set MARSAD_SHARED)")
    return SEEDS


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    if not GOLD.is_dir():
        pytest.skip(f"the gold annotations are not at {GOLD}")
    return {g["doc"]: g for g in (json.loads(p.read_text("utf-8")) for p in sorted(GOLD.glob("*.gold.json")))}


@pytest.fixture(scope="session")
def seed_documents(seeds_dir):
    """The seeds through the whole pipeline, by file name."""
    from marsad.api import analyze
    analysis = analyze([str(seeds_dir)])
    assert not analysis.skipped
    return {Path(d.source).name: d for d in analysis.documents}


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "store" / "marsad.db"


def run_cli(*args: str, db: Path | None = None, stdin: bytes | None = None, timeout: int = 120):
    """Run ``python -m marsad`` as a real process; returns the CompletedProcess (text mode)."""
    command = [sys.executable, "-m", "marsad"] + (["--db", str(db)] if db else []) + list(args)
    done = subprocess.run(command, input=stdin, capture_output=True, timeout=timeout, cwd=ROOT)
    done.stdout, done.stderr = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    return done
