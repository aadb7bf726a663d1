"""Saved conversations: one SQLite database beside the index, each conversation kept for its owner.

An owner is whoever may see a conversation: one browser (a random token it keeps), the terminal, or
everyone when the app shares its conversations. Every read and write names its owner, so one owner
can neither list nor open another's conversation; `owner=None` (the command line, on the machine
that holds the data) reaches them all.
"""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

from pydantic import BaseModel

from rag.errors import NotFound
from rag.store.sqlite import database, now
from rag.types import Answer

_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, title TEXT NOT NULL, created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_by_owner ON conversations(owner, updated);
CREATE TABLE IF NOT EXISTS turns (
    conversation TEXT NOT NULL, n INTEGER NOT NULL, time TEXT NOT NULL, question TEXT NOT NULL,
    answer TEXT NOT NULL, PRIMARY KEY (conversation, n)
);
"""
_COLUMNS = "id, title, created, updated, (SELECT count(*) FROM turns WHERE conversation = id)"


class ConversationInfo(BaseModel):
    """A saved conversation as listed: its id, title, when it started and last changed, its turns."""

    id: str
    title: str
    created: str
    updated: str
    turns: int


class SavedTurn(BaseModel):
    """One question of a conversation and the answer it got, as it was given."""

    time: str
    question: str
    answer: Answer


class Conversation(ConversationInfo):
    """A saved conversation with every turn, oldest first."""

    history: list[SavedTurn]


class ConversationLog:
    """The saved conversations of one data directory (`conversations.sqlite` in it).

    Args:
        directory: the data directory.
    """

    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / "conversations.sqlite"

    def add(self, conversation: str | None, owner: str | None, title: str, answer: Answer) -> str:
        """Append `answer` (to `answer.question`) to `conversation`, or start one titled `title`.

        A new conversation needs an `owner`; `owner=None` appends to any owner's conversation.

        Returns:
            The conversation's id.

        Raises:
            NotFound: `owner` has no conversation `conversation`.
            StoreUnavailable: the data directory is not writable.
        """
        at = now()
        with database(self.path, _SCHEMA, "save the conversation") as db:
            if conversation is None:
                # Hex: an id starting with "-" would read as an option (`python -m rag chat --resume -x…`).
                conversation = secrets.token_hex(8)
                db.execute(
                    "INSERT INTO conversations(id, owner, title, created, updated) VALUES (?, ?, ?, ?, ?)",
                    (conversation, owner, title, at, at),
                )
            elif not db.execute(
                "UPDATE conversations SET updated = ? WHERE id = ? AND (? IS NULL OR owner = ?)",
                (at, conversation, owner, owner),
            ).rowcount:
                raise _missing(conversation)
            db.execute(
                "INSERT INTO turns(conversation, n, time, question, answer) VALUES "
                "(?, (SELECT count(*) FROM turns WHERE conversation = ?), ?, ?, ?)",
                (conversation, conversation, at, answer.question, answer.model_dump_json()),
            )
        return conversation

    def list(self, owner: str | None) -> list[ConversationInfo]:
        """The conversations of `owner` (every one for None), the most recently changed first."""
        if not self.path.exists():
            return []
        with database(self.path, _SCHEMA, "read the conversations") as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM conversations WHERE ? IS NULL OR owner = ? "
                "ORDER BY updated DESC, rowid DESC",
                (owner, owner),
            ).fetchall()
        return [_info(row) for row in rows]

    def get(self, conversation: str, owner: str | None) -> Conversation:
        """The conversation with every turn.

        Raises:
            NotFound: `owner` has no such conversation.
        """
        with database(self.path, _SCHEMA, "read the conversation") as db:
            info = self._row(db, conversation, owner)
            turns = db.execute(
                "SELECT time, question, answer FROM turns WHERE conversation = ? ORDER BY n", (conversation,)
            ).fetchall()
        history = [SavedTurn(time=t, question=q, answer=Answer.model_validate_json(a)) for t, q, a in turns]
        return Conversation(**info.model_dump(), history=history)

    def rename(self, conversation: str, owner: str | None, title: str) -> None:
        """Give the conversation a new title.

        Raises:
            NotFound: `owner` has no such conversation.
        """
        with database(self.path, _SCHEMA, "rename the conversation") as db:
            self._row(db, conversation, owner)
            db.execute("UPDATE conversations SET title = ? WHERE id = ?", (title, conversation))

    def delete(self, conversation: str, owner: str | None) -> None:
        """Delete the conversation and its turns.

        Raises:
            NotFound: `owner` has no such conversation.
        """
        with database(self.path, _SCHEMA, "delete the conversation") as db:
            self._row(db, conversation, owner)
            db.execute("DELETE FROM turns WHERE conversation = ?", (conversation,))
            db.execute("DELETE FROM conversations WHERE id = ?", (conversation,))

    @staticmethod
    def _row(db: sqlite3.Connection, conversation: str, owner: str | None) -> ConversationInfo:
        row = db.execute(
            f"SELECT {_COLUMNS} FROM conversations WHERE id = ? AND (? IS NULL OR owner = ?)",
            (conversation, owner, owner),
        ).fetchone()
        if row is None:
            raise _missing(conversation)
        return _info(row)


def _info(row: tuple[str, str, str, str, int]) -> ConversationInfo:
    conversation, title, created, updated, turns = row
    return ConversationInfo(id=conversation, title=title, created=created, updated=updated, turns=turns)


def _missing(conversation: str) -> NotFound:
    return NotFound(f"no saved conversation {conversation!r}: it was deleted, or belongs to another browser")
