"""The short answer an answer opens with: the figure, date, places, name or kind the question asks for.

Found in a quote by its pattern (a figure of the kind asked, a whole date, a list of places after a
word saying where, a name, the kind an English text names) and chosen by how closely the question's
words stand to it (`answer_span`).
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import cache, lru_cache
from itertools import dropwhile, islice, takewhile
from typing import NamedTuple

from rag.bilingual import (
    akin,
    known_names,
    matched_share,
    mentions,
    named,
    occurrences,
    presence,
    synonymous,
    translations,
    weighted_terms,
    whole_occurrences,
    word_end,
)
from rag.closeness import SEARCHING, SYNONYMS
from rag.dictionary import is_name, is_surname
from rag.intents import (
    ANSWER_TYPES,
    AREA,
    CURRENCIES,
    CURRENCY_OF,
    CURRENCY_SIGNS,
    FRACTION,
    INTENTS,
    LENGTH,
    MEASURES,
    MONTH,
    MOVED_TO,
    MULTIPLES,
    NAME_PATTERN,
    OPENING_NAME_PATTERN,
    POINTS,
    SCALES,
    UNITS,
    WEIGHT,
    acted_by,
    acted_on,
    asks_share,
    question_intents,
)
from rag.lexicon import listed_company
from rag.owners import asks_owner, owners
from rag.periods import only_others, periods, years
from rag.qualifiers import (
    JOINED_REASON,
    adjusted_before,
    asks_adjusted,
    contradicted,
    market_priced,
    measure_words,
)
from rag.subject import asked_names, in_names, subject_names
from rag.text import (
    ABROAD,
    BOUNDARY,
    CJK_RANGE,
    CLAUSE_END,
    COMPANY_KINDS,
    DATELINE,
    POSSESSIVE_END,
    STOPWORDS,
    TRADES,
    aligned_simplified,
    fold,
    fold_mapped,
    is_cjk,
    language,
    model_codes,
    names_model,
    next_name_word,
    segments,
    sentence_before,
    sentence_spans,
    terms,
    word_frequency,
)
from rag.types import Declared

_FIGURE = INTENTS["number"][1]
_DATE = INTENTS["when"][1]
# A question asking which year, and a date's year (2020, 二〇二〇年).
_ASKS_YEAR = re.compile(r"哪一?年|什么年份|\b(?:what|which) year\b|\bin what year\b", re.I)
_A_YEAR = re.compile(r"(?<!\d)(?:1[0-9]|20)\d\d(?!\d)|[〇零一二三四五六七八九]{4}年")
# A percentage, however written: 14%, "14 percent", 百分之十四, 六成 (six tenths).
_POINTS = re.compile(POINTS, re.I)
_PERCENT = re.compile(rf"[%％]|\bper ?cent\b|百分之|(?<=[一二两三四五六七八九十])成|{POINTS}", re.I)
# A count without a unit ("over 220,000 sales"): the answer to a how-many question only when no figure
# with a unit is there. Thousands separators or three digits or more, not a year (2025, 1830年), nor a
# model's (the 919 of C919), nor a stock code: written with leading zeros (000625, 0700) or alone in
# brackets after a company's name (中国神华（601088）), or with its exchange's suffix (9985.HK, 600519.SH).
_COUNT = re.compile(
    r"(?<![\d.,A-Za-z])(?!0\d)(?!(?<=[（(])\d++[）)])(?!\d++\.(?i:hk|sh|sz|ss|bj)\b)"
    r"(?:\d{1,3}+(?:,\d{3})++|(?!(?:19|20)\d\d(?!\d))\d{3,}+)(?![.,]?\d|\s*+[%％年])"
)
# The places that answer a where question in a few characters: a list of names after a word saying
# where (分布于广东、广西…, 在上海、杭州、广州; not the list of sights or services a passage gives), or
# capitalised names after "in" or "at" ("in Shanghai, Hangzhou and Guangzhou").
_PLACE_NAME = f"(?:(?!及|和|等|与)[{CJK_RANGE}]){{2,6}}+"
# A place's name in English, of one word or several ("Hong Kong", "the United States"), not a month's
# ("Wang said in June") nor a language's ("known in Chinese as Manbang").
_ENGLISH_PLACE = (
    rf"(?:the )?+(?!(?i:{MONTH}))(?![A-Z][a-z]++(?<=ese|ish)\b)[A-Z][a-zà-öø-ÿ]++(?: [A-Z][a-zà-öø-ÿ]++)*+"
)
# Where shares are listed, in either language: "on Shanghai's STAR Market", "on the Nasdaq", 在港交所上市,
# 登陆科创板; the answer to where only of a question on listing (not 蜜雪集团的收入主要来自哪里).
LISTING = re.compile(r"上市|挂牌|\b(?:list|listed|listing|ipo|go public|went public|trade|traded)\b", re.I)
_EXCHANGE = re.compile(
    r"(?:(?<=\b[oO]n )|(?<=\b[iI]n ))(?:the )?+(?:[A-Z][\w'’&.-]*+ ){0,4}?"
    r"(?:Stock Exchange|Exchange|Market|Board)\b|"
    r"\b(?:Nasdaq|NYSE)\b|"
    rf"(?:(?<=在)|(?<=登陆)|(?<=登录))[{CJK_RANGE}]{{0,6}}?(?:交易所|交所|科创板|创业板|主板|纳斯达克|纽交所)"
)
# What a name is joined to by a hyphen without making a longer name ("Singapore-based", "US-listed"), and
# such a word saying where a firm is other than where it is listed.
_ATTRIBUTIVE = r"(?:based|listed|owned|backed|headquartered|born|made|funded|run)\b"
_NOT_LISTED_AFTER = re.compile(rf"-(?!listed\b){_ATTRIBUTIVE}")
_PLACES = re.compile(
    rf"(?:分布[于在]|产于|[源生]于|位于|遍布|包括|在)({_PLACE_NAME}(?:、{_PLACE_NAME})++)|"
    # Two places or more joined by 和 where the verb says they are places (主要分布在印度尼西亚和越南).
    rf"(?:分布[于在]|位于|遍布)(?P<joined>{_PLACE_NAME}(?:[和及]{_PLACE_NAME})++)|"
    rf"(?:(?<=\b[iI]n )|(?<=\b[aA]t )){_ENGLISH_PLACE}(?:(?:, and |, | and ){_ENGLISH_PLACE})*+|"
    rf"{MOVED_TO}(?P<moved>{_ENGLISH_PLACE})|"
    # Where a firm is based, said before it ("the Singapore-based company").
    rf"\b(?i:(?!the\b)){_ENGLISH_PLACE}(?=-{_ATTRIBUTIVE})"
)
_NAME = re.compile(NAME_PATTERN)
_OPENING_NAME = re.compile(OPENING_NAME_PATTERN, re.M)
# Where a thing goes, no one who does it ("pushes the service into the Middle East and Europe").
_INTO = re.compile(rf"(?<=\binto ){_ENGLISH_PLACE}(?:(?:, and |, | and ){_ENGLISH_PLACE})*+")
# A capitalised word alone inside a sentence ("a partnership with Lyft", "the Dutch investor Prosus"): a
# name when no dictionary translates it (Dutch, Wuhan and Europe it does), see `_one_word_names`.
_ONE_WORD = re.compile(r"(?<![\w'’-])[a-z]++,? ([A-Z][a-z]++)(?![\w'’-]| [A-Z])")


# A how-much question asking for a rate: its answer is a percentage, not an amount (what borrowing costs
# is one: 平均融资成本, "average financing cost", 3.74%); and one asking for a change: a percentage, or the
# amount it changed by when none is given (上调1元 for 涨价多少).
_RATE = re.compile(
    r"率|比例|百分|增速|同比|环比|融资成本|借贷成本|\brates?\b|\bratio\b|\bpercent|\bmargins?\b|"
    r"\bhow fast\b|\b(?:financing|borrowing|funding)\s++costs?\b",
    re.I,
)
# Not a change to a level asked (提高到多少, 减少到多少): the level it reached.
_CHANGE = re.compile(
    r"(?:增长|成长|涨|跌|下降|上升|提高|提升|上调|下调|降低|减少|下滑|回落|攀升|缩减|削减|缩小|收窄|扩大)(?!了?[到至])|"
    r"\bgr[eo]w|\bincreas|\bdecreas|"
    r"\bris[ei]|\brose\b|\bf(?:all|alls|allen|alling|ell)\b|\bdrop|\bdeclin|\breduc|\bshr[iau]nk|\bjump|"
    r"\bsurg|\bsoar|\bclimb|\bplung|\bslump|\bnarrow(?:s|ed|ing)?\b|\bwiden|"
    # A price compared (how much cheaper: 低约三成).
    r"便宜|贵了?多少|\b(?:cheaper|pricier|costlier|(?:more|less) expensive)\b",
    re.I,
)
# A rate that changes (增速, "how fast"): a percentage said as a change answers it.
_RATE_OF_CHANGE = re.compile(r"同比|环比|增速|增幅|涨幅|跌幅|\bhow fast\b", re.I)
# A percentage said as a change ("rise by about 40%", 同比增长204.4%), not as a level ("a margin of
# 14.0%", "accounts for 80%", 提升至四成, "rose to 14%"), read in the characters before it.
_CHANGED_BY = re.compile(
    # A rate of change named, then its figure (营收增速低于10%: how fast, not how much revenue).
    r"(?:(?:增速|增幅|涨幅|跌幅|降幅)(?:[为是]|达到?|[低高]于|不足|超过?|仅为?)?|"
    r"同比|环比|增长|增加|减少|下降|下滑|上涨|下跌|上升|提高|回落|收窄|扩大|缩减|萎缩|下挫|(?<![至到])[涨跌增降升减]|"
    # A difference from what it is compared with (运费比超商低约三成).
    r"比[^，。；,;]{1,16}?(?:低|高|便宜|贵|少|多)|"
    # Not "made up" or "took up" what a share makes up ("made up more than 60% of sales").
    r"\b(?:(?<!\bmade )(?<!\bmake )(?<!\bmakes )(?<!\btook )(?<!\btakes )up|"
    r"down|r[io]se[sn]?|rising|gr[eo]w[sn]?|growing|increased?|decreased?|f[ae]ll|falls|fallen|falling|"
    r"jump(?:ed|s)?|surged?|climbed?|dropped|gained|declined?|slumped|slipped|slid|dipped|sank|shr[au]nk|"
    r"plunged|plummeted|tumbled|soared|edged|eased|narrowed|widened|expanded|contracted)(?: by)?)"
    r"(?:\s*+(?:about|around|roughly|nearly|almost|over|more than|some|约|近|超过?|逾|了))?\s*+$",
    re.I,
)
CHANGE_CHARS = 24
# A change named after its figure ("a 10.9% year-on-year increase", "34% growth", "costs 70% less",
# 26%的增幅).
_CHANGE_AFTER = re.compile(
    r"(?<!\s)\s*+(?:(?:year-on-year|yoy|annual|quarterly|sequential)\s++)?"
    r"(?:increases?|rises?|growth|gains?|jumps?|surges?|declines?|drops?|falls?|decreases?|"
    r"cheaper|lower|higher|less|more)\b|"
    r"的(?:同比|环比)?(?:增长|增幅|涨幅|跌幅|下降|下滑|降幅)",
    re.I,
)
# A figure saying a multiple (3倍, 翻倍, "doubled"): a change, though not in percent.
_WORD_MULTIPLE = re.compile(MULTIPLES, re.I)
_MULTIPLE = re.compile(rf"[倍番]|{MULTIPLES}", re.I)
# A how-long question, and the unit that answers it: a span of time (3个月, 15 years), not an amount.
# The unit of time is not the head of a word it begins (多少月活跃用户 counts monthly active users).
_HOW_LONG = re.compile(
    r"多久|多长时间|(?:多少|几)个?(?:天|周|星期|月|年|小时|分钟)(?![活均度薪费销收营利])|"
    r"\bhow long\b|\bhow many (?:days|weeks|months|years|hours)\b",
    re.I,
)
# A sum spent asked for before what it is spent on (投资多少扩产, 投入多少研发), no count (投资多少家).
_SPENT_HOW_MUCH = re.compile(rf"(?:投资|投入|花费|斥资|出资)了?多少(?!(?:{MEASURES}))")
# A buyback, sized in shares or in money alike.
_BUYBACK = re.compile(r"回购|\bbuy(?:s|ing)?+ back\b|\bbuybacks?\b|\brepurchas", re.I)
# A how-many question counts things: money and time are no count ("How many stores": 4万, not the 1元 rise;
# 有多少商家: not 600元). 多少钱, 多少元, 多少亿 ask for sums.
_HOW_MANY = re.compile(
    rf"\bhow many\b|多少(?=[\u4e00-\u9fff])(?![钱元亿万块倍])|(?<![第哪])几(?:{MEASURES})", re.I
)
# What a how-many question counts (几个城市: 城市, "how many cities": cities), and a number that may count
# it: digits, Chinese numerals (not 一, which is "a"), English number words (not "one"). 第几 asks which
# one (第二位), 哪几 which ones. Digits after a letter are a code's (H1, SU7): "16 of its H1 humanoid
# robots" counts 16, not 1.
_COUNTED = re.compile(
    r"\bhow many (?:(?:more|of|the|different|separate|total)\s++)*+([a-z]++(?:[\s-]++[a-z]++){0,3})|"
    rf"(?:多少|(?<![第哪])几)(?:{MEASURES})?+",
    re.I,
)
# An English number word, whole: "Sixty-eight" is one number, never "eight".
NUMBER_WORD = re.compile(
    r"(?<!-)\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?+|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|hundreds|thousands|dozens)\b",
    re.I,
)
_NUMERAL = re.compile(
    r"(?<![\d.,A-Za-z])\d++(?:[.,]\d++)*+|(?:[二两三四五六七八九十百千]|一[十百千万])[一二两三四五六七八九十百千万]*+|"
    + NUMBER_WORD.pattern,
    re.I,
)
_UNIT = re.compile(UNITS, re.I)
# A unit right after a figure, past blanks (never from inside a run of them: each is read once).
_UNIT_NEXT = re.compile(rf"(?<!\s)\s*+(?:{UNITS})", re.I)
# What stands between a number and what it counts: a measure word, "of" and its owner ("16 of its robots").
_MEASURE_AFTER = re.compile(rf"\s*+((?:{MEASURES})?+)\s*+(?:of\s++(?:(?:its|their|the)\s++)?+)?+")
_MONEY = re.compile(f"{CURRENCY_SIGNS}|{CURRENCIES}", re.I)
# A currency after a number, past its scale and the country it is of ("400 billion RMB", "3亿元",
# "4 billion US dollars", "10 billion Hong Kong dollars").
_CURRENCY_AFTER = re.compile(
    rf"(?<!\s)\s*+(?:(?:{SCALES}|千|百|thousand)\s*+)?+{CURRENCY_OF}(?:块|{CURRENCIES})",
    re.I,
)
# What 多少 asks for in money, not a count (多少手续费, 多少收入).
_MONEY_THING = re.compile(
    r"[费价钱款金资税薪额租]$|收入|利润|营收|成本|市值|估值|销售|支出|开支|投入$|股息|利息|派息|分红|红利|债务|负债|贷款|"
    r"gmv",
    re.I,
)
# What an amount asked for is when it is a sum (收入, "revenue"): a figure in a currency answers it before
# a count beside it (集团当季收入为2477亿元, not the 八个 of 连续八个季度).
_SUM = re.compile(
    rf"{_MONEY_THING.pattern}|\b(?:revenues?|income|profits?|earnings|ebitda?|turnover|sales|valuation|losse?s?|dividends?)$",
    re.I,
)
# What was paid for something (多少钱, a price, what was spent), fined ("How much was Dewu fined?":
# 罚款30万元, not its 3亿 users) or raised (募资, "How much did CATL raise in its listing?", not the shares
# sold beside it; 极氪IPO募资多少？ not by Geely's 65.7% stake): a sum of money, never a rate levied.
_PAID = (
    r"多少钱|多少[元块]|几块钱|价格|价钱|售价|\bhow much money\b|\bcosts?\b|\bprices?\b|\bsp[ae]nd|\bspent\b|"
    r"罚款|罚金|罚了?多少|\bfined?\b|\bpenalty\b|募[资集]|融资|筹[资集款]|\brais(?:e|ed|ing)\b"
)
# What a share earns or is paid (每股派息, "dividend per share"): money, never a rate (a payout ratio).
_PER_SHARE = r"每股|\bper (?:share|ads)\b"
# A question asking for a sum of money by name (what was paid, a fee): answered by a figure in a currency,
# never by a span of time or a count beside it.
_ASKS_MONEY = re.compile(
    rf"{_PAID}|费用(?!户)|收费|[花付]了?多少|(?:投资|投入|斥资|出资)了?多少|\bfees?\b|\bpa(?:y|id)\b|"
    f"{_PER_SHARE}|"
    # Not those who pay ("paying users", 付费用户: how many, not how much).
    r"\bpaying\b(?!\s++[a-z]+s\b)|\bcharged?\b",
    re.I,
)
# An amount asked for by what was paid (`_PAID`), by its size (市场规模) or by what a thing is worth (估值):
# never a rate levied beside it, as a fee or a charge may be ("a 5% commission"): 扫地机器人在美国卖多少钱
# is not answered by a 40% market share, nor 扫地机器人市场规模多大 by it, nor a valuation by the share of
# stores in small cities.
_UNLEVIED = re.compile(
    rf"{_PAID}|{_PER_SHARE}|规模|体量|估值|市值|\bsize\b|\bvaluations?\b|\bvalued\b|\bworth\b|"
    r"\bmarket (?:value|cap)",
    re.I,
)
# The last characters of Chinese nouns for people (骑手, 员工, 网民, 学生, 教师).
_PERSON_ENDS = "人者员民手客友工生师"
# What a closing 多少 counts rather than measures (用户有多少: users, 骑手, 员工, 商家, 门店, 人口, 人数,
# 订单量, 销量), and what "the number of" counts.
_COUNTED_THING = re.compile(rf"[{_PERSON_ENDS}户商家店量]$|人口|人数|^number$")
# The words for a number of things (人数, 数量), after the thing.
_NUMBER_OF = frozenset({"人数", "数量", "数目", "总数", "个数"})
# The measure word a how-many question counts by (多少件包裹: 件); the ones people are counted in.
_PEOPLE = "人名位"
_PEOPLE_UNITS = re.compile(f"[{_PEOPLE}]$")
_MEASURE = re.compile(f"(?:多少|几)({MEASURES})")
_TIMES = re.compile("[次倍]$")
# What a how-much question measures (`measured`: revenue, 营收) counts this many times its rarity in choosing
# the sentence and the figure: "What was Meituan's revenue in the third quarter?" is not answered by the
# net loss of the sentence naming Meituan and the quarter, but by "Revenue rose 2% to 95.5 billion yuan"
# after it. At 2 / 4 (what how-many questions count included): news benchmark hit 0.828 / 0.828 (0.759
# without), fact in the first 80 characters 0.586 / 0.621 (0.552); XQuAD answer hit same 0.828 / 0.830
# (0.830), cross 0.662 / 0.660 (0.657); CMRC and the archive unchanged. What how-many questions count
# left out (it outweighed "overseas" narrowing 45000家 to 4900家): XQuAD cross 0.658, the rest as at 4.
MEASURED_WEIGHT = 4.0
# What the question names (its subject: 理想汽车) points at a figure at this share of its rarity: an article
# names its subject all over, and beside one figure as readily as another ("理想汽车整体毛利率为20.1%，车辆
# 毛利率为19.4%" for its vehicle margin). News set: 2 more answers lead with their fact, 1 fewer (CATL's
# issue price beside 宁德时代, for how much it raised); the same at 0.7; CMRC and XQuAD unchanged.
SUBJECT_PULL = 0.5
# Where a how-much question names what it measures (see `measured`); what it measures comes before how
# it changed (营收同比增长了多少: 营收).
# A change, and where it ends (降到, 增至, 下调至: what fell to how much is the word before it).
_CHANGE_WORD = re.compile(
    r"同比|环比|(?:[上下]?[涨跌]|增长|增加|减少|下降|降低|提高|提升|[上下]调|[降涨升增减])[到至为]?|[到至]"
)
# How a closing 多少 counts, not what (分别是多少, 一共有多少).
_COUNTING = re.compile(r"分别|各自|一共|总共|共计|合计|总计|大约|大概|约|共")
_AUXILIARY = r"(?:did|does|do|was|is|were|are|has|have|had|will)\b"
# The thing a how-much question asks the amount of, one word or the last of two ("How much net profit did").
_HOW_MUCH_OF = re.compile(rf"\bhow much (?:[a-z]++ (?=[a-z]++ {_AUXILIARY}))?+([a-z]++) {_AUXILIARY}", re.I)
# The thing a how-much question asks a company's change of: "How much did J&T's revenue grow?", its last
# word ("How much did United Imaging's net profit grow?": profit).
_HOW_MUCH_CHANGED = re.compile(
    r"\bhow much (?:did|does|do|has|have|had|will)\s++[^?]{0,60}?['’]s?\s++(?:[a-z]++\s++){0,2}?([a-z]++)\s++"
    r"(?:grow|rise|fall|drop|decline|increase|decrease|jump|climb|shrink|slump|surge|change)\b",
    re.I,
)
# What a sum paid or spent is for: "How much did Kingsoft Office pay in dividends?", "spend on marketing".
_HOW_MUCH_PAID = re.compile(
    r"\bhow much (?:did|does|do|has|have|had|will)\s++[^?]{0,60}?\s(?:pay|spend)\s++"
    r"(?:in|on|for)\s++(?:the\s++|its\s++|their\s++)?+(?-i:([a-z]++))\b",
    re.I,
)
_WHAT_WAS = re.compile(r"(?<!\s)\s*+(?:what|which) (?:is|was|are|were) (?:the |its |their )?+", re.I)
# Words that end what "what was" asks for: prepositions, and what a profit is of ("profit attributable to
# shareholders" is a profit).
_PHRASE_ENDS = frozenset("of in for on at during by from to as with and or than attributable".split())
_HOW_MUCH_ZH = re.compile(r"(?:是|有|为|达到?)?+多少(?=[？?。！!呢]|$)")
# What a how-much question measures, and the units its answer is in: a length is no answer to how
# heavy (体重: 8公斤, not 三个亚种), an area none to how long.
# A length, weight or area: a figure in none of its units is no answer to how long, heavy or large a
# thing is (小米YU7的续航里程是多少？ is not answered by its price); a count of people may be given
# without its measure word (人口约2,000万).
_PHYSICAL = tuple(
    (re.compile(asks, re.I), re.compile(f"(?:{units})$", re.I))
    for asks, units in (
        (
            r"体长|身长|长度|全长|多长(?!时间)|高度|身高|多高|海拔|深度|多深|距离|多远|宽度|多宽|直径|里程|续航|"
            r"\bhow (?:tall|high|deep|far|wide)\b|\b(?-i:length|height|depth|distance|width)\b",
            LENGTH,
        ),
        # A word in capitals is a name's ("Sany Heavy", "the Greater Bay Area"), asking for no dimension.
        (r"体重|重量|多重|\b(?-i:weigh|heavy\b)", WEIGHT),
        (r"面积|占地(?!球)|\b(?-i:area)\b", AREA),
    )
)
_DIMENSIONS = (
    *_PHYSICAL,
    (re.compile(r"人口|人数|多少人|\bpopulation\b|\bhow many people\b", re.I), re.compile("人$")),
)
_PHYSICAL_UNITS = frozenset(units for _, units in _PHYSICAL)
# What makes a count before it no count of things: quarters or other spans of time (八个季度, "the three
# months ended September 30": the figure is 八个, three), 数 after 位 (三位数增长, "triple-digit", is no
# three people).
_NO_COUNT_AFTER = re.compile(
    r"\s?+(?:季度|财季|quarters?\b|(?:days?|weeks?|months?|years?|hours?|minutes?)\b)|(?<=位)数", re.I
)
_DURATION = re.compile(r"[天周月年]|星期|小时|分钟|\b(?:days?|weeks?|months?|years?|hours?|minutes?)\b", re.I)
# Characters over which a question word's pull on a figure falls by a factor of e (see `answer_span`).
ANCHOR_REACH = 30
CLAUSE_CHARS = 20
# A figure, date or name no question word stands within this distance of (as `_distance` counts) answers
# nothing: "When did Xiaohongshu get its payment license?" was answered "in 2024", the year of a GMV
# projection 170 characters after the license. XQuAD leads changed: 9 wrong ones dropped, no right one
# (at 4 * ANCHOR_REACH: 13 wrong, but 2 right: "especially the Seljuk Turks" after three commas).
FAR_REACH = 5 * ANCHOR_REACH
# Farther than this a question word pulls at a figure by less than e**-20 (unless a long aside stands
# between them): the words of a long text are read only this far around each figure.
PULL_CHARS = 20 * ANCHOR_REACH
PULL_NEAREST = 4
# A relative clause or a bracket set off inside a sentence.
_ASIDE = re.compile(
    r",\s*+(?:who|which|whose|where|including|includes?)\b[^,;.()]*+,|\([^()]*+\)|（[^（）]*+）", re.I
)
_AND_WORD = re.compile(r"\band\b")
_NEXT_TOLD = re.compile(rf"{_AND_WORD.pattern}|[;；]")
_LATIN_WORD_AT = re.compile(r"[a-z0-9'’-]*+")
_BOUNDARY_OR_AND = re.compile(rf"{BOUNDARY.pattern}|{_AND_WORD.pattern}")
# The preposition an English date closing its clause stands after ("in May 2023").
_DATED_BY = re.compile(r"\b(?:in|on|since|by|until)$")


class Figure(NamedTuple):
    """A short answer in a quote, `text[start:end]`, and how strongly the question's words point at it."""

    start: int
    end: int
    pull: float


