"""Scale-out benchmark: the same index on disk and on a Chroma server over loopback, and queued writers.

    python -m benchmarks.scaleout [--sizes 10000 100000] [--work DIR]

Run `python -m benchmarks.speed` first: it builds the real CMRC index the synthetic ones are made from.
- Queries: retrieve() and answer() p50/p95 at each size, on-disk Chroma against `chroma run` on
  127.0.0.1, each measured in a fresh process. The server holds the same synthetic chunks and vectors as
  the on-disk index (`benchmarks.speed.synthetic_index` is deterministic). Each server client starts
  without a BM25 cache, so the time to rebuild it from the server's collection in pages is measured too.
- Ingest: chunks/s of one `python -m ingest` process, and of two started together (the second queues
  behind the first's lock — a file lock on disk, a lease on the server), on each backend; and the time
  to add one article to a large index, where refreshing the BM25 cache over every chunk dominates.
Writes `benchmarks/results/scaleout.*`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from benchmarks import chroma_server, cmrc
from benchmarks.report import RESULTS, machine, write
from benchmarks.speed import QUERIES, bench_settings, child, synthetic_index
from ingest import ingest, remove
from rag.config import PROJECT_DIR

PASSAGES_PER_WRITER = 48


def _env(server: int | None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "CHROMA_"))}
    if server:
        env |= {"RAG_CHROMA_HOST": "127.0.0.1", "RAG_CHROMA_PORT": str(server)}
    return env | extra


def queries(work: Path, sizes: list[int], port: int) -> list[dict[str, Any]]:
    """Latency of the same synthetic index on disk and on the server, per size."""
    real = bench_settings(work / "cmrc-index")
    rows = []
    for size in sizes:
        local = synthetic_index(bench_settings(work / f"synthetic-{size}"), real, size)
        remote = {"chroma_host": "127.0.0.1", "chroma_port": port, "collection": f"synthetic{size}"}
        synthetic_index(bench_settings(work / f"client-build-{size}", **remote), real, size)
        remote_env = _env(port, RAG_COLLECTION=remote["collection"])
        fresh_client = work / f"client-{size}-{uuid.uuid4().hex[:6]}"
        rows.append(
            {
                "size": size,
                "local": child("queries", str(local.data_dir), env=_env(None)),
                "server": child("queries", str(fresh_client), env=remote_env),
            }
        )
    return rows


def one_article(work: Path, sizes: list[int], port: int) -> list[dict[str, Any]]:
    """Seconds to add one article to an index of each size (the BM25 refresh over all chunks dominates)."""
    passages, _ = cmrc.load()
    article = cmrc.write_articles(passages[-1:], work / "one-article")
    rows = []
    for size in sizes:
        remote = {"chroma_host": "127.0.0.1", "chroma_port": port, "collection": f"synthetic{size}"}
        for backend, settings in (
            ("local", bench_settings(work / f"synthetic-{size}")),
            ("server", bench_settings(work / f"client-build-{size}", **remote)),
        ):
            started = time.perf_counter()
            report = ingest([article], settings=settings)
            seconds = time.perf_counter() - started
            remove([p for p in article.iterdir()], settings=settings)
            rows.append({"size": size, "backend": backend, "seconds": seconds, "chunks": report.chunks})
    return rows


def _ingest(folders: list[Path], env: dict[str, str]) -> dict[str, float]:
    started = time.perf_counter()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "ingest", str(folder), "--json", "--wait", "3600"],
            cwd=PROJECT_DIR,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]
    chunks = 0
    for proc in procs:
        out, _ = proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError(f"ingest failed: {out}")
        chunks += json.loads(out)["chunks"]
    seconds = time.perf_counter() - started
    return {"writers": len(folders), "chunks": chunks, "seconds": seconds, "chunks_per_s": chunks / seconds}


def writers(work: Path, port: int) -> dict[str, list[dict[str, float]]]:
    """Chunks/s with one writer process, and with two started together, on each backend."""
    passages, _ = cmrc.load()
    folders = [
        cmrc.write_articles(passages[i * PASSAGES_PER_WRITER : (i + 1) * PASSAGES_PER_WRITER], work / f"w{i}")
        for i in range(2)
    ]
    out: dict[str, list[dict[str, float]]] = {}
    for backend, server in (("local", None), ("server", port)):
        out[backend] = []
        for count in (1, 2):
            tag = uuid.uuid4().hex[:8]
            env = _env(server, RAG_DATA_DIR=str(work / f"writers-{tag}"), RAG_COLLECTION=f"w{tag}")
            out[backend].append(_ingest(folders[:count], env))
    return out


def markdown(f: dict[str, Any]) -> str:
    """The figures as Markdown tables."""
    lines = [
        "| chunks | backend | retrieve p50 / p95 | answer p50 / p95 | first BM25 load | client RSS |",
        "|---|---|---|---|---|---|",
    ]
    for row in f["queries"]:
        for backend in ("local", "server"):
            q = row[backend]
            how = "cache on disk" if backend == "local" else "rebuilt from server"
            lines.append(
                f"| {row['size']:,} | {backend} | {q['retrieve_p50_ms']:.0f} / {q['retrieve_p95_ms']:.0f} ms | "
                f"{q['answer_p50_ms']:.0f} / {q['answer_p95_ms']:.0f} ms | "
                f"{q['bm25_first_load_s']:.1f} s ({how}) | {q['peak_rss_mb']:.0f} MB |"
            )
    lines += ["", "| backend | writer processes | chunks | wall time | chunks/s |", "|---|---|---|---|---|"]
    for backend, runs in f["writers"].items():
        for r in runs:
            lines.append(
                f"| {backend} | {r['writers']} | {r['chunks']} | {r['seconds']:.1f} s | {r['chunks_per_s']:.1f} |"
            )
    lines += ["", "| chunks | backend | add one article (BM25 refresh included) |", "|---|---|---|"]
    for r in f["one_article"]:
        lines.append(f"| {r['size']:,} | {r['backend']} | {r['seconds']:.1f} s |")
    return "\n".join(lines) + f"\n\nQueries: {QUERIES} CMRC questions per index; server on 127.0.0.1.\n"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the results."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=RESULTS / "work")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args(argv)
    if not (args.work / "cmrc-index").is_dir():
        parser.error(f"{args.work / 'cmrc-index'} is missing: run `python -m benchmarks.speed` first")
    proc, port = chroma_server.start(args.work / "server")
    try:
        figures = {
            "machine": machine(),
            "queries": queries(args.work, args.sizes, port),
            "writers": writers(args.work, port),
            "one_article": one_article(args.work, args.sizes, port),
        }
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    table = markdown(figures)
    write("scaleout", figures, table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
