"""The archive inside LangChain programs: a retriever, an answering Runnable, and a tool for agents.

Imported only when asked for (`from rag.langchain import NewsArchiveRetriever`), so `import rag`
stays light. Everything here wraps the public API (`retrieve`, `stream_answer`): the same hybrid
Chinese/English retrieval, filters, refusals and verified citations.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from typing import Any

from langchain_core.callbacks import AsyncCallbackManagerForRetrieverRun, CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableConfig
from langchain_core.tools import BaseTool, create_retriever_tool

from rag.answer import stream_answer
from rag.config import Settings
from rag.errors import BadRequest
from rag.retrieve import retrieve
from rag.types import Answer, Hit

TOOL_NAME = "search_news_archive"
DOCUMENT_PROMPT = "[{title} · {source} · {date}]\n{page_content}"
TOOL_DESCRIPTION = (
    "Search a private archive of Chinese and English news articles. Input: a question or keywords in "
    "either language. Returns the best passages, each with its title, outlet and date."
)


def to_document(hit: Hit) -> Document:
    """A hit as a LangChain `Document`: the chunk's text, and where it comes from in the metadata."""
    chunk = hit.chunk
    return Document(
        id=chunk.chunk_id,
        page_content=chunk.text,
        metadata={
            "title": chunk.title,
            "source": chunk.source,
            "date": chunk.date,
            "path": chunk.path,
            "doc_id": chunk.doc_id,
            "chunk_id": chunk.chunk_id,
            "start": chunk.start,
            "end": chunk.end,
            "score": hit.score,
            "dense": hit.dense,
            "bm25": hit.bm25,
        },
    )


def format_documents(documents: Sequence[Document]) -> str:
    """Number the passages for a prompt: `[n] title · outlet · date` then the text."""
    blocks = []
    for n, doc in enumerate(documents, start=1):
        meta = doc.metadata
        about = " · ".join(str(x) for x in (meta.get("title"), meta.get("source"), meta.get("date")) if x)
        blocks.append(f"[{n}] {about}\n{doc.page_content}")
    return "\n\n".join(blocks)


class NewsArchiveRetriever(BaseRetriever):
    """The archive's hybrid retriever (keyword + multilingual dense) as a LangChain retriever.

    Returns the same hits, in the same order, as `rag.retrieve` with the same filters.
    """

    k: int | None = None
    sources: list[str] | None = None
    since: str | None = None
    until: str | None = None
    settings: Settings | None = None

    def _search(self, query: str) -> list[Document]:
        hits = retrieve(
            query, self.k, sources=self.sources, since=self.since, until=self.until, settings=self.settings
        )
        return [to_document(h) for h in hits]

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return self._search(query)

    async def _aget_relevant_documents(
        self, query: str, *, run_manager: AsyncCallbackManagerForRetrieverRun
    ) -> list[Document]:
        return await asyncio.to_thread(self._search, query)

    def as_tool(self, name: str = TOOL_NAME, description: str = TOOL_DESCRIPTION, **kwargs: Any) -> BaseTool:  # type: ignore[override]
        """A tool an agent calls to search the archive: it returns the passages with title, outlet, date."""
        from langchain_core.prompts import PromptTemplate

        kwargs.setdefault("document_prompt", PromptTemplate.from_template(DOCUMENT_PROMPT))
        return create_retriever_tool(self, name, description, **kwargs)


class AnswerChain(Runnable[Any, Answer]):
    """Answers from the archive as a Runnable: `invoke` gives the `Answer`, `stream` its growing text.

    Input: a question, or `{"question": …, "history": [(q, a), …], "filters": {"sources", "since",
    "until", "k"}}` (filters may also be given at the top level).
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings

    def invoke(self, input: Any, config: RunnableConfig | None = None, **kwargs: Any) -> Answer:  # noqa: A002
        """The complete answer."""
        final: Answer | None = None
        for final in self.stream(input, config):  # noqa: B007
            pass
        if final is None:
            raise BadRequest("the archive gave no answer")
        return final

    def stream(
        self,
        input: Any,  # noqa: A002
        config: RunnableConfig | None = None,
        **kwargs: Any,
    ) -> Iterator[Answer]:
        """Partial answers with growing text, then the complete one (as `rag.stream_answer`)."""
        question, history, options = _unpack(input)
        yield from stream_answer(question, history, settings=self.settings, **options)


def _unpack(data: Any) -> tuple[str, list[tuple[str, str]] | None, dict[str, Any]]:
    if isinstance(data, str):
        return data, None, {}
    if not isinstance(data, dict) or not isinstance(data.get("question"), str):
        raise BadRequest("give a question, or a dict with a 'question' (and 'history', 'filters')")
    filters = {**data, **(data.get("filters") or {})}
    options = {
        key: filters[key] for key in ("sources", "since", "until", "k") if filters.get(key) is not None
    }
    history = [tuple(turn) for turn in data.get("history") or []]
    return data["question"], history or None, options


def answer_chain(*, settings: Settings | None = None) -> AnswerChain:
    """A Runnable that answers from the archive (see `AnswerChain`)."""
    return AnswerChain(settings)


def archive_tool(retriever: NewsArchiveRetriever | None = None) -> BaseTool:
    """The archive search as an agent tool (a `NewsArchiveRetriever` with default settings if none)."""
    return (retriever or NewsArchiveRetriever()).as_tool()
