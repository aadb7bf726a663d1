"""Cut documents into token-sized chunks at Chinese-aware boundaries, with stable content-hash ids.

Boundaries are tried in order: paragraph, line, sentence end (。！？；), clause (，、), space. Sizes are
counted in cl100k tokens with the bundled encoding. Chunks keep the original text and its offsets,
so a quote found in a chunk can be located in the document.
"""

from __future__ import annotations

import bisect
import hashlib
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from rag.errors import LoadError
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
        strip_whitespace=True,
    )


def chunk_document(doc: Document, *, chunk_tokens: int, overlap: int) -> list[Chunk]:
    """Split one document into chunks whose `text == doc.text[start:end]`.

    Raises:
        LoadError: the chunks cannot be placed in the text (never seen; kept as a guard).
    """
    doc_id = document_id(doc)
    spans = _locate(doc.text, _splitter(chunk_tokens, overlap).split_text(doc.text))
    if spans is None:
        raise LoadError(f"{doc.path}: could not locate the chunks of “{doc.title[:40]}” in its text")
    seen: Counter[str] = Counter()
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


def _locate(text: str, pieces: list[str]) -> list[tuple[int, int]] | None:
    """Offsets of the splitter's pieces in `text`, consistent from the first character to the last.

    A piece starts after the previous piece's start and no later than the previous piece's end plus the
    whitespace after it (the splitter drops only whitespace); the first starts at the first visible
    character, the last ends at the last. In repetitive text a piece fits at several places: the chain
    of placements that reaches the end of the text is read back (None if there is none).
    """
    if not pieces:
        return []
    layers = _placements(text, pieces)
    ends = [s for s in layers[-1] if s + len(pieces[-1]) >= len(text.rstrip())]
    if not ends:
        return None
    starts = [max(ends)]
    for layer in reversed(layers[1:]):
        starts.append(layer[starts[-1]])
    return [(s, s + len(piece)) for s, piece in zip(reversed(starts), pieces, strict=True)]


def _placements(text: str, pieces: list[str]) -> list[dict[int, int]]:
    """Per piece, its possible starts mapped to a possible start of the previous piece.

    Only the 32 earliest and 32 latest starts are kept per piece, which bounds the work on text that
    repeats itself over and over.
    """

    def reach(end: int) -> int:
        while end < len(text) and text[end].isspace():
            end += 1
        return end

    first = reach(0)
    layers: list[dict[int, int]] = [{first: -1} if text.startswith(pieces[0], first) else {}]
    for prior, piece in zip(pieces, pieces[1:], strict=False):
        previous = sorted(layers[-1])
        layer: dict[int, int] = {}
        high = reach(previous[-1] + len(prior)) if previous else -1
        start = text.find(piece, previous[0] + 1, high + len(piece)) if previous else -1
        while 0 <= start <= high:
            parent = previous[bisect.bisect_left(previous, start) - 1]
            if parent < start <= reach(parent + len(prior)):
                layer[start] = parent
            start = text.find(piece, start + 1, high + len(piece))
        kept = sorted(layer)
        layers.append({s: layer[s] for s in kept[:32] + kept[-32:]})
    return layers
