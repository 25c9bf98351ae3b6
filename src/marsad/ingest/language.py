"""Is this article Arabic? A script count that tells Arabic from Persian, Urdu and Latin text."""
from __future__ import annotations

import re

_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
_LETTER = re.compile(r"[^\W\d_]")
_PERSIAN = re.compile(r"[پچژگکی]")
_URDU = re.compile(r"[ٹڈڑںےھ]")


def detect_language(text: str) -> tuple[str, str]:
    """``(code, reason)``: ``ar`` for Arabic, else a code and a phrase saying why not."""
    sample = text[:4000]
    letters = len(_LETTER.findall(sample))
    if letters < 20:
        return "und", f"too little text to tell the language ({letters} letters)"
    arabic = len(_ARABIC_SCRIPT.findall(sample))
    share = arabic / letters
    if share < 0.5:
        return "other", f"not Arabic: {100 - round(100 * share)}% of letters are not Arabic script"
    if len(_URDU.findall(sample)) > 0.01 * arabic:
        return "ur", "not Arabic: Urdu letters (ٹ ڈ ڑ ں ے) throughout"
    if len(_PERSIAN.findall(sample)) > 0.02 * arabic:
        return "fa", "not Arabic: Persian letters (پ چ ژ گ ک ی) throughout"
    return "ar", "Arabic"
