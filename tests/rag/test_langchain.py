"""The LangChain adapter with real LangChain objects; a fake chat model stands in for a remote LLM."""

import asyncio
import re

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from rag import Answer, retrieve
from rag.config import PROJECT_DIR, Settings
from rag.langchain import NewsArchiveRetriever, answer_chain, archive_tool, format_documents

README = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")


def _readme_block(marker: str) -> str:
    return next(b for b in re.findall(r"```python\n(.*?)```", README, flags=re.S) if marker in b)


def test_the_readme_lcel_example_runs(archive: Settings, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("RAG_DATA_DIR", str(archive.data_dir))
    monkeypatch.setenv("RAG_COLLECTION", archive.collection)
    if archive.chroma_host:
        monkeypatch.setenv("RAG_CHROMA_HOST", archive.chroma_host)
        monkeypatch.setenv("RAG_CHROMA_PORT", str(archive.chroma_port))
    llm = FakeListChatModel(responses=["小红卡关停是因为“准备不够充分”[1]。"])
    printed: list[str] = []
    namespace = {"llm": llm, "print": printed.append}
    exec(_readme_block("RunnablePassthrough"), namespace)  # noqa: S102 - the README's own example
    assert printed == ["小红卡关停是因为“准备不够充分”[1]。"]
    prompt = namespace["prompt"].invoke({"context": "x", "question": "q"})
    assert "cite them as [n]" in prompt.to_string()


@pytest.mark.parametrize(
    "filters",
    [{}, {"sources": ["Xin Lang Cai Jing"]}, {"since": "2025-11-01"}, {"until": "2025-09-01", "k": 2}],
)
def test_retriever_returns_the_same_hits_in_the_same_order_as_retrieve(archive: Settings, filters: dict):
    question = "快手要做自营电商吗？"
    docs = NewsArchiveRetriever(settings=archive, **filters).invoke(question)
    k = filters.pop("k", None)
    hits = retrieve(question, k, settings=archive, **filters)
    assert [d.id for d in docs] == [h.chunk.chunk_id for h in hits]
    assert all(d.metadata["source"] == filters["sources"][0] for d in docs) if "sources" in filters else True
    first = docs[0].metadata
    assert {"title", "source", "date", "path", "chunk_id", "start", "end", "score"} <= set(first)


def test_async_retrieval_matches_sync(archive: Settings):
    retriever = NewsArchiveRetriever(k=3, settings=archive)
    docs = asyncio.run(retriever.ainvoke("why did 小红卡 close?"))
    assert [d.id for d in docs] == [d.id for d in retriever.invoke("why did 小红卡 close?")]


def test_answer_chain_invokes_streams_and_batches(archive: Settings):
    chain = answer_chain(settings=archive)
    result = chain.invoke("小红卡为什么关停？")
    assert isinstance(result, Answer) and "准备不够充分" in result.text and result.citations
    parts = list(chain.stream({"question": "它为什么关停？", "history": [("小红卡是什么？", "")]}))
    assert parts and "准备不够充分" in parts[-1].text
    answered, refused = chain.batch(["小红卡为什么关停？", "特斯拉的市值是多少？"])
    assert not answered.refused and refused.refused
    filtered = chain.invoke(
        {"question": "快手要做自营电商吗？", "filters": {"sources": ["Xin Lang Cai Jing"]}}
    )
    assert all(c.source == "Xin Lang Cai Jing" for c in filtered.citations)


def test_the_tool_returns_attributed_passages(archive: Settings):
    tool = archive_tool(NewsArchiveRetriever(k=2, settings=archive))
    out = tool.invoke({"query": "小红卡为什么关停？"})
    assert tool.name == "search_news_archive" and "Xin Lang Ke Ji" in out and "准备不够充分" in out


def test_format_documents_numbers_passages(archive: Settings):
    text = format_documents(NewsArchiveRetriever(k=2, settings=archive).invoke("小红卡"))
    assert text.startswith("[1] ") and "\n\n[2] " in text
