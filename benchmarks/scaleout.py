"""Scale benchmark: 10k / 100k / 1M chunks, on disk and on a Chroma server over loopback; queued writers.

    python -m benchmarks.scaleout [--sizes 10000 100000 1000000] [--work DIR]

Run `python -m benchmarks.speed` first: it builds the real CMRC index the synthetic ones are made from
(synthetic passages are pairs of real CMRC sentences with real chunk vectors plus noise, because
embedding a million chunks would take weeks on 2 cores). Per size and backend:
- Queries: retrieve() and answer() p50/p95, peak RSS, each in a fresh process. A new server client
  builds its keyword index from the server (timed); after another client adds an article, the same
  client restarts and only catches up (timed: the first answer after a restart).
  `--backends served` serves the on-disk index with a `chroma run` of its own instead (a million chunks
  would take an hour to send through a server); its clients start from a copy of the on-disk keyword
  index, as clients that have followed the collection.
- One more article: the time to add it, and that time less embedding its own chunks.
- Disk: the index directory (on disk: Chroma and the keyword index; a server client: its keyword index).
Then chunks/s of one `python -m ingest` process, and of two started together (the second queues behind
the first's lock — a file lock on disk, a lease on the server). Writes `benchmarks/results/scaleout.*`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks import cmrc
from benchmarks.report import RESULTS, machine, write
from benchmarks.speed import QUERIES, bench_settings, child, synthetic_index
from ingest import ingest, remove
from rag.config import PROJECT_DIR, Settings
from rag.embeddings import get_embedder
from rag.retrieve import retrieve
from rag.store import collection_name, get_store
from tests.environment import start_chroma_server

PASSAGES_PER_WRITER = 48


def _env(server: int | None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "CHROMA_"))}
    if server:
        env |= {"RAG_CHROMA_HOST": "127.0.0.1", "RAG_CHROMA_PORT": str(server)}
    return env | extra


def scale(work: Path, sizes: list[int], port: int, backends: list[str]) -> list[dict[str, Any]]:
    """Queries, a restart, one more article and disk use, per size and backend."""
    real = bench_settings(work / "cmrc-index")
    passages, _ = cmrc.load()
    article = cmrc.write_articles(passages[-1:], work / "one-article")
    embedding = _embedding_seconds(article)
    rows = []
    for size in sizes:
        for backend in backends:
            with _backend(work, size, backend, port) as (writer, reader, env):
                synthetic_index(writer, real, size)
                # A writer that has followed the collection: adding an article below times that article only.
                get_store(settings=writer).keyword_index()
                first = child("queries", str(reader), env=env)
                started = time.perf_counter()
                report = ingest([article], settings=writer)
                added = time.perf_counter() - started
                restart = child("queries", str(reader), env=env)
                remove(list(article.iterdir()), settings=writer)
                disk = _disk_mb(reader)
            rows.append(
                {
                    "size": size,
                    "backend": backend,
                    "queries": first,
                    "restart": restart,
                    "one_article_s": added,
                    "one_article_chunks": report.chunks,
                    "one_article_beyond_embedding_s": added - embedding,
                    "disk_mb": disk,
                }
            )
    return rows


@contextmanager
def _backend(
    work: Path, size: int, backend: str, port: int
) -> Iterator[tuple[Settings, Path, dict[str, str]]]:
    """The writer's settings, the measured reader's data directory and its environment, for one backend.

    `local`: the index on disk, read by the writer's directory. `server`: a collection of its own on the
    shared server, filled through it; the reader is a new client that builds its keyword index from it.
    `served`: the on-disk index of `local` served by a `chroma run` of its own (filling a collection of a
    million chunks through a server takes about an hour); writer and reader start with a copy of the
    on-disk keyword index, as clients that have followed the collection since it was built.
    """
    local = bench_settings(work / f"synthetic-{size}")
    if backend == "local":
        yield local, local.data_dir, _env(None)
        return
    if backend == "server":
        remote = {"chroma_host": "127.0.0.1", "chroma_port": port, "collection": f"synthetic{size}"}
        reader = work / f"client-{size}-{uuid.uuid4().hex[:6]}"
        try:
            yield (
                bench_settings(work / f"client-build-{size}", **remote),
                reader,
                _env(port, RAG_COLLECTION=remote["collection"]),
            )
        finally:
            shutil.rmtree(reader, ignore_errors=True)
        return
    proc, served = start_chroma_server(local.data_dir / "chroma")
    try:
        writer = bench_settings(work / f"served-build-{size}", chroma_host="127.0.0.1", chroma_port=served)
        reader = work / f"served-{size}"
        name = collection_name(local.collection, get_embedder(settings=local).name)
        followed = get_store(settings=writer).keyword_dir.name  # named after the collection's id
        for directory in (writer.data_dir, reader):
            shutil.rmtree(directory, ignore_errors=True)
            shutil.copytree(local.data_dir / f"keyword-{name}", directory / followed)
        retrieve("warm-up", settings=writer)  # a server just started reads the vectors in on its first query
        yield writer, reader, _env(served)
    finally:
        proc.terminate()
        proc.wait(timeout=120)


def _embedding_seconds(article: Path) -> float:
    """Seconds the embedder alone (warm) takes for the article's chunks."""
    from ingest.chunking import chunk_document
    from ingest.loaders import load
    from ingest.parse import parse

    settings = bench_settings(Path("unused"))
    embedder = get_embedder(settings=settings)
    embedder.embed_passages(["warm-up"])
    texts = [
        c.index_text
        for path in article.iterdir()
        for doc in parse(load(path, max_mb=settings.max_file_mb), path)
        for c in chunk_document(doc, chunk_tokens=settings.chunk_tokens, overlap=settings.chunk_overlap)
    ]
    started = time.perf_counter()
    embedder.embed_passages(texts)
    return time.perf_counter() - started


