"""`python -m ingest PATH... [--prune] [--rebuild] [--watch] [--wait S] [--json]`: sync files into it."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import time
from pathlib import Path

from ingest.index import IngestReport, Progress, ingest
from rag import __version__
from rag.config import Settings
from rag.errors import RagError

EPILOG = """examples:
  python -m ingest data/articles
  python -m ingest ~/news/*.html report.pdf --prune
  python -m ingest --rebuild ~/news          # re-create a damaged index from the files
  python -m ingest --watch ~/news ~/scraped  # keep following the folders (Ctrl-C stops)
  python -m ingest ~/news --data-dir /tmp/index --json
  CHROMA_HOST=10.0.0.5 python -m ingest ~/news --wait 600
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ingest",
        description="Add, update and (with --prune) remove articles; unchanged files cost nothing.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="files or folders (searched recursively); "
        "with --rebuild, default: the bundled archive and uploads",
    )
    parser.add_argument("--data-dir", type=Path, help="index directory (default: RAG_DATA_DIR)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--prune", action="store_true", help="remove documents whose files are gone from the given folders"
    )
    parser.add_argument(
        "--rebuild",
        action="store_true",
        help="drop the index (even a damaged one) and re-create it from the files",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="keep running and follow the given folders: new, edited, moved and deleted files (Ctrl-C stops)",
    )
    parser.add_argument("--json", action="store_true", help="print each summary as one JSON object")
    parser.add_argument(
        "--wait",
        type=float,
        metavar="SECONDS",
        help="queue this long behind another process's write instead of failing (default: RAG_LOCK_WAIT)",
    )
    return parser


def _progress_bar() -> tuple[Progress | None, object | None]:
    if not sys.stderr.isatty():
        return None, None
    from tqdm import tqdm

    bar = tqdm(total=1000, unit="‰", file=sys.stderr, leave=False, bar_format="{l_bar}{bar}| {desc}")

    def update(fraction: float, label: str) -> None:
        bar.n = int(fraction * 1000)
        bar.set_description_str(label[-40:], refresh=True)

    return update, bar


def summary(report: IngestReport) -> str:
    """One human-readable paragraph: counts, embedded chunks, time, then one line per problem."""
    lines = [
        f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.deleted} deleted, {report.duplicates} duplicates; {report.chunks} chunks embedded "
        f"({report.reused} reused) in {report.seconds:.1f} s"
    ]
    lines += [f"failed: {p.error}" for p in report.failed]
    lines += [f"skipped: {p.path}: {p.error}" for p in report.skipped]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 a file or the index failed, 2 usage)."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.paths and not args.rebuild:
        parser.error(
            "give at least one file or folder (or --rebuild alone for the bundled archive and uploads)"
        )
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    overrides = {"data_dir": args.data_dir, "lock_wait": args.wait}
    settings = Settings(**{k: v for k, v in overrides.items() if v is not None})
    paths = args.paths or settings.archive_folders()
    if args.watch:
        return _watch(paths, settings, as_json=args.json)
    progress, bar = _progress_bar()
    try:
        report = ingest(paths, prune=args.prune, rebuild=args.rebuild, settings=settings, progress=progress)
    except RagError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        if bar is not None:
            bar.close()
    if args.json:
        print(report.model_dump_json())
    else:
        print(summary(report))
    return 0 if report.ok else 1


def _watch(folders: list[Path], settings: Settings, *, as_json: bool) -> int:
    from ingest.watch import FolderWatch

    def show(report: IngestReport) -> None:
        print(
            report.model_dump_json() if as_json else f"{time.strftime('%H:%M:%S')} {summary(report)}",
            flush=True,
        )

    watch = FolderWatch(folders, settings=settings, on_sync=show)

    def stop(signum: int, _frame: object) -> None:
        # The first Ctrl-C (or a service manager's SIGTERM) lets the write in flight finish; a second
        # one interrupts it (the index survives that too, see ingest.index).
        signal.signal(signum, signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL)
        print("stopping after the current sync (Ctrl-C again to quit now)", file=sys.stderr, flush=True)
        watch.stop()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, stop)
    print(f"watching {', '.join(map(str, watch.folders))} (Ctrl-C stops)", file=sys.stderr, flush=True)
    try:
        watch.run()
    except KeyboardInterrupt:
        return 0
    except RagError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
