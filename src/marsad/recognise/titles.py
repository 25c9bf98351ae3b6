"""Titles of office in the text: «رئيس الوزراء الياباني»، «الأمين العام لحلف الناتو»، «أمين الحلف».

A title is a role form of ``data/kb/roles.yaml``, then what it is an office of: a
nationality adjective (الياباني), a country or organisation (لحلف الناتو، اليابان), or
a body named earlier (الحلف). A name may follow, after honorifics (الجنرال). The name
is reported for recognition; the title itself, for linking to the holder on the date.
"""
from __future__ import annotations

import functools
from importlib import resources as importlib_resources
from marsad import resources
from marsad.document import Document, Title, Token
from marsad.kb import KnowledgeBase, keyed_words, name_key
from marsad.normalize import orthographic_key, proclitic_splits, skip_letters, strip_article
from marsad.recognise.gazetteer import runs
from marsad.words import is_function_like

_FORMER = {"سابق", "سابقه", "اسبق", "اسبقه"}
_BODIES = {"countries", "organisations", "media"}
GENERIC = {"president", "minister", "leader", "commander", "chair", "governor", "ambassador", "spokesperson",
           "un_permanent_representative", "emir", "king", "central_bank_governor", "mayor", "chancellor",
           "supreme_leader", "managing_director", "director_general", "executive_director", "prosecutor"}


@functools.cache
def function_words() -> dict:
    """The word lists of ``data/function_words.yaml``, by list name."""
    return resources.load("function_words.yaml")


@functools.cache
def person_names() -> frozenset[str]:
    """Spellings of given names and surnames (data/names/person_names.txt), as keys."""
    ref = importlib_resources.files("marsad").joinpath("data").joinpath("names").joinpath("person_names.txt")
    return frozenset(ref.read_text("utf-8").split())


@functools.cache
def _forms() -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...], bool]]]:
    """First word key → [(all word keys, roles, feminine)], longest first."""
    by_form: dict[tuple[str, ...], set[str]] = {}
    feminine: dict[tuple[str, ...], bool] = {}
    for role, spec in resources.load("kb/roles.yaml").items():
        for form in spec["forms"]:
            key = tuple(name_key(form).split())
            if key:
                by_form.setdefault(key, set()).add(role)
                feminine[key] = orthographic_key(form).split()[0].endswith("ه")
    index: dict[str, list] = {}
    for key, roles in by_form.items():
        index.setdefault(key[0], []).append((key, tuple(sorted(roles)), feminine[key]))
    for options in index.values():
        options.sort(key=lambda o: -len(o[0]))
    return index


def _role_at(words: list[str], bare: list[str], i: int) -> tuple[int, int, tuple[str, ...], bool] | None:
    """``(letters of clitics, length, roles, feminine)`` of the longest role form at word ``i``."""
    for letters, first in proclitic_splits(words[i]):
        for key, roles, feminine in _forms().get(strip_article(first), ()):
            if tuple([strip_article(first), *bare[i + 1:i + len(key)]]) == key:
                return letters, len(key), roles, feminine
    return None


def _jurisdiction(kb: KnowledgeBase, words: list[str], bare: list[str], j: int,
                  roles: tuple[str, ...] = ()) -> tuple[str | None, str | None, int]:
    """What the office is of, starting at word ``j``: ``(entity, anaphor, words used)``.

    An ambiguous name is the one body it may be that has the office (عمان after سلطان is
    Oman, which has a sultan, not Amman). A nationality adjective without the article makes
    the title indefinite: «رئيس أميركي» names no office of the United States."""
    if j >= len(words):
        return None, None, 0
    if bare[j] in kb.demonyms:
        if not words[j].startswith("ال"):
            return None, None, 1        # «رئيس أميركي» is an American president, not the one
        return kb.demonyms[bare[j]], None, 1
    for length in range(min(kb.max_alias_words, len(words) - j), 0, -1):
        for _, first in proclitic_splits(words[j]):
            aliases = [a for a in kb.aliases.get(keyed_words([first, *words[j + 1:j + length]]), ())
                       if kb.entities[a.entity].type in {"GPE", "ORG"}]
            bodies = [a.entity for a in aliases if not a.ambiguous]
            if bodies:
                return bodies[0], None, length
            with_office = {a.entity for a in aliases if any(f"{a.entity}.{r}" in kb.holders for r in roles)}
            if len(with_office) == 1:
                return with_office.pop(), None, length
    definite = words[j].lstrip("وف").startswith(("ال", "لل", "بال", "كال"))
    for _, first in proclitic_splits(words[j]):
        if definite and strip_article(first) in function_words()["anaphoric_bodies"]:
            return None, strip_article(first), 1
    return None, None, 0


