"""The Python API. The CLI, and later the REST API and web UI, are thin layers over it."""
from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from marsad import pipeline
from marsad.clean import repeatable_lines
from marsad.document import Article, Document
from marsad.errors import InputError
from marsad.export import export
from marsad.ingest import read_inputs
from marsad.settings import Options, default_db_path
from marsad.store import Store
from marsad.store.sqlite import SearchHit


@dataclass
class IngestReport:
    """What one ingest did: added, copies among the added, already stored, skipped and why."""
    added: list[str] = field(default_factory=list)
    copies: list[tuple[str, str]] = field(default_factory=list)         # (new id, id it copies)
    already: list[tuple[str, str]] = field(default_factory=list)        # (source, stored id)
    skipped: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing was skipped."""
        return not self.skipped


Event = Callable[[str, object], None]  # ("added" | "copy" | "already" | "skipped", detail)


def _outlet_context(items: list[tuple[Document, set[str]]], counts: Callable[[str, set[str]], dict[str, int]],
                    options: Options) -> pipeline.Context:
    """Which short lines each outlet repeats, from stored counts plus this chunk's."""
    by_outlet: dict[str, Counter] = defaultdict(Counter)
    for doc, keys in items:
        if doc.outlet:
            by_outlet[doc.outlet].update(keys)
    repeated = {}
    for outlet, chunk in by_outlet.items():
        stored = counts(outlet, set(chunk))
        repeated[outlet] = frozenset(k for k, n in chunk.items()
                                     if n + stored.get(k, 0) >= options.outlet_min_articles)
    return pipeline.Context(repeated)


def _batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def analyze(paths: Iterable[str], options: Options = Options()) -> tuple[list[Document], list[InputError]]:
    """Run the per-article pipeline over inputs without a store."""
    items, errors = [], []
    for item in read_inputs(paths, options.max_bytes):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            doc = pipeline.start(item)
            items.append((doc, repeatable_lines(doc.original)))
    ctx = _outlet_context(items, lambda outlet, keys: {}, options)
    return [pipeline.run(doc, ctx) for doc, _ in items], errors


class Marsad:
    """A store of analysed Arabic news, and what can be asked of it."""

    def __init__(self, db: str | Path | None = None, options: Options = Options()):
        self.store = Store(db or default_db_path())
        self.options = options

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def __enter__(self) -> Marsad:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def ingest(self, paths: Iterable[str], on_event: Event | None = None) -> IngestReport:
        """Read, analyse and store every article under ``paths``; one transaction per article."""
        report, tell = IngestReport(), on_event or (lambda kind, detail: None)
        for chunk in _batched(read_inputs(paths, self.options.max_bytes), self.options.chunk_size):
            fresh: dict[str, tuple[Document, set[str]]] = {}
            for item in chunk:
                if isinstance(item, InputError):
                    report.skipped.append(item)
                    tell("skipped", item)
                    continue
                doc = pipeline.start(item)
                if doc.id in fresh or self.store.contains(doc.id):
                    if doc.id not in fresh:
                        self.store.note_source(doc.id, doc.source)
                    report.already.append((doc.source, doc.id))
                    tell("already", (doc.source, doc.id))
                    continue
                fresh[doc.id] = (doc, repeatable_lines(doc.original))
            ctx = _outlet_context(list(fresh.values()), self.store.outlet_line_counts, self.options)
            for doc, keys in fresh.values():
                copy_of = self.store.add(pipeline.run(doc, ctx), keys)
                report.added.append(doc.id)
                if copy_of:
                    report.copies.append((doc.id, copy_of))
                tell("copy" if copy_of else "added", doc.id)
        return report

    def search(self, query: str, limit: int = 10, offset: int = 0) -> list[SearchHit]:
        """Documents matching a query, best first, with snippets."""
        return self.store.search(query, limit, offset)

    def count(self, query: str) -> int:
        """How many documents match a query."""
        return self.store.count_matches(query)

    def document(self, doc_id: str) -> Document:
        """One stored document by id or unique id prefix."""
        return self.store.get(doc_id)

    def stats(self) -> dict:
        """What the store holds."""
        return self.store.stats()

    def export(self, with_original: bool = False) -> dict:
        """The analysis export (CONTRACT.md) of the whole store."""
        return export(self.store.documents(), with_original=with_original)


__all__ = ["Marsad", "IngestReport", "analyze", "Article", "Document", "Options"]
