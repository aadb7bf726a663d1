"""The extractive answer's text: the short answer first, then each article's quotes under its outlet and date.

When quotes come from several articles, each article is cited under its own lead ("As of 2025-08-13,
per 36Ke: …"), not as one run of sentences under the first outlet's name: the article that answers
best first, the others after it in date order (oldest first, undated last). When those articles
give different figures or dates for what was asked, the answer says so before the quotes, each
figure with its citation, outlet and date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.text import fold
from rag.types import Citation, Quote

_BLANKS = re.compile(r"\s+")
DIFFER = {"zh": "各来源说法不一：", "en": "Sources differ: "}


def in_date_order(quotes: Sequence[Quote]) -> list[Quote]:
    """`quotes` grouped by article: the best quote's article first, the others in date order (undated last).

    Each article keeps the order of its quotes; articles of the same date keep the order of their best
    quote.
    """
    first: dict[str, int] = {}
    for i, quote in enumerate(quotes):
        first.setdefault(quote.hit.chunk.doc_id, i)

    def key(item: tuple[int, Quote]) -> tuple[bool, bool, str, int, int]:
        i, quote = item
        doc, date = quote.hit.chunk.doc_id, quote.hit.chunk.date
        return first[doc] > 0, date is None, date or "", first[doc], i

    return [quote for _, quote in sorted(enumerate(quotes), key=key)]


def _name(citation: Citation, lang: str) -> str:
    if citation.source:
        return citation.source
    return f"《{citation.title}》" if lang == "zh" else f"“{citation.title}”"


def _lead(citation: Citation, lang: str) -> str:
    source = _name(citation, lang)
    if lang == "zh":
        return f"据{source}（{citation.date}）报道：" if citation.date else f"据{source}："
    return f"As of {citation.date}, per {source}: " if citation.date else f"Per {source}: "


def _figures(figures: dict[int, str], citations: list[Citation], lang: str) -> str:
    """The short answer: one figure, one figure several articles agree on, or each article's figure."""
    if not figures:
        return ""
    stop = "。" if lang == "zh" else ". "
    by_n = {c.n: c for c in citations}
    numbers = sorted(figures)
    if len({_BLANKS.sub("", fold(figures[n])) for n in numbers}) == 1:
        return figures[numbers[0]] + "".join(f"[{n}]" for n in numbers) + stop
    comma, opening, closing = ("，", "（", "）") if lang == "zh" else (", ", " (", ")")
    parts = []
    for n in numbers:
        where = comma.join(filter(None, (_name(by_n[n], lang), by_n[n].date)))
        parts.append(f"{figures[n]}[{n}]{opening}{where}{closing}")
    return DIFFER[lang] + ("；" if lang == "zh" else "; ").join(parts) + stop


def compose(citations: list[Citation], lang: str, figures: dict[int, str] | None = None) -> str:
    """Join quotes into the answer text: the answer first, then the quotes that show it.

    Args:
        citations: numbered in answer order, each article's quotes together (see `in_date_order`).
        lang: the question's language, for the framing text.
        figures: the short answer (a figure, a date) found in a citation's quote, by citation
            number; at most one per article.
    """
    if not citations:
        return ""
    groups: dict[str, list[Citation]] = {}
    for citation in citations:
        groups.setdefault(citation.doc_id, []).append(citation)
    body = " ".join(
        _lead(group[0], lang) + " ".join(f"{c.quote}[{c.n}]" for c in group) for group in groups.values()
    )
    return _figures(figures or {}, citations, lang) + body
