"""Linking across articles: which of the store's own entities a name outside the knowledge base is.

The store proposes entities (:class:`Lookup`: by name key, by sound key, by surname); the
features here decide, each with a score and a reason that ``marsad explain`` prints:

- ``stored name`` (1.0): the name, keyed, is a name an entity of that type was seen under;
- ``stored spelling`` (the judge's probability): a spelling of a stored name by
  :mod:`marsad.link.spelling`, each word a spelling of the other's word — only for a name written from another script
  (one with ع ح ض ظ is an Arab's name, whose Arabic spelling does not vary), at least
  five letters long, not a common word, the same numbers, and no word that is a name in
  its own right (سعد is not سعيد);
- ``stored surname`` (0.9): a surname alone that exactly one stored person bears.

A name the base gives to several entities that the article did not tell apart (الاتحاد
السعودي: the federation or the Jeddah club) is an entity of its article only
(``ambiguous``): the store's counts do not choose for it.

A name that cannot tell its bearer apart across articles — a given name alone (فهد), a
surname many people share (القحطاني), a common word — is an entity of its article only
(``article only``): it never gathers every bearer of the name from every article.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from marsad.kb import name_key
from marsad.normalize import written_form
from marsad.link import spelling, translit
from marsad.link.candidates import may_sound_alike, word_by_word
from marsad.words import is_common, tells_no_one_apart

SOUND_SAME = 0.8          # the judge's probability from which a stored name of another article is the same
SURNAME_MIN_LETTERS = 4


class Lookup(Protocol):
    """What the store answers about its entities (``store/entities.py`` implements it)."""

    def named(self, kind: str, key: str) -> list[tuple[str, int]]:
        """Entities of a type seen under a name key, with their mentions, most mentioned first."""

    def sounding(self, kind: str, keys: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Entities of a type whose names have one of the index keys: (entity, its name)."""

    def surnamed(self, key: str) -> list[tuple[str, str]]:
        """People whose names end in a surname with this sound key: (entity, its name)."""

    def spellings(self, entity: str) -> list[str]:
        """The written forms an entity was seen under."""


@dataclass
class Decision:
    """Which stored entity a name is (None: a new one), whether it may be found from other
    articles (``scope`` store or article), and the features that decided."""
    entity: str | None
    scope: str = "store"
    features: list[tuple[str, float, str]] = field(default_factory=list)


def _same_surname(text: str, name: str) -> bool:
    """Whether a surname alone is the last word of a stored name: the same as keyed, or — for
    names written from another script, both — a spelling of it (المعجل is not موكل, إيثان not العيثان)."""
    last = name.split()[-1]
    return name_key(text) == name_key(last) or (may_sound_alike(text) and may_sound_alike(last)
                                                 and spelling.probability(text, last) >= SOUND_SAME)


def same_articles(a: str, b: str) -> bool:
    """Whether two names of as many words carry the article on the same words: in a person's name
    it is part of the name (أحمد العثمان is not أحمد عثمان), though keys leave it out."""
    ours, theirs = a.split(), b.split()
    return len(ours) != len(theirs) or all(written_form(x).startswith("ال") == written_form(y).startswith("ال")
                                            for x, y in zip(ours, theirs))


def decide(kind: str, text: str, store: Lookup, candidates: tuple[str, ...] = ()) -> Decision:
    """The stored entity a name outside the knowledge base is, and why. ``candidates`` are the
    knowledge-base entities the name may be that the article did not choose between: how
    often the store saw the name under one of them does not choose for it."""
    if len(candidates) > 1:
        return Decision(None, "article", [("ambiguous", 0.0,
                                          f"«{text}» is a name of {len(candidates)} entities of the base and the "
                                          "article does not tell which: an entity of this article only")])
    if kind == "PER" and tells_no_one_apart(text) or kind != "PER" and len(text.split()) == 1 and is_common(text):
        return Decision(None, "article", [("article only", 0.0,
                                          f"«{text}» alone does not tell who is meant across articles "
                                          "(a given name, a shared surname or a common word): an entity of this "
                                          "article only")])
    named = store.named(kind, name_key(text))
    if kind == "PER":
        named = [(e, n) for e, n in named if any(same_articles(text, t) for t in store.spellings(e))]
    if named:
        entity, count = named[0]
        return Decision(entity, "store", [("stored name", 1.0, f"«{text}» is a name already stored for this "
                                                               f"entity ({count} mentions)")])
    if may_sound_alike(text):
        near = translit.lookup_keys(text)
        judged = {}
        for entity, name in store.sounding(kind, near) if near else ():
            p = word_by_word(text, name) if may_sound_alike(name) else 0.0
            if p >= SOUND_SAME:
                judged[entity] = max(judged.get(entity, 0.0), p), name
        if len(judged) == 1:
            entity, (p, name) = judged.popitem()
            return Decision(entity, "store", [("stored spelling", round(p, 3),
                                               f"«{text}» is a spelling of the stored «{name}» (judged {p:.2f})")])
    if kind == "PER" and len(text.split()) == 1 and sum(ch.isalpha() for ch in text) >= SURNAME_MIN_LETTERS:
        people = {entity for entity, name in store.surnamed(translit.key(text)) if _same_surname(text, name)}
        if len(people) == 1:
            return Decision(people.pop(), "store", [("stored surname", 0.9,
                                                     f"«{text}» is the surname of exactly one stored person")])
    return Decision(None, "store", [("new", 0.0, f"no stored entity is «{text}»: a new entity")])
