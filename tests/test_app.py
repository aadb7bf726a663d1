"""The launched app: driven over HTTP with gradio_client, and in a real headless Chromium."""

import json
import shutil
from pathlib import Path

import pytest

from rag.config import PROJECT_DIR
from tests.app_fixtures import ARTIFACTS
from tests.environment import DATA_DIR


def _ask(client, question: str, **options) -> dict:
    return json.loads(client.predict(question, api_name="/ask", **options))


def test_ask_endpoint_answers_with_citations(client):
    result = _ask(client, "why did 小红卡 close?")
    assert not result["refused"]
    assert result["citations"][0]["source"] == "Xin Lang Ke Ji"
    assert "准备不够充分" in result["text"]


def test_uploaded_article_is_answerable_at_once_and_gone_after_delete(client, tmp_path: Path):
    from gradio_client import handle_file

    article = tmp_path / "drones.txt"
    shutil.copy(DATA_DIR / "articles" / "meituan_drones.txt", article)
    status, report, *_ = client.predict([handle_file(str(article))], api_name="/upload")
    assert report["added"] == 1 and "1 added" in status
    result = _ask(client, "美团无人机每次能运送多少货物？")
    assert not result["refused"] and "2.5公斤" in result["text"]
    path = result["citations"][0]["path"]
    assert Path(path).name == "drones.txt"
    status, report, *_ = client.predict(path, api_name="/delete")
    assert report["deleted"] == 1
    assert _ask(client, "美团无人机每次能运送多少货物？")["refused"]
    assert all("美团" not in d["title"] for d in json.loads(client.predict(api_name="/documents")))


def test_bad_upload_says_which_file_and_why(client, tmp_path: Path):
    from gradio_client import handle_file

    fake = tmp_path / "report.pdf"
    fake.write_text("<script>alert(1)</script>", encoding="utf-8")
    status, report, *_ = client.predict([handle_file(str(fake))], api_name="/upload")
    (problem,) = report["failed"]
    assert Path(problem["file"]).name == "report.pdf" and "not a .pdf file" in problem["error"]
    assert "❌ report\\.pdf: the content is not a \\.pdf file" in status


def test_index_and_data_files_are_not_served(app_url: str):
    import urllib.error

    for path in ("data/articles/000_bc7cc6cfb56f3ae6.txt", "pyproject.toml"):
        with pytest.raises(urllib.error.HTTPError) as denied:
            urllib.request.urlopen(f"{app_url}gradio_api/file={PROJECT_DIR / path}", timeout=5)
        assert denied.value.code in (403, 404)


def _open_app(page, app_url: str) -> None:
    """Open the app and wait until it has restored this browser's conversations (it counts them then)."""
    page.goto(app_url)
    page.get_by_text("Saved conversations · ").wait_for(timeout=30_000)


def _ask_in_page(page, app_url: str, example: str) -> None:
    from playwright.sync_api import expect

    _open_app(page, app_url)
    page.get_by_text(example, exact=True).first.click()
    expect(page.get_by_placeholder("Ask, e.g.")).to_have_value(example)
    page.get_by_role("button", name="Ask", exact=True).click()
    page.locator("#sources .source-card").first.wait_for(timeout=60_000)


@pytest.mark.browser
def test_browser_example_question_streams_an_answer_with_sources(browser, app_url: str):
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _ask_in_page(page, app_url, "why did 小红卡 close?")
    sources = page.locator("#sources")
    assert "Xin Lang Ke Ji" in sources.inner_text() and "2025-12-10" in sources.inner_text()
    assert sources.locator("mark").count() >= 1
    bot = page.locator(".message.bot, [data-testid='bot']").last
    bot.get_by_text("准备不够充分").first.wait_for(timeout=30_000)
    assert page.locator("a[href='#source-1']").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "app-answer.png"), full_page=True)
    page.get_by_label("Read a cited article in full").click()
    page.get_by_role("option").first.click()
    quoted = page.locator("#article mark").first
    expect(quoted).to_be_visible(timeout=30_000)
    expect(quoted).to_be_in_viewport(timeout=10_000)
    page.get_by_placeholder("Optional comment").fill("right article, long quote")
    page.get_by_label("Like").last.click()
    page.locator("#feedback-note").get_by_text("is saved").wait_for(timeout=30_000)
    assert not dialogs
    page.close()


