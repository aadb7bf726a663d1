"""Chroma specifics: errors that name their cause, chunk metadata round trips."""

import socket
from pathlib import Path

import pytest

from rag.errors import IndexDamaged, ServerUnreachable, StoreUnavailable
from rag.store import get_store
from rag.store.chroma import chunk_from_record, chunk_metadata
from tests.environment import make_settings
from tests.helpers import make_chunk


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_server_is_named_as_such_not_as_a_damaged_index(tmp_path: Path):
    port = _closed_port()
    settings = make_settings(tmp_path / "index", chroma_host="127.0.0.1", chroma_port=port)
    with pytest.raises(ServerUnreachable, match=f"127.0.0.1:{port} does not answer") as raised:
        get_store(settings=settings).count()
    assert "chroma run" in str(raised.value) and "--rebuild" not in str(raised.value)


def test_an_unreadable_index_directory_says_how_to_rebuild(tmp_path: Path):
    settings = make_settings(tmp_path / "index")
    (tmp_path / "index").mkdir()
    (tmp_path / "index" / "chroma").write_text("not a directory", encoding="utf-8")
    with pytest.raises(IndexDamaged, match="--rebuild"):
        get_store(settings=settings).count()


def test_a_data_directory_that_is_a_file_is_named_not_a_traceback(tmp_path: Path):
    (tmp_path / "index").write_text("a file", encoding="utf-8")
    with pytest.raises(StoreUnavailable, match="RAG_DATA_DIR") as raised:
        get_store(settings=make_settings(tmp_path / "index")).count()
    assert not isinstance(raised.value, IndexDamaged)


def test_chunk_metadata_round_trips_and_carries_the_write_number():
    chunk = make_chunk("快手上线了官方自营旗舰店。", source=None, date="2025-08-20")
    meta = chunk_metadata(chunk, 7)
    assert meta["seq"] == 7 and meta["date_num"] == 20250820 and "source" not in meta
    assert chunk_from_record(chunk.chunk_id, chunk.text, meta) == chunk
