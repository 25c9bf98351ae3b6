"""The trained sequence tagger (placeholder until the model lands): spans of PER, ORG, LOC, MISC."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from marsad.document import Document


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A span the tagger labels, its type in the export's vocabulary, and its confidence."""
    start: int
    end: int
    type: str
    score: float


class Tagger(Protocol):
    """Anything that finds typed name spans in a document."""

    def spans(self, doc: Document) -> list[TaggedSpan]: ...


def load_tagger() -> Tagger | None:
    """The shipped model, or None when none is installed."""
    return None
