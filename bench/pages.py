"""Pages and API lists over HTTP against a running `marsad serve` on a store of SaudiNewsNet.

    python bench/pages.py [--db build/bench/stream.db] [--requests 20]

The store is the one bench/stream.py builds (all of SaudiNewsNet through the full pipeline).
It is opened once first, so that any schema migration is done (and timed) before the server
starts. Each route is asked --requests times with varied arguments (pages, entities,
articles, date ranges); the first answer of each route is a warm-up and not counted.
Prints p50, p95 and max per route, and the network's first answer after the server
starts (computed) apart from later ones (kept until the store changes).
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from snn import ROOT

from marsad.store import Store

AIM_MS = 300


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(base: str, path: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(base + path, timeout=120) as answer:
        answer.read()
        if answer.status != 200:
            raise SystemExit(f"{path}: HTTP {answer.status}")
    return (time.perf_counter() - started) * 1000


def routes(db: Path, n: int, seed: int = 7) -> dict[str, list[str]]:
    """For each route, the paths to ask (varied arguments drawn from the store)."""
    rng = random.Random(seed)
    store = Store(db)
    top = [e for (e,) in store.db.execute(
        "SELECT entity FROM mentions WHERE entity IS NOT NULL GROUP BY entity ORDER BY count(*) DESC LIMIT 200")]
    speakers = [e for (e,) in store.db.execute(
        "SELECT entity FROM quote_speakers GROUP BY entity ORDER BY count(*) DESC LIMIT 100")]
    docs = [d for (d,) in store.db.execute("SELECT id FROM documents ORDER BY rowid")]
    days = [d for (d,) in store.db.execute(
        "SELECT DISTINCT substr(published, 1, 10) FROM documents WHERE published >= '2015' ORDER BY 1")]
    stories = [s for (s,) in store.db.execute(
        "SELECT story FROM story_documents GROUP BY story ORDER BY count(*) DESC LIMIT 50")]
    pages = store.db.execute("SELECT count(*) FROM stories").get // 50
    store.close()
    pick = lambda xs: [rng.choice(xs) for _ in range(n)]  # noqa: E731
    q = urllib.parse.quote
    return {
        "home /": ["/"] * n,
        "stories page /stories?page=": [f"/stories?page={rng.randint(1, max(pages, 1))}" for _ in range(n)],
        "story /stories/{id} (largest 50)": [f"/stories/{s}" for s in pick(stories)],
        "timeline /timeline": ["/timeline"] * (n // 2) + [f"/timeline?entity={e}" for e in pick(top)[:n - n // 2]],
        "quotes /quotes": ["/quotes"] * (n // 2) + [f"/quotes?speaker={e}" for e in pick(speakers)[:n - n // 2]],
        "entity /entities/{id} (top 200)": [f"/entities/{e}" for e in pick(top)],
        "article /documents/{id}": [f"/documents/{d}" for d in pick(docs)],
        "network /network + /api/graph?limit=80": ["/network", "/api/graph?limit=80"] * (n // 2),
        "api /api/entities": [f"/api/entities?limit=50&offset={rng.randint(0, 500)}" for _ in range(n)],
        "api /api/entities?since&until": [f"/api/entities?since={d}&until={d}T23:59" for d in pick(days)],
        "api /api/stories": [f"/api/stories?limit=20&offset={rng.randint(0, 5000)}" for _ in range(n)],
        "api /api/timeline": [f"/api/timeline?limit=50&offset={rng.randint(0, 200)}" for _ in range(n)],
        "api /api/quotes": [f"/api/quotes?limit=50&offset={rng.randint(0, 5000)}" for _ in range(n)],
        "api /api/events": [f"/api/events?limit=50&offset={rng.randint(0, 5000)}" for _ in range(n)],
        "api /api/search": [f"/api/search?mode=fulltext&q={q(w)}" for w in
                            pick(["الرياض", "وزير الخارجية", "النفط", "الحوثيين", "كأس", "الملك سلمان"])],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "build" / "bench" / "stream.db")
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    if not args.db.exists():
        raise SystemExit(f"{args.db}: no store (build it with: python bench/stream.py --days all)")
    started = time.perf_counter()
    store = Store(args.db)                    # any migration happens here, not in the first request
    documents = store.db.execute("SELECT count(*) FROM documents").get
    store.close()
    print(f"store               {args.db} ({documents:,} articles; opened and migrated in "
          f"{time.perf_counter() - started:.1f} s)")
    paths = routes(args.db, args.requests)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "marsad", "--db", str(args.db), "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    worst = 0.0
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/api/stats", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        first_network = fetch(base, "/api/graph?limit=80")
        print(f"network, first answer after start (computed): {first_network:.0f} ms")
        for name, asked in paths.items():
            fetch(base, asked[0])
            times = [fetch(base, p) for p in asked]
            q = statistics.quantiles(times, n=20)
            worst = max(worst, q[18])
            print(f"{name:<42} p50 {statistics.median(times):6.1f}  p95 {q[18]:6.1f}  max {max(times):6.1f} ms"
                  f"{'' if q[18] < AIM_MS else '  (over the aim)'}")
    finally:
        server.terminate()
        server.wait(10)
    print(f"slowest route p95   {worst:.1f} ms (aim < {AIM_MS} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
