"""Nearest-neighbour search over the chunks' vectors, held at half precision beside the keyword index.

Chroma's local client loads its HNSW graph, every vector in float32, into any process that reads the
collection at all: 200 MB at 100k chunks, 2 GB at 1M. This index keeps them in fp16 (the precision
the keyword index stores them in, so its cosines are those the rest of retrieval computes): searched
exhaustively below `CELLS_FROM` chunks, in an inverted file above it (faiss IVF: `sqrt(n)` cells
trained on the chunks themselves, the `1/PROBED` nearest of them searched). The cells are trained
again when the archive has grown or shrunk `RETRAIN`-fold since. A search with filters looks at
every cell, among the allowed chunks only, so it misses none of them.

This is the only module that imports faiss.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import faiss

CELLS_FROM = 50_000
RETRAIN = 4
PROBED = 16  # a search looks at the nearest 1/16 of the cells
TRAIN_PER_CELL = 40  # faiss warns below 39 training vectors per cell
PAGE = 5_000

# (ids, vectors) pages, read again from the start on each call.
Pages = Callable[[], Iterable[tuple[np.ndarray, np.ndarray]]]


class VectorIndex:
    """Chunk vectors by integer id (the keyword index's row number); thread-safe.

    Args:
        index: a faiss index read by `load` or made by `build` (None: empty).
        trained_on: how many chunks its cells were trained on (0: no cells, exhaustive search).
    """

    def __init__(self, index: faiss.Index | None = None, trained_on: int = 0) -> None:
        self._index = index
        self.trained_on = trained_on
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return 0 if self._index is None else int(self._index.ntotal)

    @classmethod
    def build(cls, count: int, pages: Pages, sample: Callable[[int], np.ndarray]) -> VectorIndex:
        """An index over every vector `pages` yields: `count` of them, cells trained on `sample(k)`."""
        import faiss

        built = cls()
        if count >= CELLS_FROM:
            cells = int(np.sqrt(count))
            training = _float(sample(cells * TRAIN_PER_CELL))
            dims = training.shape[1]
            fp16, inner = faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT
            index = faiss.IndexIVFScalarQuantizer(faiss.IndexFlatIP(dims), dims, cells, fp16, inner)
            index.train(training)
            index.nprobe = max(1, cells // PROBED)
            _reserve(index, pages)
            built = cls(index, count)
        for ids, vectors in pages():
            built.add(ids, vectors)
        return built

    def stale(self) -> bool:
        """True when the index should be built again: it crossed `CELLS_FROM` or outgrew its cells."""
        n = len(self)
        if not self.trained_on:
            return n >= CELLS_FROM
        return n < CELLS_FROM // 2 or not self.trained_on / RETRAIN <= n <= self.trained_on * RETRAIN

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Add vectors under these ids (ids must not be present)."""
        import faiss

        if not len(ids):
            return
        with self._lock:
            if self._index is None:
                self._index = faiss.IndexIDMap(_exhaustive(vectors.shape[1]))
            self._index.add_with_ids(_float(vectors), np.asarray(ids, dtype=np.int64))

    def remove(self, ids: Iterable[int]) -> None:
        """Remove these ids (unknown ones are ignored)."""
        import faiss

        wanted = np.fromiter(ids, dtype=np.int64)
        if not len(wanted) or self._index is None:
            return
        with self._lock:
            self._index.remove_ids(faiss.IDSelectorBatch(wanted))

    def search(
        self, queries: np.ndarray, n: int, allowed: np.ndarray | None = None
    ) -> list[list[tuple[int, float]]]:
        """The `n` ids nearest to each query by inner product, with it, best first.

        With `allowed`, only those ids are candidates, and every cell is searched.
        """
        import faiss

        queries = _float(np.atleast_2d(queries))
        with self._lock:
            if self._index is None or not self._index.ntotal or n <= 0:
                return [[] for _ in queries]
            params: Any = None
            if allowed is not None:
                selector = faiss.IDSelectorBatch(np.asarray(allowed, dtype=np.int64))
                params = (
                    faiss.SearchParametersIVF(sel=selector, nprobe=self._index.nlist)
                    if self.trained_on
                    else faiss.SearchParameters(sel=selector)
                )
            scores, ids = self._index.search(queries, min(n, int(self._index.ntotal)), params=params)
        return [
            [(int(i), float(s)) for i, s in zip(row_ids, row_scores, strict=True) if i >= 0]
            for row_ids, row_scores in zip(ids, scores, strict=True)
        ]

    def save(self, path: Path) -> None:
        """Write the index to `path` whole (through a temporary file, synced before it takes the name).

        Raises:
            OSError: it cannot be written (a full disk, say); `path` is then left as it was.
        """
        import faiss

        temporary = path.with_name(path.name + ".tmp")
        try:
            with self._lock:
                faiss.write_index(self._index if self._index is not None else _empty(), str(temporary))
        except RuntimeError as exc:  # faiss reports a full disk or a missing folder this way
            temporary.unlink(missing_ok=True)
            raise OSError(f"cannot write the vector index {path}: {exc}") from exc
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)

    @classmethod
    def load(cls, path: Path, trained_on: int) -> VectorIndex:
        """Read an index `save` wrote.

        Raises:
            OSError: the file is missing or cannot be read as an index.
        """
        import faiss

        try:
            index = faiss.read_index(str(path))
        except RuntimeError as exc:  # faiss reports a missing or damaged file this way
            raise OSError(f"cannot read the vector index {path}: {exc}") from exc
        return cls(index if index.ntotal else None, trained_on)


