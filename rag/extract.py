"""The extractive answerer (the offline default): choose the few sentences that answer the question.

Sentences of the top passages are scored by how much of the question they contain (terms weighted by
rarity, plus character bigrams for Chinese paraphrase), by cues matching the question's intent
(causes for why-questions, numbers for how-much, dates for when, names for who/which, places for
where, plans and prospects for what-next) and by their passage's rank. Quotes are exact substrings of
the passages; a sentence longer than the budget is cut to its best-matching run of clauses.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable
from typing import NamedTuple

from rag.bilingual import matched_share, occurrences, sense_shares, weighted_terms, word_end
from rag.guard import asks_about, instruction_spans
from rag.text import (
    CJK_RANGE,
    bigrams,
    fold,
    fold_mapped,
    is_cjk,
    language,
    normalize,
    quotable_spans,
    terms,
    unbroken,
)
from rag.types import Chunk, Hit, Quote

# An English month's name, whole or shortened (not the "mar" of "market").
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
# A name that answers a who question: two capitalised words or more inside a sentence, with the
# company's suffix ("Chengdu Pinong Technology Co., Ltd.").
_CAPITALISED = r"[A-Z][a-z]++(?:-[A-Z][a-z]++)*+"
_NAME_PATTERN = (
    rf"(?<=[^\s.!?] ){_CAPITALISED}(?: (?!(?:Co|Ltd|Inc|Corp)\b){_CAPITALISED})++"
    r"(?:,? (?:Co\.(?:, Ltd\.)?+|Ltd\.|Inc\.|Corp\.|Group\b))?+"
)
# Measure words a count is said in (1262件, 3座, 7处, 2股), and units of length, weight and area
# (15厘米, 8公斤, 0.304平方公里).
_MEASURES = (
    "件|个|家|人|台|辆|套|张|次|名|位|笔|户|款|"
    "座|处|类|股|项|届|所|条|种|门|本|部|只|头|艘|架|间|层|场|首|篇|枚|颗|棵|岁"
)
_LENGTH = r"厘米|公分|毫米|公尺|英尺|英里|公里|千米|米|(?:cm|mm|km|met(?:er|re)s?|feet|foot|miles?)\b"
_WEIGHT = r"公斤|千克|克|吨|斤|磅|(?:kg|tons?|tonnes?|grams?)\b"
_AREA = (
    r"平方公里|平方千米|平方米|平方公尺|平方英里|平方英尺|公顷|亩|(?:km|mi|ft|m)²|"
    r"(?:square (?:kilomet(?:er|re)s?|met(?:er|re)s?|miles?|feet)|sq\.? ?(?:km|mi|ft)|hectares?|acres?)\b"
)
_UNITS = f"{_AREA}|{_LENGTH}|{_WEIGHT}"
# For each intent: what in a question asks for it, and cues of an answer (strong, then weak).
INTENTS: dict[str, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {
    "why": (
        re.compile(
            r"为什么|为何|为啥|因何|缘何|何以|原因|缘由|起因|理由|怎么会|\bwhy\b|\breasons?\b|\bhow come\b|"
            r"\bwhat (?:made|caused|led to)\b",
            re.I,
        ),
        re.compile(
            r"因为|由于|原因|理由|导致|为了|旨在|\bbecause\b|\bdue to\b|\breasons?\b|\bas a result\b|"
            r"\bin order to\b|\baim(?:s|ing)? to\b",
            re.I,
        ),
        re.compile(r"表示|称|认为|因此|所以|\bsaid\b|\bsays\b|\bindicat", re.I),
    ),
    "when": (
        re.compile(r"什么时候|何时|哪年|哪一年|几月|哪天|\bwhen\b|\bwhat (?:year|date|time)\b", re.I),
        re.compile(
            # A decade (1980年代), a year of any length after 公元 (公元前25年, 公元700年), a century and its
            # part (二十世纪初期, 19世纪末, "the 19th century"), a decade in English (the 1980s).
            r"\d{3,4}\s*+年代|公元前?+\s*+\d{1,4}\s*+年|"
            # A date in Chinese numerals (一九六一年九月十日, 二〇二五年, 九月十日).
            r"[〇零一二三四五六七八九]{4}年(?:[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?+)?+|"
            r"[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|"
            r"\d{4}\s*+年(?:\s*+\d{1,2}\s*+月(?:\s*+\d{1,2}\s*+日)?)?|\d{1,2}\s*+月\s*+\d{1,2}\s*+日|\d{4}-\d{2}(?:-\d{2})?|"
            r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*+世纪(?:初期|中期|末期|中叶|初|中|末|\d{1,2}\s*+年代)?+|"
            r"\b\d{1,2}(?:st|nd|rd|th) century\b|\b1\d{2}0s\b|\b20\d0s\b|"
            # November 13, November 13th, 2025, November 2025, 13 November 2025: the whole date.
            rf"\b{_MONTH} (?:\d{{1,2}}(?:st|nd|rd|th)?+(?:,? \d{{4}})?+|\d{{4}})(?!\d)|"
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?+ {_MONTH}(?: \d{{4}})?+(?!\d)|"
            r"\b(?:in|since|by|from|until|between) (?:1[0-9]|20)\d{2}\b",
            re.I,
        ),
        re.compile(r"\d{1,2}\s*月|季度|\bq[1-4]\b|\b(?:19|20)\d{2}\b", re.I),
    ),
    "number": (
        re.compile(
            r"多少|几|多大|多高|多长|多久|多重|多深|多远|多宽|比例|金额|"
            r"\bhow (?:much|many|big|large|fast|long|far|old|tall|high|deep|wide|heavy)\b|"
            r"\bwhat percentage\b|"
            # "What was the annual fee …?": a what-question about a quantity.
            r"\bwhat (?:is|was|are|were)\b[^?]{0,40}?\b(?:fees?|prices?|costs?|revenues?|profits?|margins?|"
            r"rates?|gmv|sales|income|valuation|amount|number|total|share|percentage|growth)\b",
            re.I,
        ),
        re.compile(
            # A scale keeps the currency after it (400 billion RMB, 3亿元).
            r"(?<!\d)(?<!\d[,.])\d[\d,.]*+\s*+(?:(?:亿|万|trillion|billion|million)(?:\s*+(?:元|美元|港元|"
            r"(?:yuan|rmb|usd|hkd|dollars?)\b))?+|[%％]|元|美元|个月|"
            f"{_MEASURES}|{_UNITS}|分钟|小时|天|"
            r"周|个?星期|倍|yuan|rmb|usd|hours?|minutes?|days?|weeks?|months?)|"
            # A span of years (3年, 15 years), not a year (2025年).
            r"(?<![\d,.])\d{1,2}\s*+(?:年|years?\b)|"
            # A count or span in Chinese numerals with its measure word (两个, 三所, 十二名, 二十年); not
            # 一个, which is "a".
            r"(?:[二两三四五六七八九十百千]|一[十百千万])[一二两三四五六七八九十百千万]*+"
            r"(?:个|家|所|名|位|种|座|条|项|次|件|届|岁|倍|成|年|天|个月)",
            re.I,
        ),
        re.compile(r"\d"),
    ),
    "who": (
        re.compile(r"谁|哪家|哪个|哪位|哪些|什么公司|\bwho\b|\bwhich\b", re.I),
        # A name, whole (case-sensitive: not any two English words), so that one the question states in
        # the other language is told apart (`_Scorer._strong`).
        re.compile(rf"有限公司|集团|创始人|首席|CEO|Co\.|Ltd|Inc\b|(?-i:{_NAME_PATTERN})", re.I),
        re.compile(r"公司|平台|\bcompany\b|\bplatform\b", re.I),
    ),
    "where": (
        re.compile(
            r"哪里|哪儿|何处|何地|什么地方|在哪(?![部本首一年个位家种次])|哪[个些一]?(?:城市|国家?|地区|省份?|州|县|地方)|"
            r"位于|分布|\bwhere\b|"
            r"\bwhich (?:cit(?:y|ies)|countr(?:y|ies)|regions?|provinces?|states?|places?)\b",
            re.I,
        ),
        # A place: a word ending like a place name, a list of three or more short names, "in Chengdu".
        re.compile(
            rf"[{CJK_RANGE}](?:省|市|县|区|州|国|镇|岛|洲|湾)|[{CJK_RANGE}]{{2,4}}+(?:、[{CJK_RANGE}]{{2,4}}+){{2,}}+|"
            r"\b(?:in|at|across|near) (?-i:[A-Z][a-z])",
            re.I,
        ),
        re.compile(r"位于|地区|城市|境内|当地|\bcit(?:y|ies)\b|\bregions?\b|\bcountry\b|\blocated\b", re.I),
    ),
    "next": (
        re.compile(r"接下来|下一步|未来|今后|计划|打算|\bnext\b|\bplans?\b|\bfuture\b|\bgoing to\b", re.I),
        re.compile(
            r"计划|拟|有望|预计|未来|下一步|打算|\bplan|\bexpect|\bpotential|\bfuture\b|\bintend|\bspeculat|"
            r"\baims? to\b|\bnext\b",
            re.I,
        ),
        re.compile(r"将|可能|或|\bwill\b|\bcould\b|\bmay\b|\bmight\b", re.I),
    ),
    # What stands against a thing: its weaknesses, risks, challenges, what people complain of
    # ("快手自营模式的缺点": it "lacks a nationwide warehousing network"; 用户对小红卡有什么不满: its
    # functions are lacking, 功能欠缺).
    "risk": (
        re.compile(
            r"缺点|缺陷|不足之处|劣势|短板|弱点|弊端|隐患|风险|挑战|难点|困难|不满|抱怨|吐槽|投诉|"
            r"\b(?:weakness(?:es)?|drawbacks?|disadvantages?|downsides?|risks?|challenges?|shortcomings?|"
            r"limitations?|pitfalls?|weak points?|problems? (?:with|of|for|facing)|complain(?:ed|ts?)?|"
            r"dissatisf\w*+|unhappy|criticiz\w*+|criticis\w*+)\b",
            re.I,
        ),
        re.compile(
            r"缺乏|缺少|欠缺|缺点|不足|风险|挑战|困难|难以|短板|劣势|隐患|弊端|受限|较差|失望|敷衍|未兑现|没人管|"
            r"\black(?:s|ed|ing)?\b|\brisks?\b|\bchalleng|\bdifficult|\bproblem|\bweak|\bshortcoming|\blimit|"
            r"\bdrawback|\bconcern|\bstruggl|\bfail|\bhinder|\bobstacle|\bdisappoint|\bpoor\b|\bunfulfill",
            re.I,
        ),
        re.compile(r"但|然而|却|可能影响|\bbut\b|\bhowever\b|\bmay affect\b|\bcould affect\b", re.I),
    ),
    # What a thing is, asked of the thing alone (小红卡是什么, "What is Douyin?"; not 小红卡的定位是什么 or
    # "What is Kuaishou's margin?", which ask for one of its attributes).
    "what": (
        re.compile(
            r"^\s*+(?:什么是[^的？?]{1,20}|[^的？?\s]{1,20}是(?:什么|啥)(?:东西)?)[？?]?\s*+$|"
            r"^\s*+what(?: is|'s| are| was| were) (?!the\b)(?:an? )?[^?'’]{1,40}(?<! of)\??\s*+$",
            re.I,
        ),
        re.compile(
            r"定位|是一[个款种家项张类]|是指|指的是|又称|简称|"
            r"\b(?:is|are|was) (?:an?|the) [^,.]{0,40}?\b(?:for|that|which|of)\b|\brefers? to\b|\bknown as\b|"
            r"\bpositioned as\b|\bserves? as\b",
            re.I,
        ),
        re.compile(r"作为|\bas an?\b", re.I),
    ),
}
_FIGURE = INTENTS["number"][1]
_PERCENT = re.compile("[%％]")
# A count without a unit ("over 220,000 sales"): the answer to a how-many question only when no figure
# with a unit is there. Thousands separators or three digits or more, not a year (2025, 1830年).
_COUNT = re.compile(
    r"(?<![\d.,])(?:\d{1,3}+(?:,\d{3})++|(?!(?:19|20)\d\d(?!\d))\d{3,}+)(?![.,]?\d|\s*+[%％年])"
)
# The places that answer a where question in a few characters: a list of names after a word saying
# where (分布于广东、广西…, 在上海、杭州、广州; not the list of sights or services a passage gives), or
# capitalised names after "in" or "at" ("in Shanghai, Hangzhou and Guangzhou").
_PLACE_NAME = f"(?:(?!及|和|等|与)[{CJK_RANGE}]){{2,6}}+"
_PLACES = re.compile(
    rf"(?:分布[于在]|产于|[源生]于|位于|遍布|包括|在)({_PLACE_NAME}(?:、{_PLACE_NAME})++)|"
    r"(?:(?<=\bin )|(?<=\bat ))[A-Z][a-z]++(?:(?:, and |, | and )[A-Z][a-z]++)*+"
)
_NAME = re.compile(_NAME_PATTERN)
# Intents whose strong cue is the answer itself (a name, a place, a figure, a date), not a word that
# introduces one (因为, "plans to").
ANSWER_TYPES = frozenset({"who", "where", "number", "when"})
# A how-much question asking for a rate: its answer is a percentage, not an amount; and one asking for
# a change: a percentage, or the amount it changed by when none is given (上调1元 for 涨价多少).
_RATE = re.compile(
    r"率|比例|百分|增速|同比|环比|\brates?\b|\bratio\b|\bpercent|\bmargins?\b|\bshare\b|\bhow fast\b", re.I
)
_CHANGE = re.compile(
    r"增长|涨|跌|下降|提高|提升|上调|下调|\bgr[eo]w|\bincreas|\bdecreas|\bris[ei]|\brose\b|"
    r"\bf(?:all|alls|allen|alling|ell)\b|\bdrop",
    re.I,
)
# A how-long question, and the unit that answers it: a span of time (3个月, 15 years), not an amount.
_HOW_LONG = re.compile(
    r"多久|多长时间|(?:多少|几)个?(?:天|周|星期|月|年|小时|分钟)|"
    r"\bhow long\b|\bhow many (?:days|weeks|months|years|hours)\b",
    re.I,
)
# A how-many question counts things: money and time are no count ("How many stores": 4万, not the 1元 rise;
# 有多少商家: not 600元). 多少钱, 多少元, 多少亿 ask for sums.
_HOW_MANY = re.compile(
    rf"\bhow many\b|多少(?=[\u4e00-\u9fff])(?![钱元亿万块倍])|(?<![第哪])几(?:{_MEASURES})", re.I
)
# What a how-many question counts (几个城市: 城市, "how many cities": cities), and a number that may count
# it: digits, Chinese numerals (not 一, which is "a"), English number words (not "one"). 第几 asks which
# one (第二位), 哪几 which ones.
_COUNTED = re.compile(
    r"\bhow many (?:(?:more|of|the|different|separate|total)\s++)*+([a-z]++)|"
    rf"(?:多少|(?<![第哪])几)(?:{_MEASURES})?+",
    re.I,
)
_NUMERAL = re.compile(
    r"(?<![\d.,])\d[\d,.]*+(?<![.,])|(?:[二两三四五六七八九十百千]|一[十百千万])[一二两三四五六七八九十百千万]*+|"
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundreds|thousands|dozens)\b",
    re.I,
)
_UNIT = re.compile(_UNITS, re.I)
_MEASURE_AFTER = re.compile(rf"\s*+(?:{_MEASURES})?+\s*+(?:of\s++)?+")
_MONEY = re.compile(r"元|\$|¥|\b(?:yuan|rmb|usd|hkd|dollars?)\b", re.I)
# A currency after a number, past its scale ("400 billion RMB", "3亿元").
_CURRENCY_AFTER = re.compile(
    r"\s*+(?:(?:亿|万|千|百|trillion|billion|million|thousand)\s*+)?+(?:元|美元|港元|块|(?:yuan|rmb|usd|hkd|dollars?)\b)",
    re.I,
)
# What 多少 asks for in money, not a count (多少手续费, 多少收入).
_MONEY_THING = re.compile(r"[费价钱款金资税薪额租]$|收入|利润|营收|成本|市值|估值|销售|支出|开支|gmv", re.I)
# A question asking for a sum of money by name (多少钱, a fee, a price, what was paid): answered by a
# figure in a currency, never by a span of time or a count beside it.
_ASKS_MONEY = re.compile(
    r"多少钱|多少[元块]|几块钱|价格|价钱|售价|费用|收费|[花付]了?多少|"
    r"\bhow much money\b|\bcosts?\b|\bprices?\b|\bfees?\b|\bpa(?:y|id|ying)\b|\bsp[ae]nd|\bspent\b|"
    r"\bcharged?\b",
    re.I,
)
# The measure word a how-many question counts by (多少件包裹: 件); the ones people are counted in.
_PEOPLE = "人名位"
_MEASURE = re.compile(f"(?:多少|几)({_MEASURES})")
# What a how-much question measures, and the units its answer is in: a length is no answer to how
# heavy (体重: 8公斤, not 三个亚种), an area none to how long.
_DIMENSIONS = tuple(
    (re.compile(asks, re.I), re.compile(f"(?:{units})$", re.I))
    for asks, units in (
        (
            r"体长|身长|长度|全长|多长(?!时间)|高度|身高|多高|海拔|深度|多深|距离|多远|宽度|多宽|直径|"
            r"\bhow (?:tall|high|deep|far|wide)\b|\b(?:length|height|depth|distance|width)\b",
            _LENGTH,
        ),
        (r"体重|重量|多重|\bweigh|\bheavy\b", _WEIGHT),
        (r"面积|占地|\barea\b", _AREA),
        (r"人口|人数|多少人|\bpopulation\b|\bhow many people\b", "人"),
    )
)
_DURATION = re.compile(r"[天周月年]|星期|小时|分钟|\b(?:days?|weeks?|months?|years?|hours?|minutes?)\b", re.I)
# Characters over which a question word's pull on a figure falls by a factor of e (see `answer_span`).
ANCHOR_REACH = 30
CLAUSE_CHARS = 20
_BOUNDARY = re.compile(r"[,，;；。!?！？]|\.\s")
INTENT_WEIGHT = 0.4
PARAPHRASE_WEIGHT = 0.5
RANK_WEIGHT = 0.3
ADJACENT_WEIGHT = 0.3
# Quotes come from the best four passages; the refusal gate judges five (`rag.refusal.JUDGED_PASSAGES`):
# a fifth passage can show the question is covered without being worth quoting.
QUOTED_PASSAGES = 4
MAX_SENTENCES = 5
# A sentence cut to fit what is left of the budget must keep this many characters ("Kuaishou's" is no quote).
MIN_CUT_CHARS = 20
MAX_QUOTES = 3
# English says in 250 characters what Chinese says in 200: the budget stretches for English passages.
LATIN_BUDGET = 1.25
# A sentence from a second article must score this share of the best sentence's score to be quoted.
OTHER_ARTICLE_SHARE = 0.6
# A further sentence of a quoted article, running on from a chosen one or not: the share of the best
# sentence's score it must reach (a run-on also ranks higher by `ADJACENT_WEIGHT`). CMRC at 0.6 / 0.65 /
# 0.7: answer hit 0.864 / 0.859 / 0.853, quoted characters 126 / 117 / 106 (with run-ons free, as
# before: 0.873 at 142); see benchmarks/quality.py for XQuAD and the bundled archive.
SUPPORT_SHARE = 0.65


class Figure(NamedTuple):
    """A short answer in a quote, `text[start:end]`, and how strongly the question's words point at it."""

    start: int
    end: int
    pull: float


