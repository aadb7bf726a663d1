"""The REST API of the running app, driven with httpx: answers, streaming, documents, re-index, health."""

import json
from pathlib import Path

import pytest

from rag.store.locks import FileWriterLock
from tests.environment import DATA_DIR

DRONES = DATA_DIR / "articles" / "meituan_drones.txt"


def _events(text: str) -> list[tuple[str, dict]]:
    events = []
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((fields.get("event", ""), json.loads(fields["data"])))
    return events


def _uploaded(api) -> list[dict]:
    return [d for d in api.get("/api/documents").json()["documents"] if d["deletable"]]


def _delete_uploads(api) -> None:
    for doc in _uploaded(api):
        api.delete(f"/api/documents/{doc['doc_id']}")


def test_answer_returns_the_cited_answer(api):
    r = api.post("/api/answer", json={"question": "why did 小红卡 close?"})
    assert r.status_code == 200
    body = r.json()
    assert not body["refused"] and body["citations"]
    first = body["citations"][0]
    assert first["quote"] in first["passage"] and first["path"].startswith("articles/")


def test_answer_takes_history_filters_and_mode(api):
    history = [{"question": "小红卡是什么？", "answer": "小红卡是小红书的到店项目。"}]
    r = api.post("/api/answer", json={"question": "它为什么关停？", "history": history, "mode": "extractive"})
    assert r.status_code == 200 and r.json()["citations"]
    r = api.post("/api/answer", json={"question": "why did 小红卡 close?", "sources": ["No Such Outlet"]})
    assert r.json()["refused"]


def test_a_follow_up_can_name_a_source_of_the_answer_sent_back(api):
    first = api.post("/api/answer", json={"question": "小红书拿下了哪家支付牌照？"}).json()
    other = api.post("/api/answer", json={"question": "小红卡为什么关停？"}).json()
    cited = [first["citations"][0], other["citations"][0] | {"n": 2}]
    turn = {"question": first["question"], "answer": first["text"], "citations": cited}
    follow = api.post("/api/answer", json={"question": "What does the second source say?", "history": [turn]})
    body = follow.json()
    assert follow.status_code == 200
    assert {c["doc_id"] for c in body["citations"] or body["see_also"]} == {other["citations"][0]["doc_id"]}


def test_streaming_sends_server_sent_events_ending_with_the_answer(api):
    r = api.post("/api/answer", params={"stream": "true"}, json={"question": "小红书拿下了哪家支付牌照？"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
    events = _events(r.text)
    assert events[-1][0] == "answer" and events[-1][1]["citations"]
    assert all(name == "partial" for name, _ in events[:-1])


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"question": ""}, 400),
        ({"question": "x" * 10_000}, 400),
        ({"question": "why?", "since": "yesterday"}, 400),
        ({"question": "why?", "k": 0}, 400),
        ({"question": "why?", "mode": "llm"}, 400),
        ({"question": 3}, 400),
        ({}, 400),
    ],
)
def test_bad_questions_are_400_with_a_message(api, body, status):
    r = api.post("/api/answer", json=body)
    assert r.status_code == status
    assert r.json()["error"]["message"]


def test_a_bad_streamed_question_fails_before_streaming(api):
    r = api.post("/api/answer", params={"stream": "true"}, json={"question": "  "})
    assert r.status_code == 400 and "empty" in r.json()["error"]["message"]


