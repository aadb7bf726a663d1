"""What every HTTP API route shares: the bearer-token check, admission limits, JSON errors, SSE framing.

Errors have one JSON shape on every route, the one OpenAI clients read: `{"error": {"message", "type",
"code"}}`, with a status that fits the cause (400 bad question, 409 index busy, 413 too large, 415
unsupported type, 503 index unavailable or queue full).
"""

from __future__ import annotations

import asyncio
import hmac
import itertools
import json
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from rag import Settings
from rag.errors import (
    BadRequest,
    EmbedderUnavailable,
    FileTooLarge,
    IndexBusy,
    LLMUnavailable,
    LoadError,
    NotFound,
    QueueFull,
    RagError,
    StoreUnavailable,
    UnsupportedFile,
    redact,
)

STATUS: dict[type[RagError], int] = {
    BadRequest: 400,
    NotFound: 404,
    IndexBusy: 409,
    FileTooLarge: 413,
    UnsupportedFile: 415,
    LoadError: 422,
    LLMUnavailable: 502,
    QueueFull: 503,
    StoreUnavailable: 503,
    EmbedderUnavailable: 503,
}
T = TypeVar("T")
_bearer = HTTPBearer(auto_error=False, description="The archive's key, `RAG_API_KEY`.")


def error_body(message: str, kind: str, status: int) -> dict[str, Any]:
    """The JSON error every route returns."""
    return {"error": {"message": message, "type": kind, "code": status}}


def rag_error_body(exc: RagError) -> dict[str, Any]:
    """The JSON error for one of our errors, credentials in any URL it names removed."""
    return error_body(redact(str(exc)), type(exc).__name__, status_of(exc))


def status_of(exc: RagError) -> int:
    """The HTTP status for one of our errors: its class's, or its nearest base class's."""
    return next((STATUS[cls] for cls in type(exc).__mro__ if cls in STATUS), 500)


def install_error_handlers(app: FastAPI) -> None:
    """Make `RagError`, `HTTPException` and invalid requests answer in the one JSON error shape."""

    async def rag_error(_request: Request, exc: RagError) -> JSONResponse:
        headers = {"Retry-After": "1"} if isinstance(exc, QueueFull | IndexBusy) else None
        return JSONResponse(rag_error_body(exc), status_of(exc), headers)

    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        body = error_body(str(exc.detail), "HTTPError", exc.status_code)
        return JSONResponse(body, exc.status_code, exc.headers)

    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p != 'body') or 'body'}: {e.get('msg', '')}"
            for e in exc.errors()[:5]
        )
        return JSONResponse(error_body(f"invalid request: {problems}", "BadRequest", 400), 400)

    app.add_exception_handler(RagError, rag_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)


def require_key(settings: Settings) -> Callable[..., None]:
    """A dependency that demands `Authorization: Bearer <RAG_API_KEY>` when a key is set."""

    def check(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
        key = settings.api_key
        if not key:
            return
        given = credentials.credentials if credentials else ""
        if not hmac.compare_digest(given.encode(), key.encode()):
            raise HTTPException(
                401,
                "missing or wrong API key: send the header `Authorization: Bearer <RAG_API_KEY>`",
                headers={"WWW-Authenticate": "Bearer"},
            )

    return check


class Admission:
    """At most `concurrency` answers at once and `queue_size` waiting; beyond that, `QueueFull`.

    Waiting costs no thread: requests wait on the event loop, and only admitted ones take a worker
    thread, so a burst of questions cannot starve the other routes.
    """

    def __init__(self, concurrency: int, queue_size: int) -> None:
        self.concurrency = concurrency
        self.queue_size = queue_size
        self._slots = asyncio.Semaphore(concurrency)
        self._waiting = 0

    async def acquire(self) -> None:
        """Take a slot, waiting in line if the line is not full.

        Raises:
            QueueFull: `queue_size` requests are already waiting.
        """
        if self._slots.locked() and self._waiting >= self.queue_size:
            raise QueueFull(
                f"the app is answering {self.concurrency} questions with {self.queue_size} waiting; "
                "retry in a moment"
            )
        self._waiting += 1
        try:
            await self._slots.acquire()
        finally:
            self._waiting -= 1

    def release(self) -> None:
        """Give the slot to the next in line."""
        self._slots.release()


async def complete(admission: Admission, answers: Iterator[T]) -> T:
    """The last of `answers` (the complete answer), computed in a worker thread once admitted."""
    await admission.acquire()
    try:
        return await run_in_threadpool(_last, answers)
    finally:
        admission.release()


def _last(answers: Iterator[T]) -> T:
    *_, final = answers
    return final


async def opened(admission: Admission, answers: Iterator[T]) -> Iterator[tuple[T, bool]]:
    """Admit, then compute the first answer, so a bad request fails with its status before streaming.

    The slot stays held: stream what this returns through `admitted_stream`, which releases it.
    """
    await admission.acquire()
    try:
        flagged = with_last(answers)
        first = await run_in_threadpool(next, flagged)
    except BaseException:
        admission.release()
        raise
    return itertools.chain([first], flagged)


async def admitted_stream(admission: Admission, items: Iterator[str]) -> AsyncIterator[str]:
    """Stream `items` (produced in a worker thread), holding an already acquired slot until they end."""
    try:
        async for item in iterate_in_threadpool(items):
            yield item
    finally:
        admission.release()


def with_last(items: Iterator[T]) -> Iterator[tuple[T, bool]]:
    """Each item with whether it is the last one (a stream of partial answers ends with the complete one)."""
    previous: list[T] = []
    for item in items:
        if previous:
            yield previous.pop(), False
        previous.append(item)
    if previous:
        yield previous.pop(), True


def sse(data: Any, event: str | None = None) -> str:
    """One server-sent event carrying `data` as JSON (or a bare string such as `[DONE]`)."""
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return (f"event: {event}\n" if event else "") + f"data: {payload}\n\n"
