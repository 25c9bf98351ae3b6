"""Recognition: names of people, organisations, places and events, and titles standing for people.

Four finders run over the document and their spans are merged: the knowledge base's
names (gazetteer), titles of office with the name after them (titles), the trained
tagger (tagger), and outlets cited by a bare name (own_outlet: a paper's name on its own
pages, an agency's credit word). A name from the knowledge base keeps its type and candidate entities;
a common word that the base also knows as a name (القاعدة، الجزيرة) counts only where
the tagger sees a name too. Attached clitics are left out of every mention.
"""
from __future__ import annotations

import dataclasses
import functools
import re

from marsad import resources
from marsad.document import Document, Mention, Title
from marsad.kb import SPORTS_KINDS, KnowledgeBase, knowledge_base
from marsad.recognise.gazetteer import Found, find_names
from marsad.recognise.merge import Candidate, resolve
from marsad.recognise.named_after import named_after
from marsad.recognise.own_outlet import credited, own_outlet, quoted
from marsad.recognise.propagate import surnames, undouble
from marsad.recognise.tagger import Tagger, TaggedSpan, load_tagger
from marsad.normalize import orthographic_key, proclitic_splits, skip_letters, strip_article
from marsad.recognise.titles import find_titles, function_words, person_names
from marsad.words import is_common, is_function_like


def _provincial_city(kb: KnowledgeBase, entity_id: str) -> bool:
    """A city that is not its country's capital."""
    country = kb.entities[entity_id].country
    return bool(country) and country in kb.entities and kb.entities[country].capital != entity_id


_PLACES = {"GPE", "LOC"}


def _same_kind(kind: str, tagged: str) -> bool:
    """Whether a type of the base and a type the tagger gives are one kind of name (ANERcorp's LOC is GPE too)."""
    return kind == tagged or {kind, tagged} <= _PLACES


def _as_body(doc: Document, kb: KnowledgeBase, f: Found, found: list[Found]) -> Candidate | None:
    """A place's name that is here a body's: a club's, when the article names other clubs or a
    federation (روما among يوفنتوس and ميلان is AS Roma); a newspaper's, in quotation marks
    («الشرق الأوسط» cited as a source)."""
    kinds = {e: kb.entities[e].kind for e in f.entities}
    clubs = [e for e, k in kinds.items() if k == "club"]
    if len(clubs) == 1 and any(g is not f and not g.ambiguous and kb.entities[g.entities[0]].kind in SPORTS_KINDS
                               and g.entities[0] != clubs[0] for g in found) \
            and (not is_common(doc.text[f.start:f.end].split()[0]) or _in_club_frame(doc, kb, f, found)):
        return Candidate(f.start, f.end, "ORG", "kb", 3, None, tuple(clubs))
    papers = [e for e, k in kinds.items() if k == "media"]
    if len(papers) == 1 and quoted(doc.text, f.start, f.end) and len(f.entities) > 1:
        return Candidate(f.start, f.end, "ORG", "kb", 3, papers[0], tuple(papers))
    return None


def _word_before(doc: Document, start: int) -> str:
    """The key of the word before ``start``, its proclitics off when what remains is a club head (لفريق → فريق)."""
    before = [t for t in doc.tokens if t.end <= start][-1:]
    if not before or before[0].kind != "word":
        return ""
    key = orthographic_key(doc.text[before[0].start:before[0].end])
    heads = _club_words()[0]
    return next((rest for _, rest in proclitic_splits(key) if rest in heads), key)


@functools.cache
def _club_words() -> tuple[frozenset[str], frozenset[str]]:
    words = function_words()
    return frozenset(words["club_heads"]), frozenset(words["club_joiners"])


