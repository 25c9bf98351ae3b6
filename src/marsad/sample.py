"""Hand-judged samples of marked names, kept as standoff annotations, and their scoring.

A judged span is an article's url, character offsets into the article as Marsad reads it
(the document's ``original``: for a JSON record, its title line, a line break and its
text, lines trimmed — ``marsad show ID --json``), the surface written there and a
person's judgement — never the article's text:

    {"url": …, "start": 812, "end": 815, "surface": "فهد", "name": "yes", "type": "PER",
     "entity": "Fahd bin Abdulaziz Al Saud", "system": {…}, "link": "wrong", "note": "…"}

- ``name``: ``yes`` (a name, or a title standing for a person), ``no`` (not a name: a
  common word, a verb, furniture), ``partial`` (a name with wrong bounds; ``name_text``
  then gives the whole name as written, and a store that marks exactly that is right).
- ``type``: the true type (PER, ORG, GPE, LOC, NORP, EVENT, MISC).
- ``entity``: who or what it is — ``kb:<id>`` for an entity of the knowledge base, a
  Wikidata id, or an English label; empty when a real name cannot be told (a given name
  alone).
- ``system`` and ``link``: what the system linked the span to when it was judged, and
  whether that was ``right``, ``wrong`` or ``none`` (no entity).

Scoring a store against a sample finds, for each judged span, the stored mention over it
and counts: marked spans that are not names; true names linked to the wrong entity; true
names no longer marked. A link into the knowledge base is judged anew from ``entity``; a
link to one of the store's own entities reuses a recorded judgement when the store gives
the same entity (same type, name and commonest written forms) and is otherwise reported
as unjudged, to be judged and recorded in ``links``.
"""
from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import apsw

from marsad.kb import KnowledgeBase


@dataclass(frozen=True)
class Judged:
    """One judged span (see the module's docstring)."""
    url: str
    start: int
    end: int
    surface: str
    name: str
    type: str | None = None
    entity: str | None = None
    system: dict = field(default_factory=dict, hash=False, compare=False)
    link: str | None = None
    note: str = ""
    links: list = field(default_factory=list, hash=False, compare=False)   # later verdicts: {type, name, link}
    name_text: str | None = None      # for a partial span: the whole name as written there


def read(path: str | Path) -> list[Judged]:
    """A sample from its JSON Lines file."""
    out = []
    for line in Path(path).read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append(Judged(**{k: row.get(k) for k in Judged.__dataclass_fields__ if k in row}))
    return out


def write(path: str | Path, rows: Iterable[Judged]) -> None:
    """Write a sample as JSON Lines, one judged span a line."""
    with Path(path).open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps({k: getattr(r, k) for k in Judged.__dataclass_fields__}, ensure_ascii=False) + "\n")


@dataclass(frozen=True)
class Marked:
    """A mention of the store, by its article's url and offsets into the original text."""
    url: str
    start: int
    end: int
    text: str
    type: str
    entity: str | None
    entity_type: str | None
    entity_name: str | None
    kb_id: str | None
    wikidata: str | None
    name_en: str | None
    via_title: bool
    forms: tuple[str, ...] = ()       # the entity's commonest written forms in the store (its own entities)


FORMS = 5


def _forms(db: apsw.Connection, entity: str | None, kb_id: str | None) -> tuple[str, ...]:
    if not entity or kb_id:
        return ()
    return tuple(t for (t,) in db.execute("SELECT text FROM mentions WHERE entity = ? AND via_title = 0 GROUP BY text"
                                          " ORDER BY count(*) DESC, text LIMIT ?", (entity, FORMS)))


def marked(db: apsw.Connection, urls: set[str]) -> dict[str, list[tuple[str, list[Marked]]]]:
    """The store's documents of ``urls`` — their original text and their mentions, in original
    offsets — by url (a url may name two stored copies)."""
    from marsad.document import OffsetMap
    out: dict[str, list[tuple[str, list[Marked]]]] = {}
    for doc, url, runs, original in db.execute("SELECT id, url, offset_map, original FROM documents"
                                               " WHERE url IS NOT NULL"):
        if url not in urls:
            continue
        mapping = OffsetMap(tuple(tuple(r) for r in json.loads(runs)))
        out.setdefault(url, []).append((original, [
            Marked(url, mapping.to_original(s), mapping.to_original(e), t, k, en, et, n, kb, wd, ne, bool(v),
                   _forms(db, en, kb))
            for s, e, t, k, en, et, n, kb, wd, ne, v in db.execute(
                "SELECT m.start, m.end, m.text, m.type, m.entity, e.type, e.name, e.kb_id, e.wikidata,"
                " e.name_en, m.via_title FROM mentions m LEFT JOIN entities e ON e.id = m.entity"
                " WHERE m.document = ?", (doc,))]))
    return out


def mentions_at(stored: dict[str, list[tuple[str, list[Marked]]]], judged: Judged) -> list[Marked] | None:
    """The mentions of the stored document a judged span points into (None when no stored
    document of its url has its surface at its offsets)."""
    for original, mentions in stored.get(judged.url, ()):
        if original[judged.start:judged.end] == judged.surface:
            return mentions
    return None


