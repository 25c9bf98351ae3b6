"""Entities in the store: lasting ids for the actors the articles name, and people's decisions.

A mention linked to the knowledge base takes the entity ``e-<kb id>``. A name the base
does not know is looked up among the store's entities by its name key, then by its
sound — stored names whose keys meet its own (:func:`marsad.link.translit.lookup_keys`), judged by the learnt spelling model
(:mod:`marsad.link.spelling`), unless the word written differently is a name in its own
right (سعد is not سعيد) — and, for a surname alone, by the surnames of stored
people; failing that it
founds a new entity whose id is a hash of its type and name. A merge or split made
by a person is stored as a judgement, redirects and overrides that every later link
passes through, so the matcher never undoes it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json

import apsw

from marsad.document import Document, Mention
from marsad.errors import MarsadError, NotFound
from marsad.kb import KnowledgeBase, name_key
from marsad.link import NEW, spelling, translit
from marsad.link.candidates import own_name

SOUND_SAME = 0.8   # the spelling judge's probability from which a stored name of another article is the same


def kb_entity_id(kb_id: str) -> str:
    """The store id of a knowledge-base entity."""
    return f"e-{kb_id}"


def new_entity_id(kind: str, name: str) -> str:
    """The id a new entity gets: a hash of its type and name key, so re-runs agree."""
    return "e-" + hashlib.sha256(f"{kind}|{name_key(name)}".encode()).hexdigest()[:12]


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

    def _find(self, kind: str, text: str) -> str | None:
        key = name_key(text)
        rows = self.db.execute(
            "SELECT k.entity, count(m.id) FROM entity_keys k LEFT JOIN mentions m ON m.entity = k.entity"
            " WHERE k.kind = 'name' AND k.key = ? AND k.type = ? GROUP BY k.entity ORDER BY 2 DESC", (key, kind))
        for entity, _ in rows:
            return entity
        near = translit.lookup_keys(text)
        sound = [(e, name) for e, name in self.db.execute(
            "SELECT DISTINCT k.entity, e.name FROM entity_keys k JOIN entities e ON e.id = k.entity"
            f" WHERE (k.kind, k.key) IN (VALUES {','.join(['(?, ?)'] * len(near))}) AND k.type = ?",
            (*(v for pair in near for v in pair), kind))] if near else []
        close = {e for e, name in sound
                 if spelling.probability(text, name) >= SOUND_SAME and not own_name(text, name)}
        if len(close) == 1:
            return close.pop()
        if kind == "PER" and len(text.split()) == 1:
            people = {e for (e,) in self.db.execute(
                "SELECT entity FROM entity_keys WHERE kind = 'surname' AND key = ? AND type = 'PER'",
                (translit.key(text),))}
            if len(people) == 1:
                return people.pop()
        return None

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

    def resolve(self, mention: Mention, local: dict[str, str]) -> str | None:
        """The lasting id of a mention's entity (creating it when new)."""
        raw = mention.entity
        if raw is None:
            return None
        if raw in self.kb.entities:
            entity = self._ensure_kb(raw)
        elif raw in local:
            entity = local[raw]
        else:
            kind = raw[len(NEW):].split(":", 1)[0] if raw.startswith(NEW) else mention.type
            entity = self._find(kind, mention.text)
            if entity is None:
                entity = new_entity_id(kind, mention.text)
                self.db.execute("INSERT OR IGNORE INTO entities VALUES (?, ?, ?, NULL, NULL, NULL, ?)",
                                (entity, kind, mention.text, _now()))
            local[raw] = entity
        return self._redirect(self._override(mention, self._redirect(entity)))

    def save(self, doc: Document) -> tuple[Document, dict[str, str]]:
        """Give the document's mentions lasting ids and store them (inside the caller's transaction).

        Returns the document with lasting ids and the map from its raw ids to them.
        """
        local: dict[str, str] = {}
        mentions = []
        for m in doc.mentions:
            entity = self.resolve(m, local)
            stands = self._ensure_kb(m.stands_for) if m.stands_for in self.kb.entities else None
            mentions.append(dataclasses.replace(m, entity=entity, stands_for=stands))
            if entity and not m.via_title and m.type != "NORP":
                self._remember(entity, m.type, m.text)
        self.db.executemany(
            "INSERT INTO mentions (document, start, end, text, type, entity, source, score, via_title, stands_for,"
            " office, candidates, evidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc.id, m.start, m.end, m.text, m.type, m.entity, m.source, m.score, int(m.via_title),
              m.stands_for, m.office, json.dumps(m.candidates), json.dumps(m.evidence, ensure_ascii=False))
             for m in mentions])
        self.db.executemany(
            "INSERT INTO titles VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(doc.id, t.start, t.end, json.dumps(t.roles), t.jurisdiction, t.anaphor,
              t.name[0] if t.name else None, t.name[1] if t.name else None, int(t.feminine), int(t.former))
             for t in doc.titles])
        ids = dict(local)
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
        row = self.db.execute(
            "SELECT m.entity FROM mentions m WHERE m.entity IS NOT NULL AND m.via_title = 0 AND m.entity IN "
            "(SELECT entity FROM entity_keys WHERE kind IN ('name', 'sound') AND key IN (?, ?))"
            " GROUP BY m.entity ORDER BY count(*) DESC LIMIT 1", (name_key(ref), translit.key(ref))).get
        if row:
            return row
        row = self.db.execute("SELECT id FROM entities WHERE lower(name_en) = lower(?) OR name = ? LIMIT 1",
                              (ref, ref)).get
        if row:
            return row
        raise NotFound(f"no entity {ref!r}")
