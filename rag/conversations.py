"""Saved conversations: every answered question kept, listed, renamed, deleted and resumed.

Conversations live in `conversations.sqlite` in the data directory. Each belongs to an owner: a
browser (by a random token it keeps), the terminal, or, with `RAG_SHARED_CONVERSATIONS=true`,
everyone. An owner sees only its own; `owner=None` (the command line) sees every one.
"""

from __future__ import annotations

import re
import secrets

from rag.config import Settings, get_settings
from rag.errors import BadRequest
from rag.store.conversations import Conversation, ConversationInfo, ConversationLog, SavedTurn
from rag.types import Answer

__all__ = [
    "Conversation",
    "ConversationInfo",
    "SavedTurn",
    "conversations",
    "default_owner",
    "delete_conversation",
    "get_conversation",
    "new_owner",
    "owner_of",
    "rename_conversation",
    "save_turn",
]

MAX_TITLE_CHARS = 80
SHARED = "shared"
TERMINAL = "terminal"
API = "api"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
_BLANKS = re.compile(r"\s+")


def new_owner() -> str:
    """A fresh owner token for a browser that has none (unguessable: it is the key to its chats)."""
    return secrets.token_urlsafe(18)


def owner_of(token: str | None, settings: Settings | None = None) -> str:
    """The owner a browser's `token` stands for: itself, or everyone when conversations are shared.

    Raises:
        BadRequest: the token is not one `new_owner` makes.
    """
    if (settings or get_settings()).shared_conversations:
        return SHARED
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        raise BadRequest("this browser's conversation key is malformed: reload the page to get a new one")
    return token


def default_owner(name: str, settings: Settings | None = None) -> str:
    """The owner of what a client without a key saves: `name` (TERMINAL, API), or everyone when shared."""
    return SHARED if (settings or get_settings()).shared_conversations else name


def title_of(question: str) -> str:
    """A conversation's title from its first question: one line, at most `MAX_TITLE_CHARS`."""
    line = _BLANKS.sub(" ", question).strip()
    return line if len(line) <= MAX_TITLE_CHARS else line[: MAX_TITLE_CHARS - 1] + "…"


def save_turn(
    answer: Answer, *, conversation: str | None = None, owner: str | None, settings: Settings | None = None
) -> str:
    """Save `answer` (with its question) as the next turn of `conversation`, or of a new one.

    `owner=None` appends to any owner's `conversation` (the command line); a new one is then the
    terminal's (everyone's when conversations are shared).

    Returns:
        The conversation's id; a new conversation is titled by its first question.

    Raises:
        NotFound: `owner` has no conversation `conversation`.
        StoreUnavailable: the data directory is not writable.
    """
    settings = settings or get_settings()
    if owner is None and conversation is None:
        owner = default_owner(TERMINAL, settings)
    return ConversationLog(settings.data_dir).add(conversation, owner, title_of(answer.question), answer)


def conversations(*, owner: str | None, settings: Settings | None = None) -> list[ConversationInfo]:
    """The conversations `owner` may see (None: all), the most recently changed first."""
    return ConversationLog((settings or get_settings()).data_dir).list(owner)


def get_conversation(
    conversation: str, *, owner: str | None, settings: Settings | None = None
) -> Conversation:
    """One conversation with every turn.

    Raises:
        NotFound: `owner` has no such conversation.
    """
    return ConversationLog((settings or get_settings()).data_dir).get(conversation, owner)


def rename_conversation(
    conversation: str, title: str, *, owner: str | None, settings: Settings | None = None
) -> str:
    """Give a conversation a new title (one line, at most `MAX_TITLE_CHARS`); returns the title as kept.

    Raises:
        BadRequest: the title is empty or too long.
        NotFound: `owner` has no such conversation.
    """
    title = _BLANKS.sub(" ", title if isinstance(title, str) else "").strip()
    if not title:
        raise BadRequest("the new title is empty: type one first")
    if len(title) > MAX_TITLE_CHARS:
        raise BadRequest(f"the title is {len(title)} characters long; at most {MAX_TITLE_CHARS}")
    ConversationLog((settings or get_settings()).data_dir).rename(conversation, owner, title)
    return title


def delete_conversation(conversation: str, *, owner: str | None, settings: Settings | None = None) -> None:
    """Delete a conversation and every turn of it.

    Raises:
        NotFound: `owner` has no such conversation.
    """
    ConversationLog((settings or get_settings()).data_dir).delete(conversation, owner)
