"""The index: Chroma holds chunks, vectors and metadata (the source of truth); BM25 is a derived cache.

This is the only module that opens chromadb clients. Writers hold the index's writer lock (`rag.locks`:
a file lock on disk, a lease on a server), and every write stamps a new generation on the collection
when it starts and when it ends, so a BM25 cache (`rag.keyword`) built before or during the write, or
left by a write killed half-way, is recognised as stale and rebuilt from Chroma.
"""

from __future__ import annotations

import logging
import shutil
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
from rag.errors import StoreUnavailable, redact
from rag.keyword import KeywordIndex, date_number
from rag.locks import ChromaLease, FileWriterLock, WriterLock
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
        self._opened_with: Any = None
        self._seen = ""
        self._keyword: KeywordIndex | None = None
        self._dirty = False
        self._lock: WriterLock | None = None
        self._guard = threading.RLock()
        self._stamped: set[str] = set()

    @property
    def collection(self) -> Any:
        """The Chroma collection, created on first use (cosine space, vectors always supplied)."""
        client = _client(self.settings)
        if self._collection is None or self._opened_with is not client:
            self._opened_with = client
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
        """The collection's current write generation (changes at the start and end of every write)."""
        name = self.collection.name
        client = _client(self.settings)
        fresh = _chroma_call(
            "read the collection", lambda: client.get_collection(name, embedding_function=None)
        )
        return str((fresh.metadata or {}).get("generation", ""))

    @contextmanager
    def writing(self, *, reset: bool = False) -> Iterator[None]:
        """Hold the index's writer lock for the duration (see `rag.locks`).

        A new generation is stamped before the first change and again when the write completes, so
        a BM25 cache built by any process before or during the write is recognised as stale. With
        `reset`, the index is dropped first so it can be re-created from the source files: on disk
        the whole Chroma directory goes (it may be damaged beyond opening), on a server this
        collection; the BM25 cache goes too.

        Raises:
            IndexBusy: another process holds the lock longer than `lock_wait` seconds.
        """
        lock = self._writer_lock()
        _chroma_call("take the write lock", lock.acquire)
        try:
            with self._guard:
                if reset:
                    self._drop()
                self._follow(self.generation())
                self._lock = lock
                self._dirty = False
                yield
                if self._dirty:
                    self._keyword = self._rebuild_keyword_index(self._stamp())
        finally:
            self._dirty = False
            self._lock = None
            lock.release()

    def _writer_lock(self) -> WriterLock:
        if not self.settings.chroma_host:
            return FileWriterLock(self.dir, self.settings.lock_wait)
        return ChromaLease(
            _client(self.settings),
            f"{self.name}.writer",
            ttl=self.settings.lock_ttl,
            wait=self.settings.lock_wait,
            where=f"the Chroma server {self.settings.chroma_host}:{self.settings.chroma_port}",
        )

    def _stamp(self) -> str:
        """Write a new generation on the collection; returns it."""
        stamp = uuid.uuid4().hex
        # Noted before it is written: a reader of this process that sees it must not take it for
        # another process's write (and close the client this write is using).
        self._stamped.add(stamp)
        _chroma_call("stamp a write", lambda: self.collection.modify(metadata={"generation": stamp}))
        self._seen = stamp
        return stamp

    def _follow(self, generation: str) -> None:
        """Note the generation now in the index.

        One this store did not write means another process did: the on-disk client is reopened to see it.
        """
        foreign = generation != self._seen and generation not in self._stamped
        if self._seen and foreign and not self.settings.chroma_host:
            _reopen(self.settings)
        self._seen = generation

    def _begin_change(self) -> None:
        if self._lock is None:
            raise RuntimeError("Store writes must happen inside `with store.writing():`")
        self._lock.check()
        # Stamped before the first change, so a write killed half-way leaves the cache stale.
        if not self._dirty:
            self._stamp()
            self._dirty = True

    def _drop(self) -> None:
        if self.settings.chroma_host:
            from chromadb.errors import NotFoundError

            try:
                _chroma_call(
                    "drop the collection", lambda: _client(self.settings).delete_collection(self.name)
                )
            except StoreUnavailable as exc:
                if not isinstance(exc.__cause__, NotFoundError):
                    raise
        else:
            _reopen(self.settings)
            shutil.rmtree(self.dir / "chroma", ignore_errors=True)
        shutil.rmtree(self.cache_dir, ignore_errors=True)
        self._collection = None
        self._keyword = None
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
        for chunk_id, _, meta, _ in self._scan(include=["metadatas"]):
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

    def nearest(self, vectors: Sequence[np.ndarray], n: int, filters: Filters) -> dict[str, np.ndarray]:
        """The stored vectors of the `n` chunks nearest to each of `vectors` (one query), by chunk id."""
        if n <= 0:
            return {}
        got = _chroma_call(
            "search vectors",
            lambda: self.collection.query(
                query_embeddings=list(vectors), n_results=n, where=_where(filters), include=["embeddings"]
            ),
        )
        found: dict[str, np.ndarray] = {}
        for ids, embeddings in zip(got["ids"], got["embeddings"], strict=True):
            for cid, vector in zip(ids, embeddings, strict=True):
                found[cid] = np.asarray(vector, dtype=np.float32)
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
            self._follow(generation)
            if self._keyword is None or self._keyword.generation != generation:
                self._keyword = keyword.load(self.cache_dir, generation) or self._rebuild_keyword_index(
                    generation
                )
            return self._keyword

    def _scan(self, include: list[str]) -> Iterator[tuple[str, str | None, dict[str, Any], Any]]:
        """Every chunk's id, text, metadata and vector (None for what `include` leaves out), page by page."""
        offset = 0
        while True:
            got = _chroma_call(
                "read chunks",
                lambda o=offset: self.collection.get(include=include, limit=PAGE, offset=o),
            )
            empty = [None] * len(got["ids"])
            docs = got.get("documents") or empty
            vectors = got.get("embeddings")
            vectors = empty if vectors is None else vectors
            yield from zip(got["ids"], docs, got["metadatas"], vectors, strict=True)
            if len(got["ids"]) < PAGE:
                return
            offset += PAGE

    def chunks_with_vectors(self) -> Iterator[tuple[Chunk, np.ndarray]]:
        """Every stored chunk with its vector, page by page: what the keyword index is derived from."""
        for cid, text, meta, vector in self._scan(include=["documents", "metadatas", "embeddings"]):
            yield _chunk_from_record(cid, text or "", meta), vector

    def _rebuild_keyword_index(self, generation: str) -> KeywordIndex:
        return keyword.rebuild(self.chunks_with_vectors(), generation, self.cache_dir)