def said_as(text: str, figure: Figure) -> str:
    """What `figure` of `text` is said as: a percentage, a sum of money, or else ("other")."""
    text = aligned_simplified(text)
    if _PERCENT.search(text, figure.start, figure.end):
        return "percent"
    return "money" if _money(text, figure.start, figure.end) else "other"


def answer_span(
    question: str, text: str, idf: Callable[[str], float], names: Collection[str] = ()
) -> Figure | None:
    """The shortest span of `text` that answers a how-much, when, where or who question.

    A figure with its unit, a date, a list of places (`_PLACES`), a name the question does not
    already say (`_NAME`), or the kind of thing a what-kind question asks for (`_kinds`). A question
    about a rate or a change (净利润率, "how fast did it grow") is answered by a percentage, any other
    how-much question by an amount (or, when none has a unit, a count: "over 220,000 sales"), a
    how-long question by a span of time; a figure of the wrong kind is no answer (see `figures`).
    Of several, the span the question's words stand closest to, each word weighted by its rarity
    ("margin of 14.0%" for the net profit margin, not the revenue in the same sentence); None when no
    word of the question occurs. Traditional characters are read as simplified (480億美元). What the
    question names, and `names` (those articles declare, see `rag.aliases`), pulls less (`SUBJECT_PULL`).
    """
    intents = question_intents(question)
    text = aligned_simplified(text)
    dateline = DATELINE.match(text)
    spans = (
        [m.span() for m in _DATE.finditer(text, dateline.end() if dateline else 0)]
        if "when" in intents
        else []
    )
    # A question asking which year is answered by a date naming one ("since 2020", not "in July").
    if _ASKS_YEAR.search(question):
        spans = [(s, e) for s, e in spans if _A_YEAR.search(text, s, e)]
    dates = {start for start, _ in spans}
    if "number" in intents:
        asked = wanted(question)
        # A figure the question states is no answer to it (the 第 33 届 of "第 33 届超级碗时多大？"), nor a
        # price the market puts on the company where it asks of none (see `market_priced`).
        found = _unrestated(text, figures(asked, text) or _rated(asked, text))
        found = [
            span
            for span in _changed_as_asked(question, asked, text, found)
            if not market_priced(question, text, *span)
        ]
        spans += [
            (s, e)
            for s, e in found
            if not states_figure(fold(question), text[s:e]) and not contradicted(question, text, s, e)
        ]
    if "where" in intents:
        spans += _where(question, text)
    named = _named(question, text) if "who" in intents else []
    spans += named
    # A statement's clause is what the question asks for by its cue, whatever words stand near it.
    stated: list[tuple[int, int]] = []
    if not ANSWER_TYPES.intersection(intents):
        kinds = (_kinds(thing, text) for thing in _asked_kinds(question))
        found = _apposed(question, text) or _called(question, text) or next((k for k in kinds if k), [])
        spans += [span for span in found if _adds(fold(question), text[slice(*span)])]
        stated = [] if spans else _stated(question, intents, text)
        spans += stated
    if not spans:
        return None
    # The value a change started from ("up from 2.9 billion", 由29亿元增至) answers only if nothing else
    # does, and first when the question asks for the earlier value (去年同期); a range from one value
    # to another (从1978年至1980年) is no change.
    single, merged = set(spans), _ranges(text, spans)
    earlier = bool(_ASKS_EARLIER.search(question))
    # A year the question states dates the value said next to it, the earlier one too ("What was Shein
    # valued at in 2022?": "down from $100 billion in 2022").
    dated = _dated(text, merged, years(question))
    spans = dated or [s for s in merged if (s in single and _started_from(text, s[0])) == earlier] or merged
    # An estimate (analysts' "expectations of 8.2 billion yuan", 预计将超过6000辆) answers only if nothing
    # else does, and first when the question asks for one; a date expected is when a thing will be (预计将在
    # 今年底前於巴西開展業務: when Keeta starts in Brazil, not the 5月12日 it said so).
    estimate = bool(_ASKS_ESTIMATE.search(question))
    spans = [
        s for s in spans if s[0] in dates or _estimated(text, s[0], expects=estimate) == estimate
    ] or spans
    # Of the period asked before of the thing counted ("124,000 in the third quarter" names no vehicles),
    # and of the whole, not a part of it said after 其中 or "including", unless the question names the part.
    spans = _of_whole(question, text, _timely(question, text, spans))
    if "number" in intents:
        spans = _as_adjusted(question, text, spans, dates)
        of_what = of_what_asked(question, asked.kind)
        spans = [s for s in spans if s[0] in dates or of_what(text, s[0])] or spans
        spans = _of_part_said(question, text, spans)
    spans = _of_other_event(question, text, spans, dates)
    spans = [(_range_start(text, start), _measure_end(text, _whole_end(text, end))) for start, end in spans]
    folded = fold(text)
    weights = weighted_terms(question, idf)
    places = {t: occurrences(t, folded) for t in weights}
    rarity = _figure_weights(question, weights, intents, names)
    spans = _measuring(question, intents, spans, places, folded)
    # A date whose sentence has no word of the question but what it names dates something else ("shares
    # rose 6.1% in Hong Kong on Thursday"), where another's has one: 京东健康什么时候上市？ is answered by
    # "listed in December 2020".
    subjects = {*subject_names(question), *names}
    starts = [start for start, _ in sentence_spans(text)]
    worded = {
        bisect_right(starts, at) for t, found in places.items() if not in_names(t, subjects) for at in found
    }
    dated = [s for s in spans if s[0] in dates and bisect_right(starts, s[0]) in worded]
    spans = dated + [s for s in spans if s[0] not in dates] if dated else spans

    # A word said all over the text points at nothing in particular: its pull is shared out.
    said = {t: max(1, len(found)) for t, found in places.items()}
    telling = _telling(question, weights, intents)

    def pull(start: int, end: int) -> float:
        # A question word inside the span does not point at it: "Kuaishou Official Store" restates
        # the question's 快手, it does not answer who runs it; but what a figure counts does, as
        # from a word's length away ("420 stores" for 多少家门店; see `_points`).
        pointing = {
            t: [at for at in _around(found, start, end) if _points(folded, start, end, at)]
            for t, found in places.items()
        }
        return sum(
            rarity[t]
            / math.sqrt(said[t])
            * max(
                math.exp(-_apart(folded, start, end, at, start in dates, spans) / ANCHOR_REACH)
                for at in found
            )
            for t, found in pointing.items()
            if found
        )

    def weight(start: int, end: int) -> float:
        # No word of the question near it: no answer, however many stand farther off.
        near = bool(stated) or _near(folded, start, end, places, start in dates)
        # A word saying which part a figure is of tells the part asked for, as what is measured does.
        return (
            pull(start, end)
            + MEASURED_WEIGHT * sum(weights[t] for t in _narrowing(folded, start, end, places, telling))
            if near
            else -math.inf
        )

    strongest, (start, end) = max(
        ((weight(*span), span) for span in spans), key=lambda x: (x[0], x[1][0] - x[1][1])
    )
    if (start, end) in named:
        start, end = _listed_together(text, start, end, named + [m.span() for m in _NAME.finditer(text)])
    return Figure(start, end, strongest) if strongest > 0 or stated else None


# What joins names listed together ("Lu Zhengyao and Qian Zhiya", 单卫钧和周蓉蓉).
_NAME_JOIN = re.compile(r",?(?<!\s)\s++and\s++|,\s*+|(?<!\s)\s*+[和与、及]\s*+")


def _listed_together(text: str, start: int, end: int, names: list[tuple[int, int]]) -> tuple[int, int]:
    """The span of the names listed with the one at `start`–`end` (`names`), all of them: one answer.

    "founded by … Lu Zhengyao and Qian Zhiya" is founded by both, not by the one nearer the question's words.
    """
    joined = True
    while joined:
        joined = False
        for s, e in names:
            if e <= start and _NAME_JOIN.fullmatch(text, e, start):
                start, joined = s, True
            elif s >= end and _NAME_JOIN.fullmatch(text, end, s):
                end, joined = e, True
    return start, end


def _where(question: str, text: str) -> list[tuple[int, int]]:
    """The spans of `text` that may answer a where-question: places, and exchanges where a firm lists."""
    places = [_place_list(m) for m in _PLACES.finditer(text)]
    if listing := bool(LISTING.search(question)):
        # Where a firm is listed, not where it is based ("the Guiyang-based platform").
        places = [span for span in places if not _NOT_LISTED_AFTER.match(text, span[1])]
    # A list naming the question's place among others still answers it (欧洲越橘: 欧洲、北美).
    found = [span for span in places if not states(fold(question), text[slice(*span)], share=1.0)]
    if listing:
        found += [m.span() for m in _EXCHANGE.finditer(text)]
    return found + _one_place(text)


def _named(question: str, text: str) -> list[tuple[int, int]]:
    """The spans of `text` that may answer a who-question: names, or what its verb acts on."""
    # Who a thing acts on is what the question's verb acts on in the text, a name or not; who acts on it,
    # the name its verb is done by ("operated by Chengdu Pinong …"); who owns it, the owner named as one.
    if asks_owner(question):
        return owners(text)
    if verb := acted_on(question):
        return objects(verb, text)
    if (verb := acted_by(question)) and (found := agents(verb, text)):
        return found
    # Capitalised words are a name in English; in a Chinese text they are mostly a work's or a firm's
    # foreign title ("Say Never Again" beside 占士·邦's creator).
    if language(text) == "en":
        # A place ("in Hong Kong", "into the Middle East") is no one.
        places = [_place_list(m) for m in _PLACES.finditer(text)] + [m.span() for m in _INTO.finditer(text)]
        # For a company, one listed here too (Meituan, which translates as 美团); not a person named after
        # their post ("Chief executive Wang Xing").
        company = bool(_ASKS_COMPANY.search(question))
        asked = subject_names(question)
        return [
            span
            for span in [m.span() for pattern in (_NAME, _OPENING_NAME) for m in pattern.finditer(text)]
            + _one_word_names(text, listed=company)
            if not states(fold(question), text[slice(*whole_name(text, *span))])
            and not _continues_name(asked, text, span[0])
            and not any(s <= span[0] < e for s, e in places)
            and not _former(question, text, *span)
            and not (company and _POST_BEFORE.search(text, max(0, span[0] - POST_REACH), span[0]))
        ]
    if _ASKS_COMPANY.search(question):
        # A company is no person named after a role: a Chinese text writes a foreign one in Latin letters
        # (与Stellantis集团成立的合资公司).
        return [m.span() for m in _LATIN_NAME.finditer(text) if not states(fold(question), m.group())]
    # A foreign name answers a Chinese question; to an English one, found by its words' translations,
    # it was the name asked for one time in two (XQuAD, against two in three).
    dotted = dotted_names(text)
    named = _named_after_role(text, dotted) + (dotted if language(question) == "zh" else [])
    return [span for span in named if not states(fold(question), text[slice(*span)])]


