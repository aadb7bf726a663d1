"""BM25 over every chunk: a cache derived from Chroma, stamped with the generation it was built at.

This is the only module that touches bm25s. The cache holds the chunks themselves (so a keyword hit
needs no Chroma read), arrays for filtering, each chunk's terms (so a rebuild after a small write
tokenizes only new text) and each language's mean passage vector (see `LanguageMeans`).
"""

from __future__ import annotations

import json
import logging
import shutil
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from rag.text import language, terms
from rag.types import Chunk, Filters

if TYPE_CHECKING:
    import bm25s

log = logging.getLogger(__name__)

# Bump when the tokenizer or the lexicon changes: cached BM25 terms are then recomputed.
CACHE_FORMAT = 4


def date_number(iso: str | None) -> int:
    """Return `YYYYMMDD` as an int for an ISO date, or 0 when unknown."""
    return int(iso[:10].replace("-", "")) if iso else 0


@dataclass(frozen=True, slots=True)
class LanguageMeans:
    """Each language's mean passage vector, and how many chunks it averages.

    Multilingual e5 places every language in its own region: a question scores passages of its own
    language far above a passage in another language that answers it. Subtracting each language's
    mean (see `rag.retrieve`) takes that offset away. Derived from Chroma with the keyword index.
    """

    means: dict[str, np.ndarray]
    counts: dict[str, int]


class KeywordIndex:
    """BM25 over every chunk, plus the chunks themselves, arrays for filtering and language statistics."""

    def __init__(
        self,
        generation: str,
        chunks: list[Chunk],
        retriever: bm25s.BM25 | None,
        languages: LanguageMeans | None = None,
    ) -> None:
        self.generation = generation
        self.chunks = chunks
        self.retriever = retriever
        self.languages = languages or LanguageMeans({}, {})
        self.position = {c.chunk_id: i for i, c in enumerate(chunks)}
        self._chunk_language: dict[int, str] = {}
        self._sources = np.array([c.source or "" for c in chunks], dtype=object)
        self._paths = np.array([c.path for c in chunks], dtype=object)
        self._dates = np.array([date_number(c.date) for c in chunks], dtype=np.int64)

    def language_of(self, chunk_id: str) -> str | None:
        """The language of an indexed chunk's text (`zh` or `en`), or None for an unknown id."""
        i = self.position.get(chunk_id)
        if i is None:
            return None
        if i not in self._chunk_language:
            self._chunk_language[i] = language(self.chunks[i].text)
        return self._chunk_language[i]

    def mask(self, filters: Filters) -> np.ndarray | None:
        """Return a boolean array selecting the chunks that pass `filters`, or None for no filter."""
        if not filters:
            return None
        keep = np.ones(len(self.chunks), dtype=bool)
        if filters.sources:
            keep &= np.isin(self._sources, list(filters.sources))
        if filters.paths:
            keep &= np.isin(self._paths, list(filters.paths))
        if filters.since:
            keep &= self._dates >= date_number(filters.since)
        if filters.until:
            keep &= (self._dates > 0) & (self._dates <= date_number(filters.until))
        return keep

    def _document_frequency(self, term: str) -> int:
        if self.retriever is None:
            return 0
        column = self.retriever.vocab_dict.get(term)
        indptr = self.retriever.scores["indptr"]
        if column is None or column + 1 >= len(indptr):
            return 0
        return int(indptr[column + 1] - indptr[column])

    def knows(self, term: str) -> bool:
        """True when some chunk contains `term`."""
        return self._document_frequency(term) > 0

    def idf(self, term: str) -> float:
        """Inverse document frequency of `term` over the chunks; a term never seen gets the maximum."""
        df = self._document_frequency(term)
        return float(np.log(1.0 + (len(self.chunks) - df + 0.5) / (df + 0.5)))

    def search(self, query_terms: list[str], n: int, filters: Filters) -> list[tuple[Chunk, float]]:
        """Return up to `n` chunks with a positive BM25 score for `query_terms`, best first."""
        if self.retriever is None or not query_terms:
            return []
        scores = self.retriever.get_scores(query_terms)
        keep = self.mask(filters)
        if keep is not None:
            scores = np.where(keep, scores, 0.0)
        n = min(n, len(scores))
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.chunks[i], float(scores[i])) for i in top if scores[i] > 0]


