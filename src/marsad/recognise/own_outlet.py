"""An outlet names itself: «الرياض» in quotation marks on the newspaper's own site is the paper.

News pages cite their own outlet by its bare name in quotation marks (قال لـ«الرياض»، أكد
لـ«اليوم»), a name that elsewhere is a city or a common word. A media entry of the base
lists the sites it publishes on (``sites``) and the bare name its pages call it by
(``house_name``); on a page of one of those sites, that name in quotation marks is the
outlet, and nowhere else.

Agencies are credited the same way on every page: «وبحسب "الفرنسية"» is Agence
France-Presse, «وكالة الأنباء “الألمانية”» is dpa. A media entry's ``credit`` is that bare
word; in quotation marks, alone, it is the agency, wherever the page comes from — unquoted,
الفرنسية stays the adjective it is.
"""
from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

from marsad.document import Document
from marsad.kb import KnowledgeBase
from marsad.normalize import orthographic_key
from marsad.recognise.merge import Candidate

_OPEN, _CLOSE = "«\"“", "»\"”"
_QUOTED = re.compile(r"[«\"“]([^«»\"“”\n]{2,30})[»\"”]")


def quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone between quotation marks, as an outlet cited is."""
    return start > 0 and text[start - 1] in _OPEN and text[end:end + 1] in _CLOSE


@functools.cache
def _by_site(kb: KnowledgeBase) -> dict[str, tuple[str, str]]:
    """Site host → (media entity, key of its house name)."""
    out = {}
    for entity in kb.entities.values():
        house = entity.extra.get("house_name")
        for site in entity.extra.get("sites") or ():
            if house:
                out[site.lower()] = entity.id, orthographic_key(house)
    return out


@functools.cache
def _by_credit(kb: KnowledgeBase) -> dict[str, str]:
    """Key of a credit word → the agency it credits."""
    return {orthographic_key(e.extra["credit"]): e.id for e in kb.entities.values() if e.extra.get("credit")}


def site_of(url: str | None) -> str | None:
    """The host of a page's address, without ``www.``."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host or None


def outlet_of(doc: Document, kb: KnowledgeBase) -> str | None:
    """The media entity whose site the document comes from, if the base lists it."""
    host = site_of(doc.url)
    while host:
        if host in _by_site(kb):
            return _by_site(kb)[host][0]
        host = host.partition(".")[2] if host.count(".") > 1 else None    # ar.example.com → example.com
    return None


def own_outlet(doc: Document, kb: KnowledgeBase) -> list[Candidate]:
    """The outlet's house name in quotation marks on its own pages."""
    entity = outlet_of(doc, kb)
    if entity is None:
        return []
    house = next(h for e, h in _by_site(kb).values() if e == entity)
    return [Candidate(m.start(1), m.end(1), "ORG", "outlet", 5, entity, (entity,))
            for m in _QUOTED.finditer(doc.text) if orthographic_key(m.group(1).strip()) == house]


def credited(doc: Document, kb: KnowledgeBase) -> list[Candidate]:
    """An agency's credit word alone in quotation marks («الفرنسية»)."""
    out = []
    for m in _QUOTED.finditer(doc.text):
        entity = _by_credit(kb).get(orthographic_key(m.group(1).strip()))
        if entity:
            out.append(Candidate(m.start(1), m.end(1), "ORG", "credit", 5, entity, (entity,)))
    return out