def _known_person_follows(kb: KnowledgeBase, words: list[str], bare: list[str], k: int, names: frozenset) -> bool:
    """Whether word ``k`` is a known surname or name, so the word before it is a first name."""
    if k >= len(words) or words[k] in set(function_words()["stop"]):
        return False
    return words[k] in names or any(kb.entities[a.entity].type == "PER" for a in kb.aliases.get(bare[k], ()))


def _name_after(kb: KnowledgeBase, words: list[str], bare: list[str], run: list[Token], j: int,
                tagged: set[int], written: list[str]) -> tuple[int, int] | None:
    """The name written after a title: a known person, else words the tagger or the name list
    calls names — never a body's head noun, even with a clitic (رئيس نادي الزمالك، رئيس الأركان
    بمكتب الوزير), nor a common word the news almost never uses as a name (ومعالي)."""
    honorifics = {tuple(h.split()) for h in function_words()["honorifics"]}
    for h in sorted(honorifics, key=len, reverse=True):
        if tuple(words[j:j + len(h)]) == h:
            j += len(h)
            break
    for length in range(min(kb.max_alias_words, len(words) - j), 0, -1):
        aliases = kb.aliases.get(keyed_words(words[j:j + length]), ())
        if any(kb.entities[a.entity].type == "PER" for a in aliases):
            return run[j].start, run[j + length - 1].end
    stop, particles, names = set(function_words()["stop"]), set(function_words()["name_particles"]), person_names()
    compounds = set(function_words()["compound_name_ends"])
    end = j
    while end < len(words) and end - j < 4:
        word, key = words[end], bare[end]
        known = [kb.entities[a.entity].type for a in kb.aliases.get(key, ())        # عمان of «سلطان عمان»: a
                 if not a.ambiguous or kb.entities[a.entity].source_file in _BODIES]  # country, though ambiguous
        after_particle = end > j and words[end - 1] in particles      # بن علي: علي is a name, not على
        if (word in stop and not after_particle) or (known and "PER" not in known) or _role_at(words, bare, end):
            break
        if any(rest in stop for _, rest in proclitic_splits(word)[1:]) or is_function_like(written[end]):
            break
        if end > j and word[:1] in "وف" and word[1:] not in names:
            break
        compound = end > j and word in compounds
        if word.startswith("ال") and not after_particle and not compound:
            break
        if not (word in names or "PER" in known or run[end].start in tagged or after_particle
                or compound or _known_person_follows(kb, words, bare, end + 1, names)):
            break
        end += 1
    return (run[j].start, run[end - 1].end) if end > j else None


HEAD_ROLES = ("secretary_general", "president", "director_general", "managing_director", "commission_president",
              "chair", "leader")


@functools.cache
def _calques() -> frozenset[str]:
    return frozenset(orthographic_key(w) for w in resources.load("machine_translation.yaml")["calques"])


def _calque_at(kb: KnowledgeBase, words: list[str], bare: list[str], i: int):
    """«طاهي الناتو»: machine translation's word for the head («chef») of an organisation."""
    if words[i] not in _calques():
        return None
    entity, _, used = _jurisdiction(kb, words, bare, i + 1)
    if entity and kb.entities[entity].type == "ORG":
        return entity, used
    return None


def find_titles(doc: Document, kb: KnowledgeBase, tagged: set[int] = frozenset()) -> list[Title]:
    """Every title of office in the document, with what it is of and the name after it.

    ``tagged`` holds the start offsets of words the tagger put inside a person's name.
    """
    found: list[Title] = []
    for run in runs(doc):
        written = [doc.text[t.start:t.end] for t in run]
        words = [orthographic_key(w) for w in written]
        bare = [strip_article(w) for w in words]
        i = 0
        while i < len(run):
            role = _role_at(words, bare, i)
            calque = None if role else _calque_at(kb, words, bare, i)
            if calque:
                entity, used = calque
                found.append(Title(run[i].start, run[i + used].end, HEAD_ROLES, entity))
                i += 1 + used
                continue
            if not role:
                i += 1
                continue
            letters, length, roles, feminine = role
            entity, anaphor, used = _jurisdiction(kb, words, bare, i + length, roles)
            after = i + length + used
            former = after < len(run) and bare[after] in _FORMER
            end = after + former
            name = _name_after(kb, words, bare, run, end, tagged, written) if end < len(run) else None
            if entity is None and anaphor is None and (length == 1 or set(roles) <= GENERIC) and name is None:
                i += length
                continue
            start = run[i].start + skip_letters(doc.text[run[i].start:run[i].end], letters)
            found.append(Title(start, run[end - 1].end, roles, entity, anaphor, name, feminine, former))
            i = end
    return found
