"""The extractive answer's text: the short answer first, then each article's quotes with its outlet and date.

The answer starts with what answers the question (a figure, a date, places, or the best quote), never
with framing: each article's quotes are followed by their source ("… 14.0%.[1] (36Ke, 2025-11-06)"),
the article that answers best first, the others after it in date order (oldest first, undated last).
When those articles give different figures or dates for what was asked, the answer says so before
the quotes, each figure with its citation, outlet and date; when they are figures for different
periods (one article's quarter, another's), it says that instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.intents import INTENTS
from rag.text import fold
from rag.types import Citation, Quote

_BLANKS = re.compile(r"\s+")
_DATE = INTENTS["when"][1]
# A figure's number and its scale: 9,914 and 9914家 are one figure, and so are HK$1.58 billion and 15.8亿港元.
_AMOUNT = re.compile(
    r"(\d++(?:,\d{3})*+(?:\.\d++)?+)\s*+(万亿|千亿|百亿|千万|百万|亿|万|千|trillion|billion|million|thousand|"
    r"bn|mn|m(?![a-z])|k(?![a-z]))?+",
    re.I,
)
_SCALE = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "千": 1e3}
_SCALE |= {"trillion": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6}
_SCALE |= {"thousand": 1e3, "k": 1e3}
# A share said in tenths (八成 is 80%, 4成 40%) or as a half (一半, 半数: 50%).
_TENTHS = re.compile(r"([一二两三四五六七八九]|\d)成")
_HALF = re.compile(r"一半|半数")
_DIGIT_WORDS = dict(zip("一二两三四五六七八九", (1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
DIFFER = {"zh": "各来源说法不一：", "en": "Sources differ: "}
PERIODS_APART = {"zh": "不同时期：", "en": "For different periods: "}


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


def _source(citation: Citation, lang: str) -> str:
    """Where a citation comes from, in brackets: " (36Ke, 2025-11-06)", "（36Ke，2025-11-06）"."""
    comma, opening, closing = ("，", "（", "）") if lang == "zh" else (", ", " (", ")")
    return opening + comma.join(filter(None, (_name(citation, lang), citation.date))) + closing


def _figures(figures: dict[int, str], citations: list[Citation], lang: str, apart: bool) -> str:
    """The short answer: one figure, one figure several articles agree on, or each article's figure.

    Each article's figure is said to differ from the others', or with `apart` to be for another period.
    """
    if not figures:
        return ""
    stop = "。" if lang == "zh" else ". "
    by_n = {c.n: c for c in citations}
    numbers = sorted(figures)
    if len({_said_alike(figures[n]) for n in numbers}) == 1:
        return figures[numbers[0]] + "".join(f"[{n}]" for n in numbers) + stop
    parts = [f"{figures[n]}[{n}]{_source(by_n[n], lang)}" for n in numbers]
    return (PERIODS_APART if apart else DIFFER)[lang] + ("；" if lang == "zh" else "; ").join(parts) + stop


def _said_alike(figure: str) -> str | tuple[float, bool]:
    """What two figures saying the same share: their amount (and whether in percent), else their words.

    A date is its words: 2月12日 and 2月15日 are no one amount. A share in tenths or halves is in percent:
    "more than 80%" and 超过八成 are one.
    """
    folded = fold(figure)
    if tenths := _TENTHS.search(folded):
        digit = tenths.group(1)
        return float(_DIGIT_WORDS.get(digit) or int(digit)) * 10, True
    if _HALF.search(folded):
        return 50.0, True
    found = None if _DATE.search(folded) else _AMOUNT.search(folded)
    if not found:
        return _BLANKS.sub("", folded)
    number, scale = found.groups()
    amount = float(number.replace(",", "")) * _SCALE.get((scale or "").lower(), 1.0)
    return round(amount, 6), "%" in folded


def compose(
    citations: list[Citation], lang: str, figures: dict[int, str] | None = None, *, apart: bool = False
) -> str:
    """Join quotes into the answer text: the answer first, then the quotes that show it.

    Args:
        citations: numbered in answer order, each article's quotes together (see `in_date_order`).
        lang: the question's language, for the brackets and stops.
        figures: the short answer (a figure, a date) found in a citation's quote, by citation
            number; at most one per article.
        apart: the articles' figures are for different periods, not different figures for one.
    """
    if not citations:
        return ""
    groups: dict[str, list[Citation]] = {}
    for citation in citations:
        groups.setdefault(citation.doc_id, []).append(citation)
    body = " ".join(
        " ".join(f"{c.quote}[{c.n}]" for c in group) + _source(group[0], lang) for group in groups.values()
    )
    return _figures(figures or {}, citations, lang, apart) + body
