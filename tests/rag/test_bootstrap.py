"""First use: an empty index is built from the archive folders once, and never again behind the user's back."""

from pathlib import Path

from rag.bootstrap import ensure_index
from tests.environment import make_settings
from tests.helpers import article_folder


def test_an_empty_index_is_built_from_the_archive_once(tmp_path: Path):
    archive = article_folder(tmp_path / "archive", 2)
    settings = make_settings(tmp_path / "index", archive_dir=archive, upload_dir=tmp_path / "uploads")
    calls: list[float] = []
    store = ensure_index(settings=settings, progress=lambda fraction, label: calls.append(fraction))
    built = store.count()
    assert built > 0 and calls, "the first use indexes the archive and reports progress"
    article_folder(tmp_path / "archive", 3)  # a third article appears later: an ingest's job, not a read's
    assert ensure_index(settings=settings) is store and store.count() == built


def test_without_archive_folders_the_index_stays_empty(tmp_path: Path):
    settings = make_settings(tmp_path / "index", archive_dir=tmp_path / "none", upload_dir=tmp_path / "none")
    assert ensure_index(settings=settings).count() == 0
