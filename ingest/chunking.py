"""Cut documents into token-sized chunks at sentence boundaries, with exact offsets and stable ids.

A document is cut into sentences (`rag.text.sentence_spans`, the same sentences the answerer quotes);
a sentence longer than a chunk is cut at clauses (，、：；), then at blanks, then between tokens. The
pieces are packed into chunks of at most `chunk_tokens` cl100k tokens, each chunk repeating the last
pieces of the one before (up to `overlap` tokens). Every piece is a span of the document, so a chunk's
offsets are known by construction, whatever the text repeats.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from rag.text import count_tokens, normalize, sentence_spans, token_prefix
from rag.types import Chunk, Document

Span = tuple[int, int]
# Where an over-long sentence may be cut, in order of preference.
_CUTS = (re.compile(r"[，,、：:；;]\s*+"), re.compile(r"\s++"))
# No cl100k token is longer than this many characters: a longer span surely exceeds a budget this big.
_MAX_TOKEN_CHARS = 128


def document_id(doc: Document) -> str:
    """Hash of the normalised title and text: the same article at two paths has one id."""
    return hashlib.sha1(normalize(f"{doc.title}\n{doc.text}").encode("utf-8")).hexdigest()[:20]


def chunk_document(doc: Document, *, chunk_tokens: int, overlap: int) -> list[Chunk]:
    """Split one document into chunks whose `text == doc.text[start:end]`."""
    doc_id = document_id(doc)
    spans = pack(doc.text, chunk_tokens, min(overlap, chunk_tokens // 2))
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
                url=doc.url,
            )
        )
    return chunks


def pack(text: str, budget: int, overlap: int) -> list[Span]:
    """Chunk spans of `text`: pieces (see `pieces`) packed up to `budget` tokens, overlapping by `overlap`."""
    parts = pieces(text, budget)
    sizes = [count_tokens(text[s:e]) for s, e in parts]
    spans: list[Span] = []
    first = 0
    while first < len(parts):
        last, used = first, sizes[first]
        # One token per joint allows for the blank between pieces; the exact count is checked below.
        while last + 1 < len(parts) and used + 1 + sizes[last + 1] <= budget:
            last += 1
            used += 1 + sizes[last]
        while last > first and count_tokens(text[parts[first][0] : parts[last][1]]) > budget:
            last -= 1
        spans.append((parts[first][0], parts[last][1]))
        if last + 1 == len(parts):
            break
        first = _overlap_start(sizes, first, last, overlap)
    return spans


def _overlap_start(sizes: list[int], first: int, last: int, overlap: int) -> int:
    """The first piece of the next chunk: the latest pieces of this one that fit in `overlap` tokens."""
    start, kept = last + 1, 0
    while start - 1 > first and kept + sizes[start - 1] <= overlap:
        start -= 1
        kept += sizes[start]
    return start


def pieces(text: str, budget: int) -> list[Span]:
    """The sentences of `text`, each over-long one cut into spans of at most `budget` tokens."""
    out: list[Span] = []
    for start, end in sentence_spans(text):
        out += _cut(text, start, end, budget, 0)
    return out


def _cut(text: str, start: int, end: int, budget: int, level: int) -> list[Span]:
    """`text[start:end]` as spans of at most `budget` tokens, cut at `_CUTS[level]` and finer."""
    if end - start <= budget * _MAX_TOKEN_CHARS and count_tokens(text[start:end]) <= budget:
        return [(start, end)]
    if level == len(_CUTS):
        return _cut_tokens(text, start, end, budget)
    bounds = [start] + [m.end() for m in _CUTS[level].finditer(text, start, end)] + [end]
    out: list[Span] = []
    for s, e in zip(bounds, bounds[1:], strict=False):
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out += _cut(text, s, e, budget, level + 1)
    return out


def _cut_tokens(text: str, start: int, end: int, budget: int) -> list[Span]:
    """Cut a span with no blank or clause mark between tokens, each part at most `budget` tokens."""
    out: list[Span] = []
    while start < end:
        window = text[start : min(end, start + budget * 4)]
        size = token_prefix(window, budget)
        out.append((start, start + size))
        start += size
    return out
