"""The tagger's inputs: for each token its word ids (as written, without proclitics, without
the article too), characters, shape, the proclitic it carries, and gazetteer and name flags.

Shared by training and tagging, so the two always see the same encoding.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from marsad.normalize import orthographic_key

PAD, UNK = 0, 1
MAX_CHARS = 20
SHAPES = ("AR", "NUM", "LAT", "ARNUM", "PUNCT", "OTHER")
GAZETTEER_TYPES = ("LOC", "ORG", "PERS")


def gazetteer_bits(kinds: tuple[str, ...] = GAZETTEER_TYPES) -> tuple[str, ...]:
    """The flag names for a set of gazetteers: in a list, in it once proclitics come off, in a
    multi-word entry (B-/I-), plus NAME for the person-name list."""
    return (*(f"{k}{s}" for k in kinds for s in ("", "s")), "NAME",
            *(f"MG-{p}-{k}" for k in kinds for p in ("B", "I")))


GAZ_BITS = ("LOC", "LOCs", "ORG", "ORGs", "PERS", "PERSs", "NAME", "MG-B-LOC", "MG-I-LOC", "MG-B-ORG",
            "MG-I-ORG", "MG-B-PERS", "MG-I-PERS")   # the flags of the ANERGazet lists alone
_ARTICLE_PROCLITICS = ("وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال")
_PLAIN_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
_AR = re.compile("^[\u0621-\u064a]+$")
_NUMBER = re.compile(r"^[0-9][0-9.,/:\-]*$")
_LATIN = re.compile("[A-Za-z]")
_DIGIT = re.compile("[0-9]")


def normal(token: str) -> str:
    """The token's orthographic key (the same normaliser as everywhere in Marsad)."""
    return orthographic_key(token) or token


def strip_clitics(key: str) -> tuple[str, str, str]:
    """``(proclitic, stem with article, bare stem)``: والناتو → (وال, الناتو, ناتو).

    An article-bearing proclitic comes off when two letters remain; a bare conjunction
    or preposition only when three do.
    """
    for p in _ARTICLE_PROCLITICS:
        if key.startswith(p) and len(key) - len(p) >= 2:
            rest = key[len(p):]
            return p, "ال" + rest, rest
    for p in _PLAIN_PROCLITICS:
        if key.startswith(p) and len(key) - len(p) >= 3:
            rest = key[len(p):]
            return p, rest, rest
    return "", key, key


def shape(token: str, key: str) -> str:
    """A coarse word shape: Arabic, number, Latin, mixed, punctuation, other."""
    if _AR.match(key):
        return "AR"
    if _NUMBER.match(key):
        return "NUM"
    if _LATIN.search(token):
        return "LAT"
    if _DIGIT.search(key):
        return "ARNUM"
    if all(unicodedata.category(c)[0] in "PS" for c in token):
        return "PUNCT"
    return "OTHER"


@dataclass
class Resources:
    """Gazetteers (single words by type, multi-word entries by first word) and person names."""
    gazetteer: dict[str, set[str]] = field(default_factory=dict)
    multi: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    names: frozenset[str] = frozenset()
    infos: dict[str, dict] = field(default_factory=dict, repr=False)     # token_info's, by token
    rows: dict[tuple, tuple] = field(default_factory=dict, repr=False)   # encode's rows, by token and vocabulary

    @classmethod
    def load(cls, gazetteers: dict[str, Path], names: Path | None) -> Resources:
        """Read ANERGazet-style lists (one entry per line) and a name list."""
        single: dict[str, set[str]] = {}
        multi: dict[str, list] = {}
        for kind, path in gazetteers.items():
            entries = set()
            for line in Path(path).read_text("utf-8").splitlines():
                line = line.strip()
                if not line or line.startswith("="):
                    continue
                words = tuple(normal(w) for w in line.split())
                if len(words) == 1:
                    entries.add(words[0])
                    entries.add(words[0][2:] if words[0].startswith("ال") and len(words[0]) > 3 else "ال" + words[0])
                else:
                    multi.setdefault(words[0], []).append((words, kind))
            single[kind] = entries
        people = frozenset(Path(names).read_text("utf-8").split()) if names else frozenset()
        return cls(single, multi, people)


CACHED_TOKENS = 1 << 18     # tokens whose information is kept (words repeat; the cache is cleared when full)


def token_info(token: str, res: Resources) -> dict:
    """What the encoder needs of one token (kept per token: it depends on nothing else)."""
    info = res.infos.get(token)
    if info is None:
        if len(res.infos) >= CACHED_TOKENS:
            res.infos.clear()
        info = res.infos[token] = _token_info(token, res)
    return info


