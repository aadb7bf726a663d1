"""The feedback log: one SQLite table beside the index, appended to by any process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from rag.store.sqlite import database, now

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY, time TEXT NOT NULL, question TEXT NOT NULL, liked INTEGER NOT NULL,
    comment TEXT NOT NULL, answer TEXT NOT NULL, generation TEXT NOT NULL
);
"""


class Feedback(BaseModel):
    """A 👍 or 👎 on one answer, with the answer as it was given and the archive's generation then."""

    id: int
    time: str
    question: str
    liked: bool
    comment: str
    answer: dict[str, Any]
    generation: str


class FeedbackLog:
    """The feedback of one data directory (`feedback.sqlite` in it).

    Args:
        directory: the data directory.
    """

    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / "feedback.sqlite"

    def add(self, question: str, liked: bool, comment: str, answer: dict[str, Any], generation: str) -> int:
        """Store one piece of feedback; returns its id.

        Raises:
            StoreUnavailable: the data directory is not writable.
        """
        row = (now(), question, int(liked), comment)
        with database(self.path, _SCHEMA, "save the feedback") as db:
            cursor = db.execute(
                "INSERT INTO feedback(time, question, liked, comment, answer, generation) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (*row, json.dumps(answer, ensure_ascii=False), generation),
            )
            return int(cursor.lastrowid or 0)

    def all(self) -> list[Feedback]:
        """Every piece of feedback, oldest first (none when nothing was given yet)."""
        if not self.path.exists():
            return []
        with database(self.path, _SCHEMA, "read the feedback") as db:
            rows = db.execute(
                "SELECT id, time, question, liked, comment, answer, generation FROM feedback ORDER BY id"
            ).fetchall()
        return [
            Feedback(id=i, time=t, question=q, liked=bool(ok), comment=c, answer=json.loads(a), generation=g)
            for i, t, q, ok, c, a, g in rows
        ]
