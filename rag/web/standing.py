"""Pinned questions in the UI: pin the question asked, unpin, and a panel that follows the archive.

Every few seconds the panel runs `rag.pins.refresh_pins` (cheap unless the archive changed: an
upload, a delete, a re-index, a watched folder's sync, or an ingest by another process) and shows
each pin's latest answer with what last changed in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rag import RagError, Settings
from rag.pins import pin_question, pinned, refresh_pins, unpin
from rag.web.present import pin_choices, render_pins

REFRESH_SECONDS = 2.0
Shown = tuple[Any, Any, str]  # the panel, the choice of pin, and what the panel shows now


@dataclass(frozen=True)
class PinParts:
    """The pin panel's components (laid out by the Ask tab)."""

    pin: Any
    panel: Any
    choice: Any
    unpin: Any


def pin_panel(gr: Any) -> tuple[Any, Any, Any]:
    """Lay out the panel: the pins, a choice of pin and an Unpin button (call inside the layout)."""
    with gr.Accordion("Pinned questions · 关注", open=True):
        panel = gr.HTML(render_pins([]), elem_id="pins")
        with gr.Row():
            choice = gr.Dropdown([], label="Pinned question", value=None, scale=3)
            remove = gr.Button("Unpin", size="sm", scale=1)
    return panel, choice, remove


class Standing:
    """The pin panel's handlers for one app.

    Args:
        settings: the archive the pins are answered from.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def wire(self, gr: Any, parts: PinParts, question: Any, answers: Any, owner: Any) -> None:
        """Pin the question typed (or else the last one asked), unpin, refresh the panel on a timer."""
        private = {"api_visibility": "private"}
        shown = gr.State("")  # what the panel shows, so a tick that changes nothing sends nothing
        outputs = [parts.panel, parts.choice, shown]
        parts.pin.click(self._add, [owner, question, answers], outputs, **private)
        parts.unpin.click(self._remove, [owner, parts.choice], outputs, **private)
        owner.change(lambda who: self._view(who, None), owner, outputs, **private)
        gr.Timer(REFRESH_SECONDS).tick(self._tick, [owner, shown], outputs, show_progress="hidden", **private)

    def _view(self, who: str | None, seen: str | None) -> Shown:
        """The panel for `who`'s pins; nothing is sent when it would show `seen` again (None: always)."""
        import gradio as gr

        pins = pinned(owner=who, settings=self.settings) if who else []
        now = "|".join(f"{p.id}:{p.checked}:{p.changed}" for p in pins)
        if now == seen:
            return gr.update(), gr.update(), seen
        return render_pins(pins), gr.update(choices=pin_choices(pins), value=None), now

    def _add(self, who: str | None, typed: str, given: list[dict[str, Any] | None]) -> Shown:
        import gradio as gr

        asked = (typed or "").strip() or next((a["question"] for a in reversed(given) if a), "")
        if not who:
            gr.Warning("The page is still loading: pin the question again in a moment.")
        elif not asked:
            gr.Warning("Type or ask a question first, then pin it.")
        else:
            try:
                pin_question(asked, owner=who, settings=self.settings)
            except RagError as exc:
                gr.Warning(str(exc))
        return self._view(who, None)

    def _remove(self, who: str | None, chosen: int | None) -> Shown:
        import gradio as gr

        if who and chosen is not None:
            try:
                unpin(int(chosen), owner=who, settings=self.settings)
            except RagError as exc:
                gr.Warning(str(exc))
        return self._view(who, None)

    def _tick(self, who: str | None, seen: str) -> Shown:
        import gradio as gr

        try:
            refresh_pins(settings=self.settings)
        except RagError:  # the index is being rebuilt or is unreachable: the next tick tries again
            return gr.update(), gr.update(), seen
        return self._view(who, seen)
