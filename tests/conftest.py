"""Shared fixtures: an isolated environment per test and one index of the test archive per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rag.config import PROJECT_DIR, Settings, get_settings

TESTS_DIR = Path(__file__).resolve().parent
DATA_DIR = TESTS_DIR / "data"
SEED = PROJECT_DIR / "data" / "articles" / "000_bc7cc6cfb56f3ae6.txt"
ARCHIVE_PATHS = [PROJECT_DIR / "data" / "articles", DATA_DIR / "articles"]
FOREIGN_VARS = ("CHROMA_HOST", "CHROMA_PORT", "OPENAI_BASE_URL", "OPENAI_API_KEY")


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


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings pointing at a fresh, empty index for this test."""
    return make_settings(tmp_path / "index")


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings of one index, built once per session from the bundled and the test articles."""
    from ingest import ingest

    settings = make_settings(tmp_path_factory.mktemp("archive") / "index")
    report = ingest(ARCHIVE_PATHS, settings=settings)
    assert report.ok, report.failed
    return settings
