import os
from pathlib import Path

import pytest

from ingest.loaders import load
from rag.errors import DecodeFailed, EmptyFile, FileTooLarge, LoadError, UnsupportedFile
from tests.environment import DATA_DIR
from tests.helpers import minimal_pdf

TEXT = "快手电商发布新规\n快手电商宣布，自2025年10月起，商家保证金将下调至500元。此举旨在降低中小商家的入驻门槛。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gbk", "gb18030", "gb2312"])
def test_encodings_round_trip(tmp_path: Path, encoding: str):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert load(path, max_mb=1).text == TEXT


def test_big5_round_trips(tmp_path: Path):
    text = "小紅書關停小紅卡，商家斥責交錢後沒人管。用戶認為小紅卡的功能欠缺。"
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    assert load(path, max_mb=1).text == text


def test_committed_gbk_file_decodes():
    assert load(DATA_DIR / "gbk_article.txt", max_mb=1).text == TEXT


def test_undecodable_text_is_refused_not_guessed(tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade".encode("latin-1"))
    with pytest.raises(DecodeFailed, match="latin.txt.*UTF-8"):
        load(path, max_mb=1)


def test_binary_file_is_refused(tmp_path: Path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000))
    with pytest.raises(DecodeFailed, match="binary"):
        load(path, max_mb=1)


def test_empty_and_whitespace_files_are_refused(tmp_path: Path):
    for name, data in (("empty.txt", b""), ("blank.md", b" \n\t\n")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(EmptyFile, match=name):
            load(path, max_mb=1)


def test_oversized_file_is_refused_with_the_setting_to_change(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2_000_000)
    with pytest.raises(FileTooLarge, match="RAG_MAX_FILE_MB"):
        load(path, max_mb=1)


def test_unknown_suffix_and_missing_file(tmp_path: Path):
    (tmp_path / "data.xlsx").write_bytes(b"PK")
    with pytest.raises(UnsupportedFile, match=".xlsx"):
        load(tmp_path / "data.xlsx", max_mb=1)
    with pytest.raises(LoadError, match="no such file"):
        load(tmp_path / "gone.txt", max_mb=1)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_refused(tmp_path: Path):
    path = tmp_path / "secret.txt"
    path.write_text("x", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(LoadError, match="permission"):
        load(path, max_mb=1)


def test_html_keeps_the_article_and_drops_navigation(tmp_path: Path):
    body = "".join(
        f"<p>美团宣布无人机配送服务已在香港上线，这是第{i}段正文内容，覆盖沙田和九龙塘。</p>"
        for i in range(8)
    )
    html = (
        "<html><head><title>美团无人机进入香港</title><meta property='og:site_name' content='机器之心'>"
        "<meta name='date' content='2025-09-05'></head><body><nav><a href='/'>首页</a><a href='/x'>登录注册导航</a>"
        f"</nav><article><h1>美团无人机进入香港</h1>{body}</article><footer>版权所有 联系我们</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    loaded = load(path, max_mb=1)
    assert "沙田和九龙塘" in loaded.text
    assert "登录注册导航" not in loaded.text and "版权所有" not in loaded.text
    assert loaded.title == "美团无人机进入香港"
    assert loaded.date == "2025-09-05"
    assert loaded.url is None


@pytest.mark.parametrize(
    ("head", "url"),
    [
        (
            "<link rel='canonical' href='https://www.jiqizhixin.com/articles/2025-09-05'>",
            "https://www.jiqizhixin.com/articles/2025-09-05",
        ),
        (
            "<meta property='og:url' content='http://example.com/a?b=1&amp;c=2'>",
            "http://example.com/a?b=1&c=2",
        ),
        ("<link rel='canonical' href='javascript:alert(1)'>", None),
        ("<meta property='og:url' content='https://e.com/\" onmouseover=\"x'>", None),
    ],
)
def test_html_keeps_the_pages_own_address_when_it_is_a_web_address(
    tmp_path: Path, head: str, url: str | None
):
    body = "".join(f"<p>美团宣布无人机配送服务已在香港上线，这是第{i}段正文内容。</p>" for i in range(8))
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>t</title>{head}</head><body><article>{body}</article></body></html>")
    assert load(path, max_mb=1).url == url


def test_docx_text_and_title(tmp_path: Path):
    import docx

    document = docx.Document()
    document.core_properties.title = "Kuaishou store"
    document.add_paragraph("Kuaishou opened a self-operated flagship store.")
    document.add_paragraph("It sells gold jewelry.")
    path = tmp_path / "note.docx"
    document.save(path)
    loaded = load(path, max_mb=1)
    assert loaded.title == "Kuaishou store"
    assert "self-operated flagship store" in loaded.text and "gold jewelry" in loaded.text


def test_pdf_text_is_extracted(tmp_path: Path):
    path = tmp_path / "report.pdf"
    path.write_bytes(minimal_pdf("Xiaohongshu obtained a payment license"))
    assert "payment license" in load(path, max_mb=1).text


def test_corrupt_pdf_is_refused(tmp_path: Path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4 garbage" + os.urandom(500))
    with pytest.raises(LoadError, match="broken.pdf"):
        load(path, max_mb=1)


def test_content_must_match_the_name(tmp_path: Path):
    path = tmp_path / "report.pdf"
    path.write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    with pytest.raises(UnsupportedFile, match="not a .pdf file"):
        load(path, max_mb=1)
    renamed = tmp_path / "note.docx"
    renamed.write_bytes(b"plain text pretending to be a document")
    with pytest.raises(UnsupportedFile, match="not a .docx file"):
        load(renamed, max_mb=1)
