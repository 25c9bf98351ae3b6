"""Places and bodies named after people: «جامعة الملك فهد للبترول والمعادن»، «مطار الملك
عبدالعزيز الدولي»، «مركز الأمير سلطان»، «مؤسسة سالم بن محفوظ».

A person's name after a head noun of ``data/function_words.yaml`` (``named_after_heads``),
perhaps with a title between, is part of the name of that university, airport or prize:
the whole is one ORG, LOC or EVENT mention, and the person is not named there. The name
runs on through the adjectives such names take (الدولي) and a word with لل (للبترول) with
the words joined to it by و.
"""
from __future__ import annotations

import functools

from marsad.document import Document
from marsad.normalize import orthographic_key, proclitic_splits, skip_letters, strip_article
from marsad.recognise.gazetteer import runs
from marsad.recognise.merge import Candidate
from marsad.recognise.titles import function_words

PRIORITY = 5        # above every finder of the person inside
MAX_TAIL = 4


@functools.cache
def _heads() -> dict[str, str]:
    return {head: kind for kind, heads in function_words()["named_after_heads"].items() for head in heads}


@functools.cache
def _titles() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(t.split()) for t in function_words()["named_after_titles"]), key=len, reverse=True))


def _head(key: str) -> tuple[int, str] | None:
    """``(letters of clitics, type)`` when a keyed word is a head noun in the construct state:
    clitics aside, without the article (مطار الملك فهد, not «القاعدة أيمن الظواهري», where
    the name stands beside a definite noun, not after its head)."""
    for letters, rest in proclitic_splits(key):
        if key[:letters] != "لل" and not rest.startswith("ال") and rest in _heads():
            return letters, _heads()[rest]
    return None


def _tail_end(keys: list[str], k: int) -> int:
    """How far after word ``k`` the name runs on (the index after its last word)."""
    tails, end = set(function_words()["named_after_tails"]), k
    while end < len(keys) and end - k < MAX_TAIL:
        word = keys[end]
        if word in tails or word.startswith("لل") or end > k and word.startswith("وال") and keys[end - 1] != "و":
            end += 1
        else:
            break
    return end


def named_after(doc: Document, chosen: list[Candidate]) -> list[Candidate]:
    """The places and bodies named after the people among ``chosen``, as candidates that outrank them."""
    people = {c.start: c for c in chosen if c.type == "PER"}
    if not people:
        return []
    out = []
    for run in runs(doc):
        starts = [t.start for t in run]
        keys = [orthographic_key(doc.text[t.start:t.end]) for t in run]
        for i, start in enumerate(starts):
            person = people.get(start) or next((c for s, c in people.items() if run[i].start < s < run[i].end), None)
            if person is None:
                continue
            j = i
            for title in _titles():
                if j >= len(title) and tuple(map(strip_article, keys[j - len(title):j])) == tuple(map(strip_article, title)):
                    j -= len(title)
                    break
            head = _head(keys[j - 1]) if j >= 1 else None
            if head is None:
                continue
            letters, kind = head
            last = next((n for n in range(i, len(run)) if run[n].end >= person.end), i)
            end = _tail_end(keys, last + 1)
            begin = run[j - 1].start + skip_letters(doc.text[run[j - 1].start:run[j - 1].end], letters)
            out.append(Candidate(begin, run[end - 1].end, kind, "named_after", PRIORITY))
    return out
