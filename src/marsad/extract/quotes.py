"""Quotes: who said what, direct (in “…” «…» "…" „…“) and reported (قال إن …، دعا إلى …).

Direct quotes may run over sentences, be split by a reporting clause, be left unclosed
(they then end with the paragraph), or be short fragments inside reported speech. The
speaker is the subject of the reporting verb before or after the quote, a title that
stands for a person, several people (قال ستولتنبرغ وكيشيدا)، or — when the verb has no
subject (وأضاف، وقالوا في بيان مشترك) — the last speaker(s). Verbs: data/reporting_verbs.yaml.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from marsad import resources
from marsad.document import Document, Quote
from marsad.extract.arguments import UNKNOWN, Arguments
from marsad.normalize import orthographic_key, proclitic_splits, skip_letters
from marsad.segment import iter_tokens

OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", '"': '"'}
WINDOW = 40          # words between a verb and what introduces the reported speech
_AFTER_MARKERS = {"حسبما", "كما", "بحسب", "وفق"}
FRAGMENT_WORDS = 3   # a quoted fragment this short needs a speaker to count as a quote


@dataclass(frozen=True, slots=True)
class _Verb:
    key: str
    verb: str
    that: bool
    prepositions: tuple[str, ...]
    plural: bool
    feminine: bool
    participle: bool


@functools.cache
def _verbs() -> dict[str, _Verb]:
    spec = resources.load("reporting_verbs.yaml")
    out = {}
    for verb, entry in spec["verbs"].items():
        for form in entry["forms"]:
            key = orthographic_key(form)
            plural = key.endswith(("وا", "ون", "ين", "ان")) or (key.endswith("ا") and not key.startswith("م")
                                                              and len(key) > 3 and verb != "call")
            participle = key.startswith("م") and key.endswith(("ا", "ه")) or key in {
                "قائلا", "قائله", "داعيا", "داعيه", "واصفا", "كاشفا", "نافيا", "طالبا", "لافتا", "مجددا"}
            feminine = key.endswith(("ت", "تا", "ه")) or (key.startswith("ت") and not key.startswith("تابع"))
            out[key] = _Verb(key, verb, bool(entry.get("that")),
                             tuple(orthographic_key(p) for p in entry.get("prepositions", [])), plural,
                             feminine, participle)
    return out


@functools.cache
def _gap_words() -> frozenset[str]:
    return frozenset(resources.load("reporting_verbs.yaml")["subject_gap"])


@functools.cache
def _joint() -> frozenset[str]:
    return frozenset(resources.load("reporting_verbs.yaml")["joint_subjects"])


@functools.cache
def _trailing() -> frozenset[str]:
    return frozenset(resources.load("reporting_verbs.yaml")["trailing"])


@functools.cache
def _complementizers() -> frozenset[str]:
    return frozenset(orthographic_key(w) for w in resources.load("reporting_verbs.yaml")["complementizers"])


def _verb_of(key: str) -> _Verb | None:
    for letters, rest in proclitic_splits(key):
        if letters <= 1 and rest in _verbs():
            return _verbs()[rest]
    return None


def _paragraphs(text: str):
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, pos + len(line)
        pos += len(line) + 1


def _direct_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Content spans of quotations in ``text[start:end]`` (unclosed ones run to the end)."""
    spans, i = [], start
    while i < end:
        ch = text[i]
        if ch in OPEN_CLOSE:
            close = text.find(OPEN_CLOSE[ch], i + 1, end)
            stop = close if close != -1 else end
            inner_start, inner_end = i + 1, stop
            if close == -1:   # unclosed: the quote ends with the paragraph, not with its full stop
                inner_end = inner_start + len(text[inner_start:stop].rstrip(" .،,؛;:"))
            while inner_start < inner_end and text[inner_start].isspace():
                inner_start += 1
            while inner_end > inner_start and (text[inner_end - 1].isspace()):
                inner_end -= 1
            if re.search(r"[^\W\d_]", text[inner_start:inner_end]):
                spans.append((inner_start, inner_end))
            i = stop + 1
            continue
        i += 1
    return spans


