"""Saved conversations in the UI: the sidebar (list, new, rename, delete, export) and reload restore.

A browser keeps a random owner token and the open conversation's id in its local storage
(`gr.BrowserState`, encrypted with a key kept in the data directory so it survives restarts); on
load the open conversation comes back with its source cards. Storage is `rag.conversations`.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag import Answer, NotFound, RagError, Settings
from rag.conversations import (
    Conversation,
    conversations,
    delete_conversation,
    get_conversation,
    new_owner,
    owner_of,
    rename_conversation,
    save_turn,
)
from rag.web.present import (
    chat_messages,
    conversation_choices,
    conversation_json,
    conversation_markdown,
    render_sources,
)

log = logging.getLogger(__name__)

BROWSER_KEY = "newsrag-conversations"
# A phone has no room beside the chat: there the sidebar starts closed (its toggle opens it).
CLOSE_ON_PHONES = (
    "() => { if (window.innerWidth < 768) document.querySelector('.sidebar.open .toggle-button')?.click(); }"
)
_UNSAFE = re.compile(r"[^\w\-]+")


@dataclass(frozen=True)
class ChatParts:
    """The Ask tab's components a conversation fills: the chat, its answers, the sources panel."""

    chat: Any
    answers: Any
    sources: Any


@dataclass(frozen=True)
class Sidebar:
    """The conversation sidebar's components and the per-browser state behind them."""

    browser: Any  # {"owner": token, "current": id} in the browser's local storage
    owner: Any
    current: Any
    listing: Any
    title: Any
    markdown: Any
    json: Any

    def shown(self, parts: ChatParts) -> list[Any]:
        """Every component `Conversations.view` may fill."""
        return [
            self.browser,
            self.owner,
            self.current,
            self.listing,
            self.title,
            self.markdown,
            self.json,
            parts.chat,
            parts.answers,
            parts.sources,
        ]


