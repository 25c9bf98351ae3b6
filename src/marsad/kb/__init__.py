"""The knowledge base of world actors: reviewed YAML files in ``data/kb``, indexed by name key.

Adding an entry is a one-file change; ``tests/kb`` validates every file. The same
normaliser keys the names here and the words of the articles.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import pickle
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path

from marsad import resources
from marsad.kb.model import Entity, Office
from marsad.normalize import compound_start, join_compounds, orthographic_key, strip_article, written_form
from marsad.segment import iter_tokens

SPORTS_KINDS = frozenset({"club", "sports_federation"})     # kinds of sports bodies
FILES = ("countries", "cities", "regions", "organisations", "media", "people")


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The key names are matched by: the orthographic key of each word, compound names joined
    (عبد العزيز = عبدالعزيز), each word without its article.

    Punctuation between words is dropped (يون سوك-يول = يون سوك يول).
    """
    words = [orthographic_key(name[s:e]) for s, e, kind in iter_tokens(name) if kind != "punct"]
    return keyed_words(words)


def name_keys(name: str) -> list[str]:
    """The keys a name of the base is found by: its name key and, when a word of it begins
    with a hamza-alef and lam (ألمانيا، ألباني) — never an article — the key with that word
    whole, so that «الألماني» finds ألماني (a text's «ال» is taken for the article)."""
    return list(_name_keys(name))


@functools.lru_cache(maxsize=1 << 16)      # the base's names are asked for again and again
def _name_keys(name: str) -> tuple[str, ...]:
    key = name_key(name)
    raw = [name[s:e] for s, e, kind in iter_tokens(name) if kind != "punct"]
    if not any(written_form(w)[:2] in ("أل", "إل") for w in raw):
        return (key,) if key else ()
    whole = " ".join(orthographic_key(w) if written_form(w)[:2] in ("أل", "إل") else strip_article(orthographic_key(w))
                     for w in raw)
    return tuple(k for k in dict.fromkeys((key, whole)) if k)


def keyed_words(keys: list[str]) -> str:
    """The name key of words already keyed one by one (their articles still on)."""
    return " ".join(strip_article(w) for w in join_compounds(keys))


def _date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _day_of(value, last: bool = False) -> dt.date | None:
    """A date written as a year, a year and month, or a full date (its first day; its last with ``last``)."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if len(text) == 4:
        return dt.date(int(text), 12, 31) if last else dt.date(int(text), 1, 1)
    if len(text) == 7:
        year, month = int(text[:4]), int(text[5:])
        return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)) if last else dt.date(year, month, 1)
    return dt.date.fromisoformat(text)


def _entity(record: dict, file: str) -> Entity:
    known = {"id", "type", "name_en", "name_ar", "wikidata", "aliases", "ambiguous_aliases", "abbreviations",
             "demonyms", "country", "capital", "kind", "gender", "offices", "public_from", "founded", "dissolved",
             "named_from"}
    offices = tuple(Office(o["office"], _date(o.get("start")), _date(o.get("end")), bool(o.get("approx")),
                           bool(o.get("acting"))) for o in record.get("offices") or ())
    return Entity(
        id=record["id"], type=record["type"], name_en=record["name_en"], name_ar=record["name_ar"],
        wikidata=record.get("wikidata"), aliases=tuple(record.get("aliases") or ()),
        ambiguous_aliases=tuple(record.get("ambiguous_aliases") or ()),
        abbreviations=tuple(str(a) for a in record.get("abbreviations") or ()),
        demonyms=tuple(record.get("demonyms") or ()), country=record.get("country"),
        capital=record.get("capital"), kind=record.get("kind"), gender=record.get("gender"),
        offices=offices, public_from=_day_of(record.get("public_from") or record.get("founded")),
        dissolved=_day_of(record.get("dissolved"), last=True),
        named_from=tuple((name, _day_of(since)) for name, since in (record.get("named_from") or {}).items()),
        source_file=file, extra={k: v for k, v in record.items() if k not in known})


@dataclass(frozen=True)
class Alias:
    """A name key pointing at an entity; ``ambiguous`` when other entities share it."""
    entity: str
    ambiguous: bool


@dataclass(eq=False)
class KnowledgeBase:
    """Entities by id, and the indexes linking and recognition need."""
    entities: dict[str, Entity]
    roles: dict[str, dict]
    aliases: dict[str, list[Alias]] = field(default_factory=lambda: defaultdict(list))
    demonyms: dict[str, str] = field(default_factory=dict)
    holders: dict[str, list[tuple[Office, str]]] = field(default_factory=lambda: defaultdict(list))
    capital_regions: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entity in self.entities.values():
            for form in entity.demonyms:
                for key in name_keys(form):
                    self.demonyms.setdefault(key, entity.id)
        for entity in self.entities.values():
            doubtful = {k for name in entity.ambiguous_aliases for k in name_keys(name)}   # الكاف is as ambiguous as كاف
            for name in entity.names:
                for key in name_keys(name):
                    if all(a.entity != entity.id for a in self.aliases[key]):
                        self.aliases[key].append(Alias(entity.id, key in doubtful or self._qualified(key, doubtful)))
            for office in entity.offices:
                self.holders[office.office].append((office, entity.id))
            if entity.source_file == "regions" and entity.capital:
                self.capital_regions.setdefault(entity.capital, []).append(entity.id)
        self.max_alias_words = max((len(k.split()) for k in self.aliases), default=1)
        self.first_words: dict[str, int] = {}       # first word of a name → the most words it may be written in
        for key in (*self.aliases, *self.demonyms):
            words = key.split()
            written = len(words) + sum(1 for w in words if compound_start(w))   # عبدالعزيز may be two words
            for first in filter(None, {words[0], compound_start(words[0])}):
                self.first_words[first] = max(self.first_words.get(first, 0), written)

    def _qualified(self, key: str, doubtful: set[str]) -> bool:
        """Whether a name key is a doubtful one-word name and nationality adjectives after it
        (الشباب السعودي is Saudi youth as often as the club): as ambiguous as that word alone."""
        first, *rest = key.split() or [""]
        return bool(rest) and first in doubtful and all(w in self.demonyms for w in rest)

    def qualified_word(self, name: str, entity_id: str) -> bool:
        """Whether a name is one of the entity's ambiguous one-word names with nationality
        adjectives after it (الشباب السعودي, «Saudi youth»)."""
        key = name_key(name)
        first = key.split()[0] if key else ""
        ambiguous = any(a.entity == entity_id and a.ambiguous for a in self.aliases.get(first, ()))
        return self._qualified(key, {first} if ambiguous else set())

    def lookup(self, name: str) -> list[Entity]:
        """Entities a name may refer to, unambiguous ones first."""
        found = sorted(self.aliases.get(name_key(name), ()), key=lambda a: a.ambiguous)
        return [self.entities[a.entity] for a in found]

    def holder(self, office: str, day: dt.date) -> Entity | None:
        """Who held ``office`` on ``day`` (acting holders only when no full holder did)."""
        terms = [(o, pid) for o, pid in self.holders.get(office, ()) if o.held_on(day)]
        terms.sort(key=lambda t: t[0].acting)
        return self.entities[terms[0][1]] if terms else None

    def regions_of_capital(self, city: str) -> list[str]:
        """Sub-national regions whose capital is ``city`` (Riyadh Province for Riyadh)."""
        return self.capital_regions.get(city, [])

    def written(self, entity_id: str, key: str) -> list[str]:
        """The entity's names and nationality adjectives, as written, whose key is ``key``."""
        entity = self.entities[entity_id]
        return [n for n in (*entity.names, *entity.demonyms) if key in name_keys(n)]

    def named_on(self, entity_id: str, day: dt.date, name: str | None = None) -> bool:
        """Whether the news could name the entity on ``day`` (by ``name``, when given): not before
        it was in public life or founded, nor by a name before that name came into use for it."""
        entity = self.entities[entity_id]
        start = entity.in_use_from
        if start and day < start:
            return False
        key = name_key(name) if name is not None else None
        return not any(day < since and name_key(dated) == key for dated, since in entity.named_from)

    def country_of_demonym(self, word: str) -> Entity | None:
        """The country a nationality adjective (الياباني، اليابانيين) belongs to."""
        country = self.demonyms.get(name_key(word))
        return self.entities[country] if country else None


