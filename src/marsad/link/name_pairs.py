"""Judging the transliteration key on English–Arabic name pairs (Wikidata and Google files).

An English name with two or more distinct Arabic spellings across the two files gives a
group of spellings that should match one another; spellings of different English names
should not. Names are split in two halves by a hash of the English name: one half was
used to choose the costs in ``data/transliteration.yaml`` and to train the spelling model
(``data/spelling_model.json``), the other is held out.
"""
from __future__ import annotations

import hashlib
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from marsad.link import spelling, translit
from marsad.normalize import orthographic_key


def spelling_groups(wikidata: Path, google: Path) -> dict[str, set[str]]:
    """English name → its one-word Arabic spellings (as keys), for names both files spell."""
    spellings: dict[str, dict[str, set[str]]] = {"wikidata": defaultdict(set), "google": defaultdict(set)}
    for line in wikidata.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            spellings["wikidata"][parts[0].lower()].add(parts[1].replace(" ", ""))
    for line in google.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2:
            spellings["google"][parts[1].lower()].add(parts[0])
    groups = {}
    for name in spellings["wikidata"].keys() & spellings["google"].keys():
        keys = {orthographic_key(s) for s in spellings["wikidata"][name] | spellings["google"][name]}
        keys = {k for k in keys if k and " " not in k}
        if len(keys) >= 2:
            groups[name] = keys
    return groups


def half(groups: dict[str, set[str]], held_out: bool) -> dict[str, set[str]]:
    """The held-out half of the groups (or the half the costs were chosen on)."""
    return {name: keys for name, keys in groups.items()
            if (int(hashlib.md5(name.encode()).hexdigest(), 16) % 2 == 0) == held_out}


@dataclass(frozen=True)
class PairScores:
    precision: float
    recall: float
    predicted: int
    gold: int


def owners(groups: dict[str, set[str]]) -> dict[str, set[str]]:
    """Spelling → the English names it writes."""
    out: dict[str, set[str]] = defaultdict(set)
    for name, keys in groups.items():
        for k in keys:
            out[k].add(name)
    return out


def candidate_pairs(spellings: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of spellings whose keys meet (:func:`marsad.link.translit.lookup_keys`), sorted."""
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    spellings = sorted(set(spellings))
    for s in spellings:
        for k in translit.index_keys(s):
            index[k].append(s)
    return sorted({tuple(sorted((s, t))) for s in spellings for k in translit.lookup_keys(s)
                   for t in index.get(k, ()) if t != s})


def gold_pairs(groups: dict[str, set[str]]) -> set[tuple[str, str]]:
    """Pairs of spellings of one English name."""
    return {tuple(sorted(p)) for keys in groups.values() for p in itertools.combinations(keys, 2)}


def pairwise(groups: dict[str, set[str]], judge: Callable[[str, str], bool] = spelling.same) -> PairScores:
    """Pairs the matcher joins (keys meet, the judge says one name) against pairs of one name's spellings.

    A joined pair is right when the two spellings share an English name."""
    own = owners(groups)
    joined = [(a, b) for a, b in candidate_pairs(own) if judge(a, b)]
    gold = gold_pairs(groups)
    right = sum(1 for a, b in joined if own[a] & own[b])
    found = len(gold.intersection(joined))
    return PairScores(right / len(joined) if joined else 0.0, found / len(gold) if gold else 0.0,
                      len(joined), len(gold))
