"""Which knowledge-base entities a name may be: by name key, by sound, by surname.

Every candidate comes with the features that support it, each a score and a reason a
person can read (``marsad explain`` prints them). The features are declared here,
in one place, with their weights.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources

from marsad.kb import KnowledgeBase, name_key
from marsad.link import spelling, translit
from marsad.normalize import drops_article, orthographic_key
from marsad.words import is_common, tells_no_one_apart

COMPATIBLE = {"PER": {"PER"}, "ORG": {"ORG"}, "GPE": {"GPE", "LOC"}, "LOC": {"LOC", "GPE"},
              "MISC": {"ORG", "EVENT", "MISC"}, "EVENT": {"EVENT"}, "NORP": {"GPE"}}
SOUND_SURE = 0.9         # a spelling judged this likely to be a known name is evidence enough on its own,
                         # unless it is a name in its own right (سعد is not a misspelling of سعيد)
LINK_MIN = 1.0           # a candidate needs this much evidence to be linked
MARGIN = 0.3             # ... and this much more than the next one


@dataclass
class Candidate:
    """A knowledge-base entity a mention may be, with the evidence for it."""
    entity: str
    features: list[tuple[str, float, str]] = field(default_factory=list)

    @property
    def score(self) -> float:
        """The sum of the feature scores."""
        return sum(score for _, score, _ in self.features)

    def add(self, feature: str, score: float, reason: str) -> None:
        """Record one piece of evidence."""
        self.features.append((feature, round(score, 3), reason))


@dataclass
class SoundIndex:
    """Knowledge-base names by index keys (:func:`marsad.link.translit.index_keys`), whole and (for people) by surname."""
    whole: dict[tuple[str, str], set[tuple[str, str]]]
    surname: dict[tuple[str, str], set[tuple[str, str]]]


@functools.cache
def sound_index(kb: KnowledgeBase) -> SoundIndex:
    """The sound index of a knowledge base (built once)."""
    whole, surname = defaultdict(set), defaultdict(set)
    for entity in kb.entities.values():
        for name in entity.names:
            for k in translit.index_keys(name):
                whole[k].add((entity.id, name))
            words = name.split()
            if entity.type == "PER" and len(words) > 1:
                for k in translit.index_keys(words[-1]):
                    surname[k].add((entity.id, name))
    return SoundIndex(dict(whole), dict(surname))


@functools.cache
def _person_names() -> frozenset[str]:
    """Names of people in their own right (ANERGazet's person list, the tagger's gazetteer)."""
    text = resources.files("marsad").joinpath("data", "ner", "gazetteer_pers.txt").read_text("utf-8")
    return frozenset(orthographic_key(line) for line in text.splitlines() if line.strip())


def own_name(surface: str, target: str, kb: KnowledgeBase | None = None) -> bool:
    """Whether a word the surface writes differently from the target is itself a known name: a
    person's name (سعد is not سعيد) or, given the base, a nationality adjective or a one-word
    name of it (اليمنية is not العمانية)."""
    theirs = {orthographic_key(w) for w in target.split()}
    ours = [orthographic_key(w) for w in surface.split()]
    if any(k in _person_names() for k in ours if k not in theirs):
        return True
    if kb is None:
        return False
    theirs_bare = {name_key(w) for w in target.split()}
    return any(name_key(w) not in theirs_bare and (name_key(w) in kb.demonyms or name_key(w) in kb.aliases)
               for w in surface.split())


_DIGITS = re.compile(r"\d+")


def word_by_word(text: str, name: str, kb: KnowledgeBase | None = None) -> float:
    """The spelling judge's probability that two names are one — when their words pair up one
    for one, each differing pair is itself a likely spelling of one word, none is a name in
    its own right and their numbers agree; else 0."""
    ours, theirs = text.split(), name.split()
    if len(ours) != len(theirs) or _DIGITS.findall(text) != _DIGITS.findall(name):
        return 0.0
    for a, b in zip(ours, theirs):
        if name_key(a) != name_key(b) and (own_name(a, b, kb) or not spelling.same(a, b)):
            return 0.0
    return spelling.probability(text, name)


SOUND_MIN_LETTERS = 5      # shorter spellings meet too many other names by sound
ARAB_LETTERS = re.compile("[عحضظ]")   # letters no transliteration of a foreign name uses
ALONE_CAP = 0.8            # a short surname alone judged a spelling of a known person's needs the article's
CONTEXT = 0.4              # support, which the person's country or body, named in the article, gives
ALONE_LONG = 7             # letters from which a surname alone is rare enough to carry itself (ستولتنبيرغ)


def may_sound_alike(text: str) -> bool:
    """Whether a name is one whose spellings vary by sound: written from another script (one
    with ع ح ض ظ is an Arab's name, whose Arabic spelling does not vary), at least five
    letters long, and not a common word."""
    return (sum(ch.isalpha() for ch in text) >= SOUND_MIN_LETTERS and not ARAB_LETTERS.search(text)
            and not (len(text.split()) == 1 and is_common(text)))


def nasab_prefixes(surface: str) -> list[str]:
    """A name with its forefathers' names, when the family follows (عبدالله بن عبدالعزيز آل سعود →
    عبدالله بن عبدالعزيز): the family adds nothing to who it is. A grandfather's name stays —
    «عبدالله بن عبدالعزيز بن مساعد» is not King Abdullah."""
    words = surface.split()
    keys = [orthographic_key(w) for w in words]
    if len(keys) < 4 or keys[1] not in _SONS or "ال" not in keys[3:]:
        return []
    return [" ".join(words[:keys.index("ال", 3)])]


_SONS = {"بن", "ابن", "بنت"}


def related(kb: KnowledgeBase, entity_id: str) -> set[str]:
    """The countries and bodies an entity belongs to: its country, the jurisdictions of its offices."""
    entity = kb.entities[entity_id]
    return {o.jurisdiction for o in entity.offices} | ({entity.country} if entity.country else set())


def find(kb: KnowledgeBase, surface: str, kind: str, day: dt.date | None = None,
         named: frozenset[str] = frozenset()) -> dict[str, Candidate]:
    """Candidates for a name as written, with the name and sound features filled in.

    ``day`` (the article's date) leaves out entities not yet named so; ``named`` holds the
    knowledge-base entities the article names, which support a surname alone."""
    found: dict[str, Candidate] = {}
    allowed = COMPATIBLE.get(kind, {kind})
    one_word = len(surface.split()) == 1
    alone = one_word and tells_no_one_apart(surface)
    key = name_key(surface)
    for alias in kb.aliases.get(key, ()):
        entity = kb.entities[alias.entity]
        written = kb.written(entity.id, key)
        if one_word and written and all(drops_article(surface, n) for n in written):
            continue        # شباب is the youth, not the club الشباب (after لل the caller restores the article)
        if (entity.type in allowed or kind == "MISC") and (day is None or kb.named_on(entity.id, day, surface)):
            weak = alias.ambiguous or entity.type == "PER" and alone
            c = found.setdefault(entity.id, Candidate(entity.id))
            c.add("name", 1.0 if not weak else 0.6,
                  f"«{surface}» is {'a' if not weak else 'an ambiguous'} name of {entity.name_en}"
                  + (" (a given name, shared surname or common word alone)" if weak and not alias.ambiguous else ""))
    for c in found.values():
        capital = kb.entities[c.entity].capital
        if capital in found and len(found) == 2:
            c.add("country", 0.5, f"«{surface}» names {kb.entities[c.entity].name_en} and its capital: "
                                  "the country is meant unless the text says the city")
    if found:
        return found      # a name the base knows is not second-guessed by sound
    if kind == "PER":
        for prefix in nasab_prefixes(surface):
            people = [a.entity for a in kb.aliases.get(name_key(prefix), ()) if kb.entities[a.entity].type == "PER"
                      and not a.ambiguous and (day is None or kb.named_on(a.entity, day, prefix))]
            if len(people) == 1:
                found[people[0]] = Candidate(people[0])
                found[people[0]].add("nasab", 1.0, f"«{surface}» is «{prefix}» with the names of forefathers "
                                                   f"or family after it: {kb.entities[people[0]].name_en}")
                return found
    if not may_sound_alike(surface):
        return found
    index = sound_index(kb)
    near = translit.lookup_keys(surface)
    pool = {entry for k in near for entry in index.whole.get(k, ())}
    one_word = len(surface.split()) == 1
    if kind == "PER" and one_word:
        pool |= {entry for k in near for entry in index.surname.get(k, ())}
    for entity_id, name in sorted(pool):
        entity = kb.entities[entity_id]
        if entity.type not in allowed or day is not None and not kb.named_on(entity_id, day):
            continue
        target = name.split()[-1] if one_word and entity.type == "PER" else name
        p = spelling.probability(surface, target) if len(target.split()) == 1 else word_by_word(surface, target, kb)
        score = min(p, SOUND_SURE) if own_name(surface, target, kb) else min(1.0, p / SOUND_SURE)
        short = one_word and entity.type == "PER" and sum(ch.isalpha() for ch in surface) < ALONE_LONG
        if short:
            score = min(score, ALONE_CAP)
        if p >= spelling.model().threshold and score > (found[entity_id].score if entity_id in found else 0.0):
            found[entity_id] = Candidate(entity_id)
            why = "" if p == 1.0 else ": " + ", ".join(f"{n} {w:+.2f}" for n, w in spelling.explain(surface, target, 3))
            found[entity_id].add("sound", score, f"«{surface}» is a spelling of «{target}» (judged {p:.2f}{why})")
            support = related(kb, entity_id) & named
            if short and support:
                found[entity_id].add("context", CONTEXT, "the article names "
                                     + ", ".join(sorted(kb.entities[e].name_en for e in support)))
    return found


def best(candidates: dict[str, Candidate]) -> Candidate | None:
    """The candidate with enough evidence and a clear lead, if any."""
    ranked = sorted(candidates.values(), key=lambda c: -c.score)
    if not ranked or ranked[0].score < LINK_MIN:
        return None
    if len(ranked) > 1 and ranked[0].score - ranked[1].score < MARGIN:
        return None
    return ranked[0]
