"""Sentence and token segmentation with character offsets, for Arabic news text.

Tokens keep attached clitics (والناتو is one word), as Arabic NER corpora do; the
keys in :mod:`marsad.normalize` read through them. Sentence ends are . ! ? ؟ … and
line breaks; a closing quote or bracket stays with the sentence it closes; the
Arabic comma ، and semicolon ؛ never end one.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from marsad.document import Document, Sentence, Token

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
TOKEN_RE = re.compile(
    rf"(?P<number>\d+(?:[.,\u066b\u066c]\d+)*)"
    rf"|(?P<word>(?:[^\W\d_]|[{_MARKS}])+)"
    rf"|(?P<punct>[^\s\w{_MARKS}])"
)
_END = re.compile(r"[.!?\u061f\u2026]+[\"'”’»)\]]*(?=\s|$)")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[^\W\d_]|[^\W\d_]\.[^\W\d_]|[A-Z][a-z]{1,3})\.$")


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, kind)`` for every token of ``text[start:end]``."""
    for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        yield (*m.span(), m.lastgroup)


def tokenize(text: str) -> tuple[Token, ...]:
    """All tokens of a text, in order."""
    return tuple(map(Token._make, iter_tokens(text)))


def _line_spans(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _continues(text: str, prev: tuple[int, int], line: tuple[int, int], first: bool) -> bool:
    """A line break inside a sentence: a long unpunctuated paragraph, then a short tail that ends one."""
    if first:
        return False
    before, after = text[prev[0]:prev[1]].rstrip(), text[line[0]:line[1]].strip()
    return (len(before.split()) >= 15 and not _END.search(before + " ")
            and 0 < len(after.split()) <= 8 and bool(_END.search(after + " ")))


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences of a text: split after a sentence-final mark and at line breaks.

    The first line (the title) always stands alone; a line break that cuts a long
    sentence short of its last few words does not end it.
    """
    out: list[Sentence] = []
    lines = list(_line_spans(text))
    start = 0
    for i, (line_start, line_end) in enumerate(lines):
        if i and not _continues(text, lines[i - 1], (line_start, line_end), i == 1):
            start = line_start
        elif i == 0:
            start = line_start
        for m in _END.finditer(text, line_start, line_end):
            if m.group().startswith(".") and len(m.group().rstrip("\"'”’»)]")) == 1 \
                    and _ABBREVIATION.search(text, max(line_start, m.start() - 6), m.end()):
                continue
            s, e = _trimmed(text, start, m.end())
            if s < e:
                out.append(Sentence(s, e))
            start = m.end()
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is None or not _continues(text, (line_start, line_end), nxt, i == 0):
            s, e = _trimmed(text, start, line_end)
            if s < e:
                out.append(Sentence(s, e))
            start = line_end
    return tuple(out)


def segment(doc: Document) -> Document:
    """Stage: fill ``sentences`` and ``tokens`` from the cleaned text."""
    return dataclasses.replace(doc, sentences=split_sentences(doc.text), tokens=tokenize(doc.text))
