"""Stories in the store: copies found through stored MinHash bands, articles grouped as they arrive."""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, OrderedDict

import apsw
import numpy as np

from marsad.document import Document
from marsad.stories import clusters, duplicates

CANDIDATE_ENTITIES = 12    # an article looks for stories through its rarest entities
DOCS_PER_STORY = 6         # ... and compares itself with a story's latest articles
WORDS_CACHED = 512         # content-word sets kept in memory for the articles compared most recently


def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b or len(a) < 10 or len(b) < 10:
        return None
    return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Stories:
    """The story tables of a store (one connection, the caller's transactions)."""

    def __init__(self, db: apsw.Connection):
        self.db = db
        self._words: OrderedDict[str, set[str]] = OrderedDict()

    def _content_words(self, doc_id: str, text: str) -> set[str]:
        words = self._words.pop(doc_id, None)
        if words is None:
            words = clusters.content_words(text)
        self._words[doc_id] = words
        if len(self._words) > WORDS_CACHED:
            self._words.popitem(last=False)
        return words

    def copies_of(self, doc: Document, sig: np.ndarray) -> list[tuple[str, float]]:
        """Stored articles whose text is a near-copy of this one, with the estimated similarity."""
        pairs = duplicates.bands(sig)
        found = {d for (d,) in self.db.execute(
            "SELECT DISTINCT document FROM lsh WHERE (band, hash) IN (VALUES "
            + ",".join(["(?, ?)"] * len(pairs)) + ")", [x for pair in pairs for x in pair])}
        found.discard(doc.id)
        out = []
        for other in found:
            blob = self.db.execute("SELECT minhash FROM signatures WHERE document = ?", (other,)).get
            sim = duplicates.similarity(sig, np.frombuffer(blob, dtype=np.uint64))
            if sim >= duplicates.THRESHOLD:
                out.append((other, round(sim, 3)))
        return sorted(out, key=lambda x: -x[1])

    def _entities(self, doc_id: str) -> Counter:
        return Counter({e: n for e, n in self.db.execute(
            "SELECT entity, count(*) FROM mentions WHERE document = ? AND entity IS NOT NULL GROUP BY entity",
            (doc_id,))})

    def _frequencies(self, entities: Counter, n_docs: int) -> dict[str, int]:
        """In how many stored articles each entity is named, counted up to the rare limit only."""
        cap = clusters.rare_limit(n_docs)
        return {e: self.db.execute("SELECT count(*) FROM (SELECT DISTINCT document FROM mentions WHERE entity = ?"
                                   " LIMIT ?)", (e, cap)).get for e in entities}

    def _candidates(self, doc: Document, entities: Counter, df: dict[str, int], n_docs: int) -> list[str]:
        """Stories of nearby days that share one of the article's rare entities (the gate needs one)."""
        cap = clusters.rare_limit(n_docs)
        rare = sorted((e for e in entities if df.get(e, 0) < cap), key=lambda e: df[e])[:CANDIDATE_ENTITIES]
        if not rare:
            return []
        marks = ",".join("?" * len(rare))
        window, params = "", ()
        if doc.published and len(doc.published) >= 10:
            day = dt.date.fromisoformat(doc.published[:10])
            low, high = (str(day + dt.timedelta(days=k * clusters.WINDOW_DAYS)) for k in (-1, 1))
            window, params = " AND (d.published IS NULL OR length(d.published) < 10 OR d.published BETWEEN ? AND ?)", (
                low, high + "\uffff")
        rows = self.db.execute(
            f"SELECT DISTINCT sd.story FROM mentions m JOIN story_documents sd ON sd.document = m.document"
            f" JOIN documents d ON d.id = m.document WHERE m.entity IN ({marks}) AND m.document != ?{window}",
            (*rare, doc.id, *params))
        return [story for (story,) in rows]

    def _match(self, doc: Document, entities: Counter, words: set[str], story: str, df, n_docs) -> clusters.Match:
        best = clusters.Match(story, 0.0, (), None, 0.0)
        members = list(self.db.execute(
            "SELECT d.id, d.text, d.published FROM story_documents sd JOIN documents d ON d.id = sd.document"
            " WHERE sd.story = ? ORDER BY d.published DESC, d.rowid DESC LIMIT ?", (story, DOCS_PER_STORY)))
        for other_id, text, published in members:
            ent, shared = clusters.entity_similarity(entities, self._entities(other_id), df, n_docs)
            if not clusters.passes_gate(ent, shared, df, n_docs):
                continue
            other_words = self._content_words(other_id, text)
            overlap = len(words & other_words) / len(words | other_words) if words | other_words else 0.0
            days = _days(doc.published, published)
            total = clusters.score(ent, overlap, days)
            if total > best.score:
                best = clusters.Match(story, round(total, 3), shared, days, round(overlap, 3))
        return best

    def add(self, doc: Document, sig: np.ndarray | None = None) -> tuple[str, str]:
        """Record the article's copies and put it in a story; returns ``(story id, explanation)``."""
        sig = duplicates.signature(doc) if sig is None else sig
        self.db.execute("INSERT OR REPLACE INTO signatures VALUES (?, ?)", (doc.id, sig.tobytes()))
        self.db.executemany("INSERT OR IGNORE INTO lsh VALUES (?, ?, ?)",
                            [(b, h, doc.id) for b, h in duplicates.bands(sig)])
        copies = self.copies_of(doc, sig)
        self.db.executemany("INSERT OR IGNORE INTO copies VALUES (?, ?, ?)",
                            [(doc.id, other, sim) for other, sim in copies]
                            + [(other, doc.id, sim) for other, sim in copies])
        story, explanation, score = None, "", None
        if copies:
            story = self.db.execute("SELECT story FROM story_documents WHERE document = ?", (copies[0][0],)).get
            explanation, score = f"a copy of {copies[0][0]} (similarity {copies[0][1]:.2f})", copies[0][1]
        if story is None:
            entities = self._entities(doc.id)
            n_docs = self.db.execute("SELECT max(rowid) FROM documents").get or 0
            df = self._frequencies(entities, n_docs)
            candidates = self._candidates(doc, entities, df, n_docs)
            words = self._content_words(doc.id, doc.text) if candidates else set()
            matches = [self._match(doc, entities, words, s, df, n_docs) for s in candidates]
            best = max(matches, key=lambda m: m.score, default=None)
            if best and best.score >= clusters.JOIN:
                names = dict(self.db.execute(
                    f"SELECT id, coalesce(name_en, name) FROM entities WHERE id IN ({','.join('?' * len(best.shared))})",
                    best.shared))
                story, explanation, score = best.story, best.explain(names), best.score
        if story is None:
            story = "s-" + hashlib.sha256(doc.id.encode()).hexdigest()[:12]
            self.db.execute("INSERT INTO stories VALUES (?, ?, ?, ?, ?)",
                            (story, doc.title, doc.published, doc.published, _now()))
            explanation = "first article of the story"
        self.db.execute("INSERT OR REPLACE INTO story_documents VALUES (?, ?, ?, ?)", (story, doc.id, score, explanation))
        if score is not None:       # joined a story: its dates may widen
            self.db.execute("UPDATE stories SET first_seen = (SELECT min(d.published) FROM story_documents sd"
                            " JOIN documents d ON d.id = sd.document WHERE sd.story = ?),"
                            " last_seen = (SELECT max(d.published) FROM story_documents sd"
                            " JOIN documents d ON d.id = sd.document WHERE sd.story = ?)"
                            " WHERE id = ?", (story, story, story))
        return story, explanation


