"""A small bilingual lexicon of news and platform vocabulary, for matching across languages.

Dense retrieval finds a Chinese article for an English question, but choosing the sentence that
answers it, and judging whether the evidence covers the question, are lexical: "close" must match
关停 and 支付 must match "payment". Only words that recur in business news about Chinese platforms
are listed; other words are translated by CC-CEDICT (`rag.bilingual`). Names of companies, platforms and
places are `rag.gazetteer`'s.
"""

from __future__ import annotations

from functools import lru_cache

from rag.gazetteer import NAMES, PLACES

PAIRS = """
关停 close closed closing closure shut shutdown suspend suspended
关闭 close closed shut
暂停 suspend suspended pause paused halt
停止 stop stopped halt
上线 launch launched launches online
推出 launch launched introduce introduced
发布 release released announce announced publish
宣布 announce announced
公告 announcement notice
牌照 license licence licenses
许可 license permit
支付 payment payments pay
收购 acquire acquired acquisition
获得 obtain obtained gain acquire
拿下 obtain obtained win won secure secured acquisition acquire acquired
营收 revenue revenues
总部 headquarters headquartered based
收入 revenue income
利润 profit profits
净利润 net_profit net_income
估值 valuation
销量 sales sell sold
产量 output production produce produced
销售 sales sell
用户 user users
商家 merchant merchants seller sellers
会员 membership member members
会员卡 membership card
卡 card
年卡 annual card
费 fee fees
收费 fee fees charge charged
价格 price prices
折扣 discount discounts
自营 self-operated
电商 e-commerce ecommerce
旗舰店 flagship store
店 store shop
门店 store stores
本地生活 local services
到店 in-store
平台 platform platforms
运营 operate operated operates operating operation operations operator
经营 operate operated operates business
公司 company companies co firm
子公司 subsidiary
商品 product products goods item items
产品 product products
第一季度 q1 first-quarter
第二季度 q2 second-quarter
第三季度 q3 third-quarter
第四季度 q4 fourth-quarter
一季度 q1 first-quarter
二季度 q2 second-quarter
三季度 q3 third-quarter
四季度 q4 fourth-quarter
季度 quarter quarterly
增长 growth grew grow increase increased rise rose jumped surged climbed
同比 year-on-year
下降 decline declined fall fell drop dropped
下滑 decline declined fall fell drop dropped slide slid slump slumped
计划 plan plans planning planned
上市 ipo listing listed public
募资 raise raised proceeds
中期 interim
员工 employees staff
成本 cost costs
手续费 fee fees transaction
费率 rate fee
节省 save saving savings
月活 monthly active
日活 daily active
粉丝 fans followers
消费者 consumer consumers
信任 trust
物流 logistics
仓储 warehousing warehouse
工厂 factory factories plant plants
交易 transaction transactions
贷款 loan loans lending
小贷 micro-lending microloan
创始人 founder
首席执行官 ceo
董事长 chairman chairwoman
董事会 board
行政总裁 chief_executive
总裁 president
原因 reason reasons why
理由 reason reasons why
因为 because
由于 due
投诉 complaint complaints
直播 live-streaming livestream
黄金 gold
珠宝 jewelry jewellery
无人机 drone drones
配送 delivery deliveries
外卖 delivery takeout
团购 group-buying
应用 app apps application
城市 city cities
城 city cities
货币资金 cash
现金 cash
成立 founded established
持有 holds held owns owned
大股东 largest_shareholder major_shareholder
储能 energy_storage
扩产 capacity expansion
指引 guidance outlook
成交额 turnover
日均 daily
市值 valuation capitalization market_value market_cap
综合成本率 combined_ratio
发行价 offering_price offer_price ipo_price issue_price
开盘价 opening_price opened
新股 new_shares ipo
首日 debut first_day
收盘价 closing_price closed
收盘 close closed closing
股票 shares stock stocks
载客量 passengers
海外 overseas abroad outside_china outside_mainland_china
研发 research_and_development r&d
投入 investment invest invested spending spend spent
出货量 shipments shipment shipped
交付量 deliveries delivered
客运量 passengers passenger_trips patronage
派息 dividend dividends payout
派息率 payout_ratio dividend_payout_ratio
资本开支 capital_spending capex capital_expenditure
调改 remodel remodelled remodeled revamp revamped
旅客 passengers passenger travellers travelers
客座率 load_factor passenger_load_factor
扭亏 return_to_profit turnaround
百升 hectolitre hectolitres hectoliter
"""


def _entries(block: str = PAIRS + PLACES + NAMES) -> list[list[str]]:
    """Each line's words; an underscore joins the words of an English phrase (net_income: "net income")."""
    return [[w.replace("_", " ") for w in line.split()] for line in block.splitlines() if line.strip()]


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for zh, *en in _entries():
        table.setdefault(zh, set()).update(en)
        for word in en:
            table.setdefault(word, set()).add(zh)
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def names() -> frozenset[str]:
    """Every spelling, Chinese or English, of the companies, platforms and places listed."""
    return frozenset(word for entry in _entries(PLACES + NAMES) for word in entry)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Every spelling of the places listed (上海, "hong")."""
    return frozenset(word for entry in _entries(PLACES) for word in entry)


def listed_company(name: str) -> bool:
    """Whether `name` (as a question writes it, or folded) is a company or platform listed, not a place."""
    return name.lower() in names() - places()


def chinese_words() -> list[str]:
    """The Chinese side of the lexicon, which the tokenizer must keep whole (拼多多, not 拼 + 多多)."""
    return [entry[0] for entry in _entries()]


@lru_cache(maxsize=1)
def phrases() -> tuple[tuple[str, str], ...]:
    """The English phrases of several words the lexicon gives (net income: 净利润), with their Chinese."""
    return tuple((zh, word) for zh, *en in _entries(PAIRS) for word in en if " " in word)


@lru_cache(maxsize=1)
def _phrased() -> dict[str, tuple[str, ...]]:
    phrased: dict[str, tuple[str, ...]] = {}
    for _, *en in _entries(PAIRS):
        if en and " " not in en[0]:
            phrased[en[0]] = (*phrased.get(en[0], ()), *(word for word in en[1:] if " " in word))
    return phrased


def said_also(word: str) -> tuple[str, ...]:
    """The English phrases a line gives beside `word`, its first English word: "outside china" for overseas.

    Only a line's first word: the others are mostly senses of the Chinese word ("closed" of 收盘价 is no
    closing price).
    """
    return _phrased().get(word, ())


def listed(term: str) -> frozenset[str]:
    """The words this lexicon gives for `term` in the other language (lower-case English, or Chinese)."""
    return _table().get(term, frozenset())
