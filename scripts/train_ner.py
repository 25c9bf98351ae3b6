"""Train Marsad's named-entity tagger (see src/marsad/ner/recipe.py; needs the `train` extra).

    python scripts/train_ner.py [--data ../shared/data] [--out src/marsad/data/ner] [--seed 1] [--dev 0.1]

--dev holds out the end of train.txt to score choices on; the shipped model is trained
on all of train.txt (no --dev). test.txt is never read here: `marsad eval-ner` scores it.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.ner.recipe import Recipe, build  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "marsad" / "data" / "ner")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "ner")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--members", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--dev", type=float, default=0.0, help="share of train.txt held out as dev")
    parser.add_argument("--kb-features", action="store_true", help="flag the knowledge base's names too")
    args = parser.parse_args()
    recipe = Recipe(seed=args.seed, members=args.members, epochs=args.epochs, dev_share=args.dev,
                    average_from=min(26, args.epochs), kb_features=args.kb_features)
    card = build(args.data, args.out, recipe, args.work)
    print(f"model written to {args.out} in {card['recipe']['timings']['total_s']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
