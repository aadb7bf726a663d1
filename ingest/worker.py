"""Run the extraction of untrusted binary formats (PDF, DOCX) in a worker process with CPU and memory limits.

A hostile file (a content stream shared by thousands of pages, a zip that inflates to gigabytes) can
cost minutes of CPU or gigabytes of memory inside the parsing library, where no check of ours runs.
In a worker process the kernel enforces the limits: the worker is killed, the file fails alone with
a reason, and the app (and its write lock) is free again at once.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import resource
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from rag.errors import FileTooLarge

log = logging.getLogger(__name__)
T = TypeVar("T")
# Beyond the CPU limit, a worker stalled without using CPU (never seen; a guard) is given this long.
WALL_FACTOR = 3.0


@dataclass(frozen=True, slots=True)
class Limits:
    """What one file's extraction may cost: CPU seconds and memory beyond the worker's own."""

    cpu_seconds: float
    memory_mb: int


class ReaderFailed(RuntimeError):
    """A reader's own error that could not travel back from the worker, as its type and message."""


_pool: ProcessPoolExecutor | None = None
_pool_memory = 0
_lock = threading.Lock()


def run_limited(func: Callable[..., T], path: Path, *args: object, limits: Limits) -> T:
    """Call `func(*args)` in the worker process, within `limits`.

    Raises:
        FileTooLarge: the extraction of `path` ran out of CPU time or memory (the worker is replaced).
        LoadError: whatever `func` raises for a bad file.
    """
    global _pool
    with _lock:
        pool = _worker(limits.memory_mb)
        future = pool.submit(_limited, func, limits.cpu_seconds, *args)
        try:
            return future.result(timeout=limits.cpu_seconds * WALL_FACTOR + 30)
        except (BrokenProcessPool, TimeoutError, MemoryError) as exc:
            _stop(pool)
            _pool = None
            log.warning("extraction of %s stopped: %s", path, exc or type(exc).__name__)
            raise FileTooLarge(
                f"{path}: extracting its text needed more than {limits.cpu_seconds:g} s of CPU or "
                f"{limits.memory_mb} MB of memory (RAG_EXTRACT_SECONDS, RAG_EXTRACT_MEMORY_MB); "
                "the file may be built to exhaust a reader"
            ) from exc


def _worker(memory_mb: int) -> ProcessPoolExecutor:
    global _pool, _pool_memory
    if _pool is None or _pool_memory != memory_mb:
        if _pool is not None:
            _stop(_pool)
        # Spawned, not forked: the parent has threads (the app's server, Chroma) that a fork would copy.
        context = multiprocessing.get_context("spawn")
        _pool = ProcessPoolExecutor(1, mp_context=context, initializer=_limit_memory, initargs=(memory_mb,))
        _pool_memory = memory_mb
    return _pool


def _stop(pool: ProcessPoolExecutor) -> None:
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _limit_memory(memory_mb: int) -> None:
    """In the worker: allow `memory_mb` of address space beyond what it holds after start-up."""
    try:
        with open("/proc/self/statm", encoding="utf-8") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return  # no /proc: the CPU limit still applies
    limit = current + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _limited(func: Callable[..., T], cpu_seconds: float, *args: object) -> T:
    """In the worker: run `func` with `cpu_seconds` more CPU time than used so far, then SIGXCPU."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = int(usage.ru_utime + usage.ru_stime + cpu_seconds) + 1
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
    try:
        return func(*args)
    except Exception as exc:
        # The error goes back to the parent pickled; one that cannot be (lxml's carry their parser's
        # log) would come back as "cannot pickle", hiding the reason: it is sent back as text.
        try:
            pickle.dumps(exc)
        except Exception:
            raise ReaderFailed(f"{type(exc).__name__}: {exc}") from None
        raise
