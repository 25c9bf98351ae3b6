"""Merging the finders' spans into mentions: one span per stretch of text, the surest finder first."""
from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Document


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


def _wider_model_spans(candidates: list[Candidate]) -> list[Candidate]:
    """A tagged name that ends in a shorter name of the base (وزارة الخارجية الأمريكية around الأمريكية،
    بنك اليابان around اليابان) is one name: it outranks what it holds. Where the base's name comes
    first (الناتو ينوي) the tagger has run on past it, and the base's name stands."""
    out = []
    for c in candidates:
        if c.source == "model" and any(o.source != "model" and c.start < o.start and o.end <= c.end
                                       for o in candidates):
            c = Candidate(c.start, c.end, c.type, c.source, 4, c.entity, c.candidates, c.score)
        out.append(c)
    return out


def resolve(doc: Document, candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping spans: higher priority first, then longer, then earlier."""
    chosen: list[Candidate] = []
    for c in sorted(_wider_model_spans(candidates), key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if c.start < c.end and not any(o.start < c.end and c.start < o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
