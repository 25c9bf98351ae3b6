"""Batch ingest: read inputs in chunks, analyse them (in a worker process when it pays), store them.

The per-article stages are pure, so they run in a process pool while this process
reads the next inputs and writes finished articles, one transaction each. The only
cross-document input, the short lines an outlet repeats, is counted from the store
plus the articles still in flight.
"""
from __future__ import annotations

import dataclasses
import itertools
import multiprocessing
import os
import signal
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from marsad import pipeline, threads
from marsad.clean import repeatable_lines
from marsad.document import Document
from marsad.errors import InputError
from marsad.ingest import read_inputs
from marsad.settings import Options
from marsad.store import Store
from marsad.store.sqlite import body_key
from marsad.store.tokenizer import IndexTokens, index_tokens
from marsad.stories import duplicates

COMMIT_EVERY = 32     # articles per transaction (a few seconds of work): a crash or a stop loses at most the group being written
Event = Callable[[str, object], None]  # ("added" | "copy" | "already" | "skipped", detail)


@dataclass
class IngestReport:
    """What one ingest did: added, copies among the added, already stored, skipped and why."""
    added: list[str] = field(default_factory=list)
    copies: list[tuple[str, str]] = field(default_factory=list)         # (new id, id it copies)
    already: list[tuple[str, str]] = field(default_factory=list)        # (source, stored id)
    skipped: list[InputError] = field(default_factory=list)
    stopped: bool = False       # stopped by Ctrl-C or SIGTERM: what was committed is kept

    @property
    def ok(self) -> bool:
        """True when nothing was skipped."""
        return not self.skipped


LineCounts = Callable[[str, set[str]], dict[str, int]]


def outlet_context(items: list[tuple[Document, set[str]]], counts: LineCounts, min_articles: int) -> pipeline.Context:
    """Which short lines each outlet repeats, from ``counts`` (stored articles) plus these items."""
    by_outlet: dict[str, Counter] = defaultdict(Counter)
    for doc, keys in items:
        if doc.outlet:
            by_outlet[doc.outlet].update(keys)
    repeated = {}
    for outlet, here in by_outlet.items():
        before = counts(outlet, set(here))
        repeated[outlet] = frozenset(k for k, n in here.items() if n + before.get(k, 0) >= min_articles)
    return pipeline.Context(repeated)


Analysed = tuple[Document, np.ndarray, IndexTokens, str]


def analyse(doc: Document, ctx: pipeline.Context, only: tuple[str, ...] | None) -> Analysed:
    """The per-article work of an analysis process: the stages, then the copy-finding
    signature, the full-text index tokens and the body key, so that the writer only writes."""
    doc = pipeline.run(doc, ctx, only)
    done = (duplicates.signature(doc), index_tokens(doc.text, doc.tokens or None), body_key(doc))
    return dataclasses.replace(doc, tokens=()), *done     # the writer needs no tokens: spare it their unpickling


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class _InProcess:
    """Analysis in this process (small inputs, or no workers)."""

    def map(self, fn, *iterables, chunksize: int = 1):
        return map(fn, *iterables)

    def shutdown(self) -> None:
        pass

    def stop(self) -> None:
        pass


def _apply(job):
    fn, args = job
    return fn(*args)


class _Workers:
    """Analysis processes (``multiprocessing.Pool``): results in order, and a stop that ends
    the processes at once (``Pool.terminate``) where an executor would wait for its queue."""

    def __init__(self, workers: int):
        self.pool = multiprocessing.get_context("forkserver").Pool(workers, initializer=_worker_start)

    def map(self, fn, *iterables, chunksize: int = 1):
        return self.pool.imap(_apply, ((fn, args) for args in zip(*iterables)), chunksize)

    def shutdown(self) -> None:
        self.pool.close()
        self.pool.join()

    def stop(self) -> None:
        self.pool.terminate()
        self.pool.join()


def _executor(workers: int, first_chunk: int, chunk_size: int) -> _InProcess | _Workers:
    if workers <= 0 or first_chunk < chunk_size:
        threads.pin()       # the analysis runs here: one BLAS thread, as in a worker
        return _InProcess()
    return _Workers(workers)


