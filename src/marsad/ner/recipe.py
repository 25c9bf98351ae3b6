"""The training recipe, end to end: word vectors from SaudiNewsNet, then an ensemble of
CharCNN-BiLSTM-CRF taggers on ANERcorp's train split, exported for the NumPy tagger.

Deterministic given the seed (word2vec with one worker; PyTorch deterministic, one
thread per member). Reads only the data folder it is given; writes the model folder
and a model card with the recipe, the data checksums and the scores.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import os
import shutil
import sys
import time
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from marsad.ner.conll import read_conll, report, score, split_train_dev
from marsad.ner.encoding import GAZETTEER_TYPES, Resources, Vocabulary, encode, gazetteer_bits, normal, strip_clitics
from marsad.segment import iter_tokens

GAZETTEERS = {"LOC": "loc.txt", "ORG": "org.txt", "PERS": "pers.txt"}


@dataclass
class Recipe:
    """Every choice of the training, written into the model card."""
    seed: int = 1
    members: int = 2
    epochs: int = 40
    average_from: int = 26
    hidden: int = 128
    char_filters: int = 50
    dropout: float = 0.5
    max_vocab: int = 50_000
    w2v_dim: int = 100
    w2v_window: int = 5
    w2v_min_count: int = 5
    w2v_epochs: int = 5
    dev_share: float = 0.0          # > 0: hold out the end of train.txt as dev (for choosing, never test.txt)
    kb_features: bool = False       # also flag names of Marsad's knowledge base (a snapshot goes with the model)
    timings: dict = field(default_factory=dict)


def _say(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def corpus(saudinewsnet: Path, out: Path) -> int:
    """SaudiNewsNet's titles and paragraphs as lines of word keys (Marsad's tokenizer and normaliser)."""
    count = 0
    with open(out, "w", encoding="utf-8") as handle:
        for archive in sorted(saudinewsnet.glob("*.zip")):
            with zipfile.ZipFile(archive) as z:
                for name in sorted(z.namelist()):
                    for article in json.loads(z.read(name)):
                        for text in (article.get("title") or "", *(article.get("content") or "").split("\n")):
                            words = [normal(text[s:e]) for s, e, _ in iter_tokens(text)]
                            if len(words) >= 3:
                                handle.write(" ".join(words) + "\n")
                                count += len(words)
    return count


def word_vectors(lines: Path, recipe: Recipe):
    """word2vec skip-gram on the corpus (one worker, so the result is reproducible)."""
    from gensim.models import Word2Vec
    from gensim.models.word2vec import LineSentence
    model = Word2Vec(LineSentence(str(lines)), vector_size=recipe.w2v_dim, window=recipe.w2v_window,
                     min_count=recipe.w2v_min_count, sg=1, negative=5, sample=1e-4, epochs=recipe.w2v_epochs,
                     workers=1, seed=recipe.seed)
    return model.wv


def vocabulary(train: list, vectors, recipe: Recipe) -> tuple[Vocabulary, np.ndarray]:
    """The corpus's most frequent words plus every training form that has a vector; unit vectors."""
    words = ["<pad>", "<unk>"] + vectors.index_to_key[: recipe.max_vocab]
    seen = set(words)
    for tokens, _ in train:
        for token in tokens:
            key = normal(token)
            for form in (key, *strip_clitics(key)[1:]):
                if form not in seen and form in vectors.key_to_index:
                    words.append(form)
                    seen.add(form)
    chars = ["<pad>", "<unk>"] + sorted({c for tokens, _ in train for t in tokens for c in normal(t)})
    prefixes = ["<pad>", "<unk>", ""] + sorted({strip_clitics(normal(t))[0] for ts, _ in train for t in ts} - {""})
    labels = sorted({tag for _, tags in train for tag in tags})
    matrix = np.zeros((len(words), vectors.vector_size), dtype=np.float32)
    for i, word in enumerate(words[2:], 2):
        v = vectors[word]
        matrix[i] = v / (np.linalg.norm(v) + 1e-8)
    return Vocabulary(words, chars, prefixes, labels), matrix


KB_TYPES = {"KBLOC": ("GPE", "LOC"), "KBORG": ("ORG",), "KBPERS": ("PER",)}


def kb_gazetteers(out: Path) -> dict[str, Path]:
    """The knowledge base's unambiguous names as gazetteer files, one per type (a snapshot)."""
    from marsad.kb import knowledge_base
    kb = knowledge_base()
    files = {}
    for kind, types in KB_TYPES.items():
        names = sorted({n for e in kb.entities.values() if e.type in types for n in (e.name_ar, *e.aliases)
                        if n and n not in e.ambiguous_aliases})
        path = out / f"gazetteer_{kind.lower()}.txt"
        path.write_text("\n".join(names) + "\n", "utf-8")
        files[kind] = path
    return files


