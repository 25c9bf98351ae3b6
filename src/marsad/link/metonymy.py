"""Capitals used for their governments: «فرضت طوكيو عقوبات», «تحاول واشنطن طمأنة الحليف».

A capital keeps its own entity and gains ``stands_for`` its country unless it is
written as a place: after a preposition of place (في، إلى، من، قرب…) or a place noun
(مدينة، العاصمة).
"""
from __future__ import annotations

import functools
import re

from marsad import resources
from marsad.document import Document, Mention
from marsad.kb import KnowledgeBase
from marsad.normalize import orthographic_key


@functools.cache
def _place_words() -> frozenset[str]:
    return frozenset(resources.load("function_words.yaml")["place_markers"])


def _as_place(doc: Document, mention: Mention) -> bool:
    before = doc.text[max(0, mention.start - 30):mention.start]
    words = re.findall(r"[^\W\d_]+", before)
    previous = orthographic_key(words[-1]) if words else ""
    attached = doc.text[max(0, mention.start - 1):mention.start]
    return previous in _place_words() or orthographic_key(attached) in {"ب"}


def stands_for(doc: Document, mention: Mention, kb: KnowledgeBase) -> str | None:
    """The country a capital stands for here, or None when it names the place."""
    entity = kb.entities.get(mention.entity or "")
    capital_of = entity.extra.get("capital_of") if entity else None
    if not capital_of or mention.type != "GPE" or _as_place(doc, mention):
        return None
    return capital_of[0]
