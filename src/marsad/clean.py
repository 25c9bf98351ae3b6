"""Cleaning: drop page furniture, keep every sentence of the article, remember what went.

Rules live in ``data/furniture.yaml``; this module applies them line by line, then
the context rules that need the whole page: the title and its repeats, repeated
short lines, non-Arabic lines, date-only lines, lines that an outlet repeats across
its articles, and short lines wedged between furniture. The cleaned text is the
kept lines, each trimmed, one per line; an :class:`OffsetMap` leads back to the
original.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from marsad import resources
from marsad.dates import find_dates
from marsad.document import Document, OffsetMap, Removed
from marsad.normalize import matching_view, orthographic_key

_PUNCT = re.compile(r"[^\w\s]|_")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_LETTER = re.compile(r"[^\W\d_]")
_INNER_PUNCT = re.compile(r"[,،.:;؛!?؟\"“”«»]")
_CONTACT = re.compile(r"@|https?://|www\.")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_SENTENCE_END = re.compile(r"[.!?\u061f\u2026:\"”»)\]]\s*$")
_SENTENCE_FINAL = re.compile(r"[.!?\u061f\u2026][\"”»)\]]*\s*$")
_DATE_LINE_WORDS = re.compile(
    r"^(نشر|تم|النشر|تاريخ|اخر|تحديث|التحديث|محدث|في|بتاريخ|الساعه|ص|م|am|pm|gmt|utc|بتوقيت|مكه|المكرمه|"
    r"\d{1,2}|\d{4})$")

DATE_LINE = "date line"


def line_key(line: str) -> str:
    """The key furniture patterns match: orthographic key with punctuation as spaces."""
    return " ".join(_PUNCT.sub(" ", orthographic_key(line)).split())


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    reason: str
    max_words: int
    patterns: tuple[re.Pattern, ...]
    raw_patterns: tuple[re.Pattern, ...]
    vocabulary: frozenset[str]
    sentences: bool

    def matches(self, line: _Line, folded: str) -> bool:
        """Whether the rule removes this line."""
        key, words = line.key, line.words
        if words > self.max_words or (_sentence_like(line) and not self.sentences):
            return False
        if any(p.search(key) for p in self.patterns) or any(p.search(folded) for p in self.raw_patterns):
            return True
        tokens = key.split()
        return bool(self.vocabulary) and bool(tokens) and all(
            t in self.vocabulary or (t.startswith("و") and t[1:] in self.vocabulary) for t in tokens)


@functools.cache
def _rules() -> tuple[tuple[_Rule, ...], dict]:
    spec = resources.load("furniture.yaml")
    rules = tuple(
        _Rule(r["name"], r["reason"], r.get("max_words", spec["context"]["max_words"]),
              tuple(re.compile(p) for p in r.get("patterns", [])),
              tuple(re.compile(p, re.I) for p in r.get("raw_patterns", [])),
              frozenset(r.get("vocabulary", [])), bool(r.get("sentences", False)))
        for r in spec["rules"])
    return rules, spec["context"]


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    key: str
    words: int
    reason: str | None = None

    @property
    def punctuated(self) -> bool:
        return bool(_SENTENCE_END.search(self.text))


def _lines(original: str) -> list[_Line]:
    out, pos = [], 0
    for raw in original.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped[0])
            key = line_key(stripped)
            out += _split_leading(_Line(start, start + len(stripped), stripped, key, len(key.split())))
        pos += len(raw) + 1
    return out


_WORD = re.compile(r"\S+")


@functools.cache
def _leading_rule() -> tuple[int, frozenset[str], frozenset[str]] | None:
    """(fewest words, verbs that open the buttons, their vocabulary) of the rule with ``leading_words``."""
    spec = next((r for r in resources.load("furniture.yaml")["rules"] if r.get("leading_words")), None)
    return (spec["leading_words"], frozenset(spec["leading_verbs"]), frozenset(spec["vocabulary"])) if spec else None


def _split_leading(line: _Line) -> list[_Line]:
    """A line that opens with share buttons and goes on with article text: the buttons as a
    line of their own, then the rest (``leading_words`` in ``data/furniture.yaml``)."""
    rule = _leading_rule()
    if not rule or not line.key.split() or line.key.split()[0] not in rule[1]:
        return [line]
    fewest, _, vocabulary = rule
    words, end = 0, None
    for match in _WORD.finditer(line.text):
        keys = line_key(match.group()).split()
        if not all(k in vocabulary or k.startswith("و") and k[1:] in vocabulary for k in keys):
            break
        words, end = words + len(keys), match.end()
    if end is None or words < fewest or not line.text[end:].strip():
        return [line]
    rest = line.text[end:].lstrip()
    head = line.text[:end]
    offset = line.start + len(line.text) - len(rest)
    return [_Line(line.start, line.start + end, head, line_key(head), len(line_key(head).split())),
            _Line(offset, line.end, rest, line_key(rest), len(line_key(rest).split()))]


def is_date_line(text: str) -> bool:
    """A line that holds a date and nothing else but publishing words and a time."""
    found = find_dates(text)
    if not found:
        return False
    rest = text[: found[0].start] + " " + text[found[0].end:]
    return all(_DATE_LINE_WORDS.match(w) for w in line_key(rest).split())


def _by_rules(line: _Line) -> str | None:
    rules, _ = _rules()
    folded = matching_view(line.text)
    for rule in rules:
        if rule.matches(line, folded):
            return rule.reason
    if line.words <= 16 and is_date_line(line.text):
        return DATE_LINE
    if not _LETTER_OR_DIGIT.search(line.text):
        return "decoration"
    return None


def _title_index(lines: list[_Line], title: str | None) -> int | None:
    if title:
        key = line_key(title)
        for i, line in enumerate(lines):
            if line.key == key:
                return i
    return next((i for i, line in enumerate(lines) if line.reason is None), None)


def _is_body(line: _Line) -> bool:
    _, ctx = _rules()
    return line.reason is None and (line.punctuated or line.words > ctx["max_words"])


def _body_zone(lines: list[_Line], title_at: int | None) -> range:
    """Indices from the first to the last paragraph of running text (furniture sits outside)."""
    body = [i for i, line in enumerate(lines) if i != title_at and _is_body(line)]
    return range(body[0], body[-1] + 1) if body else range(len(lines))


def _sentence_like(line: _Line) -> bool:
    return line.words >= 7 and bool(_SENTENCE_FINAL.search(line.text))


def _by_context(lines: list[_Line], title_at: int | None, repeated: frozenset[str]) -> None:
    _, ctx = _rules()
    title_key = lines[title_at].key if title_at is not None else None
    body = _body_zone(lines, title_at)
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if line.reason is None and i != title_at:
            outside = i not in body
            if line.key == title_key:
                line.reason = "repeated title"
            elif outside and line.key in seen and line.words <= ctx["max_words"]:
                line.reason = "repeated line"
            elif outside and not _ARABIC.search(line.text) and (
                    line.words <= ctx["latin_max_words"] if i < body.start else
                    line.words <= ctx["latin_trailer_words"] or _CONTACT.search(line.text)):
                line.reason = "non-Arabic line"
            elif line.key in repeated and line.words <= ctx["max_words"] and not _sentence_like(line):
                line.reason = "repeated across the outlet's articles"
        seen.add(line.key)


def _between_furniture(lines: list[_Line], title_at: int | None) -> None:
    _, ctx = _rules()
    changed = True
    while changed:
        changed = False
        for i, line in enumerate(lines):
            if line.reason or i == title_at or line.punctuated or line.words > ctx["sandwich_max_words"]:
                continue
            before = i > 0 and (lines[i - 1].reason is not None or i - 1 == title_at)
            after = i + 1 == len(lines) or lines[i + 1].reason is not None
            if before and after and (i - 1 != title_at or i + 1 < len(lines)):
                line.reason = "short line between furniture lines"
                changed = True


def _headline_verb(line: _Line) -> bool:
    spec = resources.load("furniture.yaml")["teaser"]
    verb, exceptions = re.compile(spec["verb_pattern"]), set(spec["not_verbs"])
    words = line.key.split()
    return any(verb.match(w) and w not in exceptions for w in words[1: 1 + spec["verb_within_words"]])


def _teasers(lines: list[_Line], title_at: int | None) -> None:
    """A headline-shaped line between two paragraphs is the title of another article."""
    spec = resources.load("furniture.yaml")["teaser"]
    for i in range(1, len(lines) - 1):
        line = lines[i]
        if (line.reason is None and title_at not in (i - 1, i) and not line.punctuated
                and spec["min_words"] <= line.words <= spec["max_words"] and _LETTER.match(line.text)
                and _is_body(lines[i - 1]) and _is_body(lines[i + 1])
                and not line.key.startswith("و") and not _INNER_PUNCT.search(line.text) and _headline_verb(line)):
            line.reason = "headline of another article"


def clean(doc: Document, repeated: Iterable[str] = frozenset()) -> Document:
    """Stage: set ``text``, ``title``, ``removed`` and ``offset_map`` from ``original``.

    ``repeated`` holds line keys that the document's outlet repeats across articles.
    """
    lines = _lines(doc.original)
    for line in lines:
        line.reason = _by_rules(line)
    title_at = _title_index(lines, doc.title)
    _by_context(lines, title_at, frozenset(repeated))
    _between_furniture(lines, title_at)
    _teasers(lines, title_at)
    kept, runs, removed, pos = [], [], [], 0
    for line in lines:
        if line.reason:
            removed.append(Removed(line.text, line.start, line.end, line.reason))
            continue
        runs.append((pos, line.start, len(line.text)))
        kept.append(line.text)
        pos += len(line.text) + 1
    title = lines[title_at].text if title_at is not None else doc.title
    return dataclasses.replace(doc, text="\n".join(kept), title=title, removed=tuple(removed),
                               offset_map=OffsetMap(tuple(runs)))


def repeatable_lines(text: str) -> set[str]:
    """Keys of the short lines of a text, to count across an outlet's articles."""
    _, ctx = _rules()
    return {line.key for line in _lines(text) if 0 < line.words <= ctx["max_words"]}
