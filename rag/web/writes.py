"""Changes to the archive made through the web app: uploads, deletes of uploads, and re-indexing.

The Gradio UI and the HTTP API both write through here, one write at a time in this process: the UI
queues behind a write in progress, while an API call is refused at once as busy (409) rather than
holding a connection open for minutes. Another process writing the index is `IndexBusy` for both.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ingest import SUFFIXES, IngestReport, ingest, remove
from rag import DocumentInfo, Settings, library
from rag.errors import BadRequest, FileTooLarge, IndexBusy, RagError, UnsupportedFile
from rag.web.present import upload_path

# Uploaded names: kept readable, bounded (in bytes: file systems count those), never hidden.
_UNSAFE_NAME = re.compile(r"[^\w.\-]+")
MAX_NAME_BYTES = 150
_GATE = threading.Lock()

Progress = Callable[[float, str], None]


@dataclass(frozen=True, slots=True)
class Written:
    """What a write did: the ingest report, the library afterwards, and the uploaded files it kept."""

    report: IngestReport
    docs: list[DocumentInfo]
    kept: list[Path] = field(default_factory=list)

    @property
    def kept_docs(self) -> list[DocumentInfo]:
        """The articles of the kept files."""
        kept = {str(p) for p in self.kept}
        return [d for d in self.docs if d.path in kept]


@contextmanager
def _one_write(wait: bool) -> Iterator[None]:
    if not _GATE.acquire(blocking=wait):
        raise IndexBusy(
            "the archive is being changed (an upload, delete or re-index is running); retry when it ends"
        )
    try:
        yield
    finally:
        _GATE.release()


def check_upload(name: str, size: int, settings: Settings) -> None:
    """Refuse a file the archive cannot take, by its name and size, before anything is saved.

    Raises:
        UnsupportedFile: the type is not one the loaders read.
        FileTooLarge: larger than `Settings.max_file_mb`.
    """
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise UnsupportedFile(
            f"{Path(name).name}: unsupported file type {suffix or '(none)'}; "
            f"supported: {', '.join(sorted(SUFFIXES))}"
        )
    if size > settings.max_file_mb * 1024 * 1024:
        raise FileTooLarge(
            f"{Path(name).name}: {size / 1024 / 1024:.1f} MB is over the {settings.max_file_mb:g} MB limit "
            "(RAG_MAX_FILE_MB)"
        )


def save_uploads(files: list[Path], upload_dir: Path, names: list[str] | None = None) -> list[Path]:
    """Copy uploaded files into the upload directory, never overwriting a different file.

    Names (`names`, default the files' own) are made safe (no path, no leading dot, at most
    `MAX_NAME_BYTES`); a different file under a taken name gets its content hash appended, so the same
    upload always lands on the same name.
    """
    upload_dir.mkdir(parents=True, exist_ok=True)
    saved = []
    for source, name in zip(files, names or [f.name for f in files], strict=True):
        data = source.read_bytes()
        suffix = Path(name).suffix.lower()
        stem = _UNSAFE_NAME.sub("_", Path(name).stem).lstrip(".").encode()[:MAX_NAME_BYTES]
        stem = stem.decode(errors="ignore") or "upload"
        target = upload_dir / f"{stem}{suffix}"
        if target.exists() and target.read_bytes() != data:
            target = upload_dir / f"{stem}-{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
        target.write_bytes(data)
        saved.append(target.resolve())
    return saved


def add_uploads(
    files: list[Path],
    settings: Settings,
    *,
    names: list[str] | None = None,
    wait: bool = True,
    progress: Progress | None = None,
) -> Written:
    """Check, save and index uploaded files; a file that fails (or duplicates an article) is not kept.

    Args:
        files: the received files (temporary copies; the caller deletes them).
        settings: the app's settings.
        names: the names the files were uploaded under (default: the files' own names).
        wait: queue behind a write in progress instead of failing with `IndexBusy`.
        progress: called with the fraction done and the file being read.

    Returns:
        The ingest report, the library afterwards and the files kept in the upload folder.

    Raises:
        UnsupportedFile, FileTooLarge: before anything is saved, naming the file.
        IndexBusy: another write is running (`wait=False`) or another process writes the index.
    """
    names = names or [f.name for f in files]
    for file, name in zip(files, names, strict=True):
        check_upload(name, file.stat().st_size, settings)
    with _one_write(wait):
        saved = save_uploads(files, settings.upload_dir, names)
        try:
            report = ingest(saved, settings=settings, progress=progress)
        except RagError:  # nothing indexed (another process writes, say): nothing kept either
            for path in saved:
                path.unlink(missing_ok=True)
            raise
        docs = library(settings=settings)
        indexed = {d.path for d in docs}
        for path in saved:
            if str(path) not in indexed:
                path.unlink(missing_ok=True)
    return Written(report, docs, [p for p in saved if str(p) in indexed])


def delete_upload(shown: str, settings: Settings, *, wait: bool = True) -> Written:
    """Remove an uploaded file's articles from the index and delete the file.

    Args:
        shown: the file as the app shows it (`uploads/x.md`, see `display_path`).
        settings: the app's settings.
        wait: queue behind a write in progress instead of failing with `IndexBusy`.

    Raises:
        BadRequest: `shown` is not an uploaded file (the app deletes nothing else).
        IndexBusy: as for `add_uploads`.
    """
    path = upload_path(shown, settings)
    if path is None:
        raise BadRequest(
            f"{shown} is not an uploaded file: the app deletes only what was uploaded to it. Remove "
            "other articles from their folder and run `python -m ingest FOLDER --prune`."
        )
    with _one_write(wait):
        report = remove([path], settings=settings)
        if not report.failed:
            path.unlink(missing_ok=True)
        return Written(report, library(settings=settings))


def reindex(settings: Settings, *, wait: bool = True) -> Written:
    """Sync the index with the archive and upload folders, pruning only inside them."""
    with _one_write(wait):
        report = ingest(settings.archive_folders(), prune=True, settings=settings)
        return Written(report, library(settings=settings))