def rows_index(db: sqlite3.Connection) -> VectorIndex:
    """A vector index over the keyword index's rows (`chunks`: `row`, `vector` in fp16)."""
    _release_freed_memory()
    count = int(db.execute("SELECT count(*) FROM chunks").fetchone()[0])

    def pages() -> Iterable[tuple[np.ndarray, np.ndarray]]:
        cursor = db.execute("SELECT row, vector FROM chunks ORDER BY row")
        while rows := cursor.fetchmany(PAGE):
            yield np.array([r for r, _ in rows]), _vectors([v for _, v in rows])

    def sample(k: int) -> np.ndarray:
        rows = [r for (r,) in db.execute("SELECT row FROM chunks")]
        picked = np.random.default_rng(0).choice(rows, min(k, len(rows)), replace=False).tolist()
        found = []
        for i in range(0, len(picked), 500):
            part = picked[i : i + 500]
            sql = f"SELECT vector FROM chunks WHERE row IN ({','.join('?' * len(part))})"
            found += [v for (v,) in db.execute(sql, part)]
        return _vectors(found)

    return VectorIndex.build(count, pages, sample)


def drop_unused(directory: Path, keep: str) -> None:
    """Delete the saved vector indexes in `directory` other than `keep` (and any half-written one)."""
    for path in directory.glob("vectors-*.faiss*"):
        if path.name != keep:
            path.unlink(missing_ok=True)


def _reserve(index: faiss.IndexIVF, pages: Pages) -> None:
    """Give each cell room for exactly the vectors it will get (one pass assigning them).

    A cell's list grows by doubling: filled without this, a 100k-chunk index took 176 MB to build
    where it keeps 77.
    """
    counts = np.zeros(index.nlist, dtype=np.int64)
    for _, vectors in pages():
        counts += np.bincount(index.quantizer.assign(_float(vectors), 1).ravel(), minlength=index.nlist)
    for cell, n in enumerate(counts.tolist()):
        index.invlists.resize(cell, n)
        index.invlists.resize(cell, 0)  # emptied; the room stays


def _release_freed_memory() -> None:
    """Give memory freed before a build back to the system, so the new index does not sit on top of it.

    glibc keeps freed blocks for reuse: a new server client at 100k chunks, which builds this index
    after reading every chunk, peaked at 440 MB without this and 392 MB with it. Elsewhere (no
    `malloc_trim`) it does nothing.
    """
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


def _vectors(blobs: list[bytes]) -> np.ndarray:
    return np.frombuffer(b"".join(blobs), dtype=np.float16).reshape(len(blobs), -1)


def _exhaustive(dims: int) -> faiss.Index:
    import faiss

    return faiss.IndexScalarQuantizer(dims, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT)


def _empty() -> faiss.Index:
    import faiss

    return faiss.IndexIDMap(faiss.IndexFlatIP(1))


def _float(vectors: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(vectors, dtype=np.float32)
