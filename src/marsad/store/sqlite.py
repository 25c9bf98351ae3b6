"""The embedded store: one SQLite file (WAL), one transaction per article, FTS5 search.

Every write of an article — its row, its index entry, its outlet line counts — is
one transaction, so a process killed mid-ingest leaves either the whole article or
none of it, and running the ingest again completes the batch.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import apsw
import numpy as np

from marsad.document import Document, Mention, OffsetMap, Removed, Sentence, Title
from marsad.errors import NotFound, StoreError
from marsad.kb import KnowledgeBase, knowledge_base
from marsad.normalize import orthographic_key
from marsad.store import facts
from marsad.store.entities import Entities
from marsad.store.stories import Stories
from marsad.store.vectors import Vectors
from marsad.stories import duplicates
from marsad.store.tokenizer import IndexTokens, Tokenizer, index_tokens
from marsad.store.query import query_words, to_match_expression
from marsad.store.schema import LATEST, MIGRATIONS
from marsad.store.snippets import HIGHLIGHT, query_keys, snippet

__all__ = ["Store", "SearchHit", "HIGHLIGHT"]

CACHE_KIB = 32 * 1024     # page cache per connection: the story and copy indexes are written at random


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked search result, with a snippet in the original spelling."""
    id: str
    title: str | None
    source: str
    published: str | None
    score: float
    snippet: str


