"""Stories and search benchmark on SaudiNewsNet: copies, stories, clustering, semantic index, search.

    python bench/stories.py [--db build/bench/link.db] [--embed 2000] [--queries 300]

Uses the store bench/link.py builds (all of SaudiNewsNet through the full pipeline; built
here when missing). Prints: near-duplicate pairs, story count and sizes; clustering time,
measured by clustering every stored article again from empty story tables in a copy of
the store; semantic index build time (articles/s over --embed articles, extrapolated to
the store when fewer), semantic query p95 over those, and the time to score a query
against as many (synthetic) vectors as the whole store would hold; full-text query p95
over HTTP against a running `marsad serve`.
"""
from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from ingest import queries
from link import build
from snn import DATA, ROOT, records

from marsad.api import Marsad
from marsad.store.stories import Stories


def p95(values: list[float]) -> str:
    q = statistics.quantiles(values, n=100)
    return f"p50 {q[49]:.1f} ms, p95 {q[94]:.1f} ms, max {max(values):.1f} ms"


def cluster_again(db: Path) -> tuple[int, float, list[int], int]:
    """Cluster every stored article again into empty story tables; (articles, seconds, story sizes, copies)."""
    with Marsad(db) as marsad:
        store = marsad.store
        with store.db:
            for table in ("story_documents", "stories", "copies", "lsh", "signatures"):
                store.db.execute(f"DELETE FROM {table}")
        ids = [i for (i,) in store.db.execute("SELECT id FROM documents ORDER BY rowid")]
        stories, spent = Stories(store.db), 0.0
        for doc_id in ids:
            doc = store.get(doc_id)
            started = time.perf_counter()
            with store.db:
                stories.add(doc)
            spent += time.perf_counter() - started
        sizes = [n for (n,) in store.db.execute("SELECT count(*) FROM story_documents GROUP BY story")]
        pairs = store.db.execute("SELECT count(*) FROM copies").get // 2
    return len(ids), spent, sizes, pairs


def scoring_at_size(passages: int, queries: int = 100) -> list[float]:
    """Milliseconds to score one query against ``passages`` vectors (random: the embedding of a
    whole store takes hours on one core, the dot product is what grows with it), once warm."""
    import numpy as np

    from marsad.semantic import DIMENSIONS
    from marsad.store.vectors import Vectors

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.vectors"
        rng = np.random.default_rng(1)
        rng.standard_normal((passages, DIMENSIONS)).astype(np.float16).tofile(path)

        class Synthetic(Vectors):
            def _matrix(self):
                return np.memmap(path, dtype=np.float16, mode="r", shape=(passages, DIMENSIONS))

        vectors = Synthetic(None, path)
        vectors.nearest(rng.standard_normal(DIMENSIONS).astype(np.float32), 30)
        spent = []
        for _ in range(queries):
            query = rng.standard_normal(DIMENSIONS).astype(np.float32)
            started = time.perf_counter()
            vectors.nearest(query, 30)
            spent.append((time.perf_counter() - started) * 1000)
        return spent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_search(db: Path, terms: list[str]) -> list[float]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "marsad", "--db", str(db), "serve", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/api/stats", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        latencies = []
        for term in terms:
            url = f"{base}/api/search?mode=fulltext&limit=10&q={urllib.parse.quote(term)}"
            started = time.perf_counter()
            urllib.request.urlopen(url, timeout=30).read()
            latencies.append((time.perf_counter() - started) * 1000)
        return latencies
    finally:
        process.terminate()
        process.wait(10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--db", type=Path, default=ROOT / "build" / "bench" / "link.db")
    parser.add_argument("--embed", type=int, default=2000, help="articles to embed for the index timing (0: all)")
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    if not args.db.exists():
        if not args.data.is_dir():
            print(f"no SaudiNewsNet at {args.data}", file=sys.stderr)
            return 2
        args.db.parent.mkdir(parents=True, exist_ok=True)
        build(args.db, list(records(args.data)))
    with Marsad(args.db) as marsad:
        db = marsad.store.db
        documents = db.execute("SELECT count(*) FROM documents").get
        pairs = db.execute("SELECT count(*) FROM copies").get // 2
        copies = db.execute("SELECT count(*) FROM documents WHERE copy_of IS NOT NULL").get
        sizes = [n for (n,) in db.execute("SELECT count(*) FROM story_documents GROUP BY story")]
        terms = queries(marsad, args.queries)
    print(f"store               {documents:,} articles ({args.db})")
    print(f"near-duplicates     {pairs:,} pairs; {copies:,} articles share their body with an earlier one")
    print(f"stories (stored)    {len(sizes):,}; {sum(1 for s in sizes if s > 1):,} with two articles or more "
          f"(largest {max(sizes, default=0)}, {sum(s for s in sizes if s > 1):,} articles in them)")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        shutil.copy(args.db, copy)
        n, spent, sizes, again = cluster_again(copy)
        print(f"clustering          {n:,} articles in {spent:.1f} s ({1000 * spent / n:.1f} ms/article, "
              f"incremental); {again:,} duplicate pairs")
        print(f"stories (again)     {len(sizes):,}; {sum(1 for s in sizes if s > 1):,} with two articles or more "
              f"(largest {max(sizes, default=0)}, {sum(s for s in sizes if s > 1):,} articles in them)")
        with Marsad(copy) as marsad:
            started = time.perf_counter()
            done = marsad.embed(limit=args.embed or None)
            spent = time.perf_counter() - started
            rate = done / spent
            print(f"semantic index      {done:,} articles in {spent:.1f} s ({rate:.1f} articles/s on one core"
                  + (f"; the whole store ≈ {documents / rate / 60:.0f} min)" if done < documents else ")"))
            latencies = []
            for term in terms:
                started = time.perf_counter()
                marsad.search(term, limit=10, mode="semantic")
                latencies.append((time.perf_counter() - started) * 1000)
            print(f"semantic search     {len(terms)} queries over {done:,} articles: {p95(latencies)}")
            passages = marsad.store.vectors.count() * documents // max(done, 1)
        print(f"vector scoring      {passages:,} passages (the whole store's size, synthetic): "
              f"{p95(scoring_at_size(passages))} per query")
    latencies = http_search(args.db, terms)
    print(f"full-text search    {len(terms)} queries over HTTP to a running workbench: {p95(latencies)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
