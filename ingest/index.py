"""Incremental sync of files into the index: embed only what is new, delete what is stale.

A file whose bytes are unchanged is skipped before parsing. A changed file is re-chunked; chunks whose
text is already indexed keep their stored vectors, the rest are embedded in full batches that span
files and upserted as they go, and a file's stale chunks are deleted once its new ones are all in.
Every step is idempotent, so a run killed at any point is completed by the next one, with no
duplicates and no orphans.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from pydantic import BaseModel, Field

from ingest.chunking import chunk_document
from ingest.loaders import SUFFIXES, check_supported, load_bytes, read_bytes
from ingest.parse import PARSER_VERSION, parse
from ingest.worker import Limits
from rag.config import Settings, get_settings
from rag.embeddings import get_embedder
from rag.errors import LoadError
from rag.store import FileRecord, Writer, get_store
from rag.types import Chunk

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]


class FileProblem(BaseModel):
    """A file that was not ingested, and why."""

    path: str
    error: str


class IngestReport(BaseModel):
    """What an ingest run did; document counts, except `chunks` (chunks embedded)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    duplicates: int = 0
    failed: list[FileProblem] = Field(default_factory=list)
    skipped: list[FileProblem] = Field(default_factory=list)
    chunks: int = 0
    reused: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when no file failed."""
        return not self.failed


@dataclass
class _Pending:
    """A file with `waiting` new chunks still to embed; `finish` deletes its stale chunks."""

    waiting: int
    finish: Callable[[], None]


@dataclass
class _Run:
    """One ingest: the write handle, what the index held for the files, and what this run changed."""

    writer: Writer
    settings: Settings
    report: IngestReport
    records: dict[str, FileRecord]
    owners: dict[str, str] = field(default_factory=dict)
    progress: Progress | None = None
    queue: list[tuple[Chunk, str, _Pending]] = field(default_factory=list)
    pending: list[_Pending] = field(default_factory=list)
    files_done: int = 0
    files_total: int = 0
    embedded: set[str] = field(default_factory=set)


def collect_files(paths: Iterable[Path | str], report: IngestReport) -> list[Path]:
    """Expand files and folders (recursively, hidden entries skipped) into supported files.

    Symlinked folders are not descended into (no loops); broken links and link loops are reported.
    """
    files: list[Path] = []
    for raw in paths:
        try:
            path = Path(raw).expanduser().resolve()
        except (RuntimeError, OSError) as exc:
            report.failed.append(FileProblem(path=str(raw), error=f"{raw}: cannot resolve the path ({exc})"))
            continue
        if path.is_dir():
            files += _folder_files(path, report)
        elif not path.exists():
            report.failed.append(FileProblem(path=str(path), error=f"{path}: no such file or folder"))
        else:
            try:
                check_supported(path)
                files.append(path)
            except LoadError as exc:
                report.failed.append(FileProblem(path=str(path), error=str(exc)))
    return list(dict.fromkeys(files))


def _folder_files(folder: Path, report: IngestReport) -> list[Path]:
    files = []
    for found in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in found.relative_to(folder).parts) or found.is_dir():
            continue
        if not found.exists():
            report.skipped.append(FileProblem(path=str(found), error="broken symlink or symlink loop"))
        elif found.suffix.lower() not in SUFFIXES:
            report.skipped.append(FileProblem(path=str(found), error="unsupported file type"))
        elif found.is_file():
            files.append(found)
    return files


def ingest(
    paths: Sequence[Path | str],
    *,
    prune: bool = False,
    rebuild: bool = False,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Add, update (and with `prune`, remove) documents so the index matches the given files.

    Args:
        paths: files and folders; folders are searched recursively.
        prune: also delete documents whose file is gone from one of the given folders (only there).
        rebuild: drop the whole index first (even a damaged one) and re-create it from `paths`.
        settings: defaults to `get_settings()`.
        progress: called with (fraction done, current file) as work proceeds.

    Returns:
        The report; per-file problems are in `failed`, never raised.

    Raises:
        IndexBusy: another process is writing to the index.
    """
    settings = settings or get_settings()
    started = time.perf_counter()
    report = IngestReport()
    files = collect_files(paths, report)
    store = get_store(settings=settings)
    with store.writing(reset=rebuild) as writer:
        records = writer.file_records([str(f) for f in files])
        run = _Run(writer, settings, report, records, progress=progress, files_total=len(files))
        for path in files:
            if progress:
                progress(run.files_done / max(len(files), 1), path.name)
            try:
                _sync_file(run, path)
            except LoadError as exc:
                report.failed.append(FileProblem(path=str(path), error=str(exc)))
            run.files_done += 1
        _flush(run, final=True)
        if prune:
            _prune(run, _existing_folders(paths))
    report.seconds = round(time.perf_counter() - started, 3)
    if progress:
        progress(1.0, "done")
    return report


