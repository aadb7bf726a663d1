"""Saved conversations and pinned questions over the REST API, each key seeing only its own."""

import json

from rag.conversations import new_owner


def _key() -> dict[str, str]:
    return {"X-Conversation-Key": new_owner()}


def test_answers_are_saved_continued_listed_renamed_and_deleted(api):
    me, other = _key(), _key()
    first = api.post("/api/answer", json={"question": "小红卡是什么？", "save": True}, headers=me).json()
    chat = first["conversation"]
    follow = api.post("/api/answer", json={"question": "它为什么关停？", "conversation": chat}, headers=me)
    assert follow.status_code == 200 and follow.json()["conversation"] == chat
    assert follow.json()["citations"], "the saved turns are the follow-up's history"

    listed = api.get("/api/conversations", headers=me).json()["conversations"]
    assert [(c["id"], c["title"], c["turns"]) for c in listed] == [(chat, "小红卡是什么？", 2)]
    saved = api.get(f"/api/conversations/{chat}", headers=me).json()
    assert [t["question"] for t in saved["history"]] == ["小红卡是什么？", "它为什么关停？"]
    assert saved["history"][1]["answer"]["citations"][0]["path"].startswith("articles/")

    assert api.get("/api/conversations", headers=other).json()["conversations"] == []
    assert api.get(f"/api/conversations/{chat}", headers=other).status_code == 404
    assert (
        api.post("/api/answer", json={"question": "q?", "conversation": chat}, headers=other).status_code
        == 404
    )

    assert (
        api.patch(f"/api/conversations/{chat}", json={"title": " 小红卡\n年费 "}, headers=me).json()["title"]
        == "小红卡 年费"
    )
    assert api.patch(f"/api/conversations/{chat}", json={"title": " "}, headers=me).status_code == 400
    assert api.delete(f"/api/conversations/{chat}", headers=me).status_code == 204
    assert api.get(f"/api/conversations/{chat}", headers=me).status_code == 404


def test_a_streamed_answer_is_saved_and_unsaved_answers_leave_no_conversation(api):
    me = _key()
    plain = api.post("/api/answer", json={"question": "小红卡是什么？"}, headers=me).json()
    assert "conversation" not in plain
    r = api.post(
        "/api/answer",
        params={"stream": "true"},
        json={"question": "小红卡是什么？", "save": True},
        headers=me,
    )
    last = r.text.strip().split("\n\n")[-1]
    body = json.loads(last.split("data: ", 1)[1])
    assert [c["id"] for c in api.get("/api/conversations", headers=me).json()["conversations"]] == [
        body["conversation"]
    ]


def test_questions_are_pinned_listed_and_unpinned_per_key(api):
    me, other = _key(), _key()
    made = api.post("/api/pins", json={"question": "小红书拿下了哪家支付牌照？"}, headers=me)
    assert made.status_code == 201
    pin = made.json()
    assert pin["question"] == "小红书拿下了哪家支付牌照？" and pin["answer"]["citations"]
    assert [p["id"] for p in api.get("/api/pins", headers=me).json()["pins"]] == [pin["id"]]
    assert api.get("/api/pins", headers=other).json()["pins"] == []
    assert api.delete(f"/api/pins/{pin['id']}", headers=other).status_code == 404
    assert api.post("/api/pins", json={"question": " "}, headers=me).status_code == 400
    assert api.delete(f"/api/pins/{pin['id']}", headers=me).status_code == 204
    assert api.get("/api/pins", headers=me).json()["pins"] == []
    assert api.get("/api/pins", headers={"X-Conversation-Key": "short"}).status_code == 400
