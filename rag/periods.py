"""The year, quarter or half-year a question asks about, and whether the passages speak only of others.

"快手三季度营收是多少？" is not answered by the second quarter's 350亿元, nor 快手2023年营收是多少？ by
2025's: passages reporting other quarters or years, and never the one asked about, are no answer to it.
前三季度 (the first three quarters together) is no quarter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rag.text import fold
from rag.types import Hit

_ORDINALS = dict(zip("一二三四首", "12341", strict=True)) | dict(
    zip(("first", "second", "third", "fourth"), "1234", strict=True)
)
# Taiwan and Hong Kong write a quarter without 度 (第三季, 首季 for the first), never bare: 四季 are seasons.
# A quarterly report is no quarter: 三季度报告 (三季报) gives the first three quarters.
_QUARTER = re.compile(
    r"(?<!前)第?+([一二三四1-4])季度(?!报告)|第([一二三四1-4])季(?![度报])|(首)季|\bq([1-4])\b|\b([1-4])q(?:\d\d)?+\b|"
    r"\b(first|second|third|fourth)[- ]quarter\b"
)
# A calendar quarter named by the month it ends in ("the quarter ended September 30", "the June quarter",
# "April-June", 截至9月30日止三个月 / 截至6月30日的2026财年第一季度): a fiscal year's quarter is also the
# calendar one it falls in.
_QUARTER_END = re.compile(
    r"\b(?:quarter|three months|3 months)\s++(?:ended|ending|to|through)\s++(?:on\s++)?+"
    r"(mar|jun|sep|dec)(?:ch|tember|ember|e|t)?+\b|\b(mar|jun|sep|dec)(?:ch|e|tember|ember)[- ]quarter\b|"
    r"\b(?:jan|apr|jul|oct)[a-z]*+\s*+(?:-|–|to|through)\s*+(mar|jun|sep|dec)(?:ch|tember|ember|e)?+\b|"
    r"截至(?:\d{4}年)?+(3|6|9|12)月3[01]日止?+的?+(?:\d{4}财年)?+(?:第[一二三四])?+(?:三个月|季度|财季)"
)
# A fiscal quarter (第二财季, "fiscal second quarter"): a period of its own kind ("fq2"), as a fiscal year
# need not start in January: Lenovo's fiscal second quarter is "the July-September quarter".
_FISCAL_QUARTER = re.compile(
    r"第([一二三四1-4])财季|\bfiscal (first|second|third|fourth)[- ]quarter\b|\bfiscal q([1-4])\b"
)
_QUARTER_ENDS = {"mar": "1", "jun": "2", "sep": "3", "dec": "4", "3": "1", "6": "2", "9": "3", "12": "4"}
# A month in digits (10月, 10月份, a day of it: 11月1日) and months together (1月至10月, 1-10月, 前10个月,
# "the first seven months"), which are no month of their own: "小鹏汽车10月交付了多少辆车？" is not
# answered by the 1月至10月 total.
_MONTHS_TOGETHER = re.compile(
    r"(?<!\d)(1[0-2]|[1-9])月?+\s*+[至到~\-–—]\s*+(1[0-2]|[1-9])月|前(1[0-2]|[1-9]|十一|[二三四五六七八九十])个月|"
    r"\bfirst (1[01]|[2-9]|two|three|four|five|six|seven|eight|nine|ten|eleven) months\b"
)
# The first quarters of a year together (前三季度, "the first three quarters"): months together, no quarter.
_QUARTERS_TOGETHER = re.compile(r"前([两二三23])个?+季度|\bfirst (two|three|2|3) quarters\b")
_QUARTER_COUNTS = {"两": 2, "二": 2, "三": 3, "two": 2, "three": 3, "2": 2, "3": 3}
# A month by its number (8月), which English writes by name ("August").
MONTH = re.compile(r"(?<![\d.])(1[0-2]|[1-9])月")
# A month in English: by its name ("in August", "on July 29"); "may" and "march", which are verbs too,
# and the short names only with a day ("May 2", "Aug. 20") or after "in" ("in May").
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ENGLISH_MONTH = re.compile(
    r"\b(january|february|april|june|july|august|september|october|november|december)\b|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*+\.?+\s*+(?=\d{1,2}\b(?![.,]\d))|"
    r"\bin\s++(may|march)\b"
)
_MONTH_NAME = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*+"
# Months together in English ("April-June", "January to March", "between January and September"): the
# months from one to the other, none of its own.
_ENGLISH_MONTHS_TOGETHER = re.compile(
    rf"\b(?:between\s++{_MONTH_NAME}\s++and|{_MONTH_NAME}\.?+\s*+(?:-|–|to|through))\s*+{_MONTH_NAME}\b"
)
_NUMERALS = (
    dict(zip("二三四五六七八九十", range(2, 11), strict=True))
    | {"十一": 11, "eleven": 11}
    | dict(
        zip(
            ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
            range(2, 11),
            strict=True,
        )
    )
)
# A half-year ("first-half profit" too), also by the month it ends in ("the six months ended June 30",
# 截至6月30日止六个月).
_HALF = re.compile(
    r"([上下])半年|\b(first|second)[ -]half\b|\bh([12])\b|"
    r"\b(?:six|6) months\s++(?:ended|ending|to|through)\s++(?:on\s++)?+(jun|dec)(?:ember|e)?+\b|"
    r"截至(?:\d{4}年)?+(6|12)月3[01]日止?+的?+(?:六个月|半年)"
)
_HALVES = {"上": "1", "下": "2", "jun": "1", "dec": "2", "6": "1", "12": "2"}
# A whole year said to be one (全年, 2024年度, "full-year"): no part of it answers for it. Not "annual",
# which says per year as often ("annual capacity").
_WHOLE_YEAR = re.compile(r"全年|整年|(?<=\d年)度|\b(?:full[- ]year|whole year)\b")
WHOLE_YEAR = "fy"
# A year, not an amount that looks like one (2000万元, 1,900 stores, 3.2000), nor a decade ("the 1980s",
# 1980年代); a year may follow a comma that follows no digit (，2024年: folded, the comma is ASCII).
_YEAR = re.compile(
    r"(?<![\d$€£¥])(?<!\d[.,])((?:19|20)\d\d)(?![\d%％万亿千百元名家个人]|[.,]\d|\s*+(?:[mb]illion|thousand)\b|'?+s\b|年代)"
)


def periods(text: str) -> set[str]:
    """The periods `text` names: years ("y2025"), quarters ("q3"; "fq2" fiscal), half-years ("h1"), months.

    Years, quarters and half-years in either language; months too ("m1-10" for 1月至10月, "m8" for "in
    August"); and a year said to be whole ("fy": 全年, "full-year").
    """
    folded = fold(text)
    together = _months_together(folded)
    found = {period for _, period in together}
    found |= {"m" + m.group(1) for m in MONTH.finditer(_MONTHS_TOGETHER.sub(" ", folded))}
    alone = _ENGLISH_MONTHS_TOGETHER.sub(" ", folded)
    found |= {f"m{_MONTH_NAMES.index(_month_name(m)) + 1}" for m in _ENGLISH_MONTH.finditer(alone)}
    found |= {period for _, period in _parts_of_years(folded)}
    found |= {WHOLE_YEAR} if _WHOLE_YEAR.search(folded) else set()
    return found | {"y" + year for year in years(folded)}


def _months_together(folded: str) -> list[tuple[re.Match[str], str]]:
    """The months together `folded` names ("m1-9": 前9个月, 1至9月, 前三季度, "January to September")."""
    found = [(m, _months(m)) for m in _MONTHS_TOGETHER.finditer(folded)]
    found += [
        (m, f"m{_MONTH_NAMES.index(between or first) + 1}-{_MONTH_NAMES.index(last) + 1}")
        for m in _ENGLISH_MONTHS_TOGETHER.finditer(folded)
        for between, first, last in [m.groups()]
    ]
    counts = ((m, _QUARTER_COUNTS[m.group(1) or m.group(2)]) for m in _QUARTERS_TOGETHER.finditer(folded))
    return found + [(m, f"m1-{3 * n}") for m, n in counts]


def _parts_of_years(folded: str) -> list[tuple[re.Match[str], str]]:
    """The quarters ("q3") and half-years ("h1") `folded` names, each with where it is named."""
    found = [(m, "q" + _ORDINALS.get(n, n)) for m in _QUARTER.finditer(folded) for n in m.groups() if n]
    found += [
        (m, "fq" + _ORDINALS.get(n, n)) for m in _FISCAL_QUARTER.finditer(folded) for n in m.groups() if n
    ]
    found += [(m, "q" + _QUARTER_ENDS[n]) for m in _QUARTER_END.finditer(folded) for n in m.groups() if n]
    halves = ((m, n) for m in _HALF.finditer(folded) for n in m.groups() if n)
    return found + [(m, "h" + _ORDINALS.get(n, _HALVES.get(n, n))) for m, n in halves]


def period_places(term: str, text: str) -> list[int]:
    """Where `text` (folded) names the quarter, half-year or months together `term` is, however it names it.

    三季度 is "the third quarter", Q3 and "the three months ended September 30" alike; "the first three
    quarters" is 前三季度 and 前9个月.
    """
    asked = _period_of(term)
    if not asked:
        return []
    return sorted(m.start() for m, period in _periods_placed(text) if period in asked)


@lru_cache(maxsize=4096)
def _period_of(term: str) -> frozenset[str]:
    """The period `term` is, when it is one whole (三季度: q3; not 三季度营收)."""
    return frozenset(period for m, period in _periods_placed(term) if m.group() == term)


def _periods_placed(folded: str) -> list[tuple[re.Match[str], str]]:
    """The quarters, half-years and months together `folded` names, each with where it is named."""
    return _parts_of_years(folded) + _months_together(folded)


def period_phrases(question: str) -> list[str]:
    """The months together `question` names in English words ("first three quarters"), folded."""
    return [m.group() for m, _ in _months_together(fold(question)) if " " in m.group()]


def _month_name(found: re.Match[str]) -> str:
    """The first three letters of the month an `_ENGLISH_MONTH` match names."""
    return next(name for name in found.groups() if name)[:3]


def _months(together: re.Match[str]) -> str:
    first, last, count, english = together.groups()
    return f"m{first}-{last}" if first else f"m1-{_NUMERALS.get(count or english, count or english)}"


def years(text: str) -> list[str]:
    """The years `text` names ("2022"), in order; not amounts that look like one (2000万元)."""
    return _YEAR.findall(text)


def dated_otherwise(question: str, text: str, date: str | None, said: str = "") -> bool:
    """Whether `text`, naming no year, is of none `question` asks about, by its article's `date`.

    News tells what is recent: a passage of an article of 2025-11-05 naming no year reports 2025, so
    "What was Galaxy's EBITDA in 2019?" is not answered by its third quarter; nor "What was Ecovacs' net
    profit in 2024?" by the six months to June 30 an article of 2025-08-28 reports. The year before too,
    early in a year (a year's results come out by April) or where what is `said` of it (the quote; else the
    passage) compares with it ("a year earlier", 去年同期). False without a year asked, with a year named,
    or without a date.
    """
    asked = years(question)
    if not asked or years(text) or not date or not (published := _YEAR.match(date)):
        return False
    year = int(published.group())
    month = date[5:7]
    before = _YEAR_BEFORE.search(said or text) or not month.isdigit() or int(month) <= RESULTS_OUT_BY
    return not any(year - (1 if before else 0) <= int(y) <= year for y in asked)


# The last month of a year in which the year before's results still come out.
RESULTS_OUT_BY = 4
# What a passage compares with the year before by, where it may give that year's figure; not 同比 ("year
# on year"), which says only by how much it changed (同比下降42.7%).
_YEAR_BEFORE = re.compile(
    r"\b(?:a|one) year (?:earlier|ago|before)\b|\blast year\b|\bprevious year\b|\bprior year\b|"
    r"(?:去年|上年|上一年)(?:同期)?+",
    re.I,
)


def other_period(question: str, texts: Iterable[str]) -> bool:
    """Whether `question` asks about a period `texts` never name, naming others of its kind.

    Not for a whole year (see `only_others`): a passage may give a year's figure without saying it is
    the whole year's, beside a quarter's.
    """
    asked = periods(question) - {WHOLE_YEAR}
    said = set().union(*map(periods, texts))
    # A part of a year is not answered by passages naming years and no part of one (a day's month is
    # none): 海天味业上半年净利润是多少？ by a prospectus's "2024年…净利润63.4亿元".
    years_only = any(p[0] == "y" for p in said) and not any(map(_part, said))
    return bool(asked) and (only_others(asked, said) or any(map(_part, asked)) and years_only)


def of_period(question: str, hits: Sequence[Hit], judged: Sequence[Hit]) -> list[Hit]:
    """The `hits` whose passage (title and text) does not speak only of periods other than those asked.

    All of them unless one of the `judged` hits names a period `question` asks about: "阿里云第三季度收入
    是多少？" is answered from the quarter ended September 30, not from a passage on the quarter ended
    June 30 before it.
    """
    asked = periods(question)
    if not asked or not any(asked & _named(hit) for hit in judged):
        return list(hits)
    return [hit for hit in hits if not only_others(asked, _named(hit))]


def _named(hit: Hit) -> set[str]:
    return periods(f"{hit.chunk.title}\n{hit.chunk.text}")


def only_others(asked: set[str], said: set[str]) -> bool:
    """Whether the periods `said` include some of a kind `asked` has, and none `asked`.

    Quarters, half-years and months together are parts of a year (see `_kinds`): the second quarter's
    revenue is no answer to the first half's, nor that of the first three quarters (前三季度) to the
    third's; months that are a quarter or a half are it (1-6月: 上半年). A whole year is answered by no
    part of it (months together too) where the whole is not said: 古茗2024年全年营收是多少？ is not
    answered by 2024年前九个月's 64.4亿元. Nor a part by the whole: 新东方一季度营收是多少？ by "expects
    full-year revenue to grow 5% to 10%".
    """
    if _month_outside(asked, said):
        return True
    asked, said = set(map(_as_quarters, asked)), set(map(_as_quarters, said))
    for kind in {kind for p in asked for kind in _kinds(p)}:
        named = {p for p in said if kind in _kinds(p)}
        if named and not named & asked:
            return True
    return _whole(asked) and _parts(said) or _whole(said) and _parts(asked)


def _month_outside(asked: set[str], said: set[str]) -> bool:
    """Whether a month `asked` is never said, and every part of a year `said` lies outside it.

    小米8月交付了多少辆车？ is not answered by the first quarter's deliveries; the third quarter's may
    hold it.
    """
    named = {p for p in asked if p[0] == "m" and p[1:].isdigit()}
    parts = [_months_of(p) for p in said if _part(p)]
    months = {int(p[1:]) for p in named}
    return bool(months and parts) and not months & set().union(*parts) and not named & said


def _months_of(part: str) -> set[int]:
    """The months of a quarter, a half-year or months together (q3: 7, 8, 9); any, of a fiscal one."""
    if part[0] == "q" and part[1:].isdigit():
        first, last = 3 * int(part[1:]) - 2, 3 * int(part[1:])
    elif part[0] == "h" and part[1:].isdigit():
        first, last = 6 * int(part[1:]) - 5, 6 * int(part[1:])
    elif part[0] == "m" and (bounds := part[1:].split("-"))[-1].isdigit() and bounds[0].isdigit():
        first, last = int(bounds[0]), int(bounds[-1])
    else:
        return set(range(1, 13))
    return set(range(first, last + 1))


def _whole(periods: set[str]) -> bool:
    """Whether `periods` say a whole year and no part of one."""
    return WHOLE_YEAR in periods and not any(map(_part, periods))


def _parts(periods: set[str]) -> bool:
    """Whether `periods` say a part of a year and no whole one."""
    return WHOLE_YEAR not in periods and any(map(_part, periods))


# Months together that are a quarter or a half-year: 7-9月 is the third quarter, 1-6月 the first half.
_QUARTERS_OF_MONTHS = {"m1-3": "q1", "m4-6": "q2", "m7-9": "q3", "m10-12": "q4", "m1-6": "h1", "m7-12": "h2"}


def _as_quarters(period: str) -> str:
    """`period`, months together as the quarter or half they are (m7-9: q3)."""
    return _QUARTERS_OF_MONTHS.get(period, period)


def _part(period: str) -> bool:
    """Whether `period` is a part of a year: a quarter, a half, or months together (not one month)."""
    return period[0] in "qh" or period[0] == "m" and "-" in period


def _kinds(period: str) -> set[str]:
    """What kinds of period `period` is: a year's, a month's, a part of a year's ("q" for q3 and h1).

    Months together are months and a part of a year: 1至10月 is no answer for October, nor 前三季度 for
    the third quarter.
    """
    kind = "q" if period[0] == "h" else period[0]
    return {kind, "q"} if _part(period) else {kind}


# A quarter a sentence speaks of without naming it ("Xiaomi delivered 108,796 cars in the quarter", 当季):
# the one its article is about. Not one named by the month it ended in ("the quarter ended June 30").
_UNNAMED_QUARTER = re.compile(
    r"\b(?:the|this|that) quarter\b(?!\s*+(?:ended|ending|to|through)\b)|当季|本季度|该季度", re.I
)
_QUARTER_WORDS = {"1": ("first", "一"), "2": ("second", "二"), "3": ("third", "三"), "4": ("fourth", "四")}


def quarter_named(text: str, title: str) -> str:
    """`text` with the quarter it speaks of unnamed named as its article's headline (`title`) names it.

    For scoring a sentence: 小米第三季度交付了多少辆车？ is answered by "delivered 108,796 cars in the
    quarter" under a headline on 小米集团第三季度. `text` as it is where it names a quarter itself, or the
    headline names no one quarter.
    """
    if not _UNNAMED_QUARTER.search(text) or any(p[0] == "q" for p in periods(text)):
        return text
    quarters = {p for p in periods(title) if p[0] == "q" and len(p) == 2}
    if len(quarters) != 1:
        return text
    english, chinese = _QUARTER_WORDS[next(iter(quarters))[1]]
    return _UNNAMED_QUARTER.sub(
        lambda m: f"the {english} quarter" if m.group()[0].isascii() else f"第{chinese}季度", text
    )
