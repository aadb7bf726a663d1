"""Shared fixtures: an isolated environment per test, one index of the test archive per session and backend.

Index fixtures are parametrised by backend: `local` (Chroma on disk) and `server` (a real `chroma run`
on loopback, started once per session; each test gets its own collection on it).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from rag.config import Settings, get_settings
from tests.environment import ARCHIVE_PATHS, FOREIGN_VARS, make_settings, settings_env, start_chroma_server

BACKENDS = ["local", "server"]
pytest_plugins = ["tests.canned_llm", "tests.app_fixtures"]


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
        proc, port = start_chroma_server(tmp_path_factory.mktemp("chroma-server") / "db")
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
