"""Merging the finders' spans into mentions: one span per stretch of text, the surest finder first."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from marsad.document import Document
from marsad.normalize import orthographic_key
from marsad.recognise.titles import function_words
from marsad.words import is_common


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span a finder proposes, with how much to trust it (higher wins an overlap)."""
    start: int
    end: int
    type: str
    source: str
    priority: int
    entity: str | None = None
    candidates: tuple[str, ...] = ()
    score: float = 1.0


@functools.cache
def _stop_words() -> frozenset[str]:
    return frozenset(function_words()["stop"])


def _holds(doc: Document, c: Candidate, o: Candidate) -> bool:
    """Whether the tagged span ``c`` is one longer name around the base's ``o``."""
    if o.source == "model" or not (c.start <= o.start and o.end <= c.end) or (c.start, c.end) == (o.start, o.end):
        return False
    if c.start < o.start:
        return True
    # Same start: the tagger has run on past the base's name (الناتو ينوي) unless what it adds
    # is more of a name: a person's family name (حمد بن خليفة آل ثاني، سلفادور دالي), a
    # place's name turned into another kind of name (باريس سان جيرمان، ديلي تلغراف), or words
    # the news never writes but in names (غوغل بلاي is Google's store, not Google).
    added = doc.text[o.end:c.end].split()
    if any(orthographic_key(w) in _stop_words() for w in added):
        return False
    return c.type == "PER" or c.type != o.type or all(not is_common(w) for w in added)


def _wider_model_spans(doc: Document, candidates: list[Candidate]) -> list[Candidate]:
    """A tagged name around a shorter name of the base (وزارة الخارجية الأمريكية around الأمريكية،
    بنك اليابان around اليابان) is one name: it outranks what it holds."""
    out = []
    for c in candidates:
        if c.source == "model" and any(_holds(doc, c, o) for o in candidates):
            c = Candidate(c.start, c.end, c.type, c.source, 4, c.entity, c.candidates, c.score)
        out.append(c)
    return out


def resolve(doc: Document, candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping spans: higher priority first, then longer, then earlier."""
    chosen: list[Candidate] = []
    for c in sorted(_wider_model_spans(doc, candidates), key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if c.start < c.end and not any(o.start < c.end and c.start < o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
