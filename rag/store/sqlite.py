"""Small SQLite databases beside the index (feedback, conversations): open one, map its errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from rag.errors import StoreUnavailable


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
