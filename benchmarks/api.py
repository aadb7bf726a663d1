"""HTTP API latency: what the server adds on top of the answer itself, streamed and not.

For each archive question, the app reports how long the answer took (`timings.total_ms`); the client
measures the time to the first byte of the streamed answer (REST server-sent events, OpenAI chunks)
and to the whole non-streamed reply. The difference is the HTTP layer's cost. Target: the first
streamed token within 100 ms of the extractive answer being ready.

    python -m benchmarks.api [--work DIR] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.app_process import running_app
from benchmarks.report import RESULTS, machine, write

QUESTIONS = Path(__file__).resolve().parent / "archive_questions.json"


def _first_byte(http: Any, path: str, body: dict[str, Any], stream: bool) -> tuple[float, float, str]:
    """Seconds to the first body byte and to the end, and the body."""
    started = time.perf_counter()
    first = None
    chunks = []
    params = {"stream": "true"} if stream and path == "/api/answer" else None
    with http.stream("POST", path, json=body, params=params) as response:
        response.raise_for_status()
        for chunk in response.iter_text():
            first = first or time.perf_counter()
            chunks.append(chunk)
    return (first or time.perf_counter()) - started, time.perf_counter() - started, "".join(chunks)


def _server_ms(body: str) -> float:
    """The answer's own `total_ms`, from a JSON reply or the final event of a stream."""
    for line in reversed(body.splitlines()):
        if line.startswith("data: {"):
            data = json.loads(line[6:])
            if "timings" in data:
                return data["timings"]["total_ms"]
    return json.loads(body)["timings"]["total_ms"]


def measure(url: str, questions: list[str], rounds: int) -> dict[str, dict[str, float]]:
    """Overhead (ms) of each way of asking, p50 and p95 over `rounds` passes of `questions`."""
    import httpx

    ways: dict[str, Callable[[str], tuple[str, dict[str, Any], bool]]] = {
        "rest": lambda q: ("/api/answer", {"question": q}, False),
        "rest_stream": lambda q: ("/api/answer", {"question": q}, True),
        "openai_stream": lambda q: ("/v1/chat/completions", _chat(q, True), True),
    }
    overheads: dict[str, list[float]] = {name: [] for name in ways}
    with httpx.Client(base_url=url, timeout=120) as http:
        for q in questions:  # warm-up: models, caches
            http.post("/api/answer", json={"question": q})
        for _ in range(rounds):
            for q in questions:
                for name, way in ways.items():
                    path, body, stream = way(q)
                    first, total, text = _first_byte(http, path, body, stream)
                    answer_ms = _server_ms(text)
                    overheads[name].append((first if stream else total) * 1000 - answer_ms)
    return {name: _percentiles(values) for name, values in overheads.items()}


def _chat(question: str, stream: bool) -> dict[str, Any]:
    return {
        "model": "newsrag-extractive",
        "messages": [{"role": "user", "content": question}],
        "stream": stream,
    }


def _percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1),
        "n": len(ordered),
    }


def markdown(figures: dict[str, Any]) -> str:
    """The results as a Markdown table."""
    rows = [
        "| way of asking | overhead p50 (ms) | overhead p95 (ms) | n |",
        "|---|---|---|---|",
    ]
    labels = {
        "rest": "REST, whole reply",
        "rest_stream": "REST, first SSE byte",
        "openai_stream": "OpenAI, first chunk",
    }
    for name, f in figures["overhead"].items():
        rows.append(f"| {labels[name]} | {f['p50_ms']} | {f['p95_ms']} | {f['n']} |")
    note = (
        "\nOverhead = client-side time minus the answer's own `timings.total_ms`, both for the same request. "
        "Target: first streamed byte ≤ 100 ms after the answer is ready.\n"
    )
    return "\n".join(rows) + "\n" + note


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print and write `benchmarks/results/api.{json,md}`."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=RESULTS / "work" / "api")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    questions = [q["q"] for q in json.loads(QUESTIONS.read_text(encoding="utf-8"))["answerable"]]
    with running_app(args.work / "index") as url:
        figures = {"machine": machine(), "overhead": measure(url, questions, args.rounds)}
    write("api", figures, markdown(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
