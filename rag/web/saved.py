"""The REST routes for what a user keeps: saved conversations and pinned questions.

Each request acts for one owner: the browser or program whose key it sends in the
`X-Conversation-Key` header (a browser's key is the one the web UI keeps), or, without a key, the
API's own (everyone's when the app shares conversations).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from rag import Settings
from rag.conversations import (
    API,
    MAX_TITLE_CHARS,
    conversations,
    default_owner,
    delete_conversation,
    get_conversation,
    owner_of,
    rename_conversation,
)
from rag.pins import pin_question, pinned, unpin
from rag.web.present import public_conversation, public_pin

OwnerKey = Annotated[
    str | None,
    Header(
        alias="X-Conversation-Key",
        description="Whose conversations and pins: a key the web UI keeps per browser, or none for the "
        "API's own.",
    ),
]


class Rename(BaseModel):
    """A conversation's new title."""

    title: str = Field(description=f"One line, at most {MAX_TITLE_CHARS} characters.")


class PinRequest(BaseModel):
    """A question to keep answering as the archive changes."""

    question: str = Field(description="In Chinese or English, at most 2,000 characters.")


def request_owner(key: str | None, settings: Settings) -> str:
    """The owner a request acts for (see the module's description).

    Raises:
        BadRequest: the key is malformed.
    """
    return owner_of(key, settings) if key is not None else default_owner(API, settings)


def saved_routes(router: APIRouter, settings: Settings) -> None:
    """Add the /conversations and /pins routes to `router`."""

    @router.get("/conversations", tags=["conversations"], summary="List saved conversations")
    async def listed(key: OwnerKey = None) -> dict[str, Any]:
        """The owner's conversations, the most recently changed first (id, title, times, turns)."""
        owner = request_owner(key, settings)
        found = await run_in_threadpool(conversations, owner=owner, settings=settings)
        return {"conversations": [c.model_dump() for c in found]}

    @router.get("/conversations/{conversation}", tags=["conversations"], summary="One saved conversation")
    async def one(conversation: str, key: OwnerKey = None) -> dict[str, Any]:
        """Every turn: its time, question and answer (as `POST /api/answer` gave it). 404: not the owner's."""
        owner = request_owner(key, settings)
        found = await run_in_threadpool(get_conversation, conversation, owner=owner, settings=settings)
        return public_conversation(found, settings)

    @router.patch("/conversations/{conversation}", tags=["conversations"], summary="Rename a conversation")
    async def rename(conversation: str, request: Rename, key: OwnerKey = None) -> dict[str, str]:
        """400: an empty or too long title; 404: not the owner's."""
        owner = request_owner(key, settings)
        kept = await run_in_threadpool(
            rename_conversation, conversation, request.title, owner=owner, settings=settings
        )
        return {"id": conversation, "title": kept}

    @router.delete(
        "/conversations/{conversation}", tags=["conversations"], summary="Delete one", status_code=204
    )
    async def delete(conversation: str, key: OwnerKey = None) -> Response:
        """Deletes every turn of it. 404: not the owner's."""
        owner = request_owner(key, settings)
        await run_in_threadpool(delete_conversation, conversation, owner=owner, settings=settings)
        return Response(status_code=204)

    @router.get("/pins", tags=["pins"], summary="List pinned questions")
    async def pins(key: OwnerKey = None) -> dict[str, Any]:
        """Each with its latest answer, when it was checked, and what last changed (new sources, figures)."""
        owner = request_owner(key, settings)
        found = await run_in_threadpool(pinned, owner=owner, settings=settings)
        return {"pins": [public_pin(p, settings) for p in found]}

    @router.post("/pins", tags=["pins"], summary="Pin a question", status_code=201)
    async def pin(request: PinRequest, key: OwnerKey = None) -> dict[str, Any]:
        """Answered now, then again after every change to the archive (an ingest, an upload, a sync)."""
        owner = request_owner(key, settings)
        made = await run_in_threadpool(pin_question, request.question, owner=owner, settings=settings)
        return public_pin(made, settings)

    @router.delete("/pins/{pin_id}", tags=["pins"], summary="Unpin a question", status_code=204)
    async def remove(pin_id: int, key: OwnerKey = None) -> Response:
        """404: not the owner's."""
        owner = request_owner(key, settings)
        await run_in_threadpool(unpin, pin_id, owner=owner, settings=settings)
        return Response(status_code=204)
