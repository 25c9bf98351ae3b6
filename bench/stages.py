"""Per-stage cost: milliseconds per article of each pipeline stage over SaudiNewsNet articles.

    python bench/stages.py [--articles 500]

One process, one thread (the figure is per core); stages run in pipeline order on each
article, timed by CPU time. The extraction stage (quotes, events, dates, figures) is
the last line.
"""
from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

from snn import DATA, records

from marsad import pipeline, threads
from marsad.errors import InputError
from marsad.ingest.records import article_from_record


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--articles", type=int, default=500)
    args = parser.parse_args()
    threads.pin()                              # one BLAS thread, as in every analysis worker
    docs = []
    for name, record in itertools.islice(records(args.data), args.articles):
        try:
            docs.append(pipeline.start(article_from_record(record, name, "json")))
        except InputError:
            continue
    pipeline.run(docs[0])                      # load the knowledge base and the model first
    spent = dict.fromkeys((name for name, _ in pipeline.STAGES), 0.0)
    tokens = facts = 0
    for doc in docs:
        for name, stage in pipeline.STAGES:
            started = time.process_time()
            doc = stage(doc, pipeline.Context())
            spent[name] += time.process_time() - started
        tokens += len(doc.tokens)
        facts += len(doc.quotes) + len(doc.events) + len(doc.figures) + len(doc.times)
    print(f"articles            {len(docs):,} ({tokens / len(docs):.0f} tokens each; "
          f"{facts / len(docs):.1f} quotes, events, figures and dates each)")
    for name, seconds in spent.items():
        print(f"{name:<19} {1000 * seconds / len(docs):7.1f} ms/article")
    print(f"{'all stages':<19} {1000 * sum(spent.values()) / len(docs):7.1f} ms/article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
