"""Chroma specifics: one client per index, error mapping, chunk metadata.

The only module of the project that imports chromadb (besides the server lease in `locks`, which
receives a client from here).
"""

from __future__ import annotations

import errno
import threading
from collections.abc import Callable
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any, TypeVar

from rag.config import Settings
from rag.errors import IndexDamaged, ServerUnreachable, StoreUnavailable, redact
from rag.types import Chunk

T = TypeVar("T")

_clients: dict[tuple[Any, ...], Any] = {}
_clients_lock = threading.Lock()


def date_number(iso: str | None) -> int:
    """Return `YYYYMMDD` as an int for an ISO date, or 0 when unknown."""
    return int(iso[:10].replace("-", "")) if iso else 0


def where_text(settings: Settings) -> str:
    """How to name the index in messages: its directory, or its server."""
    if settings.chroma_host:
        return f"the Chroma server {settings.chroma_host}:{settings.chroma_port}"
    return f"the index at {settings.data_dir}"


def client(settings: Settings) -> Any:
    """The process's Chroma client for this index (one per directory or server)."""
    key = _client_key(settings)
    with _clients_lock:
        if key not in _clients:
            _clients[key] = _open_client(settings)
        return _clients[key]


def reopen(settings: Settings) -> None:
    """Close this index's on-disk client; the next use opens it afresh.

    Chroma's local client caches its vector segments in memory and does not see writes made by another
    process (queries miss the new chunks, lookups fail with "Error finding id").
    """
    with _clients_lock:
        opened = _clients.pop(_client_key(settings), None)
    if opened is not None and not settings.chroma_host:
        opened.close()


def call(settings: Settings, what: str, action: Callable[[], T]) -> T:
    """Run a Chroma call; failures become a `StoreUnavailable` naming the cause and the next step.

    Raises:
        ServerUnreachable: the configured server does not answer.
        IndexDamaged: the on-disk index cannot be read (the fix is `ingest --rebuild`).
        StoreUnavailable: anything else (disk full, not writable, a server-side failure).
    """
    from chromadb.errors import ChromaError

    try:
        return action()
    except (ChromaError, OSError, ValueError, RuntimeError) as exc:
        raise _explain(settings, what, exc) from exc


def _explain(settings: Settings, what: str, exc: Exception) -> StoreUnavailable:
    detail = redact(str(exc)) or type(exc).__name__
    where = where_text(settings)
    if settings.chroma_host:
        if _unreachable(exc):
            return ServerUnreachable(
                f"could not {what}: {where} does not answer ({detail}). Start it (`chroma run --path DIR "
                f"--port {settings.chroma_port}`) or fix CHROMA_HOST/CHROMA_PORT (and CHROMA_TOKEN if it "
                "needs one)"
            )
        return StoreUnavailable(
            f"could not {what}: {where} refused the request ({detail}). Check the server's log, and "
            "CHROMA_HOST/CHROMA_PORT/CHROMA_TOKEN"
        )
    code = getattr(exc, "errno", None)
    if code == errno.ENOSPC or "no space" in detail.lower() or "disk is full" in detail.lower():
        return StoreUnavailable(
            f"could not {what}: no space left for {where}; free some disk space and retry"
        )
    if code in (errno.EACCES, errno.EROFS, errno.EPERM) or "readonly" in detail.lower().replace(" ", ""):
        return StoreUnavailable(
            f"could not {what}: {where} is not writable ({detail}); set RAG_DATA_DIR to a writable folder"
        )
    return IndexDamaged(
        f"could not {what}: {where} cannot be read ({detail}); it may be damaged. Re-create it from "
        "the source files with `python -m ingest --rebuild PATH...`"
    )


def _unreachable(exc: BaseException) -> bool:
    """True when `exc` (or what caused it) is a failure to connect, not an answer from the server."""
    import httpx

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, httpx.TransportError | ConnectionError | TimeoutError):
            return True
        if "could not connect" in str(seen).lower() or "connection refused" in str(seen).lower():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _client_key(settings: Settings) -> tuple[Any, ...]:
    return (
        settings.chroma_host,
        settings.chroma_port,
        settings.chroma_ssl,
        _headers(settings),
        str(settings.data_dir),
    )


def _headers(settings: Settings) -> tuple[tuple[str, str], ...]:
    if not settings.chroma_token:
        return ()
    header = settings.chroma_token_header
    value = f"Bearer {settings.chroma_token}" if header == "Authorization" else settings.chroma_token
    return ((header, value),)


def _open_client(settings: Settings) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        return call(
            settings,
            "connect",
            lambda: chromadb.HttpClient(
                host=settings.chroma_host,
                port=settings.chroma_port,
                ssl=settings.chroma_ssl,
                headers=dict(_headers(settings)),
                settings=chroma_settings,
            ),
        )
    path = Path(settings.data_dir)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailable(
            f"the data directory {path} cannot be used ({exc.strerror or exc}): "
            "set RAG_DATA_DIR (or --data-dir) to a folder this process can write"
        ) from exc
    return call(
        settings,
        "open the index",
        lambda: chromadb.PersistentClient(path=str(path / "chroma"), settings=chroma_settings),
    )


def not_found(exc: BaseException) -> bool:
    """True when a `StoreUnavailable` was caused by a missing collection."""
    from chromadb.errors import NotFoundError

    return isinstance(exc.__cause__, NotFoundError)


def chunk_metadata(chunk: Chunk, seq: int) -> dict[str, Any]:
    """What Chroma stores beside a chunk's text: its fields, the date as a number, and the write's `seq`."""
    # Chroma rejects None values: an unknown outlet or date is a missing key.
    meta = {k: v for k, v in asdict(chunk).items() if v is not None and k not in ("chunk_id", "text")}
    meta["date_num"] = date_number(chunk.date)
    meta["text_hash"] = chunk.text_hash
    meta["seq"] = seq
    return meta


def chunk_from_record(chunk_id: str, text: str, meta: dict[str, Any]) -> Chunk:
    """The chunk that `chunk_metadata` stored."""
    known = {f.name: meta.get(f.name) for f in fields(Chunk) if f.name not in ("chunk_id", "text")}
    return Chunk(chunk_id=chunk_id, text=text, **known)