class _Finder(Arguments):
    def __init__(self, doc: Document):
        super().__init__(doc)
        self.words = [(s, e) for s, e, kind in iter_tokens(doc.text) if kind != "punct"]
        self.keys = [orthographic_key(doc.text[s:e]) for s, e in self.words]
        self.last: tuple[str, ...] = ()

    def word_index(self, offset: int) -> int:
        for i, (s, e) in enumerate(self.words):
            if e > offset:
                return i
        return len(self.words)

    def partners(self, offset: int) -> tuple[str, ...]:
        """The last speaker and the person written beside them earlier (X ونظيره Y), else the last two people."""
        if len(self.last) == 1:
            for m in self.mentions:
                if m.entity == self.last[0] and m.end <= offset:
                    after = [o for o in self.mentions if o.start >= m.end and o.type == "PER" and o.entity
                             and o.entity != m.entity and len(self.doc.text[m.end:o.start].split()) <= 6
                             and re.match(r"\s*و", self.doc.text[m.end:o.start])]
                    if after:
                        return (m.entity, after[0].entity)
        return self.last if len(self.last) > 1 else self.last_people(offset, 2)

    def last_people(self, offset: int, count: int) -> tuple[str, ...]:
        """The last ``count`` different people named before an offset."""
        seen: list[str] = []
        for m in reversed(self.mentions):
            if m.end <= offset and m.type == "PER" and m.entity and m.entity not in seen:
                seen.append(m.entity)
                if len(seen) == count:
                    break
        return tuple(reversed(seen))

    def sentence_end(self, offset: int, paragraph_end: int) -> int:
        s = self.sentence(offset)
        return min(s.end, paragraph_end) if s else paragraph_end


def _other_subject(f: _Finder, verb_end: int, limit: int) -> str | None:
    """What stands as the verb's subject when it is not a name: ``joint`` for «كلا الزعيمين»،
    «البيان المشترك»; ``other`` for any other word (يؤكد وصول روت …); None for no subject."""
    for s, e, kind in iter_tokens(f.doc.text, verb_end, limit):
        if kind == "punct" and f.doc.text[s:e] in OPEN_CLOSE:
            return None
        if kind == "punct" or any(ts <= s < te for ts, te in f.titles):
            continue
        key = orthographic_key(f.doc.text[s:e])
        if key in _gap_words():
            continue
        if any(m.start <= s < m.end for m in f.mentions):
            return None
        if key in _joint() or f"{key} {orthographic_key(f.doc.text[e:e + 12]).split(' ')[0]}".strip() in _joint():
            return "joint"
        if key in _complementizers() or key.startswith(("في", "ل", "ب", "خلال", "من", "عن", "علي")):
            return None
        return "other"
    return None


def _trim(text: str) -> str:
    text = text.rstrip(" .،,؛;:")
    words = text.split()
    while words and orthographic_key(words[-1]) in _trailing():
        words.pop()
        text = text[:text.rstrip().rfind(words[-1]) + len(words[-1])] if words else ""
    return text.rstrip(" .،,؛;:")


def _reported(f: _Finder, p_start: int, p_end: int, cues: list) -> list[tuple]:
    """For each reporting verb: ``("cue", …)`` or ``("indirect", …, start, end)`` with its subject."""
    out = []
    for n, (i, verb) in enumerate(cues):
        v_start, v_end = f.words[i]
        stop = min(f.sentence_end(v_start, p_end),
                   *(f.words[j][0] for j, _ in cues[n + 1:] if f.words[j][0] > v_end), p_end)
        intro, by_preposition = None, False
        for j in range(i + 1, min(i + 1 + WINDOW, len(f.words))):
            s, e = f.words[j]
            if s >= stop:
                break
            key = f.keys[j]
            if verb.that and key in _complementizers():
                intro = s
                break
            if any(key == p or (len(p) == 1 and key.startswith(p) and len(key) > 2) for p in verb.prepositions):
                intro, by_preposition = s, True
                break
        limit = intro if intro is not None else min(stop, v_end + 80)
        subject = f.subject(v_end, limit)
        other = None if subject else _other_subject(f, v_end, limit)
        before = _after_clause(f, i, p_start)
        if before:
            out.append(("indirect", i, verb, subject, *before, other))
            continue
        if intro is None or (by_preposition and other == "other"):
            out.append(("cue", i, verb, subject, other))
            continue
        start = intro
        if by_preposition:   # the clause from the verb on, without an attached و or ف
            start = v_start + (skip_letters(f.doc.text[v_start:v_end], 1) if f.keys[i] not in _verbs() else 0)
        text = _trim(f.doc.text[start:stop])
        if len(text.split()) < 2:
            out.append(("cue", i, verb, subject, other))
            continue
        out.append(("indirect", i, verb, subject, start, start + len(text), other))
    return out


