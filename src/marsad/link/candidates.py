"""Which knowledge-base entities a name may be: by name key, by sound, by surname.

Every candidate comes with the features that support it, each a score and a reason a
person can read (``marsad explain`` prints them). The features are declared here,
in one place, with their weights.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources

from marsad.kb import KnowledgeBase, name_key
from marsad.link import spelling, translit
from marsad.normalize import orthographic_key

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


def own_name(surface: str, target: str) -> bool:
    """Whether a word the surface writes differently from the target is itself a known name."""
    theirs = {orthographic_key(w) for w in target.split()}
    return any(k in _person_names() for k in (orthographic_key(w) for w in surface.split()) if k not in theirs)


def find(kb: KnowledgeBase, surface: str, kind: str) -> dict[str, Candidate]:
    """Candidates for a name as written, with the name and sound features filled in."""
    found: dict[str, Candidate] = {}
    allowed = COMPATIBLE.get(kind, {kind})
    for alias in kb.aliases.get(name_key(surface), ()):
        entity = kb.entities[alias.entity]
        if entity.type in allowed or kind == "MISC":
            c = found.setdefault(entity.id, Candidate(entity.id))
            c.add("name", 1.0 if not alias.ambiguous else 0.6,
                  f"«{surface}» is {'a' if not alias.ambiguous else 'an ambiguous'} name of {entity.name_en}")
    for c in found.values():
        capital = kb.entities[c.entity].capital
        if capital in found and len(found) == 2:
            c.add("country", 0.5, f"«{surface}» names {kb.entities[c.entity].name_en} and its capital: "
                                  "the country is meant unless the text says the city")
    if found:
        return found      # a name the base knows is not second-guessed by sound
    index = sound_index(kb)
    near = translit.lookup_keys(surface)
    pool = {entry for k in near for entry in index.whole.get(k, ())}
    if kind == "PER" and len(surface.split()) == 1:
        pool |= {entry for k in near for entry in index.surname.get(k, ())}
    for entity_id, name in sorted(pool):
        entity = kb.entities[entity_id]
        if entity.type not in allowed:
            continue
        target = name.split()[-1] if len(surface.split()) == 1 and entity.type == "PER" else name
        p = spelling.probability(surface, target)
        score = min(p, SOUND_SURE) if own_name(surface, target) else min(1.0, p / SOUND_SURE)
        if p >= spelling.model().threshold and score > (found[entity_id].score if entity_id in found else 0.0):
            found[entity_id] = Candidate(entity_id)
            why = "" if p == 1.0 else ": " + ", ".join(f"{n} {w:+.2f}" for n, w in spelling.explain(surface, target, 3))
            found[entity_id].add("sound", score, f"«{surface}» is a spelling of «{target}» (judged {p:.2f}{why})")
    return found


def best(candidates: dict[str, Candidate]) -> Candidate | None:
    """The candidate with enough evidence and a clear lead, if any."""
    ranked = sorted(candidates.values(), key=lambda c: -c.score)
    if not ranked or ranked[0].score < LINK_MIN:
        return None
    if len(ranked) > 1 and ranked[0].score - ranked[1].score < MARGIN:
        return None
    return ranked[0]
