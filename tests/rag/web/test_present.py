"""Rendering for the page and for chat clients: document text is always inert, server paths never leave."""

import json
from pathlib import Path

from rag import Answer, Citation
from rag.config import Settings
from rag.conversations import Conversation, SavedTurn
from rag.web.present import (
    chat_markdown,
    chat_messages,
    conversation_json,
    conversation_markdown,
    display_path,
    escape_markdown,
    render_article,
    upload_path,
)


def _cite(n: int, quote: str, **fields) -> Citation:
    values = {"title": "t", "quote": quote, "passage": quote, "doc_id": "d", "chunk_id": "c", "path": "/x"}
    return Citation(n=n, start=0, end=len(quote), **(values | fields))


def test_chat_markdown_lists_sources_and_keeps_hostile_text_inert():
    quote = "![x](http://127.0.0.1:9/track) <script>alert(1)</script> [link](javascript:alert(1))"
    answer = Answer(question="q", text=f"据报道：{quote}[1]", citations=[_cite(1, quote, source="36Ke")])
    text = chat_markdown(answer)
    assert "**Sources**" in text and "1. *t* — 36Ke" in text
    assert "<script>" not in text and "](" not in text and "http://" not in text


def test_a_refusal_lists_its_closest_sources_as_see_also():
    refused = Answer(question="q", text="The archive doesn't say.", refused=True, see_also=[_cite(1, "near")])
    assert "**See also**" in chat_markdown(refused)
    assert chat_markdown(Answer(question="q", text="x")) == "x"


def test_paths_are_shown_relative_to_their_folder_and_only_uploads_resolve(tmp_path: Path):
    settings = Settings(
        _env_file=None, data_dir=tmp_path / "i", upload_dir=tmp_path / "up", archive_dir=tmp_path / "ar"
    )
    assert display_path(str(tmp_path / "up" / "a.md"), settings) == "up/a.md"
    assert display_path("/elsewhere/b.txt", settings) == "b.txt"
    assert upload_path("up/a.md", settings) == (tmp_path / "up" / "a.md").resolve()
    for outside in ("ar/c.txt", "up/../ar/c.txt", "up/", "/etc/passwd"):
        assert upload_path(outside, settings) is None
    assert escape_markdown("a*b_c") == "a\\*b\\_c"


def test_a_conversation_exports_as_markdown_and_json_without_server_paths(tmp_path: Path):
    settings = Settings(data_dir=tmp_path / "index", archive_dir=tmp_path / "articles")
    path = str(tmp_path / "articles" / "kuaishou.txt")
    cited = _cite(
        1, "net profit margin of 14.0%", title="快手 Q1", source="36Ke", date="2025-08-13", path=path
    )
    turns = [
        SavedTurn(
            time="t",
            question="# 快手的净利润率?",
            answer=Answer(question="q", text="14.0%[1]", citations=[cited]),
        ),
        SavedTurn(time="t", question="and Pinduoduo?", answer=Answer(question="q", text="No.", refused=True)),
    ]
    talk = Conversation(
        id="abc",
        title="快手 *margins*",
        created="2026-11-29T01:00:00",
        updated="2026-11-29T01:05:00",
        turns=2,
        history=turns,
    )
    markdown = conversation_markdown(talk)
    assert markdown.startswith("# 快手 \\*margins\\*\n") and "2 question(s)" in markdown
    assert "## 1. \\# 快手的净利润率?" in markdown and "## 2. and Pinduoduo?" in markdown
    assert "1. *快手 Q1* — 36Ke, 2025\\-08\\-13: “net profit margin of 14\\.0%”" in markdown
    exported = json.loads(conversation_json(talk, settings))
    assert exported["title"] == "快手 *margins*" and len(exported["history"]) == 2
    assert exported["history"][0]["answer"]["citations"][0]["path"] == "articles/kuaishou.txt"
    assert str(tmp_path) not in conversation_json(talk, settings)
    assert [m["role"] for m in chat_messages(talk)] == ["user", "assistant", "user", "assistant"]


def test_an_article_links_its_original_page_only_when_it_is_a_web_address(tmp_path: Path):
    from rag import Article

    settings = Settings(data_dir=tmp_path / "index")
    page = Article(
        doc_id="d", title="t", path="/x.html", chunks=1, text="body", url='https://e.com/a?x=1&y="2'
    )
    shown = render_article(page, [], settings)
    assert (
        '<a href="https://e.com/a?x=1&amp;y=&quot;2" target="_blank" rel="noopener noreferrer nofollow">'
        in shown
    )
    assert "<a " not in render_article(page.model_copy(update={"url": "javascript:alert(1)"}), [], settings)
    assert "<a " not in render_article(page.model_copy(update={"url": None}), [], settings)
