"""Transliterated names compared by sound: ستولتنبرج = ستولتنبرغ, روته ≈ روتي ≈ روت, يون سوك-يول = يون صوك يول.

:func:`phonetic` writes a name as sound classes (g = ج غ ك ق …) with vowel letters as
A, U or I; :func:`key` is a coarse consonant skeleton, used to find candidates;
:func:`similarity` is 1 minus a weighted edit distance over the sound string's length that
charges less for vowels written, dropped or swapped and for sounds transliterators
confuse. Classes and costs: ``data/transliteration.yaml``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from marsad import resources
from marsad.normalize import orthographic_key

_SPLIT = re.compile(r"[\s\-]+")
_REPEAT = re.compile(r"(.)\1+")


VOWELS = frozenset("AUI")


@dataclass(frozen=True)
class _Spec:
    letters: dict[str, str]
    digraphs: dict[str, str]
    near: dict[frozenset, float]
    vowel: float
    vowel_swap: float
    edge_h: float
    key_table: dict[int, str | None]


@functools.cache
def _spec() -> _Spec:
    spec = resources.load("transliteration.yaml")
    letters = {ch: cls for cls, chars in spec["classes"].items() for ch in chars}
    near = {frozenset(n["pair"]): float(n["cost"]) for n in spec["near"]}
    table = str.maketrans({**spec["key_merge"], **{cls: None for cls in spec["key_drop"]}})
    return _Spec(letters, spec["digraphs"], near, float(spec["vowel_cost"]), float(spec["vowel_swap_cost"]),
                 float(spec["edge_h_cost"]), table)


@functools.lru_cache(maxsize=1 << 16)
def letters(name: str) -> str:
    """The letters a name is compared by: orthographic key, no article, digraphs as one letter,
    a final ه as ا, doubled letters once, words run together."""
    spec = _spec()
    out = []
    for word in _SPLIT.split(orthographic_key(name)):
        if not word:
            continue
        if word.startswith("ال") and len(word) > 4:
            word = word[2:]
        for pair, single in spec.digraphs.items():
            word = word.replace(pair, single)
        if len(word) > 2 and word[-1] == "ه":
            word = word[:-1] + "ا"
        out.append(_REPEAT.sub(r"\1", word))
    return "".join(out)


def sound_class(letter: str) -> str:
    """The sound class of one letter (g for ج غ ك ق …; the letter itself when it has none)."""
    return _spec().letters.get(letter, letter)


@functools.lru_cache(maxsize=1 << 16)
def phonetic(name: str) -> str:
    """The sound-class string of a name: one letter per sound (A, U, I for vowels), words run together."""
    return sounds(letters(name))


def sounds(written: str) -> str:
    """The sound-class string of a name's letters (see :func:`letters`)."""
    return _REPEAT.sub(r"\1", "".join(map(sound_class, written)))


def key(name: str) -> str:
    """The coarse consonant skeleton of a name: spellings of one name share it (روته، روتي، روت → RD)."""
    return skeleton(phonetic(name))


def skeleton(sound: str) -> str:
    """The coarse consonant skeleton of a sound-class string (see :func:`key`)."""
    return _REPEAT.sub(r"\1", sound.translate(_spec().key_table))


def deletions(name: str) -> set[str]:
    """For a key of three sounds or more, the key with any one sound left out."""
    k = key(name)
    return {k[:i] + k[i + 1:] for i in range(len(k))} if len(k) >= 3 else set()


def index_keys(name: str) -> list[tuple[str, str]]:
    """What an index of names stores for one name: ("sound", its key) and ("near", each deletion)."""
    k = key(name)
    return ([("sound", k)] if k else []) + [("near", d) for d in sorted(deletions(name))]


def lookup_keys(name: str) -> list[tuple[str, str]]:
    """What to look up in such an index to find the names whose keys meet this one's: the same
    key; one consonant more or less where the shorter key keeps three (ليفين / ليفينز، ادوار /
    ادوارد); one consonant different where both keys have four or more."""
    k, dropped = key(name), sorted(deletions(name))
    if not k:
        return []
    if len(k) < 3:
        return [("sound", k)]
    found = [("sound", k), ("near", k)]
    return found + ([("sound", d) for d in dropped] + [("near", d) for d in dropped] if len(k) >= 4 else [])


def _indel(ch: str, pos: int, size: int) -> float:
    spec = _spec()
    if ch in VOWELS:
        return spec.vowel
    if ch == "H" and pos in (0, size - 1):
        return spec.edge_h
    return 1.0


@functools.lru_cache(maxsize=4096)
def _swap(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if a in VOWELS and b in VOWELS:
        return _spec().vowel_swap
    return _spec().near.get(frozenset((a, b)), 1.0)


def _table(a: str, b: str, ca: list[str], cb: list[str]) -> list[list[float]]:
    """The weighted edit distances between every prefix of ``a`` and of ``b`` (their sound classes ``ca``, ``cb``)."""
    n, m = len(a), len(b)
    drop_a = [_indel(c, i, n) for i, c in enumerate(ca)]
    drop_b = [_indel(c, j, m) for j, c in enumerate(cb)]
    first = [0.0]
    for cost in drop_b:
        first.append(first[-1] + cost)
    table = [first]
    for i in range(n):
        above, x, cx, drop = table[i], a[i], ca[i], drop_a[i]
        row = [above[0] + drop]
        for j in range(m):
            row.append(min(above[j + 1] + drop, row[j] + drop_b[j],
                           above[j] + (0.0 if x == b[j] else _swap(cx, cb[j]))))
        table.append(row)
    return table


def distance(a: str, b: str) -> float:
    """Weighted edit distance between two sound-class strings."""
    return _table(a, b, list(a), list(b))[len(a)][len(b)]


def alignment(a: str, b: str) -> tuple[float, list[tuple[str, str]]]:
    """The cheapest alignment of two letter strings (see :func:`letters`) under the sound costs:
    its cost, and its pairs of letters, with "" where one side has none."""
    ca, cb = [sound_class(ch) for ch in a], [sound_class(ch) for ch in b]
    table = _table(a, b, ca, cb)
    pairs, i, j = [], len(a), len(b)
    while i or j:
        if i and j and table[i][j] == table[i - 1][j - 1] + (0.0 if a[i - 1] == b[j - 1] else _swap(ca[i - 1], cb[j - 1])):
            pairs.append((a[i - 1], b[j - 1]))
            i, j = i - 1, j - 1
        elif i and table[i][j] == table[i - 1][j] + _indel(ca[i - 1], i - 1, len(a)):
            pairs.append((a[i - 1], ""))
            i -= 1
        else:
            pairs.append(("", b[j - 1]))
            j -= 1
    return table[-1][-1], pairs[::-1]


def similarity(a: str, b: str) -> float:
    """1 for two spellings of one sound sequence, falling with each differing sound."""
    return sound_similarity(*sorted((phonetic(a), phonetic(b))))


@functools.lru_cache(maxsize=1 << 16)
def sound_similarity(pa: str, pb: str) -> float:
    """:func:`similarity` of two sound-class strings (kept per pair: many spellings share them)."""
    return max(0.0, 1.0 - distance(pa, pb) / max(len(pa), len(pb), 1))
