"""Speed and scale benchmark: ingest throughput, unchanged re-ingest, query latency and memory, app start.

    python -m benchmarks.speed [--sizes 1000 10000 100000] [--work DIR]

Every figure is paired with a baseline measured in the same run: the embedder alone for ingest, the
LangChain tutorial retriever for queries, `import gradio` for app start. The 1k index holds the real
CMRC 2018 trial passages (CC BY-SA 4.0); the 10k and 100k indexes are filled with synthetic passages
(pairs of real CMRC sentences, so BM25 sees real text) and precomputed vectors (real chunk vectors
plus noise), because embedding them would take hours on 2 cores. Writes `benchmarks/results/speed.*`.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks import cmrc
from benchmarks.app_process import running_app
from benchmarks.report import RESULTS, machine, write
from ingest import ingest
from rag import Settings, answer, retrieve
from rag.config import PROJECT_DIR
from rag.embeddings import Embedder, get_embedder
from rag.store import get_store
from rag.text import sentence_spans, terms
from rag.types import Chunk

QUERIES = 200


def bench_settings(path: Path, **overrides: Any) -> Settings:
    """Settings of a benchmark index at `path`: nothing from a developer's `.env`."""
    return Settings(_env_file=None, data_dir=path, **overrides)


def ingest_throughput(work: Path, passages: list[cmrc.Passage]) -> dict[str, float]:
    """Chunks/s of the whole pipeline (fresh index) against the embedder alone on the same chunks."""
    folder = cmrc.write_articles(passages, work / "cmrc-articles")
    settings = bench_settings(work / f"ingest-{time.time_ns()}")
    # Both sides start warm: the model loaded, and for the pipeline Chroma and jieba too.
    get_embedder(settings=settings).embed_passages(["warm-up"])
    get_store(settings=settings).count()
    terms("warm-up")
    started = time.perf_counter()
    report = ingest([folder], settings=settings)
    pipeline = time.perf_counter() - started
    texts = [c.index_text for c in get_store(settings=settings).keyword_index().all_chunks()]
    alone = Embedder("e5")
    alone.embed_passages(["warm-up"])
    started = time.perf_counter()
    for i in range(0, len(texts), settings.embed_batch):
        alone.embed_passages(texts[i : i + settings.embed_batch])
    embed_only = time.perf_counter() - started
    return {
        "chunks": report.chunks,
        "pipeline_chunks_per_s": report.chunks / pipeline,
        "embedder_chunks_per_s": len(texts) / embed_only,
        "ratio": (report.chunks / pipeline) / (len(texts) / embed_only),
    }


def unchanged_reingest(work: Path, passages: list[cmrc.Passage], documents: int = 1024) -> dict[str, float]:
    """Seconds to re-ingest ≥1000 unchanged documents, and the chunks it embedded (must be 0)."""
    folder = work / "many-docs"
    folder.mkdir(parents=True, exist_ok=True)
    pieces = [(p, i) for p in passages for i in range(4)]
    for p, i in pieces[:documents]:
        spans = sentence_spans(p.context)
        part = p.context[spans[min(i, len(spans) - 1)][0] :] if spans else p.context
        (folder / f"{p.pid}-{i}.txt").write_text(f"{p.title} ({i})\n{part}\n", encoding="utf-8")
    settings = bench_settings(work / "many-docs-index")
    first = ingest([folder], settings=settings)
    started = time.perf_counter()
    again = ingest([folder], settings=settings)
    return {
        "documents": documents,
        "first_run_seconds": first.seconds if first.chunks else None,
        "first_run_embedded": first.chunks,
        "unchanged_seconds": time.perf_counter() - started,
        "unchanged_embedded": again.chunks,
    }


def stored_chunks(settings: Settings) -> tuple[list[str], np.ndarray]:
    """The texts and vectors of every chunk in `settings`' index."""
    records = list(get_store(settings=settings).chunks_with_vectors())
    return [c.text for c, _ in records], np.asarray([v for _, v in records], dtype=np.float32)


