"""Standing questions: answered when pinned, answered again when the archive changes, changes named."""

import shutil
from pathlib import Path

import pytest

from ingest import ingest, remove
from rag import Answer, Citation, NotFound, Settings
from rag.pins import changes, pin_question, pinned, refresh_pins, unpin
from tests.environment import DATA_DIR


def _cited(quote: str, doc: str = "d1", title: str = "t") -> Citation:
    return Citation(
        n=1, title=title, quote=quote, passage=quote, doc_id=doc, chunk_id="c", path="/p", start=0, end=1
    )


def test_changes_name_new_answers_sources_and_figures():
    refused = Answer(question="q", text="no", refused=True)
    first = Answer(question="q", text="a", citations=[_cited("2025年9月1日起年费为168元，用户3万人")])
    later = Answer(
        question="q", text="a", citations=[_cited("年费为198元，用户3万人"), _cited("x", "d2", "新文章")]
    )
    assert changes(refused, first).answered is True and changes(first, refused).answered is False
    assert not changes(refused, first).new_figures  # the whole answer is new, not its figures
    change = changes(first, later)
    assert change.answered is None and change.new_sources == ["新文章"]
    assert change.new_figures == ["198元"] and change.gone_figures == ["168元"]
    assert not changes(first, first)


def test_a_pin_is_answered_again_when_an_article_arrives_and_leaves(settings: Settings, tmp_path: Path):
    ingest([DATA_DIR / "articles" / "douyin_local_services.md"], settings=settings)
    question = "美团无人机每次能运送多少货物？"
    pin = pin_question(question, owner="me-0123456789abcdef", settings=settings)
    assert pin.answer.refused and pin.change is None
    assert refresh_pins(settings=settings) == []  # nothing written: nothing asked again
    article = tmp_path / "drones.txt"
    shutil.copy(DATA_DIR / "articles" / "meituan_drones.txt", article)
    ingest([article], settings=settings)
    [changed] = refresh_pins(settings=settings)
    assert changed.id == pin.id and not changed.answer.refused and "2.5" in changed.answer.text
    assert changed.change and changed.change.answered is True and changed.change.new_sources
    remove([article], settings=settings)
    [gone] = refresh_pins(settings=settings)
    assert gone.change and gone.change.answered is False
    assert pinned(owner="someone-else-0123456", settings=settings) == []
    with pytest.raises(NotFound):
        unpin(pin.id, owner="someone-else-0123456", settings=settings)
    unpin(pin.id, owner="me-0123456789abcdef", settings=settings)
    assert pinned(owner=None, settings=settings) == []