def _token_info(token: str, res: Resources) -> dict:
    key = normal(token)
    pre, s1, s2 = strip_clitics(key)
    gaz = []
    for kind, entries in res.gazetteer.items():
        if key in entries:
            gaz.append(kind)
        elif s1 in entries or s2 in entries:
            gaz.append(kind + "s")
    return {"n": key, "pre": pre, "s1": s1, "s2": s2, "shape": shape(token, key), "gaz": gaz,
            "name": s2 in res.names or key in res.names}


def multi_gazetteer(infos: list[dict], res: Resources) -> list[list[str]]:
    """B-/I- marks for multi-word gazetteer entries (the first word may carry clitics)."""
    marks: list[list[str]] = [[] for _ in infos]
    for i, info in enumerate(infos):
        options = res.multi.get(info["n"]) or res.multi.get(info["s1"]) or res.multi.get(info["s2"]) or []
        for words, kind in options:
            if i + len(words) <= len(infos) and all(infos[i + j]["n"] == words[j] for j in range(1, len(words))):
                marks[i].append("B-" + kind)
                for j in range(1, len(words)):
                    marks[i + j].append("I-" + kind)
    return marks


@dataclass
class Vocabulary:
    """Ids of words, characters, proclitics and labels."""
    words: list[str]
    chars: list[str]
    prefixes: list[str]
    labels: list[str]

    def __post_init__(self) -> None:
        self.word_ids = {w: i for i, w in enumerate(self.words)}
        self.char_ids = {c: i for i, c in enumerate(self.chars)}
        self.prefix_ids = {p: i for i, p in enumerate(self.prefixes)}


def _row(token: str, info: dict, vocab: Vocabulary, res: Resources, index: dict[str, int]) -> tuple:
    """The context-free part of a token's encoding: ids, characters, shape, proclitic, flags."""
    key = (token, id(vocab), tuple(index))
    row = res.rows.get(key)
    if row is None:
        if len(res.rows) >= CACHED_TOKENS:
            res.rows.clear()
        chars = [vocab.char_ids.get(c, UNK) for c in info["n"][:MAX_CHARS]] or [UNK]
        flags = [index[bit] for bit in info["gaz"] + (["NAME"] if info["name"] else [])]
        row = res.rows[key] = ((vocab.word_ids.get(info["n"], UNK), vocab.word_ids.get(info["s1"], UNK),
                                vocab.word_ids.get(info["s2"], UNK), SHAPES.index(info["shape"]),
                                vocab.prefix_ids.get(info["pre"], UNK)), chars, flags)
    return row


def encode(tokens: list[str], vocab: Vocabulary, res: Resources,
           bits: tuple[str, ...] = GAZ_BITS) -> dict[str, np.ndarray]:
    """One sentence as arrays: w, s1, s2 (T,), ch (T, MAX_CHARS), sh, pr (T,), gz (T, bits)."""
    return {**token_arrays(tokens, vocab, res, bits), "gz": gazetteer_flags(tokens, res, bits)}


def token_arrays(tokens: list[str], vocab: Vocabulary, res: Resources,
                 bits: tuple[str, ...] = GAZ_BITS) -> dict[str, np.ndarray]:
    """What of the encoding depends on each token alone: w, s1, s2 (T,), ch (T, MAX_CHARS), sh, pr (T,)."""
    index = {b: i for i, b in enumerate(bits)}
    rows = [_row(t, token_info(t, res), vocab, res, index) for t in tokens]
    size = len(tokens)
    ids = np.array([r[0] for r in rows], dtype=np.int64).reshape(size, 5)
    out = {k: ids[:, i].copy() for i, k in enumerate(("w", "s1", "s2", "sh", "pr"))}
    out["ch"] = np.zeros((size, MAX_CHARS), dtype=np.int64)
    for t, (_, chars, _) in enumerate(rows):
        out["ch"][t, :len(chars)] = chars
    return out


def gazetteer_flags(tokens: list[str], res: Resources,
                    bits: tuple[str, ...] = GAZ_BITS) -> np.ndarray:
    """The gazetteer and name flags of a sentence's tokens (T, bits): a token's own lists, and
    the B-/I- marks of multi-word entries, which depend on its neighbours."""
    infos = [token_info(t, res) for t in tokens]
    index = {b: i for i, b in enumerate(bits)}
    rows, columns = [], []
    for t, (info, mark) in enumerate(zip(infos, multi_gazetteer(infos, res))):
        for bit in (*info["gaz"], *(("NAME",) if info["name"] else ()), *("MG-" + m for m in mark)):
            rows.append(t)
            columns.append(index[bit])
    out = np.zeros((len(tokens), len(bits)), dtype=np.float32)
    out[rows, columns] = 1.0
    return out
