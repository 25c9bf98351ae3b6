"""The Python API. The CLI, and later the REST API and web UI, are thin layers over it."""
from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.document import Article, Document
from marsad.errors import InputError, MarsadError, NotFound
from marsad.audit import Audit, audit
from marsad.export import export
from marsad.kb import knowledge_base
from marsad.settings import Options, default_db_path
from marsad.store import Store
from marsad.store.sqlite import SearchHit
from marsad.semantic import embed_passages, embed_query, passages
from marsad.store.stories import recent_stories, story_records
from marsad.stories.summary import spread, summarise
from marsad.store.views import (entity_page, entity_records, event_rows, mention_evidence, names, quote_rows,
                                timeline_rows, top_entities)

if TYPE_CHECKING:      # the batch runner (and the pipeline with it) loads when something is ingested
    import networkx as nx

    from marsad.batch import Event, IngestReport


NETWORKS_KEPT = 8  # actor networks kept per process, each valid while the store is unchanged
_NETWORKS: OrderedDict[tuple, nx.Graph] = OrderedDict()
RRF_K = 60          # reciprocal-rank fusion constant (Cormack et al. 2009)
HYBRID_DEPTH = 40   # how deep each ranking is read before fusing


@dataclass
class Analysis:
    """What ``analyze`` found: the documents, the entities they name, and the inputs skipped."""
    documents: list[Document]
    entities: list[dict]
    skipped: list[InputError]
    stories: list[dict] = field(default_factory=list)

    def export(self, with_original: bool = False) -> dict:
        """The analysis export (CONTRACT.md)."""
        return export(self.documents, self.entities, self.skipped, with_original, self.stories)


