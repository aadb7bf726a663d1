import json
import shutil
import signal
import time
from pathlib import Path

import pytest

from ingest import ingest
from ingest.__main__ import main
from rag.config import Settings
from rag.embeddings import get_embedder
from rag.store import get_store
from tests.environment import DATA_DIR, SEED, ingest_process
from tests.helpers import article_folder, assert_consistent


def _embedded(settings: Settings) -> int:
    return get_embedder(settings=settings).passages_embedded


def test_seed_reports_four_documents_then_four_unchanged_with_zero_embeddings(settings: Settings):
    start = _embedded(settings)
    first = ingest([SEED], settings=settings)
    assert (first.added, first.unchanged, first.failed) == (4, 0, [])
    assert first.chunks == _embedded(settings) - start > 0
    before = _embedded(settings)
    again = ingest([SEED], settings=settings)
    assert (again.added, again.updated, again.unchanged, again.chunks) == (0, 0, 4, 0)
    assert _embedded(settings) == before
    assert assert_consistent(settings) == 4


def test_editing_one_file_changes_only_its_chunks(settings: Settings, tmp_path: Path):
    folder = tmp_path / "docs"
    shutil.copytree(DATA_DIR / "articles", folder)
    ingest([folder], settings=settings)
    store = get_store(settings=settings)
    before = store.keyword_index().file_records()
    edited = folder / "meituan_drones.txt"
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\n美团还表示，夜间配送将于年底试运行。", encoding="utf-8"
    )
    embedded = _embedded(settings)
    report = ingest([folder], settings=settings)
    assert (report.updated, report.unchanged, report.added) == (1, 1, 0)
    after = store.keyword_index().file_records()
    other = str(folder / "douyin_local_services.md")
    assert after[other] == before[other]
    assert after[str(edited)].chunk_ids != before[str(edited)].chunk_ids
    assert (
        report.chunks == _embedded(settings) - embedded == len(after[str(edited)].chunk_ids) - report.reused
    )
    assert assert_consistent(settings) == 2


