"""Near-duplicate articles: MinHash signatures of word shingles, banded for lookup (LSH).

The signature is datasketch's MinHash over 32-bit shingle hashes that numpy computes for
a whole article at once: each word's key is hashed once, and a shingle's hash mixes the
hashes of its five words (datasketch's own per-shingle SHA-1 cost the writer of a batch
ingest a fifth of its time).
Its bands are stored in the store's own table, so that finding the copies of a new
article is an index lookup that survives restarts, and every copy is kept and shown
as a copy.
"""
from __future__ import annotations

import functools
import hashlib

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

from marsad.document import Document
from marsad.normalize import search_key
from marsad.segment import iter_tokens

PERMUTATIONS = 128
BANDS, ROWS = 32, 4           # 32 bands of 4 rows: pairs at Jaccard 0.7 meet with p ≈ 0.999
SHINGLE = 5
THRESHOLD = 0.7               # estimated Jaccard from which two articles are copies
SEED = 1
_MAX = np.uint64((1 << 32) - 1)
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                 0xFF51AFD7ED558CCD], dtype=np.uint64)       # one odd multiplier per shingle position


def body(doc: Document) -> str:
    """The cleaned text without its title line (copies often carry their own titles)."""
    return doc.text.split("\n", 1)[1] if "\n" in doc.text else doc.text


def _same(value: int) -> int:
    return value


@functools.cache
def _template() -> MinHash:
    from datasketch import MinHash      # imported when first needed: it pulls in SciPy (half a second)
    return MinHash(num_perm=PERMUTATIONS, seed=SEED, hashfunc=_same)


@functools.lru_cache(maxsize=1 << 16)
def _word_hash(word: str) -> int:
    """A stable 32-bit hash of a word's search key (the same in every process and run)."""
    return int.from_bytes(hashlib.blake2b(search_key(word).encode("utf-8"), digest_size=4).digest(), "little")


def shingle_hashes(words: list[str]) -> np.ndarray:
    """32-bit hashes of the distinct runs of ``SHINGLE`` words (one run when there are fewer)."""
    if not words:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter(map(_word_hash, words), dtype=np.uint64, count=len(words))
    width = min(SHINGLE, len(h))
    with np.errstate(over="ignore"):
        mixed = sum(h[i:len(h) - width + 1 + i] * _MIX[i] for i in range(width))
        return np.unique((mixed ^ (mixed >> np.uint64(29))) & _MAX)


def signature_of(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature of a set of 32-bit shingle hashes (all maximal when empty)."""
    template = _template()
    m = type(template)(num_perm=PERMUTATIONS, seed=SEED, hashfunc=_same, permutations=template.permutations,
                scheme=template.scheme)
    if len(hashes):
        m.update_batch(hashes.tolist())
    return m.hashvalues.astype(np.uint64)


def signature(doc: Document) -> np.ndarray:
    """The MinHash signature of an article's body (its word 5-shingles)."""
    start = len(doc.text) - len(body(doc))
    words = [doc.text[s:e] for s, e, kind in doc.tokens or iter_tokens(doc.text) if kind != "punct" and s >= start]
    return signature_of(shingle_hashes(words))


def resign(db) -> None:
    """Migration: recompute every stored signature and its bands (the shingle hash changed)."""
    rows = list(db.execute("SELECT d.id, d.text FROM signatures s JOIN documents d ON d.id = s.document"))
    db.execute("DELETE FROM lsh")
    for doc_id, text in rows:
        sig = signature(Document(id=doc_id, source="", original=text, text=text))
        db.execute("UPDATE signatures SET minhash = ? WHERE document = ?", (sig.tobytes(), doc_id))
        db.executemany("INSERT OR IGNORE INTO lsh VALUES (?, ?, ?)", [(b, h, doc_id) for b, h in bands(sig)])


def bands(sig: np.ndarray) -> list[tuple[int, bytes]]:
    """``(band number, band hash)`` pairs to index a signature by."""
    return [(b, hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).digest())
            for b in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))
