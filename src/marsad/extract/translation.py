"""Does an article read as machine-translated? Gender slips, stray Latin words, title calques.

Machine translation into Arabic leaves marks a reader notices: a feminine verb for a
man (وقالت روتي), a Latin word inside an Arabic sentence (زيارة Rutte), a title rendered
word for word (NAVO-chef → طاهي الناتو). Each sign is counted; the weights and the
threshold are in ``data/machine_translation.yaml``.
"""
from __future__ import annotations

import functools
import re

from marsad import resources
from marsad.document import Document, Quote
from marsad.kb import KnowledgeBase
from marsad.normalize import orthographic_key

_LATIN_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
_ARABIC = re.compile(r"[\u0621-\u064a]")


@functools.cache
def _spec() -> dict:
    return resources.load("machine_translation.yaml")


def _gender_slips(doc: Document, quotes: list[Quote], kb: KnowledgeBase) -> list[str]:
    slips = []
    for q in quotes:
        if not q.cue or len(q.speakers) != 1 or q.speakers[0] not in kb.entities:
            continue
        verb = orthographic_key(doc.text[q.cue[0]:q.cue[1]]).lstrip("وف")
        gender = kb.entities[q.speakers[0]].gender
        feminine_verb = verb.endswith("ت") or (verb.startswith("ت") and not verb.startswith("تابع"))
        if gender and (feminine_verb and gender == "m" or not feminine_verb and gender == "f" and verb.endswith("ال")):
            slips.append(f"«{doc.text[q.cue[0]:q.cue[1]]}» for {kb.entities[q.speakers[0]].name_en}")
    return slips


def _latin(doc: Document) -> list[str]:
    found = []
    for s in doc.sentences[1:]:
        sentence = doc.text[s.start:s.end]
        if len(_ARABIC.findall(sentence)) > 3 * len(re.findall(r"[A-Za-z]", sentence)):
            found += _LATIN_WORD.findall(sentence)
    return found


def _calques(doc: Document) -> list[str]:
    words = set(orthographic_key(w) for w in _spec()["calques"])
    found = []
    for m in doc.mentions:
        if m.type == "ORG":
            before = doc.text[max(0, m.start - 12):m.start].split()
            if before and orthographic_key(before[-1]) in words:
                found.append(f"«{before[-1]} {m.text}»")
    return found


def machine_translation(doc: Document, quotes: list[Quote], kb: KnowledgeBase) -> tuple[float, list[str]]:
    """A score from 0 to 1 and the signs behind it."""
    w = _spec()["weights"]
    gender, latin, calques = _gender_slips(doc, quotes, kb), _latin(doc), _calques(doc)
    score = w["gender"] * len(gender) + w["latin"] * len(latin) + w["calque"] * len(calques)
    signs = [f"gender: {g}" for g in gender] + [f"Latin word: {x}" for x in latin] + [f"calque: {c}" for c in calques]
    return min(1.0, round(score, 2)), signs


def flagged(score: float) -> bool:
    """Whether a score marks the article as machine-translated."""
    return score >= _spec()["threshold"]


def confidence(score: float) -> float:
    """The confidence of the facts of an article with this score."""
    return _spec()["confidence"] if flagged(score) else 1.0