def test_a_new_parser_parses_unchanged_files_again_and_keeps_their_vectors(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    folder = tmp_path / "docs"
    folder.mkdir()
    article = (
        "# 微博三季度净营收增长5%\n\nSource: 新浪科技\nDate: 2025-11-20\n\n"
        + "微博今日公布第三季度财报。" * 20
    )
    (folder / "weibo.md").write_text(article, encoding="utf-8")
    ingest([folder], settings=settings)
    records = get_store(settings=settings).keyword_index().file_records
    before, embedded = records()[str(folder / "weibo.md")], _embedded(settings)
    monkeypatch.setattr("ingest.index.PARSER_VERSION", b"a later parser")
    report = ingest([folder], settings=settings)
    after = records()[str(folder / "weibo.md")]
    assert after.file_hash != before.file_hash and after.chunk_ids == before.chunk_ids
    assert (report.chunks, _embedded(settings)) == (0, embedded)
    assert assert_consistent(settings) == 1


def test_prune_removes_documents_whose_files_are_gone(settings: Settings, tmp_path: Path):
    folder = tmp_path / "docs"
    shutil.copytree(DATA_DIR / "articles", folder)
    ingest([folder], settings=settings)
    (folder / "douyin_local_services.md").unlink()
    kept = ingest([folder], settings=settings)
    assert kept.deleted == 0 and len(get_store(settings=settings).keyword_index().file_records()) == 2
    pruned = ingest([folder], prune=True, settings=settings)
    assert (pruned.deleted, pruned.unchanged) == (1, 1)
    assert list(get_store(settings=settings).keyword_index().file_records()) == [
        str(folder / "meituan_drones.txt")
    ]
    assert "Douyin" not in " ".join(c.text for c in get_store(settings=settings).keyword_index().all_chunks())


def test_same_content_at_two_paths_is_indexed_once(settings: Settings, tmp_path: Path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(DATA_DIR / "articles" / "meituan_drones.txt", folder / "a.txt")
    shutil.copy(DATA_DIR / "articles" / "meituan_drones.txt", folder / "b.txt")
    report = ingest([folder], settings=settings)
    assert (report.added, report.duplicates) == (1, 1)
    assert assert_consistent(settings) == 1


def test_bad_inputs_fail_one_by_one_and_lose_nothing(settings: Settings, tmp_path: Path):
    good = tmp_path / "good.md"
    shutil.copy(DATA_DIR / "articles" / "douyin_local_services.md", good)
    assert ingest([good], settings=settings).added == 1
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (bad / "latin.txt").write_bytes("na\xefve caf\xe9 cr\xe8me".encode("latin-1"))
    (bad / "huge.txt").write_bytes(b"x" * 2_100_000)
    (bad / "sheet.xlsx").write_bytes(b"PK")
    shutil.copy(DATA_DIR / "gbk_article.txt", bad / "gbk.txt")
    good.write_bytes(b"\x00garbage")
    report = ingest(
        [bad, good, tmp_path / "missing"],
        settings=Settings(_env_file=None, data_dir=settings.data_dir, max_file_mb=2),
    )
    reasons = {Path(p.path).name: p.error for p in report.failed}
    assert set(reasons) == {"empty.txt", "binary.txt", "latin.txt", "huge.txt", "good.md", "missing"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin.txt"] and "RAG_MAX_FILE_MB" in reasons["huge.txt"]
    assert [Path(p.path).name for p in report.skipped] == ["sheet.xlsx"]
    assert report.added == 1
    titles = {c.title for c in get_store(settings=settings).keyword_index().all_chunks()}
    assert titles == {"快手电商发布新规", "Douyin widens its local-services push with a group-buying app"}


def test_cli_json_summary_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    data_dir = tmp_path / "cli-index"
    assert main([str(SEED), "--data-dir", str(data_dir), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert {k: summary[k] for k in ("added", "updated", "unchanged", "deleted", "failed")} == {
        "added": 4,
        "updated": 0,
        "unchanged": 0,
        "deleted": 0,
        "failed": [],
    }
    assert summary["chunks"] > 0
    assert main([str(SEED), "--data-dir", str(data_dir)]) == 0
    assert "4 unchanged" in capsys.readouterr().out
    assert main([str(tmp_path / "nope.txt"), "--data-dir", str(data_dir)]) == 1
    with pytest.raises(SystemExit) as usage:
        main([])
    assert usage.value.code == 2


def _writing_started(settings: Settings) -> bool:
    if settings.chroma_host:
        return get_store(settings=settings).count() > 20
    sqlite = settings.data_dir / "chroma" / "chroma.sqlite3"
    return sqlite.exists() and sqlite.stat().st_size > 200_000


def test_killed_ingest_is_completed_by_the_next_run(settings: Settings, tmp_path: Path):
    folder = article_folder(tmp_path / "many", 24)
    proc = ingest_process(settings, str(folder))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _writing_started(settings):
        time.sleep(0.2)
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed"
    report = ingest([folder], settings=settings)
    assert report.ok and report.added + report.unchanged == 24
    assert report.reused > 0 or report.unchanged > 0, "the killed run's work was not kept"
    assert assert_consistent(settings) == 24
    assert ingest([folder], settings=settings).chunks == 0


def test_second_writer_gets_a_clear_busy_error(settings: Settings, tmp_path: Path):
    folder = article_folder(tmp_path / "few", 2)
    store = get_store(settings=settings)
    with store.writing():
        proc = ingest_process(settings, str(folder))
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    where = f"127.0.0.1:{settings.chroma_port}" if settings.chroma_host else str(settings.data_dir)
    assert "busy" in err and where in err
    assert ingest([folder], settings=settings).added == 2


def test_remove_deletes_a_files_documents_and_reports_unknown_files(settings: Settings, tmp_path: Path):
    from ingest import remove

    folder = tmp_path / "docs"
    shutil.copytree(DATA_DIR / "articles", folder)
    ingest([folder], settings=settings)
    report = remove([folder / "meituan_drones.txt", tmp_path / "never-indexed.txt"], settings=settings)
    assert report.deleted == 1 and [Path(p.path).name for p in report.failed] == ["never-indexed.txt"]
    assert list(get_store(settings=settings).keyword_index().file_records()) == [
        str(folder / "douyin_local_services.md")
    ]
    assert (folder / "meituan_drones.txt").exists()
