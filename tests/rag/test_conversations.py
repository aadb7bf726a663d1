"""Saved conversations: titles, owners (shared or one per browser), answers saved and resumed."""

from pathlib import Path

import pytest

from rag import BadRequest, NotFound, answer
from rag.config import Settings
from rag.conversations import (
    MAX_TITLE_CHARS,
    SHARED,
    conversations,
    delete_conversation,
    get_conversation,
    new_owner,
    owner_of,
    rename_conversation,
    save_turn,
    title_of,
)
from rag.types import Answer


def test_a_browser_token_is_its_owner_unless_conversations_are_shared(tmp_path: Path):
    token = new_owner()
    assert owner_of(token, Settings(data_dir=tmp_path)) == token
    assert owner_of(None, Settings(data_dir=tmp_path, shared_conversations=True)) == SHARED
    for bad in (None, "", "short", "x" * 65, "../../etc", 42):
        with pytest.raises(BadRequest, match="reload the page"):
            owner_of(bad, Settings(data_dir=tmp_path))  # type: ignore[arg-type]


def test_a_title_is_the_first_question_on_one_bounded_line():
    assert title_of("  小红卡\n为什么关停？ ") == "小红卡 为什么关停？"
    long = title_of("why " * 100)
    assert len(long) == MAX_TITLE_CHARS and long.endswith("…")


def test_answers_are_saved_renamed_and_deleted(archive: Settings):
    owner = new_owner()
    first = answer("小红卡的年卡收费是多少？", settings=archive)
    conversation = save_turn(first, owner=owner, settings=archive)
    save_turn(
        answer("它为什么关停？", [(first.question, first.text)], settings=archive),
        conversation=conversation,
        owner=owner,
        settings=archive,
    )
    saved = get_conversation(conversation, owner=owner, settings=archive)
    assert saved.title == first.question and saved.turns == 2
    assert saved.history[0].answer == first
    rename_conversation(conversation, "  小红卡\n年费 ", owner=owner, settings=archive)
    assert conversations(owner=owner, settings=archive)[0].title == "小红卡 年费"
    for bad in ("", "  ", "x" * (MAX_TITLE_CHARS + 1)):
        with pytest.raises(BadRequest):
            rename_conversation(conversation, bad, owner=owner, settings=archive)
    delete_conversation(conversation, owner=owner, settings=archive)
    assert conversations(owner=owner, settings=archive) == []
    with pytest.raises(NotFound):
        delete_conversation(conversation, owner=owner, settings=archive)


def test_the_command_line_continues_any_conversation(tmp_path: Path):
    settings = Settings(data_dir=tmp_path)
    browsers = save_turn(Answer(question="q1", text="a1"), owner=new_owner(), settings=settings)
    assert save_turn(
        Answer(question="q2", text="a2"), conversation=browsers, owner=None, settings=settings
    ) == (browsers)
    terminal = save_turn(Answer(question="q3", text="a3"), owner=None, settings=settings)
    assert {c.id for c in conversations(owner=None, settings=settings)} == {browsers, terminal}
    assert conversations(owner="terminal", settings=settings)[0].id == terminal
