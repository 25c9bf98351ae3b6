"""From what a person types to an FTS5 MATCH expression: words are ANDed, "…" is a phrase."""
from __future__ import annotations

import re

from marsad.errors import MarsadError
from marsad.segment import iter_tokens

_QUOTED = re.compile(r"[\"“”«»](.+?)[\"“”«»]")


def _words(text: str) -> list[str]:
    return [text[s:e] for s, e, kind in iter_tokens(text) if kind != "punct"]


def query_words(query: str) -> list[str]:
    """Every word of a query, quoted or not."""
    return _words(query)


def to_match_expression(query: str) -> str:
    """The MATCH expression for a query; each word or phrase is quoted, so no syntax leaks in."""
    parts = []
    for phrase in _QUOTED.findall(query):
        words = _words(phrase)
        if words:
            parts.append('"' + " ".join(words) + '"')
    for word in _words(_QUOTED.sub(" ", query)):
        parts.append(f'"{word}"')
    if not parts:
        raise MarsadError(f"nothing to search for in {query!r}")
    return " AND ".join(parts)
