"""The REST API under /api: answers (whole or streamed as server-sent events), documents, re-index, health.

Every route takes the same inputs and limits as the Gradio UI: answers through `rag.stream_answer`,
uploads, deletes and re-indexes through `rag.web.writes`, results rendered by `rag.web.present`.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, HTTPException, Query, UploadFile
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from ingest.watch import FolderWatch, WatchStatus
from rag import (
    Answer,
    ArchiveStatus,
    BadRequest,
    Citation,
    RagError,
    Settings,
    article,
    library,
    status,
    stream_answer,
)
from rag.conversations import get_conversation, save_turn
from rag.feedback import give_feedback
from rag.web.http import Admission, admitted_stream, complete, opened, rag_error_body, sse
from rag.web.present import display_path, public_answer, public_documents, report_details, upload_path
from rag.web.saved import OwnerKey, request_owner, saved_routes
from rag.web.writes import Written, add_uploads, delete_upload, reindex

MAX_FILES_PER_UPLOAD = 20
MAX_HISTORY_TURNS = 20
MAX_TURN_CITATIONS = 20


class Turn(BaseModel):
    """An earlier exchange of the conversation: the question, the answer's text, and its citations.

    The citations (as an earlier `/api/answer` returned them) are optional: with them a follow-up
    prefers the articles they cite and can name one ("the second source").
    """

    question: str
    answer: str
    citations: list[Citation] = Field(default_factory=list, max_length=MAX_TURN_CITATIONS)

    def as_answer(self) -> Answer:
        """The turn as the `Answer` it was."""
        return Answer(question=self.question, text=self.answer, citations=self.citations)


class AnswerRequest(BaseModel):
    """A question, with optional history, filters and answer mode."""

    question: str = Field(description="In Chinese or English, at most 2,000 characters.")
    history: list[Turn] = Field(
        default_factory=list, max_length=MAX_HISTORY_TURNS, description="Earlier turns, oldest first."
    )
    k: int | None = Field(default=None, description="Passages to retrieve, 1–50 (default RAG_TOP_K).")
    sources: list[str] | None = Field(default=None, description="Keep only these outlets.")
    since: str | None = Field(default=None, description="Keep articles dated on or after (YYYY-MM-DD).")
    until: str | None = Field(default=None, description="Keep articles dated on or before (YYYY-MM-DD).")
    mode: Literal["extractive", "llm"] | None = Field(
        default=None, description="`llm` needs RAG_LLM; default: the LLM when configured."
    )
    conversation: str | None = Field(
        default=None,
        description="A saved conversation to continue (see X-Conversation-Key): its last turns are the "
        "history unless `history` is given, and this turn is saved to it.",
    )
    save: bool = Field(
        default=False,
        description="Save this turn, to `conversation` or to a new conversation; the answer then carries "
        "the conversation's id in `conversation`.",
    )

    model_config = {
        "json_schema_extra": {
            "examples": [
                {"question": "why did 小红卡 close?"},
                {
                    "question": "它的年费是多少？",
                    "history": [{"question": "小红卡是什么？", "answer": "…"}],
                    "sources": ["Xin Lang Ke Ji"],
                    "since": "2025-01-01",
                    "k": 5,
                },
            ]
        }
    }


class Health(ArchiveStatus):
    """The index at a glance, the answer modes this app offers, and its watched folders (if any)."""

    status: Literal["ok"] = "ok"
    modes: list[str]
    watch: WatchStatus | None = None


class FeedbackRequest(BaseModel):
    """A 👍 or 👎 on an answer this app gave (the answer object as /api/answer returned it)."""

    question: str = Field(description="The question that was answered.")
    answer: dict[str, Any] = Field(description="The answer as returned by `POST /api/answer`.")
    liked: bool = Field(description="true for 👍, false for 👎.")
    comment: str = Field(default="", description="Optional, at most 2,000 characters.")


def answers_for(request: AnswerRequest, owner: str, settings: Settings) -> Iterator[Answer]:
    """The stream of partial answers, then the complete one, for an API request by `owner`.

    Raises:
        BadRequest: LLM mode asked for but no LLM is configured (other checks raise while streaming).
        NotFound: `owner` has no saved conversation `request.conversation`.
    """
    if request.mode == "llm" and not settings.llm:
        raise BadRequest("mode=llm needs a language model: set RAG_LLM (see the README), or omit mode")
    history = [t.as_answer() for t in request.history]
    if request.conversation is not None:
        saved = get_conversation(request.conversation, owner=owner, settings=settings).history
        history = history or [t.answer for t in saved[-MAX_HISTORY_TURNS:]]
    return stream_answer(
        request.question,
        history,
        k=request.k,
        sources=request.sources,
        since=request.since,
        until=request.until,
        use_llm=request.mode != "extractive",
        settings=settings,
    )


def answer_body(answer: Answer, request: AnswerRequest, owner: str, settings: Settings) -> dict[str, Any]:
    """The complete answer as the API returns it, saved first when the request asks to keep it."""
    body = public_answer(answer, settings)
    if request.save or request.conversation is not None:
        body["conversation"] = save_turn(
            answer, conversation=request.conversation, owner=owner, settings=settings
        )
    return body


def answer_events(
    flagged: Iterator[tuple[Answer, bool]], finish: Callable[[Answer], dict[str, Any]]
) -> Iterator[str]:
    """Server-sent events: `partial` with the growing text, then `answer` (`finish` of it) or `error`."""
    try:
        for answer, last in flagged:
            if last:
                yield sse(finish(answer), "answer")
            else:
                yield sse({"text": answer.text}, "partial")
    except RagError as exc:
        yield sse(rag_error_body(exc), "error")


def rest_routes(settings: Settings, admission: Admission, watch: FolderWatch | None = None) -> APIRouter:
    """The /api routes for `settings`; questions share `admission` with the OpenAI-compatible routes.

    With `watch`, /health also reports the watched folders (last sync, waiting and failed files).
    """
    router = APIRouter(prefix="/api", max_body_size=1024 * 1024)

    @router.post("/answer", tags=["answers"], summary="Answer a question from the archive")
    async def answer(
        request: AnswerRequest,
        stream: Annotated[
            bool, Query(description="Stream server-sent events: `partial`, then `answer`.")
        ] = False,
        key: OwnerKey = None,
    ) -> Any:
        """Return `Answer.to_dict()`, or stream it with `?stream=true`.

        The answer: text with `[n]` markers, citations (title, outlet, date, quote, offsets), `refused`
        with `see_also` when the archive does not say, `mode`, `timings`; `conversation` when saved.
        """
        owner = request_owner(key, settings)
        answers = await run_in_threadpool(answers_for, request, owner, settings)

        def finish(done: Answer) -> dict[str, Any]:
            return answer_body(done, request, owner, settings)

        if not stream:
            return await run_in_threadpool(finish, await complete(admission, answers))
        flagged = await opened(admission, answers)
        events = admitted_stream(admission, answer_events(flagged, finish))
        return StreamingResponse(
            events, media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
        )

    _document_routes(router, settings)
    saved_routes(router, settings)

    @router.post("/reindex", tags=["documents"], summary="Sync the index with the archive and upload folders")
    async def reindex_all() -> dict[str, Any]:
        """Add, update and prune only inside the archive and upload folders; 409 while another write runs."""
        written = await run_in_threadpool(reindex, settings, wait=False)
        return {"report": report_details(written.report, settings)}

    @router.post(
        "/feedback", tags=["answers"], summary="Give 👍/👎 (and a comment) on an answer", status_code=201
    )
    async def give(request: FeedbackRequest) -> dict[str, int]:
        """Kept with the answer and the archive generation; `python -m rag feedback --export` writes them."""
        given = await run_in_threadpool(
            give_feedback,
            request.question,
            request.answer,
            liked=request.liked,
            comment=request.comment,
            settings=settings,
        )
        return {"id": given}

    @router.get("/health", tags=["status"], summary="Index size, generation, model, answer modes, watch")
    async def health() -> Health:
        """503 when the index cannot be opened."""
        current = await run_in_threadpool(status, settings=settings)
        modes = ["extractive", "llm"] if settings.llm else ["extractive"]
        return Health(**current.model_dump(), modes=modes, watch=watch.status if watch else None)

    return router


def _document_routes(router: APIRouter, settings: Settings) -> None:
    upload_limit = int(settings.max_file_mb * 1024 * 1024 * MAX_FILES_PER_UPLOAD) + 1024 * 1024

    @router.get("/documents", tags=["documents"], summary="List the indexed articles")
    async def documents() -> dict[str, Any]:
        """Newest first; `deletable` marks articles from uploaded files (the only ones the API deletes)."""
        docs = await run_in_threadpool(library, settings=settings)
        return {"documents": _listed(public_documents(docs, settings), settings)}

    @router.post(
        "/documents",
        tags=["documents"],
        summary="Upload articles (.txt .md .markdown .html .htm .pdf .docx)",
        max_body_size=upload_limit,
        form_limits={"max_files": MAX_FILES_PER_UPLOAD, "max_fields": 10},
        responses={
            413: {"description": "A file over RAG_MAX_FILE_MB"},
            415: {"description": "Unsupported type"},
        },
    )
    async def upload(files: Annotated[list[UploadFile], File(description="One or more articles.")]) -> Any:
        """Checked by name, size and content like the Library tab; 422 when no file could be indexed."""
        written = await _received(files, settings)
        docs = _listed(public_documents(written.kept_docs, settings), settings)
        body = {"report": report_details(written.report, settings), "documents": docs}
        return JSONResponse(body, 200 if written.kept or not written.report.failed else 422)

    @router.get("/documents/{doc_id}", tags=["documents"], summary="One article with its whole text")
    async def read(doc_id: str) -> dict[str, Any]:
        """The article as indexed: citations' `start`/`end` are offsets into `text`. 404: unknown id."""
        found = await run_in_threadpool(article, doc_id, settings=settings)
        return found.model_dump() | {"path": display_path(found.path, settings)}

    @router.delete("/documents/{doc_id}", tags=["documents"], summary="Delete an uploaded article's file")
    async def delete(doc_id: str) -> dict[str, Any]:
        """Removes the uploaded file the article came from (with any other article in that file)."""
        docs = await run_in_threadpool(library, settings=settings)
        doc = next((d for d in docs if d.doc_id == doc_id), None)
        if doc is None:
            raise HTTPException(404, f"no indexed article has id {doc_id!r}: GET /api/documents lists them")
        shown = display_path(doc.path, settings)
        if upload_path(shown, settings) is None:
            raise HTTPException(
                403,
                f"{shown} was not uploaded through the app, which deletes only uploads; remove it from "
                "its folder and run `python -m ingest FOLDER --prune`",
            )
        written = await run_in_threadpool(delete_upload, shown, settings, wait=False)
        return {"report": report_details(written.report, settings), "file": shown}


def _listed(docs: list[dict[str, Any]], settings: Settings) -> list[dict[str, Any]]:
    return [d | {"deletable": upload_path(d["path"], settings) is not None} for d in docs]


async def _received(files: list[UploadFile], settings: Settings) -> Written:
    """Copy the uploaded files out of the request, then check, save and index them."""
    names = [Path(f.filename or "").name for f in files]
    if not all(names):
        raise BadRequest("every uploaded file needs a file name (its type is read from the suffix)")
    with tempfile.TemporaryDirectory(prefix="newsrag-upload-") as tmp:
        paths = []
        for i, file in enumerate(files):
            path = Path(tmp) / f"{i}{Path(names[i]).suffix.lower()}"
            with path.open("wb") as out:
                await run_in_threadpool(shutil.copyfileobj, file.file, out)
            paths.append(path)
        return await run_in_threadpool(add_uploads, paths, settings, names=names, wait=False)
