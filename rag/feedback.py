"""Feedback on answers: 👍/👎 with an optional comment, exported as extra test questions.

Each is kept with the question, the answer as given (its citations included) and the archive's generation.

The export is JSON Lines in the question format of `benchmarks/archive_questions.json`, which
`python -m benchmarks.quality --extra FILE` reads: a liked answer becomes an answerable question that
must again quote what was quoted and cite the same article; a liked refusal, an unanswerable question;
a disliked answer is kept for review (`answerable: null`, the answer and the comment) and not scored.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from rag.config import Settings, get_settings
from rag.errors import BadRequest
from rag.query import check_question
from rag.store import get_store
from rag.store.feedback import Feedback, FeedbackLog
from rag.types import Answer

MAX_COMMENT_CHARS = 2000


def give_feedback(
    question: str,
    answer: Answer | dict[str, Any],
    *,
    liked: bool,
    comment: str = "",
    settings: Settings | None = None,
) -> int:
    """Record a 👍 (`liked`) or 👎 on `answer` to `question`; returns the feedback's id.

    Raises:
        BadRequest: the question, the answer or the comment cannot be used.
        StoreUnavailable: the feedback cannot be saved.
    """
    settings = settings or get_settings()
    question = check_question(question)
    if len(comment) > MAX_COMMENT_CHARS:
        raise BadRequest(f"the comment is {len(comment)} characters long; at most {MAX_COMMENT_CHARS}")
    try:
        given = answer if isinstance(answer, Answer) else Answer.model_validate(answer)
    except ValidationError as exc:
        raise BadRequest(f"the answer is not an answer of this app: {exc.errors()[0]['msg']}") from exc
    generation = get_store(settings=settings).generation()
    return FeedbackLog(settings.data_dir).add(question, liked, comment.strip(), given.to_dict(), generation)


def feedback(*, settings: Settings | None = None) -> list[Feedback]:
    """Every piece of feedback given on this data directory, oldest first."""
    return FeedbackLog((settings or get_settings()).data_dir).all()


def as_test_question(given: Feedback) -> dict[str, Any]:
    """One piece of feedback as a question for `benchmarks.quality` (see the module's description)."""
    base = {"q": given.question, "liked": given.liked, "comment": given.comment, "time": given.time}
    answer = given.answer
    if not given.liked:
        return base | {"answerable": None, "answer": answer.get("text", "")}
    citations = answer.get("citations") or []
    if answer.get("refused") or not citations:
        return base | {"answerable": False}
    return base | {"answerable": True, "expect": [citations[0]["quote"]], "title": citations[0]["title"]}


def export_feedback(path: Path | str, *, settings: Settings | None = None) -> int:
    """Write every piece of feedback to `path` as JSON Lines test questions; returns how many."""
    rows = [as_test_question(f) for f in feedback(settings=settings)]
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    Path(path).expanduser().write_text(text, encoding="utf-8")
    return len(rows)
