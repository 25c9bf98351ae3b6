"""Word lists of Arabic news kept as data: the common word forms, by how often they are names.

``data/common_words.tsv`` (built by ``scripts/build_word_lists.py``) holds the written
forms that are frequent in Arabic news and that the tagger reads as a name in under half
of their uses: «على»، «بأن»، «بأول»، «شرع»، «الإبل». A span that is one such word alone is
a name only on strong evidence (see :mod:`marsad.recognise`).
"""
from __future__ import annotations

import functools
from importlib import resources

from marsad.normalize import written_form


@functools.cache
def common_words() -> dict[str, tuple[float, float]]:
    """Written form → (uses per million words, share of uses the tagger reads as a name)."""
    text = resources.files("marsad").joinpath("data", "common_words.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            form, per_million, share = line.split("\t")
            out[form] = (float(per_million), float(share))
    return out


def is_common(word: str) -> bool:
    """Whether a word, as written (clitics included), is a common word of the news rather than a name."""
    return written_form(word) in common_words()


GIVEN_LEAD = 2.0       # a form that begins names at least twice as often as it ends them is a given name
SHARED_BY = 4          # a surname written after this many different given names, none of them
DOMINANT = 0.6         # in this share of its uses, tells no one apart (القحطاني; not أوباما after باراك)
MIN_USES = 5         # uses inside names before a position says anything


@functools.cache
def name_positions() -> dict[str, tuple[int, int, int, int]]:
    """Written form → (times first in a name, times last, different given names before it, uses
    after the commonest of them), from ``data/names/name_positions.tsv`` (built by
    ``scripts/build_word_lists.py``)."""
    text = resources.files("marsad").joinpath("data", "names", "name_positions.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            form, *counts = line.split("\t")
            out[form] = tuple(int(c) for c in (*counts, 0, 0, 0, 0)[:4])
    return out


def is_given_name(word: str) -> bool:
    """Whether a word is mostly a given name (فهد، محمد، خالد): alone, it does not say who is meant."""
    first, last, _, _ = name_positions().get(written_form(word), (0, 0, 0, 0))
    return first >= MIN_USES and first >= GIVEN_LEAD * last


def is_shared_surname(word: str) -> bool:
    """Whether a word ends the names of many different people (القحطاني، الدوسري، الفيصل)."""
    _, last, before, commonest = name_positions().get(written_form(word), (0, 0, 0, 0))
    return last >= MIN_USES and before >= SHARED_BY and commonest < DOMINANT * last


def tells_no_one_apart(name: str) -> bool:
    """Whether a name, written alone, cannot say which person of the news it is: one word that is a
    given name, a surname many people share, or a common word the news almost never uses as a
    name. (A surname the tagger seldom marks, كيري or بحاح, still tells its bearer apart.)"""
    words = name.split()
    return len(words) == 1 and (is_given_name(words[0]) or is_shared_surname(words[0]) or is_function_like(words[0]))


RARE_NAME_SHARE = 0.05     # a common word the tagger reads as a name this seldom is almost never one


def is_function_like(word: str) -> bool:
    """Whether a word, as written, is a common word the news almost never uses as a name
    («على»، «بأن»، «ومعالي»، «أكبر»): alone it is a name only on strong evidence."""
    found = common_words().get(written_form(word))
    return found is not None and found[1] < RARE_NAME_SHARE
