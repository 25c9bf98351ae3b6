"""Ingest benchmark: SaudiNewsNet through `Marsad.ingest`, then full-text search latency.

    python bench/ingest.py [--data ../shared/data/saudinewsnet] [--limit N] [--queries 300] [--text-only]

Prints articles/s, MB/s of article text, peak memory (PSS and RSS), store size, and search latency
percentiles; and, in the same run, the bare floor: the same files only read, normalised
(NFC, the orthographic key of every word) and tokenised in one process, with the ratio of
the ingest's rate to it. SaudiNewsNet is read from ../shared (research use only; never
copied here). Run it in a fresh shell: the product pins its own thread pools.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from marsad.api import Marsad
from marsad.settings import Options

ROOT = Path(__file__).resolve().parents[1]


def extract(data: Path, into: Path, limit: int | None) -> tuple[list[Path], int, int]:
    """Unzip the day files as JSON arrays (cut to ``limit`` articles); return files, articles, bytes."""
    files, articles, size = [], 0, 0
    for archive in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(archive) as z:
            for name in z.namelist():
                records = json.loads(z.read(name))
                if limit is not None:
                    records = records[: max(limit - articles, 0)]
                if not records:
                    continue
                path = into / name
                path.write_text(json.dumps(records, ensure_ascii=False), "utf-8")
                files.append(path)
                articles += len(records)
                size += sum(len((r.get("title") or "") + (r.get("content") or "")).__index__() for r in records)
    return files, articles, size


def _pss(pid: int) -> int:
    """A process's proportional set size in bytes (each shared page divided among its sharers)."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) * 1024
    return 0


def tree_memory_mb() -> tuple[float, float]:
    """Memory of this process and every process under it (the analysis workers), in MB: the
    sum of their resident sets (a page they share counts in each) and of their proportional
    set sizes (a shared page counts once, split among them)."""
    parents, rss = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            pid = int(stat.parent.name)
            parents[pid], rss[pid] = int(fields[1]), int(fields[21]) * resource.getpagesize()
        except (OSError, ValueError, IndexError):
            continue
    mine, grew = {os.getpid()}, True
    while grew:
        more = {p for p, parent in parents.items() if parent in mine} - mine
        grew = bool(more)
        mine |= more
    pss = 0
    for pid in mine:
        try:
            pss += _pss(pid)
        except (OSError, ValueError, IndexError):
            continue
    return sum(rss.get(p, 0) for p in mine) / 1e6, pss / 1e6


class PeakMemory(threading.Thread):
    """Samples tree_memory_mb() twice a second while the ingest runs; ``peak`` and ``peak_pss`` are the highest."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak, self.peak_pss, self.done = 0.0, 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.5):
            rss, pss = tree_memory_mb()
            self.peak, self.peak_pss = max(self.peak, rss), max(self.peak_pss, pss)


def bare_floor(files: list[Path]) -> tuple[int, float]:
    """Articles read, normalised and tokenised per second, in this process (nothing stored)."""
    from marsad import pipeline
    from marsad.ingest import read_inputs
    from marsad.normalize import orthographic_key
    from marsad.segment import tokenize
    started, n = time.perf_counter(), 0
    for item in read_inputs([str(p) for p in files]):
        if isinstance(item, Exception):
            continue
        doc = pipeline.start(item)
        text = doc.original
        for token in tokenize(text):
            orthographic_key(text[token.start:token.end])
        n += 1
    return n, n / (time.perf_counter() - started)


def queries(marsad: Marsad, count: int, seed: int = 7) -> list[str]:
    """Queries a reader might type: one or two words and quoted phrases taken from stored titles."""
    titles = [r[0] for r in marsad.store.db.execute("SELECT title FROM documents WHERE title != '' ORDER BY rowid")]
    rng = random.Random(seed)
    out = []
    for title in rng.sample(titles, min(count, len(titles))):
        words = [w for w in title.split() if len(w) > 3] or title.split()
        pick = rng.random()
        if pick < 0.4 or len(words) < 2:
            out.append(rng.choice(words))
        elif pick < 0.8:
            out.append(" ".join(rng.sample(words, 2)))
        else:
            i = rng.randrange(len(words) - 1)
            out.append(f'"{words[i]} {words[i + 1]}"')
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "saudinewsnet")
    parser.add_argument("--limit", type=int, default=None, help="ingest only this many articles")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--db", type=Path, default=None, help="keep the store here (default: a temp dir)")
    parser.add_argument("--text-only", action="store_true", help="the text stages only (no names, quotes, events)")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"no SaudiNewsNet at {args.data}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        files, articles, chars = extract(args.data, tmp, args.limit)
        text_mb = sum(p.stat().st_size for p in files) / 1e6
        floor_articles, floor_rate = bare_floor(files)
        db = args.db or tmp / "bench.db"
        with Marsad(db, Options(text_only=args.text_only)) as marsad:
            memory = PeakMemory()
            memory.start()
            start = time.perf_counter()
            report = marsad.ingest([str(p) for p in files])
            elapsed = time.perf_counter() - start
            memory.done.set()
            rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            stats = marsad.stats()
            latencies, totals = [], []
            for query in queries(marsad, args.queries):
                t = time.perf_counter()
                hits = marsad.search(query, limit=10)
                latencies.append((time.perf_counter() - t) * 1000)
                totals.append(len(hits))
        print(f"articles read       {articles:,} ({len(report.added):,} added, {len(report.copies):,} copies, "
              f"{len(report.already):,} already stored, {len(report.skipped):,} skipped)")
        print(f"input               {text_mb:.1f} MB of JSON, {chars / 1e6:.1f} M characters of article text")
        print(f"stages              {'text only (clean, segment, date)' if args.text_only else 'all'}")
        print(f"ingest time         {elapsed:.1f} s")
        print(f"throughput          {articles / elapsed:.0f} articles/s, {text_mb / elapsed:.2f} MB/s")
        print(f"bare floor          {floor_rate:.0f} articles/s (read, normalise, tokenise {floor_articles:,} "
              f"articles in one process); ingest at {articles / elapsed / floor_rate:.2f} of it")
        print(f"peak memory         {memory.peak_pss:.0f} MB proportional (PSS), {memory.peak:.0f} MB resident (RSS, "
              f"shared pages counted in each process): this process and its analysis workers together "
              f"(sampled every 0.5 s; this process alone {rss_mb:.0f} MB RSS)")
        print(f"store               {stats['file_bytes'] / 1e6:.0f} MB, {stats['documents']:,} documents, "
              f"{stats['removed_lines']:,} furniture lines removed")
        q = statistics.quantiles(latencies, n=100)
        print(f"search ({len(latencies)} queries, top 10 with snippets): p50 {q[49]:.1f} ms, p95 {q[94]:.1f} ms, "
              f"max {max(latencies):.1f} ms")
        skipped = {}
        for e in report.skipped:
            skipped[e.kind] = skipped.get(e.kind, 0) + 1
        if skipped:
            print(f"skipped by kind     {skipped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
