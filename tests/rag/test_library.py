from pathlib import Path

import pytest

from rag import NotFound, answer, article, library
from rag.config import Settings


def test_library_lists_each_document_once_newest_first(archive: Settings):
    docs = library(settings=archive)
    assert len(docs) == 7 and len({d.doc_id for d in docs}) == 7
    dated = [d.date for d in docs if d.date]
    assert dated == sorted(dated, reverse=True) and docs[-1].date is None
    seed = {d.title: d for d in docs}["拿下支付牌照,小红书迈向交易平台"]
    assert (seed.source, seed.date) == ("36Ke", "2025-11-06") and seed.chunks >= 2


def test_an_article_is_its_whole_text_and_citations_point_into_it(archive: Settings):
    result = answer("小红卡的年卡收费是多少？", settings=archive)
    cited = result.citations[0]
    whole = article(cited.doc_id, settings=archive)
    assert whole.text[cited.start : cited.end] == cited.quote and len(whole.text) > len(cited.passage)
    assert whole.title == cited.title and whole.chunks >= 1
    with pytest.raises(NotFound, match="no indexed article"):
        article("nope", settings=archive)


def test_an_html_articles_original_address_comes_with_it(settings: Settings, tmp_path: Path):
    from ingest import ingest

    body = "".join(f"<p>美团宣布无人机配送服务已在香港上线，这是第{i}段正文内容。</p>" for i in range(8))
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>美团无人机进入香港</title><link rel='canonical' href='https://e.com/drones'>"
        f"</head><body><article>{body}</article></body></html>",
        encoding="utf-8",
    )
    ingest([page], settings=settings)
    [doc] = library(settings=settings)
    assert article(doc.doc_id, settings=settings).url == "https://e.com/drones"
