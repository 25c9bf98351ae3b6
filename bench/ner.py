"""Recognition benchmark: tokens per second on one core over SaudiNewsNet articles, and model memory.

    python bench/ner.py [--articles 500]

Times the recognition stage (tagger + knowledge base + titles) and the tagger alone on
articles already cleaned and segmented; one thread, so the figure is per core.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import zipfile
from pathlib import Path

from marsad import pipeline, threads
from marsad.ingest.records import article_from_record
from marsad.kb import knowledge_base
from marsad.recognise import recognise
from marsad.recognise.tagger import load_tagger

ROOT = Path(__file__).resolve().parents[1]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def articles(data: Path, count: int) -> list:
    out = []
    for archive in sorted(data.glob("*.zip"), reverse=True):
        with zipfile.ZipFile(archive) as z:
            for record in json.loads(z.read(z.namelist()[0])):
                if (record.get("content") or "").strip():
                    out.append(article_from_record(record, archive.name, "json"))
                if len(out) == count:
                    return out
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "saudinewsnet")
    parser.add_argument("--articles", type=int, default=500)
    args = parser.parse_args()
    threads.pin()       # one BLAS thread, as in every analysing process of the product
    docs = [pipeline.run(pipeline.start(a), only=pipeline.TEXT_STAGES) for a in articles(args.data, args.articles)]
    tokens = sum(len(d.tokens) for d in docs)
    before = rss_mb()
    kb = knowledge_base()
    after_kb = rss_mb()
    started = time.perf_counter()
    tagger = load_tagger()
    loaded = time.perf_counter() - started
    after_model = rss_mb()
    if tagger is None:
        print("no trained model installed", file=sys.stderr)
        return 2
    recognise(docs[0], kb, tagger)
    cpu = time.process_time()
    for doc in docs:
        recognise(doc, kb, tagger)
    stage = time.process_time() - cpu
    cpu = time.process_time()
    for doc in docs:
        tagger.spans(doc)
    alone = time.process_time() - cpu
    print(f"articles            {len(docs):,} ({tokens:,} tokens, {tokens / len(docs):.0f} per article)")
    print(f"recognition stage   {tokens / stage:,.0f} tokens/s on one core ({1000 * stage / len(docs):.1f} ms/article)")
    print(f"tagger alone        {tokens / alone:,.0f} tokens/s on one core")
    print(f"memory              knowledge base {after_kb - before:.0f} MB, model {after_model - after_kb:.0f} MB "
          f"(loaded in {loaded:.1f} s); peak RSS {rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
