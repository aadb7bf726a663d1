"""The Gradio UI: chat with streaming cited answers, a sources panel, filters, and the library tab.

Layout and wiring only: answers come from `rag.stream_answer`, changes to the archive from
`rag.web.writes`, and everything shown is rendered (and escaped) by `rag.web.present`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ingest import SUFFIXES
from rag import Answer, Citation, DocumentInfo, RagError, Settings, article, library, stream_answer
from rag.feedback import MAX_COMMENT_CHARS, give_feedback
from rag.web.chats import ChatParts, Conversations, Sidebar
from rag.web.present import (
    archive_summary,
    article_choices,
    display_path,
    escape_markdown,
    library_rows,
    public_answer,
    public_documents,
    render_answer,
    render_article,
    render_sources,
    report_details,
    report_markdown,
    upload_path,
    watch_markdown,
)
from rag.web.standing import PinParts, Standing, pin_panel
from rag.web.writes import Written, add_uploads, delete_upload, reindex

if TYPE_CHECKING:
    import gradio as gr

    from ingest.watch import FolderWatch


WATCH_REFRESH_SECONDS = 2.0

EXAMPLES = [
    "why did 小红卡 close?",
    "小红书拿下了哪家支付牌照？",
    "快手要做自营电商吗？",
    "How much could Xiaohongshu save on payment fees?",
]
CSS = """
.source-card {border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px;
  margin-bottom: 10px; background: var(--background-fill-secondary);}
.source-card .meta {color: var(--body-text-color-subdued); font-size: 0.9em;}
.source-card blockquote {margin: 6px 0 0; padding-left: 10px; border-left: 3px solid var(--color-accent);
  white-space: pre-wrap; word-break: break-word;}