def answer_span(question: str, text: str, idf: Callable[[str], float]) -> Figure | None:
    """The shortest span of `text` that answers a how-much, when, where or who question.

    A figure with its unit, a date, a list of places (`_PLACES`), a name the question does not
    already say (`_NAME`), or the kind of thing a what-kind question asks for (`_kinds`). A question
    about a rate or a change (净利润率, "how fast did it grow") is answered by a percentage, any other
    how-much question by an amount (or, when none has a unit, a count: "over 220,000 sales"), a
    how-long question by a span of time; a figure of the wrong kind is no answer (see `_figures`).
    Of several, the span the question's words stand closest to, each word weighted by its rarity
    ("margin of 14.0%" for the net profit margin, not the revenue in the same sentence); None when no
    word of the question occurs.
    """
    intents = question_intents(question)
    spans = [m.span() for m in INTENTS["when"][1].finditer(text)] if "when" in intents else []
    dates = {start for start, _ in spans}
    if "number" in intents:
        spans += _figures(_wanted(question), text)
    if "where" in intents:
        spans += [_place_list(m) for m in _PLACES.finditer(text)]
    # Capitalised words are a name in English; in a Chinese text they are mostly a work's or a firm's
    # foreign title ("Say Never Again" beside 占士·邦's creator).
    if "who" in intents and language(text) == "en":
        spans += [m.span() for m in _NAME.finditer(text) if not _states(fold(question), m.group())]
    if not ANSWER_TYPES.intersection(intents):
        kinds = (_kinds(thing, text) for thing in _asked_kinds(question))
        found = next((k for k in kinds if k), [])
        spans += [span for span in found if _adds(fold(question), text[slice(*span)])]
    if not spans:
        return None
    # The value a change started from ("up from 2.9 billion", 由29亿元增至) answers only if nothing else
    # does, and first when the question asks for the earlier value (去年同期); a range from one value
    # to another (从1978年至1980年) is no change.
    single, merged = set(spans), _ranges(text, spans)
    earlier = bool(_ASKS_EARLIER.search(question))
    spans = [s for s in merged if (s in single and bool(_FROM.search(text, 0, s[0]))) == earlier] or merged
    spans = [(start, _whole_end(text, end)) for start, end in spans]
    folded = fold(text)
    places = {t: occurrences(t, folded) for t in _Scorer(question, idf).weights}

    def pull(start: int, end: int) -> float:
        # A question word inside the span does not point at it: "Kuaishou Official Store" restates
        # the question's 快手, it does not answer who runs it.
        outside = {t: [at for at in found if not start <= at < end] for t, found in places.items()}
        return sum(
            idf(t)
            * max(math.exp(-_distance(folded, start, end, at, start in dates) / ANCHOR_REACH) for at in found)
            for t, found in outside.items()
            if found
        )

    strongest, (start, end) = max(
        ((pull(*span), span) for span in spans), key=lambda x: (x[0], x[1][0] - x[1][1])
    )
    return Figure(start, end, strongest) if strongest > 0 else None


