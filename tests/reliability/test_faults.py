"""Faults: killed ingests and keyword updates, two writers, a damaged or deleted index, a read-only or
full disk, a damaged keyword index."""

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from ingest import ingest
from rag.config import PROJECT_DIR, Settings
from rag.store import get_store
from rag.types import Filters
from tests.app_fixtures import ARTIFACTS
from tests.environment import DATA_DIR, SEED, ingest_process, make_settings, settings_env
from tests.helpers import article_folder, assert_consistent, make_chunk

QUESTION = "美团无人机每次能运送多少货物？"
KILLS = 4


def _run(settings: Settings, module: str, *args: str, **popen) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=PROJECT_DIR,
        env=settings_env(settings),
        capture_output=True,
        text=True,
        timeout=300,
        **popen,
    )


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return article_folder(tmp_path_factory.mktemp("articles") / "many", 24)


@pytest.mark.slow
def test_sigkill_at_random_points_then_rerun_matches_a_clean_build(
    settings: Settings, articles: Path, tmp_path: Path
):
    def trial(name: str) -> Settings:
        return settings.model_copy(
            update={"data_dir": tmp_path / f"index-{name}", "collection": f"{settings.collection}{name}"}
        )

    clean = trial("clean")
    began = time.monotonic()
    finished = ingest_process(clean, str(articles))
    _, errors = finished.communicate()
    assert finished.returncode == 0, errors
    run = time.monotonic() - began  # how long a whole run takes here: the kills land inside it
    clean_count = get_store(settings=clean).count()
    rng = random.Random(7)
    killed = 0
    for attempt in range(KILLS):
        killed_run = trial(f"k{attempt}")
        proc = ingest_process(killed_run, str(articles))
        time.sleep(run * (attempt + rng.uniform(0.2, 0.8)) / KILLS)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed += proc.returncode == -signal.SIGKILL
        report = ingest([articles], settings=killed_run)
        assert report.ok and report.added + report.unchanged == 24
        assert get_store(settings=killed_run).count() == clean_count
        assert assert_consistent(killed_run) == 24
    backend = "server" if settings.chroma_host else "local"
    ARTIFACTS.mkdir(exist_ok=True)
    summary = {"kills": KILLS, "killed_mid_run": killed, "consistent_after_rerun": KILLS}
    (ARTIFACTS / f"sigkill-{backend}.json").write_text(json.dumps(summary), encoding="utf-8")
    assert killed >= KILLS // 2, (
        f"only {killed} of {KILLS} runs were still working when killed (a run: {run:.1f} s)"
    )


def test_a_damaged_index_says_how_to_rebuild_and_the_rebuild_works(tmp_path: Path):
    settings = make_settings(tmp_path / "index")
    assert ingest([DATA_DIR / "articles"], settings=settings).ok
    sqlite = settings.data_dir / "chroma" / "chroma.sqlite3"
    data = bytearray(sqlite.read_bytes())
    data[: 4096 * 4] = b"\xde\xad\xbe\xef" * 4096
    sqlite.write_bytes(bytes(data))
    broken = _run(settings, "rag", "ask", QUESTION, "--json")
    assert broken.returncode == 1 and "--rebuild" in broken.stderr, broken.stderr
    rebuilt = _run(settings, "ingest", "--rebuild", str(DATA_DIR / "articles"))
    assert rebuilt.returncode == 0, rebuilt.stderr
    fixed = _run(settings, "rag", "ask", QUESTION, "--json")
    assert fixed.returncode == 0 and "2.5公斤" in json.loads(fixed.stdout)["text"]


@pytest.mark.parametrize("damage", ["deleted", "vectors-deleted", "cache-corrupt"])
def test_a_deleted_or_half_deleted_index_recovers(tmp_path: Path, damage: str):
    settings = make_settings(tmp_path / "index", archive_dir=DATA_DIR / "articles")
    assert ingest([DATA_DIR / "articles"], settings=settings).ok
    assert _run(settings, "rag", "ask", QUESTION).returncode == 0
    if damage == "deleted":
        shutil.rmtree(settings.data_dir)
    elif damage == "vectors-deleted":
        for segment in (settings.data_dir / "chroma").iterdir():
            if segment.is_dir():
                shutil.rmtree(segment)
    else:
        for cached in settings.data_dir.glob("keyword-*/**/*"):
            if cached.is_file():
                cached.write_bytes(b"\x00garbage")
    result = _run(settings, "rag", "ask", QUESTION, "--json")
    if result.returncode != 0:
        assert "--rebuild" in result.stderr, result.stderr
        assert _run(settings, "ingest", "--rebuild", str(DATA_DIR / "articles")).returncode == 0
        result = _run(settings, "rag", "ask", QUESTION, "--json")
    assert result.returncode == 0, result.stderr
    assert "2.5公斤" in json.loads(result.stdout)["text"]


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def mountpoint(tmp_path: Path) -> Iterator[Path]:
    point = tmp_path / "mnt"
    point.mkdir()
    yield point
    subprocess.run(["umount", "-l", str(point)], capture_output=True)