def body_key(doc: Document) -> str:
    """Hash of the cleaned body without its title: equal for copies of one story."""
    return hashlib.sha256(orthographic_key(duplicates.body(doc)).encode()).hexdigest()[:20]


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """A Marsad store in one SQLite file."""

    def __init__(self, path: str | Path, kb: KnowledgeBase | None = None):
        self.path = Path(path)
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = apsw.Connection(str(self.path))
        except (OSError, apsw.Error) as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from exc
        self.db.set_busy_timeout(10_000)
        self.tokenizer = Tokenizer()
        self.tokenizer.register(self.db)
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", f"cache_size=-{CACHE_KIB}"):
            self.db.execute(f"PRAGMA {pragma}")
        self._migrate()
        self.entities = Entities(self.db, kb or knowledge_base())
        self.stories = Stories(self.db)
        in_memory = str(path) == ":memory:"
        self.vectors = Vectors(self.db, None if in_memory else self.path.with_name(self.path.name + ".vectors"))
        self.text_only = False

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").get
        if version > LATEST:
            raise StoreError(f"{self.path}: made by a newer Marsad (schema {version} > {LATEST})")
        for number, script in MIGRATIONS:
            if number > version:
                with self.db:
                    if callable(script):
                        script(self.db)
                    else:
                        self.db.execute(script)
                    self.db.execute(f"PRAGMA user_version = {number}")

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def contains(self, doc_id: str) -> bool:
        """Whether a document with this id is stored."""
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).get is not None

    def note_source(self, doc_id: str, source: str) -> None:
        """Record that a stored document was seen again under another name."""
        with self.db:
            self.db.execute("INSERT OR IGNORE INTO document_sources VALUES (?, ?, ?)", (doc_id, source, _now()))

    def add(self, doc: Document, line_keys: Iterable[str] = (), signature: np.ndarray | None = None,
            indexed: IndexTokens | None = None, key: str | None = None) -> str | None:
        """Store a document and index it in one transaction; return the id it copies, if any.

        ``signature``, ``indexed`` and ``key``: the document's MinHash signature, full-text
        index tokens and body key when the caller has them already (batch ingest computes
        them in the analysis processes)."""
        key = key or body_key(doc)
        with self.db:
            copy_of = self.db.execute("SELECT id FROM documents WHERE body_key = ? ORDER BY rowid LIMIT 1",
                                      (key,)).get
            self.db.execute(
                "INSERT INTO documents (id, source, outlet, url, format, encoding, language, title, published,"
                " published_uncertain, published_note, original, text, body_key, copy_of, removed, offset_map,"
                " sentences, metadata, ingested_at, machine_translated)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, doc.source, doc.outlet, doc.url, doc.format, doc.encoding, doc.language, doc.title,
                 doc.published, int(doc.published_uncertain), doc.published_note, doc.original, doc.text, key,
                 copy_of, json.dumps([[r.text, r.start, r.end, r.reason] for r in doc.removed], ensure_ascii=False),
                 json.dumps(doc.offset_map.runs), json.dumps([[s.start, s.end] for s in doc.sentences]),
                 json.dumps(doc.metadata, ensure_ascii=False, default=str), _now(), doc.machine_translated))
            rowid = self.db.last_insert_rowid()
            if indexed is None:
                indexed = index_tokens(doc.text, doc.tokens or None)
            self.tokenizer.expect(doc.text, indexed)
            self.db.execute("INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)",
                            (rowid, doc.title or "", doc.text))
            self.db.execute("INSERT INTO document_sources VALUES (?, ?, ?)", (doc.id, doc.source, _now()))
            linked, ids = self.entities.save(doc)
            facts.save(self.db, linked, ids)
            if linked.mentions or not self.text_only:
                self.stories.add(linked, signature)
            if doc.outlet:
                self.db.executemany(
                    "INSERT INTO outlet_lines VALUES (?, ?, 1) ON CONFLICT DO UPDATE SET documents = documents + 1",
                    [(doc.outlet, k) for k in set(line_keys)])
        return copy_of

    def outlet_line_counts(self, outlet: str, keys: Iterable[str]) -> dict[str, int]:
        """How many stored articles of an outlet carry each of these short lines."""
        keys = list(set(keys))
        counts: dict[str, int] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            counts.update(self.db.execute(
                f"SELECT line_key, documents FROM outlet_lines WHERE outlet = ? AND line_key IN ({marks})",
                (outlet, *chunk)))
        return counts

    # -- reading ---------------------------------------------------------------------------

    _COLUMNS = ("id, source, outlet, url, format, encoding, language, title, published, published_uncertain,"
                " published_note, original, text, removed, offset_map, sentences, metadata, copy_of,"
                " machine_translated")

    def _document(self, row: tuple) -> Document:
        (doc_id, source, outlet, url, fmt, encoding, language, title, published, uncertain, note, original,
         text, removed, offset_map, sentences, metadata, copy_of, machine_translated) = row
        meta = json.loads(metadata) | ({"copy_of": copy_of} if copy_of else {})
        return Document(
            id=doc_id, source=source, original=original, text=text, title=title, url=url, outlet=outlet,
            format=fmt, encoding=encoding, language=language, published=published,
            published_uncertain=bool(uncertain), published_note=note,
            offset_map=OffsetMap(tuple(tuple(r) for r in json.loads(offset_map))),
            removed=tuple(Removed(*r) for r in json.loads(removed)),
            sentences=tuple(Sentence(*s) for s in json.loads(sentences)), metadata=meta,
            machine_translated=machine_translated)

    def _layers(self, doc: Document) -> Document:
        mentions = tuple(
            Mention(start, end, text, kind, entity, source, score, bool(via), stands, office,
                    tuple(json.loads(cands)), tuple(tuple(e) for e in json.loads(evidence)))
            for start, end, text, kind, entity, source, score, via, stands, office, cands, evidence in self.db.execute(
                "SELECT start, end, text, type, entity, source, score, via_title, stands_for, office, candidates,"
                " evidence FROM mentions WHERE document = ? ORDER BY start, end", (doc.id,)))
        titles = tuple(
            Title(start, end, tuple(json.loads(roles)), jurisdiction, anaphor,
                  (ns, ne) if ns is not None else None, bool(feminine), bool(former))
            for start, end, roles, jurisdiction, anaphor, ns, ne, feminine, former in self.db.execute(
                "SELECT start, end, roles, jurisdiction, anaphor, name_start, name_end, feminine, former FROM titles"
                " WHERE document = ? ORDER BY start", (doc.id,)))
        story = self.db.execute("SELECT story FROM story_documents WHERE document = ?", (doc.id,)).get
        return facts.load(self.db, dataclasses.replace(doc, mentions=mentions, titles=titles, story=story))

    def get(self, doc_id: str, layers: bool = True) -> Document:
        """The stored document with this id (a unique prefix of it will do); without ``layers``, only
        its text, sentences and metadata (no mentions, titles or facts)."""
        rows = list(self.db.execute(f"SELECT {self._COLUMNS} FROM documents WHERE id >= ? AND id < ? LIMIT 2",
                                    (doc_id, doc_id + "\uffff")))
        exact = [r for r in rows if r[0] == doc_id]
        if exact or len(rows) == 1:
            doc = self._document((exact or rows)[0])
            return self._layers(doc) if layers else doc
        raise NotFound(f"no document {doc_id!r}" + (" (the prefix is ambiguous)" if rows else ""))

    def documents(self) -> Iterator[Document]:
        """Every stored document, in the order they were added."""
        for row in list(self.db.execute(f"SELECT {self._COLUMNS} FROM documents ORDER BY rowid")):
            yield self._layers(self._document(row))

    def sources(self, doc_id: str) -> list[str]:
        """Every name the document was ingested under."""
        return [r[0] for r in self.db.execute("SELECT source FROM document_sources WHERE document = ?", (doc_id,))]

    def search(self, query: str, limit: int = 10, offset: int = 0) -> list[SearchHit]:
        """Documents matching a query, best first (BM25, title weighted), with snippets."""
        expression, keys = to_match_expression(query), query_keys(query_words(query))
        rows = self.db.execute(
            "SELECT d.id, d.title, d.source, d.published, d.text, bm25(documents_fts, 3.0, 1.0) AS score"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?", (expression, limit, offset))
        return [SearchHit(i, t, s, p, -score, snippet(text, keys)) for i, t, s, p, text, score in rows]

    def hits(self, ids: list[str], scores: dict[str, float], snippets: dict[str, str]) -> list[SearchHit]:
        """Search hits for documents found another way (semantic search), in the order given."""
        if not ids:
            return []
        rows = {r[0]: r for r in self.db.execute(
            f"SELECT id, title, source, published FROM documents WHERE id IN ({','.join('?' * len(ids))})", ids)}
        return [SearchHit(i, rows[i][1], rows[i][2], rows[i][3], scores[i], snippets.get(i, ""))
                for i in ids if i in rows]

    def count_matches(self, query: str) -> int:
        """How many documents match a query."""
        return self.db.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?",
                               (to_match_expression(query),)).get

    def generation(self) -> tuple[int, int, int]:
        """A stamp that changes whenever the store's contents do (articles, mentions or judgements
        added): views computed over the whole store are kept under it."""
        return self.db.execute("SELECT (SELECT coalesce(max(rowid), 0) FROM documents),"
                               " (SELECT coalesce(max(id), 0) FROM mentions), (SELECT count(*) FROM judgements)").get

    def overview(self) -> dict:
        """The three counts a front page shows, read from indexes only."""
        return dict(zip(("documents", "entities", "mentions"), self.db.execute(
            "SELECT (SELECT count(*) FROM documents),"
            " (SELECT count(DISTINCT entity) FROM mentions WHERE entity IS NOT NULL),"
            " (SELECT count(*) FROM mentions)").get))

    def stats(self) -> dict:
        """Counts and sizes of what the store holds."""
        one = lambda sql: self.db.execute(sql).get  # noqa: E731
        return {
            "path": str(self.path),
            "schema_version": one("PRAGMA user_version"),
            "documents": one("SELECT count(*) FROM documents"),
            "copies": one("SELECT count(*) FROM documents WHERE copy_of IS NOT NULL"),
            "sources_seen": one("SELECT count(*) FROM document_sources"),
            "outlets": one("SELECT count(DISTINCT outlet) FROM documents"),
            "dated": one("SELECT count(*) FROM documents WHERE published IS NOT NULL"),
            "first_published": one("SELECT min(published) FROM documents"),
            "last_published": one("SELECT max(published) FROM documents"),
            "removed_lines": one("SELECT coalesce(sum(json_array_length(removed)), 0) FROM documents"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "entities": one("SELECT count(DISTINCT entity) FROM mentions WHERE entity IS NOT NULL"),
            "judgements": one("SELECT count(*) FROM judgements"),
            "characters": one("SELECT coalesce(sum(length(text)), 0) FROM documents"),
            "file_bytes": self.path.stat().st_size if self.path.exists() else 0,
        }
