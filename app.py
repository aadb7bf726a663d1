"""Gradio chat app over the news archive: streaming cited answers, a sources panel, and a library.

`build_app(settings)` builds the Blocks without launching them; `main()` serves on 127.0.0.1. This
module only formats: answers come from `rag.stream_answer`, documents from `ingest`. Document text is
always escaped before it reaches the page, so an article holding HTML or markdown shows as text.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import hmac
import html
import ipaddress
import json
import logging
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ingest import IngestReport, ingest, remove
from rag import Answer, Citation, DocumentInfo, RagError, Settings, library, stream_answer
from rag.retrieve import ensure_index

if TYPE_CHECKING:
    import gradio as gr

log = logging.getLogger(__name__)
T = TypeVar("T")

EXAMPLES = [
    "why did 小红卡 close?",
    "小红书拿下了哪家支付牌照？",
    "快手要做自营电商吗？",
    "How much could Xiaohongshu save on payment fees?",
]
UPLOAD_TYPES = [".txt", ".md", ".html", ".htm", ".pdf", ".docx"]
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$])")
_MARKER = re.compile(r"\\\[(\d{1,3})\\\]")
_QUOTATION = re.compile(r"“[^“”]*+”")
# Uploaded names: kept readable, bounded (in bytes: file systems count those), never hidden.
_UNSAFE_NAME = re.compile(r"[^\w.\-]+")
MAX_NAME_BYTES = 150
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CSS = """
.source-card {border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px;
  margin-bottom: 10px; background: var(--background-fill-secondary);}
.source-card .meta {color: var(--body-text-color-subdued); font-size: 0.9em;}
.source-card blockquote {margin: 6px 0 0; padding-left: 10px; border-left: 3px solid var(--color-accent);
  white-space: pre-wrap; word-break: break-word;}
