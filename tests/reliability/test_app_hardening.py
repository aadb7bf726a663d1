"""The running app limits itself to what it owns, shows no server paths, and renders quotes literally."""

import json
from pathlib import Path

import pytest

from ingest import ingest, remove
from rag import Answer, Citation
from rag.config import Settings
from rag.store.locks import FileWriterLock
from rag.web.present import public_answer, render_answer, render_sources
from rag.web.writes import save_uploads
from tests.app_fixtures import API_KEY
from tests.environment import DATA_DIR

DRONES = DATA_DIR / "articles" / "meituan_drones.txt"


def _documents(client) -> list[dict]:
    return json.loads(client.predict(api_name="/documents"))


def _upload(client, *paths: Path):
    from gradio_client import handle_file

    return client.predict([handle_file(str(p)) for p in paths], api_name="/upload")


def test_delete_refuses_anything_but_an_upload(client, app_root: Path):
    archived = next(d for d in _documents(client) if d["path"].startswith("articles/"))
    for target in (archived["path"], str(app_root / "index"), "uploads/../articles/000_bc7cc6cfb56f3ae6.txt"):
        assert "not an uploaded file" in client.predict(target, api_name="/delete")[0]
    assert any(d["doc_id"] == archived["doc_id"] for d in _documents(client))


def test_reindex_prunes_only_inside_the_archive_and_upload_folders(client, app_root: Path, tmp_path: Path):
    elsewhere = tmp_path / "cli" / "drones.txt"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(DRONES.read_bytes())
    settings = Settings(_env_file=None, data_dir=app_root / "index", upload_dir=app_root / "uploads")
    assert ingest([elsewhere], settings=settings).added == 1
    elsewhere.unlink()  # e.g. an unmounted drive: not a reason to delete its articles
    client.predict(api_name="/reindex")
    assert any(d["path"] == "drones.txt" for d in _documents(client))
    remove([elsewhere], settings=settings)  # the session's app is shared: leave it as it was


def test_no_absolute_server_path_reaches_a_client(client, app_root: Path):
    docs = _documents(client)
    answer = json.loads(client.predict("why did 小红卡 close?", api_name="/ask"))
    paths = [d["path"] for d in docs] + [c["path"] for c in answer["citations"] + answer["see_also"]]
    assert paths and not [p for p in paths if p.startswith("/") or str(app_root) in p]


def test_uploads_keep_bounded_names_leave_no_orphans_and_no_cached_copies(client, app_root: Path, tmp_path):
    uploads = app_root / "uploads"
    (tmp_path / "a").mkdir()
    first = tmp_path / "a" / ("报道" * 40 + ".md")  # 243 bytes: one suffix more would not fit
    first.write_text(
        "# 星河物流扩张\n星河物流在成都新建了三座仓库，预计明年投入使用，总面积达十万平方米。", "utf-8"
    )
    for n in range(4):  # same name, different content: no pile-up of suffixes
        first.write_text(first.read_text("utf-8") + f"\n第{n}次更新：新增{n + 1}座仓库。", "utf-8")
        _upload(client, first)
    names = [p.name for p in uploads.iterdir() if p.name.startswith("报道")]
    assert len(names) == 4 and max(len(n.encode()) for n in names) <= 200
    hidden = tmp_path / ".notes.md"
    hidden.write_text("# 银河快递\n银河快递宣布在西安开设第二个分拣中心，日处理能力五十万件。", "utf-8")
    _upload(client, hidden)
    assert (uploads / "notes.md").exists() and any(
        d["path"] == "uploads/notes.md" for d in _documents(client)
    )
    copy = tmp_path / "copy of drones.txt"
    copy.write_bytes(DRONES.read_bytes())
    before = {p.name for p in uploads.iterdir()}
    _upload(client, DRONES)
    _upload(client, copy)  # a duplicate of an indexed article
    assert {p.name for p in uploads.iterdir()} - before <= {"meituan_drones.txt"}
    cached = [
        p for p in (app_root / "gradio-cache").rglob("*") if p.is_file() and p.suffix in {".md", ".txt"}
    ]
    assert not cached, f"uploads stay downloadable from Gradio's cache: {cached}"
    for doc in _documents(client):  # the session's app is shared: leave it as it was
        if doc["path"].startswith("uploads/"):
            client.predict(doc["path"], api_name="/delete")


def test_writes_queue_behind_each_other_and_busy_is_a_readable_message(app_url: str, app_root: Path):
    from gradio_client import Client

    clients = [Client(app_url, verbose=False) for _ in range(3)]
    jobs = [c.submit(api_name="/reindex") for c in clients]
    assert all("✅" in job.result(timeout=300)[0] for job in jobs)
    lock = FileWriterLock(app_root / "index", wait=0)
    lock.acquire()
    try:
        assert "busy" in _upload(clients[0], DRONES)[0]  # the status line says why, nothing else changes
    finally:
        lock.release()


def test_with_a_key_the_app_wants_it(keyed_app_url: str):
    from gradio_client import Client

    with pytest.raises(Exception):  # noqa: B017 - gradio_client raises its own error types
        Client(keyed_app_url, verbose=False).predict("why did 小红卡 close?", api_name="/ask")
    client = Client(keyed_app_url, auth=("anyone", API_KEY), verbose=False)
    assert not json.loads(client.predict("why did 小红卡 close?", api_name="/ask"))["refused"]


def _citation(n: int, quote: str) -> Citation:
    return Citation(
        n=n,
        title="t",
        quote=quote,
        passage=quote,
        doc_id="d",
        chunk_id="c",
        path="/srv/x.txt",
        start=0,
        end=1,
    )


def test_quoted_text_renders_literally_and_only_our_markers_link():
    quote = "营收增长$$\\frac{a}{b}$$，见注释[2]"
    answer = Answer(question="q", text=f"据报道：{quote}[1]", citations=[_citation(1, quote)])
    rendered = render_answer(answer)
    assert "(#source-1)" in rendered and "(#source-2)" not in rendered
    assert "$$" not in rendered.replace("\\$", "")


def test_public_answers_show_paths_relative_to_their_folder(tmp_path: Path):
    settings = Settings(_env_file=None, data_dir=tmp_path / "i", upload_dir=tmp_path / "up")
    cited = _citation(1, "q").model_copy(update={"path": str(tmp_path / "up" / "sub" / "a.md")})
    data = public_answer(Answer(question="q", text="x", citations=[cited]), settings)
    assert data["citations"][0]["path"] == "up/sub/a.md"
    assert save_uploads([DRONES], tmp_path / "up")[0].name == DRONES.name


def test_one_card_per_passage_with_every_quoted_span_highlighted():
    passage = "小红卡年费168元。官方称准备不够充分。另有商家投诉。"
    cited = [
        _citation(1, "小红卡年费168元。").model_copy(update={"passage": passage, "chunk_id": "c1"}),
        _citation(2, "官方称准备不够充分。").model_copy(update={"passage": passage, "chunk_id": "c1"}),
    ]
    html_out = render_sources(Answer(question="q", text="x", citations=cited))
    assert html_out.count('class="source-card"') == 1 and html_out.count("<mark>") == 2
    assert 'id="source-1"' in html_out and 'id="source-2"' in html_out
