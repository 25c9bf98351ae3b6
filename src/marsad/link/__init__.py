"""Linking: every mention to one entity, across spellings, titles and dates (per article).

A name is linked to the knowledge base when the evidence is clear (see
:mod:`marsad.link.candidates`): its name, its sound, the office of a title written
beside it, the other names of the article. Titles with no name become mentions of the
office-holder on the article's date. Names the base does not know are grouped within
the article (غيرهارتس with إينغو غيرهارتس) under a provisional id that the store turns
into a lasting entity, reused on later sightings.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter

from marsad.document import Document, Mention, Title
from marsad.kb import SPORTS_KINDS, KnowledgeBase, knowledge_base, name_key
from marsad.normalize import orthographic_key
from marsad.link import candidates as cand
from marsad.link import translit
from marsad.link.metonymy import stands_for
from marsad.link.offices import holder
from marsad.recognise.own_outlet import quoted, site_of
from marsad.words import is_given_name

NEW = "new:"
_SONS = {"بن", "ابن", "بنت"}


def provisional_id(kind: str, name: str) -> str:
    """The id a name the knowledge base does not know carries until the store assigns one."""
    return f"{NEW}{kind}:{name_key(name)}"


def _day(doc: Document) -> dt.date | None:
    if not doc.published or doc.published_uncertain or len(doc.published) != 10:
        return None
    return dt.date.fromisoformat(doc.published)


def _named(doc: Document) -> Counter:
    return Counter(m.entity for m in doc.mentions if m.entity and not m.entity.startswith(NEW))


def _title_of(doc: Document, mention: Mention) -> Title | None:
    for title in doc.titles:
        if title.name and title.name[0] <= mention.start < title.name[1]:
            return title
    return None


def _office_of(doc: Document, mention: Mention) -> str | None:
    """What a title is an office of, when the mention is that part of it (عمان of «سلطان عمان»)."""
    for title in doc.titles:
        if title.jurisdiction and title.start <= mention.start and mention.end <= title.end \
                and not (title.name and title.name[0] < mention.end):
            return title.jurisdiction
    return None


def _as_written(doc: Document, mention: Mention) -> str:
    """The mention's name with its article back where ل + ال was written لل (للشباب → الشباب)."""
    start = mention.start
    while start > 0 and not doc.text[start - 1].isspace():
        start -= 1
    contracted = start < mention.start and orthographic_key(doc.text[start:mention.start]).endswith("لل")
    return "ال" + mention.text if contracted and not mention.text.startswith("ال") else mention.text


def _link_name(doc: Document, mention: Mention, kb: KnowledgeBase, day: dt.date | None, named: Counter) -> Mention:
    found = cand.find(kb, _as_written(doc, mention), mention.type, day, frozenset(named))
    title = _title_of(doc, mention)
    if title:
        office = holder(kb, title, day, named)
        if office:
            person = kb.entities[office.person]
            sound = max(translit.similarity(mention.text.split()[-1], n.split()[-1]) for n in person.names)
            if sound >= 0.6:
                found.setdefault(person.id, cand.Candidate(person.id)).add(
                    "office", 1.0, f"written after the title: {office.reason}")
    office_of = _office_of(doc, mention)
    if office_of in found:
        found[office_of].add("office", 1.0, f"the title it is written in is an office of {kb.entities[office_of].name_en}")
    federations = any(kb.entities[o].kind == "sports_federation" for o in found)
    for c in found.values():
        others = named.get(c.entity, 0) - (mention.entity == c.entity)
        if others > 0 and len(found) > 1:
            c.add("article", 0.5, f"{kb.entities[c.entity].name_en} is named elsewhere in the article")
        if kb.entities[c.entity].kind == "media" and quoted(doc.text, mention.start, mention.end):
            c.add("quoted", 0.5, "cited in quotation marks, as a newspaper or channel is")
        if kb.entities[c.entity].kind == "club" and not federations:     # a club against a city, not a federation
            peers = sorted(kb.entities[e].name_en for e in named if e != c.entity and kb.entities[e].kind in SPORTS_KINDS)
            if peers:
                c.add("company", 0.5, "the article names other clubs and federations: " + ", ".join(peers[:3]))
    _home(doc, kb, found, named)
    choice = cand.best(found)
    if choice is None:      # the candidates stay with it: the store does not choose among them either
        return dataclasses.replace(mention, entity=None, evidence=(), candidates=tuple(found) or mention.candidates)
    return dataclasses.replace(mention, entity=choice.entity, evidence=tuple(choice.features))


