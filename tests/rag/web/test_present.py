"""Rendering for the page and for chat clients: document text is always inert, server paths never leave."""

from pathlib import Path

from rag import Answer, Citation
from rag.config import Settings
from rag.web.present import chat_markdown, display_path, escape_markdown, upload_path


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