def _in_club_frame(doc: Document, kb: KnowledgeBase, f: Found, found: list[Found]) -> bool:
    """Whether a club's name that is also a common word stands where a club does: after a
    squad's or match's noun (لاعب الاتفاق), or joined to another club (الاتفاق والقادسية،
    فوز الهلال على الشباب). ``data/function_words.yaml`` keeps both lists."""
    heads, joiners = _club_words()
    if _word_before(doc, f.start) in heads:
        return True
    for g in found:
        if g is f or not any(kb.entities[e].kind in SPORTS_KINDS for e in g.entities):
            continue
        gap = doc.text[f.end:g.start] if g.start >= f.end else doc.text[g.end:f.start] if g.end <= f.start else None
        if gap is not None and len(gap) < 8 and orthographic_key(gap).strip() in joiners:
            return True
    return False


@functools.cache
def _honorifics() -> frozenset[str]:
    return frozenset(h for h in function_words()["honorifics"] if " " not in h)


def _after_honorific(doc: Document, start: int) -> bool:
    """Whether a span follows a person's honorific (د. السويد، الدكتور الرشيد): a person's name."""
    before = doc.text[max(0, start - 16):start].rstrip().rstrip(".").split()
    return bool(before) and orthographic_key(before[-1]) in _honorifics()


def _from_kb(doc: Document, kb: KnowledgeBase, found: list[Found], tagged: list[TaggedSpan]) -> list[Candidate]:
    out = []
    for f in found:
        if not f.demonym and kb.entities[f.entities[0]].type != "PER" and " " not in doc.text[f.start:f.end].strip() \
                and _after_honorific(doc, f.start):
            out.append(Candidate(f.start, f.end, "PER", "honorific", 3))   # د. السويد is no country
            continue
        body = _as_body(doc, kb, f, found)
        if body:
            out.append(body)
            continue
        words = len(doc.text[f.start:f.end].split())
        kind = kb.entities[f.entities[0]].type if not f.demonym else "NORP"
        common = f.ambiguous and not f.demonym and (
            words == 1 or any(kb.qualified_word(doc.text[f.start:f.end], e) for e in f.entities))
        if common and not any(t.start < f.end and f.start < t.end for t in tagged):
            continue
        if common and any((t.start, t.end) == (f.start, f.end)
                          and not any(_same_kind(kb.entities[e].type, t.type) for e in f.entities) for t in tagged):
            continue    # an ambiguous name the tagger reads as another kind of name: the tagger's (مرسي the man)
        if all(_provincial_city(kb, e) for e in f.entities) and any(
                t.type == "ORG" and t.end == f.end and t.start <= f.start for t in tagged):
            continue    # a city (not a capital, which acts for its state) the tagger reads as an
                        # organisation: its club (برشلونة، فالنسيا)
        if common:      # an ambiguous name the tagger marks: of the kind the tagger says, when the base has it
            overlap = [t.type for t in tagged if t.start < f.end and f.start < t.end]
            fits = tuple(e for e in f.entities if overlap and _same_kind(kb.entities[e].type, overlap[0]))
            if fits:
                f = dataclasses.replace(f, entities=fits)
                kind = kb.entities[fits[0]].type
        entity = f.entities[0] if not f.ambiguous or f.demonym else None
        if common and strip_article(orthographic_key(doc.text[f.start:f.end])) in _currencies():
            out.append(Candidate(f.start, f.end, "MISC", "kb", 2))     # ريال the currency, not ريال مدريد
            continue
        out.append(Candidate(f.start, f.end, kind, "kb", 3 if not common else 2, entity, f.entities))
    return out


def _from_titles(titles: list[Title]) -> list[Candidate]:
    return [Candidate(t.name[0], t.name[1], "PER", "title", 3) for t in titles if t.name]