def _sync_file(run: _Run, path: Path) -> None:
    data = read_bytes(path, run.settings.max_file_mb)
    file_hash = hashlib.sha256(PARSER_VERSION + data).hexdigest()
    record = run.records.get(str(path))
    if record and record.complete and record.file_hash == file_hash:
        run.report.unchanged += len(record.doc_ids)
        return
    limits = Limits(run.settings.extract_seconds, run.settings.extract_memory_mb)
    documents = parse(load_bytes(data, path, max_mb=run.settings.max_file_mb, limits=limits), path)
    chunks: list[Chunk] = []
    doc_ids: set[str] = set()
    for doc in documents:
        doc_chunks = chunk_document(
            doc, chunk_tokens=run.settings.chunk_tokens, overlap=run.settings.chunk_overlap
        )
        doc_id = doc_chunks[0].doc_id if doc_chunks else ""
        owner = run.owners.get(doc_id) or run.writer.index.owners([doc_id]).get(doc_id)
        if not doc_chunks or (owner and owner != str(path) and Path(owner).exists()) or doc_id in doc_ids:
            run.report.duplicates += bool(doc_chunks)
            continue
        doc_ids.add(doc_id)
        chunks.extend(doc_chunks)
    for doc_id in doc_ids:
        run.owners[doc_id] = str(path)
    fresh = _write_known(run, chunks, file_hash)

    def finish() -> None:
        old_ids = record.chunk_ids if record else frozenset()
        run.writer.delete(sorted(old_ids - {c.chunk_id for c in chunks}))
        _count_documents(
            run.report, doc_ids, record.doc_ids if record else frozenset(), existed=record is not None
        )

    pending = _Pending(len(fresh), finish)
    run.pending.append(pending)
    run.queue.extend((c, file_hash, pending) for c in fresh)
    _flush(run, final=False)


def _write_known(run: _Run, chunks: list[Chunk], file_hash: str) -> list[Chunk]:
    """Upsert the chunks whose text is already embedded in the index; return the others."""
    # Only ask Chroma for vectors it may have: new text in a new file costs no read.
    hashes = [c.text_hash for c in chunks]
    candidates = sorted(set(hashes) & (run.embedded | run.writer.index.known_texts(hashes)))
    stored = run.writer.stored_vectors(candidates) if candidates else {}
    run.embedded.update(c.text_hash for c in chunks)
    known = [c for c in chunks if c.text_hash in stored]
    if known:
        vectors = np.stack([stored[c.text_hash] for c in known])
        run.writer.upsert(known, vectors, [{"file_hash": file_hash}] * len(known))
        run.report.reused += len(known)
    return [c for c in chunks if c.text_hash not in stored]


def _flush(run: _Run, *, final: bool) -> None:
    """Embed queued chunks in full batches across files (all of them when `final`).

    Then finish every file whose new chunks are all written: only then are its stale chunks deleted.
    """
    batch = run.settings.embed_batch
    embedder = get_embedder(settings=run.settings)
    while len(run.queue) >= batch or (final and run.queue):
        part, run.queue = run.queue[:batch], run.queue[batch:]
        vectors = embedder.embed_passages([c.index_text for c, _, _ in part])
        run.writer.upsert([c for c, _, _ in part], vectors, [{"file_hash": h} for _, h, _ in part])
        run.report.chunks += len(part)
        for _, _, pending in part:
            pending.waiting -= 1
        if run.progress:
            run.progress(run.files_done / max(run.files_total, 1), part[-1][0].path)
    for pending in [p for p in run.pending if p.waiting == 0]:
        pending.finish()
        run.pending.remove(pending)


def _count_documents(report: IngestReport, new: set[str], old: frozenset[str], *, existed: bool) -> None:
    kept = len(new & old)
    added, gone = len(new - old), len(old - new)
    report.unchanged += kept
    if not existed:
        report.added += added
        return
    report.updated += min(added, gone)
    report.added += max(added - gone, 0)
    report.deleted += max(gone - added, 0)


def remove(paths: Sequence[Path | str], *, settings: Settings | None = None) -> IngestReport:
    """Delete from the index every document of these files, or of the files below these folders.

    The files themselves are left alone.

    Raises:
        IndexBusy: another process is writing to the index.
    """
    settings = settings or get_settings()
    started = time.perf_counter()
    report = IngestReport()
    wanted = {str(Path(p).expanduser().resolve()) for p in paths}
    store = get_store(settings=settings)
    with store.writing() as writer:
        for path in sorted(wanted):
            records = writer.file_records([path], under=[Path(path)])
            if not records:
                report.failed.append(FileProblem(path=path, error="not in the index"))
            for record in records.values():
                writer.delete(sorted(record.chunk_ids))
                report.deleted += len(record.doc_ids)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _existing_folders(paths: Sequence[Path | str]) -> list[Path]:
    """The given folders that exist, resolved: pruning never reaches beyond them (nor into a missing one)."""
    folders = []
    for raw in paths:
        try:
            path = Path(raw).expanduser().resolve()
        except (RuntimeError, OSError):
            continue
        if path.is_dir():
            folders.append(path)
    return folders


def _prune(run: _Run, folders: list[Path]) -> None:
    """Delete the documents of files that are gone from `folders`.

    A file elsewhere (ingested from another folder, or by another user) is left alone, and so is a
    folder that is missing right now (an unmounted drive is not a deletion).
    """
    # Re-read: a document that moved to a new path in this run now belongs to that path.
    run.writer.refresh()
    for path, record in run.writer.file_records(under=folders).items():
        if not Path(path).exists():
            run.writer.delete(sorted(record.chunk_ids))
            run.report.deleted += len(record.doc_ids)
            log.info("pruned %s (%d documents)", path, len(record.doc_ids))