.source-card mark {background: #ffe58f; color: #000; padding: 0 2px;}
.refusal {border-left: 4px solid #d4380d; padding: 8px 12px; margin-bottom: 10px;}
"""


def escape_markdown(text: str) -> str:
    """Make document text inert in markdown.

    HTML is escaped, markdown syntax backslash-escaped, and URLs broken with a zero-width space so
    they are not turned into links.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).replace("://", ":\u200b//")


def render_answer(answer: Answer) -> str:
    """The chat message: escaped answer text whose `[n]` markers link to the matching source.

    Markers inside quoted document text (an article's own "[2]") stay literal text.
    """
    text, body, last = answer.text, "", 0
    for start, end in _quoted_regions(text, answer.citations):
        body += _MARKER.sub(r" [[\1]](#source-\1)", escape_markdown(text[last:start]))
        body += escape_markdown(text[start:end])
        last = end
    body += _MARKER.sub(r" [[\1]](#source-\1)", escape_markdown(text[last:]))
    if answer.refused:
        return f"⚠️ {body}"
    if answer.note:
        body += f"\n\n_{escape_markdown(f'{answer.mode}: {answer.note}')}_"
    return body


def _quoted_regions(text: str, citations: list[Citation]) -> list[tuple[int, int]]:
    """Where `text` quotes documents: each citation's quote, and anything between “ and ”, in order."""
    regions = [(m.start(), m.end()) for m in _QUOTATION.finditer(text)]
    cursor = 0
    for c in citations:
        at = text.find(c.quote, cursor) if c.quote else -1
        if at >= 0:
            regions.append((at, at + len(c.quote)))
            cursor = at + len(c.quote)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(regions):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _card(cited: list[Citation]) -> str:
    """One passage's card: its title, outlet and date, and every span quoted from it highlighted."""
    first = cited[0]
    meta = " · ".join(html.escape(x) for x in (first.source, first.date) if x) or "unknown outlet and date"
    spans = sorted((at, at + len(c.quote)) for c in cited if (at := first.passage.find(c.quote)) >= 0)
    passage, last = "", 0
    for start, end in spans:
        if start >= last:
            passage += (
                html.escape(first.passage[last:start])
                + f"<mark>{html.escape(first.passage[start:end])}</mark>"
            )
            last = end
    passage = (
        passage + html.escape(first.passage[last:]) if spans else f"<mark>{html.escape(first.quote)}</mark>"
    )
    anchors = "".join(f'<span id="source-{c.n}"></span>' for c in cited)
    numbers = "".join(f"[{c.n}]" for c in cited)
    return (
        f'<div class="source-card">{anchors}<b>{numbers} {html.escape(first.title)}</b>'
        f'<div class="meta">{meta}</div><blockquote>{passage}</blockquote></div>'
    )


def _cards(citations: list[Citation]) -> str:
    """One card per passage, in the order of its first citation."""
    by_passage: dict[str, list[Citation]] = {}
    for c in citations:
        by_passage.setdefault(c.chunk_id, []).append(c)
    return "".join(_card(cited) for cited in by_passage.values())


def render_sources(answer: Answer | None) -> str:
    """The sources panel (HTML): one card per cited passage, every quoted span highlighted in it."""
    if answer is None:
        return "<p>Sources of the latest answer appear here.</p>"
    if answer.refused:
        cards = _cards(answer.see_also)
        return f'<div class="refusal"><b>Not in the archive.</b> Closest sources (see also):</div>{cards}'
    return _cards(answer.citations) or "<p>No sources.</p>"


def archive_summary(docs: list[DocumentInfo]) -> str:
    """One line on what the archive holds: articles, outlets, date range."""
    outlets = sorted({d.source for d in docs if d.source})
    dates = sorted(d.date for d in docs if d.date)
    span = f" · {dates[0]} → {dates[-1]}" if dates else ""
    return (
        f"**{len(docs)} articles** from {len(outlets)} outlets ({escape_markdown(', '.join(outlets))}){span}"
    )


def display_path(path: str, settings: Settings) -> str:
    """`path` relative to the folder it belongs to (`uploads/x.md`, `articles/y.txt`), else its file name.

    Absolute server paths never reach a page or an API answer.
    """
    file = Path(path)
    for folder in (settings.upload_dir, settings.archive_dir):
        root = folder.resolve()
        if file.is_relative_to(root):
            return f"{root.name}/{file.relative_to(root).as_posix()}"
    return file.name


def upload_path(shown: str, settings: Settings) -> Path | None:
    """The uploaded file a `display_path` names, or None when it names anything else."""
    root = settings.upload_dir.resolve()
    prefix = f"{root.name}/"
    if not shown.startswith(prefix):
        return None
    target = (root / shown.removeprefix(prefix)).resolve()
    return target if target.is_relative_to(root) and target != root else None


def public_answer(answer: Answer, settings: Settings) -> dict[str, Any]:
    """`Answer.to_dict()` with each citation's path shown relative to its folder."""
    data = answer.to_dict()
    for c in [*data["citations"], *data["see_also"]]:
        c["path"] = display_path(c["path"], settings)
    return data


def public_documents(docs: list[DocumentInfo], settings: Settings) -> list[dict[str, Any]]:
    """The library as JSON-ready records, paths shown relative to their folder."""
    return [d.model_dump() | {"path": display_path(d.path, settings)} for d in docs]


def library_rows(docs: list[DocumentInfo], settings: Settings) -> list[list[Any]]:
    """Rows for the library table."""
    return [[d.title, d.source or "—", d.date or "—", d.chunks, display_path(d.path, settings)] for d in docs]


def _pairs(history: list[dict[str, Any]]) -> list[tuple[str, str]]:
    pairs, question = [], None
    for message in history:
        content = message.get("content")
        text = content if isinstance(content, str) else str(content)
        if message.get("role") == "user":
            question = text
        elif question is not None:
            pairs.append((question, text))
            question = None
    return pairs


def _date(value: str, name: str) -> str | None:
    value = (value or "").strip()
    if value and not _ISO_DATE.match(value):
        import gradio as gr

        raise gr.Error(f"{name} must be a date like 2025-09-01")
    return value or None


def save_uploads(files: list[str], upload_dir: Path) -> list[Path]:
    """Copy uploaded files into the upload directory, never overwriting a different file.

    Names are made safe (no path, no leading dot, at most `MAX_NAME_BYTES`); a different file under a
    taken name gets its content hash appended, so the same upload always lands on the same name.
    """
    upload_dir.mkdir(parents=True, exist_ok=True)
    saved = []
    for name in files:
        source = Path(name)
        data = source.read_bytes()
        suffix = source.suffix.lower()
        stem = _UNSAFE_NAME.sub("_", source.stem).lstrip(".").encode()[:MAX_NAME_BYTES]
        stem = stem.decode(errors="ignore") or "upload"
        target = upload_dir / f"{stem}{suffix}"
        if target.exists() and target.read_bytes() != data:
            target = upload_dir / f"{stem}-{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
        target.write_bytes(data)
        saved.append(target.resolve())
    return saved


def report_markdown(report: IngestReport) -> str:
    """The outcome of an upload, delete or re-index, with one line per failed file."""
    lines = [
        f"✅ {report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.deleted} deleted ({report.chunks} passages embedded, {report.seconds:.1f} s)."
    ]
    lines += [
        f"- ❌ {escape_markdown(Path(p.path).name)}: "
        f"{escape_markdown(_without_path(p.error.removeprefix(f'{p.path}: '), p.path))}"
        for p in report.failed
    ]
    return "\n".join(lines)


def report_details(report: IngestReport, settings: Settings) -> dict[str, Any]:
    """The report as JSON for the UI and API, each problem keyed by `file` (shown relative to its folder).

    Not `path`: Gradio clients take any dict with a `path` key for a file to download.
    """
    data = report.model_dump(mode="json")
    for key in ("failed", "skipped"):
        data[key] = [
            {"file": display_path(p["path"], settings), "error": _without_path(p["error"], p["path"])}
            for p in data[key]
        ]
    return data


def _without_path(error: str, path: str) -> str:
    return error.replace(path, Path(path).name)


def build_app(settings: Settings | None = None) -> gr.Blocks:
    """Build the app (chat, sources panel, filters, library) for `settings`, without launching it."""
    import gradio as gr

    settings = settings or Settings()
    docs = library(settings=settings)
    # Gradio's cached copies of files (uploads are deleted at once; anything else after an hour).
    cache = (3600, 3600)
    with gr.Blocks(title="News archive QA · 新闻问答", analytics_enabled=False, delete_cache=cache) as demo:
        header = gr.Markdown(_header(docs))
        with gr.Tab("Ask · 提问"):
            _ask_tab(gr, settings, docs)
        with gr.Tab("Library · 文库"):
            _library_tab(gr, settings, docs, header)
        gr.api(_api_ask(settings), api_name="ask")
        gr.api(_api_documents(settings), api_name="documents")
    return demo


def _header(docs: list[DocumentInfo]) -> str:
    return (
        "# News archive QA · 新闻问答\nAsk in Chinese or English; every answer quotes and cites its sources, "
        f"and says so when the archive does not know.  \n{archive_summary(docs)}"
    )


def _ask_tab(gr: Any, settings: Settings, docs: list[DocumentInfo]) -> None:
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
                send = gr.Button("Ask", variant="primary")
                clear = gr.ClearButton(value="Clear")
            gr.Examples(EXAMPLES, inputs=question, label="Examples · 示例")
        with gr.Column(scale=2, min_width=300):
            sources = gr.HTML(render_sources(None), label="Sources", elem_id="sources")
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
    inputs = [question, chat, outlets, since, until, k, mode]
    for trigger in (send.click, question.submit):
        trigger(_respond(settings), inputs, [question, chat, sources], api_visibility="private")
    clear.add([chat, question])
    clear.click(lambda: render_sources(None), None, sources, api_visibility="private")


def _respond(settings: Settings) -> Any:
    def respond(
        message: str,
        history: list[dict[str, Any]],
        outlets: list[str] | None,
        since: str,
        until: str,
        k: float,
        mode: str,
    ) -> Iterator[tuple[str, list[dict[str, Any]], str]]:
        message = (message or "").strip()
        if not message:
            yield "", history, render_sources(None)
            return
        options = {
            "sources": outlets or None,
            "since": _date(since, "Since"),
            "until": _date(until, "Until"),
            "k": int(k),
            "use_llm": mode == "LLM",
        }
        turns = [*history, {"role": "user", "content": message}, {"role": "assistant", "content": "…"}]
        try:
            for partial in stream_answer(message, _pairs(history), settings=settings, **options):
                turns[-1] = {"role": "assistant", "content": render_answer(partial)}
                yield "", turns, render_sources(partial) if partial.citations or partial.refused else "…"
        except RagError as exc:
            turns[-1] = {"role": "assistant", "content": f"⚠️ {escape_markdown(str(exc))}"}
            yield "", turns, render_sources(None)

    return respond


def _library_tab(gr: Any, settings: Settings, docs: list[DocumentInfo], header: Any) -> None:
    table = gr.Dataframe(
        library_rows(docs, settings),
        headers=["Title", "Outlet", "Date", "Passages", "File"],
        interactive=False,
        wrap=True,
        label="Indexed articles",
    )
    files = gr.File(
        file_count="multiple", file_types=UPLOAD_TYPES, label="Add articles (.txt .md .html .pdf .docx)"
    )
    add = gr.Button("Add to archive", variant="primary")
    with gr.Row():
        target = gr.Dropdown(
            _upload_choices(docs, settings), label="Uploaded file to remove", allow_custom_value=True
        )
        delete = gr.Button("Delete", variant="stop")
        reindex = gr.Button("Re-index everything")
    status = gr.Markdown()
    details = gr.JSON(label="Last report", visible=True)
    outputs = [status, details, table, target, header]
    # One queue for every write: an upload, a delete and a re-index wait for each other, never collide.
    writes = {"concurrency_limit": 1, "concurrency_id": "writes"}
    add.click(_readable(_on_upload(settings)), files, outputs, api_name="upload", **writes)
    delete.click(_readable(_on_delete(settings)), target, outputs, api_name="delete", **writes)
    reindex.click(_readable(_on_reindex(settings)), None, outputs, api_name="reindex", **writes)


def _readable(handler: Callable[..., T]) -> Callable[..., T]:
    """`handler` with a project error shown as its message (not Gradio's bare "Error")."""
    import gradio as gr

    @functools.wraps(handler)
    def wrapped(*args: Any, **kwargs: Any) -> T:
        try:
            return handler(*args, **kwargs)
        except RagError as exc:
            raise gr.Error(str(exc)) from exc

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


def _refreshed(settings: Settings, report: IngestReport, docs: list[DocumentInfo]) -> tuple[Any, ...]:
    import gradio as gr

    return (
        report_markdown(report),
        report_details(report, settings),
        library_rows(docs, settings),
        gr.update(choices=_upload_choices(docs, settings), value=None),
        _header(docs),
    )


def _on_upload(settings: Settings) -> Any:
    import gradio as gr

    def upload(files: list[str] | None, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        if not files:
            raise gr.Error("Choose one or more files first.")
        received = [Path(str(f)) for f in files]
        try:
            saved = save_uploads([str(f) for f in received], settings.upload_dir)
        finally:
            # Gradio's cached copy would stay downloadable after the article is deleted.
            for path in received:
                path.unlink(missing_ok=True)
        report = ingest(
            saved, settings=settings, progress=lambda f, label: progress(f, desc=Path(label).name)
        )
        docs = library(settings=settings)
        indexed = {d.path for d in docs}
        for path in saved:
            # A failed file, or a duplicate of an indexed article, is not kept.
            if str(path) not in indexed:
                path.unlink(missing_ok=True)
        return _refreshed(settings, report, docs)

    return upload


def _on_delete(settings: Settings) -> Any:
    import gradio as gr

    def delete(shown: str | None) -> tuple[Any, ...]:
        if not shown:
            raise gr.Error("Choose a file to delete first.")
        path = upload_path(shown, settings)
        if path is None:
            raise gr.Error(
                f"{shown} is not an uploaded file: the app deletes only what was uploaded to it. Remove "
                "other articles from their folder and run `python -m ingest FOLDER --prune`."
            )
        report = remove([path], settings=settings)
        if not report.failed:
            path.unlink(missing_ok=True)
        return _refreshed(settings, report, library(settings=settings))

    return delete


def _on_reindex(settings: Settings) -> Any:
    def reindex() -> tuple[Any, ...]:
        report = ingest(settings.archive_folders(), prune=True, settings=settings)
        return _refreshed(settings, report, library(settings=settings))

    return reindex


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


def _index_bundled_archive(settings: Settings) -> None:
    started = []

    def show(fraction: float, label: str) -> None:
        if not started:
            started.append(time.perf_counter())
            print(f"First start: indexing {settings.archive_dir} …", file=sys.stderr)
        print(f"\r  {fraction:4.0%}  {Path(label).name[:50]:<50}", end="", file=sys.stderr)

    ensure_index(settings=settings, progress=show)
    if started:
        print(f"\n  indexed in {time.perf_counter() - started[0]:.0f} s", file=sys.stderr)


def is_loopback(host: str) -> bool:
    """Whether `host` is a loopback name or address (only this machine can connect)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="News archive QA web app.")
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default: loopback only)")
    parser.add_argument("--port", type=int, default=7860)
    parser.add_argument("--data-dir", type=Path, help="index directory (default: RAG_DATA_DIR)")
    parser.add_argument(
        "--insecure-no-auth",
        action="store_true",
        help="serve beyond loopback without RAG_API_KEY: anyone who can reach it may upload and delete",
    )
    return parser


def _auth(settings: Settings) -> Callable[[str, str], bool] | None:
    key = settings.api_key
    if not key:
        return None
    return lambda _user, password: hmac.compare_digest(password.encode(), key.encode())


def main(argv: list[str] | None = None) -> int:
    """Serve the app; returns the exit code (1 error, 2 usage or an unprotected public address)."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings(data_dir=args.data_dir) if args.data_dir else Settings()
    if not is_loopback(args.host) and not settings.api_key and not args.insecure_no_auth:
        print(
            f"error: --host {args.host} lets other machines in: set RAG_API_KEY (the password they must "
            "give), or pass --insecure-no-auth to serve without one",
            file=sys.stderr,
        )
        return 2
    try:
        _index_bundled_archive(settings)
        demo = build_app(settings)
    except RagError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    demo.queue(max_size=settings.queue_size, default_concurrency_limit=settings.concurrency)
    demo.launch(
        server_name=args.host,
        server_port=args.port,
        share=False,
        auth=_auth(settings),
        auth_message="Enter the archive's key (RAG_API_KEY) as the password; any user name.",
        max_file_size=f"{settings.max_file_mb:g}mb",
        blocked_paths=[str(settings.data_dir), str(settings.upload_dir)],
        ssr_mode=False,
        mcp_server=False,
        footer_links=["api"],
        css=CSS,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