def _train_member(job: tuple) -> tuple[np.ndarray, dict]:
    seed, recipe, vocab, matrix, encoded = job
    import torch

    from marsad.ner.training import Net, export, train
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    net = Net(len(vocab.words), matrix.shape[1], len(vocab.chars), len(vocab.prefixes), len(vocab.labels),
              char_filters=recipe.char_filters, hidden=recipe.hidden, dropout=recipe.dropout,
              n_bits=encoded[0][0]["gz"].shape[1])
    net.wemb.weight.data.copy_(torch.from_numpy(matrix))
    net.wemb.weight.requires_grad = False
    train(net, encoded, seed=seed, epochs=recipe.epochs, average_from=recipe.average_from,
          log=lambda m: _say(f"member {seed}: {m}"))
    return export(net)


def build(data: Path, out: Path, recipe: Recipe, work: Path) -> dict:
    """Train and write the model folder; returns the model card's facts."""
    started = time.time()
    anercorp, saudinewsnet = data / "anercorp", data / "saudinewsnet"
    sentences = read_conll(anercorp / "train.txt")
    train, dev = split_train_dev(sentences, recipe.dev_share) if recipe.dev_share else (sentences, [])
    work.mkdir(parents=True, exist_ok=True)
    lines = work / "saudinewsnet.txt"
    tick = time.time()
    tokens = corpus(saudinewsnet, lines)
    recipe.timings["corpus_s"] = round(time.time() - tick, 1)
    _say(f"corpus: {tokens:,} tokens")
    tick = time.time()
    vectors = word_vectors(lines, recipe)
    recipe.timings["word2vec_s"] = round(time.time() - tick, 1)
    _say(f"word2vec: {len(vectors.index_to_key):,} words")
    vocab, matrix = vocabulary(train, vectors, recipe)
    out.mkdir(parents=True, exist_ok=True)
    for kind, name in GAZETTEERS.items():
        shutil.copy(anercorp / "gazetteers" / name, out / f"gazetteer_{name}")
    names = Path(__file__).resolve().parents[1] / "data" / "names" / "person_names.txt"
    files = {k: out / f"gazetteer_{n}" for k, n in GAZETTEERS.items()}
    kinds = GAZETTEER_TYPES
    if recipe.kb_features:
        files |= kb_gazetteers(out)
        kinds = (*GAZETTEER_TYPES, *KB_TYPES)
    bits = gazetteer_bits(kinds)
    resources = Resources.load(files, names)
    encoded = [(encode(t, vocab, resources, bits), [vocab.labels.index(g) for g in tags]) for t, tags in train]
    tick = time.time()
    seeds = [recipe.seed + k for k in range(recipe.members)]
    jobs = [(s, recipe, vocab, matrix, encoded) for s in seeds]
    with multiprocessing.get_context("fork").Pool(min(recipe.members, os.cpu_count() or 1)) as pool:
        members = pool.map(_train_member, jobs)
    recipe.timings["taggers_s"] = round(time.time() - tick, 1)
    words, _ = members[0]
    np.save(out / "embeddings.npy", words)
    (out / "words.txt").write_text("\n".join(vocab.words), "utf-8")
    for k, (_, weights) in enumerate(members, start=1):
        np.savez(out / f"member_{k}.npz", **weights)
    recipe.timings["total_s"] = round(time.time() - started, 1)
    card = {
        "labels": vocab.labels, "chars": vocab.chars, "prefixes": vocab.prefixes,
        "members": [f"member_{k}.npz" for k in range(1, len(members) + 1)],
        "gazetteers": {k: p.name for k, p in files.items()},
        "bits": list(bits),
        "names": "../names/person_names.txt",
        "recipe": asdict(recipe),
        "data": {"anercorp/train.txt": _sha256(anercorp / "train.txt"),
                 **{f"anercorp/gazetteers/{n}": _sha256(anercorp / "gazetteers" / n) for n in GAZETTEERS.values()},
                 **{f"saudinewsnet/{p.name}": _sha256(p) for p in sorted(saudinewsnet.glob("*.zip"))}},
        "trained": dt.date.today().isoformat(),
        "train_sentences": len(train), "word2vec_words": len(vectors.index_to_key),
    }
    (out / "model.json").write_text(json.dumps(card, ensure_ascii=False, indent=1), "utf-8")
    if dev:
        from marsad.ner.tagger import NeuralTagger
        tagger = NeuralTagger(out)
        result = score([tags for _, tags in dev], [tagger.tag(tokens) for tokens, _ in dev])
        card["dev"] = {k: list(v) for k, v in result.items()}
        (out / "model.json").write_text(json.dumps(card, ensure_ascii=False, indent=1), "utf-8")
        _say("dev:\n" + report(result))
    return card
