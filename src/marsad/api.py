"""The Python API. The CLI, and later the REST API and web UI, are thin layers over it."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from marsad import batch, pipeline
from marsad.batch import Event, IngestReport, outlet_context
from marsad.clean import repeatable_lines
from marsad.document import Article, Document
from marsad.errors import InputError
from marsad.export import export
from marsad.ingest import read_inputs
from marsad.settings import Options, default_db_path
from marsad.store import Store
from marsad.store.sqlite import SearchHit


def analyze(paths: Iterable[str], options: Options = Options()) -> tuple[list[Document], list[InputError]]:
    """Run the per-article pipeline over inputs without a store."""
    items, errors = [], []
    for item in read_inputs(paths, options.max_bytes):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            doc = pipeline.start(item)
            items.append((doc, repeatable_lines(doc.original)))
    ctx = outlet_context(items, lambda outlet, keys: {}, options.outlet_min_articles)
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
        return batch.ingest(self.store, paths, self.options, on_event)

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
