"""Request checks shared by every front door: the question, k, dates and the bounded search text."""

import pytest

from rag.errors import BadRequest
from rag.query import MAX_K, MAX_QUERY_CHARS, bounded_query, check_k, check_question, make_filters


def test_questions_are_stripped_and_bounded():
    assert check_question("  why?\n") == "why?"
    for bad in ("", " \t", None, "x" * 2001):
        with pytest.raises(BadRequest):
            check_question(bad)


def test_k_defaults_and_must_be_a_whole_number_in_range():
    assert check_k(None, 5) == 5 and check_k(MAX_K, 5) == MAX_K
    for bad in (0, MAX_K + 1, 2.5, True, "3"):
        with pytest.raises(BadRequest, match="k="):
            check_k(bad, 5)


def test_filters_take_one_or_many_values_and_iso_dates_only():
    filters = make_filters("36Ke", "2025-01-01", None, ["/a.md", "/b.md"])
    assert filters.sources == ("36Ke",) and filters.paths == ("/a.md", "/b.md") and filters.until is None
    assert not make_filters()
    with pytest.raises(BadRequest, match="since='yesterday'"):
        make_filters(since="yesterday")


def test_the_search_text_keeps_the_question_first_and_stays_bounded():
    assert bounded_query("它为什么关停？", "小红卡是什么？") == "小红卡是什么？ 它为什么关停？"
    long = bounded_query("问" * 150, "前" * 500)
    assert len(long) <= MAX_QUERY_CHARS and long.endswith("问" * 150)
    assert bounded_query("x" * 1000) == "x" * MAX_QUERY_CHARS


def test_the_search_text_is_written_in_simplified_chinese():
    assert bounded_query("小紅書的創始人是誰？") == "小红书的创始人是谁？"
    assert bounded_query("Who founded 小紅書?", "小紅卡") == "小红卡 Who founded 小红书?"