class Conversations:
    """The sidebar's handlers for one app: what each event shows, and the saving of answered turns.

    Args:
        settings: where conversations are kept, and whether they are shared.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.exports = Path(tempfile.mkdtemp(prefix="newsrag-exports-"))

    def build(self, gr: Any, demo: Any, parts: ChatParts) -> Sidebar:
        """Lay out the sidebar (call inside `demo`, the Blocks) and wire its events."""
        browser = gr.BrowserState(
            {"owner": None, "current": None}, storage_key=BROWSER_KEY, secret=browser_secret(self.settings)
        )
        with gr.Sidebar(label="Conversations · 对话", open=True, width=300):
            new = gr.Button("＋ New chat · 新对话", variant="primary", size="sm")
            listing = gr.Radio([], label="Saved conversations", value=None, elem_id="conversations")
            with gr.Accordion("This conversation", open=False):
                title = gr.Textbox(label="Title", max_lines=1, interactive=True)
                rename = gr.Button("Rename", size="sm")
                delete = gr.Button("Delete", variant="stop", size="sm")
                markdown = gr.DownloadButton("Export Markdown", size="sm", interactive=False)
                json = gr.DownloadButton("Export JSON", size="sm", interactive=False)
        bar = Sidebar(browser, gr.State(None), gr.State(None), listing, title, markdown, json)
        shown, private = bar.shown(parts), {"api_visibility": "private"}
        demo.load(None, None, None, js=CLOSE_ON_PHONES)
        demo.load(self._restore(bar, parts), browser, shown, **private)
        for emptied in (new.click, parts.chat.clear):  # the chat's own 🗑 starts a new chat too
            emptied(self._handler(bar, parts, lambda owner: None), [bar.owner], shown, **private)
        listing.input(self._handler(bar, parts, self._open), [bar.owner, listing], shown, **private)
        for trigger in (rename.click, title.submit):
            trigger(
                self._handler(bar, parts, self._rename), [bar.owner, bar.current, title], shown, **private
            )
        delete.click(self._handler(bar, parts, self._delete), [bar.owner, bar.current], shown, **private)
        return bar

    def save(self, answer: Answer, owner: str | None, current: str | None) -> str | None:
        """Save an answered turn to the open conversation (or a new one); returns the conversation's id.

        Raises:
            RagError: the turn could not be saved (the caller shows it; the answer itself stands).
        """
        if owner is None:
            return current
        try:
            return save_turn(answer, conversation=current, owner=owner, settings=self.settings)
        except NotFound:  # deleted meanwhile in another tab: the answer starts a new conversation
            return save_turn(answer, owner=owner, settings=self.settings)

    def refresh(self, bar: Sidebar, parts: ChatParts) -> Any:
        """The handler run after an answer: the list, title and exports follow the saved turn."""

        def after(owner: str | None, current: str | None) -> dict[Any, Any]:
            return self.view(bar, parts, owner, self._load(owner, current), chat=False)

        return after

    def view(
        self,
        bar: Sidebar,
        parts: ChatParts,
        owner: str | None,
        shown: Conversation | None,
        *,
        chat: bool = True,
    ) -> dict[Any, Any]:
        """What every sidebar component shows with `shown` open (and the chat too, when `chat`)."""
        import gradio as gr

        listed = conversations(owner=owner, settings=self.settings) if owner else []
        files = self._export(shown)
        values = {
            bar.browser: {"owner": owner, "current": shown.id if shown else None},
            bar.owner: owner,
            bar.current: shown.id if shown else None,
            bar.listing: gr.update(
                choices=conversation_choices(listed),
                value=shown.id if shown else None,
                label=f"Saved conversations · {len(listed)}",
            ),
            bar.title: shown.title if shown else "",
            bar.markdown: gr.update(value=files[0], interactive=bool(shown)),
            bar.json: gr.update(value=files[1], interactive=bool(shown)),
        }
        if chat:
            answers = [t.answer for t in shown.history] if shown else []
            values |= {
                parts.chat: chat_messages(shown) if shown else [],
                parts.answers: [a.to_dict() for a in answers],
                parts.sources: render_sources(answers[-1] if answers else None),
            }
        return values

    def _restore(self, bar: Sidebar, parts: ChatParts) -> Any:
        def restore(stored: dict[str, Any] | None) -> dict[Any, Any]:
            stored = stored if isinstance(stored, dict) else {}
            token = stored.get("owner")
            try:
                owner = owner_of(token, self.settings)
            except RagError:  # a first visit, or a token this app did not make
                token = new_owner()
                owner = owner_of(token, self.settings)
            shown = self._load(owner, stored.get("current"))
            values = self.view(bar, parts, owner, shown)
            values[bar.browser] = {"owner": token, "current": shown.id if shown else None}
            return values

        return restore

    def _handler(self, bar: Sidebar, parts: ChatParts, action: Any) -> Any:
        """`action(owner, *inputs) -> the conversation to show`, its project errors shown as a toast."""
        import gradio as gr

        def handle(owner: str | None, *inputs: Any) -> dict[Any, Any]:
            try:
                return self.view(bar, parts, owner, action(owner, *inputs))
            except RagError as exc:
                gr.Warning(str(exc))
                return {}

        return handle

    def _open(self, owner: str | None, conversation: str | None) -> Conversation | None:
        return self._load(owner, conversation)

    def _rename(self, owner: str | None, conversation: str | None, title: str) -> Conversation | None:
        if conversation and owner:
            rename_conversation(conversation, title, owner=owner, settings=self.settings)
        return self._load(owner, conversation)

    def _delete(self, owner: str | None, conversation: str | None) -> None:
        if conversation and owner:
            delete_conversation(conversation, owner=owner, settings=self.settings)
            for file in (self.exports / conversation).glob("*"):
                file.unlink(missing_ok=True)

    def _load(self, owner: str | None, conversation: str | None) -> Conversation | None:
        if not owner or not isinstance(conversation, str) or not conversation:
            return None
        try:
            return get_conversation(conversation, owner=owner, settings=self.settings)
        except NotFound:
            return None

    def _export(self, shown: Conversation | None) -> tuple[str | None, str | None]:
        """Write the conversation as Markdown and JSON for the export buttons (None when none is open)."""
        if shown is None:
            return None, None
        folder = self.exports / shown.id
        folder.mkdir(exist_ok=True)
        for old in folder.glob("*"):
            old.unlink(missing_ok=True)
        name = _UNSAFE.sub("-", shown.title).strip("-")[:40] or "conversation"
        markdown, json = folder / f"{name}.md", folder / f"{name}.json"
        markdown.write_text(conversation_markdown(shown), encoding="utf-8")
        json.write_text(conversation_json(shown, self.settings), encoding="utf-8")
        return str(markdown), str(json)


def browser_secret(settings: Settings) -> str:
    """The key browsers' stored conversation tokens are encrypted with, kept in the data directory.

    A random key per start (Gradio's default) would make every browser forget its conversations
    whenever the app restarts.
    """
    path = settings.data_dir / "browser-secret"
    try:
        kept = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        kept = ""
    if kept:
        return kept
    secret = secrets.token_urlsafe(24)
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as file:
            file.write(secret)
    except OSError as exc:
        log.warning("browsers will not find their conversations after a restart: %s", exc)
    return secret
