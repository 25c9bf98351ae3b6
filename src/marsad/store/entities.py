"""Entities in the store: lasting ids for the actors the articles name, and people's decisions.

A mention linked to the knowledge base takes the entity ``e-<kb id>``. For a name the
base does not know, :mod:`marsad.link.across` decides which stored entity it is from what
this store answers (entities by name key, by sound key, by surname), or that it founds a
new entity whose id is a hash of its type and name — and of its article, for a name that
tells no one apart across articles (a given name alone). The features that decided are
kept with the mention. A merge or split made by a person is stored as a judgement,
redirects and overrides that every later link passes through, so the matcher never undoes it.
"""
from __future__ import annotations

import bisect

import dataclasses
import datetime as dt
import hashlib
import json

import apsw

from marsad.document import Document, Mention
from marsad.errors import MarsadError, NotFound
from marsad.kb import KnowledgeBase, name_key
from marsad.normalize import orthographic_key
from marsad.link import NEW, across, translit
from marsad.link.across import Decision
from marsad.words import tells_no_one_apart


def sentence_of(starts: list[int], offset: int) -> int:
    """The index of the sentence (by its start offsets, in order) that holds a character offset."""
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def kb_entity_id(kb_id: str) -> str:
    """The store id of a knowledge-base entity."""
    return f"e-{kb_id}"


