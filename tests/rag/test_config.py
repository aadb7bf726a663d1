"""Settings: read from RAG_* variables (and the usual OpenAI ones), checked, frozen."""

import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from rag.config import PROJECT_DIR, Settings, data_root, get_settings


def test_variables_configure_and_are_checked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("RAG_TOP_K", "7")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("RAG_WATCH", os.pathsep.join([str(tmp_path / "a"), " ", "~/b"]))
    settings = Settings(_env_file=None)
    assert settings.top_k == 7 and settings.openai_base_url == "http://127.0.0.1:9/v1"
    assert settings.watch == (tmp_path / "a", Path.home() / "b")
    monkeypatch.setenv("RAG_CONCURRENCY", "0")
    with pytest.raises(ValidationError, match="concurrency"):
        Settings(_env_file=None)


def test_settings_are_read_once_and_frozen(monkeypatch: pytest.MonkeyPatch):
    assert get_settings() is get_settings()
    with pytest.raises(ValidationError):
        get_settings().top_k = 3  # type: ignore[misc]


def test_a_checkout_keeps_its_data_beside_the_code_and_builds_from_the_folders_that_exist(tmp_path: Path):
    assert data_root() == PROJECT_DIR / "data"
    (tmp_path / "articles").mkdir()
    settings = Settings(_env_file=None, archive_dir=tmp_path / "articles", upload_dir=tmp_path / "uploads")
    assert settings.archive_folders() == [tmp_path / "articles"]
