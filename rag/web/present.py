"""What the web app shows: answers, sources, the library and ingest reports, rendered for a page or JSON.

Pure formatting, shared by the Gradio UI and the HTTP API. Document text is always escaped before it
reaches a page, so an article holding HTML or markdown shows as text; absolute server paths never leave.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rag import Answer, Article, Citation, DocumentInfo, Settings
from rag.conversations import Conversation, ConversationInfo
from rag.pins import Pin, describe_change

if TYPE_CHECKING:
    from ingest import IngestReport
    from ingest.watch import WatchStatus

# Characters of a pinned question's latest answer shown in its card.
PIN_PREVIEW_CHARS = 160
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$])")
_MARKER = re.compile(r"\\\[(\d{1,3})\\\]")
_QUOTATION = re.compile(r"“[^“”]*+”")


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


def render_article(article: Article, citations: list[Citation], settings: Settings) -> str:
    """The whole article (HTML, escaped), every span the answer quoted from it highlighted."""
    spans = sorted({(c.start, c.end, c.n) for c in citations if c.doc_id == article.doc_id})
    body, last = "", 0
    for start, end, n in spans:
        if start >= last and end <= len(article.text):
            body += html.escape(article.text[last:start])
            body += f'<mark id="quote-{n}">{html.escape(article.text[start:end])}</mark>'
            last = end
    body += html.escape(article.text[last:])
    meta = " · ".join(
        html.escape(x) for x in (article.source, article.date, display_path(article.path, settings)) if x
    )
    if article.url and article.url.lower().startswith(("https://", "http://")):
        address = html.escape(article.url, quote=True)
        meta += f' · <a href="{address}" target="_blank" rel="noopener noreferrer nofollow">original page</a>'
    return (
        f'<div class="article"><h3>{html.escape(article.title)}</h3><div class="meta">{meta}</div>'
        f'<div class="article-text">{body}</div></div>'
    )


def article_choices(answer: dict[str, Any] | None) -> list[tuple[str, str]]:
    """The articles an answer cites (or lists as see-also), once each: (title, doc_id)."""
    if not answer:
        return []
    labels: dict[str, str] = {}
    for c in answer.get("citations") or answer.get("see_also") or []:
        labels.setdefault(c["doc_id"], f"[{c['n']}] {c['title']}")
    return [(label, doc_id) for doc_id, label in labels.items()]


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


def watch_markdown(status: WatchStatus) -> str:
    """The watched folders, their last sync, what waits and what failed (Library tab)."""
    head = [f"**Watching** {escape_markdown(', '.join(status.folders))}"]
    if status.last_sync:
        when = status.last_sync.replace("T", " ").replace("+00:00", " UTC")
        head.append(f"last sync {when}: {status.last_summary}")
    if status.pending:
        head.append(f"{status.pending} change(s) waiting for their files to settle")
    if status.problem:
        head.append(f"⚠️ {escape_markdown(status.problem)}")
    failures = [f"- failed: {escape_markdown(_without_path(e, p))}" for p, e in status.failed.items()]
    return "  \n".join(head) + ("\n\n" + "\n".join(failures) if failures else "")


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


def chat_markdown(answer: Answer) -> str:
    """The answer as one Markdown message for a chat client: the text, then its numbered sources.

    Everything taken from documents is escaped, so a hostile article cannot make a client render a
    link, an image or HTML.
    """
    listed = answer.see_also if answer.refused else answer.citations
    heading = "See also" if answer.refused else "Sources"
    lines = [f"{c.n}. {_citation_line(c)}" for c in listed]
    sources = f"\n\n**{heading}**\n\n" + "\n".join(lines) if lines else ""
    return escape_markdown(answer.text) + sources


def _citation_line(c: Citation) -> str:
    meta = ", ".join(escape_markdown(x) for x in (c.source, c.date) if x)
    return (
        f"*{escape_markdown(c.title)}*" + (f" — {meta}" if meta else "") + f": “{escape_markdown(c.quote)}”"
    )


def chat_messages(conversation: Conversation) -> list[dict[str, str]]:
    """A saved conversation as the chat shows it: each question, then its rendered answer."""
    messages = []
    for turn in conversation.history:
        messages += [
            {"role": "user", "content": turn.question},
            {"role": "assistant", "content": render_answer(turn.answer)},
        ]
    return messages


def conversation_choices(listed: list[ConversationInfo]) -> list[tuple[str, str]]:
    """The sidebar's list: (title · day, id), newest first as given."""
    return [(f"{c.title} · {c.updated[:10]}", c.id) for c in listed]


def conversation_markdown(conversation: Conversation) -> str:
    """One conversation as a Markdown document: each question, its answer and numbered sources."""
    head = (
        f"# {escape_markdown(conversation.title)}\n\n"
        f"_{len(conversation.history)} question(s), {conversation.created[:16].replace('T', ' ')} → "
        f"{conversation.updated[:16].replace('T', ' ')} UTC, exported from News archive QA._"
    )
    turns = [
        f"## {n}. {escape_markdown(turn.question)}\n\n{chat_markdown(turn.answer)}"
        for n, turn in enumerate(conversation.history, 1)
    ]
    return "\n\n".join([head, *turns]) + "\n"


def public_conversation(conversation: Conversation, settings: Settings) -> dict[str, Any]:
    """One conversation as JSON-ready data: its title, times, and every answer as the API gives it."""
    data = conversation.model_dump(mode="json", exclude={"history"})
    data["history"] = [
        {"time": t.time, "question": t.question, "answer": public_answer(t.answer, settings)}
        for t in conversation.history
    ]
    return data


def conversation_json(conversation: Conversation, settings: Settings) -> str:
    """One conversation as a JSON file (`public_conversation`, indented)."""
    return json.dumps(public_conversation(conversation, settings), ensure_ascii=False, indent=2) + "\n"


def public_pin(pin: Pin, settings: Settings) -> dict[str, Any]:
    """A pinned question as JSON-ready data, its latest answer as the API gives it."""
    return pin.model_dump(mode="json") | {"answer": public_answer(pin.answer, settings)}


def render_pins(pins: list[Pin]) -> str:
    """The pinned questions (HTML): each with its latest answer, and what last changed in it."""
    if not pins:
        return '<p class="pins-empty">Pin a question to see its answer change as articles arrive.</p>'
    return "".join(_pin_card(p) for p in pins)


def _pin_card(pin: Pin) -> str:
    answer = pin.answer
    said = "Not in the archive yet." if answer.refused else answer.text
    said = said if len(said) <= PIN_PREVIEW_CHARS else said[: PIN_PREVIEW_CHARS - 1] + "…"
    checked = pin.checked[:16].replace("T", " ")
    change = ""
    if pin.change:
        when = (pin.changed or "")[:16].replace("T", " ")
        change = f'<div class="pin-change">🔔 {when} UTC: {html.escape(describe_change(pin.change))}</div>'
    return (
        f'<div class="pin" id="pin-{pin.id}"><b>📌 {html.escape(pin.question)}</b>'
        f'<div class="meta">checked {checked} UTC</div>{change}<div>{html.escape(said)}</div></div>'
    )


def pin_choices(pins: list[Pin]) -> list[tuple[str, int]]:
    """The pins to choose from when unpinning: (question, id)."""
    return [(p.question, p.id) for p in pins]
