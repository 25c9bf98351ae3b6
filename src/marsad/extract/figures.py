"""Figures: numbers in digits or words, with their unit or counted noun and what they qualify.

«101 شاحنة»، «نحو عشرة آلاف شخص»، «2٪ من الناتج المحلي الإجمالي»، «مئة وواحد»، «بمقدار الضعف»،
«الدول الأربع»، «منذ ما يقرب من عام». Years and day numbers inside time expressions are
dates, not figures (a fiscal year is both); numbers inside names (مجموعة السبع) are names.
Number words, units and approximations: ``data/figures.yaml``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from marsad import resources
from marsad.document import Document, Figure
from marsad.extract.times import TimeExpression
from marsad.segment import tokenize
from marsad.normalize import normalize_digits, orthographic_key, proclitic_splits, skip_letters, strip_article


@functools.cache
def _data() -> dict:
    return resources.load("figures.yaml")


@functools.cache
def _number_words() -> dict[str, int]:
    d = _data()
    return {**d["units_words"], **d["tens"], **d["hundreds"]}


@functools.lru_cache(maxsize=1 << 16)
def _bare(key: str) -> tuple[str, ...]:
    """The readings of a keyed word without proclitics, article-free, most likely first."""
    return tuple(strip_article(rest) for _, rest in proclitic_splits(key))


@functools.cache
def _sorted_phrases(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(p.split()) for p in phrases), key=lambda words: -len(words)))


def _lookup(table: dict, key: str):
    for reading in [key, *_bare(key)]:
        if reading in table:
            return table[reading]
    return None


class _Words:
    """The word tokens of a document with their keys, for scanning."""

    def __init__(self, doc: Document):
        self.doc = doc
        tokens = doc.tokens or tokenize(doc.text)
        self.tokens = [t for t in tokens if t.kind != "punct" or doc.text[t.start:t.end] in "%٪"]
        self.keys = [orthographic_key(doc.text[t.start:t.end]) for t in self.tokens]

    def text(self, i: int) -> str:
        t = self.tokens[i]
        return self.doc.text[t.start:t.end]

    def phrase_at(self, i: int, phrases: list[str]) -> int:
        """The number of words of the longest phrase starting at word ``i``, 0 if none."""
        if i >= len(self.keys):
            return 0
        first = {self.keys[i], *_bare(self.keys[i])}
        for words in _sorted_phrases(tuple(phrases)):
            if words[0] in first and tuple(self.keys[i + 1:i + len(words)]) == words[1:]:
                return len(words)
        return 0


def _digits(text: str) -> float | None:
    plain = normalize_digits(text)
    if re.fullmatch(r"\d{1,3}(,\d{3})+", plain):
        plain = plain.replace(",", "")
    try:
        return float(plain.replace(",", "."))
    except ValueError:
        return None


@functools.cache
def _teens() -> dict[str, list[tuple[tuple[str, ...], int]]]:
    index: dict[str, list] = {}
    for phrase, value in _data()["teens"].items():
        words = tuple(phrase.split())
        index.setdefault(words[0], []).append((words, value))
    return index


def _cardinal(w: _Words, i: int) -> tuple[float, int] | None:
    """A number written in words from word ``i``: ``(value, words used)``."""
    for words, value in _teens().get(strip_article(w.keys[i]), ()):
        if tuple(strip_article(k) for k in w.keys[i:i + len(words)]) == words:
            return float(value), len(words)
    value = _lookup(_number_words(), w.keys[i])
    if value is None:
        return None
    total, j = float(value), i + 1
    while j + 1 <= len(w.keys) - 1 and w.keys[j].startswith("و") and _number_words().get(w.keys[j][1:]):
        total += _number_words()[w.keys[j][1:]]
        j += 1
    return total, j - i


def _unit_noun(key: str) -> str | None:
    """The unit a counted noun names; 11–99 take the accusative (مدنيًا، جنديًا), read without its alif."""
    units = _data()["units"]
    return _lookup(units, key) or (_lookup(units, key[:-1]) if key.endswith("ا") and len(key) > 3 else None)


def _unit(w: _Words, j: int) -> tuple[str, str | None, int]:
    """The unit after a number at word ``j``: ``(unit, noun, words used)``."""
    d = _data()
    if j < len(w.keys) and w.text(j) in "%٪":
        used = 1
    elif (n := w.phrase_at(j, d["percent_words"])) if j < len(w.keys) else 0:
        used = n
    else:
        if j < len(w.keys):
            unit = _unit_noun(w.keys[j])
            if unit:
                return unit, w.text(j), 1
            if w.keys[j] == "من" and j + 1 < len(w.keys) and (unit := _unit_noun(w.keys[j + 1])):
                return unit, w.text(j + 1), 2
        return "", None, 0
    gdp = w.phrase_at(j + used, d["gdp_words"]) if j + used < len(w.keys) else 0
    return ("percent_gdp" if gdp else "percent"), None, used + gdp


def _approx_before(w: _Words, i: int) -> bool:
    phrases = _data()["approximations"]
    for back in range(1, 5):
        if i - back >= 0 and w.phrase_at(i - back, phrases) == back:
            return True
    return False


def _clitic_letters(surface: str, key: str) -> int:
    """How many characters of proclitics (و، ب، ل…) stand before a number word."""
    for letters, rest in proclitic_splits(key)[1:]:
        if rest in _number_words() or strip_article(rest) in _number_words() or rest in _data()["multiples"]:
            return skip_letters(surface, letters)
    return 0


def _scan(w: _Words) -> list[Figure]:
    d, out, i = _data(), [], 0
    while i < len(w.tokens):
        start, value, used, unit, noun = w.tokens[i].start, None, 0, "", None
        if w.tokens[i].kind == "number":
            value, used = _digits(w.text(i)), 1
        elif (card := _cardinal(w, i)) is not None:
            value, used = card
        elif (times := _lookup(d["multiples"], w.keys[i])) is not None:
            value, used, unit = float(times), 1, "times"
        elif (dur := _lookup(d["duration_units"], w.keys[i])) is not None and _approx_before(w, i):
            value, unit = (1.0, dur) if isinstance(dur, str) else (float(dur[0]), dur[1])
            used = 1
        if value is None:
            i += 1
            continue
        j = i + used
        if j < len(w.keys) and (scale := _lookup(d["scales"], w.keys[j])):
            value, j = value * scale, j + 1
        if j < len(w.keys) and w.keys[j] in {"اضعاف", "ضعف", "ضعفا"}:
            unit, j = "times", j + 1
        if not unit:
            unit, noun, more = _unit(w, j)
            j += more
            if not unit and i > 0 and w.keys[i].startswith("ال"):     # الدول الأربع: the noun comes first
                unit = _lookup(d["units"], w.keys[i - 1]) or ""
                noun, start = (w.text(i - 1), w.tokens[i - 1].start) if unit else (None, start)
        if start == w.tokens[i].start:
            start += _clitic_letters(w.text(i), w.keys[i])
        approx = _approx_before(w, i) or (j < len(w.keys) and w.keys[j] == "تقريبا")
        out.append(Figure(start, w.tokens[j - 1].end, value, unit or "count", approx, noun))
        i = j
    return out


def find_figures(doc: Document, times: list[TimeExpression]) -> list[Figure]:
    """Every figure of a document; dates and names are left to their own layers."""
    names = [(m.start, m.end) for m in doc.mentions if not m.via_title]
    out = []
    for f in _scan(_Words(doc)):
        inside_time = [t for t in times if t.start <= f.start < t.end or f.start <= t.start < f.end]
        if any(s <= f.start < e for s, e in names):
            continue
        if inside_time:
            fiscal = [t for t in inside_time if t.fiscal]
            if fiscal and f.value == int(fiscal[0].value or 0):
                out.append(Figure(fiscal[0].start, fiscal[0].end, f.value, "fiscal_year"))
            continue
        if f.unit == "count" and f.value >= 1900 and f.value <= 2100 and float(f.value).is_integer():
            continue   # a year the time finder did not claim
        out.append(f)
    return out