def collection_name(prefix: str, embedder_name: str) -> str:
    """Name the collection after the embedding model, so vectors of two models never mix."""
    return f"{prefix}-{embedder_name}"


@lru_cache(maxsize=8)
def _cached_store(settings: Settings, collection: str) -> Store:
    return Store(settings, collection)


def get_store(*, settings: Settings | None = None) -> Store:
    """Return the process-wide store for the configured index and embedding model."""
    from rag.embeddings import get_embedder

    settings = settings or get_settings()
    return _cached_store(settings, collection_name(settings.collection, get_embedder(settings=settings).name))


_clients: dict[tuple[Any, ...], Any] = {}
_clients_lock = threading.Lock()


def _client_key(settings: Settings) -> tuple[Any, ...]:
    headers: tuple[tuple[str, str], ...] = ()
    if settings.chroma_token:
        header = settings.chroma_token_header
        value = f"Bearer {settings.chroma_token}" if header == "Authorization" else settings.chroma_token
        headers = ((header, value),)
    return (settings.chroma_host, settings.chroma_port, settings.chroma_ssl, headers, str(settings.data_dir))


def _client(settings: Settings) -> Any:
    """The process's Chroma client for this index (one per directory or server)."""
    key = _client_key(settings)
    with _clients_lock:
        if key not in _clients:
            _clients[key] = _open_client(*key)
        return _clients[key]


def _reopen(settings: Settings) -> None:
    """Close this index's on-disk client; the next use opens it afresh.

    Chroma's local client caches its vector segments in memory and does not see writes made by another
    process (queries miss the new chunks, lookups fail with "Error finding id").
    """
    with _clients_lock:
        client = _clients.pop(_client_key(settings), None)
    if client is not None and not settings.chroma_host:
        client.close()


def _open_client(
    host: str | None, port: int, ssl: bool, headers: tuple[tuple[str, str], ...], path: str
) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if host:
        return _chroma_call(
            f"connect to the Chroma server at {host}:{port}",
            lambda: chromadb.HttpClient(
                host=host, port=port, ssl=ssl, headers=dict(headers), settings=chroma_settings
            ),
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
            f"could not {what}: {redact(str(exc))}. Check that RAG_DATA_DIR is writable and has free space "
            "(or CHROMA_HOST/CHROMA_PORT for a server); if the index is damaged, re-create it from "
            "the source files with `python -m ingest --rebuild PATH...`"
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