# A question asking what kind of thing (什么牌照, 卖什么商品, "what products"): the thing, in Chinese or
# English; not a what-question's verb ("What did …").
_ASKED_KIND = re.compile(
    r"(?:什么|哪些|哪种|哪类|哪一类|哪款|哪几种)(?=[\u4e00-\u9fff])|"
    r"\b(?:what|which)\s++(?:(?:kinds?|types?|sorts?)\s++of\s++)?+(?-i:[A-Z][A-Za-z]*+\s++)*+"
    r"(?!(?:is|was|are|were|did|does|do|has|have|had|can|could|will|would|should|may|might|happened|about)\b)"
    r"(?-i:([a-z]++))(?:\s++(?-i:([a-z]++)))?+",
    re.I,
)
# What names the kind in an English text: the words after "such as" (licenses, such as for Internet
# micro-lending), else the words before the thing (dozens of gold jewelry products), no function word
# or inflected verb among them.
_SUCH_AS = re.compile(
    r",?+\s*+(?:such as|including|like|namely)\s++(?:for\s++)?+([^,.;:()]{3,60}?)"
    r"(?=\s*+(?:[,.;:()]|\bwhich\b|\bthat\b|\band\b|$))",
    re.I,
)
_WORD_BEFORE = re.compile(r"([a-z][a-z-]*+)\s++$")
_FUNCTION = frozenset(
    "a an the of to for in on at by with from and or but as so than its their his her our this that these "
    "those has have had is are was were be been it they there not no only all any both each such also "
    "while whereas which who whose where when includes include called named known became become more most "
    "other some many several new".split()
)
# Words that rate a thing rather than say its kind ("the landmark court case", "his best-known works").
_RATING = frozenset(
    "first last main major key leading top prominent famous notable noted well-known best-known important "
    "significant traditional typical various additional further certain particular large small big great "
    "landmark recent former current".split()
)
KIND_WORDS = 3
_NOT_KINDS = frozenset("名字 名称 意思 意义 含义 东西 事情 name names meaning thing things".split())


