"""The pin log: pins per owner with their last answer, changes recorded only when there is one."""

from pathlib import Path

import pytest

from rag import NotFound
from rag.store.pins import PinChange, PinLog
from rag.types import Answer


def _answer(text: str) -> Answer:
    return Answer(question="小红书支付牌照进展？", text=text, citations=[], mode="extractive")


def test_pins_are_kept_per_owner_with_their_latest_answer_and_change(tmp_path: Path):
    log = PinLog(tmp_path)
    assert log.list("me") == [] and not log.path.exists()
    mine = log.add("me", "小红书支付牌照进展？", "g1", _answer("not found"))
    log.add("you", "快手GMV？", "g1", _answer("not found"))
    assert [p.question for p in log.list("me")] == ["小红书支付牌照进展？"]
    assert len(log.list(None)) == 2

    log.update(mine, "g2", _answer("still not found"), PinChange())
    pin = log.list("me")[0]
    assert (pin.generation, pin.answer.text, pin.change) == ("g2", "still not found", None)

    log.update(mine, "g3", _answer("acquired a licence [1]"), PinChange(answered=True, new_figures=["1"]))
    pin = log.list("me")[0]
    assert pin.change == PinChange(answered=True, new_figures=["1"]) and pin.changed == pin.checked


def test_only_the_owner_unpins(tmp_path: Path):
    log = PinLog(tmp_path)
    pin = log.add("me", "q", "g1", _answer("a"))
    with pytest.raises(NotFound, match="belongs to another browser"):
        log.delete(pin, "you")
    log.delete(pin, "me")
    assert log.list(None) == []
