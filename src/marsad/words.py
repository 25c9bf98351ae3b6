"""Word lists of Arabic news kept as data: the common word forms, by how often they are names.

``data/common_words.tsv`` (built by ``scripts/build_common_words.py``) holds the written
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
