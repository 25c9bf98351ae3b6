"""Scoring recognition on a CoNLL file (ANERcorp's test split), exact spans.

Two settings: the tagger alone, or Marsad's whole recognition stage (tagger, knowledge
base and titles) with its types mapped back to ANERcorp's (GPE and LOC → LOC, EVENT →
MISC; nationality adjectives and titles are not names there).
"""
from __future__ import annotations

import re
from pathlib import Path

from marsad.document import Document, Sentence, Token
from marsad.ner.conll import read_conll, score
from marsad.recognise import recognise
from marsad.recognise.tagger import ModelTagger

BACK = {"PER": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "MISC": "MISC", "EVENT": "MISC"}
_WORD = re.compile(r"[^\W_]")


def _document(tokens: list[str]) -> Document:
    pieces, offsets, pos = [], [], 0
    for token in tokens:
        offsets.append((pos, pos + len(token)))
        pieces.append(token)
        pos += len(token) + 1
    text = " ".join(pieces)
    kinds = ["number" if token.isdigit() else "word" if _WORD.search(token) else "punct" for token in tokens]
    return Document(id="conll", source="conll", original=text, text=text, sentences=(Sentence(0, len(text)),),
                    tokens=tuple(Token(s, e, k) for (s, e), k in zip(offsets, kinds)))


def _labels(doc: Document, size: int) -> list[str]:
    labels = ["O"] * size
    for m in doc.mentions:
        kind = BACK.get(m.type)
        if kind is None or m.via_title:
            continue
        covered = [i for i, t in enumerate(doc.tokens) if t.start < m.end and m.start < t.end]
        if covered and all(labels[i] == "O" for i in covered):
            labels[covered[0]] = "B-" + kind
            for i in covered[1:]:
                labels[i] = "I-" + kind
    return labels


def evaluate(path: str | Path, model: Path, tagger_only: bool = False) -> dict:
    """Precision, recall and F1 (micro and per type) of the tagger or the whole stage on a file."""
    sentences = read_conll(path)
    tagger = ModelTagger(model)
    gold = [tags for _, tags in sentences]
    if tagger_only:
        predicted = []
        for i in range(0, len(sentences), 32):
            predicted += tagger.model.tag_many([tokens for tokens, _ in sentences[i:i + 32]])
    else:
        predicted = [_labels(recognise(_document(tokens), tagger=tagger), len(tokens)) for tokens, _ in sentences]
    return score(gold, predicted)


def record_scores(folder: Path, path: Path, tagger_only: bool, result: dict) -> None:
    """Keep a model's scores beside it (``scores.json``): by setting, with the file's checksum and the day."""
    import datetime as dt
    import hashlib
    import json

    card = folder / "scores.json"
    scores = json.loads(card.read_text("utf-8")) if card.exists() else {}
    scores["tagger" if tagger_only else "recognition_stage"] = {
        "file": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "measured": dt.date.today().isoformat(),
        "scores (P, R, F1 in %, support)": {k: [round(100 * x, 2) if isinstance(x, float) else x for x in v]
                                            for k, v in result.items()}}
    card.write_text(json.dumps(scores, ensure_ascii=False, indent=1) + "\n", "utf-8")
