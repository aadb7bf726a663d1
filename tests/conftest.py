"""Shared fixtures: an isolated environment per test, one index of the test archive per session and backend.

Index fixtures are parametrised by backend: `local` (Chroma on disk) and `server` (a real `chroma run`
on loopback, started once per session; each test gets its own collection on it).
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.chroma_server import start as chroma_server_process
from rag.config import PROJECT_DIR, Settings, get_settings

TESTS_DIR = Path(__file__).resolve().parent
DATA_DIR = TESTS_DIR / "data"
SEED = PROJECT_DIR / "data" / "articles" / "000_bc7cc6cfb56f3ae6.txt"
ARCHIVE_PATHS = [PROJECT_DIR / "data" / "articles", DATA_DIR / "articles"]
FOREIGN_VARS = ("CHROMA_HOST", "CHROMA_PORT", "CHROMA_AUTH_TOKEN", "OPENAI_BASE_URL", "OPENAI_API_KEY")
BACKENDS = ["local", "server"]
pytest_plugins = ["tests.canned_llm", "tests.app_fixtures"]


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    """Settings for a test: nothing from a developer's `.env`."""
    return Settings(_env_file=None, data_dir=data_dir, **overrides)


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in list(os.environ):
        if name.startswith("RAG_") or name in FOREIGN_VARS:
            monkeypatch.delenv(name)
    monkeypatch.setenv("RAG_DATA_DIR", str(tmp_path / "index"))
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """Port of a real Chroma server shared by the session."""
    try:
        proc, port = chroma_server_process(tmp_path_factory.mktemp("chroma-server") / "db")
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield port
    proc.terminate()
    proc.wait(timeout=30)


def backend_settings(request: pytest.FixtureRequest, data_dir: Path, **overrides: object) -> Settings:
    """Settings for the backend in `request.param`: on disk, or a fresh collection on the session's server."""
    if request.param == "server":
        port = request.getfixturevalue("chroma_server")
        overrides |= {
            "chroma_host": "127.0.0.1",
            "chroma_port": port,
            "collection": f"t{uuid.uuid4().hex[:12]}",
        }
    return make_settings(data_dir, **overrides)


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


@pytest.fixture(params=BACKENDS)
def settings(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings pointing at a fresh, empty index for this test (also exported to the environment)."""
    chosen = backend_settings(request, tmp_path / "index")
    for name, value in settings_env(chosen).items():
        if name.startswith("RAG_"):
            monkeypatch.setenv(name, value)
    return chosen


@pytest.fixture(scope="session", params=BACKENDS)
def archive(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings of one index, built once per session and backend from the bundled and the test articles."""
    from ingest import ingest

    settings = backend_settings(request, tmp_path_factory.mktemp("archive") / "index")
    report = ingest(ARCHIVE_PATHS, settings=settings)
    assert report.ok, report.failed
    return settings
