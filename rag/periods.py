"""The quarter or half-year a question asks about, and whether the passages speak only of others.

"快手三季度营收是多少？" is not answered by the second quarter's 350亿元: passages reporting other
quarters, and never the one asked about, are no answer to it. 前三季度 (the first three quarters
together) is no quarter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.text import fold

_ORDINALS = dict(zip("一二三四", "1234", strict=True)) | dict(
    zip(("first", "second", "third", "fourth"), "1234", strict=True)
)
_QUARTER = re.compile(
    r"(?<!前)第?+([一二三四1-4])季度|\bq([1-4])\b|\b([1-4])q(?:\d\d)?+\b|"
    r"\b(first|second|third|fourth)[- ]quarter\b"
)
_HALF = re.compile(r"([上下])半年|\b(first|second) half\b|\bh([12])\b")
_HALVES = {"上": "1", "下": "2"}


def periods(text: str) -> set[str]:
    """The quarters ("q3") and half-years ("h1") `text` names, in either language."""
    folded = fold(text)
    found = {"q" + _ORDINALS.get(n, n) for m in _QUARTER.finditer(folded) for n in m.groups() if n}
    halves = (n for m in _HALF.finditer(folded) for n in m.groups() if n)
    found |= {"h" + _ORDINALS.get(n, _HALVES.get(n, n)) for n in halves}
    return found


def other_period(question: str, texts: Iterable[str]) -> bool:
    """Whether `question` asks about a quarter or half-year `texts` never name, naming others of its kind."""
    asked = periods(question)
    if not asked:
        return False
    said = set().union(*map(periods, texts))
    for kind in {p[0] for p in asked}:
        named = {p for p in said if p[0] == kind}
        if named and not named & asked:
            return True
    return False