def _worker_start() -> None:
    """An analysis process: one BLAS thread, and Ctrl-C left to the writer, which stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threads.pin()


def default_workers() -> int:
    """One analysis process per core (up to four); the writer needs little beside them."""
    cores = os.cpu_count() or 1
    return min(cores, 4) if cores > 1 else 0


class _Ingest:
    def __init__(self, store: Store, options: Options, tell: Event):
        self.store, self.options, self.tell = store, options, tell
        self.report = IngestReport()
        self.in_flight: dict[str, Counter] = defaultdict(Counter)   # line counts of unsaved articles
        self.unsaved: set[str] = set()
        self.seen_again: list[tuple[str, str]] = []                 # (id, source) to note once saved

    def counts(self, outlet: str, keys: set[str]) -> dict[str, int]:
        stored = self.store.outlet_line_counts(outlet, keys)
        pending = self.in_flight[outlet]
        return {k: stored.get(k, 0) + pending.get(k, 0) for k in keys}

    def triage(self, chunk: list) -> dict[str, tuple[Document, set[str]]]:
        """New documents of a chunk; errors and known documents are reported on the way."""
        fresh: dict[str, tuple[Document, set[str]]] = {}
        for item in chunk:
            if isinstance(item, InputError):
                self.report.skipped.append(item)
                self.tell("skipped", item)
                continue
            doc = pipeline.start(item)
            if doc.id in fresh or doc.id in self.unsaved or self.store.contains(doc.id):
                self.seen_again.append((doc.id, doc.source))
                self.report.already.append((doc.source, doc.id))
                self.tell("already", (doc.source, doc.id))
                continue
            fresh[doc.id] = (doc, repeatable_lines(doc.original))
            self.unsaved.add(doc.id)
        return fresh

    def save(self, fresh: dict[str, tuple[Document, set[str]]], analysed: Iterable[Analysed]) -> None:
        for group in _chunks(analysed, COMMIT_EVERY):
            saved = []
            with self.store.db:     # one commit per group; each article is still whole or absent
                for doc, signature, indexed, key in group:
                    saved.append((doc, self.store.add(doc, fresh[doc.id][1], signature, indexed, key)))
            for doc, copy_of in saved:
                self.account(doc, fresh[doc.id][1], copy_of)
        still = [(i, s) for i, s in self.seen_again if i in self.unsaved]
        for doc_id, source in self.seen_again:
            if doc_id not in self.unsaved:
                self.store.note_source(doc_id, source)
        self.seen_again = still

    def account(self, doc: Document, keys: set[str], copy_of: str | None) -> None:
        """Account for an article once it is committed."""
        if doc.outlet:
            pending = self.in_flight[doc.outlet]
            for k in keys:          # Counter.subtract would keep every line ever seen at zero
                if pending[k] > 1:
                    pending[k] -= 1
                else:
                    del pending[k]
        self.unsaved.discard(doc.id)
        self.report.added.append(doc.id)
        if copy_of:
            self.report.copies.append((doc.id, copy_of))
        self.tell("copy" if copy_of else "added", doc.id)


def ingest(store: Store, paths: Iterable[str], options: Options, on_event: Event | None = None) -> IngestReport:
    """Read, analyse and store every article under ``paths``; articles are committed in
    groups of ``COMMIT_EVERY``, each whole or not at all."""
    run = _Ingest(store, options, on_event or (lambda kind, detail: None))
    chunks = _chunks(read_inputs(paths, options.max_bytes), options.chunk_size)
    first = next(chunks, [])
    workers = default_workers() if options.workers is None else options.workers
    pool = _executor(workers, len(first), options.chunk_size)
    try:
        _run(run, pool, itertools.chain([first], chunks), options)
    except KeyboardInterrupt:       # Ctrl-C, or SIGTERM turned into it by the caller
        pool.stop()
        run.report.stopped = True
        return run.report
    except BaseException:
        pool.stop()
        raise
    pool.shutdown()
    return run.report


def _run(run: _Ingest, pool: _InProcess | _Workers, chunks: Iterable[list], options: Options) -> None:
    """Analyse chunk after chunk while the one before is written."""
    waiting = None
    for chunk in chunks:
        fresh = run.triage(chunk)
        ctx = outlet_context(list(fresh.values()), run.counts, options.outlet_min_articles)
        for doc, keys in fresh.values():
            if doc.outlet:
                run.in_flight[doc.outlet].update(keys)
        docs = [doc for doc, _ in fresh.values()]
        only = pipeline.TEXT_STAGES if options.text_only else None
        analysed = pool.map(analyse, docs, itertools.repeat(ctx, len(docs)), itertools.repeat(only, len(docs)),
                            chunksize=16)
        if waiting:
            run.save(*waiting)
        waiting = (fresh, analysed)
    if waiting:
        run.save(*waiting)
