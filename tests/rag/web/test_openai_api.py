"""The OpenAI-compatible endpoint of the running app, driven with the official `openai` client."""

import openai
import pytest

from rag.web.openai_api import Message, conversation
from tests.app_fixtures import launch_app


@pytest.fixture(scope="module")
def oai(app_url: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{app_url}v1", api_key="unused", max_retries=0, timeout=120)


def _ask(question: str) -> list[dict]:
    return [{"role": "user", "content": question}]


def test_models_name_the_answer_modes(oai):
    assert [m.id for m in oai.models.list()] == ["newsrag-extractive"]


def test_a_grounded_answer_with_its_sources(oai):
    reply = oai.chat.completions.create(model="newsrag-extractive", messages=_ask("why did 小红卡 close?"))
    content = reply.choices[0].message.content
    citations = reply.model_extra["citations"]
    assert reply.choices[0].finish_reason == "stop" and not reply.model_extra["refused"]
    assert "**Sources**" in content and citations
    assert all(c["quote"] in c["passage"] for c in citations)
    assert "1. *" in content


def test_a_streamed_answer_ends_with_its_citations(oai):
    stream = oai.chat.completions.create(
        model="newsrag-extractive", messages=_ask("小红书拿下了哪家支付牌照？"), stream=True
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert chunks[0].choices[0].delta.role == "assistant"
    assert chunks[-1].choices[0].finish_reason == "stop" and chunks[-1].model_extra["citations"]
    assert "**Sources**" in text


def test_earlier_messages_are_the_history(oai):
    messages = [
        {"role": "system", "content": "You are helpful."},
        {"role": "user", "content": "小红卡是什么？"},
        {"role": "assistant", "content": "小红卡是小红书的到店项目。"},
        {"role": "user", "content": [{"type": "text", "text": "它为什么关停？"}]},
    ]
    reply = oai.chat.completions.create(model="newsrag-extractive", messages=messages)
    assert reply.model_extra["citations"]


def test_unknown_models_and_bad_conversations_are_clear_errors(oai):
    with pytest.raises(openai.NotFoundError, match="GET /v1/models"):
        oai.chat.completions.create(model="gpt-4o", messages=_ask("why did 小红卡 close?"))
    with pytest.raises(openai.NotFoundError, match="RAG_LLM"):
        oai.chat.completions.create(model="newsrag-llm", messages=_ask("why did 小红卡 close?"))
    with pytest.raises(openai.BadRequestError, match="last message"):
        oai.chat.completions.create(
            model="newsrag-extractive", messages=[{"role": "assistant", "content": "hello"}]
        )
    with pytest.raises(openai.BadRequestError, match="empty"):
        oai.chat.completions.create(model="newsrag-extractive", messages=_ask("   "))
    with pytest.raises(openai.BadRequestError):
        oai.chat.completions.create(model="newsrag-extractive", messages=[])


def test_conversation_pairs_user_and_assistant_turns():
    messages = [
        Message(role="system", content="s"),
        Message(role="user", content="a?"),
        Message(role="assistant", content="A."),
        Message(role="user", content="orphan?"),
        Message(role="user", content="b?"),
    ]
    assert conversation(messages) == ("b?", [("a?", "A.")])


@pytest.mark.slow
def test_with_an_llm_its_checked_sentences_stream_and_a_failed_answer_is_replaced(llm_server, tmp_path):
    host, port = llm_server.server_address
    llm = {"RAG_LLM": "openai", "RAG_LLM_MODEL": "canned", "RAG_OPENAI_BASE_URL": f"http://{host}:{port}/v1"}
    launched = launch_app(tmp_path, **llm)
    url = next(launched)
    try:
        client = openai.OpenAI(base_url=f"{url}v1", api_key="unused", max_retries=0, timeout=120)
        assert [m.id for m in client.models.list()] == ["newsrag-extractive", "newsrag-llm"]
        llm_server.mode = "valid_long"
        chunks = list(
            client.chat.completions.create(
                model="newsrag-llm", messages=_ask("小红卡为什么关停？"), stream=True
            )
        )
        texts = [c.choices[0].delta.content for c in chunks if c.choices[0].delta.content]
        assert len(texts) >= 3, "each checked sentence is sent as it is checked"
        assert chunks[-1].model_extra["answer_mode"] == "llm" and chunks[-1].model_extra["citations"]
        llm_server.mode = "invented_quote"
        reply = client.chat.completions.create(model="newsrag-llm", messages=_ask("小红卡为什么关停？"))
        assert reply.model_extra["answer_mode"] == "extractive-fallback"
        assert "完全虚构" not in reply.choices[0].message.content
        plain = client.chat.completions.create(
            model="newsrag-extractive", messages=_ask("小红卡为什么关停？")
        )
        assert plain.model_extra["answer_mode"] == "extractive"
    finally:
        launched.close()