@pytest.mark.browser
def test_browser_phone_width_and_hostile_document_render_as_text(
    browser, app_url: str, client, tmp_path: Path
):
    from gradio_client import handle_file

    hostile = tmp_path / "hostile.md"
    shutil.copy(DATA_DIR / "hostile.md", hostile)
    client.predict([handle_file(str(hostile))], api_name="/upload")
    page = browser.new_page(viewport={"width": 390, "height": 844})
    dialogs: list[str] = []
    requested: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requested.append(r.url))
    page.goto(app_url)
    page.get_by_placeholder("Ask, e.g. why did 小红卡 close?").fill(
        "What does the quarterly note say about Pinduoduo's revenue?"
    )
    page.get_by_role("button", name="Ask", exact=True).click()
    page.locator("#sources .source-card").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1000)
    assert not dialogs
    assert page.locator("img[src='x'], img[src*='127.0.0.1:9'], #sources script").count() == 0
    leaving = [u for u in requested if not u.startswith((app_url, "data:", "blob:"))]
    assert not leaving, f"the page fetched beyond the app: {leaving}"
    assert (
        "<script>" in page.locator("#sources").inner_text()
        or "onerror" in page.locator("#sources").inner_text()
    )
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"page overflows a phone screen ({width}px)"
    page.screenshot(path=str(ARTIFACTS / "app-phone.png"), full_page=True)
    page.close()


def test_browser_library_follows_a_watched_folder(browser, tmp_path: Path):
    import httpx
    from playwright.sync_api import expect

    from rag.store.locks import FileWriterLock
    from tests.app_fixtures import launch_app
    from tests.helpers import minimal_pdf

    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "first.txt").write_text("美团无人机\n美团宣布无人机配送覆盖杭州。", encoding="utf-8")
    env = {"RAG_ARCHIVE_DIR": str(tmp_path / "none"), "RAG_WATCH_SETTLE": "0.3"}
    for url in launch_app(tmp_path, "--watch", str(folder), **env):
        assert httpx.get(f"{url}api/health", timeout=60).json()["watch"]["folders"] == [str(folder)]
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(url)
            page.get_by_role("tab", name="Library · 文库").click()
            expect(page.get_by_text("Watching").first).to_be_visible(timeout=30_000)
            table = page.locator("body")
            expect(table).to_contain_text("美团无人机", timeout=30_000)
            (folder / "second.txt").write_text("快手自营\n快手上线了官方自营旗舰店。", encoding="utf-8")
            (folder / "broken.pdf").write_bytes(minimal_pdf("x")[:40])
            expect(table).to_contain_text("快手自营", timeout=30_000)
            expect(page.get_by_text("broken.pdf").first).to_be_visible(timeout=30_000)
            page.screenshot(path=str(ARTIFACTS / "app-watched-library.png"), full_page=True)
            lock = FileWriterLock(tmp_path / "index", 0)
            lock.acquire()
            try:  # an upload while another process writes: the reason, not Gradio's bare "Error"
                with page.expect_file_chooser() as chooser:
                    page.get_by_text("Click to Upload").click()
                chooser.value.set_files(str(DATA_DIR / "articles" / "meituan_drones.txt"))
                # The upload list may draw the name as two pieces ("meituan_drones", ".txt"): its cell's
                # accessible name is whole.
                expect(page.get_by_role("cell", name="meituan_drones.txt")).to_be_visible(timeout=30_000)
                page.get_by_role("button", name="Add to archive").click()
                try:
                    expect(page.get_by_text("is busy").first).to_be_visible(timeout=30_000)
                finally:
                    page.screenshot(path=str(ARTIFACTS / "app-busy-upload.png"), full_page=True)
            finally:
                lock.release()
            assert not list((tmp_path / "uploads").glob("*")), "a refused upload was kept"
        finally:
            page.close()
        answer = httpx.post(f"{url}api/answer", json={"question": "快手上线了什么？"}, timeout=60).json()
        assert "旗舰店" in answer["text"]


