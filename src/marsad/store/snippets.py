"""Snippets in the original spelling: the window of a text where the query's words fall thickest.

FTS5's own ``snippet()`` would call back into the Python tokenizer for every token of
every hit; ranking stays in FTS5 and only the few hits shown are read here.
"""
from __future__ import annotations

from marsad.segment import iter_tokens
from marsad.store.tokenizer import indexed_keys, query_key

HIGHLIGHT = ("\x02", "\x03")  # renderers turn these into <mark>, bold or «»


def query_keys(words: list[str]) -> set[str]:
    """The keys of the query's words."""
    return {k for k in (query_key(w) for w in words) if k}


def snippet(text: str, keys: set[str], width: int = 24, ellipsis: str = "…") -> str:
    """About ``width`` words of ``text`` around its densest run of query words, those marked."""
    words = [(s, e) for s, e, kind in iter_tokens(text) if kind != "punct"]
    hits = [i for i, (s, e) in enumerate(words) if keys.intersection(indexed_keys(text[s:e]))]
    if not words:
        return ""
    best, best_score = 0, -1
    for first in hits or [0]:
        start = max(first - width // 4, 0)
        score = len({text[words[i][0]:words[i][1]] for i in hits if start <= i < start + width})
        if score > best_score:
            best, best_score = start, score
    end = min(best + width, len(words))
    begin_char, end_char = words[best][0], words[end - 1][1]
    marked, pos = [], begin_char
    for i in (i for i in hits if best <= i < end):
        s, e = words[i]
        marked += [text[pos:s], HIGHLIGHT[0], text[s:e], HIGHLIGHT[1]]
        pos = e
    marked.append(text[pos:end_char])
    body = " ".join("".join(marked).split()).replace(f"{HIGHLIGHT[1]} {HIGHLIGHT[0]}", " ")
    return (ellipsis if best > 0 else "") + body + (ellipsis if end < len(words) else "")
