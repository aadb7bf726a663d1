"""Exceptions raised by this project; each message names the input and the next step."""

from __future__ import annotations

import re

# `scheme://user:password@host`: the credentials part, stopped at the first "/", blank or "@".
_CREDENTIALS = re.compile(r"(?<=://)[^/\s@]++@")


def redact(text: str) -> str:
    """`text` with the `user:password@` part of every URL in it removed."""
    return _CREDENTIALS.sub("", text)


class RagError(Exception):
    """Base class of every error this project raises on purpose."""


class BadRequest(RagError, ValueError):
    """The question or a filter cannot be used (empty, too long, malformed date)."""


class NotFound(RagError, KeyError):
    """No indexed article has the given id."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class IndexBusy(RagError):
    """Another process is writing to the index."""


class QueueFull(RagError):
    """The app is answering as many questions as it may, with as many waiting as it holds."""


class StoreUnavailable(RagError):
    """The Chroma index cannot be opened or queried."""


class ServerUnreachable(StoreUnavailable):
    """The configured Chroma server does not answer."""


class IndexDamaged(StoreUnavailable):
    """The on-disk index cannot be read; re-create it with `python -m ingest --rebuild PATH...`."""


class EmbedderUnavailable(RagError):
    """The configured embedding model cannot be loaded."""


class LLMUnavailable(RagError):
    """The configured language model cannot be reached or is misconfigured."""


class LoadError(RagError):
    """A file cannot be turned into documents; the message says which file and why."""


class UnsupportedFile(LoadError):
    """The file's type is not one we read."""


class DecodeFailed(LoadError):
    """The file's text encoding cannot be determined confidently."""


class EmptyFile(LoadError):
    """The file holds no text."""


class FileTooLarge(LoadError):
    """The file exceeds the configured size cap."""