def _asked_kinds(question: str) -> list[str]:
    """The thing a what-kind question asks the kind of (牌照 in 什么牌照, "products" in "what products").

    In English, its first word after "what" not capitalised ("What German poet": poet), and that word
    with the next, to try first ("What court case": court case). Not a name or a meaning asked for
    (什么名字, 什么意思): no kind of thing answers those.
    """
    if not (asks := _ASKED_KIND.search(question)):
        return []
    if asks.group(1):
        first, second = asks.group(1), asks.group(2)
        things = [f"{first} {second}", first] if second and second not in _FUNCTION else [first]
    else:
        after = terms(question[asks.end() :], search_mode=False)
        things = after[:1] if after and is_cjk(after[0][0]) else []
    return [t for t in things if t.split()[0] not in _FUNCTION and t not in _NOT_KINDS]


def _kinds(thing: str, text: str) -> list[tuple[int, int]]:
    """The spans of an English `text` that name a kind of `thing` (see `_SUCH_AS`).

    A name right after the thing is the one asked for ("the German poet Theodor Fontane").
    """
    folded, offsets = fold_mapped(text)
    found = []
    for at in occurrences(thing, folded):
        end = word_end(thing, folded, at)
        if end is None or not folded[at].isascii():
            continue
        if (named := _NAME.match(text, offsets[end - 1] + 2)) and text[offsets[end - 1] + 1] == " ":
            found.append(named.span())
            continue
        if such := _SUCH_AS.match(folded, end):
            found.append((offsets[such.start(1)], offsets[such.end(1) - 1] + 1))
            continue
        start = at
        for _ in range(KIND_WORDS):
            word = _WORD_BEFORE.search(folded, 0, start)
            if not word or word.group(1) in _FUNCTION | _RATING or word.group(1).endswith(("ed", "ing")):
                break
            start = word.start(1)
        if start < at:
            found.append((offsets[start], offsets[end - 1] + 1))
    return found