def _after_clause(f: _Finder, i: int, p_start: int) -> tuple[int, int] | None:
    """«…، حسبما قال X»: the clause before the verb is what X said."""
    if i < 1 or f.keys[i - 1] not in _AFTER_MARKERS:
        return None
    marker = f.words[i - 1][0]
    sentence = f.sentence(marker)
    start = sentence.start if sentence else p_start
    clause = f.doc.text[start:marker]
    cut = max(clause.rfind(c) for c in ".؟!")
    begin = start + cut + 1 if cut >= 0 else start
    text = _trim(f.doc.text[begin:marker]).strip()
    offset = f.doc.text.index(text, begin) if text else begin
    return (offset, offset + len(text)) if len(text.split()) >= 2 else None


def find_quotes(doc: Document) -> list[Quote]:
    """Every quote of a document, with its speakers when the text tells them."""
    f = _Finder(doc)
    quotes: list[Quote] = []
    names = [(m.start, m.end) for m in doc.mentions]
    title_end = doc.text.find("\n") if "\n" in doc.text else len(doc.text)
    for p_start, p_end in _paragraphs(doc.text):
        first_word, last_word = f.word_index(p_start), f.word_index(p_end)
        cues = [(i, v) for i in range(first_word, last_word) if (v := _verb_of(f.keys[i]))]
        events = _reported(f, p_start, p_end, cues)
        direct = _direct_spans(doc.text, p_start, p_end)
        said: list[tuple[int, int, tuple[str, ...]]] = []   # spans of reported speech and their speakers
        cue_speakers: dict[int, tuple[str, ...]] = {}
        for item in events:
            kind, i, verb, subject = item[:4]
            other = item[-1]
            speakers, how = subject, "subject"
            if other == "joint":
                speakers, how = f.partners(f.words[i][0]), "joint"
            elif not speakers and not other and not verb.plural:
                speakers, how = f.earlier_subject(f.words[i][0]), "earlier"
            if not speakers and not other:
                speakers, how = f.last, ("joint" if verb.plural else "implicit")
            if speakers == (UNKNOWN,) or other == "other":
                speakers, how = (), "unresolved"
            cue_speakers[i] = speakers
            if speakers:
                f.last = speakers
            if kind == "indirect":
                start, end = item[4], item[5]
                if any(s <= start < e for s, e in direct) or p_start < title_end and p_start == 0:
                    said.append((start, end, speakers))
                    continue
                quotes.append(Quote(start, end, "indirect", speakers, f.words[i], verb.verb, how))
                said.append((start, end, speakers))
        for start, end in direct:
            if any(s <= start and end <= e for s, e in names):
                continue
            speakers, how = (), ""
            inside = [sp for s, e, sp in said if s <= start and end <= e]
            before = [i for i, _ in cues if f.words[i][1] <= start]
            after = [i for i, _ in cues if f.words[i][0] >= end and len(doc.text[end:f.words[i][0]].split()) <= 2]
            if inside:
                speakers, how = inside[0], "inside"
            elif after and cue_speakers.get(after[0]):
                speakers, how = cue_speakers[after[0]], "after"
            elif before and cue_speakers.get(before[-1]):
                speakers, how = cue_speakers[before[-1]], "before"
            elif not before and not after and start - p_start <= 1 and f.last:
                speakers, how = f.last, "implicit"
            if len(doc.text[start:end].split()) <= FRAGMENT_WORDS and not speakers:
                continue
            quotes.append(Quote(start, end, "direct", speakers, None, None, how))
            if speakers:
                f.last = speakers
    return sorted(quotes, key=lambda q: (q.start, q.end))
