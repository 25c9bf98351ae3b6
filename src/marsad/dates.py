"""Calendar dates written in Arabic or Latin script, found with their character offsets.

Month and weekday names come from ``data/months.yaml``. Matching runs on
:func:`marsad.normalize.matching_view`, which folds letters one for one, so the
offsets returned point into the text as written.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from hijridate import Hijri

from marsad import resources
from marsad.normalize import matching_view

_NOT_LETTER_BEFORE = r"(?<![^\W_])"  # no letter or digit just before
_NOT_LETTER_AFTER = r"(?![^\W_])"  # no letter or digit just after


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression at ``text[start:end]``; ``value`` is ISO at the precision written."""
    start: int
    end: int
    value: str
    weekday: int | None = None  # ISO weekday named in the expression, if any

    @property
    def weekday_agrees(self) -> bool | None:
        """Whether the named weekday is the weekday of the date (None when none named)."""
        if self.weekday is None or len(self.value) != 10:
            return None
        return dt.date.fromisoformat(self.value).isoweekday() == self.weekday


MARKS = "[\u064b-\u065f\u0670\u0640]*"   # diacritics and tatweel may sit after any letter


def fuzzy(word: str) -> str:
    """A regex for a folded word that lets diacritics and tatweel sit between its letters."""
    return "".join(r"\s+" if ch == " " else re.escape(ch) + (MARKS if ch.isalpha() else "") for ch in word)


def _alternation(names: list[str]) -> str:
    folded = sorted({matching_view(n) for n in names}, key=len, reverse=True)
    return "|".join(fuzzy(n) for n in folded)


@functools.cache
def _names() -> tuple[dict[str, int], dict[str, int]]:
    spec = resources.load("months.yaml")
    months = {matching_view(n): int(m) for m, names in spec["months"].items() for n in names}
    days = {matching_view(n): int(d) for d, names in spec["weekdays"].items() for n in names}
    return months, days


@functools.cache
def _hijri_months() -> dict[str, int]:
    spec = resources.load("months.yaml")["hijri_months"]
    return {matching_view(n): int(m) for m, names in spec.items() for n in names}


@functools.cache
def _patterns() -> tuple[re.Pattern, ...]:
    months, days = _names()
    month = rf"(?:[وفبل])?(?P<m1>{_alternation(list(months))})"
    pair = rf"{month}(?:\s*[/(\\-]\s*(?P<m2>{_alternation(list(months))})\s*\)?)?"
    weekday = rf"(?:(?:[وف]?(?:يوم|ال))?\s*(?P<wd>{_alternation(list(days))})\s*[,،]?\s*)?"
    b, a = _NOT_LETTER_BEFORE, _NOT_LETTER_AFTER
    return (
        re.compile(rf"{b}{weekday}(?P<d>\d{{1,2}})\s+(?:من\s+)?{pair}\.?\s*[,،]?\s*(?P<y>\d{{4}}){a}", re.I),
        re.compile(rf"{b}{weekday}{pair}\.?\s+(?P<d>\d{{1,2}})\s*[,،]\s*(?P<y>\d{{4}}){a}", re.I),
        re.compile(rf"{b}{weekday}(?P<d>\d{{1,2}})\s+(?:من\s+)?(?P<h>{_alternation(list(_hijri_months()))})"
                   rf"\s*[,،]?\s*(?P<y>1[34]\d\d)\s*(?:هـ|ه)?{a}"),
        re.compile(rf"{b}(?P<y>\d{{4}})[-/.](?P<mn>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?!\d)"),
        re.compile(rf"{b}(?P<d>\d{{1,2}})[-/.](?P<mn>\d{{1,2}})[-/.](?P<y>\d{{4}}){a}"),
    )


HIJRI_YEARS = (1300, 1500)    # a year written in digits in this range is a Hijri year (1436 = 2014–15)


def _calendar_date(m: re.Match) -> dt.date:
    """The Gregorian date of a match; Hijri dates, named or in digits, are converted (Umm al-Qura)."""
    if m.groupdict().get("h"):
        month = _hijri_months()[_plain(m["h"])]
        return Hijri(int(m["y"]), month, int(m["d"])).to_gregorian()
    if m.groupdict().get("mn") and HIJRI_YEARS[0] <= int(m["y"]) <= HIJRI_YEARS[1]:
        return Hijri(int(m["y"]), int(m["mn"]), int(m["d"])).to_gregorian()    # 1436/10/04: a Hijri date in digits
    return dt.date(int(m["y"]), _month_number(m), int(m["d"]))


def _plain(text: str) -> str:
    """A matched name without the diacritics the fuzzy pattern let through, spaces single."""
    return re.sub(r"\s+", " ", re.sub(MARKS, "", text.lower()))


def _month_number(m: re.Match) -> int:
    if m.groupdict().get("mn"):
        return int(m["mn"])
    months, _ = _names()
    return months[_plain(m["m1"])]


def _weekday(m: re.Match) -> int | None:
    name = m.groupdict().get("wd")
    return _names()[1][_plain(name)] if name else None


def find_dates(text: str) -> list[DateMatch]:
    """Every full calendar date (day, month, year) written in ``text``, in order."""
    view = matching_view(text)
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern in _patterns():
        for m in pattern.finditer(view):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            try:
                value = _calendar_date(m).isoformat()
            except (ValueError, KeyError, OverflowError):
                continue
            found.append(DateMatch(m.start(), m.end(), value, _weekday(m)))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


_RELATIVE_DAYS = {"اليوم": 0, "امس": -1, "البارحه": -1, "غدا": 1}


@functools.cache
def _anchored_weekday() -> re.Pattern:
    _, days = _names()
    words = "|".join(fuzzy(w) for w in _RELATIVE_DAYS)
    return re.compile(rf"(?<![^\W_])(?:[وف]?)(?P<rel>{words})\s*[,،]?\s*(?:يوم\s+)?(?P<wd>{_alternation(list(days))})"
                      rf"(?![^\W_])", re.I)


def find_anchored_weekdays(text: str) -> list[tuple[int, int, int, int]]:
    """``(start, end, weekday, day_offset)`` for phrases like «اليوم الثلاثاء» or «أمس الاثنين».

    They tie a weekday to the day of writing: ``day_offset`` is 0 for today, -1 for yesterday.
    """
    view = matching_view(text)
    return [(m.start(), m.end(), _names()[1][_plain(m["wd"])], _RELATIVE_DAYS[_plain(m["rel"])])
            for m in _anchored_weekday().finditer(view)]


def iso_date(value: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from a metadata date string in any common form, else None."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    found = find_dates(value)
    if found:
        return found[0].value
    from email.utils import parsedate_to_datetime
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