def story_records(db: apsw.Connection, story: str | None = None) -> list[dict]:
    """Stories with their articles (and why each joined), dates and title, earliest first."""
    where, params = ("WHERE s.id = ?", (story,)) if story else ("", ())
    rows = list(db.execute(
        f"SELECT s.id, s.title, s.first_seen, s.last_seen FROM stories s {where} ORDER BY s.first_seen, s.id", params))
    return [_record(db, *row) for row in rows]


def recent_stories(db: apsw.Connection, limit: int = 20, offset: int = 0, min_size: int = 1) -> tuple[list[dict], int]:
    """One page of stories, the most recently seen first (the stories index), and how many there are.

    Only the page's stories are read; ``min_size`` keeps stories of at least that many articles."""
    if min_size > 1:
        sized = ("SELECT story FROM story_documents GROUP BY story HAVING count(*) >= ?", (min_size,))
        total = db.execute(f"SELECT count(*) FROM ({sized[0]})", sized[1]).get
        where, params = f"WHERE s.id IN ({sized[0]})", sized[1]
    else:
        total = db.execute("SELECT count(*) FROM stories").get
        where, params = "", ()
    rows = list(db.execute(
        f"SELECT s.id, s.title, s.first_seen, s.last_seen FROM stories s {where}"
        f" ORDER BY s.last_seen DESC, s.id LIMIT ? OFFSET ?", (*params, limit, offset)))
    return [_record(db, *row) for row in rows], total


def _record(db: apsw.Connection, sid: str, title: str | None, first: str | None, last: str | None) -> dict:
    members = [{"id": d, "title": t, "published": p, "source": src, "score": sc, "why": why}
               for d, t, p, src, sc, why in db.execute(
                   "SELECT d.id, d.title, d.published, d.source, sd.score, sd.explanation FROM story_documents sd"
                   " JOIN documents d ON d.id = sd.document WHERE sd.story = ? ORDER BY d.published, d.rowid",
                   (sid,))]
    return {"id": sid, "title": title, "first_seen": first, "last_seen": last, "size": len(members),
            "documents": [m["id"] for m in members], "articles": members}


def copies(db: apsw.Connection, doc_id: str) -> list[dict]:
    """The near-copies of an article, with their similarity."""
    return [{"id": o, "similarity": s} for o, s in db.execute(
        "SELECT other, similarity FROM copies WHERE document = ? ORDER BY similarity DESC", (doc_id,))]
