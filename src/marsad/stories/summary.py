"""Extractive story summaries: the sentences most of the story's articles agree on, once each.

Sentences are ranked by how much they share with the sentences of the story's other
articles (leads get a small bonus); a sentence too close to one already chosen is a
near-repeat and is skipped. Every sentence keeps its article and offsets.
"""
from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Document
from marsad.stories.clusters import content_words

LEAD_BONUS = 0.15
REPEAT = 0.5          # word overlap from which a sentence repeats one already chosen
MIN_WORDS = 6
SUMMARY_ARTICLES = 12  # a story's summary reads at most this many of its articles, spread over its course


@dataclass(frozen=True)
class SummarySentence:
    """One sentence of a summary and where it comes from."""
    document: str
    start: int
    end: int
    text: str
    score: float


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def spread(ids: list[str], most: int = SUMMARY_ARTICLES) -> list[str]:
    """At most ``most`` of a story's articles (in story order), evenly spaced from the first to the last.

    What most articles agree on shows in a sample of them as it does in all, and the cost of a
    summary grows with the square of the sentences read."""
    if len(ids) <= most:
        return list(ids)
    step = (len(ids) - 1) / (most - 1)
    return [ids[round(i * step)] for i in range(most)]


def summarise(documents: list[Document], size: int = 5) -> list[SummarySentence]:
    """Up to ``size`` sentences that tell the story, near-repeats removed, in story order."""
    pool = []
    for order, doc in enumerate(documents):
        for index, s in enumerate(doc.sentences[1:]):
            text = doc.text[s.start:s.end]
            words = content_words(text)
            if len(words) >= MIN_WORDS:
                pool.append((order, index, doc.id, s, text, words))
    ranked = []
    for order, index, doc_id, s, text, words in pool:
        others = [w for o, _, d, _, _, w in pool if d != doc_id]
        centre = sum(_overlap(words, w) for w in others) / max(len(others), 1)
        single = 0.0 if others else sum(_overlap(words, w) for _, _, _, _, _, w in pool) / len(pool)
        ranked.append((centre + single + (LEAD_BONUS if index < 2 else 0.0), order, index, doc_id, s, text, words))
    chosen: list[tuple] = []
    for item in sorted(ranked, key=lambda r: -r[0]):
        if all(_overlap(item[6], c[6]) < REPEAT for c in chosen):
            chosen.append(item)
        if len(chosen) == size:
            break
    return [SummarySentence(doc_id, s.start, s.end, text, round(score, 3))
            for score, order, index, doc_id, s, text, _ in sorted(chosen, key=lambda c: (c[1], c[2]))]
