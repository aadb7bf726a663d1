"""Records passed between modules (frozen dataclasses) and the public results (pydantic models)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, Field

from rag.text import normalize


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its original text and what we know about it.

    `source` is the outlet, `date` an ISO date (`YYYY-MM-DD`) and `url` the page's own address (an
    HTML page's canonical link or og:url); any may be unknown.
    """

    title: str
    text: str
    path: str
    source: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Chunk:
    """A token-sized slice of a document; `text == document.text[start:end]`."""

    chunk_id: str
    doc_id: str
    title: str
    text: str
    path: str
    index: int
    start: int
    end: int
    doc_chunks: int
    source: str | None = None
    date: str | None = None
    url: str | None = None

    @property
    def index_text(self) -> str:
        """What the retrievers see: the title (it helps retrieval) and the text, NFKC-normalised."""
        return normalize(f"{self.title}\n{self.text}")

    @property
    def text_hash(self) -> str:
        """Hash of `index_text`: equal hashes mean an equal embedding, whatever the document."""
        return hashlib.sha1(self.index_text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Filters:
    """Restrictions applied to both retrievers: outlets, an inclusive ISO date range, files, articles."""

    sources: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    paths: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sources or self.since or self.until or self.paths or self.documents)


@dataclass(frozen=True, slots=True)
class Hit:
    """A retrieved chunk with its fused score and the scores of each retriever (0 when absent)."""

    chunk: Chunk
    score: float
    dense: float = 0.0
    bm25: float = 0.0


@dataclass(frozen=True, slots=True)
class Evidence:
    """Hits for a question, and the typical dense similarity of its weaker candidates.

    The gap between the best hit's similarity and `background` says how much the best passage
    stands out from the rest of the archive, whatever the question's language.
    """

    hits: list[Hit]
    background: float
    centred: bool = False


@dataclass(frozen=True, slots=True)
class Declared:
    """The names a question writes that articles give their subject by, by article id (`rag.aliases`).

    地平线 ("horizon") names a company where an article writes "Horizon Robotics (地平线)", as 美的
    ("beautiful") does where a news headline opens on it; that article is about it in every sentence, as
    if its headline said it.
    """

    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def every(self) -> tuple[str, ...]:
        """The names declared, each once."""
        return tuple(dict.fromkeys(name for names in self.names.values() for name in names))

    def headline(self, chunk: Chunk) -> str:
        """`chunk`'s title, and the names its article declares."""
        return " ".join((chunk.title, *self.names.get(chunk.doc_id, ())))


@dataclass(frozen=True, slots=True)
class Quote:
    """An exact span `[start, end)` of a hit's chunk text chosen for the answer."""

    hit: Hit
    rank: int
    start: int
    end: int
    score: float

    @property
    def text(self) -> str:
        """The quoted characters."""
        return self.hit.chunk.text[self.start : self.end]


class Citation(BaseModel):
    """A numbered source of an answer: the article and the exact sentence quoted from it."""

    n: int
    title: str
    source: str | None = None
    date: str | None = None
    quote: str
    passage: str = Field(description="The chunk the quote was taken from, for context.")
    doc_id: str
    chunk_id: str
    path: str
    start: int = Field(description="Offset of the quote in the document's original text.")
    end: int


class Answer(BaseModel):
    """An answer with its citations; `refused` answers list the closest sources as see-also."""

    question: str
    text: str
    citations: list[Citation] = Field(default_factory=list)
    refused: bool = False
    see_also: list[Citation] = Field(
        default_factory=list, description="Closest sources when the answer is refused."
    )
    mode: Literal["extractive", "llm", "extractive-fallback"] = Field(
        default="extractive", description="`extractive`, `llm` or `extractive-fallback`."
    )
    note: str | None = Field(default=None, description="Why an LLM answer was replaced, if it was.")
    timings: dict[str, float] = Field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return self.model_dump(mode="json")

    def to_json(self) -> str:
        """Return the answer as JSON text, keeping non-ASCII characters readable."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)
