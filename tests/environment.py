"""Where the tests' data lives and how a test reaches an index: settings, child processes, a real `chroma run`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from rag.config import PROJECT_DIR, Settings

TESTS_DIR = Path(__file__).resolve().parent
DATA_DIR = TESTS_DIR / "data"
SEED = PROJECT_DIR / "data" / "articles" / "000_bc7cc6cfb56f3ae6.txt"
# The shared test archive: the bundled articles, the test articles, and one naming a company and its
# founder that no list holds (`names/`, kept apart so tests that count the test articles are unchanged).
ARCHIVE_PATHS = [PROJECT_DIR / "data" / "articles", DATA_DIR / "articles", DATA_DIR / "names"]
FOREIGN_VARS = ("CHROMA_HOST", "CHROMA_PORT", "CHROMA_AUTH_TOKEN", "OPENAI_BASE_URL", "OPENAI_API_KEY")


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    """Settings for a test: nothing from a developer's `.env`."""
    return Settings(_env_file=None, data_dir=data_dir, **overrides)


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment a child process needs to see the same index as `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_") and k not in FOREIGN_VARS}
    env |= {
        "RAG_DATA_DIR": str(settings.data_dir),
        "RAG_ARCHIVE_DIR": str(settings.archive_dir),
        "RAG_UPLOAD_DIR": str(settings.upload_dir),
        "RAG_COLLECTION": settings.collection,
    }
    if settings.chroma_host:
        env |= {"RAG_CHROMA_HOST": settings.chroma_host, "RAG_CHROMA_PORT": str(settings.chroma_port)}
    return env


def ingest_process(settings: Settings, *args: str) -> subprocess.Popen[str]:
    """Start `python -m ingest ARGS --json` in a child process on the same index as `settings`."""
    return subprocess.Popen(
        [sys.executable, "-m", "ingest", *args, "--json"],
        cwd=PROJECT_DIR,
        env=settings_env(settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def start_chroma_server(path: Path, timeout: float = 60.0) -> tuple[subprocess.Popen[bytes], int]:
    """Run `chroma run --path PATH` on 127.0.0.1 and wait until it listens.

    Returns:
        The server process (terminate it when done) and its port.

    Raises:
        RuntimeError: the `chroma` command is missing or the server did not start in time.
    """
    beside = Path(sys.executable).with_name("chroma")
    chroma = str(beside) if beside.exists() else shutil.which("chroma")
    if chroma is None:
        raise RuntimeError("the `chroma` command of chromadb is missing")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"`chroma run` did not start listening within {timeout:g} s")
