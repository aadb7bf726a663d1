"""An OpenAI-compatible chat endpoint under /v1, so any chat client can use the archive as a model.

The last user message is the question and earlier user/assistant pairs the history. The reply is the
grounded answer in Markdown with its numbered sources listed after it; the structured citations ride
along in extra fields (`citations`, `see_also`, `refused`, `answer_mode`, `timings`), which OpenAI
clients keep. Each answer mode is a model: `newsrag-extractive`, and `newsrag-llm` when an LLM is
configured.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, HTTPException
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from rag import Answer, BadRequest, RagError, Settings, stream_answer
from rag.web.http import Admission, admitted_stream, complete, opened, rag_error_body, sse
from rag.web.present import chat_markdown, escape_markdown, public_answer

EXTRACTIVE = "newsrag-extractive"
LLM = "newsrag-llm"
MAX_MESSAGES = 41
_REPLACED = "\n\n---\n\n"


class Message(BaseModel):
    """A chat message; content may be text or a list of parts (only text parts are read)."""

    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[dict[str, Any]] | None = None

    @property
    def text(self) -> str:
        """The message's text, its text parts joined."""
        if isinstance(self.content, list):
            return "".join(str(p.get("text", "")) for p in self.content if p.get("type") == "text")
        return self.content or ""


class ChatRequest(BaseModel):
    """The OpenAI chat-completions request; sampling options are accepted and ignored."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {"model": EXTRACTIVE, "messages": [{"role": "user", "content": "why did 小红卡 close?"}]}
            ]
        },
    )

    model: str = EXTRACTIVE
    messages: list[Message] = Field(min_length=1, max_length=MAX_MESSAGES)
    stream: bool = False


def conversation(messages: list[Message]) -> tuple[str, list[tuple[str, str]]]:
    """The question (the last message, which must be the user's) and the earlier (user, assistant) pairs.

    Raises:
        BadRequest: the last message is not the user's.
    """
    if messages[-1].role != "user":
        raise BadRequest("the last message must be the user's question")
    pairs, asked = [], None
    for message in messages[:-1]:
        if message.role == "user":
            asked = message.text
        elif message.role == "assistant" and asked is not None:
            pairs.append((asked, message.text))
            asked = None
    return messages[-1].text, pairs


def models(settings: Settings) -> list[str]:
    """The model names this archive answers as: one per answer mode it offers."""
    return [EXTRACTIVE, LLM] if settings.llm else [EXTRACTIVE]


def _extra(answer: Answer, settings: Settings) -> dict[str, Any]:
    data = public_answer(answer, settings)
    keep = ("citations", "see_also", "refused", "timings")
    return {key: data[key] for key in keep} | {"answer_mode": answer.mode}


def _chunk(base: dict[str, Any], delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
    choice = {"index": 0, "delta": delta, "finish_reason": finish}
    return sse(base | {"object": "chat.completion.chunk", "choices": [choice]} | extra)


def completion_chunks(
    flagged: Iterator[tuple[Answer, bool]], base: dict[str, Any], settings: Settings
) -> Iterator[str]:
    """The answer as `chat.completion.chunk` events: text deltas, then the sources, then `[DONE]`.

    Only checked text is ever streamed (see `rag.answer`); if the final answer is not a continuation
    of what was sent (an LLM answer replaced by the extractive one), it follows after a rule.
    """
    sent = ""
    yield _chunk(base, {"role": "assistant", "content": ""})
    try:
        for answer, last in flagged:
            text = chat_markdown(answer) if last else escape_markdown(answer.text)
            delta = text[len(sent) :] if text.startswith(sent) else _REPLACED + text
            if delta:
                yield _chunk(base, {"content": delta})
                sent = text
            if last:
                yield _chunk(base, {}, "stop", **_extra(answer, settings))
    except RagError as exc:
        yield sse(rag_error_body(exc))
    yield sse("[DONE]")


def openai_routes(settings: Settings, admission: Admission) -> APIRouter:
    """The /v1 routes for `settings`; questions share `admission` with the REST routes."""
    router = APIRouter(prefix="/v1", tags=["OpenAI-compatible"], max_body_size=1024 * 1024)

    @router.get("/models", summary="The answer modes, as models")
    async def list_models() -> dict[str, Any]:
        """`newsrag-extractive` always; `newsrag-llm` when RAG_LLM is set."""
        created = int(time.time())
        data = [
            {"id": m, "object": "model", "created": created, "owned_by": "newsrag"} for m in models(settings)
        ]
        return {"object": "list", "data": data}

    @router.post("/chat/completions", summary="A grounded answer with its sources, streamed or not")
    async def chat(request: ChatRequest) -> Any:
        """The answer in Markdown with a numbered source list; structured citations in `citations`."""
        if request.model not in models(settings):
            hint = " (set RAG_LLM to offer it)" if request.model == LLM else ""
            raise HTTPException(404, f"no model {request.model!r}{hint}; GET /v1/models lists them")
        question, history = conversation(request.messages)
        answers = stream_answer(question, history, use_llm=request.model == LLM, settings=settings)
        base = {"id": f"chatcmpl-{uuid.uuid4().hex}", "created": int(time.time()), "model": request.model}
        if request.stream:
            flagged = await opened(admission, answers)
            chunks = admitted_stream(admission, completion_chunks(flagged, base, settings))
            return StreamingResponse(
                chunks, media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
            )
        answer = await complete(admission, answers)
        message = {"role": "assistant", "content": chat_markdown(answer)}
        choice = {"index": 0, "message": message, "finish_reason": "stop"}
        return base | {"object": "chat.completion", "choices": [choice]} | _extra(answer, settings)

    return router
