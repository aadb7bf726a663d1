"""What the archive holds: one record per indexed document, and the index's size and generation."""

from __future__ import annotations

from dataclasses import asdict

from pydantic import BaseModel

from rag.bootstrap import ensure_index
from rag.config import Settings, get_settings


class DocumentInfo(BaseModel):
    """An indexed document: what it is, where it came from, and how many chunks it has."""

    doc_id: str
    title: str
    source: str | None = None
    date: str | None = None
    path: str
    chunks: int


def library(*, settings: Settings | None = None) -> list[DocumentInfo]:
    """List indexed documents, newest first (undated last), indexing the bundled archive if empty."""
    keyword = ensure_index(settings=settings or get_settings()).keyword_index()
    docs = [DocumentInfo(**asdict(row)) for row in keyword.documents()]
    by_title = sorted(docs, key=lambda d: d.title)
    return sorted(by_title, key=lambda d: d.date or "", reverse=True)


class ArchiveStatus(BaseModel):
    """The index at a glance: its size, its generation (changes with every write) and its model."""

    documents: int
    chunks: int
    generation: str
    embeddings: str
    collection: str
    llm: str | None = None


def status(*, settings: Settings | None = None) -> ArchiveStatus:
    """Describe the index (indexing the bundled archive if empty).

    Raises:
        StoreUnavailable: the index cannot be opened.
    """
    settings = settings or get_settings()
    store = ensure_index(settings=settings)
    return ArchiveStatus(
        documents=store.keyword_index().document_count(),
        chunks=store.count(),
        generation=store.generation(),
        embeddings=settings.embeddings,
        collection=store.name,
        llm=f"{settings.llm}:{settings.llm_model}" if settings.llm else None,
    )
