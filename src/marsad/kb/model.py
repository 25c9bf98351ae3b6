"""Knowledge-base records: entities of the world and the offices people hold, with dates."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields


@dataclass(frozen=True, slots=True)
class Office:
    """One term in one office: ``office`` is ``JURISDICTION.ROLE`` (``japan.prime_minister``)."""
    office: str
    start: dt.date | None
    end: dt.date | None          # None: still held when the data were checked
    approx: bool = False
    acting: bool = False

    def __reduce__(self):
        """Pickled as a constructor call: the cached base loads several times faster than by
        dataclasses' field-by-field state."""
        return self.__class__, tuple(getattr(self, f.name) for f in fields(self))

    @property
    def jurisdiction(self) -> str:
        """The country or organisation of the office."""
        return self.office.split(".", 1)[0]

    @property
    def role(self) -> str:
        """The role key of ``roles.yaml``."""
        return self.office.split(".", 1)[1]

    def held_on(self, day: dt.date) -> bool:
        """Whether the term covers ``day`` (the first day counts, the last does not)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


PUBLIC_BEFORE_OFFICE = 10    # years a person is taken to be in the news before the first office listed


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world actor of the knowledge base."""
    id: str
    type: str
    name_en: str
    name_ar: str
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    ambiguous_aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    country: str | None = None
    capital: str | None = None
    kind: str | None = None
    gender: str | None = None
    offices: tuple[Office, ...] = ()
    public_from: dt.date | None = None        # a person's first year in public life, an organisation's founding
    dissolved: dt.date | None = None
    named_from: tuple[tuple[str, dt.date], ...] = ()   # a name that came into use for the entity on a date
    source_file: str = ""
    extra: dict = field(default_factory=dict, compare=False)

    def __reduce__(self):
        """Pickled as a constructor call: the cached base loads several times faster than by
        dataclasses' field-by-field state."""
        return self.__class__, tuple(getattr(self, f.name) for f in fields(self))

    @property
    def in_use_from(self) -> dt.date | None:
        """From when the news may name this entity: ``public_from`` (or founding), else — for a
        person — ten years before the first office listed; None when nothing tells."""
        if self.public_from:
            return self.public_from
        starts = [o.start for o in self.offices if o.start]
        if self.type == "PER" and starts:
            first = min(starts)
            return first.replace(year=first.year - PUBLIC_BEFORE_OFFICE, day=min(first.day, 28))
        return None

    @property
    def names(self) -> tuple[str, ...]:
        """Every Arabic (and Latin) name the entity goes by, the standard one first."""
        seen: dict[str, None] = {self.name_ar: None}
        for name in (*self.aliases, *self.ambiguous_aliases, *self.abbreviations):
            seen.setdefault(name, None)
        return tuple(seen)