def test_a_read_only_index_still_answers_and_refuses_writes_clearly(tmp_path: Path, mountpoint: Path):
    built = make_settings(tmp_path / "index")
    assert ingest([DATA_DIR / "articles"], settings=built).ok
    get_store(settings=built).keyword_index()
    if not (
        _mount("--bind", str(built.data_dir), str(mountpoint))
        and _mount("-o", "remount,ro,bind", str(mountpoint))
    ):
        pytest.skip("this machine does not allow a read-only bind mount")
    readonly = make_settings(mountpoint)
    asked = _run(readonly, "rag", "ask", QUESTION, "--json")
    if asked.returncode == 0:
        assert "2.5公斤" in json.loads(asked.stdout)["text"]
    else:
        assert "writable" in asked.stderr, asked.stderr
    written = _run(readonly, "ingest", str(SEED))
    assert written.returncode == 1
    assert "read-only" in written.stderr.lower() or "writable" in written.stderr, written.stderr
    assert len(get_store(settings=built).keyword_index().file_records()) == 2


@pytest.mark.parametrize("how", ["tmpfs", "file-size-limit"])
def test_a_full_disk_fails_clearly_and_loses_nothing(tmp_path: Path, mountpoint: Path, how: str):
    many = article_folder(tmp_path / "many", 40)
    if how == "tmpfs":
        if not _mount("-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mountpoint)):
            pytest.skip("this machine does not allow mounting a tmpfs")
        settings = make_settings(mountpoint / "index")
        limit = None
    else:
        settings = make_settings(tmp_path / "index")
    first = ingest([DATA_DIR / "articles"], settings=settings)
    assert first.ok
    if how != "tmpfs":
        limit = (settings.data_dir / "chroma" / "chroma.sqlite3").stat().st_size + 64 * 1024

    def cap() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    filler = mountpoint / "filler" if how == "tmpfs" else None
    if filler:
        with filler.open("wb") as f:
            try:
                f.write(b"\0" * 3 * 1024 * 1024)
            except OSError:
                pass
    full = _run(settings, "ingest", str(many), "--json", preexec_fn=cap if limit else None)
    assert full.returncode == 1
    assert "space" in full.stderr or "full" in full.stderr.lower() or "too large" in full.stderr.lower(), (
        full.stderr
    )
    if filler:
        filler.unlink()
        _mount("-o", "remount,size=200m", str(mountpoint))
    after = _run(settings, "rag", "ask", QUESTION, "--json")
    assert after.returncode == 0 and "2.5公斤" in json.loads(after.stdout)["text"], after.stderr
    again = ingest([many, DATA_DIR / "articles"], settings=settings)
    assert again.ok and again.added + again.unchanged + again.updated == 42
    assert assert_consistent(settings) >= 42


KEYWORD_CHILD = (
    "from rag.store import get_store; s = get_store(); s.count(); print('ready', flush=True); "
    "s.keyword_index(); print('done', flush=True)"
)


@pytest.mark.slow
def test_sigkill_during_a_keyword_index_update_then_the_next_reader_repairs_it(tmp_path: Path):
    settings = make_settings(tmp_path / "index")
    store = get_store(settings=settings)
    rng = random.Random(11)
    words = ["美团", "无人机", "快手", "电商", "小红书", "支付", "Douyin", "drone", "license", "GMV"]
    with store.writing() as writer:
        for start in range(0, 2000, 1000):
            chunks = [
                make_chunk(
                    " ".join(rng.choices(words, k=30)), chunk_id=f"k{i}", doc_id=f"d{i}", path=f"/k/{i}.txt"
                )
                for i in range(start, start + 1000)
            ]
            vectors = np.random.default_rng(start).normal(size=(1000, 384)).astype(np.float32)
            writer.upsert(chunks, vectors / np.linalg.norm(vectors, axis=1, keepdims=True), [{}] * 1000)

    def started() -> subprocess.Popen[str]:
        shutil.rmtree(store.keyword_dir, ignore_errors=True)
        child = subprocess.Popen(
            [sys.executable, "-c", KEYWORD_CHILD],
            cwd=PROJECT_DIR,
            env=settings_env(settings),
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout.readline().strip() == "ready"
        return child

    timed = started()
    began = time.monotonic()
    assert timed.stdout.readline().strip() == "done"
    build = time.monotonic() - began  # how long this machine takes: the kills land inside it
    timed.wait()
    mid_update = 0
    for kill in range(KILLS):
        child = started()
        time.sleep(build * (kill + rng.uniform(0.2, 0.8)) / KILLS)
        child.send_signal(signal.SIGKILL)
        child.wait()
        mid_update += "done" not in child.stdout.read()
        fresh = type(store)(settings, store.name)  # a new reader, as after a restart
        index = fresh.keyword_index()
        assert len(index) == 2000 and {c.chunk_id for c in index.all_chunks()} == set(fresh.all_ids())
        assert sum(index.languages.counts.values()) == 2000 and index.search(["drone"], 3, Filters())
    assert mid_update >= KILLS // 2, (
        f"only {mid_update} of {KILLS} kills landed during the {build:.2f} s update"
    )
