"""Server mode: the same index behaviour against a real `chroma run` server on loopback."""

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest import ingest
from rag import answer
from rag.config import Settings
from rag.store import get_store
from tests.conftest import DATA_DIR, make_settings


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    beside = Path(sys.executable).with_name("chroma")
    chroma = str(beside) if beside.exists() else shutil.which("chroma")
    if chroma is None:
        pytest.fail("the `chroma` command of chromadb is missing")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    root = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen(
        [chroma, "run", "--path", str(root / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.3)
    yield port
    proc.terminate()
    proc.wait(timeout=30)


def test_ingest_and_answer_through_a_chroma_server(chroma_server: int, tmp_path: Path):
    settings: Settings = make_settings(tmp_path / "local", chroma_host="127.0.0.1", chroma_port=chroma_server)
    first = ingest([DATA_DIR / "articles"], settings=settings)
    assert first.added == 2 and not first.failed
    assert ingest([DATA_DIR / "articles"], settings=settings).chunks == 0
    store = get_store(settings=settings)
    assert store.count() == 2 and not (tmp_path / "local" / "chroma").exists()
    result = answer("美团无人机每次能运送多少货物？", settings=settings)
    assert not result.refused and "2.5公斤" in result.text
