from rag.citations import check_generated, cited_numbers, quoted_spans, verify_quote
from rag.types import Hit
from tests.helpers import make_chunk


def _hit(text: str) -> Hit:
    chunk = make_chunk(text)
    return Hit(chunk=chunk, score=1.0)


PASSAGES = [
    _hit("小红书官方对于关停的理由是“准备不够充分”。"),
    _hit("The license saves about 2.4 billion RMB."),
]


def test_verify_quote_ignores_width_and_spacing_only():
    assert verify_quote("准备不够充分", PASSAGES[0].chunk.text)
    assert verify_quote("2.4  billion", PASSAGES[1].chunk.text)
    assert not verify_quote("准备非常充分", PASSAGES[0].chunk.text)
    assert not verify_quote("  ", PASSAGES[0].chunk.text)


def test_markers_and_quotes_are_found():
    text = '原因是“准备不够充分”[1]。It saves "about 2.4 billion RMB" [2][1].'
    assert cited_numbers(text) == [1, 2]
    assert quoted_spans(text) == ["准备不够充分", "about 2.4 billion RMB"]


def test_valid_generated_answer_passes():
    assert check_generated("小红卡关停，理由是“准备不够充分”[1]。", PASSAGES) is None


def test_invented_citation_number_fails():
    assert "do not exist" in check_generated("理由是准备不够充分[3]。", PASSAGES)


def test_invented_quote_fails():
    assert "not in the passages" in check_generated("理由是“用户太少了，没有人用”[1]。", PASSAGES)


def test_quote_from_the_wrong_passage_fails_and_uncited_answer_fails():
    assert "not in the passages" in check_generated("It saves “about 2.4 billion RMB” [1].", PASSAGES)
    assert check_generated("It saves money.", PASSAGES) == "the answer cites no passage"
