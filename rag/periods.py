"""The year, quarter or half-year a question asks about, and whether the passages speak only of others.

"快手三季度营收是多少？" is not answered by the second quarter's 350亿元, nor 快手2023年营收是多少？ by
2025's: passages reporting other quarters or years, and never the one asked about, are no answer to it.
前三季度 (the first three quarters together) is no quarter.
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
# A year, not an amount that looks like one (2000万元, 1,900 stores).
_YEAR = re.compile(
    r"(?<![\d.,$€£¥])((?:19|20)\d\d)(?![\d%％万亿千百元名家个人]|[.,]\d|\s*+(?:[mb]illion|thousand)\b)"
)


def periods(text: str) -> set[str]:
    """The years ("y2025"), quarters ("q3") and half-years ("h1") `text` names, in either language."""
    folded = fold(text)
    found = {"q" + _ORDINALS.get(n, n) for m in _QUARTER.finditer(folded) for n in m.groups() if n}
    halves = (n for m in _HALF.finditer(folded) for n in m.groups() if n)
    found |= {"h" + _ORDINALS.get(n, _HALVES.get(n, n)) for n in halves}
    return found | {"y" + year for year in years(folded)}


def years(text: str) -> list[str]:
    """The years `text` names ("2022"), in order; not amounts that look like one (2000万元)."""
    return _YEAR.findall(text)


def other_period(question: str, texts: Iterable[str]) -> bool:
    """Whether `question` asks about a period `texts` never name, naming others of its kind."""
    asked = periods(question)
    return bool(asked) and only_others(asked, set().union(*map(periods, texts)))


def only_others(asked: set[str], said: set[str]) -> bool:
    """Whether the periods `said` include some of a kind `asked` has, and none `asked`."""
    for kind in {p[0] for p in asked}:
        named = {p for p in said if p[0] == kind}
        if named and not named & asked:
            return True
    return False
