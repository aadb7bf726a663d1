"""Quarters and half-years named in either language, and passages that name only other ones."""

import pytest

from rag.periods import only_others, other_period, periods


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("快手三季度营收是多少？", {"q3"}),
        ("快手8月20日晚公布第二季度业绩", {"q2"}),
        ("reported third-quarter revenue", {"q3"}),
        ("Kuaishou's Q1 2025 GMV", {"q1", "y2025"}),
        ("快手2023年营收是多少？", {"y2023"}),
        ("字節跳動上半年收入", {"h1"}),
        ("results for the second half", {"h2"}),
        # The first three quarters together are no quarter.
        ("蜜雪冰城前三季度营收187亿元", set()),
    ],
)
def test_quarters_and_half_years_are_named_in_either_language(text: str, named: set[str]):
    assert periods(text) == named


def test_a_question_about_a_period_the_passages_never_name_but_others_of_its_kind():
    reported = ["快手8月20日晚公布二季度业绩，总营收350亿元。", "Kuaishou's Q1 revenue rose 10.9%."]
    assert other_period("快手三季度营收是多少？", reported)
    assert not other_period("What was Kuaishou's second-quarter revenue?", reported)
    assert other_period(
        "快手2023年营收是多少？", ["The company reported Q1 2025 revenue of 32.61 billion yuan."]
    )
    # Passages naming no quarter at all, or a question naming none, are not judged by it.
    assert not other_period("快手三季度营收是多少？", ["快手总营收350亿元。"])
    assert not other_period("快手营收是多少？", reported)


def test_only_others_needs_a_period_of_the_kind_asked_and_none_asked():
    assert only_others({"q1"}, {"q3"})
    assert not only_others({"q1"}, {"q1", "q3"})
    assert not only_others({"q1"}, {"y2025"}), "a year is no other quarter"
    assert not only_others({"q1"}, set())