def synthetic_index(settings: Settings, source: Settings, size: int) -> Settings:
    """Fill `settings`' index to `size` chunks built from the real ones: sentence pairs, vectors plus noise.

    Deterministic: the same source and size give the same chunks and vectors on any backend.
    """
    store = get_store(settings=settings)
    if store.count() >= size:
        return settings
    texts, vectors = stored_chunks(source)
    sentences = [d[s:e] for d in texts for s, e in sentence_spans(d)]
    rng = random.Random(size)
    noise = np.random.default_rng(size)
    with store.writing() as writer:
        for start in range(store.count(), size, 2000):
            batch = range(start, min(start + 2000, size))
            chunks = [_synthetic_chunk(i, rng.choice(sentences) + rng.choice(sentences)) for i in batch]
            picked = vectors[[rng.randrange(len(vectors)) for _ in batch]]
            mixed = picked + noise.normal(0, 0.02, picked.shape).astype(np.float32)
            mixed /= np.linalg.norm(mixed, axis=1, keepdims=True)
            writer.upsert(chunks, mixed, [{"file_hash": "synthetic"}] * len(chunks))
    return settings


def _synthetic_chunk(i: int, text: str) -> Chunk:
    return Chunk(
        chunk_id=f"syn{i:07d}",
        doc_id=f"doc{i // 4:06d}",
        title=f"synthetic {i // 4}",
        text=text,
        path=f"/synthetic/{i // 4}.txt",
        index=i % 4,
        start=0,
        end=len(text),
        doc_chunks=4,
    )


def peak_rss_mb() -> float:
    """This process's own peak resident memory (VmHWM; ru_maxrss would include the forking parent's)."""
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_queries(data_dir: Path, questions: list[str]) -> dict[str, float]:
    """In this process: retrieve() and answer() latency percentiles and peak RSS for one index.

    Also times the first keyword-index load (a rebuild from Chroma for a client that has none, a
    catch-up on what others wrote for one that has), and the first answer (that load, the models).
    """
    settings = bench_settings(data_dir)
    started = time.perf_counter()
    get_store(settings=settings).keyword_index()
    keyword_seconds = time.perf_counter() - started
    answer(questions[0], settings=settings)
    first_answer = time.perf_counter() - started
    timings: dict[str, list[float]] = {"retrieve": [], "answer": []}
    for q in questions:
        for name, call in (("retrieve", retrieve), ("answer", answer)):
            started = time.perf_counter()
            call(q, settings=settings)
            timings[name].append(1000 * (time.perf_counter() - started))
    out = {f"{name}_p{p}_ms": float(np.percentile(v, p)) for name, v in timings.items() for p in (50, 95)}
    out["chunks"] = len(get_store(settings=settings).keyword_index())
    out["keyword_first_load_s"] = keyword_seconds
    out["first_answer_s"] = first_answer
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def measure_baseline(
    size: int, texts: list[str], vectors: np.ndarray, work: Path, questions: list[str]
) -> dict:
    """The LangChain tutorial retriever (MiniLM + langchain_chroma, k=5) over `size` chunks."""
    from benchmarks import baseline

    store = baseline.open_store(work / f"baseline-{size}")
    collection = baseline.collection(work / f"baseline-{size}")
    rng = random.Random(size)
    for start in range(collection.count(), size, 5000):
        batch = range(start, min(start + 5000, size))
        collection.upsert(
            ids=[f"b{i}" for i in batch],
            documents=[texts[rng.randrange(len(texts))] for _ in batch],
            embeddings=vectors[[rng.randrange(len(vectors)) for _ in batch]],
        )
    retriever = store.as_retriever(search_kwargs={"k": 5})
    retriever.invoke(questions[0])
    latencies = []
    for q in questions:
        started = time.perf_counter()
        retriever.invoke(q)
        latencies.append(1000 * (time.perf_counter() - started))
    return {
        "p50_ms": float(np.percentile(latencies, 50)),
        "p95_ms": float(np.percentile(latencies, 95)),
        "peak_rss_mb": peak_rss_mb(),
    }


