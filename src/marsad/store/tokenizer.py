"""The FTS5 tokenizer ``marsad``: the document model's tokens, keyed for Arabic search.

Indexed words carry colocated readings (``والناتو`` is indexed as itself and as
``ناتو``), so a query for الناتو finds بالناتو، للناتو، والناتو and phrase queries
keep their positions. Queries are keyed without readings. Offsets are those of the
words as written, so FTS5's ``snippet()`` highlights the original spelling.
"""
from __future__ import annotations

import apsw
import apsw.fts5

from marsad.normalize import clitic_readings, orthographic_key, strip_article
from marsad.segment import iter_tokens

NAME = "marsad"


@apsw.fts5.StringTokenizer
def marsad_tokenizer(con: apsw.Connection, args: list[str]) -> apsw.Tokenizer:
    """Tokenizer factory registered on every connection of the store."""
    def tokenize(text: str, flags: int, locale: str | None):
        querying = bool(flags & apsw.FTS5_TOKENIZE_QUERY)
        for start, end, kind in iter_tokens(text):
            if kind == "punct":
                continue
            key = orthographic_key(text[start:end])
            if not key:
                continue
            if querying:
                yield start, end, strip_article(key)
            else:
                yield start, end, *clitic_readings(key)
    return tokenize


def register(con: apsw.Connection) -> None:
    """Make the ``marsad`` tokenizer available on a connection."""
    con.register_fts5_tokenizer(NAME, marsad_tokenizer)