def load(cache_dir: Path, generation: str) -> KeywordIndex | None:
    """The cached index if it was built at `generation`, else None."""
    try:
        data = json.loads((cache_dir / "chunks.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (
        not isinstance(data, dict)
        or data.get("format") != CACHE_FORMAT
        or data.get("generation") != generation
    ):
        return None
    try:
        chunks = [Chunk(**c) for c in data["chunks"]]
    except (KeyError, TypeError):
        return None
    retriever = _load_bm25(cache_dir) if chunks else None
    if chunks and retriever is None:
        return None
    languages = _load_languages(cache_dir, data.get("languages"))
    return KeywordIndex(generation, chunks, retriever, languages)


def rebuild(records: Iterable[tuple[Chunk, np.ndarray]], generation: str, cache_dir: Path) -> KeywordIndex:
    """Index chunks with their vectors (reusing cached terms of unchanged text); save the cache atomically."""
    cached = _cached_terms(cache_dir)
    listed: list[Chunk] = []
    sums: dict[str, np.ndarray] = {}
    counts: dict[str, int] = {}
    for chunk, vector in records:
        listed.append(chunk)
        lang = language(chunk.text)
        sums[lang] = sums.get(lang, 0.0) + np.asarray(vector, dtype=np.float64)
        counts[lang] = counts.get(lang, 0) + 1
    languages = LanguageMeans({k: (v / counts[k]).astype(np.float32) for k, v in sums.items()}, counts)
    corpus = [cached.get(c.text_hash) or terms(c.index_text) for c in listed]
    retriever = _build_bm25(corpus) if listed else None
    try:
        _save(cache_dir, generation, listed, corpus, retriever, languages)
    except OSError as exc:
        log.warning("could not save the BM25 cache in %s (%s); it is kept in memory only", cache_dir, exc)
    log.info("rebuilt the BM25 index over %d chunks", len(listed))
    return KeywordIndex(generation, listed, retriever, languages)


def _load_languages(cache_dir: Path, counts: object) -> LanguageMeans | None:
    if not isinstance(counts, dict):
        return None
    try:
        stored = np.load(cache_dir / "languages.npz")
        return LanguageMeans({k: stored[k] for k in counts}, {k: int(n) for k, n in counts.items()})
    except (OSError, ValueError, KeyError):
        return None


def _cached_terms(cache_dir: Path) -> dict[str, list[str]]:
    try:
        data = json.loads((cache_dir / "terms.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        return {}
    return data.get("terms", {})


def _save(
    cache_dir: Path,
    generation: str,
    chunks: list[Chunk],
    corpus: list[list[str]],
    retriever: bm25s.BM25 | None,
    languages: LanguageMeans,
) -> None:
    """Write the cache beside `cache_dir`, then swap it in; a failed write leaves no partial cache."""
    tmp = cache_dir.with_name(f"{cache_dir.name}.tmp-{uuid.uuid4().hex[:8]}")
    try:
        tmp.mkdir(parents=True)
        if retriever is not None:
            retriever.save(str(tmp), show_progress=False)
        cached = {
            "format": CACHE_FORMAT,
            "terms": {c.text_hash: t for c, t in zip(chunks, corpus, strict=True)},
        }
        (tmp / "terms.json").write_text(json.dumps(cached, ensure_ascii=False), encoding="utf-8")
        np.savez(tmp / "languages.npz", **languages.means)
        manifest = {
            "format": CACHE_FORMAT,
            "generation": generation,
            "chunks": [asdict(c) for c in chunks],
            "languages": languages.counts,
        }
        (tmp / "chunks.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = cache_dir.with_name(f"{cache_dir.name}.old-{uuid.uuid4().hex[:8]}")
    if cache_dir.exists():
        cache_dir.rename(old)
    tmp.rename(cache_dir)
    shutil.rmtree(old, ignore_errors=True)


def _build_bm25(corpus: list[list[str]]) -> bm25s.BM25:
    import bm25s

    # bm25s sets its own logger to DEBUG at import, which floods any configured handler.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    retriever = bm25s.BM25()
    retriever.index(corpus, show_progress=False)
    return retriever


def _load_bm25(path: Path) -> bm25s.BM25 | None:
    import bm25s

    try:
        return bm25s.BM25.load(str(path), mmap=True, show_progress=False)
    except (OSError, ValueError, EOFError, KeyError, TypeError):
        return None