def child(
    kind: str, *args: str, env: dict[str, str] | None = None, module: str = "benchmarks.speed"
) -> dict[str, Any]:
    """Run one measurement (`python -m MODULE --child KIND ARGS`) in a fresh process: its own peak memory.

    `env` may point it at a server. The child prints its result as JSON on its last line.
    """
    out = subprocess.run(
        [sys.executable, "-m", module, "--child", kind, *args],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def app_start(data_dir: Path) -> dict[str, float]:
    """Seconds from `python app.py` to an answering page on a built index, and `import gradio` alone."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import gradio"], check=True)
    gradio_import = time.perf_counter() - started
    started = time.perf_counter()
    with running_app(data_dir):
        ready = time.perf_counter() - started
    return {"ready_seconds": ready, "import_gradio_seconds": gradio_import}


def plot(figures: dict[str, Any], path: Path) -> None:
    """Latency against index size: ours (retrieve, answer) and the baseline, p95."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["chunks"] for r in figures["queries"]]
    fig, ax = plt.subplots(figsize=(6.4, 4))
    ax.plot(sizes, [r["retrieve_p95_ms"] for r in figures["queries"]], "o-", label="retrieve() p95")
    ax.plot(sizes, [r["answer_p95_ms"] for r in figures["queries"]], "s-", label="answer() p95")
    ax.plot(
        sizes, [r["p95_ms"] for r in figures["baseline"]], "^--", label="LangChain baseline retriever p95"
    )
    ax.set(xscale="log", xlabel="chunks in the index", ylabel="ms", title="Query latency (2 CPU cores)")
    ax.set_ylim(bottom=0)
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def markdown(f: dict[str, Any]) -> str:
    """The figures as Markdown tables."""
    i, u, a = f["ingest"], f["reingest"], f["app"]
    lines = [
        "| ingest | value |",
        "|---|---|",
        f"| pipeline throughput (256 CMRC passages, {i['chunks']} chunks) | {i['pipeline_chunks_per_s']:.1f} chunks/s |",
        f"| embedder alone, same chunks | {i['embedder_chunks_per_s']:.1f} chunks/s |",
        f"| pipeline / embedder | {i['ratio']:.1%} |",
        f"| unchanged re-ingest, {u['documents']} documents | {u['unchanged_seconds']:.2f} s, "
        f"{u['unchanged_embedded']} chunks embedded |",
        f"| app start to ready (built index) | {a['ready_seconds']:.1f} s (`import gradio` alone {a['import_gradio_seconds']:.1f} s) |",
        "",
        "| chunks | retrieve p50 / p95 | answer p50 / p95 | peak RSS | baseline retriever p50 / p95 | baseline RSS |",
        "|---|---|---|---|---|---|",
    ]
    for q, b in zip(f["queries"], f["baseline"], strict=True):
        lines.append(
            f"| {q['chunks']:,} | {q['retrieve_p50_ms']:.0f} / {q['retrieve_p95_ms']:.0f} ms | "
            f"{q['answer_p50_ms']:.0f} / {q['answer_p95_ms']:.0f} ms | {q['peak_rss_mb']:.0f} MB | "
            f"{b['p50_ms']:.0f} / {b['p95_ms']:.0f} ms | {b['peak_rss_mb']:.0f} MB |"
        )
    return "\n".join(lines) + "\n\n10k and 100k: synthetic passages and vectors (see benchmarks/speed.py).\n"


def run(work: Path, sizes: list[int]) -> dict[str, Any]:
    """Every measurement, in order; returns the figures."""
    passages, questions = cmrc.load()
    asked = [q.text for q in questions[:QUERIES]]
    figures: dict[str, Any] = {
        "machine": machine(),
        "ingest": ingest_throughput(work, passages),
        "reingest": unchanged_reingest(work, passages),
    }
    real = bench_settings(work / "cmrc-index")
    ingest([cmrc.write_articles(passages, work / "cmrc-articles")], settings=real)
    indexes = {
        size: real.data_dir
        if size <= 2000
        else synthetic_index(bench_settings(work / f"synthetic-{size}"), real, size).data_dir
        for size in sizes
    }
    figures["queries"] = [child("queries", str(path)) for path in indexes.values()]
    figures["baseline"] = [child("baseline", str(size), str(work)) for size in sizes]
    figures["app"] = app_start(real.data_dir)
    figures["queries_asked"] = asked[:3]
    return figures


def run_child(kind: str, args: list[str]) -> None:
    """One measurement of `child`, printed as JSON on the last line."""
    passages, questions = cmrc.load()
    asked = [q.text for q in questions[:QUERIES]]
    if kind == "queries":
        result = measure_queries(Path(args[0]), asked)
    else:
        size, work = int(args[0]), Path(args[1])
        texts, vectors = stored_chunks(bench_settings(work / "cmrc-index"))
        result = measure_baseline(size, texts, vectors, work, asked)
    print(json.dumps(result))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the results."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=RESULTS / "work")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_child(args.child[0], args.child[1:])
        return 0
    figures = run(args.work, args.sizes)
    write("speed", figures, markdown(figures))
    plot(figures, RESULTS / "latency.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
