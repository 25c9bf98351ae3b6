"""Are two Arabic spellings one foreign name? A learnt judge over declared alignment features.

The two spellings are aligned letter by letter under the sound costs of
:mod:`marsad.link.translit`; every difference in the alignment becomes a feature a person
can read — ``swap ت/ط``, ``drop ز at the end``, ``drop ي after ر`` — with its class-level
twin (``SWAP T/D``), and a few whole-pair features (share of differing letters, the
alignment's cost, length, keys equal). A logistic model trained on English–Arabic name pairs (``marsad
train-spelling``; recipe in :mod:`marsad.link.spelling_training`) weighs them; its weights
are data, ``data/spelling_model.json``, together with the held-out scores it reached.
"""
from __future__ import annotations

import functools
import json
import math
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from marsad.link import translit


def _where(i: int, size: int) -> str:
    return "start" if i == 0 else ("end" if i >= size - 1 else "inside")


def features(a: str, b: str) -> Counter:
    """The named features of a pair of spellings (order does not matter)."""
    return Counter(letter_features(*sorted((translit.letters(a), translit.letters(b)))))


@functools.lru_cache(maxsize=1 << 16)
def letter_features(la: str, lb: str) -> Counter:
    """:func:`features` of two names' letters, ``la`` ≤ ``lb`` (kept per pair: many spellings
    share their letters; the caller must not change the result)."""
    cost, pairs = translit.alignment(la, lb)
    f: Counter = Counter()
    size, differing = len(pairs), 0
    cls = translit.sound_class
    for i, (x, y) in enumerate(pairs):
        if x == y:
            continue
        differing += 1
        where = _where(i, size)
        before = cls(pairs[i - 1][0] or pairs[i - 1][1]) if i else "^"
        after = cls(pairs[i + 1][0] or pairs[i + 1][1]) if i + 1 < size else "$"
        if x and y:
            letters, classes = "/".join(sorted((x, y))), "/".join(sorted((cls(x), cls(y))))
            op, op_class = f"swap {letters}", f"SWAP {classes}"
        else:
            letters, classes = x or y, cls(x or y)
            op, op_class = f"drop {letters}", f"DROP {classes}"
        f[op] += 1
        f[op_class] += 1
        f[f"{op} at the {where}"] += 1
        f[f"{op_class} at the {where}"] += 1
        f[f"{op_class} after {before}"] += 1
        f[f"{op_class} before {after}"] += 1
    longest = max(len(la), len(lb), 1)
    f["differing letters"] = differing
    f["share of differing letters"] = differing / longest
    f["sound distance"] = cost / longest
    f["length"] = longest
    f["differences in a short name"] = differing * (longest <= 4)
    f["differences in a mid-length name"] = differing * (5 <= longest <= 6)
    f["first sounds differ"] = float(cls(la[:1]) != cls(lb[:1]))
    f["keys differ"] = float(translit.skeleton(translit.sounds(la)) != translit.skeleton(translit.sounds(lb)))
    grams_a = {la[i:i + 2] for i in range(len(la) - 1)}
    grams_b = {lb[i:i + 2] for i in range(len(lb) - 1)}
    f["shared letter pairs"] = len(grams_a & grams_b) / max(len(grams_a | grams_b), 1)
    return f


@dataclass(frozen=True, eq=False)
class Model:
    """Weights of the features, the bias, and the probability from which two spellings are one name."""
    weights: dict[str, float]
    bias: float
    threshold: float
    card: dict

    def score(self, f: Counter) -> float:
        """The log-odds that a pair with these features is one name."""
        return self.bias + sum(self.weights.get(name, 0.0) * value for name, value in f.items())


def model_path():
    """Where the shipped model lives."""
    return resources.files("marsad").joinpath("data").joinpath("spelling_model.json")


@functools.cache
def model() -> Model:
    """The shipped model (loaded once)."""
    data = json.loads(model_path().read_text("utf-8"))
    return Model(data["weights"], data["bias"], data["threshold"], data.get("card", {}))


@functools.lru_cache(maxsize=1 << 16)
def probability(a: str, b: str, judge: Model | None = None) -> float:
    """The probability that two spellings write one name (1 for the same letters); the shipped model unless given."""
    if translit.letters(a) == translit.letters(b):
        return 1.0
    z = (judge or model()).score(letter_features(*sorted((translit.letters(a), translit.letters(b)))))
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


def same(a: str, b: str, threshold: float | None = None) -> bool:
    """Whether two spellings are judged one name (at the model's threshold unless given)."""
    return probability(a, b) >= (model().threshold if threshold is None else threshold)


def explain(a: str, b: str, top: int = 6) -> list[tuple[str, float]]:
    """The features that weighed most in the judgement of a pair, with their contribution."""
    m = model()
    parts = [(name, m.weights.get(name, 0.0) * value) for name, value in features(a, b).items()]
    return sorted((p for p in parts if p[1]), key=lambda p: -abs(p[1]))[:top]