def _bare_start(doc: Document, span: TaggedSpan, kb: KnowledgeBase, seen: set[str]) -> int:
    """Where a tagged name starts once the proclitics glued to its first word are left out.

    A proclitic comes off when what remains is a name the base knows, a word the article
    also writes alone, or — after و or ف — a name of the name list (بايدين is not ب + ايدين);
    a و comes off any name of three letters or more.
    """
    first_end = doc.text.find(" ", span.start, span.end)
    word = doc.text[span.start: first_end if first_end != -1 else span.end]
    key = orthographic_key(word)
    tail = orthographic_key(doc.text[first_end:span.end]).split() if first_end != -1 else []
    known = key in person_names() or " ".join([strip_article(key), *map(strip_article, tail)]) in kb.aliases
    if known:
        return span.start
    for letters, rest in proclitic_splits(key)[1:]:
        conjunction = set(key[:letters]) <= {"و", "ف"}     # a name list entry is not enough after ب ل ك
        if (" ".join([strip_article(rest), *map(strip_article, tail)]) in kb.aliases
                or conjunction and rest in person_names() or rest in seen or strip_article(rest) in seen):
            return span.start + skip_letters(word, letters)
    if key[:1] == "و" and len(key) > 3 and key not in seen:
        return span.start + skip_letters(word, 1)
    return span.start


def _known(kb: KnowledgeBase, key: str) -> bool:
    return key in person_names() or strip_article(key) in kb.aliases


def _split_pairs(doc: Document, span: TaggedSpan, kb: KnowledgeBase) -> list[TaggedSpan]:
    """Two people the tagger ran together across و (ستولتنبرغ وكيشيدا) are two names."""
    words = [t for t in doc.tokens if span.start <= t.start < span.end and t.kind == "word"]
    for i, token in enumerate(words[1:], 1):
        key = orthographic_key(doc.text[token.start:token.end])
        before = orthographic_key(doc.text[words[i - 1].start:words[i - 1].end])
        if key[:1] == "و" and _known(kb, key[1:]) and not _known(kb, key) and _known(kb, before):
            left = dataclasses.replace(span, end=words[i - 1].end)
            right = dataclasses.replace(span, start=token.start + skip_letters(doc.text[token.start:token.end], 1))
            return [left, *_split_pairs(doc, right, kb)]
    return [span]


def _with_place_head(doc: Document, span: TaggedSpan) -> TaggedSpan:
    """A place name takes in the head noun written before it (قاعدة إيروما، جزر نانسي)."""
    heads = function_words()["place_heads"]
    before = [t for t in doc.tokens if t.end <= span.start][-2:]
    if not before or before[-1].kind != "word" or span.type != "LOC":
        return span
    for n in (2, 1):
        words = before[-n:]
        if len(words) < n or any(t.kind != "word" for t in words):
            continue
        text = doc.text[words[0].start:words[-1].end]
        keys = orthographic_key(text).split()
        if len(keys) != n:
            continue
        for letters, first in proclitic_splits(keys[0]):
            if " ".join([strip_article(first), *keys[1:]]) in heads or " ".join([first, *keys[1:]]) in heads:
                return dataclasses.replace(span, start=words[0].start + skip_letters(text, letters))
    return span


@functools.cache
def _never_alone() -> tuple[frozenset[str], frozenset[str]]:
    """Words that are never a name on their own: maqsura particles as written, and the
    counted nouns of ``figures.yaml`` (دولة، برميل، وزير) as keys."""
    units = resources.load("figures.yaml")["units"]
    return frozenset(function_words()["maqsura_particles"]), frozenset(units)


_LATIN = re.compile("[A-Za-z]")
_ARABIC = re.compile("[\u0621-\u064a]")