.source-card mark {background: #ffe58f; color: #000; padding: 0 2px;}
.refusal {border-left: 4px solid #d4380d; padding: 8px 12px; margin-bottom: 10px;}
#article .article-text {white-space: pre-wrap; word-break: break-word; max-height: 420px; overflow-y: auto;}
#article .meta {color: var(--body-text-color-subdued); font-size: 0.9em; margin-bottom: 6px;}
#article mark {background: #ffe58f; color: #000; padding: 0 2px;}
#pins .pin {border-bottom: 1px solid var(--border-color-primary); padding: 6px 0; word-break: break-word;}
#pins .meta {color: var(--body-text-color-subdued); font-size: 0.85em;}
#pins .pin-change {background: #fff7d6; color: #000; padding: 2px 6px; border-radius: 4px; margin: 4px 0;}
"""
# After an article is shown, bring its first quoted span into view (inside its scrolling box).
SCROLL_TO_QUOTE = "() => document.querySelector('#article mark')?.scrollIntoView({block: 'center'})"


def build_app(settings: Settings | None = None, watch: FolderWatch | None = None) -> gr.Blocks:
    """Build the app (chat, sources panel, filters, library) for `settings`, without launching it.

    With `watch`, the Library tab shows the watched folders and follows their syncs.
    """
    import gradio as gr

    settings = settings or Settings()
    docs = library(settings=settings)
    # Gradio's cached copies of files (uploads are deleted at once; anything else after an hour).
    cache = (3600, 3600)
    with gr.Blocks(title="News archive QA · 新闻问答", analytics_enabled=False, delete_cache=cache) as demo:
        header = gr.Markdown(_header(docs))
        with gr.Tab("Ask · 提问"):
            ask = _ask_tab(gr, settings, docs)
        with gr.Tab("Library · 文库"):
            _library_tab(gr, settings, docs, header, watch)
        saved = Conversations(settings)
        bar = saved.build(gr, demo, ask.parts)
        _wire_answering(settings, ask, bar, saved)
        Standing(settings).wire(gr, ask.pins, ask.question, ask.parts.answers, bar.owner)
        gr.api(_api_ask(settings), api_name="ask")
        gr.api(_api_documents(settings), api_name="documents")
    return demo


def _header(docs: list[DocumentInfo]) -> str:
    return (
        "# News archive QA · 新闻问答\nAsk in Chinese or English; every answer quotes and cites its sources, "
        f"and says so when the archive does not know.  \n{archive_summary(docs)}"
    )


@dataclass(frozen=True)
class _AskTab:
    """The Ask tab's components that answering reads and fills."""

    parts: ChatParts
    question: Any
    send: Any
    options: list[Any]  # outlets, since, until, k, mode: what `_respond` passes to `stream_answer`
    pins: PinParts


def _ask_tab(gr: Any, settings: Settings, docs: list[DocumentInfo]) -> _AskTab:
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=320):
            chat = gr.Chatbot(
                label="Answers",
                height=460,
                buttons=["copy", "copy_all"],
                sanitize_html=True,
                latex_delimiters=[],  # "$$…$$" in a quoted article is text, not a formula
            )
            question = gr.Textbox(placeholder="Ask, e.g. why did 小红卡 close?", show_label=False, lines=1)
            with gr.Row():
                send = gr.Button("Ask", variant="primary", scale=3)
                pin = gr.Button("📌 Pin question", scale=1)
            with gr.Row():
                comment = gr.Textbox(
                    placeholder="Optional comment, sent with your 👍/👎 on an answer",
                    show_label=False,
                    max_length=MAX_COMMENT_CHARS,
                    scale=3,
                )
                thanks = gr.Markdown(elem_id="feedback-note")
            gr.Examples(EXAMPLES, inputs=question, label="Examples · 示例")
        with gr.Column(scale=2, min_width=300):
            sources = gr.HTML(render_sources(None), label="Sources", elem_id="sources")
            reader = gr.Dropdown([], label="Read a cited article in full", value=None, interactive=True)
            page = gr.HTML("", elem_id="article")
            pins = PinParts(pin, *pin_panel(gr))
    with gr.Accordion("Filters · 筛选", open=False):
        outlets = gr.Dropdown(sorted({d.source for d in docs if d.source}), multiselect=True, label="Outlets")
        with gr.Row():
            since = gr.Textbox(label="Since (YYYY-MM-DD)", placeholder="2025-01-01")
            until = gr.Textbox(label="Until (YYYY-MM-DD)", placeholder="2025-12-31")
    with gr.Accordion("Settings · 设置", open=False):
        k = gr.Slider(1, 10, value=settings.top_k, step=1, label="Passages retrieved")
        modes = ["Extractive (offline)", "LLM"] if settings.llm else ["Extractive (offline)"]
        mode = gr.Radio(
            modes,
            value=modes[-1],
            label="Answer mode",
            info=None if settings.llm else "Set RAG_LLM to enable LLM answers.",
        )
    answers = gr.State([])  # the answer behind each assistant message (feedback, follow-ups, reading)
    answers.change(
        lambda given: gr.update(choices=article_choices(given[-1] if given else None), value=None),
        answers,
        reader,
        api_visibility="private",
    )
    reader.change(_readable(_on_read(settings), 1), [reader, answers], page, api_visibility="private").then(
        None, None, None, js=SCROLL_TO_QUOTE
    )
    chat.like(
        _readable(_on_feedback(settings), 2),
        [chat, answers, comment],
        [thanks, comment],
        api_visibility="private",
    )
    return _AskTab(ChatParts(chat, answers, sources), question, send, [outlets, since, until, k, mode], pins)


def _wire_answering(settings: Settings, ask: _AskTab, bar: Sidebar, saved: Conversations) -> None:
    """Questions are answered into the chat, saved to the open conversation, and the sidebar follows."""
    parts = ask.parts
    inputs = [ask.question, parts.chat, parts.answers, bar.owner, bar.current, *ask.options]
    outputs = [ask.question, parts.chat, parts.sources, parts.answers, bar.current]
    for trigger in (ask.send.click, ask.question.submit):
        trigger(_respond(settings, saved), inputs, outputs, api_visibility="private").then(
            saved.refresh(bar, parts), [bar.owner, bar.current], bar.shown(parts), api_visibility="private"
        )


def _respond(settings: Settings, saved: Conversations) -> Any:
    def respond(
        message: str,
        history: list[dict[str, Any]],
        answers: list[dict[str, Any] | None],
        owner: str | None,
        current: str | None,
        outlets: list[str] | None,
        since: str,
        until: str,
        k: float,
        mode: str,
    ) -> Iterator[tuple[str, list[dict[str, Any]], str, list[dict[str, Any] | None], str | None]]:
        import gradio as gr

        message = (message or "").strip()
        if not message:
            yield "", history, render_sources(None), answers, current
            return
        options = {
            "sources": outlets or None,
            "since": (since or "").strip() or None,
            "until": (until or "").strip() or None,
            "k": int(k),
            "use_llm": mode == "LLM",
        }
        turns = [*history, {"role": "user", "content": message}, {"role": "assistant", "content": "…"}]
        partial = None
        earlier = [Answer.model_validate(a) for a in answers if a]
        try:
            for partial in stream_answer(message, earlier, settings=settings, **options):
                turns[-1] = {"role": "assistant", "content": render_answer(partial)}
                shown = render_sources(partial) if partial.citations or partial.refused else "…"
                yield "", turns, shown, answers, current
        except RagError as exc:
            turns[-1] = {"role": "assistant", "content": f"⚠️ {escape_markdown(str(exc))}"}
            yield "", turns, render_sources(None), [*answers, None], current
            return
        if partial is not None:
            try:
                current = saved.save(partial, owner, current)
            except RagError as exc:
                gr.Warning(f"this answer was not saved: {exc}")
        yield "", turns, render_sources(partial), [*answers, partial.to_dict() if partial else None], current

    return respond


def _on_read(settings: Settings) -> Any:
    def read(doc_id: str | None, answers: list[dict[str, Any] | None]) -> str:
        if not doc_id:
            return ""
        latest = next((a for a in reversed(answers) if a), None) or {}
        cited = [Citation(**c) for c in latest.get("citations") or latest.get("see_also") or []]
        return render_article(article(doc_id, settings=settings), cited, settings)

    return read


def _on_feedback(settings: Settings) -> Any:
    import gradio as gr

    def rate(
        history: list[dict[str, Any]], answers: list[dict[str, Any] | None], comment: str, data: gr.LikeData
    ) -> tuple[str, str]:
        index = data.index if isinstance(data.index, int) else data.index[0]
        turn = sum(1 for m in history[: index + 1] if m.get("role") == "assistant") - 1
        given = answers[turn] if 0 <= turn < len(answers) else None
        if given is None:
            return "Only answers can be rated.", comment
        liked = data.liked is True
        give_feedback(given["question"], given, liked=liked, comment=comment or "", settings=settings)
        return f"Thanks: your {'👍' if liked else '👎'} is saved with this answer.", ""

    # Gradio passes the like event to the parameter typed LikeData: the class itself, not the string
    # this module's postponed annotations make of it (gradio is imported lazily here).
    rate.__annotations__["data"] = gr.LikeData
    return rate


def _library_tab(
    gr: Any, settings: Settings, docs: list[DocumentInfo], header: Any, watch: FolderWatch | None
) -> None:
    watched = gr.Markdown(watch_markdown(watch.status) if watch else "", visible=watch is not None)
    table = gr.Dataframe(
        library_rows(docs, settings),
        headers=["Title", "Outlet", "Date", "Passages", "File"],
        interactive=False,
        wrap=True,
        label="Indexed articles",
    )
    types = sorted(SUFFIXES)
    files = gr.File(file_count="multiple", file_types=types, label=f"Add articles ({' '.join(types)})")
    add = gr.Button("Add to archive", variant="primary")
    with gr.Row():
        target = gr.Dropdown(
            _upload_choices(docs, settings), label="Uploaded file to remove", allow_custom_value=True
        )
        delete = gr.Button("Delete", variant="stop")
        rebuild = gr.Button("Re-index everything")
    status = gr.Markdown()
    details = gr.JSON(label="Last report", visible=True)
    outputs = [status, details, table, target, header]
    # One queue for every write: an upload, a delete and a re-index wait for each other, never collide.
    writes = {"concurrency_limit": 1, "concurrency_id": "writes"}
    add.click(_readable(_on_upload(settings), len(outputs)), files, outputs, api_name="upload", **writes)
    delete.click(_readable(_on_delete(settings), len(outputs)), target, outputs, api_name="delete", **writes)
    rebuild.click(_readable(_on_reindex(settings), len(outputs)), None, outputs, api_name="reindex", **writes)
    if watch is not None:
        synced = gr.State(watch.status.last_sync)
        gr.Timer(WATCH_REFRESH_SECONDS).tick(
            _on_watch_tick(settings, watch),
            synced,
            [watched, synced, table, target, header],
            show_progress="hidden",
        )


def _on_watch_tick(settings: Settings, watch: FolderWatch) -> Any:
    import gradio as gr

    def tick(seen: str | None) -> tuple[Any, ...]:
        current = watch.status
        if current.last_sync == seen:
            return watch_markdown(current), seen, gr.update(), gr.update(), gr.update()
        docs = library(settings=settings)
        choices = gr.update(choices=_upload_choices(docs, settings))
        return (
            watch_markdown(current),
            current.last_sync,
            library_rows(docs, settings),
            choices,
            _header(docs),
        )

    return tick


def _readable(handler: Callable[..., Any], outputs: int) -> Callable[..., Any]:
    """`handler` with a project error shown as its message, not Gradio's bare "Error".

    The message goes to the handler's first output (its status line) and to a toast; the other
    `outputs` keep what they show (raising would put an "Error" badge over every one of them).
    """
    import gradio as gr

    @functools.wraps(handler)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        try:
            return handler(*args, **kwargs)
        except RagError as exc:
            gr.Warning(str(exc))
            message = f"⚠️ {escape_markdown(str(exc))}"
            return message if outputs == 1 else (message, *[gr.update()] * (outputs - 1))

    return wrapped


def _upload_choices(docs: list[DocumentInfo], settings: Settings) -> list[tuple[str, str]]:
    """The uploaded files (the only ones the app may delete), each with its first title."""
    files: dict[str, list[str]] = {}
    for d in docs:
        shown = display_path(d.path, settings)
        if upload_path(shown, settings):
            files.setdefault(shown, []).append(d.title)
    return [
        (f"{p} — {titles[0][:40]}" + (f" (+{len(titles) - 1})" if len(titles) > 1 else ""), p)
        for p, titles in files.items()
    ]


def _refreshed(settings: Settings, written: Written) -> tuple[Any, ...]:
    import gradio as gr

    return (
        report_markdown(written.report),
        report_details(written.report, settings),
        library_rows(written.docs, settings),
        gr.update(choices=_upload_choices(written.docs, settings), value=None),
        _header(written.docs),
    )


def _on_upload(settings: Settings) -> Any:
    import gradio as gr

    def upload(files: list[str] | None, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        if not files:
            raise gr.Error("Choose one or more files first.")
        received = [Path(str(f)) for f in files]
        try:
            written = add_uploads(
                received, settings, progress=lambda f, label: progress(f, desc=Path(label).name)
            )
        finally:
            # Gradio's cached copy would stay downloadable after the article is deleted.
            for path in received:
                path.unlink(missing_ok=True)
        return _refreshed(settings, written)

    return upload


def _on_delete(settings: Settings) -> Any:
    import gradio as gr

    def delete(shown: str | None) -> tuple[Any, ...]:
        if not shown:
            raise gr.Error("Choose a file to delete first.")
        return _refreshed(settings, delete_upload(shown, settings))

    return delete


def _on_reindex(settings: Settings) -> Any:
    def reindex_all() -> tuple[Any, ...]:
        return _refreshed(settings, reindex(settings))

    return reindex_all


def _api_ask(settings: Settings) -> Any:
    def ask(question: str, source: str = "", since: str = "", until: str = "", k: int = 5) -> str:
        """Answer a question from the archive; returns Answer.to_dict() as JSON text.

        JSON text rather than a dict: Gradio clients take any dict with a "path" key for a file to fetch.
        """
        from rag import answer

        result = answer(
            question,
            sources=source or None,
            since=since or None,
            until=until or None,
            k=int(k),
            settings=settings,
        )
        return json.dumps(public_answer(result, settings), ensure_ascii=False, indent=2)

    return ask


def _api_documents(settings: Settings) -> Any:
    def documents() -> str:
        """List the indexed documents (title, source, date, path, chunks) as JSON text."""
        return json.dumps(public_documents(library(settings=settings), settings), ensure_ascii=False)

    return documents
