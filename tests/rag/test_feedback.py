"""Feedback on answers: stored with the answer and the generation, exported as test questions."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rag import BadRequest, answer
from rag.config import PROJECT_DIR, Settings
from rag.feedback import MAX_COMMENT_CHARS, export_feedback, feedback, give_feedback
from rag.store import get_store
from tests.environment import settings_env


def test_feedback_is_kept_with_its_answer_and_exported_as_test_questions(archive: Settings, tmp_path: Path):
    before = len(feedback(settings=archive))
    good = answer("小红卡的年卡收费是多少？", settings=archive)
    refused = answer("拼多多2030年的利润是多少？", settings=archive)
    assert not good.refused and refused.refused
    give_feedback(good.question, good, liked=True, settings=archive)
    give_feedback(refused.question, refused.to_dict(), liked=True, settings=archive)
    give_feedback(good.question, good, liked=False, comment="  the quote is too long  ", settings=archive)
    stored = feedback(settings=archive)[before:]
    assert [f.liked for f in stored] == [True, True, False] and stored[2].comment == "the quote is too long"
    assert stored[0].answer["citations"][0]["quote"] == good.citations[0].quote
    assert stored[0].generation == get_store(settings=archive).generation()

    out = tmp_path / "feedback.jsonl"
    assert export_feedback(out, settings=archive) == before + 3
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()][before:]
    assert rows[0] | {"q": good.question, "answerable": True, "title": good.citations[0].title} == rows[0]
    assert rows[0]["expect"] == [good.citations[0].quote]
    assert rows[1]["answerable"] is False
    assert rows[2]["answerable"] is None and rows[2]["comment"] == "the quote is too long"


def test_bad_feedback_is_refused_with_the_reason(archive: Settings):
    good = answer("小红卡的年卡收费是多少？", settings=archive)
    with pytest.raises(BadRequest, match="not an answer"):
        give_feedback(good.question, {"text": 3}, liked=True, settings=archive)
    with pytest.raises(BadRequest, match="comment"):
        give_feedback(
            good.question, good, liked=False, comment="x" * (MAX_COMMENT_CHARS + 1), settings=archive
        )
    with pytest.raises(BadRequest, match="empty"):
        give_feedback("  ", good, liked=True, settings=archive)


def test_the_command_line_exports_the_feedback(archive: Settings, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    run = [sys.executable, "-m", "rag", "feedback", "--export"]
    done = subprocess.run(
        [*run, str(out)], cwd=PROJECT_DIR, env=settings_env(archive), capture_output=True, text=True
    )
    assert done.returncode == 0 and "written to" in done.stdout and out.exists()
    bad = subprocess.run(
        [*run, str(tmp_path / "no" / "such" / "dir.jsonl")],
        cwd=PROJECT_DIR,
        env=settings_env(archive),
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1 and "cannot write" in bad.stderr
