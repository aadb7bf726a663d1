"""Server mode specifics: the writer lease shared by processes, a token-protected server, a server that moves.

Everything else (ingest, answers, filters, citations) runs against a real `chroma run` server through the
backend-parametrised fixtures in `tests/conftest.py`.
"""

import http.client
import logging
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from ingest import ingest
from rag import answer
from rag.config import Settings
from rag.errors import IndexBusy, StoreUnavailable
from rag.store import Store, get_store
from rag.store.chroma import client as _client
from tests.environment import DATA_DIR, ingest_process, make_settings, start_chroma_server


@pytest.fixture
def server(chroma_server: int, tmp_path: Path) -> Settings:
    return make_settings(
        tmp_path / "client",
        chroma_host="127.0.0.1",
        chroma_port=chroma_server,
        collection=f"lease{uuid.uuid4().hex[:8]}",
    )


def _lease_metadata(settings: Settings) -> dict:
    return _client(settings).get_collection(f"{get_store(settings=settings).name}.writer").metadata


def test_a_second_process_waits_for_the_lease_then_writes(server: Settings):
    store = get_store(settings=server)
    with store.writing():
        assert _lease_metadata(server)["pid"] > 0
        busy = ingest_process(server, str(DATA_DIR / "articles"))
        _, err = busy.communicate(timeout=120)
        assert busy.returncode == 1 and "busy" in err and f"127.0.0.1:{server.chroma_port}" in err
        queued = ingest_process(server, str(DATA_DIR / "articles"), "--wait", "120")
        time.sleep(3)
        assert queued.poll() is None, "the queued writer did not wait for the lease"
    out, err = queued.communicate(timeout=120)
    assert queued.returncode == 0, err
    assert '"added":2' in out.replace(" ", "")


def test_a_lease_left_by_a_crashed_writer_is_taken_over(server: Settings):
    store = get_store(settings=server)
    client = _client(server)
    far = time.time() + 3600
    client.create_collection(
        f"{store.name}.writer", metadata={"owner": "gone", "host": "elsewhere", "pid": 1, "expires": far}
    )
    with pytest.raises(IndexBusy, match="gone is writing"):
        ingest([DATA_DIR / "articles"], settings=server)
    client.get_collection(f"{store.name}.writer").modify(
        metadata={"owner": "gone", "expires": time.time() - 1}
    )
    assert ingest([DATA_DIR / "articles"], settings=server).added == 2


def test_a_writer_that_lost_its_lease_stops_writing(server: Settings):
    settings = server.model_copy(update={"lock_ttl": 3.0})
    store = get_store(settings=settings)
    with pytest.raises(IndexBusy, match="lost the write lease"), store.writing() as writer:
        _client(settings).delete_collection(f"{store.name}.writer")
        time.sleep(2.5)
        writer.delete(["some-chunk"])


class _TokenGateway(BaseHTTPRequestHandler):
    """Forwards to the Chroma server only requests carrying the token, like an auth proxy in front of it."""

    upstream = 0
    token = "s3cret"

    def _forward(self) -> None:
        if self.headers.get("Authorization") != f"Bearer {self.token}":
            self.send_response(401)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        conn = http.client.HTTPConnection("127.0.0.1", self.upstream, timeout=60)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "authorization")}
        conn.request(self.command, self.path, body=body or None, headers=headers)
        reply = conn.getresponse()
        data = reply.read()
        self.send_response(reply.status)
        for key, value in reply.getheaders():
            if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _forward

    def log_message(self, *args: object) -> None:
        pass


def test_token_protected_server(chroma_server: int, tmp_path: Path):
    _TokenGateway.upstream = chroma_server
    gateway = ThreadingHTTPServer(("127.0.0.1", 0), _TokenGateway)
    threading.Thread(target=gateway.serve_forever, daemon=True).start()
    try:
        where = {"chroma_host": "127.0.0.1", "chroma_port": gateway.server_address[1], "collection": "auth"}
        with pytest.raises(StoreUnavailable, match="CHROMA_HOST"):
            get_store(settings=make_settings(tmp_path / "anon", **where)).count()
        settings = make_settings(tmp_path / "auth", chroma_token="s3cret", **where)
        assert ingest([DATA_DIR / "articles"], settings=settings).added == 2
        result = answer("美团无人机每次能运送多少货物？", settings=settings)
        assert not result.refused and "2.5公斤" in result.text
    finally:
        gateway.shutdown()


def test_the_app_answers_from_the_server_and_sees_another_process_upload(chroma_server: int, tmp_path: Path):
    import json

    from gradio_client import Client

    from tests.app_fixtures import launch_app

    shared = {"RAG_CHROMA_HOST": "127.0.0.1", "RAG_CHROMA_PORT": str(chroma_server), "RAG_COLLECTION": "app"}
    launched = launch_app(tmp_path, **shared)
    try:
        client = Client(next(launched), verbose=False)
        first = json.loads(client.predict("why did 小红卡 close?", api_name="/ask"))
        assert "准备不够充分" in first["text"]
        other = make_settings(
            tmp_path / "other", chroma_host="127.0.0.1", chroma_port=chroma_server, collection="app"
        )
        assert ingest([DATA_DIR / "articles"], settings=other).added == 2
        seen = json.loads(client.predict("美团无人机每次能运送多少货物？", api_name="/ask"))
        assert "2.5公斤" in seen["text"]
    finally:
        launched.close()


def test_a_client_keeps_its_keyword_index_when_the_server_moves_and_never_mixes_two_servers(
    chroma_server: int, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    db = tmp_path / "db"
    where = {"chroma_host": "127.0.0.1", "collection": "moving"}
    proc, port = start_chroma_server(db)
    try:
        first = make_settings(tmp_path / "client", chroma_port=port, **where)
        assert ingest([DATA_DIR / "articles"], settings=first).added == 2
        folder = get_store(settings=first).keyword_dir
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    proc, port = start_chroma_server(db)
    try:
        caplog.set_level(logging.INFO, logger="rag.store")
        moved = first.model_copy(update={"chroma_port": port})
        store = Store(moved, get_store(settings=first).name)
        assert len(store.keyword_index()) == 2 and store.keyword_dir == folder
        assert "rebuilt" not in caplog.text, "the keyword index was re-read from the moved server"
        # Another server's collection of the same name, from the same data folder: an index of its own.
        other = first.model_copy(update={"chroma_port": chroma_server})
        assert ingest([DATA_DIR / "articles" / "meituan_drones.txt"], settings=other).added == 1
        assert get_store(settings=other).keyword_dir != folder
        assert "2.5公斤" in answer("美团无人机每次能运送多少货物？", settings=other).text
        assert len(store.keyword_index()) == 2
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_rebuild_on_the_server_replaces_the_keyword_index_of_the_dropped_collection(server: Settings):
    ingest([DATA_DIR / "articles"], settings=server)
    before = get_store(settings=server).keyword_dir
    assert ingest([DATA_DIR / "articles" / "meituan_drones.txt"], rebuild=True, settings=server).added == 1
    after = get_store(settings=server).keyword_dir
    assert after != before and after.is_dir() and not before.exists()
    assert len(get_store(settings=server).keyword_index()) == 1
