"""Cut documents into token-sized chunks at Chinese-aware boundaries, with stable content-hash ids.

Boundaries are tried in order: paragraph, line, sentence end (。！？；), clause (，、), space. Sizes are
counted in cl100k tokens with the bundled encoding. Chunks keep the original text and its offsets,
so a quote found in a chunk can be located in the document.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from rag.text import count_tokens, normalize
from rag.types import Chunk, Document

if TYPE_CHECKING:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

SEPARATORS = ["\n\n", "\n", r"[。！？!?；;]", r"\.(?=\s)", r"[，,、：:]", r"\s", ""]


def document_id(doc: Document) -> str:
    """Hash of the normalised title and text: the same article at two paths has one id."""
    return hashlib.sha1(normalize(f"{doc.title}\n{doc.text}").encode("utf-8")).hexdigest()[:20]


@lru_cache(maxsize=8)
def _splitter(chunk_tokens: int, overlap: int) -> RecursiveCharacterTextSplitter:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    return RecursiveCharacterTextSplitter(
        separators=SEPARATORS,
        is_separator_regex=True,
        keep_separator="end",
        chunk_size=chunk_tokens,
        chunk_overlap=min(overlap, chunk_tokens // 2),
        length_function=count_tokens,
        add_start_index=True,
        strip_whitespace=True,
    )


def chunk_document(doc: Document, *, chunk_tokens: int, overlap: int) -> list[Chunk]:
    """Split one document into chunks whose `text == doc.text[start:end]`."""
    doc_id = document_id(doc)
    pieces = _splitter(chunk_tokens, overlap).create_documents([doc.text])
    seen: Counter[str] = Counter()
    spans = []
    for piece in pieces:
        start = piece.metadata["start_index"]
        if start < 0:
            start = doc.text.find(piece.page_content)
        spans.append((start, start + len(piece.page_content)))
    chunks = []
    for index, (start, end) in enumerate(spans):
        text = doc.text[start:end]
        key = normalize(text)
        seen[key] += 1
        digest = hashlib.sha1(f"{doc_id}\0{seen[key]}\0{key}".encode()).hexdigest()[:24]
        chunks.append(
            Chunk(
                chunk_id=digest,
                doc_id=doc_id,
                title=doc.title,
                text=text,
                path=doc.path,
                index=index,
                start=start,
                end=end,
                doc_chunks=len(spans),
                source=doc.source,
                date=doc.date,
            )
        )
    return chunks
