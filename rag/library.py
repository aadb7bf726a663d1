"""What the archive holds: one record per indexed document, and the index's size and generation."""

from __future__ import annotations

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
    docs: dict[str, DocumentInfo] = {}
    for chunk in keyword.chunks:
        if chunk.doc_id not in docs:
            docs[chunk.doc_id] = DocumentInfo(
                doc_id=chunk.doc_id,
                title=chunk.title,
                source=chunk.source,
                date=chunk.date,
                path=chunk.path,
                chunks=chunk.doc_chunks,
            )
    by_title = sorted(docs.values(), key=lambda d: d.title)
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
    chunks = store.keyword_index().chunks
    return ArchiveStatus(
        documents=len({c.doc_id for c in chunks}),
        chunks=store.count(),
        generation=store.generation(),
        embeddings=settings.embeddings,
        collection=store.name,
        llm=f"{settings.llm}:{settings.llm_model}" if settings.llm else None,
    )
