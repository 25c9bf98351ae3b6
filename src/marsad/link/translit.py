"""Transliterated names compared by sound: ستولتنبرج = ستولتنبرغ, روته ≈ روتي ≈ روت, يون سوك-يول = يون صوك يول.

:func:`phonetic` writes a name as sound classes (g = ج غ ك ق …) with vowel letters as V;
:func:`key` is its consonant skeleton, used to find candidates; :func:`similarity`
is 1 minus a weighted edit distance that charges little for vowels written or dropped
and for sounds transliterators confuse. Classes and costs: ``data/transliteration.yaml``.
"""
from __future__ import annotations

import functools
import re

from marsad import resources
from marsad.normalize import orthographic_key

_SPLIT = re.compile(r"[\s\-]+")
_REPEAT = re.compile(r"(.)\1+")


@functools.cache
def _spec() -> tuple[dict[str, str], dict[str, str], dict[frozenset, float], float, float]:
    spec = resources.load("transliteration.yaml")
    letters = {ch: cls for cls, chars in spec["classes"].items() for ch in chars}
    near = {frozenset(n["pair"]): float(n["cost"]) for n in spec["near"]}
    return letters, spec["digraphs"], near, float(spec["vowel_cost"]), float(spec["edge_h_cost"])


@functools.lru_cache(maxsize=1 << 16)
def phonetic(name: str) -> str:
    """The sound-class string of a name: one letter per sound, V for vowels, words run together."""
    letters, digraphs, *_ = _spec()
    out = []
    for word in _SPLIT.split(orthographic_key(name)):
        if not word:
            continue
        if word.startswith("ال") and len(word) > 4:
            word = word[2:]
        for pair, single in digraphs.items():
            word = word.replace(pair, single)
        if len(word) > 2 and word[-1] == "ه":
            word = word[:-1] + "ا"
        classes = _REPEAT.sub(r"\1", "".join(letters.get(ch, ch) for ch in word))
        out.append(re.sub("V+", "V", classes))
    return "".join(out)


def key(name: str) -> str:
    """The consonant skeleton of a name: spellings of one name share it (روته، روتي، روت → RT)."""
    return phonetic(name).replace("V", "")


def _indel(ch: str, pos: int, size: int) -> float:
    _, _, _, vowel, edge_h = _spec()
    if ch == "V":
        return vowel
    if ch == "H" and pos in (0, size - 1):
        return edge_h
    return 1.0


def distance(a: str, b: str) -> float:
    """Weighted edit distance between two sound-class strings."""
    near = _spec()[2]
    n, m = len(a), len(b)
    previous = [0.0] * (m + 1)
    for j in range(1, m + 1):
        previous[j] = previous[j - 1] + _indel(b[j - 1], j - 1, m)
    for i in range(1, n + 1):
        current = [previous[0] + _indel(a[i - 1], i - 1, n)] + [0.0] * m
        for j in range(1, m + 1):
            swap = 0.0 if a[i - 1] == b[j - 1] else near.get(frozenset((a[i - 1], b[j - 1])), 1.0)
            current[j] = min(previous[j] + _indel(a[i - 1], i - 1, n),
                             current[j - 1] + _indel(b[j - 1], j - 1, m), previous[j - 1] + swap)
        previous = current
    return previous[m]


@functools.lru_cache(maxsize=1 << 16)
def similarity(a: str, b: str) -> float:
    """1 for two spellings of one sound sequence, falling with each differing consonant."""
    pa, pb = phonetic(a), phonetic(b)
    consonants = max(len(pa.replace("V", "")), len(pb.replace("V", "")), 1)
    return max(0.0, 1.0 - distance(pa, pb) / consonants)
