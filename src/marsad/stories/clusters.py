"""Story clustering: an article joins the story it shares the most with, or starts one.

Evidence is declared and explained: shared linked entities (weighted by how rare each
is in the store), days apart, and the overlap of content words. An article is compared
only with stories active within ``WINDOW_DAYS`` of its date (or undated ones), so
clustering is incremental as articles arrive.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from marsad import resources
from marsad.normalize import search_key
from marsad.segment import iter_tokens

WINDOW_DAYS = 3
JOIN = 0.45
WEIGHTS = {"entities": 0.4, "words": 0.2, "days": 0.4}
MIN_SHARED = 3             # an article joins a story only through three shared entities or more
MIN_OVERLAP = 0.3          # ... that weigh at least this share of the smaller article's entities
RARE_SHARE = 0.01          # ... one of them named in fewer than this share of the store's articles
RARE_FLOOR = 50            #     (or in fewer than this many): the day's big countries make a topic, not a story
MIN_WORDS = 0.05           # and with this much content-word overlap at least


@functools.cache
def _stopwords() -> frozenset[str]:
    return frozenset(resources.load("stopwords.yaml")["words"])


def content_words(text: str) -> set[str]:
    """The article's words as search keys, function words left out."""
    words = (search_key(text[s:e]) for s, e, kind in iter_tokens(text) if kind == "word")
    return {w for w in words if len(w) > 2 and w not in _stopwords()}


@dataclass(frozen=True)
class Match:
    """How well an article fits a story, and why."""
    story: str
    score: float
    shared: tuple[str, ...]
    days: int | None
    words: float

    def explain(self, names: dict[str, str]) -> str:
        """A sentence a person can check: «shares 6 entities (…), 0 days apart, words 0.31»."""
        shown = "، ".join(names.get(e, e) for e in self.shared[:6])
        days = "date unknown" if self.days is None else f"{self.days} days apart"
        return f"shares {len(self.shared)} entities ({shown}), {days}, word overlap {self.words:.2f}"


def entity_similarity(a: dict[str, int], b: dict[str, int], df: dict[str, int], n_docs: int) -> tuple[float, tuple]:
    """Weighted overlap of two articles' entities (shared weight over the smaller article's),
    each entity weighted by its rarity in the store (IDF; ``df`` may stop counting at
    :func:`rare_limit`, past which every entity weighs the same little)."""
    weight = {e: math.log((n_docs + 1) / (df.get(e, 0) + 1)) + 1 for e in {*a, *b}}
    shared = tuple(sorted(set(a) & set(b), key=lambda e: -weight[e]))
    smaller = min(sum(weight[e] for e in a), sum(weight[e] for e in b))
    return (sum(weight[e] for e in shared) / smaller if smaller else 0.0), shared


def day_score(days: int | None) -> float:
    """1 on the same day, falling to 0 past the window; 0.5 when a date is unknown."""
    if days is None:
        return 0.5
    return max(0.0, 1 - days / (WINDOW_DAYS + 1))


def rare_limit(n_docs: int) -> int:
    """The number of articles from which an entity is too common to tie two articles to one story."""
    return max(RARE_FLOOR, int(RARE_SHARE * n_docs))


def passes_gate(entities: float, shared: tuple[str, ...], df: dict[str, int], n_docs: int) -> bool:
    """Whether two articles share enough entities, one of them rare enough, to be compared further."""
    rare = rare_limit(n_docs)
    return len(shared) >= MIN_SHARED and entities >= MIN_OVERLAP and any(df.get(e, 0) < rare for e in shared)


def score(entities: float, words: float, days: int | None) -> float:
    """The declared mix of the three pieces of evidence, for articles past the entity gate
    (0 below the word-overlap floor)."""
    if words < MIN_WORDS:
        return 0.0
    return WEIGHTS["entities"] * entities + WEIGHTS["words"] * words + WEIGHTS["days"] * day_score(days)
