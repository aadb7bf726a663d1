from rag.citations import number_quotes
from rag.compose import DIFFER, PERIODS_APART, compose, in_date_order
from rag.types import Hit, Quote
from tests.helpers import make_chunk

ARTICLES = {
    # doc id: (outlet, date, text)
    "late": ("36Ke", "2025-11-06", "Kuaishou's net profit margin was 15.2% in the quarter."),
    "early": ("Xin Lang", "2025-08-13", "Kuaishou reported a net profit margin of 14.0%."),
    "undated": (None, None, "The margin of Kuaishou stood at 14.0% that quarter."),
}


def _quote(doc: str, rank: int) -> Quote:
    source, date, text = ARTICLES[doc]
    chunk = make_chunk(text, chunk_id=doc, doc_id=doc, title=f"title {doc}", source=source, date=date)
    return Quote(Hit(chunk=chunk, score=1.0), rank, 0, len(text), 1.0 - rank / 10)


def test_the_best_article_leads_and_the_others_follow_in_date_order():
    quotes = [_quote("undated", 0), _quote("late", 1), _quote("early", 2)]
    assert [q.hit.chunk.doc_id for q in in_date_order(quotes)] == ["undated", "early", "late"]
    again = [_quote("late", 0), _quote("undated", 1), _quote("early", 2)]
    assert [q.hit.chunk.doc_id for q in in_date_order(again)] == ["late", "early", "undated"]


def test_the_answer_starts_with_the_quote_and_each_article_is_followed_by_its_outlet_and_date():
    citations = number_quotes(in_date_order([_quote("late", 0), _quote("early", 1), _quote("undated", 2)]))
    text = compose(citations, "en")
    assert text.startswith("Kuaishou's net profit margin was 15.2% in the quarter.[1] (36Ke, 2025-11-06) ")
    assert "Kuaishou reported a net profit margin of 14.0%.[2] (Xin Lang, 2025-08-13)" in text
    assert text.endswith("that quarter.[3] (“title undated”)")
    chinese = compose(citations[:1], "zh")
    assert chinese == "Kuaishou's net profit margin was 15.2% in the quarter.[1]（36Ke，2025-11-06）"


def test_different_figures_are_shown_side_by_side_with_their_sources():
    citations = number_quotes([_quote("late", 0), _quote("early", 1)])
    text = compose(citations, "zh", {1: "15.2%", 2: "14.0%"})
    assert text.startswith(DIFFER["zh"] + "15.2%[1]（36Ke，2025-11-06）；14.0%[2]（Xin Lang，2025-08-13）。")
    english = compose(citations, "en", {1: "15.2%", 2: "14.0%"})
    assert english.startswith(
        "Sources differ: 15.2%[1] (36Ke, 2025-11-06); 14.0%[2] (Xin Lang, 2025-08-13). "
    )


def test_figures_for_different_periods_are_said_to_be_so():
    citations = number_quotes([_quote("late", 0), _quote("early", 1)])
    text = compose(citations, "en", {1: "15.2%", 2: "14.0%"}, apart=True)
    assert text.startswith(
        PERIODS_APART["en"] + "15.2%[1] (36Ke, 2025-11-06); 14.0%[2] (Xin Lang, 2025-08-13). "
    )
    assert compose(citations, "zh", {1: "15.2%", 2: "14.0%"}, apart=True).startswith(
        "不同时期：15.2%[1]（36Ke"
    )


def test_one_figure_that_articles_agree_on_is_cited_to_each():
    citations = number_quotes([_quote("early", 0), _quote("undated", 1)])
    assert compose(citations, "en", {1: "14.0%", 2: "14.0 %"}).startswith("14.0%[1][2]. Kuaishou reported")
    assert compose(citations[:1], "zh", {1: "14.0%"}).startswith("14.0%[1]。Kuaishou reported")


def test_one_figure_written_two_ways_is_agreed_on_and_two_dates_are_not():
    citations = number_quotes([_quote("early", 0), _quote("undated", 1)])
    alike = (("9,914 stores", "9914家"), ("HK$1.58 billion", "15.8亿港元"), ("80%", "八成"), ("50%", "一半"))
    for first, second in alike:
        assert compose(citations, "en", {1: first, 2: second}).startswith(f"{first}[1][2]. ")
    assert compose(citations, "zh", {1: "2月12日", 2: "2月15日"}).startswith(DIFFER["zh"])
    assert compose(citations, "en", {1: "40.8%", 2: "40.8"}).startswith(DIFFER["en"])
    assert compose(citations, "zh", {1: "80%", 2: "七成"}).startswith(DIFFER["zh"])
