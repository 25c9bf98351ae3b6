"""Near-duplicate articles: MinHash signatures of word shingles, banded for lookup (LSH).

The signature comes from datasketch; its bands are stored in the store's own table, so
that finding the copies of a new article is an index lookup that survives restarts,
and every copy is kept and shown as a copy.
"""
from __future__ import annotations

import functools
import hashlib

import numpy as np
from datasketch import MinHash

from marsad.document import Document
from marsad.normalize import search_key
from marsad.segment import iter_tokens

PERMUTATIONS = 128
BANDS, ROWS = 32, 4           # 32 bands of 4 rows: pairs at Jaccard 0.7 meet with p ≈ 0.999
SHINGLE = 5
THRESHOLD = 0.7               # estimated Jaccard from which two articles are copies
SEED = 1


def shingles(text: str) -> set[str]:
    """Overlapping runs of ``SHINGLE`` word keys of a text."""
    return _runs([search_key(text[s:e]) for s, e, kind in iter_tokens(text) if kind != "punct"])


def _runs(words: list[str]) -> set[str]:
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def body(doc: Document) -> str:
    """The cleaned text without its title line (copies often carry their own titles)."""
    return doc.text.split("\n", 1)[1] if "\n" in doc.text else doc.text


@functools.cache
def _template() -> MinHash:
    return MinHash(num_perm=PERMUTATIONS, seed=SEED)


def signature(doc: Document) -> np.ndarray:
    """The MinHash signature of an article's body."""
    template = _template()
    m = MinHash(num_perm=PERMUTATIONS, seed=SEED, permutations=template.permutations, scheme=template.scheme)
    if doc.tokens:      # the body's tokens, already found by segmentation
        start = len(doc.text) - len(body(doc))
        found = _runs([search_key(doc.text[t.start:t.end]) for t in doc.tokens if t.kind != "punct" and t.start >= start])
    else:
        found = shingles(body(doc))
    m.update_batch([shingle.encode("utf-8") for shingle in found])
    return m.hashvalues.astype(np.uint64)


def bands(sig: np.ndarray) -> list[tuple[int, bytes]]:
    """``(band number, band hash)`` pairs to index a signature by."""
    return [(b, hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).digest())
            for b in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))
