"""Incremental linking benchmark: 1,000 more articles into a store of 30,000 SaudiNewsNet articles.

    python bench/link.py [--db build/bench/link.db] [--base 30000] [--new 1000]

Builds the base store once with the full pipeline (kept at --db and reused), then adds
the next articles one by one and prints milliseconds per article for linking alone: the
link stage (names to the knowledge base, spellings within the article) and the store's
resolution of each mention to a lasting entity across the store. Recognition and the
other stages run untimed before.
"""
from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from pathlib import Path

from snn import DATA, ROOT, build_store, records

from marsad import pipeline
from marsad.api import Marsad
from marsad.errors import InputError
from marsad.extract import extract
from marsad.ingest.records import article_from_record
from marsad.link import link


def percentiles(values: list[float]) -> str:
    q = statistics.quantiles(values, n=100)
    return f"mean {statistics.mean(values):.1f}, p50 {q[49]:.1f}, p95 {q[94]:.1f}, max {max(values):.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--db", type=Path, default=ROOT / "build" / "bench" / "link.db")
    parser.add_argument("--base", type=int, default=30_000)
    parser.add_argument("--new", type=int, default=1_000)
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"no SaudiNewsNet at {args.data}", file=sys.stderr)
        return 2
    rows = list(itertools.islice(records(args.data), args.base + args.new))
    base, new = rows[:args.base], rows[args.base:]
    args.db.parent.mkdir(parents=True, exist_ok=True)
    if not args.db.exists():
        print(f"base store built    {build_store(args.db, base)}")
    with Marsad(args.db) as marsad:
        store = marsad.store
        before = store.stats()
        resolve_ms: list[float] = []
        save = store.entities.save

        def timed_save(doc):
            started = time.perf_counter()
            out = save(doc)
            resolve_ms.append((time.perf_counter() - started) * 1000)
            return out

        store.entities.save = timed_save
        link_ms, mentions = [], 0
        for name, record in new:
            try:
                article = article_from_record(record, name, "json")
            except InputError:
                continue
            doc = pipeline.run(pipeline.start(article), only=(*pipeline.TEXT_STAGES, "recognise"))
            if store.contains(doc.id) or doc.language != "ar":
                continue
            started = time.perf_counter()
            doc = link(doc)
            link_ms.append((time.perf_counter() - started) * 1000)
            store.add(extract(doc))
            mentions += len(doc.mentions)
        after = store.stats()
    if len(link_ms) < 2:
        print(f"{args.db} already holds the new articles: remove it to build the base afresh", file=sys.stderr)
        return 1
    total = [a + b for a, b in zip(link_ms, resolve_ms)]
    print(f"store before        {before['documents']:,} articles, {before['entities']:,} entities")
    print(f"added               {len(link_ms):,} articles, {mentions:,} mentions; "
          f"store now {after['entities']:,} entities")
    print(f"link stage          {percentiles(link_ms)}")
    print(f"store resolution    {percentiles(resolve_ms)}")
    print(f"linking alone       {percentiles(total)} per article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
