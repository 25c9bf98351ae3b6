"""Is this article Arabic? Script counts that tell Arabic from Persian, Urdu and Latin text.

Arabic typed on a Persian keyboard carries ی and ک; Persian itself carries پ چ ژ گ and
its own function words, so both are needed to call a text Persian. An Arabic article
with a long Latin appendix (a film list, references) is still Arabic.
"""
from __future__ import annotations

import functools
import re

import numpy as np

_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
_LETTER = re.compile(r"[^\W\d_]")
_PERSIAN_ONLY = "پچژگ"
_PERSIAN_KEYBOARD = "کی"
_PERSIAN_WORDS = re.compile(r"(?<!\S)(?:است|این|را|می|برای|که|با|از|شده|های)(?!\S)")
_URDU = "ٹڈڑںے"

MIN_LETTERS = 20          # fewer letters than this: cannot tell
ARABIC_SHARE = 0.5        # Arabic-script share of letters that makes a text Arabic
ARABIC_BODY = 250         # ... or this many Arabic-script letters with at least MIN_SHARE
MIN_SHARE = 0.2


@functools.cache
def _classes() -> np.ndarray:
    """For every character of the Basic Multilingual Plane, its class bits: 1 letter, 2 Arabic
    script, 4 Persian-only, 8 Persian keyboard, 16 Urdu (counting with a table is what lets
    the ingest writer check every article)."""
    table = np.zeros(0x10000, dtype=np.uint8)
    for code in range(0x10000):
        char = chr(code)
        table[code] = ((_LETTER.match(char) is not None) | (_ARABIC_SCRIPT.match(char) is not None) << 1
                       | (char in _PERSIAN_ONLY) << 2 | (char in _PERSIAN_KEYBOARD) << 3 | (char in _URDU) << 4)
    return table


def _counts(sample: str) -> tuple[int, int, int, int, int]:
    """Letters, Arabic-script characters, Persian-only, Persian-keyboard and Urdu letters."""
    codes = np.frombuffer(sample.encode("utf-32-le"), dtype=np.uint32)
    classes = _classes()[codes[codes < 0x10000]]
    astral = "".join(chr(c) for c in codes[codes >= 0x10000])
    counts = np.bincount(classes, minlength=32)
    bit = np.arange(32)
    letters, arabic, persian, keyboard, urdu = (int(counts[(bit & flag) > 0].sum()) for flag in (1, 2, 4, 8, 16))
    return letters + len(_LETTER.findall(astral)), arabic, persian, keyboard, urdu


def detect_language(text: str) -> tuple[str, str]:
    """``(code, reason)``: ``ar`` for Arabic, else a code and a phrase saying why not."""
    sample = text[:6000]
    letters, arabic, persian, keyboard, urdu = _counts(sample)
    if letters < MIN_LETTERS:
        return "und", f"too little text to tell the language ({letters} letters)"
    share = arabic / letters
    if share < ARABIC_SHARE and not (arabic >= ARABIC_BODY and share >= MIN_SHARE):
        return "other", f"not Arabic: {100 - round(100 * share)}% of letters are not Arabic script"
    if urdu > 0.01 * arabic:
        return "ur", "not Arabic: Urdu letters (ٹ ڈ ڑ ں ے) throughout"
    if persian > 0.01 * arabic or (keyboard > 0.02 * arabic and
                                   len(_PERSIAN_WORDS.findall(sample)) / max(len(sample.split()), 1) > 0.03):
        return "fa", "not Arabic: Persian letters (پ چ ژ گ) and words throughout"
    return "ar", "Arabic"
