"""The index: Chroma holds chunks, vectors and metadata (the source of truth); BM25 is a derived cache.

This is the only module that touches chromadb and bm25s. Writers hold a file lock, and every write
first stamps a new generation on the collection, so a BM25 cache built before the write (or a write
killed half-way) is recognised as stale and rebuilt from Chroma.
"""

from __future__ import annotations

import json
import logging
import shutil
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from rag.config import Settings, get_settings
from rag.errors import IndexBusy, StoreUnavailable
from rag.text import terms
from rag.types import Chunk, Filters

if TYPE_CHECKING:
    import bm25s

log = logging.getLogger(__name__)

PAGE = 2000
# Bump when the tokenizer or the lexicon changes: cached BM25 terms are then recomputed.
CACHE_FORMAT = 2


def date_number(iso: str | None) -> int:
    """Return `YYYYMMDD` as an int for an ISO date, or 0 when unknown."""
    return int(iso[:10].replace("-", "")) if iso else 0


@dataclass(frozen=True, slots=True)
class FileRecord:
    """What the index holds for one source file."""

    file_hash: str
    doc_ids: frozenset[str]
    chunk_ids: frozenset[str]
    complete: bool


class KeywordIndex:
    """BM25 over every chunk, plus the chunks themselves and arrays for filtering."""

    def __init__(self, generation: str, chunks: list[Chunk], retriever: bm25s.BM25 | None) -> None:
        self.generation = generation
        self.chunks = chunks
        self.retriever = retriever
        self.position = {c.chunk_id: i for i, c in enumerate(chunks)}
        self._sources = np.array([c.source or "" for c in chunks], dtype=object)
        self._paths = np.array([c.path for c in chunks], dtype=object)
        self._dates = np.array([date_number(c.date) for c in chunks], dtype=np.int64)

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

    def idf(self, term: str) -> float:
        """Inverse document frequency of `term` over the chunks; a term never seen gets the maximum."""
        total = len(self.chunks)
        df = 0
        if self.retriever is not None:
            column = self.retriever.vocab_dict.get(term)
            indptr = self.retriever.scores["indptr"]
            if column is not None and column + 1 < len(indptr):
                df = int(indptr[column + 1] - indptr[column])
        return float(np.log(1.0 + (total - df + 0.5) / (df + 0.5)))

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