# The word right before a name, written as a name is (LONGi, iQIYI).
_NAME_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z][\w'’-]*+) $")
NAME_WORD_CHARS = 30


def _continues_name(names: Collection[str], text: str, start: int) -> bool:
    """Whether the name at `start` of `text` goes on from one of `names` ("LONGi Green Energy Technology").

    The rest of the name the question asks about is no one else's: 隆基的董事长是谁？ is not answered by
    "Green Energy Technology".
    """
    word = _NAME_WORD_BEFORE.search(text, max(0, start - NAME_WORD_CHARS), start)
    return bool(word) and any(mentions(name, fold(word.group(1))) for name in names)


def _dated(text: str, spans: list[tuple[int, int]], asked: list[str]) -> list[tuple[int, int]]:
    """The `spans` a year of `asked` dates: said just after one, or after one earlier in its sentence.

    A sentence's year dates what it goes on to tell, unless it names another year: "Net revenue rose 167%
    to 12.4 billion yuan in 2024, and net income reached 2.5 billion yuan" dates both; "valued at $66
    billion in its last round, down from $100 billion in 2022" only the second. The value a change
    started from ("up from 2,880 billion") is another period's unless the year follows it.
    """
    if not asked:
        return []

    def dated(start: int, end: int) -> bool:
        if any(year in text[end : end + YEAR_AFTER] for year in asked):
            return True
        if _started_from(text, start):
            return False
        sentence = _sentence_at(text, start)
        named = set(years(text[slice(*sentence)]))
        return bool(named) and named <= set(asked) and bool(years(text[sentence[0] : start]))

    return [span for span in spans if dated(*span)]


def _timely(question: str, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` but those in sentences reporting only other years or quarters than `question` asks about.

    2025年一季度…净利润140亿元 is no answer to "net profit in 2024" where a sentence of 2024 gives 507亿元.
    All of `spans` when none is left.
    """
    asked = periods(question)
    if not asked:
        return spans

    @cache
    def said(start: int, end: int) -> set[str]:  # figures share sentences and clauses: each read once
        return periods(text[start:end])

    timely = [s for s in spans if not only_others(asked, said(*_sentence_at(text, s[0])))]
    # Within a sentence, a figure's own clause may name another period: "delivered 303,400 vehicles in the
    # first nine months, including 124,000 in the third quarter".
    timely = [s for s in timely if not only_others(asked, said(*_clause_bounds(text, *s)))] or timely
    return timely or spans


# Deeds a company's dates are of, which a when-question may ask about: its founding and its listing.
_EVENTS = (
    re.compile(r"成立|创立|创办|创建|\b(?:co-?)?found(?:ed|ing)\b|\bestablished\b|\bset up\b", re.I),
    LISTING,
)


def _of_other_event(
    question: str, text: str, spans: list[tuple[int, int]], dates: set[int]
) -> list[tuple[int, int]]:
    """`spans` but the dates (by start) whose clause tells of another deed than the one `question` asks of.

    "Youdao, founded in 2006 and based in Beijing, listed on the New York Stock Exchange in 2019": 2019 is
    when it listed, 2006 when it was founded. All of `spans` when none is left.
    """
    asked = [event for event in _EVENTS if event.search(question)]
    if not asked:
        return spans

    def other(start: int, end: int) -> bool:
        clause = _clause_at(text, start, end)
        return not any(e.search(clause) for e in asked) and any(e.search(clause) for e in _EVENTS)

    return [span for span in spans if span[0] not in dates or not other(*span)] or spans


# How far a modifier of what a question measures may stand from it ("marketing services revenue",
# "revenue from marketing services").
MODIFIER_REACH = 25
MODIFIERS = 2


def _measuring(
    question: str, intents: list[str], spans: list[tuple[int, int]], places: dict[str, list[int]], folded: str
) -> list[tuple[int, int]]:
    """The figures of `spans` that measure what a how-much question does, as the question modifies it.

    腾讯营销服务收入是多少？ asks for the revenue of marketing services: "marketing services revenue …
    climbed 20% to 121.4 billion yuan", not the "Total revenue of Tencent rose 8% to 660.3 billion yuan"
    before it. A figure follows what it measures: the nearest mention before it must stand with the
    question's words before it (up to `MODIFIERS`, back to a name: Tencent's is whose revenue it
    is). All of `spans` when the text has no such mention, or only such mentions.
    """
    thing = measured(question) if "number" in intents else None
    # It may end a compound of the question's words ("services revenue": 服务收入), which then stands
    # where the word alone does too ("Total revenue"). `places` holds the question's words in order.
    key = next((w for w in places if _is_measured(w, thing)), None)
    if thing is None or key is None:
        return spans
    found = sorted({*occurrences(thing, folded), *places[key]})
    words = list(places)
    before = words[: words.index(key)][::-1]
    described = list(takewhile(lambda w: not named(w), before))
    # Without words describing it, the name before it says whose it is (快手…总营收, "Kuaishou's revenue").
    owner = not described and bool(before)
    modifiers = [w for w in (before[:1] if owner else described[:MODIFIERS]) if places.get(w)]
    if not modifiers or len(modifiers) < min(len(described), MODIFIERS):
        return spans
    modified = {
        at for at in found if all(any(abs(at - m) <= MODIFIER_REACH for m in places[w]) for w in modifiers)
    }
    if not modified or modified == set(found):
        return spans
    # Then the mentions to pass over are another's thing (可灵AI…收入); an article on one firm has none
    # (宁德时代…发行价, "公司此次发行价为每股263港元").
    said = {at for w in modifiers for at in places[w]}
    if owner and not any(_owned_by_another(folded, at, said) for at in set(found) - modified):
        return spans
    measuring = [s for s in spans if max((at for at in found if at < s[0]), default=None) in modified]
    return measuring or spans


def _owned_by_another(folded: str, at: int, said: set[int]) -> bool:
    """Whether a name stands just before the mention at `at` other than where the question's do (`said`)."""
    start = max(0, at - MODIFIER_REACH)
    names = (word for word in terms(folded[start:at], search_mode=False) if named(word))
    return any(folded.find(word, start, at) not in said for word in names)


# A figure given as part of a whole just before it: "45000家，其中约4900家位于海外", "396,000 vehicles,
# of which 71,256 were sold overseas". Its marker stands at most SUBSET_REACH characters before it.
_SUBSET = re.compile(r"其中|包括|\b(?:of which|of whom|including|among them)\b", re.I)
SUBSET_REACH = 8
# A figure's clause set beside another's, of something else: "Galaxy Macau … generated EBITDA of HK$2.5
# billion, while StarWorld Macau contributed HK$588 million".
_BESIDE = re.compile(r"\b(?:while|whereas)\b|而(?!且)", re.I)
SUBSET_CHARS = len("among them")


def _narrowing(
    folded: str, start: int, end: int, places: dict[str, list[int]], telling: Collection[str]
) -> set[str]:
    """The question's words that narrow the whole to the part `folded[start:end]` is given as.

    Those in the part's clause and not before its marker, where the whole is ("海外" of "其中约4900家位于
    海外", not 门店 of "门店数量超过45000家"): a question saying them asks for the part. Of two figures set
    side by side (`_BESIDE`), the `telling` words of the question only one's side says: whose figure it
    is ("while StarWorld Macau contributed HK$588 million"), which part of a sum ("Online marketing
    services revenue … grew 8% to 53.3 billion yuan, while transaction services revenue … rose 10% to 55
    billion yuan"); not any word ("spent" of "while its net loss widened … as it spent heavily"). None for
    a figure given as neither.
    """
    sentence = _sentence_at(folded, start)
    clause = _clause_bounds(folded, start, end)[0]
    clause_end = _clause_end(folded, end, sentence[1])

    def only(within: tuple[int, int], outside: tuple[int, int]) -> set[str]:
        return {
            t
            for t, found in places.items()
            if any(within[0] <= at < within[1] for at in found)
            and not any(outside[0] <= at < outside[1] for at in found)
        }

    near = _SUBSET.finditer(folded, max(sentence[0], min(clause, start - SUBSET_REACH - SUBSET_CHARS)), start)
    parts = [m.start() for m in near if start - m.end() <= SUBSET_REACH or m.start() >= clause]
    found = only((parts[-1], clause_end), (sentence[0], parts[-1])) if parts else set()
    before = [m.start() for m in _BESIDE.finditer(folded, clause, start)]
    after = _BESIDE.search(folded, end, sentence[1])
    if before:
        found |= only((before[-1], clause_end), (sentence[0], before[-1])) & set(telling)
    elif after:
        found |= only((sentence[0], after.start()), (after.start(), sentence[1])) & set(telling)
    return found


def _telling(question: str, weights: dict[str, float], intents: list[str]) -> set[str]:
    """What tells two figures side by side apart (see `_narrowing`), for a how-much question only.

    The names the question writes (not what it measures), and the words narrowing what it measures. Not
    two names: "Who did the sign language of the National Anthem at Super Bowl 50?" is not answered by
    who "performed the national anthem, while … Marlee Matlin provided American Sign Language (ASL)
    translation".
    """
    if "number" not in intents:
        return set()
    measuring = measured(question)
    return {
        *(t for t in _written_as_names(question, weights) if not _is_measured(t, measuring)),
        *_narrowing_measured(question),
    }


def _written_as_names(question: str, words: Iterable[str]) -> set[str]:
    """The question's Latin `words` it writes as names: in capitals, after its first word in English."""
    english = language(question) == "en"
    return {
        t
        for t in words
        if t.isascii()
        and any(
            question[m.start()].isupper() and (m.start() > 0 or not english)
            for m in re.finditer(rf"(?<!\w){re.escape(t)}(?!\w)", question, re.I)
        )
    }


def _sentence_at(text: str, at: int) -> tuple[int, int]:
    """The span of the sentence of `text` that position `at` is in (the whole text if none)."""
    starts, spans = _sentences(text)
    found = bisect_right(starts, at) - 1
    return spans[found] if found >= 0 and at < spans[found][1] else (0, len(text))


# A figure is read within its sentence: one longer than this (a hostile text that never ends one) is read
# in pieces of it, so that a figure costs the same however long the text.
SENTENCE_CHARS = 1000


@lru_cache(maxsize=16)
def _sentences(text: str) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    """The sentences of `text` (`sentence_spans`, cut to `SENTENCE_CHARS`) and where each starts."""
    spans = tuple(
        (cut, min(cut + SENTENCE_CHARS, end))
        for start, end in sentence_spans(text)
        for cut in range(start, end, SENTENCE_CHARS)
    )
    return tuple(start for start, _ in spans), spans


# What opens the part of a figure said before it: 其中, "including", "of which", "among them"; and how far
# around it the part and the whole are read.
PART_WHOLE_CHARS = 200
_PART_WORDS = r"including|of which|among them"
_PART_OPENING = re.compile(rf"其中|\b(?:{_PART_WORDS})\b", re.I)


def _content_words(question: str) -> list[str]:
    """The words of `question` that say something: no stopword, no single letter or character."""
    return [w for w in terms(fold(question)) if len(w) > 1 and w not in STOPWORDS]


def _of_whole(question: str, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` but the figures of a part of one said before them, unless the question says which part.

    In either language: "其中刚果（金）TFM混合矿贡献铜产量约41万吨" is a mine's share of the 54.3万吨 a
    question on the company's copper output asks for; "including 124,000 in the third quarter" a
    quarter's of the nine months'. All of `spans` when none is left.
    """
    openings = [m.span() for m in _PART_OPENING.finditer(text)]
    if not openings:
        return spans
    folded = fold(question)
    figure_words = _content_words(question) if _ASKS_NUMBER.search(question) else []

    def part(start: int, end: int) -> bool:
        sentence = _sentence_at(text, start)
        at = bisect_right(openings, (start, start)) - 1
        if at < 0 or openings[at][0] < max(sentence[0], start - PART_WHOLE_CHARS):
            return False
        opened, closed = openings[at]
        # What tells the part from the whole: its words the text has not said before it.
        after = text[end : min(_clause_end(text, end, sentence[1]), end + PART_WHOLE_CHARS)]
        said = fold(f"{text[closed:start]} {after}")
        before = fold(text[max(0, opened - PART_WHOLE_CHARS) : opened])
        telling = {w for w in terms(said) if len(w) > 1 and not w.isdigit() and w not in STOPWORDS}
        telling = {w for w in telling if w not in before}
        # Nor, for a figure asked, where the part has a word of the question the whole lacks, however said
        # ("overseas" stores: "including 3,305 outside mainland China").
        asked = {w for w in figure_words if not presence(w, before)}
        return (
            bool(telling)
            and not any(presence(w, folded) for w in telling)
            and not any(presence(w, said) for w in asked)
        )

    return [span for span in spans if not part(*span)] or spans


def _clause_at(text: str, start: int, end: int) -> str:
    """The clause of `text` holding the span from `start` to `end`, within its sentence."""
    return text[slice(*_clause_bounds(text, start, end))]


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause of `text` holding the span from `start` to `end` begins and ends, in its sentence."""
    sentence = _sentence_at(text, start)
    opening = max((m.end() for m in CLAUSE_END.finditer(text, sentence[0], start)), default=sentence[0])
    return opening, _clause_end(text, end, sentence[1])


def _clause_end(text: str, at: int, limit: int) -> int:
    """Where the clause going on at `at` ends, at `limit` (its sentence's end) at the latest."""
    return next((m.start() for m in CLAUSE_END.finditer(text, at, limit)), limit)


# A statement asked for (a weakness, a reason, a plan) said in a later clause of a long quote: the clause
# with the intent's first cue leads when it begins STATED_AFTER characters in at least ("The store
# utilizes a factory-direct shipping model, reducing intermediaries, but lacks a nationwide warehousing
# network"), without the conjunction that joins it on. What someone said or thinks is the clause after
# the verb reporting it ("Zhai Fang envisions a balance between e-commerce and content").
STATED = ("why", "risk", "next", "purpose", "said")
_AFTER_REPORTING = re.compile(r"\s*+(?:that\b)?+[\s，,：:]*+", re.I)
_QUOTED_BEFORE = re.compile(r"[\"“「]([^\"“”「」]++)[,，]?+[\"”」]\s*+[,，]?+\s*+$")
STATED_AFTER = 60
STATED_VISIBLE = 80
MIN_STATED_CHARS = 8
_JOINED_ON = re.compile(
    r"(?:but|and|yet|however|while|whereas|though|although|which)\s++|(?:但是?|而且?|却|并且?|不过)", re.I
)


def _stated(question: str, intents: list[str], text: str) -> list[tuple[int, int]]:
    """The clause of `text` stating what the question asks for, when it comes late (see `STATED`).

    Of several cues in English, the first of those after the most words of the question in their
    sentence, names aside: "…reported a 28.2% rise in revenue, driven by its overseas stores, but profit
    fell as it spent heavily on bigger flagship stores" says why profit fell after "as", not after "driven
    by". Chinese says a cause before what it led to as often (由于延迟上市，…，因此64DD从上市就充满著困难,
    而后由于销量…): the first cue.
    """
    cues = [INTENTS[name][1] for name in intents if name in STATED]
    found = [m for cue in cues for m in cue.finditer(text)]
    if not found:
        return []
    asked = [w for w in _content_words(question) if not named(w)] if language(text) == "en" else []

    def after(cue: re.Match[str]) -> int:
        said = fold(text[_sentence_at(text, cue.start())[0] : cue.start()])
        return sum(1 for w in asked if presence(w, said))

    first = min(found, key=lambda m: (-after(m), m.start()))
    at = first.start()
    sentence = _sentence_at(text, at)
    bounds = [m.end() for m in CLAUSE_END.finditer(text, *sentence)]
    start = max((b for b in bounds if b <= at), default=sentence[0])
    leads = ("reason", "cause", "after", "noun_as", "weighing", "driver", "purpose", "purpose_to", "citing")
    lead = next((g for g in leads if g in first.re.groupindex and first.group(g)), None)
    if lead:
        start = at = first.start(lead)
    elif "effect" in first.re.groupindex and first.group("effect"):
        return _cause_before(text, bounds, sentence[0], at)
    elif first.re is INTENTS["said"][1]:
        # A quotation before its speaker is what was said ('"Travel has become essential," said Jane Sun').
        quoted = _QUOTED_BEFORE.search(text[sentence[0] : at])
        start = at = (
            sentence[0] + quoted.start(1) if quoted else _AFTER_REPORTING.match(text, first.end()).end()
        )
    end = _clause_end(text, at, sentence[1])
    if _opens_quote(text[start:end]):
        # A clause does not end inside a quotation ("San Guo: Mou Ding Tian Xia").
        closings = [close for mark in '"”」』' if (close := text.find(mark, end, sentence[1])) >= 0]
        end = _clause_end(text, min(closings) + 1, sentence[1]) if closings else sentence[1]
    while start < end and text[start] in "\"'”’」』） ":
        start += 1
    if joined := _JOINED_ON.match(text, start, end):
        start = joined.end()
    while end > start and text[end - 1] in "。.!?！？ ":
        end -= 1
    return _if_late(start, end, sentence[0])


def _if_late(start: int, end: int, sentence_start: int) -> list[tuple[int, int]]:
    """The clause stated, as a span to lead with, if the sentence does not show it early enough itself."""
    late = start >= STATED_AFTER or start >= MIN_STATED_CHARS and end - sentence_start > STATED_VISIBLE
    return [(start, end)] if late and end - start >= MIN_STATED_CHARS else []


def _cause_before(text: str, bounds: list[int], sentence_start: int, at: int) -> list[tuple[int, int]]:
    """The clause before a cue saying what it led to, ending at `at` ("…was added to the US entity list").

    `bounds` are where the sentence's clauses end.
    """
    end = at
    while end > sentence_start and text[end - 1] in ",， ":
        end -= 1
    start = max((b for b in bounds if b < end), default=sentence_start)
    while start < end and text[start].isspace():
        start += 1
    return _if_late(start, end, sentence_start)


def _opens_quote(text: str) -> bool:
    """Whether `text` opens a quotation it does not close."""
    return text.count('"') % 2 == 1 or any(text.count(a) > text.count(b) for a, b in ("“”", "「」", "『』"))


# A question asking what kind of thing (什么牌照, 卖什么商品, "what products"): the thing, in Chinese or
# English; not a what-question's verb ("What did …"), nor why (为什么亏损 asks no kind of loss).
_ASKED_KIND = re.compile(
    r"(?:(?<![为凭])什么|哪些|哪种|哪类|哪一类|哪款|哪几种)(?=[\u4e00-\u9fff])|"
    r"\b(?:what|which)\s++(?:(?:kinds?|types?|sorts?)\s++of\s++)?+(?-i:[A-Z][A-Za-z]*+\s++)*+"
    r"(?!(?:is|was|are|were|did|does|do|has|have|had|can|could|will|would|should|may|might|happened|about)\b)"
    r"(?-i:([a-z]++))(?:\s++(?-i:([a-z]++)))?+",
    re.I,
)
# "What is Apollo Go's largest market?": the thing asked for, the question's last word.
_WHAT_IS = re.compile(r"^\s*+what\s++(?:is|was|are|were)\s++[^?]*?\b([a-z]++)\s*+\?\s*+$", re.I)
# Whose a name is said to be (Wuhan, its largest market; Prosus, Naspers's unit), and the name: capitalised
# words ending where that starts, within NAME_BEFORE_CHARS.
_WHOSE = r"(?:its|their|his|her|the company's|[A-Z][\w-]*+['’]s)"
_NAME_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w-]*+(?: [A-Z][\w-]*+){0,4}$")
NAME_BEFORE_CHARS = 60
# What names the kind in an English text: the words after "such as" (licenses, such as for Internet
# micro-lending), else the words before the thing (dozens of gold jewelry products), no function word
# or inflected verb among them.
_SUCH_AS = re.compile(
    r"(?<!\s),?+\s*+(?:such as|including|like|namely)\s++(?:for\s++)?+([^,.;:()]{3,60}?)"
    r"(?=\s*+(?:[,.;:()]|\bwhich\b|\bthat\b|\band\b|$))",
    re.I,
)
_WORD_BEFORE = re.compile(r"(?<![a-z-])([a-z][a-z-]*+)\s++$")
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
_NOT_KIND_WORDS = _FUNCTION | _RATING
KIND_WORDS = 3
# How far back a word before a thing is looked for: a longer run of letters is no word.
KIND_WORD_CHARS = 40
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


def _apposed(question: str, text: str) -> list[tuple[int, int]]:
    """The names an English `text` says are the thing "What is X's [largest] thing?" asks for.

    Said beside it: "vehicles in Wuhan, its largest market" answers "What is Apollo Go's largest market?".
    """
    asked = _WHAT_IS.search(question)
    if not asked:
        return []
    apposed = re.compile(rf"(?<=[A-Za-z0-9]),\s++{_WHOSE}\s++(?:[a-z-]++\s++){{0,3}}?{asked.group(1)}s?\b")
    found = []
    for match in apposed.finditer(text):
        start = max(0, match.start() - NAME_BEFORE_CHARS)
        if name := _NAME_BEFORE.search(text, start, match.start()):
            found.append(name.span())
    return found


# A question asking what a thing is called (叫什么, "What is the name of …"), and the name a text gives a
# thing after a word that names it ("is known as trial division", 称为素数性): up to the clause's end,
# at most a few words.
_ASKS_NAME = re.compile(
    r"叫什么|叫做什么|叫作什么|叫啥|称为什么|名字是什么|名称是什么|什么名字|什么名称|"
    r"\bwhat (?:is|was|are|were) the names? of\b|^\s*+what\b.*\b(?:called|named|known as)\s*+[?？]\s*+$",
    re.I,
)
CALLED_CHARS = 15
_CALLED = re.compile(
    r"(?:\b(?:known as|called|named|dubbed|termed)\s++(?:the\s++)?+|"
    r"(?:叫做|叫作|称为|称作|名为|命名为|又称|俗称|通称)\s*+)"
    r"(?P<name>[A-Za-z0-9][\w'’-]*+(?:[ \t]++(?!(?:and|or|in|which|that|by|for|from|with|to|is|was|are|"
    r"were|as|at|on|after|before|because|since|of|it|its|their)\b)[A-Za-z0-9][\w'’-]*+){0,5}+|"
    rf"[^\sA-Za-z0-9，。；、,.;:：！？!?（）()“”\"]{{1,{CALLED_CHARS}}}+)",
    re.I,
)


# A name set beside a common noun ("its first robot vacuum cleaner, the DJI Romo,").
_NAME_APPOSED = re.compile(
    r"(?<=[a-z]), (?:the |an? )?+(?P<name>[A-Z][\w'’-]*+(?: [A-Z0-9][\w'’-]*+)*+)(?=[,.;)])"
)


def _called(question: str, text: str) -> list[tuple[int, int]]:
    """The names `text` gives things, when `question` asks what one is called.

    After a word that names them ("is known as trial division", 称为试除法), else beside a common noun
    ("its first robot vacuum cleaner, the DJI Romo").
    """
    if not _ASKS_NAME.search(question):
        return []
    called = [m.span("name") for m in _CALLED.finditer(text)]
    return called or [m.span("name") for m in _NAME_APPOSED.finditer(text)]


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
        # `_NAME` itself asks for the blank between the thing and the name.
        if named := _NAME.match(text, offsets[end - 1] + 2):
            found.append(named.span())
            continue
        if such := _SUCH_AS.match(folded, end):
            found.append((offsets[such.start(1)], offsets[such.end(1) - 1] + 1))
            continue
        start = at
        for _ in range(KIND_WORDS):
            word = _WORD_BEFORE.search(folded, max(0, start - KIND_WORD_CHARS), start)
            if not word or word.group(1) in _NOT_KIND_WORDS or word.group(1).endswith(("ed", "ing")):
                break
            start = word.start(1)
        if start < at:
            found.append((offsets[start], offsets[end - 1] + 1))
    return found


# A question asking which company, and a name a Chinese text writes in Latin letters, cased as one (Lyft,
# Stellantis; not GMV, AI), and not in brackets after the Chinese name it glosses (美泰儿（Mattel）).
_ASKS_COMPANY = re.compile(r"哪家|什么公司|哪个公司|\b(?:which|what) (?:company|companies|firms?)\b", re.I)
_LATIN_NAME = re.compile(
    rf"(?<![A-Za-z0-9])(?<![{CJK_RANGE}][（(])[A-Z][a-z][A-Za-z&-]*+(?: [A-Z][A-Za-z&-]++)*+(?![A-Za-z0-9])"
)


# A person in a Chinese text, named right after their role (董事长王传福, 创始人张红超): the word that
# follows (after 为 or 是: 董事长为程雪), two to four characters no dictionary knows as a common word.
_ROLE = re.compile(
    r"(?:董事长|董事会主席|创始人|首席执行官|首席财务官|总裁|总经理|主席|负责人|发言人|CEO|CFO)\s*+(?:[为是系]\s*+)?+",
    re.I,
)


# Who held a role before (Luckin's "former chairman Lu Zhengyao", "who replaced Yang Lijuan as CEO"): no
# answer to who holds it, unless the question asks who did ("Who was Luckin's former chief executive?").
_FORMER = re.compile(
    r"\b(?:former|ex-|onetime|one-time|previous)\s*+(?:[\w'’-]++\s++){0,3}$|"
    r"\b(?:replac(?:ed|es|ing)|succeed(?:ed|s|ing)|(?:took|takes|taking) over from)\s++$",
    re.I,
)
# Or left it, said after the name ("Founder Zhang Yong stepped down as chief executive in 2022").
_LEFT = re.compile(r"(?<!\s)\s*+(?:has |had )?+(?:stepped down|resigned|retired|quit|left)\b", re.I)
_ASKS_FORMER = re.compile(r"\b(?:former|ex-|previous|was|were|used to)\b|前任|原|曾", re.I)


def _one_word_names(text: str, *, listed: bool = False) -> list[tuple[int, int]]:
    """The spans of an English `text`'s capitalised words alone mid-sentence that no dictionary translates.

    With `listed`, also those the lexicon lists as names (Meituan: 美团).
    """
    return [
        m.span(1)
        for m in _ONE_WORD.finditer(text)
        if not translations(word := m.group(1).lower()) or listed and word in known_names()
    ]


def _former(question: str, text: str, start: int, end: int) -> bool:
    """Whether the English name `text[start:end]` held a role before, and `question` asks who holds it."""
    before = _FORMER.search(text, max(0, start - 40), start)
    return not _ASKS_FORMER.search(question) and bool(before or _LEFT.match(text, end))


def _named_after_role(text: str, dotted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of a Chinese `text` naming a person after their role (see `_ROLE`).

    A foreign name (one of `dotted`, the text's `dotted_names`) right after the role is named whole:
    埃隆·马斯克, not 埃隆.
    """
    found = []
    ends = dict(dotted)
    for role in _ROLE.finditer(text):
        if role.end() in ends:
            found.append((role.end(), ends[role.end()]))
            continue
        words = terms(text[role.end() : role.end() + 6], search_mode=False)
        name = words[0] if words else ""
        whole = 2 <= len(name) <= 4 and all(map(is_cjk, name)) and text.startswith(name, role.end())
        if whole and is_name(name) is not False:
            end = role.end() + len(name)
            # A given name's last character the tokenizer cut off as a word (陈应 + 让 of 陈应让表示).
            cut = len(name) == 2 and is_surname(name[0]) and is_cjk(text[end : end + 1])
            found.append((role.end(), end + 1 if cut and _REPORTING.match(text, end + 1) else end))
    return found


# What a person named after their role says, right after the name (陈应让表示).
_REPORTING = re.compile(r"表示|称|说|认为|指出|透露|介绍")


# A foreign name in a Chinese text: its parts joined by a middle dot (埃隆·马斯克, 罗伯特•金特纳).
_DOT = re.compile(f"(?<=[{CJK_RANGE}])[·•・‧](?=[{CJK_RANGE}])")
_CJK_RUN = re.compile(f"[{CJK_RANGE}]++")
# The characters around a dot read for the words of a name (a part before it, the parts after it).
NAME_PART_CHARS = 6
# A word this common in jieba's dictionary, and no proper noun, ends a name's last part (一位, 创造).
NAME_PART_FREQUENCY = 100


def dotted_names(text: str) -> list[tuple[int, int]]:
    """The spans of the foreign names a Chinese `text` writes with a middle dot (马丁·路德·金).

    The characters around a dot run on into the words before and after it: a name begins with the
    word before its first dot (由伊恩: 伊恩; 由约翰, one word to jieba: 约翰), and the one before that when
    jieba left a character alone (是伊夫林: 伊夫, 林), no common word (`_common`); it ends, past the word
    after its last dot, at the first common word (约翰·埃尔维是一位; 伊恩·法兰明创造: 法兰, 明, then 创造).
    """
    found: list[tuple[int, int]] = []
    for dot in _DOT.finditer(text):
        left_start = dot.start()
        while left_start > max(0, dot.start() - NAME_PART_CHARS) and is_cjk(text[left_start - 1]):
            left_start -= 1
        left = text[left_start : dot.start()]
        before = segments(left)
        # jieba leaves a name's last character alone when it cuts an unknown name (伊夫, 林), and has
        # a function word run into a name in its dictionary (由约翰).
        alone = len(before) > 1 and len(before[-1]) == 1 and len(before[-2]) <= 2
        parts = before[-2:] if alone else before[-1:]
        if parts and len(parts[0]) > 2 and parts[0][0] in STOPWORDS:
            parts[0] = parts[0][1:]
        if not parts or any(map(_common, parts)):
            continue
        end = dot.end()
        right = _CJK_RUN.match(text, end, end + 2 * NAME_PART_CHARS).group()
        for i, word in enumerate(segments(right)):
            if i and _common(word):
                break
            end += len(word)
        if end == dot.end():
            continue
        start = dot.start() - sum(map(len, parts))
        if found and start < found[-1][1]:
            start = found.pop()[0]
        found.append((start, end))
    return found


def _common(word: str) -> bool:
    """Whether a Chinese word is a common one, no part of a foreign name (舅舅, 创造, 一位; not 明, 马斯克).

    A function word, a word CC-CEDICT lists as no proper noun, or one jieba has seen often.
    """
    if word in STOPWORDS or is_name(word) is False:
        return True
    return is_name(word) is None and len(word) > 1 and word_frequency(word) >= NAME_PART_FREQUENCY


# What a verb acts on, right after it: in English up to OBJECT_WORDS words, a preposition and an article
# after the verb skipped ("partnered with the Meituan group"), to the first function word or clause
# mark, or the last name among them; in Chinese the characters to the clause's end, OBJECT_CHARS at
# most (吸引了价格敏感的消费者).
OBJECT_WORDS = 8
OBJECT_CHARS = 15
_OBJECT = re.compile(
    r"(?<!\s)\s++(?:(?:with|to|for|on|against|from|at|into|about|over)\s++)?+(?:(?:the|a|an)\s++)?+"
    rf"([\w'’-]++(?:\s++[\w'’-]++){{0,{OBJECT_WORDS - 1}}})",
)
_OBJECT_ZH = re.compile(rf"了?+([^，。；、！？,.;!?\s]{{1,{OBJECT_CHARS}}})(?=[，。；、！？,.;!?\s]|$)")


def _verb_places(verb: str, folded: str) -> Iterator[tuple[int, int]]:
    """Where `verb` (or a translation of it) stands in `folded`, as (start, end)."""
    for at in occurrences(verb, folded):
        if (end := word_end(verb, folded, at)) is not None:
            yield at, end


def objects(verb: str, text: str) -> list[tuple[int, int]]:
    """The spans of `text` naming what `verb` (or a translation of it) acts on (see `_OBJECT`)."""
    folded, offsets = fold_mapped(text)
    found = []
    for at, end in _verb_places(verb, folded):
        if not folded[at].isascii():
            if phrase := _OBJECT_ZH.match(folded, end):
                found.append((offsets[phrase.start(1)], offsets[phrase.end(1) - 1] + 1))
            continue
        if not (phrase := _OBJECT.match(folded, end)):
            continue
        words = list(re.finditer(r"\S++", phrase.group(1)))
        first = phrase.start(1)
        # A capitalised word is a name's, whatever it says ("New England Patriots").
        kept = next(
            (
                i
                for i, w in enumerate(words)
                if w.group() in _FUNCTION and not text[offsets[first + w.start()]].isupper()
            ),
            len(words),
        )
        if not kept:
            continue
        start, stop = offsets[first], offsets[first + words[kept - 1].end() - 1] + 1
        # A name closes the phrase: "the defending champion New England Patriots" were beaten.
        names = [m.span() for m in _NAME.finditer(text, start, stop)]
        found.append(names[-1] if names else (start, stop))
    return found


# How far before a Chinese verb its doer is read, after 由 (由成都普农科技有限公司运营).
AGENT_CHARS = 24
_BY = re.compile(r"(?<!\s)\s++by\b\s*+")
_BY_ZH = re.compile(rf"由([^，。；、,;由]{{2,{AGENT_CHARS}}})$")


def agents(verb: str, text: str) -> list[tuple[int, int]]:
    """The spans of `text` naming who does what `verb` (or a translation of it) says: "operated by X"."""
    folded, offsets = fold_mapped(text)
    found = []
    for at, end in _verb_places(verb, folded):
        if folded[at].isascii():
            by = _BY.match(folded, end)
            if by and by.end() < len(offsets) and (name := _NAME.match(text, offsets[by.end()])):
                found.append(name.span())
        elif agent := _BY_ZH.search(folded, max(0, at - AGENT_CHARS - 1), at):
            found.append((offsets[agent.start(1)], offsets[agent.end(1) - 1] + 1))
    return found


class Wanted(NamedTuple):
    """What figure a how-much question wants.

    Its `kind`: a `rate` (a percentage), a `change` (a percentage, else an amount), a `duration` (a
    span of time, for how long), `money` (a sum in a currency, for a price, a fee, what was paid), a
    `count` (an amount that is not money, for how many) or an `amount`; the `units` it is in, when
    the question says (件 in 多少件包裹, a weight's units in 体重是多少); whether only a figure in
    them answers it (not for 多少个, which counts in any measure word); what it counts (`counted`); and
    whether its units are a Chinese measure word (`measure_word`), which English texts do without;
    and whether a rate is a `level` (a margin, a share), which a change stated in percent does not give;
    and whether an amount is a `sum` (revenue, 利润), which a figure in a currency answers first;
    and whether an amount is `unlevied` (see `_UNLEVIED`): no rate levied answers it; and whether a plan is
    asked (`planned`): a figure said as planned answers it first; and whether a part of a whole is counted
    (`part`): a share of it answers too.
    """

    kind: str
    units: re.Pattern[str] | None
    only: bool
    counted: str | None = None
    measure_word: bool = False
    level: bool = False
    sum: bool = False
    unlevied: bool = False
    planned: bool = False
    part: bool = False

    @property
    def changing(self) -> bool:
        """Whether a rate that changes is asked ("how fast", 增速): a change in percent answers it."""
        return self.kind == "rate" and not self.level

    def read_in(self, text: str) -> Wanted:
        """What is wanted of `text`: English counts in no measure words ("five princes" answers 几位王子)."""
        return self._replace(units=None, only=False) if self.measure_word and language(text) == "en" else self


# A question asking how many or how much, and what may answer it: any number at all (digits, Chinese
# numerals, 一 with a measure word, 半, English number words: "one", "a dozen", "twice"), or a list,
# which counts by naming (卡洛身兼几家骑士团的大团长: 圣乔治康斯坦丁骑士团、圣斐迪南骑士团 …).
_ASKS_NUMBER = re.compile(
    rf"\bhow (?:many|much)\b|\bwhat percentage\b|多少|(?<![第哪])几(?:{MEASURES}|十|百|千|万)", re.I
)
_NUMBER_OR_LIST = re.compile(
    rf"{_NUMERAL.pattern}|{MULTIPLES}|一(?:{MEASURES}|[十百千万亿倍成半])|半|、|"
    r"\b(?:zero|one|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:six|seven|eigh|nine)ty|hundred|thousand|"
    r"(?:m|b|tr)illions?|dozen|half|halves|twice|single|none)\b|"
    r"\b[\w-]++, [\w-]++(?: [\w-]++)?,? (?:and|or) \w|"
    # A part of a whole said in words ("about a quarter of China's market").
    rf"{FRACTION.pattern}",
    re.I,
)


# A rate that is no part of a whole: said in units or points, not in percent (汇率 7.1, 功率 5千瓦,
# 首集收视率为7.07).
_NOT_A_PART = re.compile(
    r"汇率|频率|功率|速率|效率|转速|码率|心率|收视率|\b(?:exchange|heart|bit) rate|\bspeed\b|\bratings?\b",
    re.I,
)


# A half-year named by its half ("first-half", 上半年), and a tier of cities by its numbers (一二线城市).
_COUNTS_NOTHING = re.compile(r"\b(?:first|second)[- ]half\b|[上下]半年|[一二三四五六]++线", re.I)


def numberless(question: str, quotes: list[str]) -> bool:
    """Whether `question` asks how many or how much and `quotes` hold no number that could answer it.

    None at all: "How many riders does Meituan have?" is not answered by the sentence on its riders'
    pensions. Or, for a count, only sums of money: 小红书有多少用户？ is not answered by the sentence
    saying users pay 168元 a year for 小红卡. Or, for a share, no fraction nor a percentage given as a
    level (see `Wanted`): 京东外卖的市场份额是多少？ is not answered by its daily orders and costs, nor
    拼多多的市场份额是多少？ by its revenue being "up 9%"; likewise a rate asked as a level (退货率, "net
    margin"), unless one said in units (汇率, 收视率). A sum or money asked for by what it is ("What was
    FII's fourth-quarter revenue?", "What is its dividend per share?") likewise: not by a share's price.
    """
    asked = wanted(question)
    named_sum = (asked.sum or asked.kind == "money") and "number" in question_intents(question)
    if not _ASKS_NUMBER.search(question) and not named_sum:
        return False
    # A year, a date, a half-year or a tier counts nothing ("launched in May 2023", "its first-half net
    # loss", 一二线城市).
    if not any(_NUMBER_OR_LIST.search(_COUNTS_NOTHING.sub(" ", _DATE.sub(" ", q))) for q in quotes):
        return True
    part = asks_share(question) or asked.level and not _NOT_A_PART.search(question)
    # Nor by a level its clause says is of another measure: 途虎养车的净利润率是多少？ is not answered by its
    # gross margin of 25.1%.
    if part and not any(
        FRACTION.search(q) or any(not contradicted(question, q, *span) for span in figures(asked, q))
        for q in quotes
    ):
        return True
    if asked.units in _PHYSICAL_UNITS and not any(
        asked.units.search(q, *m.span()) for q in quotes for m in _FIGURE.finditer(q)
    ):
        return True
    # A sum (利润, revenue) is said in money, or as a rate levied ("an extra 50% of ad revenue"), not a
    # change: 百度的净利润是多少？ is not answered by "about 7,000 vehicles", nor shares that "fell 1.2%".
    if asked.sum and not any(_sum_said(question, aligned_simplified(q)) for q in quotes):
        return True
    # Money asked for is said in money (or levied as a rate, for a fee): 扫地机器人卖多少钱 is not answered
    # by a market share, nor a dividend per share by the share's price.
    if asked.kind == "money" and not any(
        not market_priced(question, q, *span) for q in quotes for span in figures(asked, q)
    ):
        return True
    # A count without a unit counts too ("had 26,206 stores", "its first two stores", beside "drinks for
    # 9.9 yuan"), and so does a share ("at least 40% of the total electorate"); a span of time or a
    # number of digits does not (八个季度, 三位数), nor a figure in another measure word or unit than
    # the one asked for (多少架无人机: 2.5公斤 is what one carries).
    counts = (_FIGURE, _COUNT, NUMBER_WORD)
    change = _asked_change(question)
    found = {q: [m.span() for pattern in counts for m in pattern.finditer(q)] for q in quotes}
    said = bool(asked.counted) and any(_said_counted(asked.counted or "", q) for q in quotes)
    # Nor a figure its clause says is of another measure (`contradicted`): 知乎有多少日活跃用户？ is not
    # answered by "Average monthly subscribing members were 12.9 million".
    # A share counts only for a part of a whole asked for ("40% of the total electorate"), or in a quote
    # naming what is counted, where the question's language lets that be told (see `_shares_counted`):
    # 极兔的员工有多少？ is not answered by its parcels' growth of 31.7%.
    # Nor a number the question states as it is: the 361 of the sportswear maker 361度 counts no employees.
    stated = set(_DIGITS.findall(question))
    counting = [
        span
        for q, spans in found.items()
        for span in _counts(q, spans, asked)
        if not _stated_number(stated, q, span)
        and not _counts_other(asked, q, span, said)
        and not _changed_otherwise(change, q, span[0])
        and not contradicted(question, q, *span)
        and (asked.part or not _PERCENT.search(q, *span) or _shares_counted(question, asked, q, span))
    ]
    # A number with the thing counted counts it, where no pattern sees a figure (三城 for 几个城市).
    counting += [
        span
        for q in quotes
        if asked.counted
        for span in _counted(asked.counted, q)
        if not _changed_otherwise(change, q, span[0])
    ]
    return asked.kind == "count" and any(found.values()) and not counting


def _stated_number(stated: set[str], text: str, span: tuple[int, int]) -> bool:
    """Whether the figure at `span` of `text` opens on a number in `stated` as it is written there."""
    number = _DIGITS.match(text, *span)
    return number is not None and number.group() in stated


def _shares_counted(question: str, asked: Wanted, quote: str, span: tuple[int, int]) -> bool:
    """Whether the percentage at `span` of `quote` may count what `question` asks how many of (`asked`).

    Where the quote names it, or the question names nothing counted, or is in the other language: a
    translation may name it otherwise (医生 of "percent of American physicians"). Never a share its
    clause says is of a sum of money (省外收入占比提升至63% counts no employees), nor a rate or a change
    (净息差为1.76% counts no branches).
    """
    clause = _clause_at(quote, *span)
    if _SHARE_OF_MONEY.search(clause) or _RATE_SAID.search(clause):
        return False
    same = language(quote) == language(question)
    return not asked.counted or not same or bool(presence(asked.counted, fold(quote)))


# A percentage its clause says is a rate or a change, which counts nothing (净息差为1.76%, 同比增长8.3%).
_RATE_SAID = re.compile(r"率|息差|同比|环比|增速|\b(?:rates?|ratios?|margins?|yields?)\b", re.I)
# What a share of a sum of money names: the sum.
_SHARE_OF_MONEY = re.compile(
    r"收入|营收|利润|销售额|成本|\b(?:revenues?|sales|income|profits?|earnings|costs?)\b", re.I
)


# What a figure counts in, said right after its number (2.5公斤, 15分钟, 30万辆, 45万单 of orders).
_NUMERALS = "零一二两三四五六七八九十百千万亿"
_UNIT_AFTER = re.compile(
    rf"(?<![\d.,{_NUMERALS}])(?:[\d.,]++(?:[十百千万亿]++)?+|[{_NUMERALS}]++)\s?+"
    rf"({MEASURES}|{UNITS}|单|[天周月年]|星期|小时|分钟)"
)


_MEASURE_WORD = re.compile(MEASURES)
# The characters after 个 read for the noun it counts.
COUNTED_NOUN_CHARS = 4
# What any count of people or of anything counts: "300 villagers" are people.
_ANYONE = frozenset({"people", "persons", "人", "人们", "人数", "times", "things", "ones", "次"})
# What counts whatever a question counts: "62.1 million units" of lens sets shipped.
_ANY_THING = frozenset({"units", "pieces", "items"})
# The thing an English count counts, after it and an adjective or a name at most ("30,000 new merchants",
# "6,400 Xtep stores"); a word ending in -ss is no plural ("2.2 million fully driverless rides" counts no
# "driverless"); nor does a verb after a pronoun, opening a clause (`_CLAUSE_AFTER`: "200 it runs now").
_PRONOUN = r"(?i:it|they|we|he|she|you|who|which|that)\s"
_THING_AFTER = re.compile(rf"(?<!\s)\s++(?:(?!{_PRONOUN})[A-Za-z-]++\s++)?([a-z]{{3,}}s)(?<!ss)\b")
_CLAUSE_AFTER = re.compile(rf"(?<!\s)\s++{_PRONOUN}")
# People after an English count, past two words at most ("570,000 frontline staff", "12,000 people").
_PEOPLE_AFTER = re.compile(r"(?<!\s)\s++(?:[A-Za-z-]++\s++){0,2}?([a-z]{3,}s|people|staff|personnel)\b")


# A number, and the words after one that may name what it counts ("50,000 full-time delivery riders").
_DIGITS = re.compile(r"\d++(?:[.,]\d++)*+")
_WORDS_AFTER = re.compile(r"(?<!\s)(?:\s++[a-z-]++){1,4}")


# The measure word of orders (2500万单), and the word it stands for.
_ORDER_UNIT = "单"
_ORDERS = "订单"


def _orders(counted: str) -> bool:
    """Whether `counted`, what a question counts, is orders (orders, 订单量, 单)."""
    return _ORDER_UNIT in counted or bool(presence(_ORDERS, counted))


def _counts_other(asked: Wanted, text: str, span: tuple[int, int], said: bool) -> bool:
    """Whether the figure at `span` of `text` counts another thing than `asked` for.

    A unit, not a measure word, where a question asks in a measure word (多少架无人机: 2.5公斤); with
    个, which counts anything, another noun after it (两个区域); or in English, another thing named after
    it where the quotes never name the thing asked (`said`): 抖音团购App有多少用户？ is not answered by
    "30,000 merchants"; the count of what they name may be a figure no pattern sees ("11 points in
    the final three minutes"). Nor, in either language, the number of another thing its clause names
    (`_numbers_other`).
    """
    if _numbers_other(asked.counted or "", text, span[0]) or _people_instead(asked, text, span[0]):
        return True
    if language(text) == "en":
        # An English thing counted is a plural noun ("riders"; not "joined" of "How many joined?").
        counted = asked.counted or ""
        end = _whole_end(text, span[1])
        # A unit measures what a Chinese question may ask as a quantity, as in Chinese (see
        # `_in_other_unit`): 天然气销量 by "230.5 billion cubic metres"; people are counted in none.
        if not counted.isascii() and counted[-1] not in _PERSON_ENDS and _UNIT_NEXT.match(text, end):
            return False
        # People a Chinese question counts are counted only by a figure naming them after it ("570,000
        # frontline staff", "12,000 people") or in its clause ("subscribing members were 12.9 million"):
        # 中远海控有多少名员工？ is not answered by its 516 ships or 20.1 million TEUs.
        if not said and not counted.isascii() and counted[-1] in _PERSON_ENDS and counted not in _ANYONE:
            after = _PEOPLE_AFTER.match(text, end)
            named = bool(after) and (
                after[1] in _ANYONE or _of_people(after[1]) or bool(presence(counted, after[1]))
            )
            return not (named or presence(counted, fold(_clause_at(text, *span))))
        specific = (
            not said and counted.lower() not in _ANYONE and (not counted.isascii() or counted.endswith("s"))
        )
        # A count whose thing a clause after it leaves out ("the roughly 200 it runs now") counts the one
        # its quote names: 途牛有多少家线下门店？, where it names stores, not 途牛第三季度活跃用户是多少？.
        if specific and counted and _CLAUSE_AFTER.match(text, end):
            return not presence(counted, fold(text))
        thing = _THING_AFTER.match(text, end) if specific and counted else None
        # The same kind of thing named otherwise counts it (多少套房子: "170,000 homes"; "cars": vehicles).
        return (
            bool(thing)
            and thing.group(1) not in _ANY_THING
            and not presence(counted, thing.group(1))
            and not akin(counted, thing.group(1))
        )
    return _in_other_unit(asked, text, span[0])


# People right after an English count ("100,000 people", "5,000 staff").
_PEOPLE_NEXT = re.compile(r"(?<!\s)\s++(?:people|persons|staff|employees|workers|personnel)\b")


def _people_instead(asked: Wanted, text: str, start: int) -> bool:
    """Whether the English count at `start` of `text` is of people, and `asked` counts other things.

    申洲国际有多少家工厂？ is not answered by "employs about 100,000 people".
    """
    figure = _NUMERAL.match(text, start)
    counted = asked.counted or ""
    return bool(
        figure
        and counted
        and not _counts_people(counted)
        and _PEOPLE_NEXT.match(text, _whole_end(text, figure.end()))
    )


def _counts_people(counted: str) -> bool:
    """Whether the thing a question counts is people (员工, 用户, "workers"), or anything (人数, "times")."""
    if counted.lower() in _ANYONE:
        return True
    return counted[-1] in f"{_PERSON_ENDS}户" if is_cjk(counted[-1]) else _of_people(counted)


def _numbers_other(counted: str, text: str, start: int) -> bool:
    """Whether the figure at `start` of `text` is the number of another thing than `counted`.

    As its clause says before it: "cut the number of products on their shelves to about 12,000" counts
    no stores, 公司经销商数量为4526家 no employees.
    """
    if not counted or counted.lower() in _ANYONE:
        return False
    opening = _clause_bounds(text, start, start)[0]
    numbered = _NUMBER_OF_THINGS.search(text, opening, start) or _THINGS_NUMBER.search(text[opening:start])
    return numbered is not None and not presence(counted, fold(numbered[1]))


# The things a count is of, said before it: "the number of products", 经销商数量为 (right before it).
_NUMBER_OF_THINGS = re.compile(r"\bnumber of\s++(?:[a-z-]++\s++)??([a-z]{3,}s)\b(?<!ss)", re.I)
_THINGS_NUMBER = re.compile(
    rf"([{CJK_RANGE}]{{2,4}}?)(?:{'|'.join(sorted(_NUMBER_OF))})(?:为|是|达到?|约|超过|共计?|共有)*+$"
)


def _said_counted(counted: str, text: str) -> bool:
    """Whether `text` counts the thing `counted`: says it after a number ("11 points"), or in Chinese at all.

    Named uncounted, it may be what another figure is of: "began recruiting restaurants" beside "20
    million daily orders" says how many orders, not how many restaurants.
    """
    folded = fold(text)
    if language(text) != "en":
        return presence(counted, folded)
    ends = (m.end() for pattern in (_DIGITS, NUMBER_WORD) for m in pattern.finditer(folded))
    return any(
        (after := _WORDS_AFTER.match(folded, end)) and presence(counted, after.group()) for end in ends
    )


def _of_people(thing: str) -> bool:
    """Whether an English `thing` counted is people: Chinese words for it are (员工, 用户; not 智能手机).

    At least `PEOPLE_SENSES` of its translations: a word with one sense in fifteen for people ("shares":
    枕边人) is no people.
    """
    said = translations(thing)
    people = [t for t in said if is_cjk(t[-1]) and t[-1] in f"{_PERSON_ENDS}户"]
    return bool(people) and len(people) >= PEOPLE_SENSES * len(said)


# The share of an English word's translations that must be words for people for it to count people (a
# third: not teams, 球员 and 队员 of nine).
PEOPLE_SENSES = 0.3


def _in_other_unit(asked: Wanted, text: str, start: int) -> bool:
    """Whether the Chinese figure at `start` of `text` counts another thing than `asked` for.

    By its unit or measure word (see `_counts_other`): 单 counts orders, 家 no people.
    """
    unit = _UNIT_AFTER.match(text, start)
    # A unit of weight, length, area, volume or energy counts no things an English question counts
    # (1800万吨 of capacity are no plants); what a Chinese one asks for may be a quantity (多少啤酒:
    # 652.9万千升).
    things = (asked.counted or "").isascii()
    if unit and asked.counted and things and asked.units is None and _UNIT.fullmatch(unit.group(1)):
        return True
    # Nor does a count of people (6.8万人 are no smartphones), unless the thing is said of people; nor
    # a count of things in their measure word one of people an English question counts (300台 are no
    # employees).
    people = unit is not None and unit.group(1) in _PEOPLE
    if unit and asked.counted and things and people != _of_people(asked.counted):
        # Of English things, a plural noun ("employees"); not in 个, which counts anything, nor 家, which
        # counts firms (23家机构 of cornerstone investors, 1200家 merchants).
        plural = asked.counted.endswith("s") and _MEASURE_WORD.fullmatch(unit.group(1)) is not None
        if people or plural and unit.group(1) not in "个家":
            return True
    # 单 counts orders alone, whatever the question counts in: 1.5亿单 are no riders, 334单 no stores.
    if unit and unit.group(1) == _ORDER_UNIT and asked.counted and not _orders(asked.counted):
        return True
    # People are counted in 人, 名 or 位, or 个, whatever the question counts in: 三家平台 are no riders, nor
    # 398.1万千升 of beer; with 个, by the noun after it (3.2个百分点 are no employees).
    if unit and asked.counted and asked.counted[-1] in _PERSON_ENDS and unit.group(1) != asked.counted[-1]:
        if unit.group(1) == "个":
            return not presence(asked.counted, text[unit.end() : unit.end() + COUNTED_NOUN_CHARS])
        return unit.group(1) not in _PEOPLE
    if not asked.only or asked.units is None or not asked.measure_word:
        return False
    if not unit or asked.units.search(unit.group(1)):
        return False
    # Another measure word may count the same things (有几首歌: 5张单曲), but not people for things or
    # things for people (多少名员工: 17.3万辆 are cars); a unit or 单 counts none.
    if unit.group(1) != "个":
        people = asked.units is _PEOPLE_UNITS
        return not _MEASURE_WORD.fullmatch(unit.group(1)) or people != (unit.group(1) in _PEOPLE)
    # 个 counts anything: what it counts is the noun after it (两个区域 are no drones).
    after = text[unit.end() : unit.end() + COUNTED_NOUN_CHARS]
    return bool(asked.counted) and not presence(asked.counted or "", after)


def untimely(question: str, quotes: list[str]) -> bool:
    """Whether `question` asks how much of a period and every quote giving such a figure names only others.

    理想汽车7月交付了多少辆？ is not answered by "Li Auto delivered 28,529 vehicles in August" in an
    article that names July for a launch; a quote naming no period may be of the one asked, and so may
    one saying "the period" (`_THE_PERIOD`). Each paragraph of a quote is judged by itself: one that opens
    the quote names its period, if any, in the sentence before it ("Revenue rose 10% to 6.08 billion
    yuan." after the profit "in the July-September period", then "For the first nine months, …"). One
    whose figures are all of another measure gives none (中金公司第三季度营业收入: not 第三季度净利润). A
    figure is of the periods named up to the end of its sentence, where any are: "an adjusted net profit of
    US$460 million" in 2024 is no answer for the first half of 2025, named in the next sentence for revenue.
    """
    asked = periods(question)
    paragraphs = [p for quote in quotes for p in quote.split("\n") if p.strip()]
    kind = wanted(question)
    given = [
        next(
            (said for s, e in sentence_spans(paragraph) if s <= start < e and periods(said := paragraph[:e])),
            paragraph,
        )
        for paragraph in (giving(question, paragraphs) if asked else [])
        for start, end in figures(kind, paragraph)
        if not contradicted(question, paragraph, start, end)
    ]
    return bool(given) and all(
        only_others(asked, periods(quote)) and not _THE_PERIOD.search(quote) for quote in given
    )


# A period named in an earlier sentence, which a quote may leave out: "Revenue for the period was 110.5
# billion yuan" after the first nine months' profit; 报告期内.
_THE_PERIOD = re.compile(
    r"\b(?:for|in|during|over) the (?:period|quarter|half|half-year|nine months|six months|three months)\b"
    r"(?! (?:ended|ending|to|through)\b)|报告期内|本报告期|期内",
    re.I,
)


# A question asking when something will happen, and what says a time ahead: a plan, an expectation, a
# schedule, or a time still to come (明年, 下半年, "later this year").
_ASKS_AHEAD = re.compile(
    r"\bwhen (?:will|would|is \S++ (?:expected|set|due|scheduled|going) to|"
    r"does \S++ (?:plan|expect|aim|intend))\b|"
    r"(?:什么时候|何时)(?:将|会|能|才能|计划|预计|打算)|(?:将|会|计划|预计|打算|有望)(?:在)?(?:什么时候|何时)",
    re.I,
)
_AHEAD_TIME = re.compile(
    r"\bnext (?:year|month|quarter|week)\b|\blater this year\b|明年|下半年|年内|年底", re.I
)
_AHEAD = re.compile(
    r"\b(?:will|would|plans?|planned|planning|programmes?|programs?|expects?|expected|expecting|"
    r"expectations?|aim(?:s|ed|ing)?|intend(?:s|ed|ing)?|due|scheduled|set to|on (?:track|course) to|"
    r"target(?:s|ed|ing)?|goals?|promis(?:e|es|ed)|pledg(?:e|es|ed|ing)|"
    r"committed to|next|later|"
    r"upcoming|coming|by the end|projected|projections?|forecasts?|forecasted|estimates?|estimated|guidance|"
    r"outlook)\b|"
    rf"将|计划|预计|有望|拟|打算|即将|目标|承诺|估计|预估|预测|测算|{_AHEAD_TIME.pattern}",
    re.I,
)


def unforeseen(question: str, quotes: list[str]) -> bool:
    """Whether `question` asks when something will happen and no quote's sentence says a time ahead.

    "When will Luckin relist on Nasdaq?" is not answered by its delisting "in 2020", nor "When will
    ByteDance go public?" by its revenue in 今年上半年: a date past tells what was. A time ahead is a
    date, a quarter or a half-year in a sentence saying a plan, an expectation or a target ("the
    break-even target … promised investors for the fourth quarter").
    """
    if not _ASKS_AHEAD.search(question):
        return False
    sentences = (q[s:e] for q in quotes for s, e in sentence_spans(q))
    return not any(
        _AHEAD.search(x) and (_DATE.search(x) or _AHEAD_TIME.search(x) or periods(x)) for x in sentences
    )


# A question asking for a figure planned, expected or aimed at (计划开多少家门店, "How many stores does
# Heytea plan to open?").
_ASKS_PLAN = re.compile(
    r"\b(?:plans?|planned|planning|expects?|expected|aims?|intends?|targets?|forecasts?|projected)\b|"
    r"计划|预计|打算|目标|预期|(?<![虚模草比])拟",
    re.I,
)


def unplanned(question: str, quotes: list[str]) -> bool:
    """Whether `question` asks for a figure planned or expected and no sentence with a number says a plan.

    瑞幸计划在美国开多少家门店？ is not answered by the two stores it opened, nor "How many stores does
    Heytea plan to open in the United States?" by its overseas count after opening one there.
    """
    if not _ASKS_PLAN.search(question) or not _ASKS_NUMBER.search(question):
        return False
    sentences = [aligned_simplified(q[s:e]) for q in quotes for s, e in sentence_spans(q)]
    numbered = [x for x in sentences if _NUMBER_OR_LIST.search(_DATE.sub(" ", x))]
    return bool(numbered) and not any(_AHEAD.search(x) for x in numbered)


def unmodelled(question: str, quotes: list[str]) -> bool:
    """Whether `question` asks how much of a model (G9, YU7) and no quote giving such a figure names it.

    "What is the price of the XPeng G9?" is not answered by XPeng's average selling price, in an article
    that names the G9 elsewhere.
    """
    models = model_codes(question)
    given = giving(question, quotes) if models else []
    return bool(given) and not any(names_model(m, fold(quote)) for m in models for quote in given)


def giving(question: str, quotes: list[str]) -> list[str]:
    """The `quotes` giving a figure of the kind `question` asks for (none unless it asks for a figure)."""
    if "number" not in question_intents(question):
        return []
    kind = wanted(question)
    return [quote for quote in quotes if figures(kind, quote)]


# Whose thing an English question asks the figure of ("Cotti's revenue"), and whose a sentence gives.
_OWNER_NAME = r"((?-i:[A-Z])[\w.&-]*+)['’]s"
_OWNER = re.compile(rf"\b{_OWNER_NAME}\b")
_OWNED_WORD = re.compile(r"(?<!\s)\s++([a-z][\w-]*+)")


def anothers(question: str, quotes: list[str]) -> bool:
    """Whether every mention in `quotes` of what `question` measures is another company's.

    "What was Cotti's revenue in the first quarter?" is not answered by "Luckin's total net revenue in
    the first quarter rose … to 8.87 billion yuan" in an article naming Cotti elsewhere, nor Sunny
    Optical's profit by "Largan Precision, which reported a first-half net profit of …". A mention whose
    owner is not said ("its revenue", "revenue rose") may be the one asked for, and so may one owned by
    a word of the owner's name ("Alibaba's cloud unit reported revenue" for Alibaba Cloud's).
    """
    asked = _ownership(question)
    if asked is None:
        return False
    mention, owned, name = asked
    mentions = sum(len(mention.findall(q)) for q in quotes)
    others = sum(
        not set((m.group(1) or m.group(2)).lower().split()) & name for q in quotes for m in owned.finditer(q)
    )
    return mentions > 0 and others == mentions


@lru_cache(maxsize=256)
def _ownership(question: str) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]] | None:
    """What `anothers` reads a quote by: what the question measures, its owners' mentions, whose it asks.

    None unless an English question asks whose ("Cotti's revenue"). Computed once a question: every
    candidate sentence is judged by it (`rag.extract`).
    """
    owner = _OWNER.search(question)
    if not owner:
        return None
    # What it measures, or else the word its owner's name comes before ("Why did Galaxy's revenue rise?").
    after = _OWNED_WORD.match(question, owner.end())
    thing = measured(question) or (after.group(1).lower() if after else None)
    if not thing or not thing.isascii():
        return None
    said = re.escape(thing)
    # Owned as "Luckin's total net revenue", or "Largan Precision, which reported a first-half net profit"
    # (a name of a few capitalised words: reading one costs no more than its words).
    owned = re.compile(
        rf"\b{_OWNER_NAME}\s++(?:[\w-]++\s++){{0,3}}?{said}\b|"
        rf"\b((?-i:[A-Z])[\w.&-]*+(?:\s++(?-i:[A-Z])[\w.&-]*+){{0,3}}),\s++which\s++"
        rf"(?:reported|posted|recorded|had|booked)\s++(?:[\w-]++\s++){{0,4}}?{said}\b",
        re.I,
    )
    # The owner's name may be of several capitalised words ("Alibaba Cloud's revenue").
    before = takewhile(lambda w: w[:1].isupper(), reversed(question[: owner.start()].split()))
    name = frozenset(w.lower() for w in (*before, owner.group(1)))
    return re.compile(rf"\b{said}\b", re.I), owned, name


def _measure_asked(question: str) -> re.Match[str] | None:
    """The measure word a how-many question counts by (多少件包裹: 件); not one opening a word (多少门店)."""
    measure = _MEASURE.search(question)
    if measure is None:
        return None
    words = segments(question)
    starts = itertools.accumulate((len(word) for word in words), initial=0)
    opened = next((word for word, at in zip(words, starts, strict=False) if at == measure.start(1)), "")
    return None if len(opened) > 1 and translations(opened) else measure


def wanted(question: str) -> Wanted:
    """What figure a how-much question wants (see `Wanted`)."""
    if _RATE.search(question) or asks_share(question):
        kind = "rate"
    elif _CHANGE.search(question):
        kind = "change"
    elif _HOW_LONG.search(question):
        kind = "duration"
    elif _HOW_MANY.search(question):
        kind = "count"
    else:
        kind = "money" if _ASKS_MONEY.search(question) else "amount"
    words = _counted_words(question) if kind == "count" else []
    counted = words[0] if words else None
    if kind == "amount" and (thing := measured(question)) and _COUNTED_THING.search(thing):
        kind, counted, words = "count", thing, [thing]
    # A sum of money is asked for by its words (多少广告收入: advertising revenue, no count of ads), never
    # in a measure word (多少个销售网点 are outlets), nor by 销售 before a noun, which says what the thing
    # counted does (多少销售网点, 销售人员).
    head = "".join(words[1:2] if words[:1] == ["销售"] else words[:2])
    if counted and _MONEY_THING.search(head) and not _measure_asked(question):
        kind, counted = "money", None
    if kind == "count" and (instead := _uncounted(question)):
        kind, counted = instead, None
    level = kind == "rate" and not _CHANGE.search(question) and not _RATE_OF_CHANGE.search(question)
    # "How many times" counts occurrences or a multiple: in Chinese, in 次 or 倍 alone ("How many times
    # oversubscribed was Mixue's IPO?": 5000倍认购, not the 45000家 stores beside it).
    planned, part = bool(_ASKS_PLAN.search(question)), bool(_PART_OF.search(question))
    if counted == "times":
        return Wanted(kind, _TIMES, True, counted, measure_word=True, planned=planned, part=part)
    if measure := _measure_asked(question):
        word = measure.group(1)
        # People are counted in 人, 名 or 位 alike.
        units = _PEOPLE_UNITS if word in _PEOPLE else re.compile(f"{word}$")
        return Wanted(
            kind, units, word != "个", counted, measure_word=True, level=level, planned=planned, part=part
        )
    units = next((units for asks, units in _DIMENSIONS if asks.search(question)), None)
    thing = measured(question) if kind == "amount" else None
    return Wanted(
        kind,
        units,
        units is not None,
        counted,
        level=level,
        sum=bool(thing and _SUM.search(thing)),
        unlevied=kind in ("money", "amount") and bool(_UNLEVIED.search(question)),
        planned=planned,
        part=part,
    )


def _uncounted(question: str) -> str | None:
    """What a how-many question asks for instead of a count, if it does.

    Money after a verb of spending (投资多少扩产: how much it invests); an amount for a buyback, whose size
    is said in shares or in money alike (回购多少股票: "spend up to HK$1 billion on share buybacks").
    """
    if _SPENT_HOW_MUCH.search(question):
        return "money"
    return "amount" if _BUYBACK.search(question) else None


def measured_weights(question: str, weights: dict[str, float], intents: list[str]) -> dict[str, float]:
    """The question's word `weights`, with what it measures or the post it asks about weighed more.

    What a how-much question measures (`measured`), the post a who-question asks the holder of (CEO):
    `MEASURED_WEIGHT` times over, for choosing the sentence (`rag.extract`) and the figure alike.
    """
    thing = measured(question) if "number" in intents else None
    return {
        word: weight * (MEASURED_WEIGHT if _is_measured(word, thing) or _is_post(word, intents) else 1.0)
        for word, weight in weights.items()
    }


# The words before what a Chinese question measures that narrow it, at most (核心本地商业经营利润: 经营,
# 商业).
NARROWING_WORDS = 2


def _narrowing_measured(question: str) -> tuple[str, ...]:
    """The words right before what a Chinese how-much question measures that say which of it is asked.

    美洲 of 泡泡玛特美洲收入是多少 (the Americas' revenue, not the year's), 广告 of 广告收入: they point at
    its figure as much as the word measured. Not the subject (泡泡玛特, a name the question is about) nor
    a period (一季度, 2024年: judged by `_timely`).
    """
    return _narrowing_run(question)[0]


def _narrowing_run(question: str, declared: Declared | None = None) -> tuple[tuple[str, ...], str]:
    """`_narrowing_measured`, and what the question says before those words (not a name `declared`)."""
    said, before = _said_before_how_much(question)
    if not before:
        return (), said
    # Each word written right before the one after it (terms leaves out the 会让 of 计划会让营业利润).
    said = said[: said.rfind(before[0])]
    subject = set(asked_names(question, declared))
    found: list[str] = []
    for word in _rejoined(before[1:], said)[:NARROWING_WORDS]:
        # A character alone is a word cut off a longer one, but right after 的 (锂 of 紫金矿业的锂产量).
        single = len(word) == 1 and not found and said[: -len(word)].endswith("的")
        if not said.endswith(word) or len(word) < 2 and not single or not all(map(is_cjk, word)):
            break
        # Nor the end of a name (中国 of 百胜中国, a name a headline opens on).
        if (
            word in subject
            or periods(word)
            or _TIME_COMPARED.fullmatch(word)
            or word in STOPWORDS
            or _ends_name(said, word, subject)
        ):
            break
        # What kind of company the subject is, or its trade, after its name is part of it (宇树科技估值多少:
        # 科技; 三一重工净利润增长了多少: 重工), and of a name no list has (舍得酒业: 舍得 is "be willing").
        kind = word in COMPANY_KINDS or word in TRADES
        if kind and (not subject or said[: -len(word)].endswith(tuple(subject))):
            break
        # A word no dictionary has that opens a question naming no subject is its subject (云南白药收入).
        if not subject and not said[: -len(word)].strip() and is_name(word) is None:
            break
        # The day a thing was measured on (首日开盘价) says when, not which part: an article on a listing
        # says "debut" once, not in each sentence giving its day's prices; nor does a part of a period the
        # tokenizer cut (上半 + 财年). 总 (总保费) asks for the whole.
        if not _WHEN_OR_WHOLE.fullmatch(word):
            found.append(word)
        said = said[: -len(word)]
    return tuple(found), said


def _rejoined(words: list[str], said: str) -> list[str]:
    """`words` (the last written first), the lone character right before the measure joined to its word.

    普通酒 and 中高档酒 come cut as 普通 and 中高档 before a lone 酒: a kind of liquor, the part asked for. A
    character after 的 stays alone (锂 of 紫金矿业的锂产量).
    """
    if len(words) > 1 and len(words[0]) == 1 and len(words[1]) > 1:
        whole = words[1] + words[0]
        if all(map(is_cjk, whole)) and said.endswith(whole):
            return [whole, *words[2:]]
    return words


# A day said by what happened on it (首日, 当天), a piece of a period (上半财年, 第二财季), or the whole (总,
# 全部), before what a Chinese question measures.
_WHEN_OR_WHOLE = re.compile(r"[首当次]日|当天|首周|财年|财季|[上下]半|第[一二三四]|[总全]|整体|全部")
# A time said against another (去年同期, 同期, 去年): when, no part; the words before it name whose.
_TIME_COMPARED = re.compile(r"(?:去年|上一?年|今年|本年)?+同期|去年|上一?年")


def _as_adjusted(
    question: str, text: str, spans: list[tuple[int, int]], dates: Collection[int]
) -> list[tuple[int, int]]:
    """`spans` less the adjusted figures (经调整净利润) where the question asks for none, and the other way.

    Only where a figure of the kind asked is there instead: "What was Kanzhun's net income?" is not
    answered by its adjusted net income, said beside it; where only an adjusted one is given, it answers.
    A figure whose sentence names no measure before it is of neither kind, and stays.
    """
    adjusted = asks_adjusted(question)
    kinds = {s: adjusted_before(text, s[0]) for s in spans if s[0] not in dates}
    if not any(kind is not None and kind == adjusted for kind in kinds.values()):
        return spans
    return [s for s in spans if kinds.get(s) in (None, adjusted)]


def _ends_name(said: str, word: str, names: set[str]) -> bool:
    """Whether `word`, ending `said`, ends one of `names` written there whole (中国 of 百胜中国)."""
    return any(len(name) > len(word) and name.endswith(word) and said.endswith(name) for name in names)


# An English question's auxiliaries and prepositions: what is counted or measured ends before them.
_AUXILIARIES = frozenset("do does did is are was were has have had will would can could".split())
_PREPOSITIONS = frozenset("in of at on for from by with to".split())
# English words before what is measured that narrow nothing: an article, an owner, a whole, a period's,
# an auxiliary, a preposition ("sales per store" measures sales).
_NOT_NARROWING = (
    _AUXILIARIES
    | _PREPOSITIONS
    | frozenset(
        "the a an its their his her our total overall annual yearly quarterly full-year average adjusted "
        "combined what much many per".split()
    )
)
# What a measure comes from, right after its word: a lower-case word after "from" and an article.
_WHERE_DONE = re.compile(
    r"\b(?:overseas|abroad|domestically|internationally|online|offline|locally|globally|worldwide)\b", re.I
)
_FROM_SOURCE = re.compile(r"(?<!\s)\s++from\s++(?:(?:the|its|their)\s++)?+([a-z][a-z-]*+)")
# Or a place, in capitals ("revenue from Brazil", "sales from the United States").
_FROM_PLACE = re.compile(r"(?<!\s)\s++from\s++(?:the\s++)?+([A-Z][a-z]++(?: [A-Z][a-z]++)*+)")


def _narrowing_english(question: str) -> tuple[str, ...]:
    """The lower-case words right before what an English how-much question measures ("online" revenue).

    "What was Anta's online revenue?" is not answered by its brand's revenue. Not a name, an owner
    ("Anta's"), a period or a word narrowing nothing (`_NOT_NARROWING`). What a sum paid is paid for
    narrows it too ("How much did Kingsoft Office pay in dividends?" is not answered by its net profit),
    and so does where or how a thing is done, in a how-many question too ("How many cars did Changan sell
    overseas?" is not answered by all it sold).
    """
    if paid := _HOW_MUCH_PAID.search(question):
        return (paid.group(1),)
    if language(question) != "en":
        return ()
    done = [m.group().lower() for m in _WHERE_DONE.finditer(question)]
    thing = measured(question)
    if not thing or not thing.isascii():
        return tuple(done)
    at = re.search(rf"\b{re.escape(thing)}", question, re.I)
    words = question[: at.start()].split() if at else []
    found = takewhile(
        lambda w: w.isalpha() and w.islower() and w not in _NOT_NARROWING and not periods(w), reversed(words)
    )
    # What it comes from, after it ("revenue from the derivatives market"): not a name ("from Tencent"),
    # but a place ("What was XCMG's revenue from Brazil?" is not answered by all its revenue).
    source = _FROM_SOURCE.match(question, at.end()) if at else None
    after = [source.group(1)] if source and source.group(1) not in _NOT_NARROWING else []
    place = _FROM_PLACE.match(question, at.end()) if at else None
    after += [place.group(1).lower()] if place and _a_place(place.group(1).lower()) else []
    return tuple(dict.fromkeys((*islice(found, NARROWING_WORDS), *after, *done)))


def _a_place(name: str) -> bool:
    """Whether the English `name` (lower-case) is a place: a name CC-CEDICT has, no company listed."""
    return not listed_company(name) and any(is_name(t) for t in translations(name) if not t.isascii())


# How far a quote must say a word narrowing what is measured (`unnarrowed`).
NARROWING_SAID = 0.5


def unnarrowed(question: str, quotes: list[str], declared: Declared | None = None) -> bool:
    """Whether a how-much question narrows what it measures by a word no quote says, in any language.

    B站的会员收入是多少？ is not answered by Bilibili's net profit, 抖音的外卖佣金是多少？ not by the
    commission on group-buying deals, 抖音电商的退货率是多少？ not by a commission rate: the quotes tell
    another part of the thing measured, or another rate. One of its words said is enough (语言使用比例:
    "母语使用者"), in its words, loosely close ones of the other language (营业: "operating") or close
    ones of its own (种类: 品种). Words the question opens with name what it is about, not which part of it
    (黄鳍紫鱼体长多少？: the fish). Not by the thing it narrows alone: 退货 ("return merchandise") is not said
    by "gross merchandise volume".
    """
    words, before = _narrowing_run(question, declared)
    asks = bool(_ASKS_NUMBER.search(question))
    if not words:
        words, before = _narrowing_english(question), question
        asks = "number" in question_intents(question)
    words = _unmeasured(question, words)
    if not words or not any(map(str.isalnum, before)) or not asks:
        return False
    folded = [fold(q) for q in quotes]
    return not any(_says_narrowing(word, q) for q in folded for word in words)


def _unmeasured(question: str, words: Iterable[str]) -> tuple[str, ...]:
    """`words` narrowing what `question` measures but a measure `rag.qualifiers` tells apart, judged there.

    营业 of 营业利润 ("operating profit") is such a measure, not a part.
    """
    measures = measure_words(question)
    return tuple(w for w in words if not any(w in named for named in measures))


def _says_narrowing(word: str, folded: str) -> bool:
    """Whether the text `folded` says the `word` narrowing what is measured (`NARROWING_SAID`).

    In its words, loosely close ones of the other language (营业: "operating") or close ones of its own
    (种类: 品种); what is abroad in many words (海外收入: 国际业务收入, "international revenue").
    """
    said = max(presence(word, folded, closeness=SEARCHING, heads=False), synonymous(word, folded, SYNONYMS))
    return said >= NARROWING_SAID or ABROAD.fullmatch(word) is not None and ABROAD.search(folded) is not None


def _figure_weights(
    question: str, weights: dict[str, float], intents: list[str], names: Collection[str]
) -> dict[str, float]:
    """`measured_weights`, with a compound naming what a how-many question counts weighed as measured.

    What the question names weighs `SUBJECT_PULL` of its rarity, and so do the words of it and of `names`
    (those articles declare: 健康 of 京东健康; 希望 of 新希望, which the tokenizer cuts apart).

    For choosing among a sentence's figures only: in choosing the sentence, the thing counted weighed
    so ("How many points …") quotes another passage's "11 points" over the one saying 丢了308分. So are
    the words narrowing what is measured (`_narrowing_measured`): in choosing the sentence, one a
    dictionary misses would weigh against every sentence alike (营业 of 营业利润, "operating profit").
    """
    counted = _counted_thing(question) if "number" in intents else None
    narrowing = (
        (*_narrowing_measured(question), *_narrowing_english(question), *_counting_verb(question))
        + tuple(w for w in _counted_words(question)[1:] if _COUNT_MODIFIER.fullmatch(w))
        if "number" in intents
        else ()
    )
    named = (*subject_names(question), *names)
    return {
        word: weight
        * (MEASURED_WEIGHT if _is_counted(word, counted) or word in narrowing else 1.0)
        * (SUBJECT_PULL if in_names(word, named) else 1.0)
        for word, weight in measured_weights(question, weights, intents).items()
    }


def _counted_thing(question: str) -> str | None:
    """What a how-many question counts (stores, 门店), when it names it; not what people do (多少人参加)."""
    asked = wanted(question)
    people = (m := _measure_asked(question)) is not None and m.group(1) in _PEOPLE
    return asked.counted if asked.kind == "count" and not people else None


# Where an English how-many question's verb follows: its auxiliary ("How many cars did Chery export").
_AUXILIARY_COUNTED = re.compile(rf"\bhow many\b[^?]*?\b{_AUXILIARY}", re.I)


def _counting_verb(question: str) -> tuple[str, ...]:
    """The verb a how-many question counts by, which tells which of a sentence's counts it asks.

    出口 of 奇瑞去年出口了多少辆车, "export" of "How many cars did Chery export?": "sold 2.6 million vehicles,
    of which 1.14 million were exported". After the auxiliary, past the subject's capitalised words, in
    English; right before 多少 or 几, in Chinese. Not a period, the subject, nor how it counts (一共).
    """
    if _counted_thing(question) is None:
        return ()
    if language(question) == "en":
        asks = _AUXILIARY_COUNTED.search(question)
        words = dropwhile(lambda w: w[:1].isupper(), question[asks.end() :].split() if asks else [])
        verb = next(words, "").strip("?.,!").lower()
        return (verb,) if verb.isalpha() and verb not in STOPWORDS else ()
    asks = _COUNTED.search(question)
    before = question[: asks.start()].removesuffix("了") if asks else ""
    said = terms(before, search_mode=False)
    verb = said[-1] if said else ""
    return (
        (verb,)
        if len(verb) > 1
        and before.endswith(verb)
        and all(map(is_cjk, verb))
        and verb not in STOPWORDS
        and verb not in subject_names(question)
        and not periods(verb)
        and not _COUNTING.fullmatch(verb)
        else ()
    )


def _is_counted(word: str, counted: str | None) -> bool:
    """Whether the question's `word` is a compound naming what a how-many question counts (`counted`).

    A compound opening with it tells which of a sentence's counts is asked ("How many daily active
    users": not the monthly ones beside them); the word alone is what the whole and its part both
    count (45000家门店, 其中约4900家位于海外: the words narrowing it choose).
    """
    return counted is not None and word.startswith(f"{counted} ")


# A founder's post, which founding says who holds and which says no one leads now.
_FOUNDER = re.compile(r"(?:co-?)?founders?|创始人|创办人|联合创始人", re.I)
# The post a who-question asks the holder of: what it asks, as what a how-much question measures is.
_POST = re.compile(
    r"ceo|cfo|coo|cto|chief \w++ officer|chief executive|chair(?:man|woman|person)?|president|"
    r"managing director|董事长|首席[^\W官]{1,4}官|总裁|总经理|负责人|掌门人|董事[会局]主席|"
    rf"{_FOUNDER.pattern}",
    re.I,
)
# A post as a question or a quote says it: a whole word (the "cto" of "Doctor Who" is none).
_POST_SAID = re.compile(rf"(?<![a-z])(?:{_POST.pattern})(?![a-z])", re.I)
# What says who holds a post, besides the post's own name: another post (the president of a company its
# chief executive may be called), or leading something ("led by"); and founding it (创立), for a founder.
_LEADING = re.compile(
    rf"{_POST_SAID.pattern}|执掌|掌舵|领导|带领|负责|"
    r"\b(?:(?:led|headed|run|chaired) by|heads|leads|runs|chaired)\b",
    re.I,
)


# A post said right before a person's name ("Geely chairman Li Shufu"), and how far before it is read.
_POST_BEFORE = re.compile(rf"(?:{_POST_SAID.pattern})\s++$", re.I)
POST_REACH = 30


# Founding something, which a who-question asks the founder of ("Who founded …?", 谁创立了…).
_FOUNDING = re.compile(r"\b(?:co-?)?found(?:ed|ing)\b|创立|创办", re.I)
# Founding said of someone, founding's words (`_FOUNDING`) or others ("set up by").
_FOUNDED = re.compile(rf"{_FOUNDING.pattern}|创建|\b(?:established|set up|started) by\b", re.I)


def unposted(question: str, quotes: list[str]) -> bool:
    """Whether a who-question asks the holder of a post (`_POST`) and no quote says who holds any.

    古茗的首席财务官是谁？ is not answered by the sentence on Guming's listing, which names no one's post; nor
    "Who founded SF Holding?" by Dewu's fine, which says no one founded anything.
    """
    if "who" not in question_intents(question):
        return False
    posts = [m.group() for m in _POST_SAID.finditer(fold(question))]
    founder = bool(_FOUNDING.search(question)) or any(_FOUNDER.fullmatch(post) for post in posts)
    chair = any(_CHAIR.fullmatch(post) for post in posts)
    return bool(posts or founder) and not any(
        _holding(folded, founder, chair) or any(presence(post, folded) >= 1 for post in posts)
        for folded in map(fold, quotes)
    )


# The chair of a board, whom no other post names, nor the chair them: 海康威视的董事长是谁？ is not answered
# by its 总经理, nor "Who is Xiaomi's CEO?" by its chairman.
_CHAIR = re.compile(r"chair(?:man|woman|person)?|董事长|董事[会局]主席|chaired by|chaired", re.I)


def _holding(folded: str, founder: bool, chair: bool) -> bool:
    """Whether a quote says who holds a post: for a founder, founding too; else a post not a founder's.

    极兔的CEO是谁？ is not answered by who founded it: a founder may have handed the company on. A chair
    asked (`chair`) is said only as one; another post, by any but a chair.
    """
    if founder and _FOUNDED.search(folded):
        return True
    return any(
        founder or not _FOUNDER.fullmatch(m.group()) and (_CHAIR.fullmatch(m.group()) is not None) == chair
        for m in _LEADING.finditer(folded)
    )


def _is_post(word: str, intents: list[str]) -> bool:
    """Whether a who-question's `word` names the post it asks the holder of (CEO, 董事长)."""
    return "who" in intents and _POST.fullmatch(word) is not None


def _is_measured(word: str, thing: str | None) -> bool:
    """Whether the question's `word` names the `thing` it measures: it, or a compound ending in it."""
    return thing is not None and (word == thing or word.endswith(f" {thing}"))


def measured(question: str) -> str | None:
    """The word for what a how-much question asks the amount of, when it says one.

    Not for how many: what it counts is found by its own rules (`figures`). The last word before a
    closing 多少 (营收 of 美团三季度营收是多少); the word after "how much" ("How much revenue did PDD
    report?"); the last word of what "what was" asks for, before a preposition ("What was Meituan's
    revenue in the third quarter?": revenue); what a change asked of is said of ("How much did J&T's revenue
    grow?": revenue, not its parcels' growth beside it); what a sum is paid in ("How much did Kingsoft
    Office pay in dividends?": dividends).
    """
    if _COUNTED.search(question) and not _HOW_MUCH_ZH.search(question):
        return None
    if (
        asks := _HOW_MUCH_OF.search(question)
        or _HOW_MUCH_CHANGED.search(question)
        or _HOW_MUCH_PAID.search(question)
    ):
        return asks.group(1).lower()
    if asks := _WHAT_WAS.match(question):
        words = re.split(r"\s+", question[asks.end() :].strip(" ?？"))
        phrase = list(takewhile(lambda w: w.lower() not in _PHRASE_ENDS, words))
        return phrase[-1].lower() if phrase and not POSSESSIVE_END.search(phrase[-1]) else None
    if _HOW_MUCH_ZH.search(question):
        said, before = _said_before_how_much(question)
        # 量 ("volume") of a thing the tokenizer cut it from is measured with it (订单量: 订单 + 量).
        if before[:1] == ["量"] and len(before) > 1 and is_cjk(before[1][0]):
            return before[1] + before[0]
        # A number of things is of the thing right before it (学生人数: 学生, 门店数量: 门店), counted.
        if before[:1] and before[0] in _NUMBER_OF and len(before) > 1 and before[1] + before[0] in said:
            return before[1]
        return before[0] if before and (is_cjk(before[0][0]) or _measure_in_latin(before[0])) else None
    return None


def _said_before_how_much(question: str) -> tuple[str, list[str]]:
    """What a Chinese question says before its closing 多少, and its words from there back.

    The change words just before 多少 (增长, 下降) are left out; both are empty without a closing 多少.
    """
    asks = _HOW_MUCH_ZH.search(question)
    said = question[: asks.start()] if asks else ""
    words = reversed(terms(said, search_mode=False))
    return said, list(dropwhile(lambda w: _CHANGE_WORD.fullmatch(w) or _COUNTING.fullmatch(w), words))


def _measure_in_latin(word: str) -> bool:
    """Whether a Chinese question's Latin `word` before 多少 is a measure (GMV, ARPPU), not a name (YU7)."""
    return word.isascii() and word.isalpha() and not named(word)


def _counted_words(question: str) -> list[str]:
    """What a how-many question counts, first: the word after "how many", or the words after 多少 or 几.

    A measure word between (多少件包裹) is left out; 多少平方公里 asks for an area, and counts nothing.
    """
    if not (asks := _COUNTED.search(question)):
        return []
    if asks.group(1):
        return [_counted_noun(asks.group(1).lower())]
    after = terms(question[asks.end() :], search_mode=False)
    # Users active in a month or a day (月 + 活跃 + 用户) are counted as users, not months.
    if len(after) > 2 and after[0] in "日周月" and after[1].startswith("活"):
        after = after[2:]
    # A noun for people the tokenizer cut from its last character (快递 + 员) is one word.
    if len(after) > 1 and after[1] in _PERSON_ENDS:
        after = [after[0] + after[1], *after[2:]]
    # Where or how the things counted are run, before them, is no thing counted (多少家线下门店: stores).
    if len(after) > 1 and _COUNT_MODIFIER.fullmatch(after[0]):
        after = [*after[1:], after[0]]
    # A model counted by its code (多少架C919) is what is counted too.
    named = bool(after) and after[0] in model_codes(after[0])
    return after if after and (is_cjk(after[0][0]) or named) and not _UNIT.match(after[0]) else []


# Where or how things counted are run, said before them (线下门店, 海外门店, 直营门店, 零售药店).
_COUNT_MODIFIER = re.compile(r"线[上下]|海外|国内|境[内外]|直营|加盟|自营|在营|零售|批发")


def _counted_noun(words: str) -> str:
    """The noun of the words after "how many": its last plural before a verb or a preposition, else the first.

    "How many daily orders does a Nayuki store get?" counts orders, "how many directly operated
    stores" stores; "how many people died" people.
    """
    ends = _AUXILIARIES | _PREPOSITIONS
    run = list(takewhile(lambda w: w not in ends, re.split(r"[\s-]+", words)))
    # A plural ends in one s ("stores", "cities"; not "business", nor "us").
    plurals = [w for w in run if len(w) > 3 and w.endswith("s") and not w.endswith("ss")]
    return plurals[-1] if plurals else words.split()[0].split("-")[0]


def figures(wanted: Wanted, text: str) -> list[tuple[int, int]]:
    """The spans of `text` that are figures of the kind a question wants (see `Wanted`, `_figures`).

    For a plan, those said as planned first: "How many riders does JD plan to hire?" is answered by "plans
    to hire another 100,000", not by the "50,000 full-time delivery riders" hired so far, which alone
    name what they count.
    """
    found = _figures(wanted, text)
    if wanted.part:
        # "About 70% of its stores are in third-tier cities" says how many of them are.
        read = aligned_simplified(text)
        found = sorted({*found, *(m.span() for m in _FIGURE.finditer(read) if _levied(read, *m.span()))})
    if not wanted.planned:
        return found
    planned = [span for span in found if _planned(text, span[0])]
    # Else a count said as planned, of the things or in no unit ("aims to sell 200,000 this year"); money
    # is said as money.
    if not planned and wanted.kind in ("count", "amount"):
        loose = (
            _figures(wanted._replace(counted=None), text)
            if wanted.counted
            else _counts(text, [m.span() for m in _NUMERAL.finditer(aligned_simplified(text))])
        )
        planned = [span for span in loose if _planned(text, span[0])]
    return planned or found


# A count of a part of a whole (库迪门店有多少在三线城市, "How many of its stores are …"): a share answers it.
_PART_OF = re.compile(r"多少[^，。？?]{0,6}?(?:在|位于|来自|分布[在于])|\bhow many of\b", re.I)


def _planned(text: str, start: int) -> bool:
    """Whether the figure at `start` of `text` is said as planned, in its clause (`_PLANNED_BEFORE`)."""
    return bool(_PLANNED_BEFORE.search(aligned_simplified(text), max(0, start - ESTIMATE_CHARS), start))


def _figures(wanted: Wanted, text: str) -> list[tuple[int, int]]:
    """The spans of `text` that are figures of the kind a question wants, plans or not.

    A how-many question counting in no measure word but 个 is answered by a number with the thing
    counted, when one is there (三城 for 几个城市, "12 cities"; see `_counted`). An amount may be a bare
    count ("over 220,000 sales") when no figure has a unit; figures in the question's units come
    first (1262件, not 3周, for 多少件包裹), and are the only answer when it asks for them (8公斤,
    and never the 三个 beside it, for how heavy) and figures with units are there. Read in simplified
    characters, as the patterns are written (35億美元: 35亿美元).
    """
    text = aligned_simplified(text)
    wanted = wanted.read_in(text)
    if wanted.counted and not wanted.only and (counted := _counted(wanted.counted, text)):
        return counted
    spans = [m.span() for m in _FIGURE.finditer(text)]
    found = _in_kind(wanted, text, spans)
    if wanted.kind == "change" and not found:
        found = [
            (s, e)
            for s, e in spans
            if not _DURATION.search(text, s, e)
            and not _follows(_LEVEL_BEFORE, text, s)
            and not _follows(_ASIDE_OPENS, text, s)
        ]
    if wanted.kind == "count":
        found = _counts_of_kind(wanted, text, found)
    # A sum or an amount may be levied as a rate ("the commission rate … cut from 2.5% to 1.5%", "an
    # extra 50% of ad revenue") where none is said in money; a change is no level of it (广告收入同比增长
    # 超过30% says how fast, not how much).
    levied = [(s, e) for s, e in spans if _levied(text, s, e)]
    if wanted.kind == "money":
        return [(s, e) for s, e in found if _money(text, s, e)] or ([] if wanted.unlevied else levied)
    if wanted.units is not None:
        units, measured_in_words = wanted.units, wanted.measure_word
        united = [span for s, e in found if (span := _in_units(units, measured_in_words, text, s, e))]
        # How far, long, heavy or large a thing is, no bare count says (人口为 1,345,596 for how far).
        if united or wanted.only and (found or units in _PHYSICAL_UNITS):
            return united
    if not found and wanted.kind == "amount" and not wanted.unlevied:
        found = levied
    # A bare count ("over 220,000 sales"), but no sum: "123 million paying users" is no revenue.
    if not found and wanted.kind in ("amount", "count") and not wanted.sum:
        found = [m.span() for m in _COUNT.finditer(text)]
        if wanted.kind == "count":
            found = _counts_of_kind(wanted, text, found)
    return found


def _counts_of_kind(wanted: Wanted, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The `spans` that are counts (`_counts`), in no measure word or unit of others (`_in_other_unit`).

    Nor of people where other things are counted (`_people_instead`).
    """
    return [
        span
        for span in _counts(text, spans, wanted)
        if not _in_other_unit(wanted, text, span[0]) and not _people_instead(wanted, text, span[0])
    ]


# A number alone, decimals too (3.8 of "dropped to 3.8", 收视率为7.07), not a percentage nor a number
# in a unit or measure word (16,000 个, 2级).
_BARE = re.compile(rf"(?<![\d.,])\d++(?:[.,]\d++)*+(?![.,]?\d|\s*+(?:[%％{CJK_RANGE}]|per ?cent))")


def _rated(wanted: Wanted, text: str) -> list[tuple[int, int]]:
    """For a rate no percentage, fraction or ratio in `text` gives, the numbers that may say it in units.

    翻台率 "dropped to 3.8", 收视率为7.07: no sum of money, span of time or year; the question's words
    then choose among them, as among any figures.
    """
    if wanted.kind != "rate" or FRACTION.search(text):
        return []
    spans = (m.span() for m in _BARE.finditer(text))
    # Nor a day of a date ("SHANGHAI, Oct 31 (Reuters)" gives no gross margin).
    dates = [m.span() for m in _DATE.finditer(text)]
    return [
        (s, e)
        for s, e in spans
        if not _money(text, s, e)
        and not _DURATION.search(text, s, e)
        and not years(text[s:e])
        and not any(start <= s < end for start, end in dates)
    ]


def rate_for_sum(question: str, figure: str) -> bool:
    """Whether `figure` is a rate standing in for the sum `question` asks for (see `figures`)."""
    asked = wanted(question)
    return (asked.kind == "money" or asked.sum) and bool(_PERCENT.search(figure))


def _in_kind(wanted: Wanted, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The figures of `spans` in percent for a rate or a change, in units of time for how long, else not.

    For a sum, those in a currency come first. A rate asked as a level (a share, a margin) is not a
    change said in percent: what share advertising makes up is not how fast it grows ("rise by about
    40%").
    """
    if wanted.kind == "duration":
        return [(s, e) for s, e in spans if not _PERCENT.search(text, s, e) and _DURATION.search(text, s, e)]
    percent = wanted.kind in ("rate", "change")
    found = [(s, e) for s, e in spans if bool(_PERCENT.search(text, s, e)) == percent]
    # Points of a percentage are what a rate moved by: no change of a sum (收入增长了多少: not 0.6个百分点).
    if wanted.kind != "rate":
        found = [(s, e) for s, e in found if not _POINTS.search(text, s, e)]
    # A sum is said in money, never in a unit of things (净利润 is not 692.34亿千瓦时 of power made).
    if wanted.sum:
        found = [(s, e) for s, e in found if not _UNIT_NEXT.match(text, e)]
    # A multiple said in words is a change, no amount (GMV 翻倍 is not how much GMV there was).
    found = [(s, e) for s, e in found if wanted.kind == "change" or not _WORD_MULTIPLE.search(text, s, e)]
    changed = [(s, e) for s, e in found if said_changed(text, s, e)]
    if wanted.level:
        return [span for span in found if span not in changed]
    if wanted.changing:
        # A percentage said as a change first, not the share beside it ("up 34%", not "makes up more
        # than 20%").
        return changed or found
    if wanted.kind == "change":
        # A change is said after its verb (同比增长204.4%), or as a multiple ("more than doubled"); a share
        # beside it (占总营收的34.7%) is no change. A multiple in words only where no figure of its sentence
        # says it ("more than tripled to 13.88 billion yuan, a 204.4% increase": 204.4%).
        multiples = [(s, e) for s, e in spans if _MULTIPLE.search(text, s, e)]
        worded = [(s, e) for s, e in multiples if _WORD_MULTIPLE.search(text, s, e)]
        numeric = changed + [span for span in multiples if span not in worded]
        said = {_sentence_at(text, s) for s, _ in numeric}
        return sorted(numeric + [(s, e) for s, e in worded if _sentence_at(text, s) not in said]) or found
    if wanted.sum:
        # A sum is said in money first; else by a figure counting no things ("123 million paying users"
        # is no revenue).
        return [(s, e) for s, e in found if _money(text, s, e)] or [
            (s, e) for s, e in found if not _counting(text, s, e)
        ]
    return found


def _counting(text: str, start: int, end: int) -> bool:
    """Whether the figure `text[start:end]` counts things: a plural noun or a measure word after it.

    The lower end of a range counts what its upper end does (9万 of 9万至9.5万辆 counts cars).
    """
    start, end = _range_end(text, end) or (start, end)
    unit = _UNIT_AFTER.match(text, start)
    return bool(
        _THING_AFTER.match(text, _whole_end(text, end)) or unit and _MEASURE_WORD.fullmatch(unit.group(1))
    )


def said_changed(text: str, start: int, end: int) -> bool:
    """Whether the figure `text[start:end]` is said as a change, not a level.

    By the words before it ("up 34%", 同比增长26%) or after it ("a 10.9% year-on-year increase").
    """
    return bool(
        _CHANGED_BY.search(text, max(0, start - CHANGE_CHARS), start) or _CHANGE_AFTER.match(text, end)
    )


# Up to two words may stand between a number and what it counts ("18 new restaurants", "135 million
# monthly buyers", a model's "H1 humanoid robots"); a count said again of the same thing leaves it out
# ("… and closed 23 during the half").
MODIFIERS_BETWEEN = 2
_MODIFIER = re.compile(
    r"(?<![a-z0-9-])(?!(?:of|the|a|an|in|on|at|to|for|by|per|from|and|or|than|percent)\b)[a-z][a-z0-9-]*+\s++"
)
_ELIDED = re.compile(
    rf"(?<!\s)\s*+,?\s*+(?:and|but|while)\s++[a-z]++\s++({_NUMERAL.pattern})"
    r"(?=\s++(?:in|during|over|by|last|this|from|across)\b|\s*+[,.;]|\s*+$)",
    re.I,
)


# The total a count of things brings them to, later in its sentence (within 80 characters): "opened 536
# new stores in the quarter, bringing its total to 17,514" counts stores twice.
_TOTAL_AFTER = re.compile(
    r"[^.;!?。；！？]{0,80}?\b(?:total|tally)\s++(?:of|to|at)\s++"
    r"(\d++(?:,\d{3})*+(?:\.\d++)?+(?:\s++(?:thousand|million|billion))?+)(?![\d.,]\d)"
)
# A part of the count said later in its sentence without the thing (within 80 characters), after what
# the part is: "delivered 303,400 vehicles in the first nine months, including 124,000 in the third
# quarter", "650 million monthly active users …, of which WPS AI accounted for more than 29 million",
# "7,768 stores worldwide …, including 3,305 outside mainland China", "sold 2.6 million vehicles …, of
# which 1.14 million were exported".
_PART_AFTER = re.compile(
    rf"[^.;!?。；！？]{{0,80}}?,\s*+(?:{_PART_WORDS})\s++(?:[a-z][\w-]*+\s++){{0,6}}?"
    r"(\d++(?:,\d{3})*+(?:\.\d++)?+(?:\s++(?:thousand|million|billion))?+)(?![\d.,]\d)"
    r"(?=\s++(?:in|during|over|by|from|across|outside|within|at|abroad|overseas|were|was|are|is)\b|"
    r"\s*+[,.;]|\s*+$)"
)


def _said_later(folded: str, end: int) -> list[re.Match[str]]:
    """What else a count ending at `end` of `folded` counts later in its sentence, each as group 1.

    The same things counted again without them ("opened 18 … and closed 23 during the half", `_ELIDED`),
    their total (`_TOTAL_AFTER`), a part of them (`_PART_AFTER`) and the next part listed after it
    ("including 7 in the United States and 68 in Singapore"), or after the count's own ("1,000 retail
    stores in China and about 150 outside the mainland").
    """
    elided, total, part = (pattern.match(folded, end) for pattern in (_ELIDED, _TOTAL_AFTER, _PART_AFTER))
    more = _AND_PART.match(folded, part.end(1) if part else end)
    return [m for m in (elided, total, part, more) if m]


# The next part of a count, listed after one (see `_PART_AFTER`): "… and (about) 68 in Singapore".
_AND_PART = re.compile(
    r"[^.;!?。；！？,]{0,40}?(?<!\s)\s*+,?\s*+and\s++(?:(?:about|around|some|nearly|roughly|almost|over)\s++)?+"
    r"(\d++(?:,\d{3})*+)(?![\d.,]\d)"
    r"(?=\s++(?:in|at|from|outside|across|within)\b)"
)


def _counted(thing: str, text: str) -> list[tuple[int, int]]:
    """The spans of `text` that count `thing`, a number and the thing, in either language.

    "three cities", 三城 for 城市 (a Chinese noun's first character after a numeral), or a number and
    the measure word it is counted in, when the thing follows them (两个 of 两个校区); and the total
    such a count brings them to later in its sentence (`_TOTAL_AFTER`), or a part of it (`_PART_AFTER`).
    """
    folded, offsets = fold_mapped(text)
    found = []
    for number in _NUMERAL.finditer(folded):
        measure = _MEASURE_AFTER.match(folded, number.end())
        at = measure.end()
        end = word_end(thing, folded, at)
        if end is None and is_cjk(thing[0]) and at == number.end() and folded.startswith(thing[0], at):
            end = at + 1
        modified = at
        # English modifiers, whichever language names the thing (多少个城市: "20 more cities").
        for _ in range(MODIFIERS_BETWEEN if end is None else 0):
            if not (modifier := _MODIFIER.match(folded, modified)):
                break
            modified = modifier.end()
            if (end := word_end(thing, folded, modified)) is not None:
                break
        if end is not None:
            # With a measure word the number is whole without the thing (1200家, before 商家).
            end = measure.end(1) if measure.group(1) else end
            found.append((offsets[number.start()], offsets[end - 1] + 1))
            found += [(offsets[m.start(1)], offsets[m.end(1) - 1] + 1) for m in _said_later(folded, end)]
    # Counted in "units" where the text counts the thing by its name too, it is that thing: "207,000
    # vehicles, while exports rose 47% to 94,000 units".
    return sorted(dict.fromkeys(found + _counts_in_units(folded, offsets))) if found else found


# What a count in units ends with (see `_counted`).
_UNITS_COUNTED = re.compile(r"units?\b")


def _counts_in_units(folded: str, offsets: list[int]) -> list[tuple[int, int]]:
    """The spans of the counts in units of the text `folded` (`offsets` map it to the text)."""
    spans = []
    for number in _NUMERAL.finditer(folded):
        if units := _UNITS_COUNTED.match(folded, _MEASURE_AFTER.match(folded, number.end()).end()):
            spans.append((offsets[number.start()], offsets[units.end() - 1] + 1))
    return spans


def _counts(text: str, spans: list[tuple[int, int]], wanted: Wanted | None = None) -> list[tuple[int, int]]:
    """The spans that count things: no span of time (3个月, 八个季度), no sum of money, no digits (三位数).

    Nor a code (股票代码为1364: 古茗在海外有多少家门店 is not answered by its stock code).

    Nor a date: Keeta's riders are not counted by when it launched ("in May 2023"); nor a change
    (同比增长了100%以上, "to rise by about 40%", 翻倍): how many moderators RedNote hired is not how
    fast its revenue grows. A multiple counts the times it is (5000倍) when `wanted` asks how many times.
    """
    multiples = wanted is not None and wanted.units is _TIMES
    dates = [m.span() for m in _DATE.finditer(text)] if spans else []
    return [
        (s, e)
        for s, e in spans
        if not _DURATION.search(text, s, e)
        and not _NO_COUNT_AFTER.match(text, e)
        and not _money(text, s, e)
        and not any(start <= s < end for start, end in dates)
        and (multiples or not _MULTIPLE.search(text, s, e))
        and not (_PERCENT.search(text, s, e) and said_changed(text, s, e))
        and not _follows(_CODE_BEFORE, text, s)
    ]


# What says a count is of things added, or taken away, before it in its clause (新开门店536家, 关闭12家,
# "opened 536", "added another 1,200", "closed 12") or right after its number ("536 new stores"); and a
# question asking for such a count: how many were opened is not answered by how many closed.
_ADDING = "新开|新增|新设|新签|净增|增加"
_REMOVING = "关闭|关停|关了|撤出|净减|减少"
_SOME = r"(?:(?:another|a|net|further|record|about|around|some|nearly|over|more than)\s++)*+$"
_ADDED_BEFORE = re.compile(
    rf"(?:增加了|{_ADDING})[^，。；,;]{{0,6}}$|\b(?:opened|opens|opening|added|adds|adding)\s++{_SOME}", re.I
)
_REMOVED_BEFORE = re.compile(
    rf"(?:{_REMOVING})[^，。；,;]{{0,6}}$|\b(?:closed|closes|closing|shut|shuts|shutting)\s++{_SOME}", re.I
)
# "New energy vehicles" (新能源汽车) are a kind of car, not cars added; "New Oriental" is a name.
_NEW = r"(?-i:new|New(?![\s-]++[A-Z]))\b(?![\s-]++energy\b)"
_ADDED_AFTER = re.compile(
    rf"(?<!\s)\s*+(?:million\s++|thousand\s++)?+(?:net\s++)?+(?:{_NEW}|(?:additional|extra|more)\b)", re.I
)
_ASKS_ADDED = re.compile(
    rf"{_ADDING}|开了?+多少|(?:多少|几)[^，。？?]{{0,3}}?新|招聘|招募|招收|\b(?:{_NEW}|(?:additional|more|opened|open|opens|added|add|adds)\b)|"
    r"\b(?:gain|gains|gained|hire|hires|hired|hiring|recruit|recruits|recruited)\b",
    re.I,
)
_ASKS_REMOVED = re.compile(rf"{_REMOVING}|\b(?:closed|close|closes|shut|shuts)\b", re.I)
# The characters read before a count for what says it is of things added or taken away.
COUNT_CHANGE_CHARS = 24


def _count_change(text: str, start: int) -> str:
    """How the count at `start` of `text` changed a number of things: "added", "removed", or "" (none)."""
    number = _DIGITS.match(text, start)
    before = aligned_simplified(text[max(0, start - COUNT_CHANGE_CHARS) : start])
    if number and _ADDED_AFTER.match(text, number.end()) or _ADDED_BEFORE.search(before):
        return "added"
    return "removed" if _REMOVED_BEFORE.search(before) else ""


def _changed_otherwise(asked: str, text: str, start: int) -> bool:
    """Whether the count at `start` of `text` took things away where the question asks how many were added.

    Or the other way round (`asked`: see `_asked_change`): 今年关闭2座 answers no question on how many coal
    mines were opened. Nor do things added answer how many there are: 计划新增覆盖城市50个 is not how many
    cities SF Intra-City covers.
    """
    said = _count_change(text, start)
    return bool(said and asked != said)


def _changed_as_asked(
    question: str, asked: Wanted, text: str, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The counts of `spans` changed no otherwise than `question` asks (see `_changed_otherwise`).

    海底捞有多少家门店？ is not answered by a brand's "新开门店超过60家", though its sentence has no other. A
    plan is, by what it adds ("plans to expand its pilot to 20 more cities").
    """
    if asked.kind != "count" or asked.planned:
        return spans
    change = _asked_change(question)
    kept = [span for span in spans if not _changed_otherwise(change, text, span[0])]
    # Where each count naming the thing is such, the count that does not name it ("The number of paying
    # clients reached 3.12 million …, and the company added 262,000 paying clients").
    if spans and not kept and asked.counted:
        unnamed = figures(asked._replace(counted=None), text)
        kept = [span for span in unnamed if not _changed_otherwise(change, text, span[0])]
    return kept


def _asked_change(question: str) -> str:
    """How the things a how-many question counts changed, as `_count_change` says it, if it asks."""
    return "added" if _ASKS_ADDED.search(question) else "removed" if _ASKS_REMOVED.search(question) else ""


# What says a figure is of a part of a company, before it in its sentence (at most PART_CHARS characters):
# its unit, segment or business.
PART_CHARS = 120
# Words before a sum that say it is the whole's, or of a period, or how it moved: no part's.
_WHOLE_SUM_WORDS = "|".join(
    [
        *sorted((w for w in STOPWORDS if w.isascii()), key=len, reverse=True),
        "total|net|gross|overall|operating|consolidated|combined|adjusted|core|group|global|annual|annualized",
        "quarterly|monthly|yearly|full-year|half-year|first-half|second-half|(?:first|second|third|fourth)-quarter",
        "nine-month|six-month|said|reported|posted|higher|lower|record|strong|weak|solid|robust|steady|flat",
        "rising|falling|slower|faster|lifted|boosted|hit|weighed|drove|driven|forecast|tax|pre-tax|whereas",
        "although|though|because|despite|including|excluding|unit|company|firm",
    ]
)
_KIND_WORD = rf"(?!(?:{_WHOLE_SUM_WORDS})\b)(?-i:[a-z])[a-z]*+(?:-[a-z]++)*+"
_PART_OWNER = re.compile(
    r"\bits\s++(?:[\w-]++,?+\s++){0,4}?(?:unit|division|segment|group|business|arm|subsidiary|brand|chain|"
    r"services)\b|"
    # A sum from some of the business ("Revenue from these new brands"), or each one's ("average revenue per
    # mobile user"), or a named one's ("Revenue at JD Retail"); not one of an amount ("revenue from about 5
    # billion yuan"), nor the company's ("Total revenue of Tencent": "of" names the whole as often as a part).
    r"\b(?:revenues?|sales|income)\s++(?:from\s++(?!(?:about|around|roughly|nearly|almost|some|"
    r"over|more|less|up|an?|the)\b)(?=[a-z])|per\b|at\s++(?-i:(?=[A-Z])))|"
    # A brand's ("The core Xtep brand's revenue grew 3.1%"), of a company of several.
    r"\bbrand['’]s\s++(?:revenues?|sales)\b|"
    # A kind's, named between a company and its sum ("Maoyan's online ticketing revenue"); not the whole's
    # nor a period's ("Maoyan's total revenue", "third-quarter"), nor a name's ("Sam's Club China sales").
    rf"['’]s\s++(?:{_KIND_WORD}\s++){{1,3}}?(?:revenues?|sales)\b|"
    r"(?<!主营)(?<!核心)业务|板块|分部|事业部|事业群|"
    # Figures by product, category, brand or channel (分产品看，中高档酒类收入…), or a kind's (酒类收入), a
    # brand's or a channel's (呷哺呷哺品牌收入, 中高端品牌凑凑收入, 电商渠道收入); not by region: a place
    # asked of says which part ("outside its home province": 省外).
    r"[分按](?:产品|品类|品牌|渠道|行业)|类(?:产品)?+(?:收入|营收|销售额)|"
    # What a part adds to the whole (瓜子…贡献营收约29亿元).
    r"贡献(?:了)?+(?:收入|营收|销售额)|"
    r"(?:品牌|渠道)[^，。；,;\d]{0,8}?(?:收入|营收|销售额)",
    re.I,
)


_PART_ASKED = re.compile(
    r"\b(?:units?|divisions?|segments?|business(?:es)?|arms?|subsidiar\w++|brands?)\b|业务|板块|分部|事业|品牌",
    re.I,
)


def _of_part(text: str, start: int) -> bool:
    """Whether the figure at `start` of `text` is said of a part of a company, in its sentence."""
    return bool(_PART_OWNER.search(sentence_before(text, start, PART_CHARS)))


def _of_part_named(names: Collection[str], text: str, start: int) -> bool:
    """Whether the part of a company the figure at `start` of `text` is of is one of `names`, said after it.

    "Revenue from Tianyi Cloud, the company's cloud computing unit, grew 3.8% to 43.1 billion yuan"
    answers 天翼云收入是多少？: the part is what the question asks about. Named whole, not by a word of it
    (云南白药's wholesale arm "distributes drugs in Yunnan province"), nor as a brand of the company (see
    `_brand_at`).
    """
    before = sentence_before(text, start, PART_CHARS)
    # The part said last before the figure, in its clause, is whose part it is: not 洽洽 of
    # "分品类看，瓜子仍是洽洽的基本盘，前三季度贡献营收约29亿元".
    owner = next(reversed(list(_PART_OWNER.finditer(before))), None)
    if not owner:
        return False
    said = before[max((m.end() for m in CLAUSE_END.finditer(before, 0, owner.start())), default=0) :]
    folded = fold(said)
    as_company = any(
        not _brand_at(name, folded, at) for name in names for at in whole_occurrences(name, folded)
    )
    return as_company and not _only_longer(names, said)


# What says a company's name there names one of its brands (呷哺呷哺品牌收入, "the Xiabuxiabu brand"): the
# word for a brand after the name, or after the rest of the word it was found at, in the other script
# (its pinyin, xiabuxiabu, found at 呷 of 呷哺呷哺品牌).
_BRAND = r"(?<!\s)\s*+(?:品牌|brands?\b)"
# The most characters a brand's name in Chinese has, read on from where its pinyin was found.
BRAND_NAME_CHARACTERS = 6
_BRAND_AFTER = re.compile(_BRAND)
_BRAND_AFTER_WORD = re.compile(
    rf"(?:(?<![a-z'’\-])[a-z'’\-]++|[{CJK_RANGE}]{{1,{BRAND_NAME_CHARACTERS}}}?){_BRAND}"
)


def _brand_at(name: str, folded: str, at: int) -> bool:
    """Whether `name`, found at `at` of `folded`, names a brand of the company there, not the company."""
    if folded.startswith(name, at):
        return bool(_BRAND_AFTER.match(folded, at + len(name)))
    return bool(_BRAND_AFTER_WORD.match(folded, at))


def _only_longer(names: Collection[str], text: str) -> bool:
    """Whether `names` are written in Latin letters in `text` only to open longer names ("JD Retail": 京东).

    Such a name is of a part of the company, or another one (see `next_name_word`).
    """
    ends = [
        m.end()
        for spelling in _latin_spellings(names)
        for m in re.finditer(rf"(?<![\w&.]){re.escape(spelling)}(?![\w&])", text, re.I)
    ]
    return bool(ends) and all(next_name_word(text, end) for end in ends)


def of_what_asked(question: str, kind: str) -> Callable[[str, int], bool]:
    """Whether a figure (at a place of a text) is of the whole a how-much question asks about, or its part.

    Additions to a count ("536 new stores", 新开门店536家) answer how many were added, not how many there
    are ("bringing its total to 17,514"), and the other way round; so do removals ("closed 12 learning
    centers", 关闭12家); a sum of a part of the company ("Its infrastructure solutions group … grew
    revenue 24% to $4.1 billion", 智能家居业务收入) answers only a question narrowing what it measures or
    naming a part (`_asks_part`), and so does a change of it (分产品看，中高档酒类收入…同比下降5.6%), or a
    sum of a name its sentence introduces (`_of_other_introduced`). `kind`: the figure's it wants. A
    question narrowing what it measures is answered only by a figure said of that part (`_said_of_part`).
    """
    if kind == "count":
        asked, things = _asked_change(question), of_things_asked(question)
        return lambda text, start: _count_change(text, start) == asked and things(text, start)
    if kind == "change" and not _SUM.search(measured(question) or ""):
        return lambda text, start: True
    if kind not in ("money", "amount", "change"):
        return lambda text, start: True
    narrowing = _part_words(question)
    if narrowing:
        return lambda text, start: _said_of_part(narrowing, text, start)
    if _asks_part(question):
        return lambda text, start: True
    names = subject_names(question)
    spelled = _latin_spellings(names)
    return lambda text, start: (
        (not _of_part(text, start) or _of_part_named(names, text, start))
        and not _of_other_introduced(spelled, text, start)
    )


def _part_words(question: str) -> list[str]:
    """The words narrowing what `question` measures to a part, in either language; no name, no measure."""
    words = (*_narrowing_measured(question), *_narrowing_english(question))
    return [w for w in _unmeasured(question, words) if not is_name(w)]


def unparted(question: str, quotes: list[str]) -> bool:
    """Whether `question` narrows what it measures to a part and `quotes` give such figures only of others.

    舍得酒业普通酒收入增长了多少？ is not answered by the company's revenue "同比下降17.5%", said before the
    quote first names 普通酒 (see `_said_of_part`), nor 春秋航空国际航线收入 by its revenue before
    "International flights … made up about 26% of its capacity". A quote giving no such figure says nothing
    either way, and a figure asked of no kind told (an amount: a "load factor" may be a percentage) is not
    judged.
    """
    asked = wanted(question)
    if not (asked.sum or asked.kind in ("money", "change")) or not _part_words(question):
        return False
    of_what = of_what_asked(question, asked.kind)
    found = [(quote, start) for quote in quotes for start, _ in figures(asked, quote)]
    return bool(found) and not any(of_what(quote, start) for quote, start in found)


def _said_of_part(narrowing: Sequence[str], text: str, start: int) -> bool:
    """Whether the figure at `start` of `text` is said of the part `narrowing`'s words name.

    Not where its sentence says one of them only past its reach: in its sentence before it, or in its
    clause after it, short of a reason or a contrast joined on. "Revenue from overseas apps … jumped 66%"
    is theirs; "a 2% fall in revenue, as … growth at its overseas apps" is the company's. Nor where the
    text names the part first after its sentence: the figure before is the whole's (营业收入为1000亿元, then
    智能家居业务增长较快), where one after may tell of a part named before it ("Revenue at the unit").
    A word the text never says tells nothing (a name, or a part said otherwise: "home renovation" for 家装).
    """
    sentence = _sentence_at(text, start)
    reach, said = _part_reach(text, start), fold(text[slice(*sentence)])
    before, after = fold(text[: sentence[0]]), fold(text[sentence[1] :])

    def later(word: str) -> bool:
        return _says_narrowing(word, after) and not _says_narrowing(word, before)

    return not any(
        not _says_narrowing(w, reach) and (_says_narrowing(w, said) or later(w)) for w in narrowing
    )


def _part_reach(text: str, start: int) -> str:
    """Where the figure at `start` of `text` may be said of a part, folded (see `_said_of_part`).

    Its sentence before it, and its clause after it short of a reason or a contrast joined on; not a
    relative clause telling what a thing before it holds among others: "Sales of frozen prepared dishes,
    which include its crayfish products, dropped 12%" and "Its health products unit, which sells Baiyao
    toothpaste, brought in 5.0 billion yuan" give no crayfish's nor toothpaste's sum.
    """
    sentence = _sentence_at(text, start)
    stop = _clause_end(text, start, sentence[1])
    joined = JOINED_REASON.search(text, start, stop)
    return fold(_RELATIVE_CLAUSE.sub(" ", text[sentence[0] : joined.start() if joined else stop]))


# A relative clause naming what a thing holds among others ("which include", "which sells"), not what it
# is ("which mainly comes from advertising", "which runs Beike").
_RELATIVE_CLAUSE = re.compile(
    r",\s++(?:which|that)\s++(?:[a-z]++ly\s++)?+(?:includ|contain|cover|sell|make|offer)[a-z]*+\s[^,;]*+,"
)


def _of_part_said(question: str, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of `spans`, those said of the part `question` narrows to within their reach, if any are.

    A figure whose sentence names the part beats one its sentence leaves to a part named before: 安井食品
    小龙虾收入 is "Sales of its crayfish products dropped 12% to 1.6 billion yuan", not the next sentence's
    "Frozen hotpot ingredients brought in 3.9 billion yuan".
    """
    narrowing = _part_words(question)
    reaches = ((span, _part_reach(text, span[0])) for span in spans) if narrowing else ()
    said = [span for span, reach in reaches if any(_says_narrowing(w, reach) for w in narrowing)]
    return said or spans


def of_things_asked(question: str) -> Callable[[str, int], bool]:
    """Whether a count (at a place of a text) may be of the things a how-many question counts.

    Not the number of another thing its clause names ("cut the number of products on their shelves to
    about 12,000" is no count of stores; see `_numbers_other`).
    """
    counted = wanted(question).counted or ""
    return lambda text, start: not _numbers_other(counted, text, start)


def _latin_spellings(names: Iterable[str]) -> frozenset[str]:
    """How `names` are written in Latin letters, folded: as asked, or as the dictionaries translate them."""
    said = [t for name in names for t in (name, *translations(name))]
    return frozenset(fold(t) for t in said if t.isascii())


# A sentence opening on a name introduced by an apposition or a relative clause ("TOP TOY, which sells blind
# boxes …, grew revenue by 87.9%"): what it reports is that one's.
_INTRODUCED = re.compile(
    r"(?<![\w&'’.\-])(?P<name>(?:[A-Z][\w&'’.\-]*+\s++){0,3}?[A-Z][\w&'’.\-]*+),\s++(?:which|whose|the|an?)\b"
)


def _of_other_introduced(spelled: Collection[str], text: str, start: int) -> bool:
    """Whether the figure at `start` of `text` is of a name its sentence introduces, none of `spelled`.

    Only where the names asked have a Latin spelling to compare (`_latin_spellings`).
    """
    opening = _INTRODUCED.match(sentence_before(text, start, PART_CHARS)) if spelled else None
    return bool(opening) and not any(occurrences(name, fold(opening.group("name"))) for name in spelled)


def _asks_part(question: str) -> bool:
    """Whether a how-much question narrows what it measures, or names a part of a company (`_PART_ASKED`)."""
    return bool(_narrowing_measured(question) or _narrowing_english(question) or _PART_ASKED.search(question))


# What a number that names rather than counts is after: a code (股票代码为1364, "stock code 9992").
_CODE_BEFORE = re.compile(r"(?:代码|编号|代号|\b(?:code|ticker|no\.))\s*+[为是:：#]?+$", re.I)


# What a figure is after, when it is the level a change went to or came from ("fell to 30.75 billion yuan
# from 32.01 billion", 从32亿元降至30亿元), or the level reached ("reached US$10.2 billion", 达到), not the
# change; and when it is the level said again in brackets, in another currency ("fell to 8.5 billion yuan
# ($1.19 billion)").
_LEVEL_BEFORE = re.compile(
    r"(?:\b(?:to|from|reach(?:ed|es|ing)?+|totall?+(?:ed|ing)|st(?:ood|ands?) at)|[至到从]|达到?+)$"
)
_ASIDE_OPENS = re.compile(r"[(（]$")


def _in_units(
    units: re.Pattern[str], measure_word: bool, text: str, start: int, end: int
) -> tuple[int, int] | None:
    """The figure `text[start:end]` if in `units`, with the `measure_word` after its scale (30万辆).

    The lower end of a range is in its upper end's units (9万 of 9万至9.5万辆).
    """
    if units.search(text, start, end):
        return start, end
    if measure_word and units.search(text, start, min(len(text), end + 1)):
        return start, end + 1
    upper = _range_end(text, end)
    return (start, end) if upper and _in_units(units, measure_word, text, *upper) else None


def _sum_said(question: str, text: str) -> bool:
    """Whether `text` has a figure in money, or a percentage that may be levied (`_levied`) if the sum may be.

    Not one its clause says is of another measure than `question` asks (`contradicted`): 净利润是多少 is
    not answered by "revenue has exceeded 1 billion yuan", beside "has been profitable since 2020"; nor a
    price the market puts on the company (`market_priced`). Nor a rate for a sum never levied (see
    `_UNLEVIED`): a valuation is not "70% of its stores".
    """
    levies = not wanted(question).unlevied
    return any(
        (_money(text, s, e) or levies and _levied(text, s, e))
        and not contradicted(question, text, s, e)
        and not market_priced(question, text, s, e)
        for s, e in (m.span() for m in _FIGURE.finditer(text))
    )


def _levied(text: str, start: int, end: int) -> bool:
    """Whether the figure `text[start:end]` is a percentage said as a level, not a change."""
    return bool(_PERCENT.search(text, start, end)) and not said_changed(text, start, end)


def _money(text: str, start: int, end: int) -> bool:
    """Whether the figure `text[start:end]` is a sum: its currency inside, just before or just after.

    "600" of "600元", "400" of "400 billion RMB"; or a number said of a sum by name (`_named_sum`); or
    the lower end of a range of sums ("27.2 billion to 28.6 billion yuan").
    """
    return bool(
        _MONEY.search(text, max(0, start - 1), end)
        or _CURRENCY_AFTER.match(text, end)
        or _named_sum(text, start, end)
        or ((upper := _range_end(text, end)) and _MONEY.search(text, upper[0], upper[1]))
    )


# What a sum of money is called (GMV, revenue, 营收; not a rate of it: "profit margin", 利润率), and a
# number with at most its scale after it. Narrower than `_SUM`: no sales, which may be counted ("sales
# reached 5 million").
_SUM_NAME = re.compile(
    r"(?:\b(?:gmv|gross merchandise (?:volume|value)|revenues?|turnover|net income|profits?|earnings|"
    r"valuations?|market (?:cap|capitali[sz]ation|value))\b|营收|收入|利润|市值|估值|成交额|交易额|销售额)"
    r"(?!\s*+(?:rates?|margins?|ratios?|growth|shares?)\b|[率比])",
    re.I,
)
_SCALED_NUMBER = re.compile(rf"\d[\d,.]*+\s*+(?:{SCALES})?+")
# What starts a clause of its own between a sum's name and a number ("GMV rose 10%, while orders
# reached 2 billion"), or ends the sentence.
_CLAUSE_OF_ITS_OWN = re.compile(r",\s*+(?:while|and|but|whereas|with|as)\b|[;。；，!?！？]|\.\s", re.I)
# How far before a number a sum's name says what it is.
SUM_NAME_REACH = 80


def _named_sum(text: str, start: int, end: int) -> bool:
    """Whether the number `text[start:end]`, in no currency, is said of a sum named before it.

    "Kuaishou's e-commerce GMV … grew by 15.4% year-on-year in Q1, reaching 332.3 billion" is money,
    no count of goods sold: the sum's name stands before it in its clause (`SUM_NAME_REACH`) and no
    thing is named after it ("revenue … to 3 billion users" counts users). A percentage or a figure
    in units is no sum.
    """
    if not _SCALED_NUMBER.fullmatch(text, start, end):
        return False
    if (end < len(text) and is_cjk(text[end])) or _THING_AFTER.match(text, end):
        return False
    before = text[max(0, start - SUM_NAME_REACH) : start]
    names = list(_SUM_NAME.finditer(before))
    return bool(names) and not _CLAUSE_OF_ITS_OWN.search(before, names[-1].end())


# One place after 在 or 位于 that CC-CEDICT lists as a name (在新加坡开设首家海外门店): the longest such
# run of characters there, not the first of a list (see `_PLACES`).
PLACE_CHARS = 5
_LISTED = ("、", "和", "及", "与")
_AFTER_IN = re.compile(f"(?:(?<=在)|(?<=于))[{CJK_RANGE}]{{2,{PLACE_CHARS}}}")


def _one_place(text: str) -> list[tuple[int, int]]:
    """The spans of single places named after 在 or 于 (位于, 创立于; see `_AFTER_IN`).

    A place may be written inside the one holding it (四川成都): the two are one answer.
    """
    found = []
    for match in _AFTER_IN.finditer(text):
        run, size = match.group(), 0
        while longest := next((n for n in range(len(run) - size, 1, -1) if is_name(run[size : size + n])), 0):
            size += longest
        if size and not text.startswith(_LISTED, match.start() + size):
            found.append((match.start(), match.start() + size))
    return found


def _place_list(match: re.Match[str]) -> tuple[int, int]:
    """The span of a list of places: a Chinese list's last name as long as the one before it.

    The pattern cannot tell where "在上海、杭州、广州三城" ends its names; the names of a list are mostly
    of one length.
    """
    if match.group("moved"):
        return match.span("moved")
    listed = 1 if match.group(1) else "joined" if match.group("joined") else None
    if listed is None:
        return match.span()
    names = re.split("[、和及]", match.group(listed))
    return match.start(listed), match.end(listed) - len(names[-1]) + min(len(names[-1]), len(names[-2]))


# What stands before a date opening its clause.
_OPENS = re.compile(r"(?:^|[,，;；。!?！？.:：])$")
# What stands before the value a change started from ("up from 2.9 billion", "up from a previous
# target of 300,000", "narrowing from a loss of 700 million", 由29亿元, 由去年同期的41.9%, 上年同期为), and a
# question asking for that value.
_OF_KIND = r"(?:\s++(?:a|an|the)(?:\s++[a-z-]++){1,2}?\s++of)"
_FROM = re.compile(
    rf"(?:\bfrom{_OF_KIND}?+|"
    r"(?:由|从|较)(?:去年|上一?年|前年|上季度|上月|年初)?+(?:同期|底|末)?+的?+|"
    r"(?:去年|上一?年)同期(?:则|仅)?+(?:为|是))$",
    re.I,
)
# The value compared with, when said of an earlier time: "compared with a loss of 2.5 billion yuan a year
# earlier", "against a net loss of $121 million in the same period last year"; not "compared with an
# offering price of 114.28 yuan".
_COMPARED = re.compile(rf"\b(?:compared (?:with|to)|versus|vs\.?|against){_OF_KIND}?+$", re.I)
_EARLIER_AFTER = re.compile(
    r"[^,;，；。]{0,30}?\b(?:a year (?:earlier|ago|before)|(?:in )?the (?:same|year-ago|previous) "
    r"(?:period|quarter|year)|last year|the year before)\b",
    re.I,
)
# The characters read before a position for what stands there (`_follows`), and for what a change
# started from (`_started_from`).
BEFORE_CHARS = 8
FROM_CHARS = 40
_ASKS_EARLIER = re.compile(
    r"去年|上一?年|前一年|同期|此前|之前|\blast year\b|\bprevious(?:ly)?\b|\bprior\b|"
    r"\ba year (?:ago|earlier)\b|\bbefore\b|\bstart(?:ed)? (?:from|at)\b",
    re.I,
)
# How far after a figure a year dates it ("$100 billion in 2022").
YEAR_AFTER = len(" in 2022")

# What joins the two ends of a range (50米至1,520米, 276米-285米, 1978年至1980年, 100–120 meters); not
# "to", which in English news mostly ends a change ("rose from 2.9 to 3.3 billion").
_RANGE = re.compile(r"(?<!\s)\s*+(?:至|到|~|～|-|–|—)\s*+")
_AND = re.compile(r"(?<!\s)(?:\s++and\s++|\s*+和\s*+)")
_TO = re.compile(r"(?<!\s)\s++to\s++")
_BETWEEN = re.compile(r"\bbetween$|在$", re.I)


# What says a figure is an estimate, just before it: "beating analysts' expectations of", "had expected
# net income of", "estimated it at about", 预计将超过; and a question asking for one.
_ESTIMATE_BEFORE = re.compile(
    r"\b(?:expectations?|estimates?|forecasts?|projections?|consensus|expected|estimated|projected|predicted)"
    r"(?:\s++[\w'-]++){0,5}?(?:\s++(?:of|for|at|to be|to reach))?\s++"
    r"(?:(?:about|around|roughly|nearly)\s++)?$|"
    r"(?:预期|预估|预测|估计|预计)(?:将|会)?(?:为|约|达到?|在|超过|至)?$",
    re.I,
)
_ASKS_ESTIMATE = re.compile(
    r"\b(?:expect\w*+|estimat\w*+|forecast\w*+|projected|consensus|guidance|outlook)\b|预期|预估|预测|估计|预计|指引",
    re.I,
)
# A plan said before its figure, in its clause ("plans to hire another", 计划年内新增).
_PLANNED_BEFORE = re.compile(
    r"\b(?:plan(?:s|ned|ning)?|aim(?:s|ed|ing)?|intend(?:s|ed|ing)?|target(?:s|ed|ing)?|goals?|"
    r"pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|committed)\b"
    r"(?:\s++[\w'-]++){0,5}?\s++$|"
    r"(?:计划|打算|目标|拟|承诺)[^，。；,;]{0,12}$",
    re.I,
)
# The characters read before a figure for what says it is an estimate.
ESTIMATE_CHARS = 40


# What a company says it expects ("expects to have more than 1,000 on the road"): an estimate for a
# question asking for one, but a full-year revenue it expects may be all a text gives for the year.
_EXPECTS_BEFORE = re.compile(r"\b(?:expects?|expecting)(?:\s++[\w'-]++){0,5}?\s++$", re.I)


# An estimate said after its figure, within twice `ESTIMATE_CHARS` and its clause ("beating the $470 million
# average of analysts' estimates"), and what ends a clause there (not a decimal point or separator).
_ESTIMATE_AFTER = re.compile(r"\b(?:estimates|expectations|consensus)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[;，；。]|[,.](?!\d)")


def _estimated(text: str, start: int, *, expects: bool = False) -> bool:
    """Whether the figure at `start` of `text` is said as an estimate, before it or after, or as expected."""
    before = max(0, start - ESTIMATE_CHARS)
    patterns = (_ESTIMATE_BEFORE, _EXPECTS_BEFORE) if expects else (_ESTIMATE_BEFORE,)
    if any(p.search(text, before, start) for p in patterns):
        return True
    after = _ESTIMATE_AFTER.search(text, start, start + 2 * ESTIMATE_CHARS)
    return after is not None and not _CLAUSE_BREAK.search(text, start, after.start())


def estimate_for_fact(question: str, text: str, start: int) -> bool:
    """Whether the figure at `start` of `text` is an estimate and `question` asks for no estimate."""
    return _estimated(text, start) and not _ASKS_ESTIMATE.search(question)


def fact_for_estimate(question: str, text: str, start: int) -> bool:
    """Whether `question` asks for an estimate and the figure at `start` of `text` is said as none."""
    return bool(_ASKS_ESTIMATE.search(question)) and not _estimated(text, start, expects=True)


# A figure in brackets just after another, maybe past the other's unit, restates it in another unit or
# currency: "8.6 billion yuan ($1.20 billion)", "263港元（约合33.6美元）".
_RESTATING = re.compile(
    r"(?<!\s)\s*+(?:[^\W\d]{1,8}+\s*+)?+[(（]\s*+(?:约合|折合|约|合|about|approximately|roughly|around|some|or)?+\s*+",
    re.I,
)


def _unrestated(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` less those restating the one before (`_RESTATING`): the figure first given is the answer."""
    return [
        span
        for before, span in zip([None, *spans], spans, strict=False)
        if before is None or _RESTATING.fullmatch(text, before[1], span[0]) is None
    ]


def _started_from(text: str, at: int) -> bool:
    """Whether the figure at `at` of `text` is the value a change started from, or an earlier one compared."""
    return _follows(_FROM, text, at, FROM_CHARS) or (
        _follows(_COMPARED, text, at, FROM_CHARS) and _EARLIER_AFTER.match(text, at) is not None
    )


def _follows(before: re.Pattern[str], text: str, at: int, reach: int = BEFORE_CHARS) -> bool:
    """Whether what `text` has just before `at`, blanks aside, ends as `before` does.

    Only the last `reach` characters are read: a quote's hundred figures cost a hundred short looks.
    """
    end = at
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return before.search(text, max(0, end - reach), end) is not None


def _ranges(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` in order, two joined by a range's connector made one (its lower end alone would mislead)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if merged and merged[-1][1] <= start and _joined(text, *merged[-1], start):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _range_end(text: str, end: int) -> tuple[int, int] | None:
    """The upper end of the range a figure ending at `end` opens (9.5万 after 9万至), if it opens one."""
    connector = _RANGE.match(text, end)
    upper = connector and _FIGURE.match(text, connector.end())
    return upper.span() if upper else None


# A bare number opening a range whose upper end alone has the unit ("between 80 and 90 GW", 80至90吉瓦),
# "between" with it, and how far before its upper end it is read.
_NUMBER_ONLY = r"\d++(?:[.,]\d++)*+"
_LOWER_END = re.compile(
    rf"(\bbetween\s++{_NUMBER_ONLY})\s++and\s++$|在({_NUMBER_ONLY})\s*+和\s*+$|"
    rf"(?<![\d.,])({_NUMBER_ONLY})\s*+(?:至|到|~|～|-|–|—)\s*+$",
    re.I,
)
LOWER_END_CHARS = 30


def _range_start(text: str, start: int) -> int:
    """`start`, moved back to the bare number opening the range the figure there ends (`_LOWER_END`)."""
    lower = _LOWER_END.search(text, max(0, start - LOWER_END_CHARS), start)
    return lower.start(lower.lastindex or 0) if lower else start


def _joined(text: str, start: int, end: int, after: int) -> bool:
    """Whether `text[start:end]` and the figure at `after` are a range's ends (3至5年, "between 3 and 8").

    Also "27.2 billion to 28.6 billion yuan", where the lower end is a bare number and no change starts
    from it ("fell 4.5% to 719.4 billion yuan", "from 10 billion to 12 billion yuan" are changes).
    """
    if _RANGE.fullmatch(text, end, after):
        return True
    if _TO.fullmatch(text, end, after):
        bare = not (_MONEY.search(text, start, end) or _PERCENT.search(text, start, end))
        return bare and not _started_from(text, start)
    return _AND.fullmatch(text, end, after) is not None and _follows(_BETWEEN, text, start)


def _near(text: str, start: int, end: int, places: dict[str, list[int]], date: bool) -> bool:
    """Whether a question word at `places` pointing at `text[start:end]` stands within `FAR_REACH` of it."""
    return any(
        _apart(text, start, end, at, date) <= FAR_REACH
        for found in places.values()
        for at in _around(found, start, end)
        if _points(text, start, end, at)
    )


def _around(found: list[int], start: int, end: int) -> list[int]:
    """The places of `found` (in order) that may pull at the span from `start` to `end`.

    Those inside it and the `PULL_NEAREST` nearest on either side, within `PULL_CHARS`: a farther one is
    nearer as `_distance` counts only past a long aside.
    """
    first, last = bisect_left(found, start), bisect_left(found, end)
    lowest = max(first - PULL_NEAREST, bisect_left(found, start - PULL_CHARS))
    return found[lowest : min(last + PULL_NEAREST, bisect_right(found, end + PULL_CHARS))]


def _apart(
    text: str, start: int, end: int, at: int, date: bool, others: Sequence[tuple[int, int]] = ()
) -> float:
    """`_distance`, or `ANCHOR_REACH` for what a figure counts, inside it.

    What another figure of `others` counts points at it first, no nearer another: "stores" of "1,000 retail
    stores in China and about 150 outside the mainland" is no nearer to the 150 after it.
    """
    if start <= at < end:
        return ANCHOR_REACH
    distance = _distance(text, start, end, at, date)
    # Only a word nearer than that is looked up among the others (this runs for each word and figure).
    if distance >= ANCHOR_REACH:
        return distance
    inside = any(s <= at < e for s, e in others if (s, e) != (start, end))
    return ANCHOR_REACH if inside else distance


def _points(text: str, start: int, end: int, at: int) -> bool:
    """Whether a question word at `at` points at the span `text[start:end]`.

    It stands outside, or a figure's number comes before it (what "420 stores" counts is what 多少家门店
    asks for).
    """
    return not start <= at < end or _NUMERAL.search(text, start, at) is not None


def _distance(text: str, start: int, end: int, at: int, date: bool = False) -> float:
    """How far a question word at `at` stands from the figure or `date` `text[start:end]`, as characters.

    A figure usually follows what it measures ("net profit margin of 14.0%", "年卡收费为168元"): a word
    after it counts double, and each clause boundary between them as `CLAUSE_CHARS` more characters
    (after it, an "and" too). A date opening its clause dates what follows it ("1970年，在…取得学士学位",
    "In 2015, …"), not what came before (the degree before "，1975年在…取得硕士学位" is not 1975's), and one
    closing its clause what precedes it (成立于1939年): after a date words count plain, the boundary right
    after it aside.
    """
    before = at < start
    # From the end of an English word before it: "revenues rose 86%" is as near as "income grew 47%".
    gap = text[min(_LATIN_WORD_AT.match(text, at).end(), start) : start] if before else text[end:at]
    # An English date after its preposition closes what it dates; after it, "and" joins another deed
    # ("launched in Hong Kong in May 2023 and expanded to Saudi Arabia in September 2024").
    if date and not before and _follows(_DATED_BY, text, start):
        return 2 * (len(gap) + CLAUSE_CHARS * len(_BOUNDARY_OR_AND.findall(gap)))
    if date and not before and (boundary := BOUNDARY.match(gap.lstrip())):
        gap = gap.lstrip()[boundary.end() :]
    # An aside between them is one clause away, however long ("Super VIP members, who pay 25 yuan a
    # month for …, now number more than 15 million").
    gap = _ASIDE.sub(",", gap)
    far = len(gap) + CLAUSE_CHARS * len(BOUNDARY.findall(gap))
    if not date:
        return _figure_distance(gap, far, before)
    return math.inf if before and _follows(_OPENS, text, start) else far


# A place said right after a figure by its preposition is the figure's ("7 in the United States"); a word
# before "and" and a figure is the item before's ("… the United States and 68 in Singapore").
# Each is read from the start of a run of blanks only (the gap begins there).
_PLACED_AFTER = re.compile(r"(?<!\s)\s++(?:in|at)\s++(?:the\s++)?+")
_LISTED_BEFORE = re.compile(r"(?<!\s)\s*+,?\s*+and\s++")


def _figure_distance(gap: str, far: float, before: bool) -> float:
    """`_distance` of a word from a figure, `gap` between them, `far` as counted plain (see there)."""
    if before:
        return far + (CLAUSE_CHARS if _LISTED_BEFORE.fullmatch(gap) else 0)
    if _PLACED_AFTER.fullmatch(gap):
        return far
    # After it, "and" or a semicolon starts the next thing told ("opening at $31.00 and closing at
    # $32.45", "营业总收入45.3亿元，同比增长100.65%；净利润35.3亿元").
    return 2 * (far + CLAUSE_CHARS * len(_NEXT_TOLD.findall(gap)))


def _adds(question: str, span: str) -> bool:
    """Whether `span` has a word the question (folded) does not say, in either language."""
    return any(not matched_share({word: 1.0}, question) for word in terms(span))


def states(question: str, span: str, share: float = 0.5) -> bool:
    """Whether the question (folded) already says what `span` says, in either language.

    `share` of its words or more, or their translations: 快手自营旗舰店 says "Kuaishou Official
    Self-Operated Flagship Store". A name says what another English name for it does ("the United
    States": "US", both 美国).
    """
    # A date's 年 is no word of it: 哪一年 does not say 1903年.
    words = dict.fromkeys((t for t in terms(span) if t not in _DATE_PARTS), 1.0)
    return bool(words) and ((matched_share(words, question) or 0.0) >= share or _named_alike(span, question))


_DATE_PARTS = frozenset("年月日号")


_THE = re.compile(r"^\s*+the\s++", re.I)
_LATIN_WORD = re.compile(r"[a-z]++")


def _named_alike(span: str, question: str) -> bool:
    """Whether the English `span` and a word of `question` translate as one name (the United States, US)."""
    named = {t for t in translations(_THE.sub("", span.lower())) if is_name(t)}
    # Every word, "us" too, which search leaves out.
    return bool(named) and any(named & translations(w) for w in _LATIN_WORD.findall(question.lower()))


# What ends the sentence before a word that opens the next.
_SENTENCE_ENDS = frozenset(".!?。！？\n")


def whole_name(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a name found in `text`, with the word opening its sentence, if one stands before it.

    "Tencent Music Entertainment Group (TME) said …" is found as "Music Entertainment Group": whether
    the question already says it is read of the whole. Not a post ("Founder Zhang Yong stepped down"):
    the name is Zhang Yong's, which "Who founded Haidilao?" does not say.
    """
    if start < 2 or text[start - 1] != " ":
        return start, end
    begin = start - 1
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "'’&-"):
        begin -= 1
    blank = begin
    while blank > 0 and text[blank - 1] in " \t":
        blank -= 1
    opens = blank == 0 or text[blank - 1] in _SENTENCE_ENDS
    post = _POST.fullmatch(text[begin : start - 1].lower()) is not None
    return (begin, end) if opens and text[begin].isupper() and not post else (start, end)


def states_figure(question: str, span: str) -> bool:
    """Whether the question (folded) already says the figure `span`, by its number.

    What it counts does not say it: the question naming 门店 ("stores") does not state "420 stores"; the
    第 33 届 of "第 33 届超级碗时多大？" is stated. A span without a number is read whole.
    """
    number = _NUMERAL.search(span)
    return states(question, number.group() if number else span)


# What continues a Latin word or a number past a point inside it: letters and digits, a decimal point
# or thousands separator followed by a digit, a hyphen or apostrophe followed by a letter.
_WORD_REST = re.compile(rf"[0-9A-Za-z]*+(?:[.,][0-9]++|[-'’](?!{_ATTRIBUTIVE})[A-Za-z]++)*+")


# A measure word right after a Chinese number (30万辆, 3000座), and a unit after an English number's scale
# ("186 million tonnes").
_MEASURE_AFTER_NUMBER = re.compile(f"(?<=[0-9{_NUMERALS}])(?:{MEASURES}|{UNITS})")
_UNIT_AFTER_SCALE = re.compile(rf"(?<=[A-Za-z])\s++(?:{UNITS})", re.I)


def _measure_end(text: str, end: int) -> int:
    """`end`, moved past a measure word or unit said right after the number it ends (30万辆, 683.6万千升)."""
    after = _MEASURE_AFTER_NUMBER.match(text, end) or _UNIT_AFTER_SCALE.match(text, end)
    return after.end() if after else end


def _whole_end(text: str, end: int) -> int:
    """`end`, moved on to the end of the word or number it stops inside ("November 1" of "November 13")."""
    if end == 0 or not (text[end - 1].isascii() and text[end - 1].isalnum()):
        return end
    return _WORD_REST.match(text, end).end()
