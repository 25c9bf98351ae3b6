"""The document model: one immutable article whose annotations are spans over its cleaned text.

Stages never rewrite ``text``; they return a new :class:`Document` (``dataclasses.replace``)
with more layers filled in. Offsets are Python string indices into ``text``;
:class:`OffsetMap` carries them back to ``original``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Token(NamedTuple):
    """A word, number or punctuation mark at ``text[start:end]`` (a tuple: documents hold thousands)."""
    start: int
    end: int
    kind: str  # "word" | "number" | "punct"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence at ``text[start:end]``."""
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Removed:
    """A line dropped as page furniture, with where it stood in the original and why."""
    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A name (or a title standing for a person) at ``text[start:end]``, attached clitics left out.

    ``entity`` is the id the mention is linked to (a knowledge-base id, or a new entity's
    id once linking has run); ``source`` says what found it: ``kb`` (a name of the
    knowledge base), ``model`` (the trained tagger), ``title`` (a title pattern).
    """
    start: int
    end: int
    text: str
    type: str  # PER | ORG | GPE | LOC | EVENT | NORP | MISC
    entity: str | None = None
    source: str = "model"
    score: float = 1.0
    via_title: bool = False
    stands_for: str | None = None
    candidates: tuple[str, ...] = ()               # knowledge-base ids the name may stand for
    office: str | None = None                      # JURISDICTION.ROLE when linked through a title
    evidence: tuple[tuple[str, float, str], ...] = ()  # (feature, score, reason) behind the link


@dataclass(frozen=True, slots=True)
class Title:
    """A title of office at ``text[start:end]`` (رئيس الوزراء الياباني), and the name after it, if any."""
    start: int
    end: int
    roles: tuple[str, ...]
    jurisdiction: str | None = None       # knowledge-base id the office belongs to, when written
    anaphor: str | None = None            # «الحلف»: a body named elsewhere in the text
    name: tuple[int, int] | None = None   # the span of the name written after the title
    feminine: bool = False
    former: bool = False                  # «السابق»: a past holder, not the one on the date


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time at ``text[start:end]``: ``value`` ISO at ``precision`` (day, month, year)."""
    start: int
    end: int
    value: str | None
    precision: str
    relative: bool = False
    end_value: str | None = None   # the end of a range
    fiscal: bool = False

@dataclass(frozen=True, slots=True)
class Figure:
    """A figure at ``text[start:end]``: ``value`` in ``unit``; ``approx`` when written as approximate."""
    start: int
    end: int
    value: float
    unit: str
    approx: bool = False
    noun: str | None = None   # the counted noun as written, when there is one

@dataclass(frozen=True, slots=True)
class Quote:
    """What was said at ``text[start:end]``, by whom, and the cue (verb) that says so."""
    start: int
    end: int
    kind: str                        # direct | indirect
    speakers: tuple[str, ...] = ()   # entity ids (knowledge-base or provisional)
    cue: tuple[int, int] | None = None
    verb: str | None = None
    speaker_how: str = ""            # subject | before | after | inside | implicit | joint

@dataclass(frozen=True, slots=True)
class Event:
    """An event and its arguments (entity ids), with the evidence span it was read from."""
    type: str
    start: int
    end: int
    trigger: tuple[int, int]
    actors: tuple[str, ...]
    targets: tuple[str, ...] = ()
    where: str | None = None
    when: str | None = None
    when_text: str | None = None
    when_inferred: bool = False
    cameo: str | None = None


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in the cleaned text back to the original: runs of copied characters.

    ``runs`` holds ``(clean_start, original_start, length)`` sorted by ``clean_start``.
    """
    runs: tuple[tuple[int, int, int], ...] = ()

    def to_original(self, offset: int) -> int:
        """The original offset of the cleaned-text offset ``offset``."""
        if not self.runs:
            return offset
        starts = [run[0] for run in self.runs]
        i = max(bisect.bisect_right(starts, offset) - 1, 0)
        clean_start, orig_start, length = self.runs[i]
        return orig_start + min(max(offset - clean_start, 0), length)


@dataclass(frozen=True, slots=True)
class Article:
    """What a reader found in an input: text and metadata, before any analysis.

    ``text`` is the article as read (title line included when the format has one);
    ``title`` and ``published`` come from metadata when the format carries them.
    """
    source: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    format: str = "text"
    encoding: str = "utf-8"
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Document:
    """One article through the pipeline: original, cleaned text, and span layers over it."""
    id: str
    source: str
    original: str
    text: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    format: str = "text"
    encoding: str = "utf-8"
    language: str = "ar"
    published: str | None = None
    published_uncertain: bool = False
    published_note: str | None = None
    offset_map: OffsetMap = OffsetMap()
    removed: tuple[Removed, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    mentions: tuple[Mention, ...] = ()
    titles: tuple[Title, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    figures: tuple[Figure, ...] = ()
    machine_translated: float = 0.0       # how strongly the text reads as machine-translated (0–1)
    story: str | None = None              # the story cluster, once the store has placed the article
    metadata: dict[str, Any] = field(default_factory=dict)

    def span_text(self, start: int, end: int) -> str:
        """The cleaned text between two offsets."""
        return self.text[start:end]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds ``offset``, if any."""
        starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None
