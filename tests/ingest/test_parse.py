from pathlib import Path

from ingest.loaders import Loaded, load
from ingest.parse import clean_source, iso_date, parse
from tests.environment import SEED


def test_seed_page_parses_to_four_articles_with_exact_metadata():
    docs = parse(load(SEED, max_mb=20), SEED)
    assert [(d.title, d.source, d.date) for d in docs] == [
        ("仅运营3个月!小红书关停「最短命」项目,商家斥责「交钱后没人管」", "Xin Lang Ke Ji", "2025-12-10"),
        ("拿下支付牌照,小红书迈向交易平台", "36Ke", "2025-11-06"),
        ("上线官方自营旗舰店 快手要做自营电商?", None, None),
        ("快手要做自营电商了吗?", "Xin Lang Cai Jing", "2025-08-13"),
    ]
    assert docs[0].text.startswith('运营3个月后,小红书的到店项目突然"黄了"')
    assert docs[2].text.startswith("Core Viewpoint - Kuaishou is expanding")
    assert all("Search documents" not in d.text and "Workflow" not in d.title for d in docs)


def test_page_header_lines_are_not_articles():
    docs = parse(load(SEED, max_mb=20), SEED)
    assert not any(d.title in {"Workflow", "自营电商", "icon", "Search documents"} for d in docs)


def test_plain_text_is_one_document_titled_by_its_first_short_line(tmp_path: Path):
    path = tmp_path / "note.txt"
    text = "美团无人机配送进入香港\n美团宣布，其无人机配送服务已于9月1日在香港正式上线。"
    docs = parse(Loaded(text=text, plain=True), path)
    assert len(docs) == 1
    assert docs[0].title == "美团无人机配送进入香港"
    assert docs[0].text == "美团宣布，其无人机配送服务已于9月1日在香港正式上线。"


def test_markdown_heading_and_outlet_line_become_metadata(tmp_path: Path):
    text = "# Big news\n\nTechNode· 2025-10-20 09:30\n\nBody line one.\nBody line two."
    doc = parse(Loaded(text=text, plain=True), tmp_path / "a.md")[0]
    assert (doc.title, doc.source, doc.date) == ("Big news", "TechNode", "2025-10-20")
    assert doc.text.startswith("Body line one.")


def test_text_without_a_title_line_is_named_after_its_file(tmp_path: Path):
    text = "x" * 300
    doc = parse(Loaded(text=text, plain=True), tmp_path / "long-article.txt")[0]
    assert doc.title == "long-article"
    assert doc.text == text


def test_metadata_from_structured_formats_wins(tmp_path: Path):
    loaded = Loaded(text="Body.", plain=False, title="T", source="Caixin", date="2025-01-02")
    doc = parse(loaded, tmp_path / "a.html")[0]
    assert (doc.title, doc.source, doc.date, doc.text) == ("T", "Caixin", "2025-01-02", "Body.")


def test_dates_and_outlets_are_normalised():
    assert iso_date("Caixin· 2025年3月7日") == "2025-03-07"
    assert iso_date("2025-13-40") is None
    assert clean_source("3 6 Ke") == "36Ke"
    assert clean_source(" Xin Lang Ke Ji ") == "Xin Lang Ke Ji"


def test_header_lines_under_a_title_give_outlet_and_date_and_leave_the_body(tmp_path: Path):
    headers = {
        "Source: Reuters\nDate: 2025-04-18": ("Reuters", "2025-04-18"),
        "来源：新浪科技  日期：2025年11月20日\n作者：张三": ("新浪科技", "2025-11-20"),
        "新浪财经 2025-08-27": ("新浪财经", "2025-08-27"),
        "*Reuters · 2025-08-21*": ("Reuters", "2025-08-21"),
        "Caixin Global | November 13, 2025 09:30": ("Caixin Global", "2025-11-13"),
        "By: Jane Doe\nPublished: 8 Apr. 2025": (None, "2025-04-08"),
        "*By Li Wen, TechNode, 2025-10-08*": ("TechNode", "2025-10-08"),
        "By Jane Doe and Wang Wu | Reuters | Oct. 8, 2025 09:30": ("Reuters", "2025-10-08"),
        "By Li Wen": (None, None),
        "来源：财联社 2025-11-20": ("财联社", "2025-11-20"),
        # Labels in traditional characters too; the outlet as written.
        "來源：明報\n日期：2025-05-13": ("明報", "2025-05-13"),
        "來源：明報  發佈時間：2025年5月13日": ("明報", "2025-05-13"),
        "Source: Reuters, May 13, 2025": ("Reuters", "2025-05-13"),
        # A portal's date opening the line, before a label or the outlet alone.
        "2025-08-19 来源：第一财经": ("第一财经", "2025-08-19"),
        "2025年08月19日 20:15 第一财经": ("第一财经", "2025-08-19"),
        "2025-08-19 10:30:00 | Source: Reuters": ("Reuters", "2025-08-19"),
    }
    for header, expected in headers.items():
        text = f"# 微博三季度净营收增长5%\n\n{header}\n\n微博今日公布2025年第三季度财报。\n第二段。"
        doc = parse(Loaded(text=text, plain=True), tmp_path / "a.md")[0]
        assert (doc.source, doc.date) == expected, header
        assert doc.text.startswith("微博今日公布")


def test_a_body_line_with_a_date_is_no_header(tmp_path: Path):
    text = "安踏体育发布中期业绩\n8月26日晚间，安踏体育发布2025年中期业绩。\n上半年营收385亿元。"
    doc = parse(Loaded(text=text, plain=True), tmp_path / "a.txt")[0]
    assert (doc.source, doc.date) == (None, None)
    assert doc.text.startswith("8月26日晚间")
    # Nor one opening on a full date.
    text = "安踏体育发布中期业绩\n2025年8月26日，安踏体育发布中期业绩。\n上半年营收385亿元。"
    doc = parse(Loaded(text=text, plain=True), tmp_path / "a.txt")[0]
    assert (doc.source, doc.date) == (None, None)
    assert doc.text.startswith("2025年8月26日")


def test_a_sentence_opening_on_by_is_no_byline(tmp_path: Path):
    for first in (
        "By Monday, Meituan had left the market.",
        "By contrast, Keeta grew",
        "By 2030 it wants 10 markets",
    ):
        doc = parse(Loaded(text=f"Keeta expands\n{first}\nSecond line.", plain=True), tmp_path / "a.txt")[0]
        assert doc.text.startswith(first), first


def test_english_dates_need_a_day():
    assert iso_date("Nov 13th, 2025") == "2025-11-13"
    assert iso_date("8 April 2025") == "2025-04-08"
    assert iso_date("Marketing 2025") is None
    assert iso_date("May 2025") is None