def test_malformed_or_oversized_bodies_are_refused(api):
    assert (
        api.post(
            "/api/answer", content=b"{not json", headers={"content-type": "application/json"}
        ).status_code
        == 400
    )
    huge = json.dumps({"question": "q", "history": [{"question": "x" * 2_000_000, "answer": ""}]})
    r = api.post("/api/answer", content=huge.encode(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_health_names_the_index_and_modes(api):
    health = api.get("/api/health").json()
    assert health["status"] == "ok" and health["documents"] >= 4 and health["chunks"] >= health["documents"]
    assert health["generation"] and health["modes"] == ["extractive"]


def test_upload_list_and_delete_a_document(api, tmp_path: Path):
    note = "# 星河物流扩张\n\n星河物流在成都新建了三座仓库，预计明年投入使用，总面积达十万平方米。".encode()
    r = api.post("/api/documents", files=[("files", ("星河.md", note, "text/markdown"))])
    assert r.status_code == 200, r.text
    (doc,) = r.json()["documents"]
    assert doc["title"] == "星河物流扩张" and doc["deletable"] and doc["path"] == "uploads/星河.md"
    answer = api.post("/api/answer", json={"question": "星河物流在成都新建了几座仓库？"}).json()
    assert any(c["doc_id"] == doc["doc_id"] for c in answer["citations"])
    r = api.delete(f"/api/documents/{doc['doc_id']}")
    assert r.status_code == 200 and r.json()["report"]["deleted"] == 1
    assert doc["doc_id"] not in {d["doc_id"] for d in api.get("/api/documents").json()["documents"]}


def test_delete_refuses_unknown_ids_and_articles_not_uploaded(api):
    assert api.delete("/api/documents/no-such-id").status_code == 404
    archived = next(d for d in api.get("/api/documents").json()["documents"] if not d["deletable"])
    r = api.delete(f"/api/documents/{archived['doc_id']}")
    assert r.status_code == 403 and "only uploads" in r.json()["error"]["message"]
    assert archived["doc_id"] in {d["doc_id"] for d in api.get("/api/documents").json()["documents"]}


def test_uploads_are_checked_like_the_library_tab(api, app_root: Path):
    before = api.get("/api/documents").json()["documents"]
    r = api.post("/api/documents", files=[("files", ("tool.exe", b"MZ\x90\x00", "application/octet-stream"))])
    assert r.status_code == 415 and "unsupported file type" in r.json()["error"]["message"]
    r = api.post("/api/documents", files=[("files", ("fake.pdf", b"hello, not a PDF", "application/pdf"))])
    assert r.status_code == 422 and "not a .pdf" in r.json()["report"]["failed"][0]["error"]
    r = api.post("/api/documents", files=[("files", ("", b"x", "text/plain"))])
    assert r.status_code in (400, 422)
    assert api.post("/api/documents").status_code == 400
    assert api.get("/api/documents").json()["documents"] == before
    assert not list((app_root / "uploads").glob("fake*"))


def test_a_file_over_the_size_cap_is_413(api):
    big = b"a" * (21 * 1024 * 1024)  # RAG_MAX_FILE_MB defaults to 20
    r = api.post("/api/documents", files=[("files", ("big.txt", big, "text/plain"))])
    assert r.status_code == 413 and "RAG_MAX_FILE_MB" in r.json()["error"]["message"]


def test_writes_while_the_index_is_busy_are_409(api, app_root: Path):
    lock = FileWriterLock(app_root / "index", wait=0)
    lock.acquire()
    try:
        r = api.post("/api/documents", files=[("files", (DRONES.name, DRONES.read_bytes(), "text/plain"))])
        assert r.status_code == 409 and "busy" in r.json()["error"]["message"]
        assert r.headers["retry-after"]
        assert api.post("/api/reindex").status_code == 409
    finally:
        lock.release()
    assert api.post("/api/reindex").json()["report"]["failed"] == []
    _delete_uploads(api)


def test_the_openapi_schema_and_docs_are_served_offline(api):
    schema = api.get("/openapi.json").json()
    assert {"/api/answer", "/api/documents", "/v1/chat/completions", "/v1/models"} <= set(schema["paths"])
    page = api.get("/docs").text
    assert "swagger-ui" in page and "cdn" not in page.lower()
    assert api.get("/api/docs-static/swagger-ui-bundle.js").status_code == 200


def test_feedback_on_an_answer_is_stored_and_bad_feedback_is_a_400(api):
    given = api.post("/api/answer", json={"question": "why did 小红卡 close?"}).json()
    r = api.post(
        "/api/feedback",
        json={"question": given["question"], "answer": given, "liked": False, "comment": "too long"},
    )
    assert r.status_code == 201 and r.json()["id"] > 0
    bad = api.post("/api/feedback", json={"question": "q", "answer": {"text": 1}, "liked": True})
    assert bad.status_code == 400 and "not an answer" in bad.json()["error"]["message"]
    assert api.post("/api/feedback", json={"question": "q", "liked": True}).status_code == 400


def test_an_article_is_served_whole_and_an_unknown_id_is_a_404(api):
    given = api.post("/api/answer", json={"question": "why did 小红卡 close?"}).json()
    cited = given["citations"][0]
    whole = api.get(f"/api/documents/{cited['doc_id']}").json()
    assert whole["text"][cited["start"] : cited["end"]] == cited["quote"] and whole["path"].startswith(
        "articles/"
    )
    missing = api.get("/api/documents/nope")
    assert missing.status_code == 404 and "no indexed article" in missing.json()["error"]["message"]