def records(file: str) -> list[dict]:
    """The entries of one kind of file: ``kb/<file>.yaml`` and every ``kb/<file>/*.yaml`` (by name)."""
    folder = importlib_resources.files("marsad").joinpath("data", "kb")
    parts = [f"kb/{file}.yaml"] if folder.joinpath(f"{file}.yaml").is_file() else []
    if folder.joinpath(file).is_dir():
        parts += sorted(f"kb/{file}/{p.name}" for p in folder.joinpath(file).iterdir() if p.name.endswith(".yaml"))
    return [record for part in parts for record in resources.load(part) or ()]


def load_files() -> tuple[dict[str, Entity], dict[str, dict]]:
    """Read every knowledge-base file; entities keyed by id."""
    entities: dict[str, Entity] = {}
    for file in FILES:
        for record in records(file):
            entities[record["id"]] = _entity(record, file)
    return entities, resources.load("kb/roles.yaml")


@functools.cache
def knowledge_base() -> KnowledgeBase:
    """The knowledge base shipped with Marsad (loaded once per process).

    Reading the YAML files and indexing their names takes about two seconds; the indexed
    base is kept in the user's cache folder under a digest of the files and of the code that
    keys names, so a command after the first starts in a fraction of that. A cache that
    cannot be read or written is simply not used."""
    path = _cache_path()
    if path is not None:
        try:
            with path.open("rb") as handle:
                kb = pickle.load(handle)
            if isinstance(kb, KnowledgeBase):
                return kb
        except Exception:       # absent, unreadable, or written by another version: build it afresh
            pass
    entities, roles = load_files()
    kb = KnowledgeBase(entities, roles)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            with temporary.open("wb") as handle:
                pickle.dump(kb, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
            for stale in path.parent.glob("kb-*.pickle"):     # bases of earlier versions of the files
                if stale != path:
                    stale.unlink(missing_ok=True)
        except Exception:       # a read-only or full cache folder: go on without the cache
            pass
    return kb


def _cache_path() -> Path | None:
    """Where the indexed base is cached: ``$XDG_CACHE_HOME/marsad`` (or ``~/.cache/marsad``),
    named by a digest of every data file and of the modules that key names; None when
    ``MARSAD_NO_CACHE`` is set."""
    if os.environ.get("MARSAD_NO_CACHE"):
        return None
    package = Path(str(importlib_resources.files("marsad")))
    digest = hashlib.blake2b(digest_size=12)
    digest.update(sys.version.encode())
    sources = [*sorted((package / "data").rglob("*.yaml")), *sorted((package / "data").rglob("*.txt")),
               *(package / name for name in ("normalize.py", "segment.py", "resources.py")),
               *sorted((package / "kb").glob("*.py"))]
    for source in sources:
        try:
            digest.update(str(source.relative_to(package)).encode())
            digest.update(source.read_bytes())
        except OSError:
            return None
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "marsad" / f"kb-{digest.hexdigest()}.pickle"


def data_folder() -> str:
    """Where the knowledge-base files live (for people who want to edit them)."""
    return str(importlib_resources.files("marsad").joinpath("data").joinpath("kb"))
