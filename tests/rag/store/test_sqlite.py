"""The small SQLite databases: created on first use, one transaction per block, errors that say where."""

import sqlite3
from pathlib import Path

import pytest

from rag.errors import StoreUnavailable
from rag.store.sqlite import database, now

SCHEMA = "CREATE TABLE IF NOT EXISTS notes (text TEXT NOT NULL);"


def _texts(path: Path) -> list[str]:
    with database(path, SCHEMA, "read the notes") as db:
        return [t for (t,) in db.execute("SELECT text FROM notes")]


def test_a_block_commits_when_it_ends_and_rolls_back_when_it_raises(tmp_path: Path):
    path = tmp_path / "new" / "notes.sqlite"
    with database(path, SCHEMA, "save a note") as db:
        db.execute("INSERT INTO notes VALUES ('kept')")
    with pytest.raises(RuntimeError), database(path, SCHEMA, "save a note") as db:
        db.execute("INSERT INTO notes VALUES ('lost')")
        raise RuntimeError("a failure halfway")
    assert _texts(path) == ["kept"]


def test_errors_name_what_was_being_done_and_where(tmp_path: Path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"not a database, " * 512)
    with pytest.raises(StoreUnavailable, match=r"could not read the notes in .*notes\.sqlite"):
        _texts(path)
    with (
        pytest.raises(StoreUnavailable, match="save a note"),
        database(tmp_path / "n.sqlite", SCHEMA, "save a note") as db,
    ):
        db.execute("INSERT INTO notes VALUES (NULL)")
    assert issubclass(sqlite3.Error, Exception)


def test_times_sort_as_they_read():
    first, second = now(), now()
    assert first <= second and first.endswith("+00:00")
