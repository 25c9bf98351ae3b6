"""The stream audit: SaudiNewsNet through the whole pipeline into one store, and what the store looks like.

    python bench/stream.py [--n 3000] [--days dev|held|all] [--db build/bench/stream.db] [--top 100]
                           [--judged evaluation/snn_top.jsonl] [--sample evaluation/snn_dev.jsonl]

Ingests the first N articles of the chosen day files (all 31,030 by default; the store is
kept at --db and reused when it holds them already), then prints ``marsad audit``'s
tables: the most-named people and organisations with their commonest written forms and
each class of error. With --judged it prints the purity table of the --top most-named
people and organisations: for each, up to ten of its mentions drawn at random (seed 1)
and judged by hand (standoff, see evaluation/README.md) — the share that really is that
entity, and whether the entity is junk. With --sample it scores the store against a judged
sample of marked spans. ``--draw-top FILE`` writes the mentions still to be judged for the
purity table, with their context, to FILE (outside the repository: it holds article text).
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from collections import Counter
from pathlib import Path

from snn import DATA, DEV_DAYS, HELD_DAYS, ROOT, build_store, records

from marsad import sample as judged_sample
from marsad.api import Marsad
from marsad.audit import render
from marsad.kb import knowledge_base

PER_ENTITY = 10


def top_entities(db, top: int) -> list[tuple[str, str, str, str | None, str | None, int, int]]:
    return list(db.execute(
        "SELECT e.id, e.type, e.name, e.name_en, e.kb_id, count(DISTINCT m.document), count(*) FROM mentions m"
        " JOIN entities e ON e.id = m.entity WHERE e.type IN ('PER', 'ORG') GROUP BY e.id"
        " ORDER BY 6 DESC, 7 DESC, e.id LIMIT ?", (top,)))


def drawn(db, entity: str) -> list[tuple[str, int, int, str]]:
    """Up to PER_ENTITY of an entity's mentions at random (seed 1), in original offsets: (url, start, end, text)."""
    ids = [i for (i,) in db.execute("SELECT m.id FROM mentions m JOIN documents d ON d.id = m.document"
                                    " WHERE m.entity = ? AND d.url IS NOT NULL ORDER BY m.id", (entity,))]
    chosen = sorted(random.Random(1).sample(ids, min(PER_ENTITY, len(ids))))
    out = []
    for mid in chosen:
        url, start, end, text = db.execute("SELECT d.url, m.start, m.end, m.text FROM mentions m JOIN documents d"
                                           " ON d.id = m.document WHERE m.id = ?", (mid,)).fetchone()
        hit = next((x for _, ms in judged_sample.marked(db, {url})[url] for x in ms
                    if x.text == text and x.entity == entity), None)
        if hit:
            out.append((url, hit.start, hit.end, text))
    return out


def purity(db, top: int, judged: list[judged_sample.Judged], sheet: Path | None) -> None:
    kb = knowledge_base()
    by_span = {(j.url, j.start, j.end): j for j in judged}
    rows, pending = [], []
    for eid, kind, name, name_en, kb_id, docs, mentions in top_entities(db, top):
        picked = drawn(db, eid)
        labels = [by_span[(u, s, e)] for u, s, e, _ in picked if (u, s, e) in by_span]
        pending += [(eid, name, name_en, kb_id, u, s, e, t) for u, s, e, t in picked if (u, s, e) not in by_span]
        names = [j for j in labels if j.name == "yes" and j.entity]
        if kb_id:
            same = [j for j in names if judged_sample.in_base(kb, j.entity) == kb_id]
        else:       # a store entity is whom most of its judged mentions are
            identity = Counter(j.entity for j in names).most_common(1)[0][0] if names else None
            same = [j for j in names if j.entity == identity]
        share = len(same) / len(labels) if labels else None
        junk = bool(labels) and (not names or sum(j.name != "yes" for j in labels) > len(labels) / 2)
        rows.append((docs, mentions, kind, name + (f" ({name_en})" if name_en else ""), len(labels), share, junk))
    print(f"Purity of the {len(rows)} people and organisations named in most articles "
          f"(up to {PER_ENTITY} mentions each, judged by hand)")
    print("  docs  ment  type  judged purity  entity")
    for docs, mentions, kind, name, n, share, junk in rows:
        shown = f"{share:.2f}" if share is not None else "  — "
        print(f"  {docs:5} {mentions:5}  {kind:4}  {n:4}   {shown}{'  JUNK' if junk else '      '}  {name}")
    scored = [r for r in rows if r[5] is not None]
    if scored:
        print(f"mean purity {sum(r[5] for r in scored) / len(scored):.3f} over {len(scored)} judged entities; "
              f"junk {sum(r[6] for r in rows)}; entities with no judged mention {len(rows) - len(scored)}; "
              f"mentions still to judge {len(pending)}")
    if sheet:
        with sheet.open("w", encoding="utf-8") as out:
            for eid, name, name_en, kb_id, url, start, end, text in pending:
                original = next(o for (o,) in db.execute("SELECT original FROM documents WHERE url = ?", (url,))
                                if o[start:end] == text)
                context = original[max(0, start - 200):start] + "【" + original[start:end] + "】" + original[end:end + 200]
                out.write(json.dumps({"url": url, "start": start, "end": end, "surface": text, "entity": eid,
                                      "entity_name": name, "entity_name_en": name_en, "kb_id": kb_id,
                                      "context": context}, ensure_ascii=False) + "\n")
        print(f"{len(pending)} mentions to judge written to {sheet}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--n", type=int, default=None, help="articles (default: every article of the days)")
    parser.add_argument("--days", choices=("dev", "held", "all"), default="all")
    parser.add_argument("--db", type=Path, default=ROOT / "build" / "bench" / "stream.db")
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument("--listed", type=int, default=25)
    parser.add_argument("--judged", type=Path, help="standoff judgements of top entities' mentions")
    parser.add_argument("--draw-top", type=Path, help="write the top entities' unjudged mentions here")
    parser.add_argument("--sample", type=Path, help="a judged sample of marked spans to score the store on")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"no SaudiNewsNet at {args.data}", file=sys.stderr)
        return 2
    days = {"dev": DEV_DAYS, "held": HELD_DAYS, "all": None}[args.days]
    args.db.parent.mkdir(parents=True, exist_ok=True)
    if not args.db.exists():
        print(f"store built: {build_store(args.db, list(itertools.islice(records(args.data, days), args.n)))}\n")
    with Marsad(args.db) as marsad:
        print(render(marsad.audit(args.top, args.listed)))
        print()
        if args.judged or args.draw_top:
            purity(marsad.store.db, args.top, judged_sample.read(args.judged) if args.judged else [], args.draw_top)
        if args.sample:
            result = judged_sample.score(marsad.store.db, knowledge_base(), judged_sample.read(args.sample))
            print("\nsample", args.sample.name, json.dumps(result.summary(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