class _Wanted(NamedTuple):
    """What figure a how-much question wants.

    Its `kind`: a `rate` (a percentage), a `change` (a percentage, else an amount), a `duration` (a
    span of time, for how long), `money` (a sum in a currency, for a price, a fee, what was paid), a
    `count` (an amount that is not money, for how many) or an `amount`; the `units` it is in, when
    the question says (件 in 多少件包裹, a weight's units in 体重是多少); and whether only a figure in
    them answers it (not for 多少个, which counts in any measure word).
    """

    kind: str
    units: re.Pattern[str] | None
    only: bool
    counted: str | None = None


def _wanted(question: str) -> _Wanted:
    if _RATE.search(question):
        kind = "rate"
    elif _CHANGE.search(question):
        kind = "change"
    elif _HOW_LONG.search(question):
        kind = "duration"
    elif _HOW_MANY.search(question):
        kind = "count"
    else:
        kind = "money" if _ASKS_MONEY.search(question) else "amount"
    counted = _counted_thing(question) if kind == "count" else None
    if counted and _MONEY_THING.search(counted):
        kind, counted = "money", None
    if measure := _MEASURE.search(question):
        word = measure.group(1)
        # People are counted in 人, 名 or 位 alike.
        units = re.compile(f"[{_PEOPLE}]$" if word in _PEOPLE else f"{word}$")
        return _Wanted(kind, units, word != "个", counted)
    units = next((units for asks, units in _DIMENSIONS if asks.search(question)), None)
    return _Wanted(kind, units, units is not None, counted)


def _counted_thing(question: str) -> str | None:
    """What a how-many question counts: the word after "how many", or after 多少 or 几 and a measure word."""
    if not (asks := _COUNTED.search(question)):
        return None
    if asks.group(1):
        return asks.group(1).lower()
    after = terms(question[asks.end() :], search_mode=False)
    # 多少平方公里 asks for an area, in a unit: no thing counted.
    return after[0] if after and is_cjk(after[0][0]) and not _UNIT.match(after[0]) else None


def _figures(wanted: _Wanted, text: str) -> list[tuple[int, int]]:
    """The spans of `text` that are figures of the kind a question wants (see `_Wanted`).

    A how-many question counting in no measure word but 个 is answered by a number with the thing
    counted, when one is there (三城 for 几个城市, "12 cities"; see `_counted`). An amount may be a bare
    count ("over 220,000 sales") when no figure has a unit; figures in the question's units come
    first (1262件, not 3周, for 多少件包裹), and are the only answer when it asks for them (8公斤,
    and never the 三个 beside it, for how heavy) and figures with units are there.
    """
    if wanted.counted and not wanted.only and (counted := _counted(wanted.counted, text)):
        return counted
    spans = [m.span() for m in _FIGURE.finditer(text)]
    if wanted.kind == "duration":
        found = [(s, e) for s, e in spans if not _PERCENT.search(text, s, e) and _DURATION.search(text, s, e)]
    else:
        percent = wanted.kind in ("rate", "change")
        found = [(s, e) for s, e in spans if bool(_PERCENT.search(text, s, e)) == percent]
    if wanted.kind == "change" and not found:
        found = [(s, e) for s, e in spans if not _DURATION.search(text, s, e)]
    if wanted.kind == "count":
        found = _counts(text, found)
    if wanted.kind == "money":
        return [(s, e) for s, e in found if _money(text, s, e)]
    if wanted.units is not None:
        united = [(s, e) for s, e in found if wanted.units.search(text, s, e)]
        if united or wanted.only and found:
            return united
    if not found and wanted.kind in ("amount", "count"):
        found = [m.span() for m in _COUNT.finditer(text)]
        if wanted.kind == "count":
            found = _counts(text, found)
    return found


def _counted(thing: str, text: str) -> list[tuple[int, int]]:
    """The spans of `text` that count `thing`, a number and the thing, in either language.

    "three cities", 三城 for 城市 (a Chinese noun's first character after a numeral), or a number and
    the measure word it is counted in, when the thing follows them (两个 of 两个校区).
    """
    folded, offsets = fold_mapped(text)
    found = []
    for number in _NUMERAL.finditer(folded):
        at = _MEASURE_AFTER.match(folded, number.end()).end()
        end = word_end(thing, folded, at)
        if end is None and is_cjk(thing[0]) and at == number.end() and folded.startswith(thing[0], at):
            end = at + 1
        if end is not None:
            # With a measure word the number is whole without the thing (1200家, before 商家).
            measured = folded[number.end() : at].rstrip()
            end = number.end() + len(measured) if measured.strip() not in ("", "of") else end
            found.append((offsets[number.start()], offsets[end - 1] + 1))
    return found


