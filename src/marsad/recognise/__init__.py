"""Recognition: names of people, organisations, places and events, and titles standing for people.

Three finders run over the document and their spans are merged: the knowledge base's
names (gazetteer), titles of office with the name after them (titles), and the trained
tagger (tagger). A name from the knowledge base keeps its type and candidate entities;
a common word that the base also knows as a name (القاعدة، الجزيرة) counts only where
the tagger sees a name too. Attached clitics are left out of every mention.
"""
from __future__ import annotations

import dataclasses
import functools

from marsad.document import Document, Mention, Title
from marsad.kb import KnowledgeBase, knowledge_base
from marsad.recognise.gazetteer import Found, find_names
from marsad.recognise.merge import Candidate, resolve
from marsad.recognise.propagate import surnames, undouble
from marsad.recognise.tagger import Tagger, TaggedSpan, load_tagger
from marsad.recognise.titles import find_titles


def _from_kb(doc: Document, kb: KnowledgeBase, found: list[Found], tagged: list[TaggedSpan]) -> list[Candidate]:
    out = []
    for f in found:
        words = len(doc.text[f.start:f.end].split())
        kind = kb.entities[f.entities[0]].type if not f.demonym else "NORP"
        common = words == 1 and f.ambiguous and not f.demonym
        if common and not any(t.start < f.end and f.start < t.end for t in tagged):
            continue
        entity = f.entities[0] if not f.ambiguous or f.demonym else None
        out.append(Candidate(f.start, f.end, kind, "kb", 3 if not common else 2, entity, f.entities))
    return out


def _from_titles(titles: list[Title]) -> list[Candidate]:
    return [Candidate(t.name[0], t.name[1], "PER", "title", 3) for t in titles if t.name]


def _from_tagger(tagged: list[TaggedSpan]) -> list[Candidate]:
    return [Candidate(t.start, t.end, t.type, "model", 2, score=t.score) for t in tagged]


def recognise(doc: Document, kb: KnowledgeBase | None = None, tagger: Tagger | None = None) -> Document:
    """Stage: fill ``mentions`` with every name found, clitics left out, overlaps resolved."""
    kb = kb or knowledge_base()
    tagged = tagger.spans(doc) if tagger else []
    people = {t.start for span in tagged if span.type == "PER" for t in doc.tokens if span.start <= t.start < span.end}
    titles = find_titles(doc, kb, people)
    candidates = _from_kb(doc, kb, find_names(doc, kb), tagged) + _from_titles(titles)
    candidates += _from_tagger(tagged)
    chosen = resolve(doc, [undouble(doc, c) for c in candidates])
    chosen = resolve(doc, chosen + surnames(doc, chosen))
    mentions = tuple(Mention(c.start, c.end, doc.text[c.start:c.end], c.type, c.entity, c.source, c.score,
                             candidates=c.candidates) for c in chosen)
    return dataclasses.replace(doc, mentions=mentions, titles=tuple(titles))


@functools.cache
def default_tagger() -> Tagger | None:
    """The tagger shipped with Marsad, loaded once per process (None when no model is installed)."""
    return load_tagger()
