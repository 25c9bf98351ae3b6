"""Names of the knowledge base found in a document: longest match, read through clitics.

The first word of a name may carry proclitics (لستولتنبرج، وكوريا الجنوبية); they are
left out of the mention. Nationality adjectives (الياباني، اليابانيين) are found as
NORP mentions of their country. A hyphen inside a name (سوك-يول) is read as a space.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from marsad import resources
from marsad.document import Document, Token
from marsad.kb import KnowledgeBase, keyed_words
from marsad.normalize import orthographic_key, proclitic_splits, same_spelling, skip_letters, strip_article, written_form
from marsad.words import is_common

_JOINERS = {"-", "\u2010", "\u2011"}


@dataclass(frozen=True, slots=True)
class Found:
    """A knowledge-base name at ``text[start:end]`` and the entities it may name."""
    start: int
    end: int
    entities: tuple[str, ...]
    type: str
    ambiguous: bool
    demonym: bool = False


def runs(doc: Document) -> Iterator[list[Token]]:
    """Runs of word tokens a name may span: punctuation other than an inner hyphen breaks a run."""
    run: list[Token] = []
    tokens = doc.tokens
    for i, token in enumerate(tokens):
        if token.kind != "punct":
            run.append(token)
            continue
        inner = (doc.text[token.start:token.end] in _JOINERS and 0 < i < len(tokens) - 1
                 and tokens[i - 1].end == token.start and tokens[i + 1].start == token.end)
        if not inner and run:
            yield run
            run = []
    if run:
        yield run


def _match(kb: KnowledgeBase, key: str) -> tuple[tuple[str, ...], bool, bool] | None:
    aliases = kb.aliases.get(key)
    if aliases:
        ordered = sorted(aliases, key=lambda a: a.ambiguous)
        return tuple(a.entity for a in ordered), all(a.ambiguous for a in aliases) or len(aliases) > 1, False
    if key in kb.demonyms:
        return (kb.demonyms[key],), False, True
    return None


def find_names(doc: Document, kb: KnowledgeBase) -> list[Found]:
    """Every knowledge-base name in the document, leftmost-longest, clitics left out."""
    found: list[Found] = []
    for run in runs(doc):
        words = [doc.text[t.start:t.end] for t in run]
        keys = [orthographic_key(w) for w in words]
        i = 0
        while i < len(run):
            hit = None
            splits = proclitic_splits(keys[i])
            longest = max((kb.first_words.get(strip_article(first), 0) for _, first in splits), default=0)
            for length in range(min(longest, len(run) - i), 0, -1):
                tail = keys[i + 1:i + length]
                for letters, first in splits:
                    if kb.first_words.get(strip_article(first), 0) < length:
                        continue
                    key = keyed_words([first, *tail])
                    match = _match(kb, key)
                    if match and length == 1:
                        contracted = keys[i][:letters].endswith("لل")      # ل + ال: للشباب
                        match = _spelled(kb, key, words[i][skip_letters(words[i], letters):], match, contracted)
                    elif match and _indefinite(kb, key, [first, *tail], match[0]):
                        match = None
                    if match:
                        start = run[i].start + skip_letters(words[i], letters)
                        inner = _after_head(kb, [first, *tail], match[0][0])
                        if inner:
                            start = run[i + inner].start
                        hit = (length, Found(start, run[i + length - 1].end, *_typed(kb, *match)))
                        break
                if hit:
                    break
            if hit:
                found.append(hit[1])
                i += hit[0]
            else:
                i += 1
    return found


@functools.cache
def _heads() -> tuple[tuple[str, ...], ...]:
    """Titles and head nouns a name of the base may begin with, as keyed words, longest first."""
    heads = resources.load("function_words.yaml")["name_heads"]
    return tuple(sorted((tuple(orthographic_key(h).split()) for h in heads), key=len, reverse=True))


def _after_head(kb: KnowledgeBase, keys: list[str], entity: str) -> int:
    """How many words of a matched name are a title or head noun (الملك، الرئيس، صحيفة) whose
    rest is itself a name of the same entity — the mention is that rest, as ANERcorp marks
    it (عبدالله الثاني in «الملك عبدالله الثاني»); 0 otherwise."""
    for head in _heads():
        n = len(head)
        if len(keys) > n and tuple(keys[:n]) == head:
            rest = keyed_words(keys[n:])
            if any(a.entity == entity for a in kb.aliases.get(rest, ())):
                return n
    return 0


def _indefinite(kb: KnowledgeBase, key: str, keys: list[str], entities: tuple[str, ...]) -> bool:
    """A name of several words, some with the article, written with none (بقوة جوية is an air
    force, not «القوة الجوية»; حكومة وحدة وطنية is any unity government): the common
    phrase, not the name."""
    if len(keys) < 2 or any(k.startswith("ال") for k in keys):
        return False
    names = [n for e in entities for n in kb.written(e, key)]
    return bool(names) and all(any(orthographic_key(w).startswith("ال") for w in n.split()) for n in names)


def _spelled(kb: KnowledgeBase, key: str, surface: str, match, contracted: bool = False):
    """A one-word match kept for the entities one of whose names it may be as written
    (:func:`marsad.normalize.same_spelling`): «بأول» is not Powell, «الإبل» not Apple, «شباب»
    not the club «الشباب» unless after لل, where the article is contracted; an adjective may go
    without its article (مواطن سعودي)."""
    entities, ambiguous, demonym = match
    article_ok = demonym or not is_common(surface)      # البوينغ is Boeing; الحماس is enthusiasm, not Hamas
    bare_ok = demonym or contracted
    kept = tuple(e for e in entities if any(same_spelling(surface, n, article_ok, bare_ok) and not _article_read(surface, n)
                                            for n in kb.written(e, key)))
    return (kept, ambiguous or len(kept) > 1, demonym) if kept else None


def _article_read(surface: str, name: str) -> bool:
    """A name whose أل or إل is no article (إلبيت, ألبانيا) written ال + a common word: the
    article and the word (البيت is the house), not the name; البانيا stays Albania."""
    text = written_form(surface)
    return written_form(name)[:2] in ("أل", "إل") and text.startswith("ال") and is_common(text[2:])


def _typed(kb: KnowledgeBase, entities: tuple[str, ...], ambiguous: bool, demonym: bool):
    kind = "NORP" if demonym else kb.entities[entities[0]].type
    return entities, kind, ambiguous, demonym
