"""Grounded question answering over a news archive: public API."""

from __future__ import annotations

from rag.answer import answer, stream_answer
from rag.config import Settings, get_settings
from rag.errors import (
    BadRequest,
    DecodeFailed,
    EmbedderUnavailable,
    EmptyFile,
    FileTooLarge,
    IndexBusy,
    LLMUnavailable,
    LoadError,
    RagError,
    StoreUnavailable,
    UnsupportedFile,
)
from rag.library import DocumentInfo, library
from rag.retrieve import retrieve
from rag.types import Answer, Chunk, Citation, Document, Filters, Hit

__all__ = [
    "Answer",
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
    "LLMUnavailable",
    "LoadError",
    "RagError",
    "Settings",
    "StoreUnavailable",
    "UnsupportedFile",
    "answer",
    "get_settings",
    "library",
    "retrieve",
    "stream_answer",
]
