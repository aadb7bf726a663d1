"""What a question asks for (a reason, a figure, a date, a name …) and the cues of an answer of each kind.

Shared by the sentence scorer (`rag.extract`) and the short answer that leads (`rag.short`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.currencies import currency_pattern
from rag.text import CJK_RANGE, terms

# An English month's name, whole or shortened (not the "mar" of "market").
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
# A name that answers a who question: two capitalised words or more inside a sentence, with the
# company's suffix ("Chengdu Pinong Technology Co., Ltd.").
# A capitalised word, or an acronym, that is no title ("PDD Holdings", not "CEO Lei Jun" nor "Chief
# Executive William Ding").
_CAPITALISED = (
    r"(?!(?:Chief|Executive|Officer|Chairman|Chairwoman|President|Founder|Director)\b)"
    r"(?:[A-Z][a-z]++(?:-[A-Z][a-z]++)*+|(?!(?:CEO|CFO|CTO|COO|CMO)\b)[A-Z]{2,5}+(?![A-Za-z]))"
)
NAME_PATTERN = (
    rf"(?<=[^\s.!?] ){_CAPITALISED}(?: (?!(?:Co|Ltd|Inc|Corp)\b){_CAPITALISED})++"
    r"(?:,? (?:Co\.(?:, Ltd\.)?+|Ltd\.|Inc\.|Corp\.|Group\b))?+"
)
# Such a name opening a sentence, where every first word is capitalised: only before a verb saying what
# one is or says ("Jin Hui is chief executive.", "Yu Kai said"), not what was done to it ("KE Holdings was
# founded … by Zuo Hui").
OPENING_NAME_PATTERN = (
    rf"(?:^|(?<=[.!?] )|(?<=\n)){_CAPITALISED}(?: {_CAPITALISED})++"
    r"(?= (?:(?:is|was|became|remains) (?![a-z]*ed\b)|said\b|says\b|told\b|added\b))"
)
# Measure words a count is said in (1262件, 3座, 7处, 2股: never the 股 of 股息 or 股东, nor the 票 of
# 票房, which begin words: 多少股息 asks for a sum), and units of length, weight, area, volume and energy
# (15厘米, 8公斤, 0.304平方公里, 683.6万千升, 515.21亿千瓦时).
MEASURES = (
    "件|个|家|人|台|辆|套|张|次|名|位|笔|户|款|"
    "座|处|类|股(?![息价东权份本市])|项|届|所|条|种|门|本|部|只|头|艘|架|间|层|场|首|篇|枚|颗|棵|岁|具|匹|支|根|幅|册|封|"
    "票(?![房价])"
)
LENGTH = r"厘米|公分|毫米|公尺|英尺|英里|公里|千米|米|(?:cm|mm|km|met(?:er|re)s?|feet|foot|miles?)\b"
WEIGHT = r"公斤|千克|克|吨|斤|磅|(?:kg|tons?|tonnes?|grams?)\b"
AREA = (
    r"平方公里|平方千米|平方米|平方公尺|平方英里|平方英尺|公顷|亩|(?:km|mi|ft|m)²|"
    r"(?:square (?:kilomet(?:er|re)s?|met(?:er|re)s?|miles?|feet)|sq\.? ?(?:km|mi|ft)|hectares?|acres?)\b"
)
VOLUME = (
    r"千升|毫升|立方米|升|"
    r"(?:(?:kilo|hecto|milli)?lit(?:er|re)s?|cubic met(?:er|re)s?|barrels?)\b"
)
# Electricity made or a plant's capacity (2363.62亿千瓦时, "1.2 gigawatts").
ENERGY = (
    r"[千兆吉太]瓦时|[千兆吉]瓦|度电|"
    r"(?:[kmgt]wh|[kmg]w|(?:kilo|mega|giga|tera)watt(?:-hours?|s)?)\b"
)
UNITS = f"{AREA}|{LENGTH}|{WEIGHT}|{VOLUME}|{ENERGY}"
# Points of a percentage: what a rate moves by.
POINTS = r"个?百分点|\b(?:percentage|basis) points?\b"
# Currencies written after an amount (290港元, 5欧元, "30 million pounds", "1 billion reais"): the world's
# (`rag.currencies`) and what the press writes besides (美金, 港币, RMB, pounds sterling), and their
# hundredths (每股6.0港仙, "95 cents a share", "37.75 fen a share").
CURRENCIES = currency_pattern(
    frozenset(
        {
            "人民币",
            "美金",
            "港币",
            "港仙",
            "美分",
            "fen",
            "cents",
            "pence",
            "rmb",
            "renminbi",
            "usd",
            "hkd",
            "eur",
            "gbp",
            "pounds sterling",
            "sterling",
        }
    )
)
# The country a currency after an amount is of, in English: "4 billion US dollars", "10 billion Hong
# Kong dollars", "5 million Brazilian reais".
CURRENCY_OF = r"(?-i:[A-Z]{2,3}+ |(?:[A-Z][a-z]++ ){1,2})?"
# A multiple said in words (GMV "more than doubled", 营收翻倍, 翻了一番, "jumped 23-fold"): a figure, and a
# change.
MULTIPLES = (
    r"\b(?:doubled|tripled|trebled|quadrupled|halved)\b|翻了?[一两三四]?[倍番]|\b\d++(?:\.\d++)?+-?fold\b"
)
# A currency's sign or code before an amount (US$1.2 billion, €200 million, £30m, RMB 3 billion).
CURRENCY_SIGNS = r"(?:US|HK|S|A|C)?\$|[€£¥￥]|\b(?:RMB|USD|HKD|EUR|GBP|CNY|JPY)\s?(?=\d)"
# A number's scale (2万亿元 is two trillion: the scales Chinese stacks, longest first), and a scale
# English abbreviates after a currency's sign (£30m, US$1.2bn).
SCALES = "[万千百]亿|[千百]万|亿|万|trillion|billion|million"
SIGNED_SCALES = r"(?:trillion|billion|million|bn|mn|m|k)(?![A-Za-z])"
# A sentence reporting what someone said: its verb.
_REPORTING = re.compile(
    r"表示|指出|认为|透露|回应|强调|声称|宣布|说|(?<![据听])称|\bsaid\b|\bsays\b|\btold\b|\bstated\b|"
    r"\bbelieves?\b|\bthinks?\b|\benvisions?\b|"
    r"\baccording to\b|\bresponded\b|\bcommented\b|\bannounced\b",
    re.I,
)
# What is moved to a place, and the word before the place ("relocate its plant to Vietnam").
MOVED_TO = (
    r"(?:\b(?:mov|relocat|shift|transferr?|expand)\w*+\b[^.;]{0,60}?\b(?:to|into)|\benter(?:s|ed|ing)?+) "
)
# Verbs whose infinitive is what is intended, not what a deed is for ("intends to move", "plans to").
_NOT_AFTER_INTENT = "".join(
    rf"(?<!\b{verb} )"
    for verb in (
        "intends intend intended plans plan planned wants want wanted aims aim aimed seeks seek sought tries "
        "try tried hopes hope hoped expects expect expected needs need needed decided decide agreed agree "
        "continues continue continued going able likely used ought has have had is are was were be been set "
        "pushed push pushes pushing moved move moves moving"
    ).split()
)
# What opens a sentence on its consequence: the sentence before gives the reason.
_THEREFORE_ZH = "因此|所以|因而|故而"
_THEREFORE_EN = "therefore|thus|hence|consequently"
CONSEQUENCE = re.compile(rf"{_THEREFORE_ZH}|(?:{_THEREFORE_EN}|as a result)\b", re.I)
# For each intent: what in a question asks for it, and cues of an answer (strong, then weak).
INTENTS: dict[str, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {
    "why": (
        re.compile(
            # Not 为 (as) before 什么 (what): 被誉为什么 asks what it is called, 成为什么 what it became.
            r"(?<![誉称作成认以视名评改分列定选译转变化之])为什么|"
            r"为何|为啥|因何|缘何|何以|原因|缘由|起因|理由|怎么会|\bwhy\b|\breasons?\b|\bhow come\b|"
            r"\bwhat (?:made|caused|led to|drove|drives|is driving)\b",
            re.I,
        ),
        re.compile(
            r"因为|由于|原因|理由|导致|为了|旨在|鉴于|出于|涉嫌|担忧|\bbecause\b|\breasons?\b|"
            # Not what is scheduled ("MetaX is due to list in Shanghai later this month").
            r"\bdue to\b(?!\s++(?:be|list|report|open|close|start|begin|end|launch|debut|release|publish|"
            r"announce|hold|meet|vote|sign|complete|resume|return|arrive|take|make|pay|deliver|go|come)\b)|"
            # A cause said by its effect's verb (上调服务费，引起商家不满; 得益于, 受业绩提振, 受…收益推动).
            r"引起|引发|造成|得益于|受益于|受惠于|受[^，。；]{1,24}?(?:影响|提振|拖累|推动|带动|驱动)|"
            r"\bas a result\b|\bin order to\b|\baim(?:s|ing)? to\b|(?<=, )(?P<citing>citing) |"
            # A sentence and the next opening on its consequence: the first gives the reason (因此…).
            rf"[。！？!?]\s*+(?:{_THEREFORE_ZH})|\.\s++(?:{_THEREFORE_EN})\b|"
            r"\b(?:driven|boosted|fuel+ed|helped|lifted|buoyed|propelled|hurt|dragged down) by\b|"
            r"\bthanks to\b|归因于|归咎于|所致|"
            # What a change is put down to ("which it attributed to price cuts", "blamed the decline on
            # weaker demand", "which the company put down to weaker demand"): the reason starts at the
            # cue's `cause` group.
            r"\b(?:attribut(?:ed|es|ing)|blam(?:ed|es|ing)|put(?:s|ting)?+ (?:it |this |that )?+down)\b"
            r"[^.;]{0,60}?\b(?:to|on) (?P<cause>[a-z])|"
            # What news gives as the reason for an inquiry or a move ("over concerns that it fails to …").
            r"\bover (?:[a-z]+ )?concerns?\b|\bconcerns? (?:that|over|about)\b|\bamid\b|\bon suspicion\b|"
            # What an inquiry or a penalty is over ("an investigation … over the sale of illegal products"),
            # and a cause news adds after a comma (", as a price war … ate into margins", ", following
            # regulatory pressure"): the reason
            # starts at the cue's `reason` group.
            r"\b(?:investigat\w*+|inquir(?:y|ies)|probe[sd]?|lawsuits?|sued|fined|fines|penalt(?:y|ies)|"
            r"criticism|criticized|criticised|backlash|disputes?)\b[^.;]{0,80}?\b(?P<reason>over)\s|"
            # What a figure fell or rose after or as ("net income fell 30% … after it cut prices on 22
            # models", "fell 5.3% to 1.6 billion yuan as the company scaled back some features"; not past a
            # reason after ", as": "rose 27.4% …, as hospital tenders recovered after a slowdown"), and what
            # a company or a product was put out after ("delisted from Nasdaq in 2020 after a scandal"); a
            # reason may open on its noun, its verb in the past a few words on ("as record summer travel
            # filled its planes"; not "as expected", "as well as reduced").
            r"\b(?:fell|dropped|declined|slumped|plunged|tumbled|rose|jumped|surged|soared|climbed|"
            r"delisted|suspended|banned|halted|recalled|removed|resigned|fired|shut|"
            r"cut|cuts|cutting|lowered|lowering|raised|raising|trimmed|trimming|slashed|slashing)\b"
            r"(?:[^.;,]|\.(?=\d)|,(?!\s*+as\b)){0,120}?"
            r"\b(?P<after>after|as) (?=(?:it|they|the|its|their|a|an)\b|(?!(?:well|part|of|much|many|long|"
            r"far|soon|such|if|though|expected|usual|follows)\b)(?:[a-z][\w-]*+\s++){1,4}?[a-z]++(?<=ed)\b)|"
            # A change said as a noun, in its clause ("posted a 12.6% rise in net profit on Thursday as a
            # government scheme lifted demand").
            r"\b(?:rises?|increases?|gains?|jumps?|drops?|falls?|declines?|growth)\b[^.;,]{0,120}?"
            r"\bas (?P<noun_as>(?!(?:well|part|of|much|many|long|far|soon|such|if|though|expected|usual|"
            r"follows)\b)[a-z])|"
            # What weighed on a figure, said after "as" ("a 4% drop in net income as a costly subsidy
            # programme … weighed on its business"; "U.S." ends no sentence): the reason starts at the cue's
            # `weighing` group.
            r"\bas (?P<weighing>[a-z])(?=(?:[^.;,]|\.(?=\S|\s[a-z])){0,80}?\b"
            r"(?:weigh(?:ed|s|ing)? on|hurt|hit|dragged (?:on|down)|ate into|eats into|squeezed|eroded)\b)|"
            # Or opening a clause quoted alone, cut from its sentence after that comma ("as it shut …").
            r"(?:(?<=, )|(?-i:^(?=as )))as (?!(?:well|part|of|much|many|long|far|soon|such|if|though|"
            r"expected|usual|follows|a result|it (?:is|was))\b)|"
            # What a figure moved on, in news shorthand ("up 32.8% on demand from game companies", "rose on
            # strong sales of its new phones"): the reason starts at the cue's `driver` group; not "on
            # Thursday" nor "on the Nasdaq".
            r"\bon (?P<driver>(?:(?:strong|stronger|robust|solid|higher|lower|rising|falling|surging|booming|"
            r"weak|weaker|soft|softer|sluggish|improved|growing|recovering|resilient) )?+"
            r"(?:demand|sales|orders|spending|hopes|expectations|optimism|concerns|fears|worries)\b)|"
            r"(?<=, )following (?=(?:[a-z]+ ){0,2}"
            r"(?:pressure|criticism|complaints|concerns|scrutiny|backlash)\b)|"
            # What a cause led to, said after it ("was added to the US entity list, cutting it off from
            # TSMC's manufacturing"): the clause before the cue's `effect` group is the reason.
            r"(?<=, )(?P<effect>cutting|forcing|prompting|causing|leaving|sending|triggering|sparking|"
            r"barring|preventing|depriving|leading)\b|"
            # What a move is for, after it ("move part of its supply chain to Vietnam to reduce its
            # exposure"): an infinitive acting on something, not one a verb of intent takes.
            rf"{_NOT_AFTER_INTENT}\b(?P<purpose>to) (?=[a-z]++ (?:its|their|the|his|her|our)\b)",
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
            rf"\b{MONTH} (?:\d{{1,2}}(?:st|nd|rd|th)?+(?:,? \d{{4}})?+|\d{{4}})(?!\d)|"
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?+ {MONTH}(?: \d{{4}})?+(?!\d)|"
            r"\b(?:in|since|by|from|until|between) (?:(?:early|mid|late)[- ])?+(?:1[0-9]|20)\d{2}\b|"
            # A month alone, as news dates this year's events ("launched in April", 于4月推出).
            r"\b(?:in|since|until) (?:january|february|march|april|may|june|july|august|september|october|"
            r"november|december)\b(?!,? \d)|(?<=[于在自从])\d{1,2}\s*+月(?![\d份]|\s*+起?+\s*+[至到~～-])|"
            # A time said from now, as news says it (今年年底, 明年上半年, 今年7月, "by the end of the year").
            r"(?:今年|明年|去年|后年)(?:年底|年初|年中|上半年|下半年|底|初|"
            r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*+月(?:\s*+(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*+日)?+)?+|(?:年底|年初|上半年|下半年)前?+|"
            r"\b(?:by |at |before )?+the end of (?:the|this|next) (?:year|month|quarter)\b|"
            # Part of a year ("in the first half of 2026", "by the end of 2026", "in the third quarter of
            # next year").
            r"\b(?:in|by|during|before) the "
            r"(?:(?:first|second) half|(?:first|second|third|fourth) quarter|end) "
            r"of (?:(?:1[0-9]|20)\d{2}|this year|next year|the year)\b|"
            r"\b(?:later|earlier) this (?:year|month)\b|\bnext (?:year|month|quarter)\b|"
            # The day of the week news dates a recent event by ("on Thursday", 周四); not the day a statement
            # was made ("the company said on Monday": what it said may be of any time).
            r"(?<=\bon )(?<!\bsaid on )(?<!\bsays on )"
            r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
            r"(?:周|星期)[一二三四五六日天]",
            re.I,
        ),
        re.compile(r"\d{1,2}\s*月|季度|\bq[1-4]\b|\b(?:19|20)\d{2}\b", re.I),
    ),
    "number": (
        re.compile(
            r"多少|几|多大|多高|多长|多久|多重|多深|多远|多宽|比例|金额|"
            r"\bhow (?:much|many|big|large|fast|long|far|old|tall|high|deep|wide|heavy)\b|"
            r"\bwhat (?:percentage|share|proportion|fraction)\b|"
            # "What was the annual fee …?", "What fee rate …?", "What dividend did it declare?": a
            # what-question about a quantity ("What is the annual capacity …?"; not a population, which may
            # be asked of a group's share: XQuAD's white population of Jacksonville lost its answer so), past
            # a long name ("What was Foxconn Industrial Internet's …"), not one a clause says a thing is ("the
            # property that designates a number").
            r"\bwhat (?:(?:is|was|are|were)\b[^?]{0,64}?|(?:[a-z-]++ ){0,2})(?<!\ba )(?<!\ban )\b"
            r"(?:fees?|prices?|costs?|revenues?|profits?|margins?|losse?s?|earnings|ebitda?|turnover|capacity|output|"
            r"deliveries|budget|debt|deposits?|subsid(?:y|ies)|investment|spending|arp?pu|volumes?|gtv|"
            r"rates?|gmv|sales|income|valuation|valued|value|market cap|amount|number|total|share|percentage|"
            r"growth|"
            r"dividends?|payouts?|fines?|penalt(?:y|ies)|salar(?:y|ies)|wages?)\b",
            re.I,
        ),
        re.compile(
            # A scale keeps the currency after it (400 billion RMB, 3亿元).
            # A sum after its currency's sign, with its scale (€200 million, £30m).
            rf"(?:{CURRENCY_SIGNS})\s?+\d++(?:[.,]\d++)*+(?:\s*+{SIGNED_SCALES}|\s*+(?:{SCALES})(?:{CURRENCIES})?+)?+|"
            rf"(?<!\d)(?<!\d[,.])\d[\d,.]*+\s*+(?:(?:{SCALES})(?:\s*+{CURRENCY_OF}(?:{CURRENCIES}))?+|"
            # Points of a percentage a rate moved by (提升6.2个百分点, "0.6 percentage point", "120 basis
            # points"): before 个, which would count them.
            rf"{POINTS}|[%％]|per ?cent\b|"
            f"{CURRENCY_OF}(?:{CURRENCIES})|"
            r"个月|"
            f"{MEASURES}|{UNITS}|分钟|小时|天|"
            # Things counted by the unit ("232,000 units", "43.3 million units").
            r"周|个?星期|倍|hours?|minutes?|days?|weeks?|months?|units?\b)|"
            # A span of years (3年, 15 years), not a year (2025年).
            r"(?<![\d,.])\d{1,2}\s*+(?:年|years?\b)|"
            f"{MULTIPLES}|"
            # A count or span in Chinese numerals with its measure word (两个, 三所, 十二名, 二十年); not
            # 一个, which is "a".
            r"(?<!第)(?:[二两三四五六七八九十百千]|一[十百千万])[一二两三四五六七八九十百千万]*+"
            f"(?:{MEASURES}|倍|成|年|天|个月)|"
            # A percentage in words (百分之十四).
            r"百分之[零一二两三四五六七八九十百点]++",
            re.I,
        ),
        re.compile(r"\d"),
    ),
    "who": (
        re.compile(r"谁|哪家|哪个|哪位|哪些|什么公司|\bwho\b|\bwhich\b", re.I),
        # A name, whole (case-sensitive: not any two English words), so that one the question states in
        # the other language is told apart (`_Scorer._strong`).
        re.compile(rf"有限公司|集团|创始人|首席|CEO|Co\.|Ltd|Inc\b|(?-i:{NAME_PATTERN})", re.I),
        re.compile(r"公司|平台|\bcompany\b|\bplatform\b", re.I),
    ),
    "where": (
        re.compile(
            r"哪里|哪儿|何处|何地|什么地方|在哪(?![部本首一年个位家种次张款场期集天])|位于|分布|\bwhere\b|"
            # The kind of place asked for is `asked`: a list of places states it (哪些国家: 沙特阿拉伯、
            # 卡塔尔…).
            r"(?:哪[个些一]?|\bwhich )(?P<asked>城市|国家?|地区|省份?|州|县|地方|"
            r"cit(?:y|ies)|countr(?:y|ies)|regions?|provinces?|states?|places?)(?![a-z])",
            re.I,
        ),
        # A place: a word ending like a place name (not 市场, a market, nor 市值 or 国际), a list of three or
        # more short names, "in Chengdu", "the Qingdao-based group".
        re.compile(
            rf"[{CJK_RANGE}](?:省|市(?![场值])|县|区|州|国(?!际)|镇|岛|洲|湾)|[{CJK_RANGE}]{{2,4}}+(?:、[{CJK_RANGE}]{{2,4}}+){{2,}}+|"
            # Read whole ("in the United States"), so that one the question names is no answer to it.
            r"\b(?:in|at|across|near) (?:the )?+(?-i:[A-Z][a-z]++(?: [A-Z][a-z]++)*+)|"
            r"(?-i:\b[A-Z][a-z]++)(?=-(?:based|headquartered)\b)|"
            # Where a thing moves to ("move part of its supply chain from Guangzhou to Vietnam"): the
            # place is the answer, not the verb the question may say too ("enter Brazil").
            rf"{MOVED_TO}(?P<place>(?-i:[A-Z][a-z]))",
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
    # What a thing (money raised, a fund, a product) is for: 募集的资金将用于什么, "What will Chagee use the
    # proceeds for?"; the answer is the deed it is for, after "to" ("use the proceeds to open stores
    # abroad") or 用于.
    "purpose": (
        re.compile(
            r"用(?:于|在|来|作|以)(?:做)?(?:什么|哪些|哪里|何处|何种)|用途|做什么用|"
            r"\bwhat\b[^?]*\b(?:use[sd]?|using|spend|spent|spending)\b[^?]*\bfor\s*+\??\s*+$|"
            r"\bhow (?:will|would|does|do|did)\b[^?]*\b(?:use|spend)\b",
            re.I,
        ),
        re.compile(
            r"(?:用于|用来|用以|用作|投向|投入)(?P<purpose>.)|"
            r"\b(?:us(?:e|es|ed|ing)|spend(?:s|ing)?|spent|invest(?:s|ed|ing)?)\b[^.;]{0,40}?"
            r"\b(?P<purpose_to>to) (?=[a-z])|\bto (?:fund|finance|pay for|support)\b",
            re.I,
        ),
        re.compile(r"将|计划|\bwill\b|\bwould\b|\bplans?\b|\bfor\b", re.I),
    ),
    # What stands against a thing: its weaknesses, risks, challenges, what people complain of
    # ("快手自营模式的缺点": it "lacks a nationwide warehousing network"; 用户对小红卡有什么不满: its
    # functions are lacking, 功能欠缺).
    "risk": (
        re.compile(
            r"缺点|缺陷|不足之处|劣势|短板|弱点|弊端|隐患|风险|挑战|难点|困难|不满|抱怨|吐槽|投诉|"
            # The problems a thing has or faces (小红卡有哪些问题, "What problems did it have?",
            # "problems with"), not one it solves (解决了什么问题): the word that asks is `asked`.
            r"(?:(?:有|存在|遇到|面临|出现|出)了?(?:哪些|什么|啥)?|"
            r"(?<=what )(?=\w+ (?:did|does|do|has|have|had|is|are|was|were)\b)|"
            r"\b(?=\w+ (?:with|of|for|facing)\b))(?P<asked>问题|problems?\b|issues?\b)|"
            r"\b(?:weakness(?:es)?|drawbacks?|disadvantages?|downsides?|risks?|challenges?|shortcomings?|"
            r"limitations?|pitfalls?|weak points?|"
            r"complain(?:ed|ts?)?|dissatisf\w*+|unhappy|criticiz\w*+|criticis\w*+)\b",
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
    # What someone said, or how they answered (王传福说了什么, "What did Temu say about the probe?",
    # "How did it respond?"): the sentence reporting it ("Temu said it takes…", 王传福此前表示…).
    "said": (
        re.compile(
            r"说了?什么|表示了?什么|怎么说|如何回应|什么回应|怎么看|如何看待?|什么看法|怎么评价|如何评价|"
            r"\bwhat (?:did|does|do|has|have|had) [^?]{1,60}? (?:say|tell|comment|think)\b|"
            r"\bhow (?:did|does|do) [^?]{1,60}? (?:see|view)\b|"
            r"\bhow (?:did|does|do|has|have) [^?]{1,60}? (?:respond|react)\b",
            re.I,
        ),
        _REPORTING,
        _REPORTING,
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


# Intents that frame a question rather than ask for a kind of answer: what someone said. Their word is
# no word to find (`rag.bilingual.weighted_terms`), and their cue (a reporting verb) weighs only half
# in choosing sentences, and puts none first.
FRAMES = frozenset({"said"})
# Intents whose strong cue is the answer itself (a name, a place, a figure, a date), not a word that
# introduces one (因为, "plans to").
ANSWER_TYPES = frozenset({"who", "where", "number", "when"})


def question_intents(question: str) -> list[str]:
    """The kinds of answer the question asks for (`why`, `when`, `number`, …; see `INTENTS`).

    "Which cities" (哪些城市) asks where, not who: a place question is not also asked for a name; and
    what someone said is asked only when nothing else is.
    """
    found = [name for name, (asks, _, _) in INTENTS.items() if asks.search(question)]
    found = [name for name in found if name != "who" or "where" not in found]
    # "What does the source say it may apply for next?" asks for a plan: saying only frames it.
    return [name for name in found if name != "said" or found == ["said"]]


# Who a thing acts on ("Who does Kuaishou's store attract?", "Who did it partner with?", "Who is Meituan
# competing with?", 野马队打败了谁):
# the question ends on its verb (and a preposition), with no other preposition before it, so the last
# word is the verb ("Who did the Broncos beat in the divisional game?" ends on a noun: not this form).
# The characters before 谁 read for the verb: bounded, so the pattern stays linear in the question.
ACTING_CHARS = 12
# The words between an auxiliary and the verb: no preposition among them.
_BEFORE_VERB = r"(?:(?!(?:in|at|on|of|for|to|as|by|from|with|after|before|during)\b)[\w'’-]++\s++)+?"
_ACTED_ON = re.compile(
    rf"^\s*+who(?:m)?\s++(?:(?:do|does|did|will|would|can|could|should)\s++{_BEFORE_VERB}(?-i:([a-z]++))|"
    rf"(?:is|are|was|were)\s++{_BEFORE_VERB}(?-i:([a-z]{{2,}}ing)))"
    r"(?:\s++(?:with|to|for|on|against|from|at|into|about|over))?+\s*+[?？]?\s*+$|"
    rf"([{CJK_RANGE}]{{2,{ACTING_CHARS}}})了?(?:谁|哪些人|什么人)[？?]?\s*+$",
    re.I,
)
# Words before 谁 that ask who a thing is or is called, not what it acts on.
_NOT_ACTING = frozenset("是 为 叫 给 和 跟 与 对 向 让 被 由".split())


def acted_on(question: str) -> str | None:
    """The verb of a question asking who (or what group) a thing acts on, else None (see `_ACTED_ON`)."""
    match = _ACTED_ON.search(question)
    if not match:
        return None
    if verb := match.group(1) or match.group(2):
        return verb.lower()
    before = match.group(3).removesuffix("了")
    words = terms(before, search_mode=False)
    verb = words[-1] if words else ""
    return verb if len(verb) >= 2 and before.endswith(verb) and verb[-1] not in _NOT_ACTING else None


# Who a thing is acted on by ("Which company is Kuaishou's store operated by?", 快手自营旗舰店由哪家公司
# 运营？): an English question ending on a past participle and "by"; a Chinese one asking who after 由, its
# verb last.
_ACTED_BY = re.compile(
    r"^\s*+(?:who|which|what)\b[^?？]{0,80}?\s(?-i:([a-z]{3,}ed))\s++by\s*+[?？]?\s*+$|"
    rf"由(?:谁|哪(?:家|个|一家)(?:公司|企业|机构)?+)([{CJK_RANGE}]{{2,4}}?)[？?]?\s*+$",
    re.I,
)


def acted_by(question: str) -> str | None:
    """The verb of a question asking who a thing is acted on by (operated by, 由…运营), else None."""
    match = _ACTED_BY.search(question)
    return (match.group(1) or match.group(2)).lower() if match else None


AskedWords = list[tuple[re.Pattern[str], frozenset[str]]]


# A word asking for a share, which a percentage, a fraction or a ratio states ("accounts for roughly
# 80%" of 占收入的比例; 三分之一, 过半, "two thirds", 1：7, "20 to 1"); not a half-year ("the first half").
_SHARE_WORD = re.compile(r"比例|占比|比重|百分比|份额|proportion|percentage|share", re.I)
# A share asked for by what a thing takes up of another (线上订单占比多少, 占销售额多少, 几成), the words
# the tokenizer may cut apart (占, 比); not what is attributable to someone (股东应占溢利).
_SHARE_OF = re.compile(r"占比|(?<!应)占(?![地用据领])[^，,。？?！!]{0,8}?(?:多少|几成)|百分之几|几成")
# A stake asked for by how much of a firm is held (持有多少股份), not what was paid for it (多少钱).
_STAKE = re.compile(r"多少股[份权]|股[份权](?:是|有|为)?+多少|持股多少")
_STOCK_SHARE = re.compile(
    r"(?<=\bper )share\b|"
    r"\bshare(?=\s++(?!(?:of|in|for|among|at|to|by|does|did|do|is|was|were|has|have|had|will|would)\b)"
    r"(?-i:[a-z]))",
    re.I,
)
_FRACTION = (
    r"[一二三四五六七八九]成|百分之|分之|[一过]半|[\d一二三四五六七八九十]\s*+[:：比]\s*+[\d一二三四五六七八九十]|"
    r"(?<!\bfirst )(?<!\bsecond )\bhalf\b(?![- ]year)|\bmajority\b|"
    r"\b(?:one|two|three)[- ](?:thirds?|quarters?|fifths?)\b|\ba (?:third|quarter|fifth|tenth) of\b|"
    r"\b(?:\d+|one) (?:to|in) (?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b"
)
FRACTION = re.compile(_FRACTION, re.I)
_PERCENTAGE = re.compile(rf"\d\s*+[%％]|\bper ?cent\b|{_FRACTION}", re.I)


# A word asking how much a thing rose or fell, and any word saying so before a figure, which states the
# change: "净利润增长了多少？" is answered by "702.5 million yuan, up 38.6%" as much as by "rose 22.4%", and
# "How much did its revenue grow?" by "Revenue … increased 25.3%".
_RISE_WORD = re.compile(
    r"增长|增加|上涨|上升|增幅|涨幅|ris(?:e|es|en)|rose|gr(?:ow|ew|own|owth)|increas(?:e|ed)", re.I
)
_FALL_WORD = re.compile(
    r"下降|下滑|减少|下跌|降幅|跌幅|fall(?:s|en)?|fell|declin(?:e|ed)|drop(?:s|ped)?|decreas(?:e|ed)", re.I
)
_BY_FIGURE = (
    r"\s*+(?:by\s++)?+(?:(?:about|nearly|almost|some|around|roughly|more than|over)\s++)?+[了约近超]{0,2}+\d"
)
# Or a figure before the noun saying so ("a 35% drop in third-quarter net profit", "a 12% rise").
_PERCENT_BEFORE = r"(?<![\d.,])\d[\d.,]*+\s*+(?:%|per ?cent)\s++"
_UP_BY = re.compile(
    r"(?:\b(?:up|rose|risen|ris(?:es|ing)|increas(?:ed|es|ing)|climb(?:ed|s|ing)|jump(?:ed|s|ing)|"
    r"surg(?:ed|es|ing)|soar(?:ed|s|ing)|gain(?:ed|s)|gr(?:ew|own|ows|owing)|expand(?:ed|s)|advanc(?:ed|es))|"
    rf"增长|增加|上涨|上升){_BY_FIGURE}|"
    rf"{_PERCENT_BEFORE}(?:rise|increase|jump|gain|growth|surge|climb)\b",
    re.I,
)
_DOWN_BY = re.compile(
    r"(?:\b(?:down|fell|fallen|falling|declin(?:ed|es|ing)|drop(?:ped|s)|decreas(?:ed|es|ing)|slid|"
    r"slipped|shr(?:ank|unk)|sank|tumbled|plunged|slumped)|"
    rf"下降|下滑|减少|下跌){_BY_FIGURE}|"
    rf"{_PERCENT_BEFORE}(?:drop|fall|decline|decrease|slide|slump|plunge)\b",
    re.I,
)


def asks_share(question: str) -> bool:
    """Whether `question` asks for a share (比例, 市场份额, 多少股份, "market share", "what proportion").

    Not "share" naming a company's stock: before another noun ("share price", "its share placement"),
    after "per".
    """
    words = terms(_STOCK_SHARE.sub(" ", question), search_mode=False)
    return any(map(_share_word, words)) or bool(_STAKE.search(question) or _SHARE_OF.search(question))


def _share_word(word: str) -> bool:
    """Whether `word` asks for a share: an English one as it is ("share", not "shares"), Chinese in it."""
    return bool(_SHARE_WORD.fullmatch(word) if word.isascii() else _SHARE_WORD.search(word))


def asked_words(question: str, words: Iterable[str]) -> AskedWords:
    """The question's `words` that ask for a statement, with the cue giving one.

    A word the ask pattern matches alone (缺点, "weakness", 原因), or one its `asked` group marks in
    the question (问题 of 有哪些问题, "problems" of "What problems did it have?", the 国家 of 哪些国家,
    which a list of places states); a word asking for a share (比例, "proportion"), given by a
    percentage; and one asking how much a thing rose (增长) or fell, given by any word saying so before a
    figure ("up 38.6%", "increased 25.3%").
    """
    folded = question.lower()
    found = [(_PERCENTAGE, frozenset(filter(_share_word, words)))]
    found.append((_UP_BY, frozenset(w for w in words if _RISE_WORD.fullmatch(w))))
    found.append((_DOWN_BY, frozenset(w for w in words if _FALL_WORD.fullmatch(w))))
    for name in question_intents(question):
        if name in (ANSWER_TYPES - {"where"}) | FRAMES:
            continue
        ask = INTENTS[name][0]
        marked = {m.group("asked") for m in ask.finditer(folded) if m.groupdict().get("asked")}
        # Of a where-question only the kind of place it marks: any place names no 位于 or 哪些地方.
        alone = name != "where"
        found.append(
            (INTENTS[name][1], frozenset(w for w in words if alone and ask.search(w) or w in marked))
        )
    return [(cue, words) for cue, words in found if words]


def stated_words(asked: AskedWords, text: str) -> set[str]:
    """The asked words `text` answers by its cue: "lacks a warehousing network" states a weakness."""
    return {word for cue, words in asked if cue.search(text) for word in words}
