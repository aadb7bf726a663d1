"""Load on the real app over loopback: concurrent users during an upload, and the queue bound."""

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest

from tests.app_fixtures import ARTIFACTS, launch_app
from tests.canned_llm import CannedLLM

USERS = 8
QUESTIONS_PER_USER = 25
QUESTIONS = {
    "why did 小红卡 close?": "准备不够充分",
    "小红卡为什么关停？": "准备不够充分",
    "小红书拿下了哪家支付牌照？": "",
    "How much does the 小红卡 annual card cost?": "168",
    "特斯拉的市值是多少？": None,
    "快手有多少员工？": None,
}


def _articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        lines = [f"星河物流第{i}号仓库运营报告", f"测试日报· 2025-10-{i % 28 + 1:02d} 09:00"]
        lines += [
            f"星河物流第{i}号仓库在第{j}周处理了{1000 + 37 * i + j}件包裹，准时率为{90 + (i * j) % 10}%。"
            f"仓库{j}号分拣线的平均处理时间为{12 + (i + j) % 7}分钟，比上周{'提高' if j % 2 else '下降'}了{j % 5}%。"
            for j in range(12)
        ]
        path = folder / f"warehouse_{i:02d}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(path)
    return paths


def _user(app_url: str, seed: int) -> tuple[list[float], list[str]]:
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    asked = list(QUESTIONS)
    latencies, problems = [], []
    for n in range(QUESTIONS_PER_USER):
        question = asked[(seed + n) % len(asked)]
        started = time.perf_counter()
        try:
            result = json.loads(client.predict(question, api_name="/ask"))
        except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
            problems.append(f"{question}: {exc}")
            continue
        latencies.append(time.perf_counter() - started)
        expected = QUESTIONS[question]
        numbers = {c["n"] for c in result["citations"]}
        if expected is None and not result["refused"]:
            problems.append(f"{question}: answered, should be refused")
        elif expected is not None and (result["refused"] or expected not in result["text"]):
            problems.append(f"{question}: {result['text'][:80]}")
        elif not result["refused"] and not numbers or any(f"[{n}]" not in result["text"] for n in numbers):
            problems.append(f"{question}: citations and markers disagree")
    return latencies, problems


@pytest.mark.slow
def test_eight_users_ask_while_an_upload_is_ingested(app_url: str, client, tmp_path: Path):
    from gradio_client import handle_file

    upload = client.submit([handle_file(str(p)) for p in _articles(tmp_path / "up", 30)], api_name="/upload")
    with ThreadPoolExecutor(USERS) as pool:
        runs = list(pool.map(lambda i: _user(app_url, i), range(USERS)))
    _, report, *_ = upload.result(timeout=600)
    latencies = [t for got, _ in runs for t in got]
    problems = [p for _, got in runs for p in got]
    figures = {
        "requests": USERS * QUESTIONS_PER_USER,
        "failed": len(problems),
        "p50_ms": round(1000 * float(np.percentile(latencies, 50))),
        "p95_ms": round(1000 * float(np.percentile(latencies, 95))),
        "upload_added": report["added"],
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "load.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print(f"\nload: {figures}")
    assert not problems, problems[:5]
    assert report["added"] == 30 and not report["failed"]
    found = json.loads(client.predict("星河物流第7号仓库在第3周处理了多少件包裹？", api_name="/ask"))
    assert "1262" in found["text"]
    # Warehouse 3's week 7 does not differ from warehouse 7's week 3: it is another thing.
    assert found["text"].startswith("1262件[")
    for path in {c["path"] for c in found["citations"]}:
        client.predict(path, api_name="/delete")


@pytest.fixture
def slow_llm():
    class Slow(CannedLLM):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            time.sleep(2)
            super().do_POST()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    server.mode, server.requests, server.custom = "valid", [], ""
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


@pytest.mark.slow
def test_the_queue_bound_turns_excess_load_away_with_a_clear_message(tmp_path: Path, slow_llm):
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    host, port = slow_llm.server_address
    env = {
        "RAG_QUEUE_SIZE": "4",
        "RAG_CONCURRENCY": "1",
        "RAG_LLM": "openai",
        "RAG_LLM_MODEL": "canned",
        "OPENAI_BASE_URL": f"http://{host}:{port}/v1",
    }
    launched = launch_app(tmp_path, **env)
    url = next(launched)
    try:
        client = Client(url, verbose=False, max_workers=40)
        jobs = [client.submit("小红卡为什么关停？", api_name="/ask") for _ in range(30)]
        outcomes = []
        for job in jobs:
            try:
                outcomes.append(json.loads(job.result(timeout=300))["mode"])
            except (AppError, Exception) as exc:  # noqa: BLE001 - the rejection is what we look for
                outcomes.append(str(exc))
        rejected = [o for o in outcomes if "queue is full" in o.lower()]
        served = [o for o in outcomes if o == "llm"]
        assert rejected and served, outcomes
        assert len(rejected) + len(served) == len(outcomes), outcomes
        assert json.loads(client.predict("小红卡为什么关停？", api_name="/ask"))["mode"] == "llm"
    finally:
        launched.close()
