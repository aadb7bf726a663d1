"""The index: Chroma holds chunks, vectors and metadata (the source of truth); a keyword index follows it.

Reading: `Store.keyword_index()` returns the index derived from Chroma (keywords, records, vectors)
after applying what other writers changed (`rag.store.sync`); dense search reads it too. Writing:
`with store.writing() as w:` holds the index's writer lock (`rag.store.locks`) and gives a `Writer`,
the only way to change the index; it numbers the write and stamps its start and end, so readers
know what to apply.
"""

from __future__ import annotations

import logging
import shutil
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from rag.config import Settings, get_settings
from rag.errors import StoreUnavailable
from rag.store import chroma
from rag.store.keyword import FileRecord, KeywordIndex, Stored
from rag.store.locks import ChromaLease, FileWriterLock, WriterLock
from rag.store.sync import PAGE, Head, catch_up, in_step
from rag.types import Chunk

log = logging.getLogger(__name__)


class Store:
    """One Chroma collection (named after the embedding model) and its keyword index.

    Args:
        settings: where the index lives (`data_dir`, or `chroma_host`/`chroma_port`).
        collection: the collection name; see `collection_name`.
    """

    def __init__(self, settings: Settings, collection: str) -> None:
        self.settings = settings
        self.name = collection
        self.dir = Path(settings.data_dir)
        self._collection: Any = None
        self._opened_with: Any = None
        self._seen = ""
        self._keyword: KeywordIndex | None = None
        self._guard = threading.RLock()
        self._stamped: set[str] = set()

    def _call(self, what: str, action: Any) -> Any:
        return chroma.call(self.settings, what, action)

    @property
    def collection(self) -> Any:
        """The Chroma collection, created on first use (cosine space, vectors always supplied)."""
        client = chroma.client(self.settings)
        if self._collection is None or self._opened_with is not client:
            self._opened_with = client
            self._collection = self._call(
                "open the collection",
                lambda: client.get_or_create_collection(
                    self.name,
                    configuration={"hnsw": {"space": "cosine"}},
                    metadata={"generation": "new", "seq": 0, "done": 0},
                    embedding_function=None,
                ),
            )
        return self._collection

    def _tombstones(self) -> Any:
        """The collection of deleted chunk ids (`seq` and `chunk_id` per deletion; a dummy vector)."""
        client = chroma.client(self.settings)
        return self._call(
            "open the deletion log",
            lambda: client.get_or_create_collection(f"{self.name}.deleted", embedding_function=None),
        )

    def count(self) -> int:
        """Number of chunks in Chroma (what catching up checks against).

        On disk, any read of the collection loads its vectors into this process (200 MB at 100k
        chunks): a process that only answers counts `keyword_index()` instead.
        """
        return self._call("count chunks", self.collection.count)

    def head(self) -> Head:
        """The collection's id, generation and write counters, read afresh."""
        name = self.collection.name
        client = chroma.client(self.settings)
        fresh = self._call(
            "read the collection", lambda: client.get_collection(name, embedding_function=None)
        )
        meta = fresh.metadata or {}
        return Head(
            str(fresh.id), str(meta.get("generation", "")), int(meta.get("seq", 0)), int(meta.get("done", 0))
        )

    def generation(self) -> str:
        """The collection's current write generation (changes at the start and end of every write)."""
        return self.head().generation

    # -- reading -------------------------------------------------------------------------------

    def keyword_index(self) -> KeywordIndex:
        """The keyword index, after applying what other writers changed since it last looked."""
        head = self.head()
        with self._guard:
            self._follow(head.generation)
            index = self._keyword_index(head)
        if not in_step(index, head):
            self._catch_up(index, head, wait=False)
        return index

    @property
    def keyword_dir(self) -> Path:
        """Where the keyword index of the collection now in Chroma lives."""
        return self._keyword_dir(self.head().collection)

    def _keyword_dir(self, collection_id: str) -> Path:
        """The keyword index's folder: per collection on disk, per collection id for a server's.

        A server's collection keeps its id wherever the server runs, so a client finds its index again
        after the server moves to another host or port, and two servers' collections of the same name
        never share one.
        """
        if self.settings.chroma_host:
            return self.dir / f"keyword-{self.name}-{collection_id}"
        return self.dir / f"keyword-{self.name}"

    def _keyword_index(self, head: Head) -> KeywordIndex:
        directory = self._keyword_dir(head.collection)
        if self._keyword is None or self._keyword.directory != directory:
            self._keyword = KeywordIndex(directory)
            # Derived data of older versions, now unused: the BM25 cache, and a server client's keyword
            # index named after the server's address.
            server = self.settings.chroma_host
            where = f"{server}-{self.settings.chroma_port}-" if server else ""
            for old in {f"bm25-{where}{self.name}", f"keyword-{where}{self.name}"} - {directory.name}:
                shutil.rmtree(self.dir / old, True)
        return self._keyword

    def _catch_up(self, index: KeywordIndex, head: Head, *, wait: bool = True) -> None:
        try:
            catch_up(self, index, head, wait=wait)
        except StoreUnavailable as exc:
            if not index.writable:
                log.warning("the keyword index cannot follow the latest writes: %s", exc)
                return
            raise

    def stored_vectors(self, text_hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """Return vectors already in the index for these text hashes (reused instead of re-embedding)."""
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(text_hashes), PAGE):
            batch = list(text_hashes[i : i + PAGE])
            got = self._call(
                "read vectors",
                lambda b=batch: self.collection.get(
                    where={"text_hash": {"$in": b}}, include=["embeddings", "metadatas"]
                ),
            )
            for meta, vector in zip(got["metadatas"], got["embeddings"], strict=True):
                found[meta["text_hash"]] = np.asarray(vector, dtype=np.float32)
        return found

    # -- what catching up reads (`rag.store.sync.Source`) -----------------------------------------

    def all_ids(self) -> list[str]:
        """Every chunk id."""
        return list(self._call("list chunks", lambda: self.collection.get(include=[]))["ids"])

    def changed_ids(self, since_seq: int) -> list[str]:
        """Ids of chunks stored or deleted by writes numbered `since_seq` or later."""
        where = {"seq": {"$gte": since_seq}}
        stored = self._call("list changed chunks", lambda: self.collection.get(where=where, include=[]))[
            "ids"
        ]
        deleted = self._call(
            "read the deletion log", lambda: self._tombstones().get(where=where, include=["metadatas"])
        )["metadatas"]
        return list(dict.fromkeys([*stored, *(m["chunk_id"] for m in deleted)]))

    def stored(self, chunk_ids: list[str]) -> list[Stored]:
        """These chunks as Chroma holds them now (ids no longer there are left out)."""
        got = self._call(
            "read chunks",
            lambda: self.collection.get(ids=chunk_ids, include=["documents", "metadatas", "embeddings"]),
        )
        return [
            Stored(
                chroma.chunk_from_record(cid, text or "", meta), np.asarray(vector), meta.get("file_hash", "")
            )
            for cid, text, meta, vector in zip(
                got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
            )
        ]

    def chunks_with_vectors(self) -> Iterator[tuple[Chunk, np.ndarray]]:
        """Every stored chunk with its vector, page by page."""
        ids = self.all_ids()
        for i in range(0, len(ids), PAGE):
            for s in self.stored(ids[i : i + PAGE]):
                yield s.chunk, s.vector

    # -- writing -------------------------------------------------------------------------------

    @contextmanager
    def writing(self, *, reset: bool = False) -> Iterator[Writer]:
        """Hold the index's writer lock for the duration; the `Writer` makes the changes.

        With `reset`, the index is dropped first so it can be re-created from the source files: on disk
        the whole Chroma directory goes (it may be damaged beyond opening), on a server this
        collection and its deletion log; the keyword index is rebuilt from what follows.

        Raises:
            IndexBusy: another process holds the lock longer than `lock_wait` seconds.
        """
        lock = self._writer_lock()
        self._call("take the write lock", lock.acquire)
        try:
            with self._guard:
                if reset:
                    self._drop()
                head = self.head()
                self._follow(head.generation)
                index = self._keyword_index(head)
            self._catch_up(index, head)
            # Readers of this process go on meanwhile: the guard is not held while the write runs.
            writer = Writer(self, lock, index, head)
            yield writer
            if writer.changed:
                self._stamp(writer.seq, writer.seq)
                self._catch_up(index, self.head())
        finally:
            lock.release()

    def _writer_lock(self) -> WriterLock:
        if not self.settings.chroma_host:
            return FileWriterLock(self.dir, self.settings.lock_wait)
        return ChromaLease(
            chroma.client(self.settings),
            f"{self.name}.writer",
            ttl=self.settings.lock_ttl,
            wait=self.settings.lock_wait,
            where=chroma.where_text(self.settings),
        )

    def _stamp(self, seq: int, done: int) -> None:
        """Write a new generation and the write counters on the collection."""
        stamp = uuid.uuid4().hex
        # Noted before it is written: a reader of this process that sees it must not take it for
        # another process's write (and close the client this write is using).
        self._stamped.add(stamp)
        metadata = {"generation": stamp, "seq": seq, "done": done}
        self._call("stamp a write", lambda: self.collection.modify(metadata=metadata))
        self._seen = stamp

    def _follow(self, generation: str) -> None:
        """Note the generation now in the index.

        One this store did not write means another process did: the on-disk client is reopened to see it.
        """
        foreign = generation != self._seen and generation not in self._stamped
        if self._seen and foreign and not self.settings.chroma_host:
            chroma.reopen(self.settings)
        self._seen = generation

    def _drop(self) -> None:
        if self.settings.chroma_host:
            # The dropped collection's keyword index goes with it (its successor gets a new id).
            shutil.rmtree(self._keyword_dir(self.head().collection), ignore_errors=True)
            self._keyword = None
            client = chroma.client(self.settings)
            for name in (self.name, f"{self.name}.deleted"):
                try:
                    self._call("drop the collection", lambda n=name: client.delete_collection(n))
                except StoreUnavailable as exc:
                    if not chroma.not_found(exc):
                        raise
        else:
            chroma.reopen(self.settings)
            shutil.rmtree(self.dir / "chroma", ignore_errors=True)
        self._collection = None


