"""Serve the app: the Gradio UI at `/`, the REST API at `/api`, the OpenAI-compatible API at `/v1`.

One FastAPI server (Gradio is mounted into it), one port. Beyond loopback it refuses to start without
`RAG_API_KEY` (the UI's password and the API's bearer token) unless told `--insecure-no-auth`.
"""

from __future__ import annotations

import argparse
import hmac
import ipaddress
import logging
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.watch import FolderWatch
from rag import RagError, Settings, __version__
from rag.bootstrap import ensure_index

if TYPE_CHECKING:
    from fastapi import FastAPI

log = logging.getLogger(__name__)
# Asked once in the background at start, so that the first person's question does not wait for the
# query model, jieba's dictionary and CC-CEDICT to load (~2 s together).
WARM_UP_QUESTION = "这家公司今年的 revenue 是多少？"
WARM_UP_WAIT = 60

API_DESCRIPTION = """Grounded answers with verified citations over a Chinese/English news archive.

* `POST /api/answer` answers a question (`?stream=true`: server-sent events `partial`, then `answer`).
* `GET/POST /api/documents`, `DELETE /api/documents/{doc_id}`, `POST /api/reindex`, `GET /api/health`.
* `POST /v1/chat/completions` and `GET /v1/models`: OpenAI-compatible, for any chat client.

When the app was started with `RAG_API_KEY`, send `Authorization: Bearer <RAG_API_KEY>`. Errors are
`{"error": {"message", "type", "code"}}`: 400 bad request, 401 no or wrong key, 404 unknown id or model,
409 index busy, 413 too large, 415 unsupported type, 422 nothing indexable, 503 index unavailable or
queue full (retry).
"""


def create_server(settings: Settings, watch: FolderWatch | None = None) -> FastAPI:
    """The whole app for `settings`: the HTTP API with the Gradio UI mounted at `/`.

    `watch` (started by the caller) is shown in the Library tab and in /api/health.
    """
    import gradio as gr
    from fastapi import Depends
    from fastapi_offline import FastAPIOffline

    from rag.web.http import Admission, install_error_handlers, require_key
    from rag.web.openai_api import openai_routes
    from rag.web.rest import rest_routes
    from rag.web.ui import CSS, build_app

    api = FastAPIOffline(
        title="newsrag", version=__version__, description=API_DESCRIPTION, static_url="/api/docs-static"
    )
    install_error_handlers(api)
    admission = Admission(settings.concurrency, settings.queue_size)
    guarded = [Depends(require_key(settings))]
    api.include_router(rest_routes(settings, admission, watch), dependencies=guarded)
    api.include_router(openai_routes(settings, admission), dependencies=guarded)
    demo = build_app(settings, watch)
    demo.queue(max_size=settings.queue_size, default_concurrency_limit=settings.concurrency)
    return gr.mount_gradio_app(
        api,
        demo,
        path="/",
        auth=_auth(settings),
        auth_message="Enter the archive's key (RAG_API_KEY) as the password; any user name.",
        max_file_size=f"{settings.max_file_mb:g}mb",
        blocked_paths=[str(settings.data_dir), str(settings.upload_dir)],
        ssr_mode=False,
        mcp_server=False,
        footer_links=["api"],
        css=CSS,
    )


def _auth(settings: Settings) -> Callable[[str, str], bool] | None:
    key = settings.api_key
    if not key:
        return None
    return lambda _user, password: hmac.compare_digest(password.encode(), key.encode())


def _index_bundled_archive(settings: Settings) -> None:
    started = []

    def show(fraction: float, label: str) -> None:
        if not started:
            started.append(time.perf_counter())
            print(f"First start: indexing {settings.archive_dir} …", file=sys.stderr)
        print(f"\r  {fraction:4.0%}  {Path(label).name[:50]:<50}", end="", file=sys.stderr)

    ensure_index(settings=settings, progress=show)
    if started:
        print(f"\n  indexed in {time.perf_counter() - started[0]:.0f} s", file=sys.stderr)


def is_loopback(host: str) -> bool:
    """Whether `host` is a loopback name or address (only this machine can connect)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsrag",
        description="News archive QA: the web app and its HTTP API on one port.",
        epilog="examples:\n  newsrag\n  newsrag --port 8080 --data-dir ~/news-index\n"
        "  RAG_API_KEY=secret newsrag --host 0.0.0.0",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default: loopback only)")
    parser.add_argument("--port", type=int, default=7860)
    parser.add_argument("--data-dir", type=Path, help="index directory (default: RAG_DATA_DIR)")
    parser.add_argument(
        "--insecure-no-auth",
        action="store_true",
        help="serve beyond loopback without RAG_API_KEY: anyone who can reach it may upload and delete",
    )
    parser.add_argument(
        "--watch",
        nargs="+",
        type=Path,
        default=[],
        metavar="DIR",
        help="keep the index in step with these folders while serving (also RAG_WATCH, `:`-separated)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def warm_up(settings: Settings, host: str, port: int) -> None:
    """Answer `WARM_UP_QUESTION` (extractively) and forget it: loads what every answer needs.

    Waits until the server accepts connections (for at most `WARM_UP_WAIT` seconds), so that loading
    does not hold up the start.
    """
    from rag.answer import answer

    deadline = time.monotonic() + WARM_UP_WAIT
    while time.monotonic() < deadline:
        try:
            socket.create_connection((host, port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    try:
        answer(WARM_UP_QUESTION, use_llm=False, settings=settings)
    except RagError as exc:  # the first real question reports it
        log.warning("warm-up question failed: %s", exc)


def main(argv: list[str] | None = None) -> int:
    """Serve the app; returns the exit code (1 error, 2 usage or an unprotected public address)."""
    import uvicorn

    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings(data_dir=args.data_dir) if args.data_dir else Settings()
    if not is_loopback(args.host) and not settings.api_key and not args.insecure_no_auth:
        print(
            f"error: --host {args.host} lets other machines in: set RAG_API_KEY (the password they must "
            "give), or pass --insecure-no-auth to serve without one",
            file=sys.stderr,
        )
        return 2
    folders = [*settings.watch, *args.watch]
    try:
        _index_bundled_archive(settings)
        watch = FolderWatch(folders, settings=settings) if folders else None
        app = create_server(settings, watch)
    except RagError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if watch is not None:
        watch.start()
        print(f"watching {', '.join(map(str, watch.folders))}", file=sys.stderr)
    connect = "127.0.0.1" if args.host in ("0.0.0.0", "") else "::1" if args.host == "::" else args.host
    threading.Thread(target=warm_up, args=(settings, connect, args.port), name="warm-up", daemon=True).start()
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"newsrag {__version__} on http://{shown}:{args.port}/ (API docs: /docs)", file=sys.stderr)
    # Streams (SSE answers, a browser's open page) would otherwise hold a stop signal off indefinitely.
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", timeout_graceful_shutdown=5)
    return 0
