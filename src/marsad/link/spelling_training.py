"""The recipe of the spelling model (:mod:`marsad.link.spelling`): deterministic, from the name pairs.

Training data are the candidate pairs (near keys meet) among the spellings of the
*training* half of the English names (:mod:`marsad.link.name_pairs`): a pair is positive
when both spellings write one English name. The regularisation and the threshold are
chosen by five-fold cross-validation on that half alone; the held-out half is scored once,
at the end, and the figures go into the model's card. Needs the ``train`` extra
(scikit-learn).
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from marsad.link import name_pairs, spelling


def _data(groups: dict[str, set[str]]) -> tuple[list[tuple[str, str]], list[dict], list[int]]:
    own = name_pairs.owners(groups)
    pairs = name_pairs.candidate_pairs(own)
    return pairs, [dict(spelling.features(a, b)) for a, b in pairs], [int(bool(own[a] & own[b])) for a, b in pairs]


def _best_threshold(probabilities, labels, gold_total: int) -> tuple[float, float]:
    """The threshold with the best F1 over the pairs (recall counted against every gold pair)."""
    ranked = sorted(zip(probabilities, labels), key=lambda p: -p[0])
    best, right = (0.0, 0.5), 0
    for i, (p, y) in enumerate(ranked, 1):
        right += y
        precision, recall = right / i, right / gold_total
        f1 = 2 * precision * recall / (precision + recall) if right else 0.0
        if f1 > best[0]:
            best = (f1, p)
    return best[1], best[0]


def train(wikidata: Path, google: Path, out: Path, seed: int = 1) -> dict:
    """Train, choose C and the threshold by cross-validation on the training half, score the held-out half."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    started = time.perf_counter()
    groups = name_pairs.spelling_groups(wikidata, google)
    training = name_pairs.half(groups, held_out=False)
    pairs, feats, labels = _data(training)
    vectoriser = DictVectorizer()
    x, y = vectoriser.fit_transform(feats), np.array(labels)
    gold_total = len(name_pairs.gold_pairs(training))
    # Folds by the pair's first spelling, so one spelling's pairs are not split between fit and check.
    folds = GroupKFold(n_splits=5)
    chosen = None
    for c in (0.1, 0.3, 1.0, 3.0):
        probabilities = np.zeros(len(labels))
        for fit, check in folds.split(x, y, groups=[a for a, _ in pairs]):
            probabilities[check] = LogisticRegression(C=c, max_iter=5000, random_state=seed).fit(
                x[fit], y[fit]).predict_proba(x[check])[:, 1]
        threshold, f1 = _best_threshold(probabilities, labels, gold_total)
        if chosen is None or f1 > chosen[2]:
            chosen = (c, threshold, f1)
    c, threshold, cv_f1 = chosen
    fitted = LogisticRegression(C=c, max_iter=5000, random_state=seed).fit(x, y)
    weights = {name: round(float(w), 5) for name, w in zip(vectoriser.get_feature_names_out(), fitted.coef_[0])
               if abs(w) >= 1e-5}
    model = {"bias": round(float(fitted.intercept_[0]), 5), "threshold": round(float(threshold), 4),
             "weights": dict(sorted(weights.items()))}
    judge = spelling.Model(model["weights"], model["bias"], model["threshold"], {})
    held = name_pairs.half(groups, held_out=True)
    scores = name_pairs.pairwise(held, lambda a, b: spelling.probability(a, b, judge) >= judge.threshold)
    model["card"] = {
        "recipe": {"training_names": len(training), "training_pairs": len(pairs), "positives": int(y.sum()),
                   "C": c, "cross_validated_f1": round(cv_f1, 4), "seed": seed,
                   "seconds": round(time.perf_counter() - started, 1)},
        "held_out": {"names": len(held), "precision": round(scores.precision, 4), "recall": round(scores.recall, 4),
                     "joined": scores.predicted, "gold_pairs": scores.gold},
        "data": "English–Arabic person names: Wikidata (CC0) and Google ar2en (Apache-2.0)",
    }
    out.write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", "utf-8")
    spelling.model.cache_clear()
    spelling.probability.cache_clear()
    return model["card"]