def _a_name(doc: Document, span: TaggedSpan) -> bool:
    """Whether a tagged span may be a name. Not: Latin and Arabic words run together (a page's
    «Previous» before its outlet's name); one word of two letters or fewer (د، بي); one word
    that, as written, is a common word the news almost never uses as a name (على، بأن،
    ومعالي، أكبر: ``data/common_words.tsv``) or a particle whose key is a name's (على / علي);
    a counted noun (دولة، شهر، وزير) taken for a person. Currencies stay: ANERcorp, and the
    tagger with it, marks them MISC."""
    text = doc.text[span.start:span.end].strip()
    if not text or _LATIN.search(text) and _ARABIC.search(text):
        return False
    if " " in text:
        return True
    if sum(ch.isalpha() for ch in text) <= 2 or is_function_like(text):
        return False
    particles, units = _never_alone()
    forms = {text, text[1:] if text[0] in "وفبلك" else text, text[2:] if text[:2] in {"وب", "ول", "فب", "فل"} else text}
    return not (forms & particles or any(is_function_like(f) for f in forms)
                or span.type == "PER" and strip_article(orthographic_key(text)) in units)


@functools.cache
def _currencies() -> frozenset[str]:
    data = resources.load("figures.yaml")
    return frozenset(word for word, unit in data["units"].items() if unit in set(data["currencies"]))


def _currency_is_misc(doc: Document, span: TaggedSpan) -> TaggedSpan:
    """A currency's name alone is MISC, whatever type the tagger gave it."""
    text = doc.text[span.start:span.end]
    if " " not in text.strip() and strip_article(orthographic_key(text)) in _currencies() and span.type != "MISC":
        return dataclasses.replace(span, type="MISC")
    return span


def _before_titles(doc: Document, span: TaggedSpan, titles: list[Title]) -> TaggedSpan | None:
    """A person's name ends where a title of a named body begins: «قابوس بن سعيد سلطان عمان» is
    the name, then the title; a role word of such a title alone (سلطان of «سلطان عمان») is no name."""
    if span.type != "PER":
        return span
    for title in titles:
        if not title.jurisdiction or not (title.start < span.end <= title.end):
            continue
        if span.start >= title.start:
            return None
        words = [t for t in doc.tokens if span.start <= t.start and t.end <= title.start and t.kind == "word"]
        return dataclasses.replace(span, end=words[-1].end) if words else None
    return span


def _from_tagger(doc: Document, kb: KnowledgeBase, tagged: list[TaggedSpan], titles: list[Title]) -> list[Candidate]:
    seen = {orthographic_key(doc.text[t.start:t.end]) for t in doc.tokens if t.kind == "word"}
    tagged = [s for s in (_before_titles(doc, t, titles) for t in tagged) if s]
    spans = [_with_place_head(doc, part) for t in tagged if _a_name(doc, t)
             for part in (_split_pairs(doc, t, kb) if t.type == "PER" else [_currency_is_misc(doc, t)])]
    return [Candidate(_bare_start(doc, t, kb, seen), t.end, t.type, "model", 2, score=t.score) for t in spans]


def recognise(doc: Document, kb: KnowledgeBase | None = None, tagger: Tagger | None = None) -> Document:
    """Stage: fill ``mentions`` with every name found, clitics left out, overlaps resolved."""
    kb = kb or knowledge_base()
    tagged = tagger.spans(doc) if tagger else []
    people = {t.start for span in tagged if span.type == "PER" for t in doc.tokens if span.start <= t.start < span.end}
    titles = find_titles(doc, kb, people)
    candidates = _from_kb(doc, kb, find_names(doc, kb), tagged) + _from_titles(titles)
    candidates += _from_tagger(doc, kb, tagged, titles) + own_outlet(doc, kb) + credited(doc, kb)
    chosen = resolve(doc, [undouble(doc, c) for c in candidates])
    chosen = resolve(doc, chosen + named_after(doc, chosen))
    chosen = resolve(doc, chosen + surnames(doc, chosen))
    mentions = tuple(Mention(c.start, c.end, doc.text[c.start:c.end], c.type, c.entity, c.source, c.score,
                             candidates=c.candidates) for c in chosen)
    return dataclasses.replace(doc, mentions=mentions, titles=tuple(titles))


def default_tagger() -> Tagger | None:
    """The tagger shipped with Marsad, loaded once per process (None when no model is installed)."""
    return load_tagger()
