"""The index: Chroma holds chunks, vectors and metadata (the source of truth); BM25 is a derived cache.

This is the only module that touches chromadb. Writers hold a file lock, and every write first stamps
a new generation on the collection, so a BM25 cache (`rag.keyword`) built before the write, or a
write killed half-way, is recognised as stale and rebuilt from Chroma.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from rag import keyword
from rag.config import Settings, get_settings
from rag.errors import IndexBusy, StoreUnavailable
from rag.keyword import KeywordIndex, date_number
from rag.types import Chunk, Filters

log = logging.getLogger(__name__)

PAGE = 2000


@dataclass(frozen=True, slots=True)
class FileRecord:
    """What the index holds for one source file."""

    file_hash: str
    doc_ids: frozenset[str]
    chunk_ids: frozenset[str]
    text_hashes: frozenset[str]
    complete: bool


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
            rec = seen.setdefault(meta["path"], {"hashes": set(), "docs": {}, "ids": set(), "texts": set()})
            rec["hashes"].add(meta.get("file_hash", ""))
            rec["texts"].add(meta.get("text_hash", ""))
            rec["docs"].setdefault(meta["doc_id"], [meta.get("doc_chunks", 0), 0])[1] += 1
            rec["ids"].add(chunk_id)
        return {
            path: FileRecord(
                file_hash=next(iter(rec["hashes"])) if len(rec["hashes"]) == 1 else "",
                doc_ids=frozenset(rec["docs"]),
                chunk_ids=frozenset(rec["ids"]),
                text_hashes=frozenset(rec["texts"]),
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
        """Return up to `n` (at most the number of chunks) `(chunk_id, cosine similarity)` pairs."""
        if n <= 0:
            return []
        got = _chroma_call(
            "search vectors",
            lambda: self.collection.query(
                query_embeddings=[vector],
                n_results=n,
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
                self._keyword = keyword.load(self.cache_dir, generation) or self._rebuild_keyword_index(
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

    def _rebuild_keyword_index(self, generation: str) -> KeywordIndex:
        records = self._scan(include=["documents", "metadatas"])
        chunks = (_chunk_from_record(chunk_id, text or "", meta) for chunk_id, text, meta in records)
        return keyword.rebuild(chunks, generation, self.cache_dir)


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


def _chunk_metadata(chunk: Chunk) -> dict[str, Any]:
    # Chroma rejects None values: an unknown outlet or date is a missing key.
    meta = {k: v for k, v in asdict(chunk).items() if v is not None and k not in ("chunk_id", "text")}
    meta["date_num"] = date_number(chunk.date)
    meta["text_hash"] = chunk.text_hash
    return meta


def _chunk_from_record(chunk_id: str, text: str, meta: dict[str, Any]) -> Chunk:
    known = {f.name: meta.get(f.name) for f in fields(Chunk) if f.name not in ("chunk_id", "text")}
    return Chunk(chunk_id=chunk_id, text=text, **known)
