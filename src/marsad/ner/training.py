"""Training the tagger (PyTorch, CPU): the network, its CRF loss, the loop, and the export
to the NumPy weights that :mod:`marsad.ner.tagger` runs. Only the training script imports this.
"""
from __future__ import annotations

import random
import time
from collections.abc import Callable

import numpy as np
import torch
import torch.nn as nn

from marsad.ner.encoding import GAZ_BITS, MAX_CHARS, PAD, SHAPES, UNK


class CRF(nn.Module):
    """A linear-chain CRF over emission scores."""

    def __init__(self, n: int):
        super().__init__()
        self.trans = nn.Parameter(torch.zeros(n, n))
        self.start = nn.Parameter(torch.zeros(n))
        self.end = nn.Parameter(torch.zeros(n))

    def nll(self, em: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Negative log-likelihood of the gold paths, summed over the batch."""
        batch, steps, _ = em.shape
        maskf = mask.float()
        gold = self.start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
        for t in range(1, steps):
            step = self.trans[tags[:, t - 1], tags[:, t]] + em[:, t].gather(1, tags[:, t:t + 1]).squeeze(1)
            gold = gold + step * maskf[:, t]
        last = tags.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
        gold = gold + self.end[last]
        alpha = self.start + em[:, 0]
        for t in range(1, steps):
            nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), dim=1) + em[:, t]
            alpha = torch.where(mask[:, t].unsqueeze(1), nxt, alpha)
        return (torch.logsumexp(alpha + self.end, dim=1) - gold).sum()


class Net(nn.Module):
    """Word vectors (as written, without proclitics, without the article) + character CNN +
    shape, proclitic and gazetteer features → BiLSTM → label scores → CRF."""

    def __init__(self, n_words: int, emb_dim: int, n_chars: int, n_prefixes: int, n_labels: int,
                 char_dim: int = 30, char_filters: int = 50, hidden: int = 128, dropout: float = 0.5,
                 feat_dim: int = 16, n_bits: int = len(GAZ_BITS)):
        super().__init__()
        self.wemb = nn.Embedding(n_words, emb_dim, padding_idx=PAD)
        self.cemb = nn.Embedding(n_chars, char_dim, padding_idx=PAD)
        self.conv = nn.Conv1d(char_dim, char_filters, 3, padding=1)
        self.shemb = nn.Embedding(len(SHAPES), 8)
        self.premb = nn.Embedding(n_prefixes, 8)
        self.gzlin = nn.Linear(n_bits, feat_dim)
        self.drop = nn.Dropout(dropout)
        self.lstm = nn.LSTM(3 * emb_dim + char_filters + 16 + feat_dim, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, n_labels)
        self.crf = CRF(n_labels)

    def emissions(self, x: dict[str, torch.Tensor]) -> torch.Tensor:
        """Label scores (B, T, labels)."""
        batch, steps, chars = x["ch"].shape
        c = self.cemb(x["ch"].view(batch * steps, chars)).transpose(1, 2)
        c = torch.relu(self.conv(c)).max(2).values.view(batch, steps, -1)
        h = torch.cat([self.wemb(x["w"]), self.wemb(x["s1"]), self.wemb(x["s2"]), c, self.shemb(x["sh"]),
                       self.premb(x["pr"]), torch.relu(self.gzlin(x["gz"]))], -1)
        packed = nn.utils.rnn.pack_padded_sequence(self.drop(h), x["mask"].sum(1).cpu(), batch_first=True,
                                                   enforce_sorted=False)
        o, _ = self.lstm(packed)
        o, _ = nn.utils.rnn.pad_packed_sequence(o, batch_first=True, total_length=steps)
        return self.out(self.drop(o))


def collate(encoded: list[dict[str, np.ndarray]]) -> dict[str, torch.Tensor]:
    """Pad a batch of encoded sentences (characters are always MAX_CHARS wide)."""
    batch, steps = len(encoded), max(len(e["w"]) for e in encoded)
    out = {k: torch.zeros(batch, steps, dtype=torch.long) for k in ("w", "s1", "s2", "sh", "pr")}
    out["ch"] = torch.zeros(batch, steps, MAX_CHARS, dtype=torch.long)
    out["gz"] = torch.zeros(batch, steps, encoded[0]["gz"].shape[1])
    out["mask"] = torch.zeros(batch, steps, dtype=torch.bool)
    for b, e in enumerate(encoded):
        size = len(e["w"])
        for k in ("w", "s1", "s2", "sh", "pr", "ch", "gz"):
            out[k][b, :size] = torch.from_numpy(e[k])
        out["mask"][b, :size] = True
    return out


def train(net: Net, data: list[tuple[dict, list[int]]], *, seed: int, epochs: int, average_from: int,
          batch_size: int = 16, lr: float = 2e-3, log: Callable[[str], None] = print) -> Net:
    """Adam with a decaying rate; the weights of the epochs from ``average_from`` on are averaged."""
    rng = random.Random(seed)
    params = [p for p in net.parameters() if p.requires_grad]
    optimiser = torch.optim.Adam(params, lr=lr)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda e: 1.0 / (1 + 0.05 * e))
    total, count = None, 0
    for epoch in range(epochs):
        started = time.time()
        net.train()
        order = list(range(len(data)))
        rng.shuffle(order)
        batches = []
        for c in range(0, len(order), batch_size * 50):
            part = sorted(order[c:c + batch_size * 50], key=lambda i: len(data[i][1]))
            batches += [part[j:j + batch_size] for j in range(0, len(part), batch_size)]
        rng.shuffle(batches)
        loss_sum = 0.0
        for batch in batches:
            x = collate([data[i][0] for i in batch])
            y = torch.zeros(len(batch), x["w"].shape[1], dtype=torch.long)
            for k, i in enumerate(batch):
                y[k, :len(data[i][1])] = torch.tensor(data[i][1])
            loss = net.crf.nll(net.emissions(x), y, x["mask"]) / len(batch)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 5.0)
            optimiser.step()
            loss_sum += loss.item() * len(batch)
        schedule.step()
        if epoch + 1 >= average_from:
            state = {k: v.detach().clone() for k, v in net.state_dict().items()}
            total = state if total is None else {k: total[k] + state[k] for k in total}
            count += 1
        log(f"epoch {epoch + 1}: loss {loss_sum / len(data):.3f} ({time.time() - started:.0f} s)")
    if total is not None:
        net.load_state_dict({k: v / count for k, v in total.items()})
    return net.eval()


def export(net: Net) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The shared word vectors (float16) and the rest of the weights (float32) for NumPy."""
    state = {k: v.detach().cpu().numpy() for k, v in net.state_dict().items()}
    words = state.pop("wemb.weight").astype(np.float16)
    return words, {k: v.astype(np.float32) for k, v in state.items()}


__all__ = ["CRF", "Net", "collate", "train", "export", "UNK"]
