"""Watched folders: new, edited, renamed, moved-in and deleted files followed; slow writers; failures."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ingest import IngestReport
from ingest.watch import FolderWatch
from rag import BadRequest, answer
from rag.config import PROJECT_DIR, Settings
from rag.store import get_store
from rag.store.locks import FileWriterLock
from tests.environment import make_settings
from tests.helpers import article_folder, minimal_pdf


def until(check: Callable[[], bool], timeout: float = 30.0) -> bool:
    """Poll `check` until it holds (True) or `timeout` seconds pass (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def indexed(settings: Settings) -> set[str]:
    return {Path(p).name for p in get_store(settings=settings).keyword_index().file_records()}


@pytest.fixture
def watching(tmp_path: Path) -> Iterator[tuple[Path, Settings, FolderWatch, list[IngestReport]]]:
    folder = article_folder(tmp_path / "watched", 2)
    settings = make_settings(tmp_path / "index", watch_settle=0.5, lock_wait=0)
    reports: list[IngestReport] = []
    watch = FolderWatch([folder], settings=settings, on_sync=reports.append)
    watch.start()
    assert until(lambda: watch.status.last_sync is not None), watch.status
    yield folder, settings, watch, reports
    watch.stop()


def test_every_kind_of_change_is_followed(watching, tmp_path: Path):
    folder, settings, watch, reports = watching
    assert indexed(settings) == {"article_000.txt", "article_001.txt"} and reports[0].added == 2
    (folder / "new.txt").write_text("拼多多宣布了新的合作计划，首批覆盖三座城市。", encoding="utf-8")
    assert until(lambda: "new.txt" in indexed(settings))
    assert not answer("拼多多宣布了什么合作计划？", settings=settings).refused
    (folder / "new.txt").rename(folder / "renamed.txt")
    assert until(lambda: indexed(settings) == {"article_000.txt", "article_001.txt", "renamed.txt"})
    edited = folder / "article_001.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n补充：合作方为某物流公司。", encoding="utf-8")
    assert until(lambda: any(r.updated for r in reports))
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "moved.txt").write_text(
        "A folder moved in: Meituan opened drone routes in Hangzhou.", encoding="utf-8"
    )
    batch.rename(folder / "batch")
    assert until(lambda: "moved.txt" in indexed(settings))
    for path in (folder / "batch" / "moved.txt", folder / "batch", folder / "article_000.txt"):
        path.rmdir() if path.is_dir() else path.unlink()
    assert until(lambda: indexed(settings) == {"article_001.txt", "renamed.txt"})
    assert until(lambda: watch.status.pending == 0) and watch.status.failed == {}


def test_a_file_written_slowly_is_indexed_once_whole(watching):
    folder, settings, _, reports = watching
    with (folder / "slow.txt").open("w", encoding="utf-8") as slow:
        for i in range(8):
            slow.write(f"第{i}段：这是一篇由爬虫慢慢写入的文章。\n")
            slow.flush()
            time.sleep(0.3)
    assert until(lambda: "slow.txt" in indexed(settings))
    time.sleep(1.0)
    chunks = [
        c for c in get_store(settings=settings).keyword_index().all_chunks() if c.path.endswith("slow.txt")
    ]
    assert "第0段" in chunks[0].title and "第7段" in chunks[-1].text
    assert sum(r.updated for r in reports) == 0, "the file was indexed before it was complete"


def test_a_failing_file_is_listed_with_its_reason_and_retried_when_it_changes(watching):
    folder, settings, watch, _ = watching
    broken = folder / "report.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a pdf")
    assert until(lambda: str(broken) in watch.status.failed)
    assert "report.pdf" in watch.status.failed[str(broken)]
    broken.write_bytes(minimal_pdf("Kuaishou opened a self-operated flagship store."))
    assert until(lambda: "report.pdf" in indexed(settings) and not watch.status.failed)


def test_changes_wait_while_another_process_writes(watching):
    folder, settings, watch, _ = watching
    lock = FileWriterLock(Path(settings.data_dir), 0)
    lock.acquire()
    try:
        (folder / "queued.txt").write_text("京东宣布在成都开设新的物流中心。", encoding="utf-8")
        assert until(lambda: watch.status.problem is not None and "busy" in watch.status.problem)
        assert "queued.txt" not in indexed(settings)
    finally:
        lock.release()
    assert until(lambda: "queued.txt" in indexed(settings) and watch.status.problem is None)


def test_a_missing_folder_is_refused(tmp_path: Path):
    with pytest.raises(BadRequest, match="not a folder"):
        FolderWatch([tmp_path / "nope"], settings=make_settings(tmp_path / "index"))


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl_c", "sigterm"])
def test_the_command_line_watch_prints_each_sync_and_stops_gracefully(tmp_path: Path, stop: signal.Signals):
    folder = article_folder(tmp_path / "watched", 1)
    env_file = {"RAG_DATA_DIR": str(tmp_path / "index"), "RAG_WATCH_SETTLE": "0.3", "PATH": "/usr/bin:/bin"}
    proc = subprocess.Popen(
        # faulthandler: should it ever hang, SIGABRT below shows where.
        [sys.executable, "-X", "faulthandler", "-m", "ingest", "--watch", str(folder)],
        cwd=PROJECT_DIR,
        env=env_file,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    try:
        assert "1 added" in lines.get(timeout=120)
        (folder / "dropped.txt").write_text("美团在深圳开通了新的无人机航线。", encoding="utf-8")
        assert "1 added" in lines.get(timeout=60)
        (folder / "dropped.txt").unlink()
        assert "1 deleted" in lines.get(timeout=60)
    finally:
        proc.send_signal(stop)
        try:
            code = proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGABRT)
            code = proc.wait(timeout=30)
        stderr = proc.stderr.read()
    assert code == 0 and "stopping after the current sync" in stderr, stderr


def test_a_folder_below_a_hidden_one_is_watched_but_hidden_files_in_it_are_not(tmp_path: Path):
    from ingest.watch import _relevant

    folder = tmp_path / ".local" / "news"
    assert _relevant(folder / "a.txt", [folder]) and _relevant(folder / "sub", [folder])
    assert not _relevant(folder / ".draft.txt", [folder]) and not _relevant(
        folder / ".git" / "x.txt", [folder]
    )
    assert not _relevant(folder / "image.png", [folder])