def _home(doc: Document, kb: KnowledgeBase, found: dict[str, cand.Candidate], named: Counter) -> None:
    """Namesakes of different countries (الهلال of Riyadh and of Omdurman): the one of the
    only one of their countries the article names (the country, or a place or body of it) is
    the likelier. The outlet's own country is no evidence: Saudi papers report Egypt's الأهلي."""
    countries = {kb.entities[c].country for c in found}
    kinds = {(kb.entities[c].type, kb.entities[c].kind) for c in found}
    if len(found) < 2 or len(countries) < 2 or None in countries or len(kinds) > 1:
        return      # namesakes of one kind only: a club is no namesake of a channel
    reasons = {}
    for e in sorted((e for e in named if e not in found), key=lambda e: -named[e]):     # not the namesakes themselves
        country = e if kb.entities[e].source_file == "countries" else kb.entities[e].country
        if country in kb.entities and country not in reasons:
            reasons[country] = f"the article names {kb.entities[e].name_en}" + (
                f", of {kb.entities[country].name_en}" if country != e else "")
    at_home = [c for c in found.values() if kb.entities[c.entity].country in reasons]
    if len(at_home) == 1:
        c = at_home[0]
        c.add("home", 0.5, f"a namesake of another country; {reasons[kb.entities[c.entity].country]}")


def _cited_outlet(doc: Document, mention: Mention, kb: KnowledgeBase) -> Mention:
    """An outlet cited by a bare name in quotation marks (see marsad.recognise.own_outlet)."""
    name = kb.entities[mention.entity].name_en
    if mention.source == "credit":
        return dataclasses.replace(mention, evidence=(("credit", 1.0, f"«{mention.text}» alone in quotation marks is "
                                                      f"how the press credits {name}"),))
    return dataclasses.replace(mention, evidence=(("own outlet", 1.0, f"«{mention.text}» in quotation marks on a page of "
                                                  f"{site_of(doc.url)}, the site of {name}"),))


def _demonym(mention: Mention, kb: KnowledgeBase) -> Mention:
    """A nationality adjective stands for its country; the evidence says so."""
    if not mention.entity or mention.entity not in kb.entities:
        return mention
    return dataclasses.replace(mention, evidence=(("demonym", 1.0, f"«{mention.text}» is a nationality adjective of "
                                                                 f"{kb.entities[mention.entity].name_en}"),))


def _apposition(doc: Document, title: Title, mentions: list[Mention]) -> Mention | None:
    """The person named just before a title («ينس ستولتنبرغ، الأمين العام للناتو»)."""
    for m in reversed(mentions):
        if m.end <= title.start and m.type == "PER" and m.entity:
            if re.fullmatch(r"[\s,،]*", doc.text[m.end:title.start]):
                return m
            return None
    return None


def _via_titles(doc: Document, kb: KnowledgeBase, day: dt.date | None, mentions: list[Mention]) -> list[Mention]:
    out, named = [], _named(doc)
    for title in doc.titles:
        if title.name:
            continue
        text = doc.text[title.start:title.end]
        before = _apposition(doc, title, mentions)
        office = holder(kb, title, day, named)
        if before:
            out.append(Mention(title.start, title.end, text, "PER", before.entity, "title", via_title=True,
                               office=office.office if office else None,
                               evidence=(("apposition", 1.0, f"the title follows «{before.text}»"),)))
        elif office:
            out.append(Mention(title.start, title.end, text, "PER", office.person, "title", via_title=True,
                               office=office.office, evidence=(("office", 1.0, office.reason),)))
        else:
            why = "the article's date is unknown or uncertain" if day is None else "no holder found"
            out.append(Mention(title.start, title.end, text, "PER", None, "title", via_title=True,
                               evidence=(("office", 0.0, f"unresolved: {why}"),)))
    return out


def _family(text: str) -> bool:
    """«آل خليفة»، «آل سعود»: a family, not the one member whose name ends so."""
    return name_key(text).split()[0] == "ال"


_FAMILY_NOUNS = {"اسره", "عائله", "ال", "ابناء"}      # keys: أسرة، عائلة، آل، أبناء


def _of_a_family(doc: Document, mention: Mention) -> bool:
    """«أسرة بن لادن»، «عائلة دوابشة»: a surname after a word for family names the family."""
    before = doc.text[max(0, mention.start - 12):mention.start].split()
    return bool(before) and orthographic_key(before[-1]).lstrip("وفبلك") in _FAMILY_NOUNS


