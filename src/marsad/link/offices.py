"""Titles resolved by date: «الأمين العام للناتو» is Stoltenberg in January 2023 and Rutte in April 2025.

The office is the title's role at its jurisdiction; a title with no jurisdiction written
(«الأمين العام»، «أمين الحلف») takes the one body or country the article names that holds
such an office (and whose name the anaphor heads) — or stays unresolved when several do. The holder is the one in office on the article's date; without a date,
or for a former holder («السابق»), the title stays unresolved rather than guessed.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from marsad.document import Title
from marsad.kb import KnowledgeBase, name_key


@dataclass(frozen=True, slots=True)
class Holder:
    """Who a title stands for, the office, and why."""
    person: str
    office: str
    reason: str


def _headed_by(kb: KnowledgeBase, entity_id: str, head: str) -> bool:
    """Whether one of a body's names begins with the head noun an anaphor uses (الحلف → حلف شمال الأطلسي)."""
    return any(name_key(n).split()[:1] == [head] for n in kb.entities[entity_id].names)


def jurisdictions(kb: KnowledgeBase, title: Title, named: Counter) -> list[str]:
    """Where the office is: written; for «الحلف»، «الاتحاد», the one body the article names whose
    name it heads; else the one country or body the article names that has such an office —
    none when the article names several (a bare «وزير الخارجية» beside two countries is no one)."""
    if title.jurisdiction:
        return [title.jurisdiction]
    having = [place for place, _ in named.most_common() if any(f"{place}.{r}" in kb.holders for r in title.roles)]
    if title.anaphor:
        having = [p for p in having if kb.entities[p].type == "ORG" and _headed_by(kb, p, title.anaphor)]
    return having if len(having) == 1 else []


def holder(kb: KnowledgeBase, title: Title, day: dt.date | None, named: Counter) -> Holder | None:
    """The person a title stands for on ``day``, or None when that cannot be told."""
    if day is None or title.former:
        return None
    for place in jurisdictions(kb, title, named)[:1]:
        for role in title.roles:
            person = kb.holder(f"{place}.{role}", day)
            if person is None and kb.entities[place].type == "GPE":
                for region in kb.regions_of_capital(place):      # أمير الرياض: the emir of Riyadh Province
                    person = kb.holder(f"{region}.{role}", day)
                    if person:
                        place = region
                        break
            if person:
                how = "written" if title.jurisdiction else f"the article names {kb.entities[place].name_en}"
                return Holder(person.id, f"{place}.{role}",
                              f"{role.replace('_', ' ')} of {kb.entities[place].name_en} ({how}) on {day}: "
                              f"{person.name_en}")
    return None
