"""Writes from the web app: checked before saving, one at a time, only uploads deleted."""

from pathlib import Path

import pytest

from rag.errors import BadRequest, FileTooLarge, IndexBusy, UnsupportedFile
from rag.web import writes
from rag.web.writes import add_uploads, check_upload, delete_upload, reindex
from tests.environment import DATA_DIR, make_settings

DRONES = DATA_DIR / "articles" / "meituan_drones.txt"


def test_uploads_are_checked_by_type_and_size_before_anything_is_saved(tmp_path: Path):
    settings = make_settings(tmp_path / "index", upload_dir=tmp_path / "up", max_file_mb=0.0001)
    with pytest.raises(UnsupportedFile, match=r"\.exe"):
        check_upload("tool.exe", 10, settings)
    with pytest.raises(FileTooLarge, match="RAG_MAX_FILE_MB"):
        add_uploads([DRONES], settings)
    assert not (tmp_path / "up").exists()


def test_an_upload_is_kept_with_its_articles_and_a_failed_one_is_not(tmp_path: Path):
    settings = make_settings(tmp_path / "index", upload_dir=tmp_path / "up", archive_dir=tmp_path / "none")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    written = add_uploads([DRONES, empty], settings, names=["无人机.txt", "empty.txt"])
    assert [p.name for p in written.kept] == ["无人机.txt"] and written.report.failed
    assert [d.path for d in written.kept_docs] == [str(tmp_path / "up" / "无人机.txt")]
    assert sorted(p.name for p in (tmp_path / "up").iterdir()) == ["无人机.txt"]
    with pytest.raises(BadRequest, match="not an uploaded file"):
        delete_upload("none/x.txt", settings)
    assert delete_upload("up/无人机.txt", settings).report.deleted == 1
    assert not list((tmp_path / "up").iterdir())


def test_a_write_while_another_runs_waits_or_is_busy(tmp_path: Path):
    settings = make_settings(tmp_path / "index", upload_dir=tmp_path / "up", archive_dir=tmp_path / "none")
    with writes._one_write(wait=True):
        with pytest.raises(IndexBusy, match="retry"):
            reindex(settings, wait=False)
    assert reindex(settings, wait=False).report.failed == []
