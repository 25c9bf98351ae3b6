"""Events: typed frames (visit, meeting, statement, agreement, aid, sanction, military_exercise,
weapons_test, plan, objection, policy_change, invasion, appointment) with actors, targets,
place, date and the evidence span, from trigger lexicons in ``data/events.yaml``.

Statements come from the quotes (a reporting verb with a speaker). A date is the time
expression of the event's sentence (a deadline — بحلول، حتى — dates only a plan); a
well-known event (``data/known_events.yaml``) named without an absolute date takes its
known start; an event told in the past tense with neither takes the publication date.
Both are marked ``when_inferred``.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from marsad import resources
from marsad.document import Document, Event
from marsad.extract.arguments import UNKNOWN, Arguments
from marsad.extract.quotes import Quote
from marsad.extract.times import TimeExpression
from marsad.normalize import orthographic_key, proclitic_splits, strip_article
from marsad.segment import iter_tokens

ACTORS = {"PER", "ORG", "GPE", "NORP"}
UNDATED = {"plan", "policy_change", "invasion"}   # named without a date, these are not news of the day
PLACES = {"GPE", "LOC"}
MAX_TARGETS = 4
OBJECT_PRONOUNS = ("ها", "ه", "هم", "هما", "هن")     # attached to a verb: its object
DEADLINE_WORDS = ("بحلول", "حتي")                     # before a time: the date something is due by


@functools.cache
def _spec() -> dict:
    return resources.load("events.yaml")


@functools.cache
def _triggers() -> dict[str, list[tuple[tuple[str, ...], str, bool]]]:
    """First word key → [(word keys, type, is_verb)], longest first."""
    index: dict[str, list] = {}
    for kind, spec in _spec()["types"].items():
        for is_verb, forms in ((True, spec.get("verbs") or []), (False, spec.get("nouns") or [])):
            for form in forms:
                words = tuple(w if w == GAP else orthographic_key(w) for w in form.split())
                index.setdefault(words[0], []).append((words, kind, is_verb))
                if not is_verb:
                    index.setdefault(strip_article(words[0]), []).append(((strip_article(words[0]), *words[1:]), kind, False))
    for options in index.values():
        options.sort(key=lambda o: -len(o[0]))
    return index


@functools.cache
def _known() -> dict[str, list[tuple[str, frozenset[str], frozenset[str]]]]:
    """Type → [(date, actor ids, target ids)] of data/known_events.yaml, latest first
    (knowledge-base ids, as the linker leaves them on mentions)."""
    out: dict[str, list] = {}
    for e in resources.load("known_events.yaml"):
        out.setdefault(e["type"], []).append((e["date"], frozenset(e["actors"]), frozenset(e["targets"])))
    for dated in out.values():
        dated.sort(reverse=True)
    return out


def known_date(kind: str, actors, targets, published: str | None) -> str | None:
    """The start of the well-known event these arguments name, latest on or before ``published``."""
    for date, who, whom in _known().get(kind, ()):
        if who.intersection(actors) and whom.intersection(targets) and (not published or date <= published):
            return date
    return None


GAP = "…"          # in a trigger: up to MAX_GAP words (a subject) between its parts
MAX_GAP = 3


def _tail_at(keys: list[str], j: int, tail: tuple[str, ...]) -> int | None:
    """The index after ``tail`` matched from word ``j`` (a gap may stand before its part after …)."""
    if GAP not in tail:
        return j + len(tail) if tuple(keys[j:j + len(tail)]) == tail else None
    cut = tail.index(GAP)
    before, after = tail[:cut], tail[cut + 1:]
    if tuple(keys[j:j + len(before)]) != before:
        return None
    for skip in range(0, MAX_GAP + 1):
        k = j + len(before) + skip
        if tuple(keys[k:k + len(after)]) == after:
            return k + len(after)
    return None


def _match(keys: list[str], i: int) -> tuple[int, str, bool] | None:
    """``(words, type, is_verb)`` of the longest trigger at word ``i``."""
    for letters, first in proclitic_splits(keys[i]):
        for words, kind, is_verb in _triggers().get(first, []) + _triggers().get(strip_article(first), []):
            if is_verb and letters > 1:
                continue
            head = first if words[0] == first else strip_article(first)
            if head != words[0]:
                continue
            end = _tail_at(keys, i + 1, words[1:])
            if end is not None:
                return end - i, kind, is_verb
    return None


def _past(key: str) -> bool:
    return not key.lstrip("وف").startswith(("ي", "ت", "س", "ن", "م"))


class _Finder(Arguments):
    def __init__(self, doc: Document, times: list[TimeExpression]):
        super().__init__(doc, ACTORS)
        self.times = times
        self.words = [(s, e) for s, e, kind in iter_tokens(doc.text) if kind != "punct"]
        self.keys = [orthographic_key(doc.text[s:e]) for s, e in self.words]

    def _deadline(self, t: TimeExpression) -> bool:
        before = self.doc.text[max(0, t.start - 12):t.start].split()
        return bool(before) and orthographic_key(before[-1]).lstrip("و") in DEADLINE_WORDS

    def when(self, start: int, end: int, trigger: tuple[int, int], verb_past: bool, known: str | None = None,
             kind: str = "statement"):
        """The event's date: the sentence's time expression nearest the trigger (a deadline
        only for a plan); else the date of the well-known event it names (unless the text
        dates it outright); else, unless the sentence gives a time it does not pin down, for a
        past event the publication date (both marked inferred)."""
        told = [t for t in self.times if start <= t.start < end and (kind == "plan" or not self._deadline(t))]
        inside = [t for t in told if t.value]
        if inside:
            t = min(inside, key=lambda t: abs(t.start - trigger[0]))
            if not (known and t.relative):
                return t.value, self.doc.text[t.start:t.end], False
        if known:
            return known, None, True
        if told:      # the text gives a time it does not pin down (مؤخرًا): not the day of writing
            t = min(told, key=lambda t: abs(t.start - trigger[0]))
            return None, self.doc.text[t.start:t.end], False
        if verb_past and self.doc.published and not self.doc.published_uncertain:
            return self.doc.published, None, True
        return None, None, False

    def where(self, start: int, end: int, kind: str) -> str | None:
        """The place: a place named after في (or, for a visit, after إلى)."""
        markers = {"في", "داخل", "قرب"} | ({"الي"} if kind == "visit" else set())
        for m in self.between(start, end):
            if m.type in PLACES and m.entity:
                before = orthographic_key(self.doc.text[max(start, m.start - 4):m.start]).split()
                if before and before[-1] in markers or self.doc.text[m.start - 1:m.start] == "ب":
                    return m.entity
        return None

    def actors(self, trigger: tuple[int, int], verb_end: int, is_verb: bool, end: int) -> tuple[str, ...]:
        if is_verb:
            found = (self.subject(verb_end, end, people_first=False, loose=2) or self.antecedent(trigger[0])
                     or self.just_before(trigger[0]))
            return found or self.earlier_subject(trigger[0])
        inside = [m for m in self.between(*trigger) if m.type in {"NORP", "GPE"}]
        if inside:      # الحرب الروسية: the demonym in the trigger names who acts
            return (inside[0].entity or UNKNOWN,)
        after = self.between(trigger[1], min(end, trigger[1] + 40))
        if after and len(self.doc.text[trigger[1]:after[0].start].split()) <= 1:
            return (after[0].entity or UNKNOWN,)
        return self.just_before(trigger[0]) or self.earlier_subject(trigger[0])


def _targets(f: _Finder, start: int, end: int, actors: tuple[str, ...], where: str | None) -> tuple[str, ...]:
    out = []
    for m in f.between(start, end):
        if m.entity and m.entity not in actors and m.entity != where and m.type != "NORP" and m.entity not in out:
            out.append(m.entity)
    return tuple(out[:MAX_TARGETS])


def find_events(doc: Document, quotes: list[Quote], times: list[TimeExpression]) -> list[Event]:
    """Every event the triggers, and the quotes' reporting verbs, point to."""
    f, events = _Finder(doc, times), []
    for sentence in doc.sentences:
        first = next((i for i, (s, e) in enumerate(f.words) if s >= sentence.start), len(f.words))
        i = first
        while i < len(f.words) and f.words[i][0] < sentence.end:
            hit = _match(f.keys, i)
            if not hit:
                i += 1
                continue
            length, kind, is_verb = hit
            trigger = (f.words[i][0], f.words[min(i + length, len(f.words)) - 1][1])
            actors = tuple(a for a in f.actors(trigger, f.words[i][1], is_verb, sentence.end) if a != UNKNOWN)
            where = f.where(sentence.start, sentence.end, kind)
            targets = _targets(f, trigger[1], sentence.end, actors, where)
            if is_verb and actors and f.keys[i].endswith(OBJECT_PRONOUNS):     # التي غزتها روسيا
                targets = (*(a for a in f.antecedent(trigger[0], as_object=True) if a not in (UNKNOWN, *actors)),
                           *targets)[:MAX_TARGETS]
            if actors or targets:
                past = _past(f.keys[i]) if is_verb else kind not in UNDATED
                actors, targets = (actors, targets) if actors else (targets[:1], targets[1:])
                known = known_date(kind, actors, (*targets, where), doc.published)
                when, when_text, inferred = f.when(sentence.start, sentence.end, trigger, past, known, kind)
                events.append(Event(kind, sentence.start, sentence.end, trigger, actors, targets, where,
                                    when, when_text, inferred, _spec()["types"][kind]["cameo"]))
            i += length
    for q in quotes:
        speakers = tuple(s for s in q.speakers if s != UNKNOWN)
        if q.cue and speakers:
            sentence = doc.sentence_at(q.cue[0])
            start, end = (sentence.start, sentence.end) if sentence else (q.cue[0], q.end)
            where = f.where(start, end, "statement")
            when, when_text, inferred = f.when(start, end, q.cue, _past(orthographic_key(doc.text[q.cue[0]:q.cue[1]])))
            events.append(Event("statement", start, end, q.cue, speakers,
                                _targets(f, q.start, q.end, speakers, where), where, when, when_text, inferred,
                                _spec()["types"]["statement"]["cameo"]))
    return _dedupe(events)


def _dedupe(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for e in sorted(events, key=lambda e: (e.start, e.trigger)):
        if not any(o.type == e.type and o.start == e.start and set(o.actors) == set(e.actors) for o in out):
            out.append(e)
    return out
