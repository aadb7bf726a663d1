import json

import pytest

from rag.__main__ import main
from rag.config import Settings


@pytest.fixture
def archive_env(archive: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("RAG_DATA_DIR", str(archive.data_dir))
    return archive


def test_ask_prints_the_answer_and_numbered_sources(
    archive_env: Settings, capsys: pytest.CaptureFixture[str]
):
    assert main(["ask", "小红卡为什么关停？"]) == 0
    out = capsys.readouterr().out
    assert "准备不够充分" in out and "Sources:" in out
    assert (
        "[1] 仅运营3个月!小红书关停「最短命」项目,商家斥责「交钱后没人管」 · Xin Lang Ke Ji · 2025-12-10"
        in out
    )


def test_ask_json_prints_the_answer_dict(archive_env: Settings, capsys: pytest.CaptureFixture[str]):
    assert main(["ask", "why did 小红卡 close?", "--json", "--k", "3"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["refused"] is False and data["citations"][0]["source"] == "Xin Lang Ke Ji"


def test_ask_with_filters_and_a_refusal(archive_env: Settings, capsys: pytest.CaptureFixture[str]):
    assert main(["ask", "小红卡为什么关停？", "--source", "36Ke", "--since", "2025-12-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("资料中没有")


def test_chat_keeps_history_for_follow_ups(
    archive_env: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    lines = iter(["小红卡是什么？", "它为什么关停？", ""])

    def ask(prompt: str = "") -> str:
        print("<turn>")
        return next(lines)

    monkeypatch.setattr("builtins.input", ask)
    assert main(["chat"]) == 0
    turns = capsys.readouterr().out.split("<turn>")
    assert "准备不够充分" in turns[2]
    saved = turns[3].split("--resume ")[1].split()[0]

    assert main(["chat", "--list"]) == 0
    assert f"{saved} " in capsys.readouterr().out
    lines = iter(["它的年费是多少？", ""])
    assert main(["chat", "--resume", saved]) == 0
    resumed = capsys.readouterr().out
    assert "Resuming “小红卡是什么？” (2 question(s))" in resumed and "准备不够充分" in resumed
    assert f"--resume {saved}" in resumed
    assert main(["chat", "--resume", "nope"]) == 1
    assert "no saved conversation 'nope'" in capsys.readouterr().err


def test_errors_exit_one_and_usage_exits_two(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("RAG_EMBEDDINGS", "bogus")
    assert main(["ask", "x"]) == 1
    assert "RAG_EMBEDDINGS" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main([])
    assert usage.value.code == 2


def test_pins_are_added_listed_and_removed(archive_env: Settings, capsys: pytest.CaptureFixture[str]):
    assert main(["pins", "--add", "小红卡的年卡收费是多少？"]) == 0
    listed = capsys.readouterr().out
    assert "小红卡的年卡收费是多少？" in listed and "168" in listed
    pin = listed.split("]")[0].lstrip("[")
    assert main(["pins", "--remove", pin]) == 0
    assert "no pinned questions" in capsys.readouterr().out
    assert main(["pins", "--remove", pin]) == 1
    assert f"no pinned question {pin}" in capsys.readouterr().err
