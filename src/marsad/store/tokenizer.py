"""The FTS5 tokenizer ``marsad``: the document model's tokens, keyed for Arabic search.

Indexed words carry colocated readings (``والناتو`` is indexed as itself and as
``ناتو``), so a query for الناتو finds بالناتو، للناتو، والناتو and phrase queries
keep their positions. Queries are keyed without readings. Offsets are those of the
words as written.
"""
from __future__ import annotations

import functools

import apsw
import apsw.fts5

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


class Tokenizer:
    """The tokenizer of one connection; the store hands it a text's tokens before indexing it."""

    def __init__(self) -> None:
        self._known: tuple[str, tuple[Token, ...]] | None = None

    def expect(self, text: str, tokens: tuple[Token, ...]) -> None:
        """The next text to index and its tokens, already found by the segment stage."""
        self._known = (text, tokens) if tokens else None

    def _tokens(self, text: str):
        if self._known is not None and self._known[0] == text:
            return self._known[1]
        return iter_tokens(text)

    def __call__(self, text: str, flags: int, locale: str | None) -> list[tuple]:
        if flags & apsw.FTS5_TOKENIZE_QUERY:
            keys = ((s, e, query_key(text[s:e])) for s, e, kind in iter_tokens(text) if kind != "punct")
            return [k for k in keys if k[2]]
        out = []
        for s, e, kind in self._tokens(text):
            if kind != "punct" and (keys := indexed_keys(text[s:e])):
                out.append((s, e, *keys))
        return out

    def register(self, con: apsw.Connection) -> None:
        """Make this tokenizer available to FTS5 on a connection as ``marsad``."""
        con.register_fts5_tokenizer(NAME, apsw.fts5.StringTokenizer(lambda con, args: self))
