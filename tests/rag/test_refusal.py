"""The refusal gate: coverage of the question, dense evidence, unknown names, fitted thresholds."""

from dataclasses import replace

import pytest

from rag import retrieve
from rag.config import Settings
from rag.refusal import JUDGED_PASSAGES, THRESHOLD, confidence, coverage, covers, unknown_names
from rag.retrieve import gather
from rag.store import get_store
from rag.types import Evidence, Filters, Hit
from tests.helpers import make_chunk


@pytest.fixture(scope="module")
def keyword(archive: Settings):
    return get_store(settings=archive).keyword_index()


def test_a_passage_holding_every_question_word_covers_it_fully(keyword):
    hit = Hit(make_chunk("小红卡业务将于2026年1月1日起暂停试运营。"), 1.0)
    assert coverage("小红卡暂停试运营", hit, keyword) == pytest.approx(1.0)
    # Question words are no words to find: 什么时候 is "when", 2026年 is written "2026" in English.
    assert coverage("小红卡什么时候暂停试运营？", hit, keyword) == pytest.approx(1.0)
    assert 0.5 < coverage("小红卡在北京暂停试运营？", hit, keyword) < 1.0
    assert coverage("拼多多的利润是多少？", hit, keyword) < 0.5


def test_answerable_questions_pass_and_unrelated_ones_are_refused(archive: Settings, keyword):
    for question, expected in [("小红卡为什么关停？", True), ("火星基地的氧气产量是多少？", False)]:
        evidence = gather(question, 5, Filters(), settings=archive, keyword=keyword)
        assert covers(question, evidence, keyword) is expected, question


def test_a_listed_name_the_archive_never_mentions_is_refused(keyword):
    assert unknown_names("比亚迪的销量是多少？", keyword) == ["比亚迪"]
    assert unknown_names("小红书的GMV是多少？", keyword) == []


def test_confidence_rises_with_dense_evidence_and_is_zero_without_hits(archive: Settings, keyword):
    hits = retrieve("小红卡为什么关停？", k=JUDGED_PASSAGES, settings=archive)
    strong = Evidence(hits, background=0.80)
    weak = Evidence(hits, background=hits[0].dense)
    assert confidence("小红卡为什么关停？", strong, keyword) > confidence("小红卡为什么关停？", weak, keyword)
    assert confidence("小红卡为什么关停？", Evidence([], 0.8), keyword) == 0.0
    assert confidence("小红卡为什么关停？", strong, keyword) >= THRESHOLD
    assert replace(strong, centred=True).centred