def system_record(m: Marked) -> dict:
    """What the system said of a span, as a judged span records it."""
    return {"text": m.text, "type": m.type, "entity": m.entity, "entity_type": m.entity_type,
            "entity_name": m.entity_name, "kb_id": m.kb_id, "name_en": m.name_en, "forms": list(m.forms)}


def over(judged: Judged, mentions: list[Marked]) -> Marked | None:
    """The stored mention over a judged span: the one that covers it most alike (the span itself
    before a title that holds it, «الأميركي» before «وزير الدفاع الأميركي»)."""
    best, most = None, 0.0
    for m in mentions:
        shared = min(m.end, judged.end) - max(m.start, judged.start)
        if shared > 0:
            alike = shared / (max(m.end, judged.end) - min(m.start, judged.start))
            if alike > most:
                best, most = m, alike
    return best


def in_base(kb: KnowledgeBase, label: str | None) -> str | None:
    """The knowledge-base id a judged entity label names, if it names one."""
    if not label:
        return None
    if label.startswith("kb:"):
        return label[3:] if label[3:] in kb.entities else None
    if label[:1] == "Q" and label[1:].isdigit():
        return next((e.id for e in kb.entities.values() if e.wikidata == label), None)
    lowered = label.casefold()
    return next((e.id for e in kb.entities.values() if e.name_en.casefold() == lowered), None)


def link_verdict(kb: KnowledgeBase, judged: Judged, m: Marked) -> str:
    """``right``, ``wrong``, ``missed`` (a knowledge-base entity linked elsewhere or nowhere),
    ``none`` (no entity, and none to be had) or ``unjudged`` for a true name's mention."""
    truth = in_base(kb, judged.entity)
    if m.kb_id:
        return "right" if m.kb_id == truth else "wrong"
    if m.entity is None:
        return "missed" if truth else "none"
    for recorded in (judged.system or {}, *judged.links):
        verdict = recorded.get("link", judged.link if recorded is judged.system else None)
        same = (recorded.get("kb_id") is None and recorded.get("entity_name") == m.entity_name
                and recorded.get("entity_type") == m.entity_type and sorted(recorded.get("forms", ())) == sorted(m.forms))
        if same and verdict in {"right", "wrong"}:
            return "missed" if truth and verdict == "right" else verdict
    return "missed" if truth else "unjudged"


@dataclass
class Score:
    """A store scored against a judged sample."""
    judged: int = 0
    marked: int = 0                  # judged spans the store still marks
    not_names: int = 0               # ... that are not names
    partial: int = 0                 # ... that are names with wrong bounds
    names: int = 0                   # true names the store marks
    links: Counter = field(default_factory=Counter)       # verdicts of the true names' links
    unmarked_names: int = 0          # true names the store no longer marks
    errors: list[tuple[str, Judged, Marked | None]] = field(default_factory=list)

    @property
    def not_name_rate(self) -> float:
        """Share of marked spans that are not names."""
        return self.not_names / self.marked if self.marked else 0.0

    @property
    def wrong_link_rate(self) -> float:
        """Share of marked true names whose link was judged that are linked to the wrong entity."""
        judged = self.links["right"] + self.links["wrong"] + self.links["missed"] + self.links["none"]
        return self.links["wrong"] / judged if judged else 0.0

    def summary(self) -> dict:
        """The figures, rounded."""
        return {"judged": self.judged, "marked": self.marked, "not_names": self.not_names,
                "not_name_rate": round(self.not_name_rate, 4), "partial": self.partial, "names": self.names,
                "links": dict(self.links), "wrong_link_rate": round(self.wrong_link_rate, 4),
                "unmarked_names": self.unmarked_names}


def _whole(judged: Judged, mentions: list[Marked]) -> Marked | None:
    """The stored mention that is the whole name a partial span was judged to belong to."""
    want = " ".join(judged.name_text.split())
    return next((m for m in mentions if " ".join(m.text.split()) == want
                 and m.start < judged.end and judged.start < m.end), None)


def score(db: apsw.Connection, kb: KnowledgeBase, sample: list[Judged]) -> Score:
    """Score the store's mentions against a judged sample (articles missing from the store are left out)."""
    stored = marked(db, {j.url for j in sample})
    result = Score()
    for j in sample:
        mentions = mentions_at(stored, j)
        if mentions is None:
            continue
        result.judged += 1
        m = over(j, mentions)
        if m is None:
            if j.name == "yes":
                result.unmarked_names += 1
                result.errors.append(("unmarked", j, None))
            continue
        whole = _whole(j, mentions) if j.name == "partial" and j.name_text else None
        if whole is not None:
            m, j = whole, dataclasses.replace(j, name="yes")
        result.marked += 1
        if j.name == "no":
            result.not_names += 1
            result.errors.append(("not a name", j, m))
        elif j.name == "partial":
            result.partial += 1
        else:
            result.names += 1
            verdict = link_verdict(kb, j, m)
            result.links[verdict] += 1
            if verdict in {"wrong", "unjudged", "missed"}:
                result.errors.append((verdict, j, m))
    return result
