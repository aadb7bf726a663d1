"""Number citations and verify them: every quote must be an exact substring of the passage it cites."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.extract import Quote
from rag.guard import repeats_instructions
from rag.text import normalize, sentence_spans
from rag.types import Citation, Hit

_MARKER = re.compile(r"\[(\d{1,3})\]")
# Each kind of quotation mark; a body never holds its own opening mark, so matching stays linear.
_QUOTED = re.compile(r"“([^“”]{2,}+)”|‘([^‘’]{2,}+)’|「([^「」]{2,}+)」|『([^『』]{2,}+)』|\"([^\"]{2,}+)\"")


def verify_quote(quote: str, passage: str) -> bool:
    """True when `quote` occurs in `passage` (ignoring width and whitespace differences)."""
    squash = lambda s: re.sub(r"\s+", "", normalize(s))  # noqa: E731
    return bool(quote.strip()) and squash(quote) in squash(passage)


def citation_for(n: int, hit: Hit, start: int, end: int) -> Citation:
    """A citation of `hit.chunk.text[start:end]`, with offsets into the original document."""
    chunk = hit.chunk
    return Citation(
        n=n,
        title=chunk.title,
        source=chunk.source,
        date=chunk.date,
        quote=chunk.text[start:end],
        passage=chunk.text,
        doc_id=chunk.doc_id,
        chunk_id=chunk.chunk_id,
        path=chunk.path,
        start=chunk.start + start,
        end=chunk.start + end,
    )


def number_quotes(quotes: Sequence[Quote]) -> list[Citation]:
    """Number quotes 1..n in answer order, dropping any that fail verification."""
    citations: list[Citation] = []
    for quote in quotes:
        if verify_quote(quote.text, quote.hit.chunk.text):
            citations.append(citation_for(len(citations) + 1, quote.hit, quote.start, quote.end))
    return citations


def cited_numbers(text: str) -> list[int]:
    """The citation numbers `[n]` in `text`, in order of first appearance."""
    return list(dict.fromkeys(int(m) for m in _MARKER.findall(text)))


def quoted_spans(text: str) -> list[str]:
    """Spans of two or more characters that `text` puts between quotation marks of any kind."""
    return [next(g for g in m.groups() if g) for m in _QUOTED.finditer(text)]


def check_generated(text: str, passages: Sequence[Hit]) -> str | None:
    """Why a generated answer fails validation, or None when every citation holds.

    Each sentence with a claim must cite `[n]` for an existing passage, and text it quotes must occur
    in one of the passages that sentence cites.
    """
    numbers = cited_numbers(text)
    if not numbers:
        return "the answer cites no passage"
    invalid = [n for n in numbers if not 1 <= n <= len(passages)]
    if invalid:
        return f"the answer cites passages that do not exist: {invalid}"
    repeated = repeats_instructions(text, [p.chunk.text for p in passages])
    if repeated:
        return f"the answer repeats “{repeated}” from instructions hidden in a document"
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        cited = [int(n) for n in _MARKER.findall(sentence)]
        for span in quoted_spans(sentence):
            sources = [passages[n - 1].chunk.text for n in cited] or [p.chunk.text for p in passages]
            if not any(verify_quote(span, s) for s in sources):
                return f"the quote “{span[:40]}” is not in the passages it cites"
    return None
