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


def resolve(doc: Document, candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping spans: higher priority first, then longer, then earlier."""
    chosen: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if c.start < c.end and not any(o.start < c.end and c.start < o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
