"""Extraction: time expressions, figures, quotes and events, each a span layer over the text,
and how far the article reads as machine-translated.
"""
from __future__ import annotations

import dataclasses

from marsad.document import Document
from marsad.extract.events import find_events
from marsad.extract.figures import find_figures
from marsad.extract.quotes import find_quotes
from marsad.extract.times import find_times
from marsad.extract.translation import machine_translation
from marsad.kb import KnowledgeBase, knowledge_base


def extract(doc: Document, kb: KnowledgeBase | None = None) -> Document:
    """Stage: fill ``times``, ``figures``, ``quotes``, ``events`` and ``machine_translated``."""
    kb = kb or knowledge_base()
    published = doc.published if not doc.published_uncertain else None
    times = find_times(doc.text, published)
    quotes = find_quotes(doc)
    events = find_events(dataclasses.replace(doc, published=published), quotes, times)
    score, signs = machine_translation(doc, quotes, kb)
    metadata = doc.metadata | ({"machine_translation_signs": signs} if signs else {})
    return dataclasses.replace(doc, times=tuple(times), figures=tuple(find_figures(doc, times)),
                               quotes=tuple(quotes), events=tuple(events), machine_translated=score,
                               metadata=metadata)
