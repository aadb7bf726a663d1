"""Pinned questions: one SQLite table beside the index, each pin with the last answer it got."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from rag.errors import NotFound
from rag.store.sqlite import database, now
from rag.types import Answer

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pins (
    id INTEGER PRIMARY KEY, owner TEXT NOT NULL, question TEXT NOT NULL, created TEXT NOT NULL,
    checked TEXT NOT NULL, generation TEXT NOT NULL, answer TEXT NOT NULL, change TEXT,
    changed TEXT
);
CREATE INDEX IF NOT EXISTS pins_by_owner ON pins(owner);
"""
_COLUMNS = "id, question, created, checked, generation, answer, change, changed"


class PinChange(BaseModel):
    """What changed in a pinned question's answer.

    `answered` is True when a refusal became an answer, False for the reverse, None for neither.
    """

    answered: bool | None = None
    new_sources: list[str] = Field(
        default_factory=list, description="Titles of articles cited now, not before."
    )
    new_figures: list[str] = Field(default_factory=list, description="Figures in the answer now, not before.")
    gone_figures: list[str] = Field(default_factory=list, description="Figures no longer in the answer.")

    def __bool__(self) -> bool:
        return self.answered is not None or bool(self.new_sources or self.new_figures or self.gone_figures)


class Pin(BaseModel):
    """A pinned question, its latest answer (got at the archive's `generation`), and its last change."""

    id: int
    question: str
    created: str
    checked: str
    generation: str
    answer: Answer
    change: PinChange | None = None
    changed: str | None = None


class PinLog:
    """The pinned questions of one data directory (`pins.sqlite` in it).

    Args:
        directory: the data directory.
    """

    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / "pins.sqlite"

    def add(self, owner: str, question: str, generation: str, answer: Answer) -> int:
        """Pin `question` for `owner` with its first answer; returns the pin's id.

        Raises:
            StoreUnavailable: the data directory is not writable.
        """
        at = now()
        with database(self.path, _SCHEMA, "pin the question") as db:
            cursor = db.execute(
                "INSERT INTO pins(owner, question, created, checked, generation, answer) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (owner, question, at, at, generation, answer.model_dump_json()),
            )
            return int(cursor.lastrowid or 0)

    def list(self, owner: str | None) -> list[Pin]:
        """The pins of `owner` (every one for None), oldest first."""
        if not self.path.exists():
            return []
        with database(self.path, _SCHEMA, "read the pinned questions") as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM pins WHERE ? IS NULL OR owner = ? ORDER BY id", (owner, owner)
            ).fetchall()
        return [
            Pin(
                id=pin,
                question=question,
                created=created,
                checked=checked,
                generation=generation,
                answer=Answer.model_validate_json(answer),
                change=PinChange.model_validate_json(change) if change else None,
                changed=changed,
            )
            for pin, question, created, checked, generation, answer, change, changed in rows
        ]

    def update(self, pin: int, generation: str, answer: Answer, change: PinChange) -> None:
        """Record the answer the pin got at `generation`, and `change` when there is one."""
        at = now()
        with database(self.path, _SCHEMA, "update the pinned question") as db:
            db.execute(
                "UPDATE pins SET checked = ?, generation = ?, answer = ? WHERE id = ?",
                (at, generation, answer.model_dump_json(), pin),
            )
            if change:
                db.execute(
                    "UPDATE pins SET change = ?, changed = ? WHERE id = ?",
                    (change.model_dump_json(), at, pin),
                )

    def delete(self, pin: int, owner: str | None) -> None:
        """Unpin.

        Raises:
            NotFound: `owner` has no such pin.
        """
        with database(self.path, _SCHEMA, "unpin the question") as db:
            if not db.execute(
                "DELETE FROM pins WHERE id = ? AND (? IS NULL OR owner = ?)", (pin, owner, owner)
            ).rowcount:
                raise NotFound(f"no pinned question {pin}: it was unpinned, or belongs to another browser")
