"""Word meanings across Chinese and English, from the bundled Universal Sentence Encoder."""

import pytest

from rag.closeness import QUOTING, SEARCHING, Closeness, nearest


def test_a_word_is_nearer_its_translation_than_an_unrelated_word():
    assert nearest("调查", ("probe",)) > nearest("调查", ("sales",)) + 0.15
    assert nearest("罚款", ("fined",)) > nearest("罚款", ("sold",)) + 0.15
    assert nearest("shut", ("关停", "销量")) == pytest.approx(nearest("shut", ("关停",)), abs=1e-4)


def test_nothing_to_compare_is_no_match():
    assert nearest("调查", ()) == 0.0


def test_a_cosine_counts_from_none_at_low_to_a_whole_match_at_full():
    closeness = Closeness(0.5, 0.6)
    assert [closeness.credit(c) for c in (0.4, 0.5, 0.6, 0.9)] == [0.0, 0.0, 1.0, 1.0]
    assert closeness.credit(0.55) == pytest.approx(0.5)


def test_choosing_sentences_asks_for_a_closer_match_than_ranking_passages():
    assert QUOTING.low > SEARCHING.low and QUOTING.full > SEARCHING.full
