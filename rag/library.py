"""What the archive holds: one record per indexed document, and the index's size and generation."""

from __future__ import annotations

from dataclasses import asdict

from pydantic import BaseModel

from rag.bootstrap import ensure_index
from rag.config import Settings, get_settings
from rag.errors import NotFound


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


class Article(DocumentInfo):
    """An indexed document with its whole text (offsets as in citations' `start`/`end`).

    `url` is the page's own address when the file was an HTML page that stated one.
    """

    text: str
    url: str | None = None


def article(doc_id: str, *, settings: Settings | None = None) -> Article:
    """The whole text of an indexed document, as indexed (its chunks put back at their offsets).

    Raises:
        NotFound: no indexed document has this id.
    """
    chunks = ensure_index(settings=settings or get_settings()).keyword_index().document(doc_id)
    if not chunks:
        raise NotFound(f"no indexed article has id {doc_id!r}: the library lists them")
    text = [" "] * max(c.end for c in chunks)
    for c in chunks:
        text[c.start : c.end] = c.text
    first = chunks[0]
    return Article(
        doc_id=doc_id,
        title=first.title,
        source=first.source,
        date=first.date,
        path=first.path,
        chunks=first.doc_chunks,
        text="".join(text),
        url=first.url,
    )


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
    index = store.keyword_index()
    return ArchiveStatus(
        documents=index.document_count(),
        chunks=len(index),
        generation=store.generation(),
        embeddings=settings.embeddings,
        collection=store.name,
        llm=f"{settings.llm}:{settings.llm_model}" if settings.llm else None,
    )
