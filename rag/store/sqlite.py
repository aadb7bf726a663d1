"""Small SQLite databases: beside the index (feedback, conversations), and tables derived from installed data.

Open one, map its errors; a derived database is built once into a cache file and read by every process.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rag.errors import StoreUnavailable

log = logging.getLogger(__name__)


@contextmanager
def database(path: Path, schema: str, doing: str) -> Iterator[sqlite3.Connection]:
    """An open connection to `path` (created with `schema` when new), in one transaction.

    The transaction commits when the block ends and rolls back if it raises.

    Raises:
        StoreUnavailable: the database cannot be opened, read or written; the message says what was
            being done (`doing`, e.g. "save the feedback") and where.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(path, timeout=30)) as db:
            db.executescript(schema)
            with db:
                yield db
    except (sqlite3.Error, OSError) as exc:
        raise StoreUnavailable(f"could not {doing} in {path}: {exc}") from exc


def now() -> str:
    """The time, as these databases store it: ISO 8601, UTC, to the millisecond (sorts as it reads)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Lookup:
    """Read-only queries on one SQLite database, shared by every thread.

    SQLite is built serialized; the lock keeps each statement and its rows together.
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._lock = threading.Lock()

    def column(self, sql: str, *args: object) -> list[Any]:
        """The first column of every row `sql` selects."""
        with self._lock:
            return [row[0] for row in self._db.execute(sql, args)]


Write = Callable[[str, Iterable[Sequence[object]]], None]


def derived(path: Path, schema: str, fill: Callable[[Write], None]) -> Lookup:
    """Tables derived from installed data: `path`, built there by `fill` when missing or unreadable.

    `fill(write)` calls `write(sql, rows)` to run `sql` once per row. The file is written whole (a
    temporary file renamed over it), so processes building it at once never see half of it. When it
    cannot be written (a read-only home), the tables are built in memory for this process.
    """
    failure: Exception | None = None
    for attempt in range(2):
        try:
            if attempt or not path.is_file():
                _build(path, schema, fill)
            db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            failure = exc
            continue
        try:
            db.execute("SELECT name FROM sqlite_master").fetchall()
            return Lookup(db)
        except sqlite3.Error as exc:
            db.close()
            failure = exc
    log.warning("cannot keep derived tables in %s (%s): building them in memory", path, failure)
    db = sqlite3.connect(":memory:", check_same_thread=False)
    _fill(db, schema, fill)
    return Lookup(db)


# A partial file this old is no build in progress (a build takes seconds) but one killed midway.
STALE_PARTIAL_SECONDS = 3600


def _build(path: Path, schema: str, fill: Callable[[Write], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    _sweep(path.parent)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.partial")
    try:
        with closing(sqlite3.connect(partial)) as db:
            _fill(db, schema, fill)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _sweep(folder: Path) -> None:
    """Delete what builds killed midway left in `folder`: partial files and their journals."""
    cutoff = time.time() - STALE_PARTIAL_SECONDS
    for leftover in folder.glob(".*.partial*"):
        with suppress(OSError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()


def _fill(db: sqlite3.Connection, schema: str, fill: Callable[[Write], None]) -> None:
    db.executescript(schema)
    with db:
        fill(db.executemany)