def _counts(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that count things: no span of time (3个月), no sum of money (`_money`)."""
    return [(s, e) for s, e in spans if not _DURATION.search(text, s, e) and not _money(text, s, e)]


def _money(text: str, start: int, end: int) -> bool:
    """Whether the figure `text[start:end]` is a sum: its currency inside, just before or just after.

    "600" of "600元", "400" of "400 billion RMB".
    """
    return bool(_MONEY.search(text, max(0, start - 1), end) or _CURRENCY_AFTER.match(text, end))


def _place_list(match: re.Match[str]) -> tuple[int, int]:
    """The span of a list of places: a Chinese list's last name as long as the one before it.

    The pattern cannot tell where "在上海、杭州、广州三城" ends its names; the names of a list are mostly
    of one length.
    """
    if not match.group(1):
        return match.span()
    names = match.group(1).split("、")
    return match.start(1), match.end(1) - len(names[-1]) + min(len(names[-1]), len(names[-2]))


# What stands before a date opening its clause.
_OPENS = re.compile(r"(?:^|[,，;；。!?！？.:：])\s*+$")
# What stands before the value a change started from, and a question asking for that value.
_FROM = re.compile(r"(?:\bfrom|由|从|较)\s*+$", re.I)
_ASKS_EARLIER = re.compile(
    r"去年|上一?年|前一年|同期|此前|之前|\blast year\b|\bprevious(?:ly)?\b|\bprior\b|"
    r"\ba year (?:ago|earlier)\b|\bbefore\b|\bstart(?:ed)? (?:from|at)\b",
    re.I,
)
# What joins the two ends of a range (50米至1,520米, 276米-285米, 1978年至1980年, 100–120 meters); not
# "to", which in English news mostly ends a change ("rose from 2.9 to 3.3 billion").
_RANGE = re.compile(r"\s*+(?:至|到|~|～|-|–|—)\s*+")


def _ranges(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` in order, two joined by a range's connector made one (its lower end alone would mislead)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if merged and merged[-1][1] <= start and _RANGE.fullmatch(text, merged[-1][1], start):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _distance(text: str, start: int, end: int, at: int, date: bool = False) -> float:
    """How far a question word at `at` stands from the figure or `date` `text[start:end]`, as characters.

    A figure usually follows what it measures ("net profit margin of 14.0%", "年卡收费为168元"): a word
    after it counts double, and each clause boundary between them as `CLAUSE_CHARS` more characters.
    A date opening its clause dates what follows it ("1970年，在…取得学士学位", "In 2015, …"), not what
    came before (the degree before "，1975年在…取得硕士学位" is not 1975's), and one closing its clause
    what precedes it (成立于1939年): after a date words count plain, the boundary right after it aside.
    """
    before = at < start
    gap = text[at:start] if before else text[end:at]
    if date and not before and (boundary := _BOUNDARY.match(gap.lstrip())):
        gap = gap.lstrip()[boundary.end() :]
    far = len(gap) + CLAUSE_CHARS * len(_BOUNDARY.findall(gap))
    if not date:
        return far if before else 2 * far
    return math.inf if before and _OPENS.search(text, 0, start) else far


def question_intents(question: str) -> list[str]:
    """The kinds of answer the question asks for (`why`, `when`, `number`, …; see `INTENTS`).

    "Which cities" (哪些城市) asks where, not who: a place question is not also asked for a name.
    """
    found = [name for name, (asks, _, _) in INTENTS.items() if asks.search(question)]
    return [name for name in found if name != "who" or "where" not in found]


AskedWords = list[tuple[re.Pattern[str], frozenset[str]]]


def asked_words(question: str, words: Iterable[str]) -> AskedWords:
    """The question's `words` that ask for a statement (缺点, "weakness", 原因), with the cue giving one."""
    asks = [
        (INTENTS[name][0], INTENTS[name][1])
        for name in question_intents(question)
        if name not in ANSWER_TYPES
    ]
    found = [(cue, frozenset(w for w in words if ask.search(w))) for ask, cue in asks]
    return [(cue, words) for cue, words in found if words]


def stated_words(asked: AskedWords, text: str) -> set[str]:
    """The asked words `text` answers by its cue: "lacks a warehousing network" states a weakness."""
    return {word for cue, words in asked if cue.search(text) for word in words}


class _Scorer:
    """Scores a span of text against one question."""

    def __init__(self, question: str, idf: Callable[[str], float], context: str = "") -> None:
        self.weights = weighted_terms(question, idf)
        # Which translation of each word the passages use (`sense_shares`): "close" is 关停 there.
        folded = unbroken(context)
        self.shares = {t: found for t in self.weights if folded and (found := sense_shares(t, folded))}
        # Character pairs catch Chinese paraphrase; in an English question they would only count
        # its Chinese names a second time.
        self.bigrams = bigrams(question) if language(question) == "zh" else set()
        intents = question_intents(question)
        self.cues = [(*INTENTS[name][1:], name in ANSWER_TYPES) for name in intents]
        self.asked = asked_words(question, self.weights)
        self.wanted = _wanted(question)
        self.question = fold(question)

    def __call__(self, text: str, topic: str = "") -> float:
        return self.shared(text, topic) + INTENT_WEIGHT * self.intent(text)

    def shared(self, text: str, topic: str = "") -> float:
        """How much of the question's wording `text` holds, from 0 to 1.

        Its words (or their translations), and its Chinese character pairs. A `topic` (the article's
        title) is said with every sentence of the article: "本鱼…以小鱼为食" is about the 蓝线裸顶鲷 of
        its title as much as the sentence that names it.
        """
        given = stated_words(self.asked, text)
        text = f"{topic}\n{text}" if topic else text
        lexical = matched_share(self.weights, unbroken(text), self.shares, given) or 0.0
        paraphrase = len(self.bigrams & bigrams(text)) / len(self.bigrams) if self.bigrams else 0.0
        weight = PARAPHRASE_WEIGHT if self.bigrams else 0.0
        return (1 - weight) * lexical + weight * paraphrase

    def intent(self, text: str) -> float:
        """How far `text` has the cues of the answer the question asks for (a date for when), 0 to 1."""
        found = 0.0
        for strong, weak, answers in self.cues:
            found += 1.0 if self._strong(strong, answers, text) else 0.5 if weak.search(text) else 0.0
        return found / len(self.cues) if self.cues else 0.0

    def states(self, text: str) -> bool:
        """Whether `text` has the strong cue of an intent answered by a statement (a reason, a plan)."""
        return any(not answers and strong.search(text) for strong, _, answers in self.cues)

    def _strong(self, cue: re.Pattern[str], answers: bool, text: str) -> bool:
        """Whether `text` has the intent's strong cue.

        A name, place or figure the question itself states ("the Kuaishou Official Store" asked about)
        is no answer to it, nor is a figure of the wrong kind (an amount for how long).
        """
        if not answers:
            return cue.search(text) is not None
        spans = _figures(self.wanted, text) if cue is _FIGURE else [m.span() for m in cue.finditer(text)]
        return any(not _states(self.question, text[s:e]) for s, e in spans)


def _adds(question: str, span: str) -> bool:
    """Whether `span` has a word the question (folded) does not say, in either language."""
    return any(not matched_share({word: 1.0}, question) for word in terms(span))


def _states(question: str, span: str) -> bool:
    """Whether the question (folded) already says what `span` says, in either language.

    Half its words or more, or their translations: 快手自营旗舰店 says "Kuaishou Official Self-Operated
    Flagship Store".
    """
    words = dict.fromkeys(terms(span), 1.0)
    return bool(words) and (matched_share(words, question) or 0.0) >= 0.5


_MARKER_AT_END = re.compile(r"\[\d{1,3}\]")
# What joins two parts of one word ("e-commerce", "Kuaishou's"): a quote never ends at it.
_JOINERS = "-'’"
# Where a sentence may be cut into clauses: not at the comma or colon inside "3,323" or "10:30", nor
# after an abbreviation ("Technology Co., Ltd.").
_CLAUSE_END = re.compile(r"[，；：、]\s*+|(?<!\.)[,;:](?!\d)\s*+")


def _trim_markers(text: str, start: int, end: int) -> int:
    """End of the span without the article's own trailing reference markers ("… [2][3].").

    Read backwards from the end, so the cost is the length of the markers, whatever the text.
    """
    cut = stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop > start and text[stop - 1] in ".。":
        stop -= 1
    while stop > start:
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        opening = text.rfind("[", max(start, stop - 5), stop)
        if opening < 0 or not _MARKER_AT_END.fullmatch(text, opening, stop):
            break
        stop = cut = opening
    while start < cut < end and text[cut - 1].isspace():
        cut -= 1
    return cut if cut > start else end


def _fit(text: str, start: int, end: int, budget: int, score: _Scorer) -> tuple[int, int, bool]:
    """Cut an over-long sentence to its best run of clauses that fits `budget` characters.

    Also says whether the span ends where a clause does (False: cut inside its last clause).
    """
    if end - start <= budget:
        return start, end, True
    cuts = [start] + [m.end() for m in _CLAUSE_END.finditer(text[start:end]) if m.end() < end - start]
    cuts = sorted({start if c == start else start + c for c in cuts}) + [end]
    best, best_score = (start, start + budget), -1.0
    for i in range(len(cuts) - 1):
        j = i + 1
        while j + 1 < len(cuts) and cuts[j + 1] - cuts[i] <= budget:
            j += 1
        s, e = cuts[i], min(cuts[j], cuts[i] + budget)
        value = score(text[s:e])
        if value > best_score:
            best, best_score = (s, e), value
    s, e = best
    whole = e in cuts
    e = _word_end(text, s, e)
    while e > s and text[e - 1] in "，,；;：:、 ":
        e -= 1
    return s, e, whole


# What continues a Latin word or a number past a point inside it: letters and digits, a decimal point
# or thousands separator followed by a digit, a hyphen or apostrophe followed by a letter.
_WORD_REST = re.compile(r"[0-9A-Za-z]*+(?:[.,][0-9]++|[-'’][A-Za-z]++)*+")


def _whole_end(text: str, end: int) -> int:
    """`end`, moved on to the end of the word or number it stops inside ("November 1" of "November 13")."""
    if end == 0 or not (text[end - 1].isascii() and text[end - 1].isalnum()):
        return end
    return _WORD_REST.match(text, end).end()


def _word_end(text: str, start: int, end: int) -> int:
    """`end`, moved back so the span does not stop inside a Latin word or a number ("up from 2…").

    A hyphen or an apostrophe between letters is inside the word ("e-commerce", "Kuaishou's").
    """

    def alnum(i: int) -> bool:
        return 0 <= i < len(text) and text[i].isascii() and text[i].isalnum()

    def inside(i: int) -> bool:
        if i >= len(text) or i <= start:
            return False
        left, right = text[i - 1], text[i]
        word = alnum(i - 1) and alnum(i)
        after_joint = left in _JOINERS and alnum(i - 2) and alnum(i)
        before_joint = right in _JOINERS and alnum(i - 1) and alnum(i + 1)
        number = left in ".,%" and right.isdigit() or left.isdigit() and right in ".,%"
        return word or after_joint or before_joint or number

    cut = end
    while inside(cut):
        cut -= 1
    return cut if cut > start else end


def select_quotes(
    question: str,
    hits: list[Hit],
    idf: Callable[[str], float],
    budget: int,
    prefer: Collection[str] = (),
) -> list[Quote]:
    """Choose sentences from the top passages, best first, within `budget` characters.

    Sentences of the articles in `prefer` (a follow-up's conversation is about them) count in full,
    others at `OTHER_ARTICLE_SHARE` of their score, when one of those articles is among the passages.

    The budget stretches by `LATIN_BUDGET` when the best sentence is English (it needs more characters).
    Up to `MAX_SENTENCES` sentences; a sentence right after one already chosen gets a bonus (answers often
    run on into the next sentence), and touching sentences are quoted as one span, so an answer holds
    at most `MAX_QUOTES` quotes.
    """
    score = _Scorer(question, idf, " ".join(h.chunk.text for h in hits[:QUOTED_PASSAGES]))
    candidates, unrelated = _candidates(question, hits[:QUOTED_PASSAGES], score, prefer)
    chosen: list[Quote] = []
    used = 0
    related = [q for q in candidates if (q.hit.chunk.chunk_id, q.start) not in unrelated]
    leading = max(related, key=lambda q: q.score, default=None)
    if leading and language(leading.hit.chunk.text) == "en":
        budget = int(budget * LATIN_BUDGET)
    while candidates and len(chosen) < MAX_SENTENCES and budget - used >= 12:
        quote = max(
            candidates,
            key=lambda q: q.score + ADJACENT_WEIGHT * any(_runs_on(c, q) for c in chosen),
        )
        candidates.remove(quote)
        # A sentence sharing nothing with the question is evidence only as the run-on of a chosen one:
        # after it, not before (a heading or a lead-in is no run-on).
        runs_on = any(_runs_on(c, quote) for c in chosen)
        if (quote.hit.chunk.chunk_id, quote.start) in unrelated and not runs_on:
            continue
        if chosen and not _supports(quote, chosen, score, runs_on):
            continue
        text = quote.hit.chunk.text
        stop = _trim_markers(text, quote.start, quote.end)
        start, end, whole = _fit(text, quote.start, stop, budget - used, score)
        fitted = Quote(quote.hit, quote.rank, start, end, quote.score)
        # Blanks between touching sentences are quoted too once they are joined.
        joint = sum(g for c in chosen if (g := _gap(c, fitted)) is not None)
        # Only the best sentence may be cut inside a clause: the rest support it, and a torn-off
        # fragment ("The focus for Kuaishou's e-") supports nothing.
        # A supporting sentence cut to fit must keep half its words in common with the question at least
        # ("up from 2,880.725 billion yuan in the same period last year" is left of one on Kuaishou's GMV).
        cut = (start, end) != (quote.start, stop)
        if (
            (chosen and (not whole or cut and _kept(score, text, (quote.start, stop), (start, end)) < 0.5))
            or end - start < min(MIN_CUT_CHARS, stop - quote.start)
            or _overlaps(chosen, quote.hit, start, end)
            or used + end - start + joint > budget
        ):
            continue
        chosen.append(fitted)
        used += end - start + joint
    return _stated_first(_joined(chosen), score)[:MAX_QUOTES]


def _stated_first(quotes: list[Quote], score: _Scorer) -> list[Quote]:
    """The quotes, the best one that states a reason first when the question asks why.

    关停的理由是… leads before a quote matching more of the question's words; likewise a plan for a
    what-next question.
    """
    stating = [q for q in quotes if score.states(q.hit.chunk.text[q.start : q.end])]
    return [stating[0], *(q for q in quotes if q is not stating[0])] if stating else quotes


def _candidates(
    question: str, hits: list[Hit], score: _Scorer, prefer: Collection[str]
) -> tuple[list[Quote], set[tuple[str, int]]]:
    """Every sentence of `hits` once, scored (see `select_quotes`), and the unrelated ones.

    Unrelated sentences share nothing with the question, named by (chunk id, start). Sentences
    addressing a language model are left out unless the question is about them.
    """
    discount = any(h.chunk.doc_id in prefer for h in hits)
    candidates: list[Quote] = []
    unrelated: set[tuple[str, int]] = set()
    seen: set[str] = set()
    for rank, hit in enumerate(hits):
        text = hit.chunk.text
        subject = _subject(hit.chunk)
        hidden = {
            span for span in instruction_spans(text) if not asks_about(question, text[span[0] : span[1]])
        }
        for start, end in quotable_spans(text):
            key = normalize(text[start:end])
            if key in seen or (start, end) in hidden:
                continue
            seen.add(key)
            alone = score(text[start:end])
            relevance = score(text[start:end], subject) if subject else alone
            if discount and hit.chunk.doc_id not in prefer:
                relevance *= OTHER_ARTICLE_SHARE
            candidates.append(Quote(hit, rank, start, end, relevance + RANK_WEIGHT / (1 + rank)))
            # Unrelated: nothing in common with the question but the article's subject.
            if alone <= 0:
                unrelated.add((hit.chunk.chunk_id, start))
    return candidates, unrelated


# What a headline has and a title naming its subject does not ("蓝线裸顶鲷", "Super Bowl 50").
_HEADLINE = re.compile(r"[,，。!！?？:：;；「」『』“”\"|]")
SUBJECT_CHARS = 30


def _subject(chunk: Chunk) -> str:
    """The article's subject, when its title names one rather than making a claim (a headline).

    A dated article is news: its title is a headline, however short ("蜜雪冰城上调部分饮品价格").
    """
    title = chunk.title
    return title if not chunk.date and len(title) <= SUBJECT_CHARS and not _HEADLINE.search(title) else ""


def _kept(score: _Scorer, text: str, sentence: tuple[int, int], part: tuple[int, int]) -> float:
    """The share of a sentence's wording in common with the question that a part of it keeps."""
    whole = score.shared(text[sentence[0] : sentence[1]])
    return score.shared(text[part[0] : part[1]]) / whole if whole > 0 else 0.0


def _supports(quote: Quote, chosen: list[Quote], score: _Scorer, runs_on: bool) -> bool:
    """Whether a quote joins the answer begun by `chosen`.

    Running on from a chosen quote or from a chosen article, it must score `SUPPORT_SHARE` of the best
    quote's score; from another article, `OTHER_ARTICLE_SHARE`, and share as much of the question's
    wording, and some at least (a figure alone is no answer to it).
    """
    if runs_on or any(c.hit.chunk.doc_id == quote.hit.chunk.doc_id for c in chosen):
        return quote.score >= SUPPORT_SHARE * chosen[0].score
    first = chosen[0]
    shared = score.shared(quote.hit.chunk.text[quote.start : quote.end])
    return (
        quote.score >= OTHER_ARTICLE_SHARE * first.score
        and shared > 0
        and shared >= OTHER_ARTICLE_SHARE * score.shared(first.hit.chunk.text[first.start : first.end])
    )


def _runs_on(chosen: Quote, quote: Quote) -> bool:
    """Whether `quote` comes right after `chosen`, in the same passage."""
    return _gap(chosen, quote) is not None and chosen.start < quote.start


def _gap(a: Quote, b: Quote) -> int | None:
    """The number of blanks between two quotes of the same passage, or None unless only blanks part them."""
    if a.hit.chunk.chunk_id != b.hit.chunk.chunk_id:
        return None
    first, second = (a, b) if a.start <= b.start else (b, a)
    between = a.hit.chunk.text[first.end : second.start]
    return len(between) if first.end <= second.start and not between.strip() else None


def _joined(chosen: list[Quote]) -> list[Quote]:
    """Touching quotes become one span, in the place of the best of them.

    A quote may touch two already kept, one on either side: the three become one.
    """
    joined: list[Quote] = []
    for quote in chosen:
        touching = [i for i, kept in enumerate(joined) if _gap(kept, quote) is not None]
        if not touching:
            joined.append(quote)
            continue
        parts = [*(joined[i] for i in touching), quote]
        first = parts[0]
        joined[touching[0]] = Quote(
            first.hit, first.rank, min(p.start for p in parts), max(p.end for p in parts), first.score
        )
        for i in reversed(touching[1:]):
            del joined[i]
    return joined


def _overlaps(chosen: list[Quote], hit: Hit, start: int, end: int) -> bool:
    doc_start, doc_end = hit.chunk.start + start, hit.chunk.start + end
    return any(
        q.hit.chunk.doc_id == hit.chunk.doc_id
        and q.hit.chunk.start + q.start < doc_end
        and doc_start < q.hit.chunk.start + q.end
        for q in chosen
    )