def _disk_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


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
            shutil.rmtree(work / f"writers-{tag}", ignore_errors=True)
    return out


def markdown(f: dict[str, Any]) -> str:
    """The figures as Markdown tables."""
    lines = [
        "| chunks | backend | answer p50 / p95 | retrieve p50 / p95 | peak RSS: first run / restart | "
        "first keyword load | first answer after a restart | add one article (beyond embedding) | index on disk |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in f["scale"]:
        q, again = r["queries"], r["restart"]
        how = {
            "local": "built by the writer",
            "server": "new client, built from the server",
            "served": "copied from the on-disk index",
        }[r["backend"]]
        lines.append(
            f"| {r['size']:,} | {r['backend']} | {q['answer_p50_ms']:.0f} / {q['answer_p95_ms']:.0f} ms | "
            f"{q['retrieve_p50_ms']:.0f} / {q['retrieve_p95_ms']:.0f} ms | "
            f"{q['peak_rss_mb']:.0f} / {again['peak_rss_mb']:.0f} MB | "
            f"{q['keyword_first_load_s']:.1f} s ({how}) | {again['first_answer_s']:.1f} s "
            f"(catch-up {again['keyword_first_load_s']:.2f} s) | {r['one_article_s']:.1f} s "
            f"({r['one_article_beyond_embedding_s']:.1f} s) | {r['disk_mb']:,.0f} MB |"
        )
    if f["writers"]:
        lines += [
            "",
            "| backend | writer processes | chunks | wall time | chunks/s |",
            "|---|---|---|---|---|",
        ]
    for backend, runs in f["writers"].items():
        for r in runs:
            lines.append(
                f"| {backend} | {r['writers']} | {r['chunks']} | {r['seconds']:.1f} s | {r['chunks_per_s']:.1f} |"
            )
    return "\n".join(lines) + (
        f"\n\nQueries: {QUERIES} CMRC questions per index; server on 127.0.0.1. Synthetic chunks and vectors "
        "beyond the 1,214 real ones (see benchmarks/speed.py).\n"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the results."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=RESULTS / "work")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--backends",
        nargs="+",
        choices=["local", "server", "served"],
        default=["local", "server"],
        help="served: the on-disk index served by `chroma run` (run `local` first, in another run)",
    )
    parser.add_argument(
        "--no-writers", dest="writers", action="store_false", help="skip the writer-process measurements"
    )
    parser.add_argument("--name", default="scaleout", help="results file name (benchmarks/results/NAME.*)")
    args = parser.parse_args(argv)
    if {"local", "served"} <= set(args.backends):
        parser.error("measure `served` in a run of its own: this process would hold the on-disk index open")
    if not (args.work / "cmrc-index").is_dir():
        parser.error(f"{args.work / 'cmrc-index'} is missing: run `python -m benchmarks.speed` first")
    proc, port = start_chroma_server(args.work / "server")
    try:
        figures = {
            "machine": machine(),
            "scale": scale(args.work, args.sizes, port, args.backends),
            "writers": writers(args.work, port) if args.writers else {},
        }
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    table = markdown(figures)
    write(args.name, figures, table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
