"""CoNLL files (`token TAG` per line, blank line between sentences) and exact-span scoring.

Scoring is seqeval/conlleval style: an entity counts only when its type and both ends
match; an I- tag that does not continue an entity of its type starts a new one.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

Sentence = tuple[list[str], list[str]]


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences as ``(tokens, tags)``."""
    sentences, tokens, tags = [], [], []
    for line in Path(path).read_text("utf-8").splitlines():
        parts = line.split()
        if not parts:
            if tokens:
                sentences.append((tokens, tags))
                tokens, tags = [], []
            continue
        tokens.append(parts[0])
        tags.append(parts[-1] if len(parts) > 1 else "O")
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def split_train_dev(sentences: list[Sentence], dev_share: float = 0.1) -> tuple[list, list]:
    """The last ``dev_share`` of the sentences are the development set (deterministic)."""
    n_dev = int(round(len(sentences) * dev_share))
    return sentences[: len(sentences) - n_dev], sentences[len(sentences) - n_dev:]


def entities(tags: list[str]) -> list[tuple[str, int, int]]:
    """``(type, start, end)`` of every entity of an IOB2 tag sequence."""
    found, start, kind = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != kind):
            if kind is not None:
                found.append((kind, start, i))
            kind, start = (tag[2:], i) if tag != "O" else (None, None)
    return found


def score(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, tuple]:
    """Precision, recall and F1, micro-averaged and per type (with the type's support)."""
    tp, n_gold, n_pred = Counter(), Counter(), Counter()
    for g, p in zip(gold, predicted):
        ge, pe = set(entities(g)), set(entities(p))
        n_gold.update(e[0] for e in ge)
        n_pred.update(e[0] for e in pe)
        tp.update(e[0] for e in ge & pe)

    def prf(t: int, p: int, g: int) -> tuple[float, float, float]:
        precision, recall = (t / p if p else 0.0), (t / g if g else 0.0)
        return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)

    result = {"micro": prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))}
    for kind in sorted(set(n_gold) | set(n_pred)):
        result[kind] = (*prf(tp[kind], n_pred[kind], n_gold[kind]), n_gold[kind])
    return result


def report(result: dict[str, tuple]) -> str:
    """The scores as a table, percentages."""
    lines = [f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}"]
    for kind, (p, r, f, n) in ((k, v) for k, v in result.items() if k != "micro"):
        lines.append(f"{kind:6} {100 * p:6.2f} {100 * r:6.2f} {100 * f:6.2f} {n:8d}")
    p, r, f = result["micro"]
    lines.append(f"{'micro':6} {100 * p:6.2f} {100 * r:6.2f} {100 * f:6.2f}")
    return "\n".join(lines)
