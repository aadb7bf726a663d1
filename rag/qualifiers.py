"""Words that tell one measure of a thing from another: daily and monthly users, net and operating profit.

A figure whose own clause names another of them than the question does answers another question:
"Daily active users reached 109 million" is no answer to Bilibili的月活跃用户有多少？, nor 经营利润为351亿元
to 阿里巴巴的净利润是多少？, nor a revenue to a profit or to what was spent, paying users to active ones,
full-time riders to part-time ones. A clause naming none of them says nothing either way. A company's
roles are told apart alike: its chief executive is no answer to who founded it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.intents import INTENTS, MULTIPLES, question_intents
from rag.text import BOUNDARY, CLAUSE_END, fold, sentence_before

# A turnover in money: not how often a restaurant's tables or a company's staff turn over (翻台率).
_TURNOVER = r"(?<!table )(?<!staff )(?<!employee )\bturnover\b"
# Each group's measures are exclusive of one another; a question names at most one of a group.
_GROUPS = (
    {
        "daily": r"\bdaily active\b|\bdaus?\b|日活|日均活跃|每日活跃",
        "weekly": r"\bweekly active\b|\bwaus?\b|周活|每周活跃",
        "monthly": r"\bmonthly active\b|\bmaus?\b|月活|月均活跃|每月活跃",
    },
    {
        # A profit attributable to shareholders is what is left for them: the net one (归母净利润).
        "net": r"\bnet (?:profit|income|loss|earnings|margin)|净利|净亏|净收益|净盈利|"
        r"\b(?:profit|income|earnings|loss) attributable\b|\battributable (?:profit|income|earnings)\b|"
        r"\battributable to (?:shareholders|equity holders|owners)\b|"
        # And as Hong Kong reports write it: 公司股东应占溢利, 公司拥有人应占溢利 (profit attributable to
        # shareholders, to owners).
        r"(?:股东|权益持有人|拥有人)应占(?:溢利|利润|净利)",
        "gross": r"\bgross (?:profit|margin|loss)|毛利|毛亏",
        "operating": r"\boperating (?:profit|income|loss|margin)|经营(?:利润|亏损|溢利)|营业(?:利润|亏损)",
        # Earnings before interest and tax (and depreciation): 调整后税息折旧及摊销前利润 is no net profit.
        "ebitda": r"\bebitda?\b|(?:息税|税息)(?:折旧及?摊销)?前",
    },
    # What a sum is: what came in, what was left of it (集团当季收入为2477亿元 is no net profit), what
    # went out (美洲地区收入22.6亿元 is nothing spent on marketing), what a thing sells for (a net profit
    # of 1.2 billion yuan is no membership's price; not a share's price, which quotes say without the word,
    # nor what borrowing costs, a rate), what a place is let for (a drink's price is no shop's rent), or
    # what investors put in.
    {
        # "Sales" are what was sold, in money or in units (销量, 销售): either answers it; what a business
        # "brought in" is its revenue, and so is income of a kind ("interest income", 利息收入), unlike its
        # net or operating income.
        "revenue": rf"\brevenues?\b|\bsales\b|{_TURNOVER}|\bbr(?:ought|ings?|inging) in\b|"
        r"\b(?:interest|commissions?|fees?|rental|advertising|services?|subscriptions?|licensing|royalty)"
        r"\s++income\b|"
        r"收入|营收|营业额|销量|销售(?!(?:[和及与、][^费]{1,4}?)?(?:费|成本)|[均单]?价)",
        "profit": r"\bprofit(?:s|able|ably|ability)?\b|\bnet (?:income|loss)\b|\bearnings\b|"
        r"\battributable to (?:shareholders|equity holders|owners)\b|"
        r"\blos(?:e|es|ing|t)\b|利润|盈利|亏损|溢利|净利|净亏",
        "spending": r"\bsp[ae]n[dt](?:s|ing)?\b|\bexpen(?:ses?|ditures?)\b|\binvest(?:s|ed|ing|ments?)?\b|"
        # What each customer spends (人均消费, 客单价, "average spending per customer") too.
        r"支出|开支|花费|费用(?!户)|投入|投资|人均消费|消费金?额|客单价",
        "price": r"(?<!share )(?<!stock )\bpric(?:e|es|ed|ing)\b|"
        r"(?<!financing )(?<!borrowing )(?<!funding )\bcosts?(?=\s*+[?？]?\s*+$)|"
        # An offer's price, said by what one share cost ("at $21 per ADS", "at 47.27 yuan each"); not what
        # each share is paid or earns ("dividend per share", "earnings per share").
        r"(?<!dividend )(?<!dividends )(?<!earnings )\b(?:per|a) (?:share|ads|adr)\b|"
        r"\d\s++(?:[a-z]++\s++)?+each\b|"
        r"价格|售价|定价|票价|(?<!客)[单均]价|标价|发行价",
        "rent": r"\brent(?:s|al)?\b|租金|房租",
        # What investors put in (募资, "raised … in its IPO"): no revenue (古茗's 18.6亿港元 募集资金). Raised
        # as money is ("raising $441 million", "raise funds", "raise in its IPO"), not as an offer is ("The
        # offer was raised from an initial $2.566 per share" says no price is money raised).
        "raised": r"\brais(?:e|es|ed|ing)\b(?=\s++(?:(?:about|around|roughly|nearly|almost|more|than|over|"
        r"up|to|at|least|another|an?)\s++)*+(?:[$€£¥]|hk\$|us\$|rmb|\d|funds?\b|capital\b|money\b|cash\b)|"
        r"[^.?!]{0,40}?\b(?:ipo|listing|funding|round|offering)\b|\s*+[?？]?\s*+$)|\bproceeds\b|"
        r"募资|募集|融资|筹资|筹集",
        # The value of what was sold on a platform, no revenue of its own (GMV, 交易额).
        # A sum "of transactions" a payment business processed is their value too, and a market's
        # "turnover" that of the shares traded (成交额; a company's turnover is its revenue: either).
        "gmv": r"\bg[mt]v\b|\b(?:gross (?:merchandise|transaction) |transaction )(?:value|volume)\b|"
        rf"{_TURNOVER}|"
        r"\b(?:of|in) transactions\b|交易额|交易总额|成交额|商品交易总额",
        # What is left of each yuan sold, no sum: "Gross margin improved to 22.0%" is no revenue.
        "margin": r"毛利率|净利率|利润率|\bmargins?\b",
        # What is paid out to shareholders (股息, 分红): a turnover or a net profit is none.
        "dividend": r"\bdividends?\b|\bpayouts?\b|股息|分红|派息|红利",
        # What a company holds, no sum it made (总资产为7,649亿元 is no investment-banking revenue).
        "assets": r"\b(?:total|net) assets\b|总资产|资产总[额计]|净资产(?!收益)",
    },
    # Which users: those who pay, or those who come (paying users are no monthly active ones).
    {
        "paying": r"\bpaying\b|\bpaid (?:users|members|subscribers)\b|\bsubscri(?:bers?|bing|ptions?)\b|"
        r"付费|订阅",
        "active": r"\bactive\b|活跃|\b[dwm]aus?\b",
    },
    {"full-time": r"\bfull-time\b|全职", "part-time": r"\bpart-time\b|兼职"},
    # A share of a whole, how fast something grows, or a margin: Alibaba Cloud's growth "up to 34%" is no
    # share, nor Midea's overseas revenue "占总收入的42%" its gross margin (asked only by how-much
    # questions: 毛利率为什么下降 asks why, not by how much).
    {
        "share": r"份额|占比|市占率|占据|占(?=[^，。；]{0,12}?(?:\d|[一二三四五六七八九十]成))|"
        r"\bmarket share\b|\bshare of\b|\baccount(?:s|ed|ing)? for\b|\bma(?:de|kes?|king) up\b|[%％]\s*+of\b|"
        # A part of a company owned ("a 29.4% stake" is no gross margin).
        r"\bstakes?\b|持股",
        # Not a change to a level (提高到多少, "grew to 25 million"): that names the level.
        # Any verb of a change: "Contracted sales … dropped 45.7%" says how much they fell.
        "growth": r"(?:增速|增长|增幅|涨幅|跌幅|上涨|下跌|上升|下降|提升|提高|"
        r"\bgrowth\b|\bgr[eo]w(?:s|n|ing)?\b|\bris(?:e|es|en|ing)\b|\brose\b|\b(?:in|de)creas(?:e|es|ed|ing)\b|\bf(?:ell|alls?|allen|alling)\b|"
        r"\b(?:drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|surg(?:e|es|ed|ing)|"
        r"slump(?:s|ed|ing)?|plung(?:e|es|ed|ing)|soar(?:s|ed|ing)?|tumbl(?:e|es|ed|ing))\b|"
        rf"\b(?:up|down) (?:by )?\d|{MULTIPLES})(?![到至]|\s*+to\b)",
        "margin": r"毛利率|净利率|利润率|\bmargins?\b",
    },
    # Which of a company's roles: one person may hold several, but quotes naming only others name
    # someone else (Bilibili's chairman and chief executive is no answer to who its CFO is).
    {
        "founder": r"\bfound(?:er|ers|ed|ing)\b|\bco-?founders?\b|创始人|创办|创立",
        "ceo": r"\bceo\b|\bchief executive\b|首席执行官|行政总裁",
        "cfo": r"\bcfo\b|\bchief financial officer\b|首席财务官|财务总监",
        "coo": r"\bcoo\b|\bchief operating officer\b|首席运营官",
        "cto": r"\bcto\b|\bchief technology officer\b|首席技术官",
        "chairman": r"\bchair(?:man|woman|person)\b|董事长|董事[会局]主席",
    },
    # What a company is worth, what one share of it trades at (安克创新的市值 is not its 收盘报88.71元), or
    # what was paid for a part of it (零跑汽车的市值 is not the 1.5 billion euros paid for a 21% stake).
    {
        "market value": r"市值|估值|\bmarket (?:value|cap|capitali[sz]ation)\b|\bvalu(?:ed|ing|ations?)\b",
        "share price": r"(?<!每)股价|[收开]盘[报价]|收[报于]|\b(?:share|stock) prices?\b|"
        r"\b(?:shares?|stocks?) (?:(?:of|in) (?:[a-z][\w&.'’-]*+ ){1,3}?)?(?:closed|opened|ended|rose|fell|"
        r"jumped|dropped|gained|climbed|slid|slumped|surged|tumbled|declined|edged|were (?:up|down))\b",
        "paid": r"\bpa(?:y|ys|id|ying)\b|\bbought\b|\bpurchas(?:e|ed|es|ing)\b|\bacquir(?:e|ed|es|ing)\b|"
        r"收购|买下|购买|斥资|支付|付了?多少|花了?多少",
    },
)
# A word's edge among Latin letters and digits only: Python's \b sees none between Chinese and Latin
# letters, so "\bcfo\b" missed the CFO of 蚂蚁集团的CFO是谁？.
_EDGE = r"(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))"
_MEASURES = tuple(
    {name: re.compile(pattern.replace(r"\b", _EDGE), re.I) for name, pattern in group.items()}
    for group in _GROUPS
)
_MARKET_PRICES = next((g["share price"], g["market value"]) for g in _MEASURES if "share price" in g)
# What a figure is after when it is another value of what the sentence before it measures ("…, down from
# 1.15 billion yuan", "compared with 1.95 billion yuan", 上年同期为…).
_ANOTHER_VALUE = re.compile(
    r"(?:\b(?:up|down)\s++from|\bcompared\s++(?:with|to)|\bversus|\bvs\.?+|上年同期为?+|去年同期为?+)\s*+$",
    re.I,
)
# The measures a figure is of only where its text names them.
_SAID_BY_NAME = frozenset({"market value"})
# A question asking how a figure moved (股价跌了多少, "How much did its shares rise?").
_MOVE_ASKED = re.compile(
    r"[涨跌升降增减]|\b(?:ris(?:e|en|es)|rose|f[ae]ll|gain|drop|jump|climb|slid|slump|surg|soar|plung|tumbl|"
    r"mov|chang|up|down)",
    re.I,
)
# The groups a question names a measure of only when it asks how much (the share and the growth).
_HOW_MUCH_ONLY = frozenset(i for i, group in enumerate(_GROUPS) if "share" in group)
# Any measure but a change or a share, one pattern: what a figure's near clause may say it is of.
_NAMED_MEASURE = re.compile(
    "|".join(
        f"(?:{p.pattern})"
        for i, group in enumerate(_MEASURES)
        if i not in _HOW_MUCH_ONLY
        for p in group.values()
    ),
    re.I,
)
# How far around a figure its clause is read for what it measures, and how far back its sentence.
CLAUSE_REACH = 40
WIDE_CLAUSE_REACH = 80
SENTENCE_REACH = 160


@lru_cache(maxsize=1024)
def qualifiers(question: str) -> tuple[tuple[int, str], ...]:
    """The measures `question` names, one at most per group, as (group, measure) pairs."""
    named = []
    number = "number" in question_intents(question)
    for group, measures in enumerate(_MEASURES):
        if group in _HOW_MUCH_ONLY and not number:
            continue
        found = [name for name, pattern in measures.items() if pattern.search(question)]
        if len(found) == 1:
            named.append((group, found[0]))
    return tuple(named)


def names_measure(question: str, text: str) -> bool:
    """Whether `text` names every measure `question` names, as its group says it ("sales" for 收入)."""
    asked = qualifiers(question)
    return bool(asked) and all(_MEASURES[group][name].search(fold(text)) for group, name in asked)


def measure_words(question: str) -> tuple[str, ...]:
    """The words by which `question` names its measures (营业利润, "net profit")."""
    found = (_MEASURES[group][name].search(question) for group, name in qualifiers(question))
    return tuple(dict.fromkeys(m.group() for m in found if m))


def measures_other(question: str, texts: list[str], *, whole: bool = True) -> bool:
    """Whether `texts` (quotes, a figure's clause) name another measure of a group, never the one asked.

    The quotes on Bilibili's users say how many are active daily, never monthly: they do not answer
    how many are monthly. Quotes (`whole`) give a market value only by naming it (`_SAID_BY_NAME`), and
    a share price asked as it is: a net loss whose cause is a "fair value" (地平线的市值是多少？), a total
    value of homes traded or a room's revenue (285 yuan) is none, whatever else they name. A clause may
    leave it to its sentence ("valued at about $66 billion …, down from $100 billion in 2022"), unless it
    names another measure: "China's largest insurer by market value, said first-half net profit … fell
    8.8% to 68 billion".
    """
    # A reason may name anything ("blamed the decline on … fiercer price competition"): for a why-question
    # (海底捞净利润为什么下滑？), what quotes say of a measure is said outside the clause giving it.
    why = "why" in question_intents(question)
    folded = [fold(_unreasoned(t) if why else t) for t in texts]
    asked = qualifiers(question)
    # A share's price is said by name too, where the question asks what it is, not how it moved ("shares
    # rose 2.4%" says it did): 万科的股价是多少？ is not answered by its net loss. How it moved is not
    # told by a figure's clause naming another measure: 徐工股价涨了多少？ is no "net profit rose 39%".
    move = _MOVE_ASKED.search(question) is not None
    by_name = _SAID_BY_NAME | (set() if move else {"share price"})
    for group, name in asked:
        measures = _MEASURES[group]
        # A market value is said by name, by the quotes or by the clause where it names any measure; a
        # share's move by the clause where it names any but a change ("have risen about 12%").
        moved = move and name == "share price" and not whole
        skipped = {name, "growth"} if moved else {name}
        others = (
            [p for m in _MEASURES for o, p in m.items() if o not in skipped]
            if name in by_name or moved
            else []
        )
        if not any(measures[name].search(t) for t in folded) and (
            (whole and name in by_name)
            or any(pattern.search(t) for other, pattern in measures.items() if other != name for t in folded)
            or any(pattern.search(t) for pattern in others for t in folded)
        ):
            return True
    return False


# What makes a figure an adjusted one, said right before the name of its measure ("adjusted net income",
# 经调整净利润, 扣非净利润): another measure than the reported one, asked for by name.
_ADJUSTED = re.compile(
    r"\badjusted\s++$|\bnon-(?:gaap|ifrs)\s++(?:adjusted\s++)?$|(?:经调整|调整后|扣非|扣除非经常性损益后的?)$",
    re.I,
)
_ADJUSTMENT = re.compile(r"adjusted|non-(?:gaap|ifrs)|经调整|调整后|扣非|扣除非经常性损益", re.I)
# How far before a figure its sentence is read for the measure it is of.
MEASURE_BEFORE_REACH = 100


def asks_adjusted(question: str) -> bool:
    """Whether `question` asks for an adjusted figure ("What was Tuhu's adjusted net profit?")."""
    folded = fold(question)
    return any(_ADJUSTED.search(folded, 0, m.start()) for m in _NAMED_MEASURE.finditer(folded))


def adjusted_before(text: str, start: int) -> bool | None:
    """Whether the measure `text` names last before the figure at `start`, in its sentence, is adjusted.

    None where the sentence names none before it. "Adjusted net income, which excludes share-based
    compensation, rose 22.4% to 915.3 million yuan": both figures are adjusted ones.
    """
    return _adjusted(sentence_before(text, start, MEASURE_BEFORE_REACH))


@lru_cache(maxsize=4096)
def _adjusted(before: str) -> bool | None:
    """`adjusted_before` for what a sentence says before a figure, cached: a hostile text repeats one."""
    folded = fold(before)
    if not _ADJUSTMENT.search(folded):
        return None if _NAMED_MEASURE.search(folded) is None else False
    named = list(_NAMED_MEASURE.finditer(folded))
    return bool(_ADJUSTED.search(folded, 0, named[-1].start())) if named else None


# A cue of the why intent said after its reason, before what it caused (价格竞争加剧，导致营收下滑), or
# closing it (业绩增长主要系交投活跃所致).
_EFFECT_AFTER = re.compile(r"导致|引起|引发|造成|所致|\bas a result\b", re.I)
# How far back a reason said before its effect is read, in its sentence.
REASON_BEFORE_CHARS = 120


def _unreasoned(text: str) -> str:
    """`text` less the clause its first reason is given in (由于订单超出预期, "because diners spent less").

    The reason comes before a cue of its effect: 需求走弱，价格竞争加剧，导致营收下滑 gives it up to 导致.
    Reasons listed on run through the clauses that add one (原因是成本上升，以及公司加大了费用投入).
    """
    cue = INTENTS["why"][1].search(text)
    if cue is None:
        return text
    if _EFFECT_AFTER.fullmatch(cue.group()):
        start = cue.start() - len(sentence_before(text, cue.start(), REASON_BEFORE_CHARS))
        return text[:start] + text[cue.end() :]
    end = CLAUSE_END.search(text, cue.end())
    while end and _ANOTHER_REASON.match(text, end.end()):
        end = CLAUSE_END.search(text, end.end())
    return text[: cue.start()] + (text[end.start() :] if end else "")


# A clause adding a reason to the one before it: "and", "as well as", 以及, 同时.
_ANOTHER_REASON = re.compile(r"(?:and|as\s++well\s++as|along\s++with|plus)\b|以及|及|和|同时|还有|加上", re.I)


def contradicted(question: str, text: str, start: int, end: int) -> bool:
    """Whether the clause of the figure `text[start:end]` names another measure than `question` does.

    Another value of what its sentence measures is read with the sentence before it (`_ANOTHER_VALUE`):
    "Net income … was 1.12 billion yuan, down from 1.15 billion yuan" gives a net income twice, no revenue.
    """
    if not qualifiers(question):
        return False
    clause = _clause(text, start, end, CLAUSE_REACH)
    # A clause naming no measure near its figure (but a change or a share) may name it further back ("its
    # revenue from continuing operations rose 7.1% to 6.84 billion yuan").
    if not _names_measure(clause):
        clause = _clause(text, start, end, WIDE_CLAUSE_REACH)
    if _ANOTHER_VALUE.search(text, max(0, start - CLAUSE_REACH), start):
        clause = sentence_before(text, start, SENTENCE_REACH) + clause
    return _clause_measures_other(question, clause)


def market_priced(question: str, text: str, start: int, end: int) -> bool:
    """Whether the figure `text[start:end]` is, as its clause says, a price the market puts on the company.

    What a share trades at or how it moved (收于71.2元, 股价下跌1.2%) or what the company is worth (总市值约
    1.41万亿元), where `question` asks nothing of its shares or worth: such a figure is no sum a company
    reports, nor its change (工业富联第四季度营收是多少？, "How much did Yili's net profit fall?").
    """
    if _ASKS_MARKET.search(question):
        return False
    clause = fold(_clause(text, start, end, CLAUSE_REACH))
    return any(p.search(clause) is not None for p in _MARKET_PRICES)


# A question on what the market makes of a company or pays for it: its shares (not what one earns or is
# paid), its stock, its worth, a price, its listing.
_ASKS_MARKET = re.compile(
    r"(?<!每)股|市值|估值|价|上市|(?<!\bper )\bshares?\b|"
    r"\b(?:stocks?|market|valu\w*+|worth|pric\w++|ipo|list\w*+)\b",
    re.I,
)


@lru_cache(maxsize=4096)
def _clause_measures_other(question: str, clause: str) -> bool:
    """`measures_other` for one figure's clause, cached: a hostile text repeats one thousands of times."""
    return measures_other(question, [clause], whole=False)


@lru_cache(maxsize=4096)
def _names_measure(clause: str) -> bool:
    """Whether `clause` names any measure but a change or a share (`_NAMED_MEASURE`)."""
    return _NAMED_MEASURE.search(fold(clause)) is not None


# What joins a reason or a contrast onto a figure's clause: what it names there is not what the figure is
# of ("a 2% fall in second-quarter revenue …, as a slump … offset rapid growth at its overseas apps";
# "dropped 12% to 1.6 billion yuan after crayfish prices fell" gives no price).
JOINED_REASON = re.compile(r"\s(?:as|while|because|since|whereas|after)\s|由于|因为|主要|得益于", re.I)


def _clause(text: str, start: int, end: int, reach: int) -> str:
    """The clause around `text[start:end]`, at most `reach` characters either side, short of a reason."""
    before = text[max(0, start - reach) : start]
    after = text[end : end + reach]
    opened = max((m.end() for m in BOUNDARY.finditer(before)), default=0)
    ends = (BOUNDARY.search(after), JOINED_REASON.search(after))
    closed = min((m.start() for m in ends if m), default=len(after))
    return before[opened:] + text[start:end] + after[:closed]
