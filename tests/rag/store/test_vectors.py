"""The vector index: exhaustive below `CELLS_FROM` chunks, faiss cells above; filters, updates, files."""

from pathlib import Path

import numpy as np
import pytest

from rag.store.vectors import CELLS_FROM, RETRAIN, VectorIndex


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


def _clustered(n: int, dims: int = 8, seed: int = 0) -> np.ndarray:
    """Unit vectors around 200 centres: embeddings cluster like this, uniform noise does not."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((200, dims))
    return _unit(centres[rng.integers(0, 200, n)] + 0.3 * rng.standard_normal((n, dims)))


def _built(vectors: np.ndarray) -> VectorIndex:
    ids = np.arange(len(vectors)) * 10  # ids are the rows' numbers, not positions

    def pages():
        for i in range(0, len(vectors), 7_000):
            yield ids[i : i + 7_000], vectors[i : i + 7_000]

    return VectorIndex.build(len(vectors), pages, lambda k: vectors[:k])


def _exact(vectors: np.ndarray, query: np.ndarray, n: int, allowed: np.ndarray | None = None) -> list[int]:
    scores = vectors @ query
    order = [int(i) for i in np.argsort(-scores, kind="stable")]
    if allowed is not None:
        order = [i for i in order if i * 10 in set(allowed.tolist())]
    return [i * 10 for i in order[:n]]


def test_exhaustive_search_is_exact_and_follows_adds_and_removals():
    vectors = _clustered(500)
    index = _built(vectors)
    assert index.trained_on == 0 and len(index) == 500 and not index.stale()
    query = vectors[3]
    found = index.search(query, 5)[0]
    assert [i for i, _ in found] == _exact(vectors, query, 5)
    assert found[0][1] == pytest.approx(1.0, abs=1e-3)  # cosine, at half precision
    index.remove([30, 999_999])
    assert 30 not in [i for i, _ in index.search(query, 5)[0]]
    index.add(np.array([7]), vectors[3:4])
    assert index.search(query, 1)[0][0][0] == 7
    allowed = np.array([100, 200, 4000])
    assert [i for i, _ in index.search(query, 5, allowed)[0]] == _exact(vectors, query, 3, allowed)


def test_a_large_index_searches_cells_and_finds_what_exhaustive_search_finds():
    vectors = _clustered(CELLS_FROM + 2_000)
    index = _built(vectors)
    assert index.trained_on == len(vectors) and not index.stale()
    queries = _clustered(50, seed=1)
    recall = np.mean(
        [
            len({i for i, _ in found} & set(_exact(vectors, q, 10))) / 10
            for q, found in zip(queries, index.search(queries, 10), strict=True)
        ]
    )
    assert recall >= 0.9
    # With filters every cell is searched: the allowed chunks' nearest are found exactly.
    allowed = np.arange(0, len(vectors), 997) * 10
    for q in queries[:5]:
        assert [i for i, _ in index.search(q, 4, allowed)[0]] == _exact(vectors, q, 4, allowed)


def test_an_index_is_stale_when_it_crosses_the_size_for_cells_or_outgrows_them():
    small = _built(_clustered(CELLS_FROM - 1))
    assert not small.stale()
    small.add(np.array([-1, -2]), _clustered(2))
    assert small.stale()  # now large enough for cells
    large = VectorIndex(None, trained_on=CELLS_FROM)
    large.add(np.arange(CELLS_FROM // 2 - 1), _clustered(CELLS_FROM // 2 - 1))
    assert large.stale()  # shrunk below the size for cells
    grown = VectorIndex(None, trained_on=CELLS_FROM // (2 * RETRAIN))
    grown.add(np.arange(CELLS_FROM), _clustered(CELLS_FROM))
    assert grown.stale()


def test_an_index_saves_and_loads_and_a_damaged_file_is_an_os_error(tmp_path: Path):
    vectors = _clustered(300)
    index = _built(vectors)
    index.save(tmp_path / "v.faiss")
    again = VectorIndex.load(tmp_path / "v.faiss", 0)
    assert again.search(vectors[:3], 4) == index.search(vectors[:3], 4)
    empty = tmp_path / "empty.faiss"
    VectorIndex().save(empty)
    assert len(VectorIndex.load(empty, 0)) == 0 and VectorIndex.load(empty, 0).search(vectors[0], 3) == [[]]
    (tmp_path / "bad.faiss").write_bytes(b"not an index")
    with pytest.raises(OSError):
        VectorIndex.load(tmp_path / "bad.faiss", 0)
    with pytest.raises(OSError):
        VectorIndex.load(tmp_path / "missing.faiss", 0)
    with pytest.raises(OSError):
        index.save(tmp_path / "no such folder" / "v.faiss")
