"""Build the person-name lexicon shipped in src/marsad/data/names/ from the name-pair files.

    python scripts/build_names.py [--names ../shared/data/names] [--out src/marsad/data/names/person_names.txt]

Input: the Wikidata English–Arabic person-name pairs (CC0) and the Google Arabic→English
transliteration pairs (Apache-2.0), from ../shared/data/names (never copied here). Output:
one orthographic key per line, sorted — the Arabic spellings of given names and surnames,
used to tell a name written after a title from the word that follows it.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.normalize import orthographic_key  # noqa: E402

MIN_LETTERS = 2


def read_pairs(folder: Path) -> set[str]:
    """Arabic spellings from both files, as orthographic keys."""
    names = set()
    for line in (folder / "wikidata_person_names_en_ar.tsv").read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            names.add(orthographic_key(parts[1].replace(" ", "")))
    for line in (folder / "google_ar2en.tsv").read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            names.add(orthographic_key(parts[0]))
    return {n for n in names if len(n) >= MIN_LETTERS and " " not in n and n.replace("-", "").isalpha()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=Path, default=ROOT.parent / "shared" / "data" / "names")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "marsad" / "data" / "names" / "person_names.txt")
    args = parser.parse_args()
    names = read_pairs(args.names)
    args.out.write_text("\n".join(sorted(names)) + "\n", "utf-8")
    print(f"{len(names):,} name spellings -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
