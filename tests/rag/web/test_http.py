"""Shared HTTP plumbing: the bearer key, admission limits and the error statuses."""

import asyncio

import httpx
import openai
import pytest

from rag.errors import (
    BadRequest,
    DecodeFailed,
    FileTooLarge,
    IndexBusy,
    QueueFull,
    RagError,
    StoreUnavailable,
)
from rag.web.http import Admission, status_of, with_last
from tests.app_fixtures import API_KEY


def test_with_a_key_every_api_route_wants_the_bearer_token(keyed_app_url: str):
    with httpx.Client(base_url=keyed_app_url, timeout=60) as http:
        for method, path in [("GET", "/api/health"), ("GET", "/api/documents"), ("GET", "/v1/models")]:
            r = http.request(method, path)
            assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
            assert "RAG_API_KEY" in r.json()["error"]["message"]
            assert http.request(method, path, headers={"Authorization": "Bearer wrong"}).status_code == 401
        r = http.post("/api/answer", json={"question": "why did 小红卡 close?"})
        assert r.status_code == 401
        r = http.get("/api/health", headers={"Authorization": f"Bearer {API_KEY}"})
        assert r.status_code == 200
    good = openai.OpenAI(base_url=f"{keyed_app_url}v1", api_key=API_KEY, max_retries=0)
    reply = good.chat.completions.create(
        model="newsrag-extractive", messages=[{"role": "user", "content": "why did 小红卡 close?"}]
    )
    assert reply.model_extra["citations"]
    with pytest.raises(openai.AuthenticationError):
        openai.OpenAI(base_url=f"{keyed_app_url}v1", api_key="wrong", max_retries=0).models.list()


def test_admission_holds_a_bounded_line_and_refuses_beyond_it():
    async def scenario() -> list[str]:
        admission = Admission(concurrency=1, queue_size=1)
        await admission.acquire()
        waiting = asyncio.create_task(admission.acquire())
        await asyncio.sleep(0)
        with pytest.raises(QueueFull, match="retry"):
            await admission.acquire()
        admission.release()
        await waiting
        admission.release()
        await admission.acquire()
        return ["ok"]

    assert asyncio.run(scenario()) == ["ok"]


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (BadRequest("q"), 400),
        (IndexBusy("b"), 409),
        (FileTooLarge("f"), 413),
        (DecodeFailed("d"), 422),
        (QueueFull("q"), 503),
        (StoreUnavailable("s"), 503),
        (RagError("r"), 500),
    ],
)
def test_each_error_has_a_fitting_status(error: RagError, status: int):
    assert status_of(error) == status


def test_with_last_flags_only_the_final_item():
    assert list(with_last(iter("abc"))) == [("a", False), ("b", False), ("c", True)]
    assert list(with_last(iter(""))) == []
