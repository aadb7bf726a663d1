"""Watched folders: the index follows folders that a scraper (or a person) writes into.

`FolderWatch.run` first syncs each folder (adds, updates, and removes what is gone), then follows
changes with watchfiles: new, edited, renamed, moved-in and deleted files and folders. A changed file is
ingested only once its size and modification time have stayed the same for `settle` seconds, so a file
still being written is not indexed half-way. A file that fails stays listed with its reason and is
retried when it changes again. Writes go through the index's writer lock: when another process holds it,
the changes wait and are retried.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel

from ingest.index import IngestReport, ingest, remove
from ingest.loaders import SUFFIXES
from rag.config import Settings
from rag.errors import BadRequest, RagError

log = logging.getLogger(__name__)

TICK_MS = 250


class WatchStatus(BaseModel):
    """What a watch has done: its folders, its last sync, what waits, and what failed (path: reason)."""

    folders: list[str]
    last_sync: str | None = None
    last_summary: str | None = None
    pending: int = 0
    failed: dict[str, str] = {}
    problem: str | None = None


class FolderWatch:
    """Keep the index in step with `folders` until `stop` is called.

    Args:
        folders: the folders to follow (each is synced first, with removal of what is gone).
        settings: the index to write to.
        on_sync: called after every sync that changed or failed something, with its report.

    Raises:
        BadRequest: one of `folders` is not a folder.
    """

    def __init__(
        self,
        folders: Sequence[Path],
        *,
        settings: Settings,
        on_sync: Callable[[IngestReport], None] | None = None,
    ) -> None:
        self.folders = [Path(f).expanduser().resolve() for f in folders]
        missing = [str(f) for f in self.folders if not f.is_dir()]
        if missing:
            raise BadRequest(f"cannot watch {', '.join(missing)}: not a folder")
        self.settings = settings
        self.on_sync = on_sync
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._pending: dict[Path, tuple[int, int, float] | None] = {}
        self._status = WatchStatus(folders=[str(f) for f in self.folders])
        self._thread: threading.Thread | None = None

    @property
    def status(self) -> WatchStatus:
        """A copy of the current status (safe to read from any thread)."""
        with self._lock:
            return self._status.model_copy(deep=True, update={"pending": len(self._pending)})

    def start(self) -> None:
        """Run in a background thread (the app's way)."""
        self._thread = threading.Thread(target=self.run, name="folder-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop watching after the sync in progress, if any (waited for when the watch runs in a thread)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def run(self) -> None:
        """Sync every folder, then follow changes until `stop`."""
        import watchfiles

        batches = watchfiles.watch(
            *self.folders,
            watch_filter=lambda _change, raw: _relevant(Path(raw), self.folders),
            debounce=TICK_MS * 2,
            step=50,
            stop_event=self._stop,
            rust_timeout=TICK_MS,
            yield_on_timeout=True,
        )
        # The first batch starts the watcher: from here on nothing written, even during the first
        # sync, is missed (a file written before it is found by that sync).
        self._note(next(batches, set()))
        while not self._stop.is_set() and not self._sync(
            lambda: ingest(self.folders, prune=True, settings=self.settings), self.folders, first=True
        ):
            pass
        for changes in batches:
            self._note(changes)
            if not self._stop.is_set():  # a stop asked for since the batch came starts no new write
                self._sync_settled()

    def _note(self, changes: set[tuple[object, str]]) -> None:
        with self._lock:
            for _, raw in changes:
                self._pending[Path(raw)] = None

    def _sync_settled(self) -> None:
        """Sync the pending paths that have settled (gone, or unchanged for `settle` seconds)."""
        now = time.monotonic()
        ready: list[Path] = []
        with self._lock:
            for path, seen in list(self._pending.items()):
                shape = _shape(path)
                if shape is None or (
                    seen is not None and seen[:2] == shape and now - seen[2] >= self.settings.watch_settle
                ):
                    ready.append(path)
                elif seen is None or seen[:2] != shape:
                    self._pending[path] = (*shape, now)
        if not ready:
            return
        present = [p for p in ready if p.exists()]
        gone = [p for p in ready if not p.exists()]

        def write() -> IngestReport:
            report = ingest(present, settings=self.settings) if present else IngestReport()
            if gone:
                removed = remove(gone, settings=self.settings)
                report.deleted += removed.deleted
            return report

        self._sync(write, ready)

    def _sync(self, write: Callable[[], IngestReport], paths: Sequence[Path], *, first: bool = False) -> bool:
        """Run one write; False when it could not run (it is retried)."""
        try:
            report = write()
        except RagError as exc:  # the index is busy or unavailable: try again on the next tick
            log.warning("watched folders: %s; retrying", exc)
            with self._lock:
                self._status.problem = str(exc)
                for path in paths:
                    self._pending.setdefault(path, None)
            self._stop.wait(TICK_MS * 4 / 1000)
            return False
        with self._lock:
            for path in paths:
                self._pending.pop(path, None)
            failed = {p.path: p.error for p in report.failed}
            for path in paths:
                for known in [k for k in self._status.failed if Path(k).is_relative_to(path)]:
                    self._status.failed.pop(known)
            self._status.failed.update(failed)
            self._status.problem = None
            if first or report.added or report.updated or report.deleted or failed:
                self._status.last_sync = datetime.now(UTC).isoformat(timespec="seconds")
                self._status.last_summary = _summary(report)
        if self.on_sync is not None and (
            first or report.added or report.updated or report.deleted or report.failed
        ):
            self.on_sync(report)
        return True


def _relevant(path: Path, folders: list[Path]) -> bool:
    """Files of a type we read, and folders (moved in or deleted); nothing hidden inside a watched folder.

    Only the part below the watched folder counts: a folder that itself lies under a hidden one
    (`~/.local/share/…`) is watched like any other, as `ingest` reads it.
    """
    inside = next((path.relative_to(f) for f in folders if path.is_relative_to(f)), path)
    if any(part.startswith(".") for part in inside.parts):
        return False
    return path.suffix.lower() in SUFFIXES or path.is_dir() or not path.suffix


def _shape(path: Path) -> tuple[int, int] | None:
    """Size and modification time of a file (a folder counts as settled), or None when it is gone."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (0, 0) if path.is_dir() else (stat.st_size, stat.st_mtime_ns)


def _summary(report: IngestReport) -> str:
    parts = [f"{report.added} added", f"{report.updated} updated", f"{report.deleted} deleted"]
    if report.failed:
        parts.append(f"{len(report.failed)} failed")
    return ", ".join(parts)
