"""Is this article Arabic? Script counts that tell Arabic from Persian, Urdu and Latin text.

Arabic typed on a Persian keyboard carries ی and ک; Persian itself carries پ چ ژ گ and
its own function words, so both are needed to call a text Persian. An Arabic article
with a long Latin appendix (a film list, references) is still Arabic.
"""
from __future__ import annotations

import re

_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
_LETTER = re.compile(r"[^\W\d_]")
_PERSIAN_ONLY = re.compile(r"[پچژگ]")
_PERSIAN_KEYBOARD = re.compile(r"[کی]")
_PERSIAN_WORDS = re.compile(r"(?<!\S)(?:است|این|را|می|برای|که|با|از|شده|های)(?!\S)")
_URDU = re.compile(r"[ٹڈڑںے]")

MIN_LETTERS = 20          # fewer letters than this: cannot tell
ARABIC_SHARE = 0.5        # Arabic-script share of letters that makes a text Arabic
ARABIC_BODY = 250         # ... or this many Arabic-script letters with at least MIN_SHARE
MIN_SHARE = 0.2


def detect_language(text: str) -> tuple[str, str]:
    """``(code, reason)``: ``ar`` for Arabic, else a code and a phrase saying why not."""
    sample = text[:6000]
    letters = len(_LETTER.findall(sample))
    if letters < MIN_LETTERS:
        return "und", f"too little text to tell the language ({letters} letters)"
    arabic = len(_ARABIC_SCRIPT.findall(sample))
    share = arabic / letters
    if share < ARABIC_SHARE and not (arabic >= ARABIC_BODY and share >= MIN_SHARE):
        return "other", f"not Arabic: {100 - round(100 * share)}% of letters are not Arabic script"
    if len(_URDU.findall(sample)) > 0.01 * arabic:
        return "ur", "not Arabic: Urdu letters (ٹ ڈ ڑ ں ے) throughout"
    words = max(len(sample.split()), 1)
    persian_words = len(_PERSIAN_WORDS.findall(sample)) / words
    if len(_PERSIAN_ONLY.findall(sample)) > 0.01 * arabic or (
            len(_PERSIAN_KEYBOARD.findall(sample)) > 0.02 * arabic and persian_words > 0.03):
        return "fa", "not Arabic: Persian letters (پ چ ژ گ) and words throughout"
    return "ar", "Arabic"
