"""Names found once, found again: a surname after the full name (كيشيدا after فوميو كيشيدا),
the tail of a Korean name (جونغ سوب after لي جونغ سوب), and a name typed twice by mistake
(مارك مارك روتي) read once.
"""
from __future__ import annotations

import dataclasses
import functools

from marsad.document import Document
from marsad.normalize import orthographic_key, proclitic_splits, skip_letters
from marsad.recognise.gazetteer import runs
from marsad.recognise.merge import Candidate
from marsad.recognise.titles import function_words
from marsad.words import is_function_like

MIN_LETTERS = 3


@functools.cache
def _particles() -> frozenset[str]:
    """Words inside Arabic names that lead a father's name or a family's (بن، آل، عبد…), as keys."""
    return frozenset(function_words()["name_particles"])


def undouble(doc: Document, c: Candidate) -> Candidate:
    """A person's name whose first word is written twice starts at the second copy."""
    words = doc.text[c.start:c.end].split()
    if c.type == "PER" and len(words) >= 3 and orthographic_key(words[0]) == orthographic_key(words[1]):
        return dataclasses.replace(c, start=doc.text.index(words[1], c.start + len(words[0])))
    return c


def _tails(doc: Document, c: Candidate) -> set[tuple[str, ...]]:
    """The name itself (when one word, found by a title or the base) and its last words — not
    a father's or forefather's name after بن nor a family after آل (عبدالعزيز of «سلمان بن
    عبدالعزيز» is his father, not him), nor what starts with such a particle."""
    words = [orthographic_key(w) for w in doc.text[c.start:c.end].split()]
    particles = _particles()
    tails = {tuple(words[i:]) for i in range(1, len(words)) if len("".join(words[i:])) >= MIN_LETTERS
             and words[i - 1] not in particles and words[i] not in particles}
    if len(words) == 1 and c.source in {"title", "kb"} and len(words[0]) >= MIN_LETTERS:
        tails.add(tuple(words))
    return tails


def surnames(doc: Document, chosen: list[Candidate]) -> list[Candidate]:
    """Later and earlier stand-alone uses of the last words of people's full names."""
    wanted = {}
    for c in chosen:
        if c.type == "PER":
            for tail in _tails(doc, c):
                wanted.setdefault(tail, c)
    if not wanted:
        return []
    longest = max(len(t) for t in wanted)
    out = []
    for run in runs(doc):
        words = [orthographic_key(doc.text[t.start:t.end]) for t in run]
        for i in range(len(run)):
            for length in range(min(longest, len(run) - i), 0, -1):
                for letters, first in proclitic_splits(words[i]):
                    source = wanted.get((first, *words[i + 1:i + length]))
                    if source and length == 1 and is_function_like(doc.text[run[i].start:run[i].end]):
                        source = None       # «على» is not علي, whatever their keys
                    if source:
                        start = run[i].start + skip_letters(doc.text[run[i].start:run[i].end], letters)
                        out.append(Candidate(start, run[i + length - 1].end, "PER", "propagation", 1,
                                             source.entity, source.candidates, source.score))
                        break
                else:
                    continue
                break
    return out
