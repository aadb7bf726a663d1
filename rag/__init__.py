"""Grounded question answering over a news archive: public API."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from rag.answer import answer, stream_answer
from rag.config import Settings, get_settings
from rag.errors import (
    BadRequest,
    DecodeFailed,
    EmbedderUnavailable,
    EmptyFile,
    FileTooLarge,
    IndexBusy,
    IndexDamaged,
    LLMUnavailable,
    LoadError,
    NotFound,
    QueueFull,
    RagError,
    ServerUnreachable,
    StoreUnavailable,
    UnsupportedFile,
)
from rag.library import ArchiveStatus, Article, DocumentInfo, article, library, status
from rag.retrieve import retrieve
from rag.types import Answer, Chunk, Citation, Document, Filters, Hit

try:
    __version__ = _version("newsrag")
except PackageNotFoundError:  # a checkout used without installing it
    __version__ = "0+unknown"

__all__ = [
    "Answer",
    "ArchiveStatus",
    "Article",
    "BadRequest",
    "Chunk",
    "Citation",
    "DecodeFailed",
    "Document",
    "DocumentInfo",
    "EmbedderUnavailable",
    "EmptyFile",
    "FileTooLarge",
    "Filters",
    "Hit",
    "IndexBusy",
    "IndexDamaged",
    "LLMUnavailable",
    "LoadError",
    "NotFound",
    "QueueFull",
    "RagError",
    "ServerUnreachable",
    "Settings",
    "StoreUnavailable",
    "UnsupportedFile",
    "answer",
    "article",
    "get_settings",
    "library",
    "retrieve",
    "status",
    "stream_answer",
]
