"""One writer at a time on an on-disk index (the Chroma-server lease is tested in test_store_server.py)."""

from pathlib import Path

import pytest

from rag.errors import IndexBusy
from rag.store.locks import FileWriterLock


def test_a_second_writer_is_busy_until_the_first_releases(tmp_path: Path):
    first, second = FileWriterLock(tmp_path, wait=0), FileWriterLock(tmp_path, wait=0)
    first.acquire()
    try:
        first.check()
        with pytest.raises(IndexBusy, match="busy|writing"):
            second.acquire()
    finally:
        first.release()
    second.acquire()
    second.release()


def test_a_waiting_writer_gives_up_after_its_wait(tmp_path: Path):
    holder = FileWriterLock(tmp_path, wait=0)
    holder.acquire()
    try:
        with pytest.raises(IndexBusy, match="lock_wait|RAG_LOCK_WAIT|busy"):
            FileWriterLock(tmp_path, wait=0.3).acquire()
    finally:
        holder.release()
