"""Time expressions normalised against the publication date, with the precision the text gives.

Full dates, month and year (both month-name systems, paired forms, attached clitics),
ranges (بين مايو 2023 ومارس 2024), fiscal years, bare years, weekdays (the most recent
on or before the day of writing), relative words (أمس، الشهر الماضي، العام المقبل), and
vague pasts (مؤخرًا، قبل أيام) as the month or year their possible days share.
Without a publication date, relative expressions keep ``value`` None rather than a guess.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from marsad import resources
from marsad.document import TimeExpression
from marsad.dates import _alternation, _names, _plain, find_anchored_weekdays, find_dates, fuzzy
from marsad.normalize import matching_view, orthographic_key

B, A = r"(?<![^\W_])", r"(?![^\W_])"


@functools.cache
def _words() -> dict:
    return resources.load("time_words.yaml")


def _phrase(words) -> str:
    return "|".join(fuzzy(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _patterns() -> dict[str, re.Pattern]:
    months, days = _names()
    month = rf"(?:[وفبل])?(?P<m>{_alternation(list(months))})(?:\s*[/(\\-]\s*(?:{_alternation(list(months))})\s*\)?)?"
    w = _words()
    return {
        "range": re.compile(rf"{B}(?:بين|من)\s+{month.replace('P<m>', 'P<m1>')}\s+(?P<y1>\d{{4}})\s+(?:و|الي\s+|حتي\s+)"
                            rf"{month.replace('P<m>', 'P<m2>')}\s+(?P<y2>\d{{4}}){A}"),
        "month_year": re.compile(rf"{B}(?:شهر\s+)?{month}\s*[,،]?\s*(?P<y>\d{{4}}){A}"),
        "month": re.compile(rf"{B}(?:(?:في|خلال|منذ|حتي)\s+)?(?:شهر\s+)?{month}(?:\s+(?P<rel>{_phrase(w['month_after'])}))?{A}"),
        "day_of_month": re.compile(rf"{B}(?P<d>\d{{1,2}})\s+من\s+(?:ال)?شهر\s+(?P<rel>{_phrase(w['month_after'])}){A}"),
        "fiscal": re.compile(rf"{B}(?:{_phrase(w['fiscal_words'])})\s+(?P<y>\d{{4}}){A}"),
        "year": re.compile(rf"{B}(?P<word>{_phrase(w['year_words'])})\s+(?P<y>(?:19|20)\d\d){A}"),
        "period": re.compile(rf"{B}(?:(?:في|خلال|منذ)\s+)?(?P<p>{_phrase(w['periods'])}){A}"),
        "day": re.compile(rf"{B}(?:[وف])?(?P<d>{_phrase(w['days'])}){A}"),
        "recent": re.compile(rf"{B}(?:[وف])?(?P<r>{_phrase(w['recent'])}){A}"),
        "weekday": re.compile(rf"{B}(?:[وف]?(?:يوم|ال))?\s*(?P<wd>{_alternation(list(days))})"
                              rf"(?:\s+(?P<rel>{_phrase(w['weekday_after'])}))?{A}"),
    }


def _month(name: str) -> int:
    return _names()[0][_plain(name)]


def _shift_month(day: dt.date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _span(first: dt.date, last: dt.date) -> tuple[str, str]:
    """A run of days at the precision it supports: the day, the month or the year they share."""
    if first == last:
        return first.isoformat(), "day"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}", "month"
    return (str(first.year), "year") if first.year == last.year else (None, "year")


def _period(kind: str, offset: int, day: dt.date, part: str | None = None) -> tuple[str | None, str]:
    if kind == "week":
        # A week runs Monday to Sunday; "earlier" or "later this week" keeps the days before or after the day of writing.
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=offset)
        first, last = monday, monday + dt.timedelta(days=6)
        if part == "earlier" and offset == 0:
            last = max(first, day - dt.timedelta(days=1))
        elif part == "later" and offset == 0:
            first = min(last, day + dt.timedelta(days=1))
        return _span(first, last)
    if kind == "month":
        return _shift_month(day, offset), "month"
    return str(day.year + offset), "year"


def _weekday(day: dt.date, weekday: int, direction: int) -> str:
    delta = (day.isoweekday() - weekday) % 7
    if direction > 0:
        return (day + dt.timedelta(days=(weekday - day.isoweekday()) % 7 or 7)).isoformat()
    if direction < 0 and delta == 0:
        delta = 7
    return (day - dt.timedelta(days=delta)).isoformat()


def _month_only(day: dt.date | None, month: int, rel: str | None) -> str | None:
    if day is None:
        return None
    offset = _words()["month_after"].get(orthographic_key(rel)) if rel else None
    if offset == 0:
        return f"{day.year:04d}-{month:02d}"
    if offset and offset > 0:
        return f"{day.year + (month <= day.month):04d}-{month:02d}"
    past = month < day.month if offset else month <= day.month
    return f"{day.year - (not past):04d}-{month:02d}"


def find_times(text: str, published: str | None) -> list[TimeExpression]:
    """Every time expression of a text, normalised against ``published`` (ISO date) where relative."""
    view = matching_view(text)
    day = dt.date.fromisoformat(published) if published and len(published) == 10 else None
    found: list[TimeExpression] = [TimeExpression(d.start, d.end, d.value, "day") for d in find_dates(text)]
    taken = [(t.start, t.end) for t in found]

    def add(m: re.Match, value, precision, **kw) -> None:
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(TimeExpression(m.start(), m.end(), value, precision, **kw))
            taken.append((m.start(), m.end()))

    p, w = _patterns(), _words()
    for start, end, weekday, offset in find_anchored_weekdays(text):
        value = (day + dt.timedelta(days=offset)).isoformat() if day else None
        found.append(TimeExpression(start, end, value, "day", relative=True))
        taken.append((start, end))
    for m in p["range"].finditer(view):
        add(m, f"{m['y1']}-{_month(m['m1']):02d}", "month", end_value=f"{m['y2']}-{_month(m['m2']):02d}")
    for m in p["day_of_month"].finditer(view):
        month = _period("month", w["month_after"][orthographic_key(m["rel"])], day)[0] if day else None
        value = f"{month}-{int(m['d']):02d}" if month and 1 <= int(m["d"]) <= 31 else None
        add(m, value, "day", relative=True)
    for m in p["fiscal"].finditer(view):
        add(m, m["y"], "year", fiscal=True)
    for m in p["month_year"].finditer(view):
        add(m, f"{m['y']}-{_month(m['m']):02d}", "month")
    for m in p["recent"].finditer(view):
        phrase = _plain(orthographic_key(m["r"]))
        after = view[m.end():m.end() + 8]
        if phrase.endswith(("ايام", "ساعات", "اسابيع")) and re.match(r"\s+(?:(?:من|علي|عن)\s|ال(?!ي\s))", after):
            continue   # قبل أيام من الانتخابات، منذ أيام الحرب: days before something else, not the writing
        back, to = w["recent"][phrase]
        value, precision = _span(day - dt.timedelta(days=back), day - dt.timedelta(days=to)) if day else (None, "day")
        add(m, value, precision, relative=True)
    for m in p["period"].finditer(view):
        kind, offset, *part = w["periods"][_plain(orthographic_key(m["p"]))]
        value, precision = _period(kind, offset, day, *part) if day else (None, kind)
        add(m, value, precision, relative=True)
    for m in p["month"].finditer(view):
        add(m, _month_only(day, _month(m["m"]), m["rel"]), "month", relative=True)
    for m in p["year"].finditer(view):
        add(m, m["y"], "year")
    for m in p["day"].finditer(view):
        word = _plain(orthographic_key(m["d"]))
        if word == "اليوم" and re.match(r"\s+ال", view[m.end():]):
            continue   # اليوم الدولي، اليوم الأول: a day named, not today
        offset = w["days"][word]
        add(m, (day + dt.timedelta(days=offset)).isoformat() if day else None, "day", relative=True)
    for m in p["weekday"].finditer(view):
        lead = view[m.start():m.start("wd")]
        if "يوم" not in lead and not lead.endswith("ال") and not m["wd"].startswith("ال") and not m["wd"].isascii():
            continue   # a bare أحد is «one», جمعة a gathering: a weekday only after يوم or with the article
        direction = w["weekday_after"].get(orthographic_key(m["rel"] or ""), 0)
        value = _weekday(day, _names()[1][_plain(m["wd"])], direction) if day else None
        add(m, value, "day", relative=True)
    return sorted(found, key=lambda t: t.start)
