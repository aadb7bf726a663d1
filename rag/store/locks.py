"""One writer at a time per index: a file lock for an on-disk index, a lease for a Chroma server.

Several processes (apps, `python -m ingest` runs, on one machine or many) may share one Chroma server,
so the server's writer lock must live on the server itself. The lease is a small collection named
`<collection>.writer`: creating a collection whose name exists fails on the server, which makes taking
the lease atomic. Its metadata names the holder and an expiry that a heartbeat keeps extending; a lease
whose holder crashed expires (or, on the holder's own machine, is taken over as soon as its process is
gone). A stale lease is first renamed — by id, so only that lease is touched — and then dropped.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from rag.errors import IndexBusy

log = logging.getLogger(__name__)

POLL_SECONDS = 0.25


class WriterLock(Protocol):
    """What `Store.writing` needs from a lock."""

    def acquire(self) -> None:
        """Take the lock, or raise `IndexBusy`."""

    def release(self) -> None:
        """Let the next writer in."""

    def check(self) -> None:
        """Raise `IndexBusy` if the lock was lost since `acquire`."""


class FileWriterLock:
    """An OS file lock beside an on-disk index; the OS releases it when the holder dies.

    Args:
        directory: the index directory.
        wait: seconds to wait for another writer before failing.
    """

    def __init__(self, directory: Path, wait: float) -> None:
        from filelock import FileLock

        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self.wait = wait
        self._lock = FileLock(str(directory / "write.lock"))

    def acquire(self) -> None:
        """Take the lock.

        Raises:
            IndexBusy: another process still holds it after `wait` seconds.
        """
        from filelock import Timeout

        try:
            self._lock.acquire(timeout=self.wait)
        except Timeout as exc:
            raise IndexBusy(
                f"the index at {self.directory} is busy: another process is writing to it; "
                "wait for it to finish, then retry (or set RAG_LOCK_WAIT to queue behind it)"
            ) from exc

    def release(self) -> None:
        """Let the next writer in."""
        self._lock.release()

    def check(self) -> None:
        """A file lock cannot be lost while its holder lives."""


class ChromaLease:
    """A writer lease stored on a Chroma server, kept alive by a heartbeat thread.

    Args:
        client: a chromadb client.
        name: the lease collection's name.
        ttl: seconds a lease lives without a heartbeat.
        wait: seconds to wait for another writer before failing.
        where: how to name the server in messages.
    """

    def __init__(self, client: Any, name: str, *, ttl: float, wait: float, where: str) -> None:
        self.client = client
        self.name = name
        self.ttl = ttl
        self.wait = wait
        self.where = where
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._lease: Any = None
        self._stop = threading.Event()
        self._lost = threading.Event()
        self._beat: threading.Thread | None = None
        self._renewed = 0.0

    def acquire(self) -> None:
        """Take the lease, taking over one whose holder is gone.

        Raises:
            IndexBusy: a live writer still holds it after `wait` seconds.
        """
        from chromadb.errors import ChromaError, NotFoundError

        deadline = time.monotonic() + self.wait
        while True:
            try:
                self._lease = self.client.create_collection(
                    self.name, metadata=self._metadata(), embedding_function=None
                )
                break
            except ChromaError as exc:
                if "already exists" not in str(exc):
                    raise
            try:
                held = self.client.get_collection(self.name, embedding_function=None)
            except NotFoundError:
                continue
            meta = held.metadata or {}
            if _stale(meta):
                self._drop(held)
                continue
            if time.monotonic() >= deadline:
                until = datetime.fromtimestamp(float(meta.get("expires", 0)), UTC).strftime("%H:%M:%S UTC")
                raise IndexBusy(
                    f"the index on {self.where} is busy: {meta.get('owner', 'another process')} is "
                    f"writing to it (lease renewed until {until}); wait for it to finish, then retry "
                    "(or set RAG_LOCK_WAIT to queue behind it)"
                )
            time.sleep(POLL_SECONDS)
        self._stop.clear()
        self._lost.clear()
        self._renewed = time.monotonic()
        self._beat = threading.Thread(target=self._heartbeat, name="chroma-lease", daemon=True)
        self._beat.start()

    def release(self) -> None:
        """Stop the heartbeat and drop the lease (unless it was already taken over)."""
        self._stop.set()
        if self._beat is not None:
            self._beat.join()
        if not self._lost.is_set():
            self._drop(self._lease)
        self._lease = None

    def check(self) -> None:
        """Raise before a write if the lease is gone, or could not be renewed for most of its life.

        Raises:
            IndexBusy: the lease expired (another writer may have taken it over).
        """
        if self._lost.is_set() or time.monotonic() - self._renewed > 0.9 * self.ttl:
            raise IndexBusy(
                f"lost the write lease on {self.where}: this writer stalled longer than "
                f"RAG_LOCK_TTL ({self.ttl:g} s) and another took over; re-run to finish"
            )

    def _metadata(self) -> dict[str, Any]:
        return {
            "owner": self.owner,
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "expires": time.time() + self.ttl,
        }

    def _heartbeat(self) -> None:
        from chromadb.errors import NotFoundError

        while not self._stop.wait(self.ttl / 3):
            try:
                self._lease.modify(metadata=self._metadata())
            except NotFoundError:
                self._lost.set()
                return
            except Exception as exc:  # noqa: BLE001 - a network hiccup; `check` stops writes if it lasts
                log.warning("could not renew the write lease on %s: %s", self.where, exc)
                continue
            self._renewed = time.monotonic()

    def _drop(self, held: Any) -> None:
        """Delete a lease by id: renamed first, so a lease created since under the same name is untouched."""
        from chromadb.errors import ChromaError

        stale = f"{self.name}-stale-{uuid.uuid4().hex[:8]}"
        try:
            held.modify(name=stale)
            self.client.delete_collection(stale)
        except ChromaError:
            pass


def _stale(meta: dict[str, Any]) -> bool:
    if float(meta.get("expires", 0)) < time.time():
        return True
    if meta.get("host") != socket.gethostname():
        return False
    try:
        os.kill(int(meta.get("pid", 0)), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, ValueError):
        return False
    return False
