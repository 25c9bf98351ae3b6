"""Publication date: from metadata, else from a dateline; doubtful dates are flagged.

A date line above the title is page furniture (the site's "today"), so it is kept
as the page's date and marked uncertain; so is a date the body contradicts («اليوم
الثلاثاء» in an article dated on a Friday) and a crawler's save date.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from marsad.clean import DATE_LINE
from marsad.dates import find_anchored_weekdays, find_dates, iso_date
from marsad.document import Document

_LEAD_CHARS = 160


def _contradiction(doc: Document, value: str) -> str | None:
    day = dt.date.fromisoformat(value)
    for start, end, weekday, offset in find_anchored_weekdays(doc.text):
        if (day + dt.timedelta(days=offset)).isoweekday() != weekday:
            return f"the body's «{doc.text[start:end]}» does not fall on {value}"
    return None


def _candidates(doc: Document) -> list[tuple[str, str, bool]]:
    """``(date, where, above_title)`` from date lines and from the lead's dateline."""
    title_at = doc.offset_map.to_original(0)
    found = []
    for line in doc.removed:
        if line.reason == DATE_LINE:
            for match in find_dates(line.text)[:1]:
                found.append((match.value, f"date line «{line.text}»", line.start < title_at))
    lead_start = doc.text.find("\n") + 1
    for match in find_dates(doc.text[lead_start: lead_start + _LEAD_CHARS])[:1]:
        found.append((match.value, "dateline", False))
    return found


def date_publication(doc: Document) -> Document:
    """Stage: set ``published``, ``published_uncertain`` and ``published_note``."""
    if doc.published:
        value = iso_date(doc.published)
        if value:
            return dataclasses.replace(doc, published=value, published_note="from the source's metadata")
    for value, where, above_title in _candidates(doc):
        doubts = [d for d in ("it stands above the title, where pages print the day they are viewed"
                              if above_title else None, _contradiction(doc, value)) if d]
        note = f"from the {where}" + (f"; uncertain: {'; '.join(doubts)}" if doubts else "")
        return dataclasses.replace(doc, published=value, published_uncertain=bool(doubts), published_note=note)
    saved = doc.metadata.get("saved")
    if saved and iso_date(str(saved)):
        return dataclasses.replace(doc, published=iso_date(str(saved)), published_uncertain=True,
                                   published_note="the date the page was saved; the article may be older")
    return dataclasses.replace(doc, published=None, published_note="no date in the metadata or the text")
