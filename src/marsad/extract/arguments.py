"""Who does what to whom in a clause: subjects after verbs, earlier subjects, names after a point.

Shared by the quote and event finders. Arabic news is mostly verb-first (قال ستولتنبرغ،
زار أوستن سيول): the subject is the first name after the verb, with only time words or
a title between them; a name joined to it by و is a second subject.
"""
from __future__ import annotations

import functools
import re

from marsad import resources
from marsad.document import Document, Mention, Sentence
from marsad.normalize import orthographic_key
from marsad.segment import iter_tokens

ACTOR_TYPES = {"PER", "ORG", "GPE"}
UNKNOWN = "?"        # an actor the text names by a title no one could be found for


@functools.cache
def _gap_words() -> frozenset[str]:
    return frozenset(resources.load("reporting_verbs.yaml")["subject_gap"])


@functools.cache
def _function_words(name: str) -> frozenset[str]:
    return frozenset(resources.load("function_words.yaml")[name])


ATTACHED_PREPOSITIONS = {"ب", "ل", "ك", "لل"}


class Arguments:
    """The names and titles of a document, with the questions the finders ask of them."""

    def __init__(self, doc: Document, types: set[str] = ACTOR_TYPES):
        self.doc = doc
        self.mentions = [m for m in doc.mentions if m.type in types and (m.entity or m.via_title)]
        self.titles = [(t.start, t.end) for t in doc.titles]

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions wholly inside ``[start, end)``."""
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def sentence(self, offset: int) -> Sentence | None:
        """The sentence holding an offset."""
        return self.doc.sentence_at(offset)

    def _gap_ok(self, start: int, end: int, loose: int = 0) -> bool:
        """Only time words or a title (or up to ``loose`` other words) between a verb and its subject."""
        other = 0
        for s, e, kind in iter_tokens(self.doc.text, start, end):
            if kind == "punct" and self.doc.text[s:e] in ".!?؟،,;:":
                return False
            if kind == "punct" or any(ts <= s < te for ts, te in self.titles):
                continue
            if orthographic_key(self.doc.text[s:e]) not in _gap_words():
                other += 1
        return other <= loose

    def _word_before(self, offset: int) -> tuple[str, str]:
        """What is attached before ``offset`` in its word, and the key of the word before that."""
        text = self.doc.text
        start = offset
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        attached = text[start:offset]
        words = text[max(0, start - 20):start].split()
        return attached, orthographic_key(words[-1]) if words else ""

    def prepositional(self, m: Mention) -> bool:
        """A name governed by a preposition (في طوكيو، للصين، من الناتو): never a subject."""
        attached, before = self._word_before(m.start)
        attached = "".join(c for c in attached if c.isalpha()).lstrip("وف")
        if attached:
            return (attached[:-2] if attached.endswith("ال") else attached) in ATTACHED_PREPOSITIONS
        return before in _function_words("prepositions")

    def subject(self, verb_end: int, limit: int, people_first: bool = True, loose: int = 0) -> tuple[str, ...]:
        """Names right after a verb: the first, and any joined to it by و (UNKNOWN for an unresolved title)."""
        found = [m for m in self.between(verb_end, limit) if not self.prepositional(m)]
        if not found or not self._gap_ok(verb_end, found[0].start, loose):
            return ()
        group = [found[0]]
        for m in found[1:]:
            between = self.doc.text[group[-1].end:m.start].strip()
            if between in {"و", ""} or (self.doc.text[m.start - 1:m.start] == "و" and not between.strip("و ")):
                group.append(m)
            else:
                break
        chosen = ([m for m in group if m.type == "PER"] or group) if people_first else group
        return tuple(dict.fromkeys(m.entity or UNKNOWN for m in chosen))

    def earlier_subject(self, offset: int) -> tuple[str, ...]:
        """The first person named earlier in the same sentence (عقد ناكاتاني محادثات … وأكد أن …)."""
        s = self.sentence(offset)
        if s is None:
            return ()
        people = [m for m in self.mentions if s.start <= m.start and m.end <= offset and m.type == "PER" and m.entity]
        return (people[0].entity,) if people else ()

    def antecedent(self, offset: int, as_object: bool = False) -> tuple[str, ...]:
        """For a verb right after a relative pronoun, the name the pronoun stands for: as
        subject, the last name before it not after a preposition (زيلينسكي، الذي كان في
        بلجيكا); as object, the last name before it (لأوكرانيا، التي غزتها روسيا)."""
        attached, before = self._word_before(offset)
        if attached.strip("وف") or before not in _function_words("relatives"):
            return ()
        s = self.sentence(offset)
        pronoun = self.doc.text.rfind(" ", 0, offset - 1) + 1
        for m in reversed(self.mentions):
            if m.end <= pronoun and (s is None or m.start >= s.start) and (as_object or not self.prepositional(m)):
                return (m.entity or UNKNOWN,)
        return ()

    def just_before(self, offset: int, within: int = 2) -> tuple[str, ...]:
        """A name standing right before an offset in the same clause (اليابان ستنشئ)."""
        s = self.sentence(offset)
        for m in reversed(self.mentions):
            if m.end <= offset and (s is None or m.start >= s.start):
                gap = self.doc.text[m.end:offset]
                if len(gap.split()) <= within and not re.search(r"[،,.!?؟;:]", gap):
                    return (m.entity or UNKNOWN,)
                return ()
        return ()
