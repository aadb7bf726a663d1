"""The small SQLite databases: created on first use, one transaction per block, errors that say where."""

import os
import sqlite3
import time
from pathlib import Path

import pytest

from rag.errors import StoreUnavailable
from rag.store.sqlite import STALE_PARTIAL_SECONDS, database, derived, now

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


WORDS = "CREATE TABLE words (word TEXT PRIMARY KEY);"


def _fill(calls: list[int]):
    def fill(write):
        calls.append(1)
        write("INSERT INTO words VALUES (?)", [("关停",), ("shut",)])

    return fill


def test_derived_tables_are_built_once_into_their_file_and_read_from_it(tmp_path: Path):
    calls: list[int] = []
    path = tmp_path / "a cache #1?" / "words.sqlite"  # a file URI escapes these
    assert derived(path, WORDS, _fill(calls)).column("SELECT word FROM words ORDER BY word") == [
        "shut",
        "关停",
    ]
    assert derived(path, WORDS, _fill(calls)).column("SELECT count(*) FROM words") == [2]
    assert calls == [1]
    assert [p.name for p in path.parent.iterdir()] == ["words.sqlite"]


def test_a_build_sweeps_away_what_killed_builds_left_but_not_one_in_progress(tmp_path: Path):
    old = tmp_path / ".words-v1.sqlite.0a1b.partial"
    journal = tmp_path / ".words-v1.sqlite.0a1b.partial-journal"
    running = tmp_path / ".words.sqlite.2c3d.partial"
    for leftover in (old, journal, running):
        leftover.write_bytes(b"half a build")
    hours_ago = time.time() - 2 * STALE_PARTIAL_SECONDS
    for leftover in (old, journal):
        os.utime(leftover, (hours_ago, hours_ago))
    derived(tmp_path / "words.sqlite", WORDS, _fill([]))
    assert sorted(p.name for p in tmp_path.iterdir()) == [running.name, "words.sqlite"]


def test_a_damaged_file_is_built_again(tmp_path: Path):
    path = tmp_path / "words.sqlite"
    path.write_bytes(b"not a database" * 100)
    assert derived(path, WORDS, _fill([])).column("SELECT count(*) FROM words") == [2]
    assert path.read_bytes().startswith(b"SQLite format 3")


def test_a_fill_that_fails_leaves_no_file_behind(tmp_path: Path):
    def broken(write):
        write("INSERT INTO words VALUES (?)", [("half",)])
        raise sqlite3.OperationalError("disk I/O error")

    with pytest.raises(sqlite3.OperationalError):
        derived(tmp_path / "words.sqlite", WORDS, broken)
    assert list(tmp_path.iterdir()) == []


def test_without_a_writable_folder_the_tables_are_built_in_memory(tmp_path: Path, caplog):
    (tmp_path / "cache").write_text("a file where the folder should be")
    tables = derived(tmp_path / "cache" / "words.sqlite", WORDS, _fill([]))
    assert tables.column("SELECT count(*) FROM words") == [2]
    assert "building them in memory" in caplog.text