class Store:
    """One Chroma collection (named after the embedding model) and its BM25 cache.

    Args:
        settings: where the index lives (`data_dir`, or `chroma_host`/`chroma_port`).
        collection: the collection name; see `collection_name`.
    """

    def __init__(self, settings: Settings, collection: str) -> None:
        self.settings = settings
        self.name = collection
        self.dir = Path(settings.data_dir)
        where = f"{settings.chroma_host}-{settings.chroma_port}-" if settings.chroma_host else ""
        self.cache_dir = self.dir / f"bm25-{where}{collection}"
        self._collection: Any = None
        self._keyword: KeywordIndex | None = None
        self._dirty = False
        self._guard = threading.RLock()

    @property
    def collection(self) -> Any:
        """The Chroma collection, created on first use (cosine space, vectors always supplied)."""
        if self._collection is None:
            client = _client(self.settings.chroma_host, self.settings.chroma_port, str(self.dir))
            self._collection = _chroma_call(
                "open the collection",
                lambda: client.get_or_create_collection(
                    self.name,
                    configuration={"hnsw": {"space": "cosine"}},
                    metadata={"generation": "new"},
                    embedding_function=None,
                ),
            )
        return self._collection

    def count(self) -> int:
        """Number of chunks in the index."""
        return _chroma_call("count chunks", self.collection.count)

    def generation(self) -> str:
        """The collection's current write generation (changes at the start of every write)."""
        client = _client(self.settings.chroma_host, self.settings.chroma_port, str(self.dir))
        fresh = _chroma_call(
            "read the collection", lambda: client.get_collection(self.name, embedding_function=None)
        )
        return str((fresh.metadata or {}).get("generation", ""))

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the write lock for the duration; a new generation marks the BM25 cache stale.

        Raises:
            IndexBusy: another process holds the lock.
        """
        from filelock import FileLock, Timeout

        self.dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.dir / "write.lock"), timeout=0)
        try:
            lock.acquire()
        except Timeout as exc:
            raise IndexBusy(
                f"the index at {self.dir} is busy: another process is writing to it; "
                "wait for it to finish, then retry"
            ) from exc
        try:
            with self._guard:
                self._dirty = False
                yield
                if self._dirty:
                    self._keyword = self._rebuild_keyword_index(self.generation())
        finally:
            self._dirty = False
            lock.release()

    def _begin_change(self) -> None:
        # Stamped before the first change, so a write killed half-way leaves the cache stale.
        if not self._dirty:
            _chroma_call(
                "start a write", lambda: self.collection.modify(metadata={"generation": uuid.uuid4().hex})
            )
            self._dirty = True

    def upsert(self, chunks: Sequence[Chunk], vectors: np.ndarray, extra: Sequence[dict[str, Any]]) -> None:
        """Insert or replace chunks with their vectors; `extra` adds per-chunk metadata."""
        if not chunks:
            return
        metadatas = [_chunk_metadata(c) | e for c, e in zip(chunks, extra, strict=True)]
        self._begin_change()
        _chroma_call(
            "write chunks",
            lambda: self.collection.upsert(
                ids=[c.chunk_id for c in chunks],
                embeddings=vectors,
                documents=[c.text for c in chunks],
                metadatas=metadatas,
            ),
        )

    def delete(self, ids: Sequence[str]) -> None:
        """Delete chunks by id."""
        if ids:
            self._begin_change()
        for i in range(0, len(ids), PAGE):
            batch = list(ids[i : i + PAGE])
            _chroma_call("delete chunks", lambda b=batch: self.collection.delete(ids=b))

    def file_records(self) -> dict[str, FileRecord]:
        """Summarise the index per source file, in one pass over the metadata."""
        seen: dict[str, dict[str, Any]] = {}
        for chunk_id, _, meta in self._scan(include=["metadatas"]):
            rec = seen.setdefault(meta["path"], {"hashes": set(), "docs": {}, "ids": set()})
            rec["hashes"].add(meta.get("file_hash", ""))
            rec["docs"].setdefault(meta["doc_id"], [meta.get("doc_chunks", 0), 0])[1] += 1
            rec["ids"].add(chunk_id)
        return {
            path: FileRecord(
                file_hash=next(iter(rec["hashes"])) if len(rec["hashes"]) == 1 else "",
                doc_ids=frozenset(rec["docs"]),
                chunk_ids=frozenset(rec["ids"]),
                complete=len(rec["hashes"]) == 1 and all(want == got for want, got in rec["docs"].values()),
            )
            for path, rec in seen.items()
        }

    def stored_vectors(self, text_hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """Return vectors already in the index for these text hashes (reused instead of re-embedding)."""
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(text_hashes), PAGE):
            batch = list(text_hashes[i : i + PAGE])
            got = _chroma_call(
                "read vectors",
                lambda b=batch: self.collection.get(
                    where={"text_hash": {"$in": b}}, include=["embeddings", "metadatas"]
                ),
            )
            for meta, vector in zip(got["metadatas"], got["embeddings"], strict=True):
                found[meta["text_hash"]] = np.asarray(vector, dtype=np.float32)
        return found

    def dense(self, vector: np.ndarray, n: int, filters: Filters) -> list[tuple[str, float]]:
        """Return up to `n` `(chunk_id, cosine similarity)` pairs nearest to `vector`."""
        total = self.count()
        if total == 0:
            return []
        got = _chroma_call(
            "search vectors",
            lambda: self.collection.query(
                query_embeddings=[vector],
                n_results=min(n, total),
                where=_where(filters),
                include=["distances"],
            ),
        )
        return [(cid, 1.0 - float(d)) for cid, d in zip(got["ids"][0], got["distances"][0], strict=True)]

    def keyword_index(self) -> KeywordIndex:
        """The BM25 cache, reloaded or rebuilt when another write changed the collection."""
        generation = self.generation()
        with self._guard:
            if self._keyword is None or self._keyword.generation != generation:
                self._keyword = self._load_keyword_index(generation) or self._rebuild_keyword_index(
                    generation
                )
            return self._keyword

    def _scan(self, include: list[str]) -> Iterator[tuple[str, str | None, dict[str, Any]]]:
        offset = 0
        while True:
            got = _chroma_call(
                "read chunks",
                lambda o=offset: self.collection.get(include=include, limit=PAGE, offset=o),
            )
            docs = got.get("documents") or [None] * len(got["ids"])
            yield from zip(got["ids"], docs, got["metadatas"], strict=True)
            if len(got["ids"]) < PAGE:
                return
            offset += PAGE

    def _load_keyword_index(self, generation: str) -> KeywordIndex | None:
        manifest = self.cache_dir / "chunks.json"
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if data.get("format") != CACHE_FORMAT or data.get("generation") != generation:
            return None
        chunks = [Chunk(**c) for c in data["chunks"]]
        retriever = _load_bm25(self.cache_dir) if chunks else None
        if chunks and retriever is None:
            return None
        return KeywordIndex(generation, chunks, retriever)

    def _rebuild_keyword_index(self, generation: str) -> KeywordIndex:
        cached = self._cached_terms()
        chunks: list[Chunk] = []
        corpus: list[list[str]] = []
        for chunk_id, text, meta in self._scan(include=["documents", "metadatas"]):
            chunk = _chunk_from_record(chunk_id, text or "", meta)
            chunks.append(chunk)
            corpus.append(cached.get(chunk.text_hash) or terms(chunk.index_text))
        retriever = _build_bm25(corpus) if chunks else None
        self._save_keyword_index(generation, chunks, corpus, retriever)
        log.info("rebuilt the BM25 index over %d chunks", len(chunks))
        return KeywordIndex(generation, chunks, retriever)

    def _cached_terms(self) -> dict[str, list[str]]:
        try:
            data = json.loads((self.cache_dir / "terms.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
            return {}
        return data.get("terms", {})

    def _save_keyword_index(
        self, generation: str, chunks: list[Chunk], corpus: list[list[str]], retriever: bm25s.BM25 | None
    ) -> None:
        tmp = self.cache_dir.with_name(f"{self.cache_dir.name}.tmp-{uuid.uuid4().hex[:8]}")
        tmp.mkdir(parents=True)
        if retriever is not None:
            retriever.save(str(tmp), show_progress=False)
        hashes = [c.text_hash for c in chunks]
        cached = {"format": CACHE_FORMAT, "terms": dict(zip(hashes, corpus, strict=True))}
        (tmp / "terms.json").write_text(json.dumps(cached, ensure_ascii=False), encoding="utf-8")
        manifest = {"format": CACHE_FORMAT, "generation": generation, "chunks": [_asdict(c) for c in chunks]}
        (tmp / "chunks.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
        old = self.cache_dir.with_name(f"{self.cache_dir.name}.old-{uuid.uuid4().hex[:8]}")
        if self.cache_dir.exists():
            self.cache_dir.rename(old)
        tmp.rename(self.cache_dir)
        shutil.rmtree(old, ignore_errors=True)


def collection_name(embedder_name: str) -> str:
    """Name the collection after the embedding model, so vectors of two models never mix."""
    return f"chunks-{embedder_name}"


@lru_cache(maxsize=8)
def _cached_store(settings: Settings, collection: str) -> Store:
    return Store(settings, collection)


def get_store(*, settings: Settings | None = None) -> Store:
    """Return the process-wide store for the configured index and embedding model."""
    from rag.embeddings import get_embedder

    settings = settings or get_settings()
    return _cached_store(settings, collection_name(get_embedder(settings=settings).name))


@lru_cache(maxsize=8)
def _client(host: str | None, port: int, path: str) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if host:
        return _chroma_call(
            f"connect to the Chroma server at {host}:{port}",
            lambda: chromadb.HttpClient(host=host, port=port, settings=chroma_settings),
        )
    Path(path).mkdir(parents=True, exist_ok=True)
    return _chroma_call(
        f"open the index at {path}",
        lambda: chromadb.PersistentClient(path=str(Path(path) / "chroma"), settings=chroma_settings),
    )


def _chroma_call(what: str, call: Any) -> Any:
    from chromadb.errors import ChromaError

    try:
        return call()
    except (ChromaError, OSError, ValueError, RuntimeError) as exc:
        raise StoreUnavailable(
            f"could not {what}: {exc}. Check RAG_DATA_DIR (or CHROMA_HOST/CHROMA_PORT for a server)"
        ) from exc


def _where(filters: Filters) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    if filters.sources:
        clauses.append({"source": {"$in": list(filters.sources)}})
    if filters.paths:
        clauses.append({"path": {"$in": list(filters.paths)}})
    if filters.since:
        clauses.append({"date_num": {"$gte": date_number(filters.since)}})
    if filters.until:
        clauses.append({"date_num": {"$lte": date_number(filters.until)}})
        clauses.append({"date_num": {"$gt": 0}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _asdict(chunk: Chunk) -> dict[str, Any]:
    return {f.name: getattr(chunk, f.name) for f in fields(Chunk)}


def _chunk_metadata(chunk: Chunk) -> dict[str, Any]:
    # Chroma rejects None values: an unknown outlet or date is a missing key.
    meta = {k: v for k, v in _asdict(chunk).items() if v is not None and k not in ("chunk_id", "text")}
    meta["date_num"] = date_number(chunk.date)
    meta["text_hash"] = chunk.text_hash
    return meta


def _chunk_from_record(chunk_id: str, text: str, meta: dict[str, Any]) -> Chunk:
    known = {f.name: meta.get(f.name) for f in fields(Chunk) if f.name not in ("chunk_id", "text")}
    return Chunk(chunk_id=chunk_id, text=text, **known)


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
    except (OSError, ValueError):
        return None
