"""The trained tagger inside recognition: sentence tokens in, typed spans with a confidence out.

ANERcorp's labels map to the export's types: PERS → PER, ORG → ORG, LOC → LOC (the
knowledge base makes a country or city GPE), MISC → MISC. A span's confidence is the
tagger's mean probability that its tokens are inside a name.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Protocol

from marsad.document import Document, Token
from marsad.ner.conll import entities

TYPES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A span the tagger labels (whole tokens, clitics included), its type and its confidence."""
    start: int
    end: int
    type: str
    score: float


class Tagger(Protocol):
    """Anything that finds typed name spans in a document."""

    def spans(self, doc: Document) -> list[TaggedSpan]: ...


class ModelTagger:
    """The shipped neural tagger, applied sentence by sentence."""

    def __init__(self, folder: Path):
        from marsad.ner.tagger import NeuralTagger
        self.model = NeuralTagger(folder)

    def _sentences(self, doc: Document) -> list[list[Token]]:
        tokens = [t for t in doc.tokens]
        out, i = [], 0
        for s in doc.sentences:
            run = []
            while i < len(tokens) and tokens[i].start < s.end:
                if tokens[i].start >= s.start:
                    run.append(tokens[i])
                i += 1
            if run:
                out.append(run)
        return out

    def spans(self, doc: Document) -> list[TaggedSpan]:
        """Typed spans of every sentence of the document."""
        sentences = self._sentences(doc)
        tagged = self.model.tag_with_confidence([[doc.text[t.start:t.end] for t in s] for s in sentences])
        out = []
        for run, (labels, inside) in zip(sentences, tagged):
            for kind, first, last in entities(labels):
                if kind in TYPES:
                    confidence = sum(inside[first:last]) / (last - first)
                    out.append(TaggedSpan(run[first].start, run[last - 1].end, TYPES[kind], round(confidence, 3)))
        return out


def model_folder() -> Path:
    """Where the shipped model lives."""
    return Path(str(importlib_resources.files("marsad").joinpath("data").joinpath("ner")))


@functools.cache
def load_tagger() -> Tagger | None:
    """The shipped model (loaded once per process), or None when none is installed."""
    folder = model_folder()
    return ModelTagger(folder) if (folder / "model.json").exists() else None
