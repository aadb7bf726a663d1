"""The conversation log: turns kept in order, listed newest first, each owner seeing only its own."""

from pathlib import Path

import pytest

from rag import NotFound
from rag.store.conversations import ConversationLog
from rag.types import Answer, Citation


def _answer(question: str, n: int = 1) -> Answer:
    cited = Citation(
        n=n,
        title="小红卡",
        quote="年费168元",
        passage="小红卡年费168元。",
        doc_id="d",
        chunk_id="c",
        path="/a/b.txt",
        start=3,
        end=9,
    )
    return Answer(question=question, text=f"年费168元[{n}]", citations=[cited], mode="extractive")


def test_turns_are_kept_in_order_with_their_citations_and_listed_newest_first(tmp_path: Path):
    log = ConversationLog(tmp_path)
    assert log.list("me") == []
    first = log.add(None, "me", "小红卡", _answer("小红卡是什么？"))
    assert log.add(first, "me", "ignored", _answer("它的年费？", 2)) == first
    second = log.add(None, "me", "Kuaishou", _answer("Kuaishou margin?"))
    assert [c.id for c in log.list("me")] == [second, first]
    saved = log.get(first, "me")
    assert saved.title == "小红卡" and saved.turns == 2
    assert [t.question for t in saved.history] == ["小红卡是什么？", "它的年费？"]
    assert saved.history[1].answer.citations[0].n == 2
    assert saved.history[1].answer.citations[0].start == 3
    log.add(first, "me", "", _answer("again"))
    assert [c.id for c in log.list("me")] == [first, second]


def test_an_owner_cannot_see_open_change_or_delete_anothers(tmp_path: Path):
    log = ConversationLog(tmp_path)
    mine = log.add(None, "me", "mine", _answer("q"))
    assert log.list("you") == []
    for attempt in (
        lambda: log.get(mine, "you"),
        lambda: log.rename(mine, "you", "x"),
        lambda: log.delete(mine, "you"),
        lambda: log.add(mine, "you", "", _answer("q")),
    ):
        with pytest.raises(NotFound, match="another browser"):
            attempt()
    assert log.get(mine, None).turns == 1  # the command line sees every conversation
    log.add(mine, None, "", _answer("from the terminal"))
    assert [c.id for c in log.list(None)] == [mine]


def test_rename_and_delete(tmp_path: Path):
    log = ConversationLog(tmp_path)
    kept, gone = log.add(None, "me", "a", _answer("q")), log.add(None, "me", "b", _answer("q"))
    log.rename(kept, "me", "renamed")
    log.delete(gone, "me")
    assert [(c.id, c.title) for c in log.list("me")] == [(kept, "renamed")]
    with pytest.raises(NotFound):
        log.get(gone, "me")


def test_an_id_never_reads_as_a_command_line_option(tmp_path: Path):
    # `python -m rag chat --resume ID` takes it: an id starting with "-" would be read as an option.
    log = ConversationLog(tmp_path)
    ids = {log.add(None, "me", "t", _answer("q")) for _ in range(300)}
    assert len(ids) == 300 and all(i.isalnum() for i in ids)