def new_entity_id(kind: str, name: str, document: str = "") -> str:
    """The id a new entity gets: a hash of its type and name key — a person's with the articles
    kept, which are part of a name (أحمد العثمان is not أحمد عثمان) — and of its article, for a
    name that tells no one apart across articles; re-runs agree."""
    scope = f"|{document}" if document else ""
    key = orthographic_key(name) if kind == "PER" else name_key(name)
    return "e-" + hashlib.sha256(f"{kind}|{key}{scope}".encode()).hexdigest()[:12]


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Entities:
    """The entity tables of a store (one connection, the caller's transactions)."""

    def __init__(self, db: apsw.Connection, kb: KnowledgeBase):
        self.db, self.kb = db, kb

    # -- linking a document's mentions to lasting ids -----------------------------------

    def _redirect(self, entity: str | None) -> str | None:
        seen = set()
        while entity and entity not in seen:
            seen.add(entity)
            new = self.db.execute("SELECT new FROM redirects WHERE old = ?", (entity,)).get
            if not new:
                break
            entity = new
        return entity

    def _ensure_kb(self, kb_id: str) -> str:
        entity = self.kb.entities[kb_id]
        eid = kb_entity_id(kb_id)
        self.db.execute("INSERT OR IGNORE INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (eid, entity.type, entity.name_ar, entity.name_en, entity.wikidata, kb_id, _now()))
        return eid

    # -- what linking across articles may ask (marsad.link.across.Lookup) ---------------

    def named(self, kind: str, key: str) -> list[tuple[str, int]]:
        """Entities of a type seen under a name key, with their mentions, most mentioned first."""
        return list(self.db.execute(
            "SELECT k.entity, count(m.id) FROM entity_keys k LEFT JOIN mentions m ON m.entity = k.entity"
            " WHERE k.kind = 'name' AND k.key = ? AND k.type = ? GROUP BY k.entity ORDER BY 2 DESC", (key, kind)))

    def sounding(self, kind: str, keys: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Entities of a type whose names have one of the index keys: (entity, its name)."""
        return list(self.db.execute(
            "SELECT DISTINCT k.entity, e.name FROM entity_keys k JOIN entities e ON e.id = k.entity"
            f" WHERE (k.kind, k.key) IN (VALUES {','.join(['(?, ?)'] * len(keys))}) AND k.type = ?",
            (*(v for pair in keys for v in pair), kind)))

    def spellings(self, entity: str) -> list[str]:
        """The written forms an entity was seen under: its name and its mentions' words."""
        return [t for (t,) in self.db.execute(
            "SELECT name FROM entities WHERE id = ? UNION SELECT * FROM (SELECT DISTINCT text FROM mentions"
            " WHERE entity = ? AND via_title = 0 LIMIT 50)", (entity, entity))]

    def surnamed(self, key: str) -> list[tuple[str, str]]:
        """People whose names end in a surname with this sound key: (entity, its name)."""
        return list(self.db.execute(
            "SELECT k.entity, e.name FROM entity_keys k JOIN entities e ON e.id = k.entity"
            " WHERE k.kind = 'surname' AND k.key = ? AND k.type = 'PER'", (key,)))

    def _remember(self, entity: str, kind: str, text: str) -> None:
        rows = [("name", name_key(text)), *translit.index_keys(text)]
        if kind == "PER" and len(text.split()) > 1:
            rows.append(("surname", translit.key(text.split()[-1])))
        self.db.executemany("INSERT OR IGNORE INTO entity_keys VALUES (?, ?, ?, ?)",
                            [(k, key, kind, entity) for k, key in rows if key])

    def _override(self, mention: Mention, entity: str) -> str:
        to = self.db.execute("SELECT to_entity FROM overrides WHERE key = ? AND type = ? AND from_entity = ?",
                             (name_key(mention.text), mention.type, entity)).get
        return to or entity

    def resolve(self, mention: Mention, local: dict[str, tuple[str, Decision]], document: str = "",
                name: str | None = None) -> tuple[str | None, list[tuple[str, float, str]]]:
        """The lasting id of a mention's entity (creating it when new), and the features that chose it.

        ``name`` is the fullest name the article gives the entity (the mention's own by default):
        a given name alone that the article also writes in full is decided by the full name."""
        raw = mention.entity
        if raw is None:
            return None, []
        features: list[tuple[str, float, str]] = []
        if raw in self.kb.entities:
            entity = self._ensure_kb(raw)
        elif raw in local:
            entity, decision = local[raw]
            features = decision.features
        else:
            kind = raw[len(NEW):].split(":", 1)[0] if raw.startswith(NEW) else mention.type
            text = name or mention.text
            decision = across.decide(kind, text, self, tuple(mention.candidates or ()))
            entity = decision.entity
            if entity is None:
                scope = document if decision.scope == "article" else ""
                entity = new_entity_id(kind, text, scope)
                self.db.execute("INSERT OR IGNORE INTO entities VALUES (?, ?, ?, NULL, NULL, NULL, ?)",
                                (entity, kind, text, _now()))
            local[raw] = entity, decision
            features = decision.features
        return self._redirect(self._override(mention, self._redirect(entity))), features

    def save(self, doc: Document) -> tuple[Document, dict[str, str]]:
        """Give the document's mentions lasting ids and store them (inside the caller's transaction).

        Returns the document with lasting ids and the map from its raw ids to them.
        """
        local: dict[str, tuple[str, Decision]] = {}
        fullest: dict[str, str] = {}
        for m in doc.mentions:
            if m.entity and not m.via_title and len(m.text) > len(fullest.get(m.entity, "")):
                fullest[m.entity] = m.text
        mentions = []
        for m in doc.mentions:
            entity, features = self.resolve(m, local, doc.id, fullest.get(m.entity))
            stands = self._ensure_kb(m.stands_for) if m.stands_for in self.kb.entities else None
            mentions.append(dataclasses.replace(m, entity=entity, stands_for=stands,
                                                evidence=(*m.evidence, *map(tuple, features))))
            scoped = m.entity in local and local[m.entity][1].scope == "article"
            if entity and not m.via_title and m.type != "NORP" and not scoped and not tells_no_one_apart(m.text):
                self._remember(entity, m.type, m.text)
        starts = [s.start for s in doc.sentences]
        self.db.executemany(
            "INSERT INTO mentions (document, start, end, text, type, entity, source, score, via_title, stands_for,"
            " office, candidates, evidence, sentence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc.id, m.start, m.end, m.text, m.type, m.entity, m.source, m.score, int(m.via_title),
              m.stands_for, m.office, json.dumps(m.candidates), json.dumps(m.evidence, ensure_ascii=False),
              sentence_of(starts, m.start)) for m in mentions])
        self.db.executemany(
            "INSERT INTO titles VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(doc.id, t.start, t.end, json.dumps(t.roles), t.jurisdiction, t.anaphor,
              t.name[0] if t.name else None, t.name[1] if t.name else None, int(t.feminine), int(t.former))
             for t in doc.titles])
        ids = {raw: entity for raw, (entity, _) in local.items()}
        for m, raw in zip(mentions, doc.mentions):
            if raw.entity and m.entity:
                ids[raw.entity] = m.entity
        for kb_id in {*(q for quote in doc.quotes for q in quote.speakers),
                      *(a for e in doc.events for a in (*e.actors, *e.targets, e.where) if a)}:
            if kb_id not in ids and kb_id in self.kb.entities:
                ids[kb_id] = self._redirect(self._ensure_kb(kb_id))
        return dataclasses.replace(doc, mentions=tuple(mentions)), ids

    # -- a person's decisions ----------------------------------------------------------

    def merge(self, keep: str, other: str, note: str | None = None) -> int:
        """Record that two entities are one; ``other``'s mentions move to ``keep``. Returns mentions moved."""
        keep, other = self.require(keep), self.require(other)
        if keep == other:
            raise MarsadError(f"{keep} and {other} are already one entity")
        with self.db:
            moved = self.db.execute("SELECT count(*) FROM mentions WHERE entity = ?", (other,)).get
            self.db.execute("UPDATE mentions SET entity = ? WHERE entity = ?", (keep, other))
            self.db.execute("UPDATE mentions SET stands_for = ? WHERE stands_for = ?", (keep, other))
            self.db.execute("INSERT OR REPLACE INTO redirects VALUES (?, ?)", (other, keep))
            self.db.execute("UPDATE redirects SET new = ? WHERE new = ?", (keep, other))
            self.db.execute("UPDATE OR IGNORE entity_keys SET entity = ? WHERE entity = ?", (keep, other))
            self.db.execute("INSERT INTO judgements (kind, entity, other, mentions, keys, note, created_at)"
                            " VALUES ('merge', ?, ?, '[]', '[]', ?, ?)", (keep, other, note, _now()))
        return moved

    def split(self, entity: str, mention_ids: list[int], note: str | None = None) -> str:
        """Record that some mentions are not ``entity``; they found a new one, and so do their names later."""
        entity = self.require(entity)
        rows = list(self.db.execute(
            f"SELECT id, text, type FROM mentions WHERE entity = ? AND id IN ({','.join('?' * len(mention_ids))})",
            (entity, *mention_ids)))
        if len(rows) != len(set(mention_ids)):
            raise NotFound(f"not all of the mentions {mention_ids} belong to {entity}")
        kind, first = rows[0][2], rows[0][1]
        new = "e-" + hashlib.sha256(f"split|{entity}|{sorted(mention_ids)}".encode()).hexdigest()[:12]
        keys = sorted({(t, name_key(text)) for _, text, t in rows})
        with self.db:
            self.db.execute("INSERT OR IGNORE INTO entities VALUES (?, ?, ?, NULL, NULL, NULL, ?)",
                            (new, kind, first, _now()))
            self.db.executemany("UPDATE mentions SET entity = ? WHERE id = ?", [(new, i) for i, _, _ in rows])
            for t, key in keys:
                self.db.execute("INSERT OR REPLACE INTO overrides VALUES (?, ?, ?, ?)", (key, t, entity, new))
                self.db.execute("DELETE FROM entity_keys WHERE entity = ? AND kind = 'name' AND key = ?", (entity, key))
                self.db.execute("INSERT OR IGNORE INTO entity_keys VALUES ('name', ?, ?, ?)", (key, t, new))
            self.db.execute("INSERT INTO judgements (kind, entity, other, mentions, keys, note, created_at)"
                            " VALUES ('split', ?, ?, ?, ?, ?, ?)",
                            (entity, new, json.dumps(sorted(mention_ids)), json.dumps(keys, ensure_ascii=False),
                             note, _now()))
        return new

    def judgements(self) -> list[dict]:
        """Every recorded decision, oldest first."""
        return [{"id": i, "kind": k, "entity": e, "other": o, "mentions": json.loads(m), "keys": json.loads(ks),
                 "note": n, "at": at} for i, k, e, o, m, ks, n, at in self.db.execute(
                    "SELECT id, kind, entity, other, mentions, keys, note, created_at FROM judgements ORDER BY id")]

    # -- reading -----------------------------------------------------------------------

    def require(self, ref: str) -> str:
        """The id of an entity given its id, a knowledge-base id, or a name (the most mentioned match)."""
        ref = ref.strip()
        for candidate in (ref, kb_entity_id(ref), f"e-{ref.removeprefix('e-')}"):
            found = self._redirect(candidate)
            if self.db.execute("SELECT 1 FROM entities WHERE id = ?", (found,)).get:
                return found
        for entity in self.kb.lookup(ref):          # a name of the knowledge base: that entity, if stored
            if self.db.execute("SELECT 1 FROM entities WHERE id = ?", (kb_entity_id(entity.id),)).get:
                return self._redirect(kb_entity_id(entity.id))
        for kind, key in (("name", name_key(ref)), ("sound", translit.key(ref))):   # a stored name, then its sound
            row = self.db.execute(
                "SELECT m.entity FROM mentions m WHERE m.entity IS NOT NULL AND m.via_title = 0 AND m.entity IN "
                "(SELECT entity FROM entity_keys WHERE kind = ? AND key = ?)"
                " GROUP BY m.entity ORDER BY count(*) DESC LIMIT 1", (kind, key)).get
            if row:
                return row
        row = self.db.execute("SELECT id FROM entities WHERE lower(name_en) = lower(?) OR name = ? LIMIT 1",
                              (ref, ref)).get
        if row:
            return row
        raise NotFound(f"no entity {ref!r}")
