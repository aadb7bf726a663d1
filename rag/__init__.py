"""Grounded question answering over a news archive: public API."""

from __future__ import annotations

from rag.config import Settings, get_settings
from rag.errors import (
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
from rag.types import Chunk, Document, Filters, Hit

__all__ = [
    "Chunk",
    "DecodeFailed",
    "Document",
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
    "get_settings",
]
