"""The FTS5 tokenizer ``marsad``: the document model's tokens, keyed for Arabic search.

Indexed words carry colocated readings (``والناتو`` is indexed as itself and as
``ناتو``), so a query for الناتو finds بالناتو، للناتو، والناتو and phrase queries
keep their positions. Queries are keyed without readings. Offsets are those of the
words as written.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable

import apsw
import numpy as np

from marsad.document import Token
from marsad.normalize import clitic_readings, orthographic_key, search_key
from marsad.segment import iter_tokens

NAME = "marsad"


@functools.lru_cache(maxsize=1 << 16)
def indexed_keys(word: str) -> tuple[str, ...]:
    """The keys a word is indexed under: its own, then its clitic-free readings (cached: words repeat)."""
    key = orthographic_key(word)
    return clitic_readings(key) if key else ()


@functools.lru_cache(maxsize=1 << 16)
def query_key(word: str) -> str:
    """The key a query word is looked up by."""
    return search_key(word)


IndexTokens = list[tuple]       # (byte start, byte end, key, *readings) per word, as FTS5 takes them


def _byte_offsets(encoded: bytes) -> list[int]:
    """The UTF-8 byte offset of every character of a text, and its length at the end."""
    octets = np.frombuffer(encoded, np.uint8)
    return [*np.flatnonzero((octets & 0xC0) != 0x80).tolist(), len(encoded)]


def index_tokens(text: str, tokens: Iterable[Token] | None = None) -> IndexTokens:
    """What FTS5 indexes for a text: each word's UTF-8 offsets and its keys. Pure, so the
    analysis processes of a batch ingest can compute it and spare the writer."""
    at = _byte_offsets(text.encode("utf-8"))
    words = tokens if tokens is not None else iter_tokens(text)
    return [(at[s], at[e], *keys) for s, e, kind in words if kind != "punct" and (keys := indexed_keys(text[s:e]))]


class Tokenizer:
    """The tokenizer of one connection; the store hands it a text's index tokens before indexing it."""

    def __init__(self) -> None:
        self._known: tuple[bytes, IndexTokens] | None = None

    def expect(self, text: str, tokens: IndexTokens) -> None:
        """The next text to index and its index tokens (see :func:`index_tokens`)."""
        self._known = (text.encode("utf-8"), tokens)

    def __call__(self, utf8: bytes, flags: int, locale: str | None) -> IndexTokens:
        if flags & apsw.FTS5_TOKENIZE_QUERY:
            text = utf8.decode("utf-8")
            at = _byte_offsets(utf8)
            keys = ((at[s], at[e], query_key(text[s:e])) for s, e, kind in iter_tokens(text) if kind != "punct")
            return [k for k in keys if k[2]]
        if self._known is not None and self._known[0] == utf8:
            return self._known[1]
        return index_tokens(utf8.decode("utf-8"))

    def register(self, con: apsw.Connection) -> None:
        """Make this tokenizer available to FTS5 on a connection as ``marsad``."""
        con.register_fts5_tokenizer(NAME, lambda con, args: self)
