"""The trained tagger at run time, in NumPy: character CNN, BiLSTM, emissions, CRF decoding.

The ensemble's members share the frozen word vectors; their emissions are averaged and
decoded once with their averaged transition scores. Marginal probabilities (forward–
backward) say how sure the tagger is that a token is inside a name.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from collections import OrderedDict
from pathlib import Path

import numpy as np

from marsad.ner.encoding import GAZ_BITS, Resources, Vocabulary, gazetteer_flags, token_arrays


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    top = x.max(axis=axis, keepdims=True)
    return (top + np.log(np.exp(x - top).sum(axis=axis, keepdims=True))).squeeze(axis)


@dataclass
class Member:
    """One trained network's weights (besides the shared word vectors)."""
    w: dict[str, np.ndarray]

    def __post_init__(self) -> None:
        # the character CNN as lookups: for each kernel position k, every character's embedding
        # already multiplied by that slice of the kernel (a last row of zeros for the padding
        # beyond a word's ends), so a convolution is three lookups and two sums
        kernel = self.w["conv.weight"]                                        # (F, d, 3)
        self.char_tables = [np.vstack([self.w["cemb.weight"] @ kernel[:, :, k].T,
                                       np.zeros((1, kernel.shape[0]), np.float32)]).astype(np.float32)
                            for k in range(kernel.shape[2])]

    def token_features(self, x: dict[str, np.ndarray], words: np.ndarray) -> np.ndarray:
        """The BiLSTM's input per token that depends on the token alone (T, features): word
        vectors, character CNN, shape and proclitic."""
        w = self.w
        ch = x["ch"]                                                           # (T, C)
        beyond = len(self.char_tables[0]) - 1
        before = np.pad(ch, ((0, 0), (1, 0)), constant_values=beyond)[:, :-1]
        after = np.pad(ch, ((0, 0), (0, 1)), constant_values=beyond)[:, 1:]
        t0, t1, t2 = self.char_tables
        conv = np.maximum(t0[before] + t1[ch] + t2[after] + w["conv.bias"], 0).max(axis=1)   # (T, F)
        return np.concatenate([words[x["w"]], words[x["s1"]], words[x["s2"]], conv,
                               w["shemb.weight"][x["sh"]], w["premb.weight"][x["pr"]]], axis=1).astype(np.float32)

    def gazetteer_features(self, gz: np.ndarray) -> np.ndarray:
        """The rest of the BiLSTM's input (T, 16): the gazetteer marks, which depend on the
        neighbours too (a multi-word entry's B-/I- marks)."""
        return np.maximum(gz @ self.w["gzlin.weight"].T + self.w["gzlin.bias"], 0).astype(np.float32)

    def direction(self, reverse: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Input weights (4H, in), recurrent weights (H, 4H) and bias of one LSTM direction, gates
        reordered from PyTorch's i, f, g, o to i, f, o, g so the three sigmoid gates sit together."""
        suffix = "_reverse" if reverse else ""
        w_ih, w_hh = self.w[f"lstm.weight_ih_l0{suffix}"], self.w[f"lstm.weight_hh_l0{suffix}"]
        bias = self.w[f"lstm.bias_ih_l0{suffix}"] + self.w[f"lstm.bias_hh_l0{suffix}"]
        h = w_hh.shape[1]
        order = np.r_[0:2 * h, 3 * h:4 * h, 2 * h:3 * h]
        return w_ih[order], np.ascontiguousarray(w_hh[order].T), bias[order]


def _run_lstms(pre: np.ndarray, w_hh: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Several LSTMs stepped together over a packed batch: ``pre`` (K, N, 4H) input projections
    with gates in i, f, o, g order, ``w_hh`` (K, H, 4H); returns the hidden states (K, N, H).

    Sentences are ordered longest first, and ``pre[:, bounds[t]:bounds[t + 1]]`` holds step t of
    the sentences still running then (the first of the batch), so no step computes padding."""
    k, _, four = pre.shape
    hidden = four // 4
    h = np.zeros((k, bounds[1] - bounds[0], hidden), dtype=np.float32)
    c = np.zeros_like(h)
    out = np.empty((k, pre.shape[1], hidden), dtype=np.float32)
    for t in range(len(bounds) - 1):
        lo, hi = bounds[t], bounds[t + 1]
        a = hi - lo
        gates = pre[:, lo:hi] + h[:, :a] @ w_hh
        s = _sigmoid(gates[..., :3 * hidden])
        c = s[..., hidden:2 * hidden] * c[:, :a] + s[..., :hidden] * np.tanh(gates[..., 3 * hidden:])
        h = s[..., 2 * hidden:] * np.tanh(c)
        out[:, lo:hi] = h
    return out


class _Projections:
    """Input projections of the tokens seen most recently, for every member and direction.

    All of a token's input but its gazetteer marks depends on the token alone, and that part
    is most of the LSTMs' input work; words repeat (in SaudiNewsNet, 8,192 recent tokens
    cover 73% of the next ones), so each distinct token is projected once and kept in a
    table, the least recently used giving its row to a new one."""

    def __init__(self, capacity: int, width: int):
        self.capacity = capacity
        self.table = np.empty((capacity, width), np.float32)
        self.rows: OrderedDict[str, int] = OrderedDict()

    def rows_of(self, tokens: list[str]) -> tuple[np.ndarray, list[int]] | None:
        """Each distinct token's row (hits moved to the newest end) and which of them are new
        (their rows still to be filled); None when there are more than the table holds."""
        if len(tokens) > self.capacity:
            return None
        rows, out, fresh = self.rows, np.empty(len(tokens), np.int64), []
        for i, token in enumerate(tokens):
            row = rows.get(token)
            if row is None:
                fresh.append(i)
            else:
                rows.move_to_end(token)
                out[i] = row
        for i in fresh:     # the oldest rows are none of this call's (all of those are newest now)
            row = len(rows) if len(rows) < self.capacity else rows.popitem(last=False)[1]
            rows[tokens[i]] = out[i] = row
        return out, fresh


PROJECTED_TOKENS = 8192     # distinct tokens whose input projections are kept (8 KB each)


class NeuralTagger:
    """The shipped tagger: load it once, then tag sentences of tokens."""

    def __init__(self, folder: Path):
        spec = json.loads((folder / "model.json").read_text("utf-8"))
        words = (folder / "words.txt").read_text("utf-8").split("\n")
        self.vocab = Vocabulary(words, spec["chars"], spec["prefixes"], spec["labels"])
        self.words = np.load(folder / "embeddings.npy").astype(np.float32)
        self.members = [Member(dict(np.load(folder / name))) for name in spec["members"]]
        names = folder / spec["names"] if spec.get("names") else None
        self.resources = Resources.load({k: folder / v for k, v in spec["gazetteers"].items()}, names)
        self.start = np.mean([m.w["crf.start"] for m in self.members], axis=0)
        self.end = np.mean([m.w["crf.end"] for m in self.members], axis=0)
        self.trans = np.mean([m.w["crf.trans"] for m in self.members], axis=0)
        self.directions = [m.direction(reverse) for m in self.members for reverse in (False, True)]
        self.w_hh = np.stack([d[1] for d in self.directions])
        gz = self.members[0].w["gzlin.weight"].shape[0]
        # per member, both directions side by side: the token-only columns (in, 2 × 4H), the
        # gazetteer columns (16, 2 × 4H) and the biases (2 × 4H)
        self.token_weights = [np.ascontiguousarray(np.hstack([d[0][:, :-gz].T for d in self.directions[2 * i:2 * i + 2]]))
                              for i in range(len(self.members))]
        self.gazetteer_weights = [np.ascontiguousarray(np.hstack([d[0][:, -gz:].T for d in self.directions[2 * i:2 * i + 2]]))
                                  for i in range(len(self.members))]
        self.biases = [np.concatenate([d[2] for d in self.directions[2 * i:2 * i + 2]]) for i in range(len(self.members))]
        self.projections = _Projections(PROJECTED_TOKENS, len(self.directions) * self.w_hh.shape[2])
        self.spec = spec
        self.bits = tuple(spec.get("bits", GAZ_BITS))
        assert len(self.bits) == self.members[0].w["gzlin.weight"].shape[1]

    @property
    def labels(self) -> list[str]:
        """The tag set (IOB2)."""
        return self.vocab.labels

    def emissions(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """The members' mean label scores for each sentence.

        All sentences, both directions and every member run as one packed batch: sentences
        ordered longest first step together, each leaving the batch at its end."""
        lengths = np.array([len(tokens) for tokens in sentences])
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        order = np.argsort(-lengths, kind="stable")           # longest first
        by_length, starts = lengths[order], offsets[order]
        n, steps = int(lengths.sum()), int(by_length[0])
        t = np.arange(steps)[:, None]
        valid = t < by_length[None, :]                         # (steps, B): row t, then the running ones
        bounds = np.concatenate([[0], np.cumsum(valid.sum(axis=1))])
        forward = (starts[None, :] + t)[valid]                 # the token of each packed position
        backward = (starts[None, :] + by_length[None, :] - 1 - t)[valid]
        gz = np.concatenate([gazetteer_flags(tokens, self.resources, self.bits) for tokens in sentences])
        four = self.w_hh.shape[2]
        pre = self._token_projections([t for s in sentences for t in s])      # (n, K, 4H)
        packed = np.empty((len(self.directions), n, four), np.float32)
        for i, member in enumerate(self.members):
            gazetteer = member.gazetteer_features(gz) @ self.gazetteer_weights[i] + self.biases[i]
            for j, index in enumerate((forward, backward)):
                k = 2 * i + j
                np.add(pre[index, k], gazetteer[index, j * four:(j + 1) * four], out=packed[k])
        hidden = _run_lstms(packed, self.w_hh, bounds)     # (K, N, H), packed
        total = 0.0
        for i, member in enumerate(self.members):
            states = []
            for j, index in enumerate((forward, backward)):
                per_token = np.empty((n, hidden.shape[-1]), np.float32)
                per_token[index] = hidden[2 * i + j]
                states.append(per_token)
            total = total + np.concatenate(states, axis=1) @ member.w["out.weight"].T + member.w["out.bias"]
        mean = total / len(self.members)
        return [mean[o:o + k] for o, k in zip(offsets, lengths)]

    def _token_projections(self, tokens: list[str]) -> np.ndarray:
        """Every token's token-only input projections (n, K, 4H), each distinct token's
        computed once and kept (see :class:`_Projections`)."""
        distinct: dict[str, int] = {}
        inverse = np.empty(len(tokens), np.int64)        # each token's distinct token
        positions: list[int] = []                        # each distinct token's first position
        for p, token in enumerate(tokens):
            u = distinct.get(token)
            if u is None:
                u = distinct[token] = len(positions)
                positions.append(p)
            inverse[p] = u
        kept = self.projections.rows_of(list(distinct))
        if kept is None:
            rows, fresh, table = np.arange(len(distinct)), list(range(len(distinct))), \
                np.empty((len(distinct), self.projections.table.shape[1]), np.float32)
        else:
            (rows, fresh), table = kept, self.projections.table
        if fresh:
            x = token_arrays([tokens[positions[i]] for i in fresh], self.vocab, self.resources, self.bits)
            width = 2 * self.w_hh.shape[2]
            for i, member in enumerate(self.members):
                table[rows[fresh], i * width:(i + 1) * width] = member.token_features(x, self.words) @ self.token_weights[i]
        return table[rows[inverse]].reshape(len(tokens), len(self.directions), self.w_hh.shape[2])

    def decode(self, emissions: list[np.ndarray]) -> list[tuple[list[int], np.ndarray]]:
        """For each sentence: the best label path (Viterbi) and P(label) per token (forward–backward).

        Sentences are padded to the longest and decoded together; past its end a sentence's
        scores stand still, so padding changes nothing. The marginals come from scaled
        probabilities (each step's vector normalised to sum 1, as in Rabiner's forward–backward),
        so that a step is a small matrix product rather than a log-sum-exp."""
        lengths = np.array([len(em) for em in emissions])
        steps, batch, labels = int(lengths.max()), len(emissions), len(self.labels)
        em = np.zeros((steps, batch, labels), np.float32)
        for b, e in enumerate(emissions):
            em[:len(e), b] = e
        valid = (np.arange(steps)[:, None] < lengths[None, :])[..., None]     # (steps, B, 1)
        trans, keep = self.trans[None], np.broadcast_to(np.arange(labels), (batch, labels))
        score = self.start + em[0]
        back = np.empty((steps, batch, labels), np.int64)
        for t in range(1, steps):
            total = score[:, :, None] + trans
            back[t] = np.where(valid[t], total.argmax(1), keep)
            score = np.where(valid[t], total.max(1) + em[t], score)
        best = np.empty((steps, batch), np.int64)
        best[-1] = (score + self.end).argmax(1)
        for t in range(steps - 1, 0, -1):
            best[t - 1] = back[t][np.arange(batch), best[t]]
        probs = self._marginals(em, valid)
        return [([int(i) for i in best[:n, b]], probs[:n, b]) for b, n in enumerate(lengths)]

    def _marginals(self, em: np.ndarray, valid: np.ndarray) -> np.ndarray:
        """P(label) per step and sentence (steps, B, labels), by scaled forward–backward."""
        def scaled(x: np.ndarray) -> np.ndarray:
            return np.exp((x - x.max(axis=-1, keepdims=True)).astype(np.float64))
        e, moves, ends = scaled(em), np.exp(self.trans.astype(np.float64) - self.trans.max()), scaled(self.end)
        steps = len(e)
        alpha = np.empty_like(e)
        a = scaled(self.start) * e[0]
        alpha[0] = a / a.sum(1, keepdims=True)
        for t in range(1, steps):
            a = (alpha[t - 1] @ moves) * e[t]
            alpha[t] = np.where(valid[t], a / a.sum(1, keepdims=True), alpha[t - 1])
        beta = np.empty_like(e)
        beta[-1] = ends
        for t in range(steps - 2, -1, -1):
            b = (e[t + 1] * beta[t + 1]) @ moves.T
            beta[t] = np.where(valid[t + 1], b / b.sum(1, keepdims=True), ends)
        probs = alpha * beta
        return probs / probs.sum(2, keepdims=True)

    def tag(self, tokens: list[str]) -> list[str]:
        """IOB2 labels for a sentence."""
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 labels for several sentences (faster together than one by one)."""
        return [labels for labels, _ in self.tag_with_confidence(sentences)]

    def tag_with_confidence(self, sentences: list[list[str]]) -> list[tuple[list[str], list[float]]]:
        """Labels and, per token, the probability that it is inside a name, for each sentence."""
        outside = self.labels.index("O")
        work = [s for s in sentences if s]
        decoded = iter(self.decode(self.emissions(work))) if work else iter(())
        out = []
        for s in sentences:
            if not s:
                out.append(([], []))
                continue
            path, probs = next(decoded)
            out.append(([self.labels[i] for i in path], [float(1.0 - p) for p in probs[:, outside]]))
        return out