def _surname_of(word: str, name: str) -> bool:
    """Whether a word alone is the surname a longer name ends in — not a father's name after بن
    (مساعد of «عبدالله بن عبدالعزيز بن مساعد»), nor a family (آل خليفة)."""
    keys = name_key(name).split()
    return (len(keys) > 1 and " ".join(keys).endswith(" " + name_key(word)) and not _family(word)
            and keys[-len(name_key(word).split()) - 1] not in _SONS)


def _first_name_of(m: Mention, people: list[Mention]) -> Mention | None:
    """The one person of the article whose full name a given name alone begins (الأمير محمد after
    «محمد بن سلمان»); None when no one's or several people's names begin so."""
    if m.type != "PER" or len(m.text.split()) != 1 or not is_given_name(m.text):
        return None
    key = name_key(m.text)
    owners = {p.entity: p for p in people if p.type == "PER" and len(p.text.split()) > 1
              and name_key(p.text).split()[0] == key}
    return next(iter(owners.values())) if len(owners) == 1 else None


def _same_in_article(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Unlinked names that repeat a linked one (the same spelling, a surname, a close sound, the
    given name of the article's one person so named) join it."""
    linked = [m for m in mentions if m.entity and not m.via_title]
    out = []
    for m in mentions:
        if m.entity is None and m.type not in {"NORP"}:
            for other in linked:
                if cand.COMPATIBLE.get(m.type, {m.type}) & {other.type} and (
                        name_key(m.text) == name_key(other.text)
                        or (m.type == "PER" and _surname_of(m.text, other.text) and not _of_a_family(doc, m))
                        or translit.similarity(m.text, other.text) >= 0.9):
                    m = dataclasses.replace(m, entity=other.entity, evidence=(
                        ("article", 1.0, f"the article also writes «{other.text}»"),))
                    break
            else:
                owner = _first_name_of(m, linked)
                if owner:
                    m = dataclasses.replace(m, entity=owner.entity, evidence=(
                        ("article", 1.0, f"the given name of «{owner.text}», the one person of the article so named"),))
        out.append(m)
    return out


def _group_new(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Names outside the knowledge base, grouped within the article under provisional ids."""
    groups: list[tuple[str, str, str]] = []  # (type, canonical text, id)
    order = sorted((m for m in mentions if m.entity is None and not m.via_title), key=lambda m: -len(m.text))
    assigned = {}
    for m in order:
        key = name_key(m.text)
        firsts = [g for g in groups if g[0] == "PER" and len(g[1].split()) > 1 and name_key(g[1]).split()[0] == key]
        for kind, canonical, pid in groups:
            ckey = name_key(canonical)
            if kind == m.type and (key == ckey or (kind == "PER" and _surname_of(m.text, canonical)
                                                   and not _of_a_family(doc, m))
                                   or translit.similarity(m.text, canonical) >= 0.9
                                   or len(firsts) == 1 and firsts[0][2] == pid and is_given_name(m.text)):
                assigned[id(m)] = pid
                break
        else:
            pid = provisional_id(m.type, m.text)
            groups.append((m.type, m.text, pid))
            assigned[id(m)] = pid
    return [dataclasses.replace(m, entity=assigned[id(m)]) if id(m) in assigned else m for m in mentions]


def link(doc: Document, kb: KnowledgeBase | None = None) -> Document:
    """Stage: set ``entity`` (and ``evidence``, ``stands_for``) on every mention; add titles' mentions."""
    kb = kb or knowledge_base()
    day, named = _day(doc), _named(doc)
    mentions = [_demonym(m, kb) if m.type == "NORP" else _cited_outlet(doc, m, kb) if m.source in ("outlet", "credit")
                else _link_name(doc, m, kb, day, named) for m in doc.mentions]
    linked = Counter(m.entity for m in mentions if m.entity and not m.entity.startswith(NEW))
    mentions = [_link_name(doc, raw, kb, day, linked) if m.entity is None and raw.candidates else m
                for m, raw in zip(mentions, doc.mentions)]    # again, knowing what the article was found to name
    mentions = _same_in_article(doc, mentions)
    mentions = sorted(mentions + _via_titles(doc, kb, day, mentions), key=lambda m: (m.start, m.end))
    mentions = [dataclasses.replace(m, stands_for=stands_for(doc, m, kb)) if m.type == "GPE" else m
                for m in mentions]
    return dataclasses.replace(doc, mentions=tuple(_group_new(doc, mentions)))
