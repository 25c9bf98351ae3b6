"""Titles resolved by date: «الأمين العام للناتو» is Stoltenberg in January 2023 and Rutte in April 2025.

The office is the title's role at its jurisdiction; a title with no jurisdiction written
(«الأمين العام»، «أمين الحلف») takes the body or country the article names that holds
such an office. The holder is the one in office on the article's date; without a date,
or for a former holder («السابق»), the title stays unresolved rather than guessed.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from marsad.document import Title
from marsad.kb import KnowledgeBase


@dataclass(frozen=True, slots=True)
class Holder:
    """Who a title stands for, the office, and why."""
    person: str
    office: str
    reason: str


def jurisdictions(kb: KnowledgeBase, title: Title, named: Counter) -> list[str]:
    """Where the office may be: written, or the bodies the article names that have such an office."""
    if title.jurisdiction:
        return [title.jurisdiction]
    offices = {f"{place}.{role}" for place in named for role in title.roles}
    having = [place for place, _ in named.most_common() if any(f"{place}.{r}" in kb.holders for r in title.roles)]
    if title.anaphor:
        having = [p for p in having if kb.entities[p].type == "ORG"] or having
    return having if offices else []


def holder(kb: KnowledgeBase, title: Title, day: dt.date | None, named: Counter) -> Holder | None:
    """The person a title stands for on ``day``, or None when that cannot be told."""
    if day is None or title.former:
        return None
    for place in jurisdictions(kb, title, named)[:1]:
        for role in title.roles:
            person = kb.holder(f"{place}.{role}", day)
            if person:
                how = "written" if title.jurisdiction else f"the article names {kb.entities[place].name_en}"
                return Holder(person.id, f"{place}.{role}",
                              f"{role.replace('_', ' ')} of {kb.entities[place].name_en} ({how}) on {day}: "
                              f"{person.name_en}")
    return None
