"""The health of a store's entities at scale: what a reader would find wrong first.

``marsad audit`` prints it; ``bench/stream.py`` builds a store of SaudiNewsNet articles and
prints it. Each section is one class of error, found by a rule a person can read:

- the most-named people and organisations, with their commonest written forms;
- common words standing as names: forms that are frequent words of the news as written
  (``data/common_words.tsv``) linked as names;
- one-word names standing as entities: a store entity whose name is one word, which
  gathers every bearer of that name (محمد، فهد) from every article;
- forms that share no sound with their entity: a written form none of whose words meets a
  word of the entity's names by sound key (رودكين in Erdoğan);
- links the article's date makes implausible: a knowledge-base entity named before its
  name was in use (a 2015 «شرع» as Ahmed al-Sharaa, an «stc» as a council founded in 2017).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import apsw

from marsad.kb import KnowledgeBase, name_key
from marsad.link import translit
from marsad.words import is_common

PEOPLE_AND_BODIES = ("PER", "ORG")


@dataclass
class EntityHealth:
    """One entity as the audit sees it."""
    id: str
    type: str
    name: str
    name_en: str | None
    kb_id: str | None
    documents: int
    mentions: int
    forms: list[tuple[str, int]]                       # commonest written forms first
    common: list[tuple[str, int]] = field(default_factory=list)      # forms that are common words
    strangers: list[tuple[str, int]] = field(default_factory=list)   # forms sharing no sound with the names
    too_early: int = 0                                 # mentions in articles dated before the name was in use

    @property
    def one_word(self) -> bool:
        """A store entity (not the base's) whose name is a single word."""
        return self.kb_id is None and self.type == "PER" and len(self.name.split()) == 1

    def flags(self) -> list[str]:
        """Short warnings for the table."""
        out = []
        if self.common:
            out.append(f"common words {sum(n for _, n in self.common) / self.mentions:.0%}")
        if self.one_word:
            out.append("one-word name")
        if self.strangers:
            out.append("no shared sound: " + "، ".join(f"{s}×{n}" for s, n in self.strangers[:3]))
        if self.too_early:
            out.append(f"{self.too_early} before its name was in use")
        return out


@dataclass
class Audit:
    """What ``audit`` found."""
    documents: int
    mentions: int
    entities: int
    by_type: dict[str, int]
    top: list[EntityHealth]
    common_words: list[EntityHealth]
    one_word: list[EntityHealth]
    strangers: list[EntityHealth]
    too_early: list[tuple[EntityHealth, str]]          # (entity, earliest article date seen)


def _words_key(text: str) -> set[str]:
    return {translit.key(w) for w in name_key(text).split() if translit.key(w)}


def _names_of(kb: KnowledgeBase, kb_id: str | None, name: str) -> list[str]:
    if kb_id and kb_id in kb.entities:
        return list(kb.entities[kb_id].names)
    return [name]


def _strangers(names: list[str], forms: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Forms none of whose words shares a sound key with a word of the names."""
    known = set().union(*(_words_key(n) for n in names)) | {name_key(n) for n in names}
    out = []
    for form, count in forms:
        keys = _words_key(form)
        if keys and not keys & known and name_key(form) not in known:
            out.append((form, count))
    return out


def _too_early(db: apsw.Connection, kb: KnowledgeBase) -> dict[str, tuple[int, str]]:
    """Knowledge-base entities named in articles dated before that name was in use for them:
    entity → (such mentions, the earliest such date)."""
    out: dict[str, tuple[int, str]] = {}
    for entity, kb_id, text, day, n in db.execute(
            "SELECT m.entity, e.kb_id, m.text, d.published, count(*) FROM mentions m JOIN entities e ON e.id = m.entity"
            " JOIN documents d ON d.id = m.document WHERE e.kb_id IS NOT NULL AND length(d.published) = 10"
            " AND d.published_uncertain = 0 AND m.via_title = 0 GROUP BY m.entity, m.text, d.published"):
        if kb_id in kb.entities and not kb.named_on(kb_id, dt.date.fromisoformat(day), text):
            seen, first = out.get(entity, (0, day))
            out[entity] = (seen + n, min(first, day))
    return out


def audit(db: apsw.Connection, kb: KnowledgeBase, top: int = 40, listed: int = 25) -> Audit:
    """The health of the store's entities: the ``top`` most-named people and organisations, and
    up to ``listed`` entities in each class of error, most-named first."""
    documents = db.execute("SELECT count(*) FROM documents").get
    mentions = db.execute("SELECT count(*) FROM mentions").get
    by_type = dict(db.execute("SELECT type, count(*) FROM entities GROUP BY type ORDER BY 2 DESC"))
    counts = {e: (d, n) for e, d, n in db.execute(
        "SELECT entity, count(DISTINCT document), count(*) FROM mentions WHERE entity IS NOT NULL GROUP BY entity")}
    info = {e: (t, n, ne, k) for e, t, n, ne, k in db.execute("SELECT id, type, name, name_en, kb_id FROM entities")}
    forms: dict[str, Counter] = defaultdict(Counter)
    for entity, text, n in db.execute("SELECT entity, text, count(*) FROM mentions WHERE entity IS NOT NULL"
                                      " AND via_title = 0 AND type != 'NORP' GROUP BY entity, text"):
        forms[entity][text] = n
    early = _too_early(db, kb)

    def health(entity: str) -> EntityHealth:
        kind, name, name_en, kb_id = info[entity]
        docs, total = counts[entity]
        seen = forms[entity].most_common()
        h = EntityHealth(entity, kind, name, name_en, kb_id, docs, total, seen)
        h.common = [(f, n) for f, n in seen if len(f.split()) == 1 and is_common(f)]
        h.strangers = _strangers(_names_of(kb, kb_id, name), seen) if kind in PEOPLE_AND_BODIES else []
        h.too_early = early.get(entity, (0, ""))[0]
        return h

    ranked = sorted((e for e in counts if e in info), key=lambda e: (-counts[e][0], -counts[e][1], e))
    people = [e for e in ranked if info[e][0] in PEOPLE_AND_BODIES]
    table = [health(e) for e in people[:top]]
    pool = [health(e) for e in ranked[:max(top * 10, 400)]]
    common = [h for h in pool if h.common and sum(n for _, n in h.common) >= max(2, 0.1 * h.mentions)]
    one_word = [h for h in pool if h.one_word]
    strangers = [h for h in pool if h.strangers and h.type in PEOPLE_AND_BODIES]
    dated = [(health(e), early[e][1]) for e in ranked if e in early][:listed]
    return Audit(documents, mentions, len(info), by_type, table, common[:listed], one_word[:listed],
                 strangers[:listed], dated)


def render(report: Audit, forms: int = 4) -> str:
    """The audit as text, one table per class of error."""
    def row(h: EntityHealth) -> str:
        name = h.name + (f" ({h.name_en})" if h.name_en else "")
        shown = "، ".join(f"{s}×{n}" for s, n in h.forms[:forms])
        flags = ("  [" + "; ".join(h.flags()) + "]") if h.flags() else ""
        return f"  {h.documents:5} {h.mentions:6} {h.type:4} {'kb ' if h.kb_id else '   '}{name} | {shown}{flags}"

    types = ", ".join(f"{t} {n:,}" for t, n in report.by_type.items())
    lines = [f"{report.documents:,} articles, {report.mentions:,} mentions, {report.entities:,} entities ({types})",
             "", f"The {len(report.top)} people and organisations named in most articles",
             "  docs  ment  type   entity | commonest written forms  [warnings]"]
    lines += [row(h) for h in report.top]
    sections = (("Common words standing as names (a frequent word of the news, as written)", report.common_words),
                ("One-word names standing as entities (every bearer of the name, in every article)", report.one_word),
                ("Written forms that share no sound with their entity's names", report.strangers))
    for title, rows in sections:
        lines += ["", f"{title}: {len(rows)}" + (" (most-named shown)" if rows else "")]
        lines += [row(h) for h in rows]
    lines += ["", f"Links the article's date makes implausible: {len(report.too_early)}"]
    lines += [row(h) + f"  first seen {day}" for h, day in report.too_early]
    return "\n".join(lines)
