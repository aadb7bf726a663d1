"""Answer latency beside another busy process, with questions embedded on every core or on one thread.

    python -m benchmarks.contention [--work DIR] [--questions N] [--seconds S]

The bundled archive is indexed, and `answer()` is timed in this process over CMRC questions: alone;
while `python -m ingest` indexes the CMRC trial passages in another process (new articles arriving
while the app serves); and while another process answers questions on the same index (the app and a
script). First with `RAG_QUERY_THREADS` at every core, then at one thread (the default): the question
embedder's threads spin while they wait for each other, which a busy neighbour turns into seconds.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks import cmrc
from benchmarks.report import RESULTS, machine, write
from ingest import ingest
from rag import Settings, answer
from rag.config import PROJECT_DIR


def _settings(data_dir: Path, threads: int) -> Settings:
    return Settings(_env_file=None, data_dir=data_dir, query_threads=threads)


def timed_answers(
    settings: Settings, questions: list[str], running: Callable[[], bool], limit: int
) -> dict[str, float]:
    """p50, p95 and max of `answer()` over `questions` (cycled) while `running()`, at most `limit` answers."""
    timings = []
    for q in itertools.islice(itertools.cycle(questions), limit):
        if not running():
            break
        started = time.perf_counter()
        answer(q, settings=settings)
        timings.append(1000 * (time.perf_counter() - started))
    if not timings:
        raise RuntimeError("the other process ended before any answer was timed: lower --seconds")
    return {
        "p50_ms": float(np.percentile(timings, 50)),
        "p95_ms": float(np.percentile(timings, 95)),
        "max_ms": float(max(timings)),
        "answers": len(timings),
    }


def _spawn(args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", *args],
        cwd=PROJECT_DIR,
        env=os.environ | env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def beside(
    proc: subprocess.Popen[bytes], settings: Settings, questions: list[str], seconds: float
) -> dict[str, float]:
    """`timed_answers` while `proc` runs, for `seconds` at most (then it is stopped)."""
    ends = time.monotonic() + seconds
    try:
        return timed_answers(
            settings, questions, lambda: proc.poll() is None and time.monotonic() < ends, len(questions)
        )
    finally:
        proc.kill()
        proc.wait()


def measure(work: Path, threads: int, questions: list[str], articles: Path, seconds: float) -> dict[str, Any]:
    """Answer latency with `threads` query threads: alone, beside an ingest, beside another reader."""
    settings = _settings(work / "archive-index", threads)
    answer(questions[0], settings=settings)
    figures: dict[str, Any] = {"alone": timed_answers(settings, questions, lambda: True, len(questions))}
    target = work / f"ingest-{threads}"
    shutil.rmtree(target, ignore_errors=True)
    ingesting = _spawn(["ingest", str(articles)], {"RAG_DATA_DIR": str(target)})
    # Past the ingest's start-up (imports, models), so that its embedding is what runs beside the answers.
    time.sleep(seconds / 4)
    figures["beside an ingest"] = beside(ingesting, settings, questions, seconds)
    reading = _spawn(
        ["benchmarks.contention", "--child", str(work), str(threads), str(seconds)],
        {"RAG_DATA_DIR": str(work / "archive-index")},
    )
    time.sleep(seconds / 4)
    figures["beside another reader"] = beside(reading, settings, questions, seconds / 2)
    return figures


def read_for(work: Path, threads: int, seconds: float) -> None:
    """The other reader: answer CMRC questions on the archive for `seconds`."""
    _, questions = cmrc.load()
    settings = _settings(work / "archive-index", threads)
    ends = time.monotonic() + seconds
    timed_answers(settings, [q.text for q in questions], lambda: time.monotonic() < ends, len(questions))


def markdown(figures: dict[str, Any]) -> str:
    """The results as a Markdown table."""
    rows = [
        "| question embedder | condition | answers | p50 | p95 | max |",
        "|---|---|---|---|---|---|",
    ]
    for threads, conditions in figures["threads"].items():
        for condition, f in conditions.items():
            rows.append(
                f"| {threads} | {condition} | {f['answers']} | {f['p50_ms']:.0f} ms | {f['p95_ms']:.0f} ms "
                f"| {f['max_ms']:.0f} ms |"
            )
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print and write `benchmarks/results/contention.{json,md}`."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=RESULTS / "work" / "contention")
    parser.add_argument("--questions", type=int, default=300, help="answers timed per condition, at most")
    parser.add_argument(
        "--seconds",
        type=float,
        default=60.0,
        help="how long answers are timed beside another process, at most",
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        work, threads, seconds = args.child
        read_for(Path(work), int(threads), float(seconds))
        return 0
    passages, questions = cmrc.load()
    articles = cmrc.write_articles(passages, args.work / "cmrc-articles")
    ingest([PROJECT_DIR / "data" / "articles"], settings=_settings(args.work / "archive-index", 1))
    asked = [q.text for q in questions[: args.questions]]
    cores = os.cpu_count() or 1
    figures = {
        "machine": machine(),
        "threads": {
            f"{n} thread{'s' * (n > 1)}{' (every core)' if n == cores > 1 else ''}": measure(
                args.work, n, asked, articles, args.seconds
            )
            for n in dict.fromkeys((cores, 1))
        },
    }
    write("contention", figures, markdown(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