def analyze(paths: Iterable[str], options: Options = Options()) -> Analysis:
    """Run the whole pipeline over inputs with a store that lives in memory only."""
    with Marsad(":memory:", options) as marsad:
        report = marsad.ingest(paths)
        documents = list(marsad.store.documents())
        return Analysis(documents, entity_records(marsad.store.db), report.skipped, marsad.stories(documents))


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
        """Read, analyse and store every article under ``paths``; each is stored whole or not at all.
        Ctrl-C (KeyboardInterrupt) stops it: the report says ``stopped`` and holds what was committed."""
        from marsad import batch
        return batch.ingest(self.store, paths, self.options, on_event)

    def search(self, query: str, limit: int = 10, offset: int = 0, mode: str = "fulltext") -> list[SearchHit]:
        """Documents matching a query, best first, with snippets.

        ``mode``: ``fulltext`` (BM25 over Arabic-aware keys), ``semantic`` (nearest embedded
        passages) or ``hybrid`` (the two rankings fused by reciprocal rank).
        """
        if mode == "fulltext":
            return self.store.search(query, limit, offset)
        semantic = self._semantic(query, limit + offset + HYBRID_DEPTH)
        if mode == "semantic":
            return semantic[offset:offset + limit]
        if mode != "hybrid":
            raise MarsadError(f"unknown search mode {mode!r} (fulltext, semantic or hybrid)")
        try:
            lexical = self.store.search(query, limit + offset + HYBRID_DEPTH, 0)
        except MarsadError:
            lexical = []
        fused: dict[str, float] = {}
        for ranking in (lexical, semantic):
            for rank, hit in enumerate(ranking):
                fused[hit.id] = fused.get(hit.id, 0.0) + 1.0 / (RRF_K + rank + 1)
        best = {h.id: h for h in semantic} | {h.id: h for h in lexical}
        order = sorted(fused, key=lambda i: -fused[i])[offset:offset + limit]
        return [dataclasses.replace(best[i], score=round(fused[i], 5)) for i in order]

    def _semantic(self, query: str, limit: int) -> list[SearchHit]:
        vector = embed_query(query)
        nearest = self.store.vectors.nearest(vector, limit * 4)
        described = self.store.vectors.describe([row for row, _ in nearest])
        order, scores, snippets = [], {}, {}
        for row, score in nearest:
            document, kind, start, end = described[row]
            if document not in scores:
                order.append(document)
                scores[document] = round(score, 4)
                text = self.store.db.execute("SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                                             (start + 1, end - start, document)).get
                snippets[document] = text or ""
        return self.store.hits(order[:limit], scores, snippets)

    def embed(self, limit: int | None = None, on_progress: Callable[[int, int], None] | None = None) -> int:
        """Embed the passages of articles not embedded yet (a background step); returns articles done."""
        pending = self.store.vectors.pending(limit)
        for n, doc_id in enumerate(pending, start=1):
            doc = self.store.get(doc_id)
            items = passages(doc)
            vectors = embed_passages([text for _, _, _, text in items])
            self.store.vectors.add(doc_id, [(k, s, e) for k, s, e, _ in items], vectors)
            if on_progress:
                on_progress(n, len(pending))
        return len(pending)

    def count(self, query: str) -> int:
        """How many documents match a query."""
        return self.store.count_matches(query)

    def document(self, doc_id: str) -> Document:
        """One stored document by id or unique id prefix."""
        return self.store.get(doc_id)

    def stats(self) -> dict:
        """What the store holds."""
        return self.store.stats()

    def overview(self) -> dict:
        """How many articles, entities and mentions the store holds."""
        return self.store.overview()

    def audit(self, top: int = 40, listed: int = 25) -> Audit:
        """The health of the store's entities: the most-named actors and each class of error."""
        return audit(self.store.db, knowledge_base(), top, listed)

    def export(self, with_original: bool = False) -> dict:
        """The analysis export (CONTRACT.md) of the whole store."""
        documents = list(self.store.documents())
        return export(documents, entity_records(self.store.db), with_original=with_original,
                      stories=self.stories(documents))

    def stories(self, documents: list[Document] | None = None, story: str | None = None) -> list[dict]:
        """Stories with their articles, why each joined, and an extractive summary."""
        records = story_records(self.store.db, story)
        by_id = {d.id: d for d in documents} if documents is not None else None
        for record in records:
            read = spread(record["documents"])
            members = [by_id[i] for i in read] if by_id else [self.store.get(i, layers=False) for i in read]
            record["summary"] = [s.__dict__ for s in summarise(members)]
        return records

    def story_list(self, limit: int = 20, offset: int = 0, min_size: int = 1) -> tuple[list[dict], int]:
        """One page of stories, most recently seen first, and how many there are (no summaries:
        they are read with each story)."""
        return recent_stories(self.store.db, limit, offset, min_size)

    def story(self, story_id: str) -> dict:
        """One story, by id."""
        found = self.stories(story=story_id)
        if not found:
            raise NotFound(f"no story {story_id!r}")
        return found[0]

    def entity(self, ref: str) -> dict:
        """The page of one entity, by id, knowledge-base id or name."""
        return entity_page(self.store.db, self.store.entities.require(ref))

    def entities(self, kind: str | None = None, since: str | None = None, until: str | None = None,
                 limit: int = 25) -> list[dict]:
        """The most mentioned entities, optionally of one type and within dates."""
        return top_entities(self.store.db, kind, since, until, limit)

    def explain(self, ref: str) -> dict:
        """Why mentions were linked to an entity: each feature with its score and reason."""
        entity = self.store.entities.require(ref)
        return {"entity": entity_page(self.store.db, entity), "mentions": mention_evidence(self.store.db, entity)}

    def merge(self, keep: str, other: str, note: str | None = None) -> int:
        """Record that two entities are one (a person's decision the matcher keeps)."""
        return self.store.entities.merge(keep, other, note)

    def split(self, entity: str, mention_ids: list[int], note: str | None = None) -> str:
        """Record that some mentions are not this entity; returns the new entity's id."""
        return self.store.entities.split(entity, mention_ids, note)

    def quotes(self, speaker: str | None = None, since: str | None = None, until: str | None = None,
               limit: int = 50, offset: int = 0) -> list[dict]:
        """Quotes, newest first, optionally by one speaker and within dates."""
        entity = self.store.entities.require(speaker) if speaker else None
        return quote_rows(self.store.db, entity, since, until, limit, offset)

    def events(self, kind: str | None = None, entity: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 50, offset: int = 0, document: str | None = None) -> list[dict]:
        """Events, in date order, optionally of one type, involving one entity or told by one article."""
        eid = self.store.entities.require(entity) if entity else None
        return event_rows(self.store.db, kind, eid, since, until, limit, offset, document)

    def names(self, ids: Iterable[str]) -> dict[str, dict]:
        """The names of entities by id."""
        return names(self.store.db, ids)

    def network(self, since: str | None = None, until: str | None = None, min_weight: int = 1,
                limit: int = 100) -> nx.Graph:
        """The actor network (see :func:`marsad.graph.actor_graph`), kept until the store changes."""
        key = (str(self.store.path), self.store.generation(), since, until, min_weight, limit)
        if key not in _NETWORKS:
            from marsad.graph import actor_graph      # networkx loads only when a network is asked for
            _NETWORKS[key] = actor_graph(self.store.db, since, until, min_weight, limit)
            while len(_NETWORKS) > NETWORKS_KEPT:
                _NETWORKS.popitem(last=False)
        _NETWORKS.move_to_end(key)
        return _NETWORKS[key]

    def timeline(self, entity: str | None = None, limit: int = 200) -> list[dict]:
        """A dated, ordered list of events and quotes (with their sources), optionally for one entity."""
        eid = self.store.entities.require(entity) if entity else None
        return timeline_rows(self.store.db, eid, limit)

    def judgements(self) -> list[dict]:
        """Every recorded merge and split."""
        return self.store.entities.judgements()


__all__ = ["Marsad", "IngestReport", "Analysis", "analyze", "Article", "Document", "Options"]


def __getattr__(name: str):
    """``api.IngestReport`` without loading the batch runner before it is needed."""
    if name == "IngestReport":
        from marsad.batch import IngestReport
        return IngestReport
    raise AttributeError(name)
