"""Standing questions: pin a question, and see what changed in its answer as the archive grows.

Each pin keeps the last answer it got and the archive generation it got it at. `refresh_pins` (the
app runs it every few seconds; `python -m rag pins` on demand) answers again every pin whose
generation is not the archive's now, and records what changed: a refusal that became an answer (or
the reverse), articles cited that were not before, figures that appeared or went.
"""

from __future__ import annotations

import threading

from rag.answer import answer
from rag.config import Settings, get_settings
from rag.intents import INTENTS
from rag.query import check_question
from rag.store import get_store
from rag.store.pins import Pin, PinChange, PinLog
from rag.types import Answer

__all__ = [
    "Pin",
    "PinChange",
    "changes",
    "describe_change",
    "pin_question",
    "pinned",
    "refresh_pins",
    "unpin",
]

# A figure is a number with its unit ("168元", "14.0%", "2.4 billion"), as answers to how-much questions are.
_FIGURE = INTENTS["number"][1]
_refreshing = threading.Lock()


def changes(before: Answer, after: Answer) -> PinChange:
    """What differs between two answers to the same question (see `PinChange`)."""
    answered = None if before.refused == after.refused else not after.refused
    cited_before = {c.doc_id for c in before.citations}
    new_sources = list(dict.fromkeys(c.title for c in after.citations if c.doc_id not in cited_before))
    figures_before, figures_after = _figures(before), _figures(after)
    if answered is not None:  # every figure of a new answer is new: the change is the answer itself
        figures_before = figures_after = []
    return PinChange(
        answered=answered,
        new_sources=new_sources,
        new_figures=[f for f in figures_after if f not in figures_before],
        gone_figures=[f for f in figures_before if f not in figures_after],
    )


def describe_change(change: PinChange) -> str:
    """One line on what changed in a pinned question's answer."""
    parts = []
    if change.answered is True:
        parts.append("now answered")
    elif change.answered is False:
        parts.append("no longer answered")
    if change.new_sources:
        parts.append("new source: " + "; ".join(change.new_sources))
    if change.new_figures:
        parts.append("new figures: " + ", ".join(change.new_figures))
    if change.gone_figures:
        parts.append("figures gone: " + ", ".join(change.gone_figures))
    return " · ".join(parts)


def _figures(given: Answer) -> list[str]:
    if given.refused:
        return []
    return list(dict.fromkeys(m.group() for c in given.citations for m in _FIGURE.finditer(c.quote)))


def pin_question(question: str, *, owner: str, settings: Settings | None = None) -> Pin:
    """Pin `question` for `owner`, answered now.

    Raises:
        BadRequest: the question cannot be asked.
        StoreUnavailable: the index cannot be read or the pin saved.
    """
    settings = settings or get_settings()
    question = check_question(question)
    generation = get_store(settings=settings).generation()
    first = answer(question, settings=settings, use_llm=False)
    log = PinLog(settings.data_dir)
    pin = log.add(owner, question, generation, first)
    return next(p for p in log.list(owner) if p.id == pin)


def pinned(*, owner: str | None, settings: Settings | None = None) -> list[Pin]:
    """The pins of `owner` (every one for None), oldest first, as last refreshed."""
    return PinLog((settings or get_settings()).data_dir).list(owner)


def unpin(pin: int, *, owner: str | None, settings: Settings | None = None) -> None:
    """Remove a pin.

    Raises:
        NotFound: `owner` has no such pin.
    """
    PinLog((settings or get_settings()).data_dir).delete(pin, owner)


def refresh_pins(*, settings: Settings | None = None) -> list[Pin]:
    """Answer again every pin the archive changed under; returns those whose answer changed.

    Cheap when nothing was written (one look at the archive's generation). One refresh runs at a
    time in a process; a call made meanwhile returns at once with nothing.
    """
    settings = settings or get_settings()
    if not _refreshing.acquire(blocking=False):
        return []
    try:
        log = PinLog(settings.data_dir)
        pins = log.list(None)
        if not pins:
            return []
        generation = get_store(settings=settings).generation()
        changed = []
        for pin in pins:
            if pin.generation == generation:
                continue
            after = answer(pin.question, settings=settings, use_llm=False)
            change = changes(pin.answer, after)
            log.update(pin.id, generation, after, change)
            if change:
                changed.append(pin.id)
        return [p for p in log.list(None) if p.id in changed]
    finally:
        _refreshing.release()