@pytest.mark.browser
def test_browser_conversations_are_saved_restored_exported_and_kept_per_browser(browser, app_url: str):
    from playwright.sync_api import expect

    mine = browser.new_context(viewport={"width": 1280, "height": 900})
    page = mine.new_page()
    _ask_in_page(page, app_url, "why did 小红卡 close?")
    listed = page.locator("#conversations")
    expect(listed.get_by_text("why did 小红卡 close?")).to_be_visible(timeout=30_000)

    page.reload()
    expect(page.locator("#sources .source-card").first).to_be_visible(timeout=30_000)
    expect(
        page.locator(".message.bot, [data-testid='bot']").get_by_text("准备不够充分").first
    ).to_be_visible()
    expect(listed.locator("input:checked")).to_have_count(1)

    page.get_by_text("This conversation").click()
    with page.expect_download() as exported:
        page.get_by_role("button", name="Export Markdown").click()
    markdown = Path(exported.value.path()).read_text(encoding="utf-8")
    assert (
        markdown.startswith("# why did 小红卡 close?")
        and "**Sources**" in markdown
        and "Xin Lang Ke Ji" in markdown
    )

    page.get_by_label("Title").fill("小红卡 closure")
    page.get_by_role("button", name="Rename").click()
    expect(listed.get_by_text("小红卡 closure")).to_be_visible(timeout=30_000)

    other = browser.new_context().new_page()
    _open_app(other, app_url)
    assert "小红卡 closure" not in other.locator("#conversations").inner_text()
    other.context.close()

    page.get_by_role("button", name="New chat").click()
    expect(page.locator("#sources .source-card")).to_have_count(0, timeout=30_000)
    listed.get_by_text("小红卡 closure").click()
    expect(page.locator("#sources .source-card").first).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Delete").click()
    expect(listed.get_by_text("小红卡 closure")).to_have_count(0, timeout=30_000)
    mine.close()


@pytest.mark.browser
def test_browser_a_pinned_question_shows_the_answer_an_upload_brings(
    browser, app_url: str, client, tmp_path: Path
):
    from gradio_client import handle_file
    from playwright.sync_api import expect

    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _open_app(page, app_url)
    page.get_by_placeholder("Ask, e.g.").fill("美团无人机每次能运送多少货物？")
    page.get_by_role("button", name="📌 Pin question").click()
    pins = page.locator("#pins")
    expect(pins.get_by_text("美团无人机每次能运送多少货物？")).to_be_visible(timeout=30_000)
    expect(pins.get_by_text("Not in the archive yet.")).to_be_visible()

    article = tmp_path / "drones.txt"
    shutil.copy(DATA_DIR / "articles" / "meituan_drones.txt", article)
    status, report, *_ = client.predict([handle_file(str(article))], api_name="/upload")
    try:
        expect(pins.locator(".pin-change")).to_contain_text("now answered", timeout=60_000)
        expect(pins.locator(".pin-change")).to_contain_text("new source")
        page.screenshot(path=str(ARTIFACTS / "app-pinned.png"), full_page=True)
    finally:
        client.predict("uploads/drones.txt", api_name="/delete")
    expect(pins.locator(".pin-change")).to_contain_text("no longer answered", timeout=60_000)
    page.get_by_label("Pinned question").click()
    page.get_by_role("option", name="美团无人机每次能运送多少货物？").click()
    page.get_by_role("button", name="Unpin").click()
    expect(pins.get_by_text("Pin a question to see")).to_be_visible(timeout=30_000)
    page.context.close()