class Writer:
    """The handle of one write (`Store.writing`): every change goes through it, under the lock.

    The write is numbered one past the last one started; the first change stamps that number (and a
    new generation) on the collection, so a write killed half-way is redone by readers' catch-up.
    """

    def __init__(self, store: Store, lock: WriterLock, index: KeywordIndex, head: Head) -> None:
        self.store = store
        self.index = index
        self.seq = head.seq + 1
        self.changed = False
        self._lock = lock
        self._done = head.done

    def _begin_change(self) -> None:
        self._lock.check()
        if not self.changed:
            self.store._stamp(self.seq, self._done)
            self.changed = True

    def upsert(self, chunks: Sequence[Chunk], vectors: np.ndarray, extra: Sequence[dict[str, Any]]) -> None:
        """Insert or replace chunks with their vectors; `extra` adds per-chunk metadata."""
        if not chunks:
            return
        metadatas = [chroma.chunk_metadata(c, self.seq) | e for c, e in zip(chunks, extra, strict=True)]
        self._begin_change()
        self.store._call(
            "write chunks",
            lambda: self.store.collection.upsert(
                ids=[c.chunk_id for c in chunks],
                embeddings=vectors,
                documents=[c.text for c in chunks],
                metadatas=metadatas,
            ),
        )

    def delete(self, ids: Sequence[str]) -> None:
        """Delete chunks by id (logged first, so readers learn of it even if this process dies)."""
        if not ids:
            return
        self._begin_change()
        log_ = self.store._tombstones()
        for i in range(0, len(ids), PAGE):
            batch = list(ids[i : i + PAGE])
            self.store._call(
                "log deletions",
                lambda b=batch: log_.upsert(
                    ids=[f"{self.seq}:{cid}" for cid in b],
                    embeddings=[[0.0]] * len(b),
                    metadatas=[{"seq": self.seq, "chunk_id": cid} for cid in b],
                ),
            )
            self.store._call("delete chunks", lambda b=batch: self.store.collection.delete(ids=b))

    def file_records(
        self, paths: Iterable[str] | None = None, *, under: Iterable[Path] = ()
    ) -> dict[str, FileRecord]:
        """What the index held for these files when the write began (or at the last `refresh`)."""
        return self.index.file_records(paths=paths, under=under)

    def refresh(self) -> None:
        """Bring the keyword index up to this write's changes so far (its views then include them)."""
        self.store._catch_up(self.index, self.store.head())

    def stored_vectors(self, text_hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """See `Store.stored_vectors`."""
        return self.store.stored_vectors(text_hashes)


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
