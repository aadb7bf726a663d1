"""Where a question or a sentence puts what it speaks of: a place named after 在, "in", "enter" or "into".

"Keeta在沙特有多少骑手？" asks of Saudi Arabia; "Keeta will enter Brazil, investing about $1 billion"
puts its figure in Brazil, and 东南亚市场包裹量为45.6亿件 in Southeast Asia (a place before 市场). A place
is a name CC-CEDICT lists (沙特, Brazil: 巴西), not a language's.
"""

from __future__ import annotations

import re

from rag.bilingual import presence, translations
from rag.dictionary import is_name
from rag.intents import MONTH, question_intents
from rag.short import NUMBER_WORD, giving
from rag.subject import latin_names
from rag.text import ABROAD, UNWRITTEN, fold, segments, sentence_spans

# The Chinese words a place follows (在日本), and with `entering`, those a place entered follows (进入巴西).
_IN = frozenset({"在"})
_ENTERING = _IN | {"进入", "進入", "进军", "進軍"}
_MARKET = frozenset({"市场", "地区", "区域"})
# An English place: a name in capitals after "in" (or "into", "enter"), not a month (CC-CEDICT writes
# 一月 as a name): "When will Mixue open stores in Europe?", "will enter Brazil".
_NAME_AFTER = rf"\s++(?:the\s++)?+(?!(?i:{MONTH}))([A-Z][a-z]++(?: [A-Z][a-z]++)*+)"
# The preposition or verb opening a sentence too ("In Brazil, Keeta will compete with iFood").
_IN_PLACE = re.compile(rf"\b(?i:in){_NAME_AFTER}")
_ENTERED_PLACE = re.compile(rf"\b(?i:in|into|enter|enters|entered|entering){_NAME_AFTER}")


def places(text: str, *, entering: bool = False, unwritten: bool = False) -> list[str]:
    """The places `text` puts what it speaks of in, once each; English ones lower-case (europe, hong kong).

    With `entering`, the places it says something enters too: a sentence's "will enter Brazil" puts its
    figure there, where a question's 何时进入欧洲 asks of the entering, not of a thing in Europe. Not
    China (`UNWRITTEN`) unless `unwritten`.
    """
    cues, pattern = (_ENTERING, _ENTERED_PLACE) if entering else (_IN, _IN_PLACE)
    cut = segments(text)
    # 在 may be cut onto the word before it (充电宝在美国: 充电, 宝在, 美国).
    found = [
        w for at, w in zip(cut, cut[1:], strict=False) if (at in cues or at.endswith("在")) and spells_name(w)
    ]
    # A place's market (东南亚市场包裹量为45.6亿件) puts its figure there too.
    found += [w for w, after in zip(cut, cut[1:], strict=False) if after in _MARKET and spells_name(w)]
    english = (m.group(1).lower() for m in pattern.finditer(text))
    found += [w for w in english if any(map(spells_name, translations(w)))]
    return [w for w in dict.fromkeys(found) if unwritten or w not in UNWRITTEN]


# A city's stock exchange as Chinese text abbreviates it: a listing there is told by it (2014年在深交所上市).
_EXCHANGES = {"深圳": "深交所", "上海": "上交所", "北京": "北交所", "香港": "港交所"}


def exchanges_in(place: str) -> tuple[str, ...]:
    """The stock exchange of `place` (from `places`) as Chinese text writes it, if it is a city with one."""
    cities = (place, *sorted(translations(place))) if place.isascii() else (place,)
    return tuple(_EXCHANGES[city] for city in cities if city in _EXCHANGES)


def place_words(text: str) -> set[str]:
    """The words of the places `text` names (see `places`), folded: {"hong", "kong", "巴西"}."""
    return {word for place in places(text) for word in fold(place).split()}


def latin_names_unplaced(question: str) -> list[str]:
    """The names `question` writes in Latin letters (see `latin_names`), folded, but the places it names.

    "What is J&T Express's market share in Brazil?" is about J&T Express, not Brazil.
    """
    where = place_words(question)
    return [name for name in map(fold, latin_names(question)) if name not in where]


def spells_name(word: str) -> bool:
    """Whether the Chinese `word` is a name CC-CEDICT lists, not a language's (英语, 罗语, 法文)."""
    return bool(is_name(word)) and not word.endswith(("语", "文"))


def placed_elsewhere(question: str, quote: str, passage: str | None = None) -> bool:
    """Whether `question` asks a figure of a place and `quote` gives one put in another, never there.

    "How much did Meituan invest in Saudi Arabia?" is not answered by "Keeta will enter Brazil,
    investing about $1 billion", nor 百度在德国有多少辆无人车？ by its fleet "in Wuhan": such a quote is
    no evidence, and dropped (the others may answer: Baghdad's plague dead as a share, not Paris's 40,000).
    Judged by the sentences giving a figure: "In China, its volume grew 10.6%. Its market share in
    Southeast Asia reached 32.8%." gives no share in China. A total for the world, or the whole country
    (在全国41家门店), is none for one place in it, nor for another country. A quote naming no place is
    judged by its `passage`: 集团门店总数达到53,014家, in a passage on stores 在印度尼西亚和越南, is no count
    of Mixue's stores in India. Not for China (`UNWRITTEN`), which an article on it need not name. A
    question asking what is abroad (`ABROAD`), or in a place other than China, is not answered by a
    figure put at home (`_at_home`).
    """
    asked = places(question, unwritten=True)
    if not asked:
        return bool(ABROAD.search(question)) and _not_abroad(question, quote)
    giving_figure = _giving(question, quote)
    if not giving_figure or any(_names(s, place) for s in giving_figure for place in asked):
        return False
    if any(places(s, entering=True) or _whole(s, asked) for s in giving_figure):
        return True
    # A country abroad is not answered by a figure put at home: 大疆扫地机器人在美国卖多少钱？ is not
    # answered by robot vacuum sales "in China".
    if not UNWRITTEN.intersection(asked) and _at_home(question, quote):
        return True
    return (
        passage is not None
        and not UNWRITTEN.intersection(asked)
        and not any(_names(passage, place) for place in asked)
        and bool(places(passage, entering=True))
    )


def unplaced(question: str, text: str) -> str:
    """`text` without the numbers of clauses putting what they say in a place, for a how-much naming none.

    瑞幸有多少家门店？ asks of all its stores: "Luckin opened its first two stores in the United States"
    counts a part of them, where the next sentence's "had 26,206 stores" counts them all. A clause, not a
    sentence: in 小米在北京发布了YU7,售价25.35万元,比Model Y低1万元 Beijing is where it launched, and its
    price is not Beijing's. Their words stay, to point at the figures after them. Every character keeps
    its offset. Not for China (`UNWRITTEN`), where the archive's totals are.
    """
    if (
        "number" not in question_intents(question)
        or places(question, unwritten=True)
        or ABROAD.search(question)
    ):
        return text
    for clause in _CLAUSE.finditer(text):
        if places(clause.group()):
            numberless = _NUMBER.sub(lambda number: "#" * len(number.group()), clause.group())
            text = text[: clause.start()] + numberless + text[clause.end() :]
    return text


# A clause: what lies between marks ending one (not a decimal point: 25.35万元); a number in it, in
# digits or in English words.
_CLAUSE = re.compile(r"(?:[^,，;；。!?！？.]|\.(?=\d))++")
_NUMBER = re.compile(rf"\d|{NUMBER_WORD.pattern}", re.I)


# What is at home, for a company of the country this archive's news is from (abroad: `ABROAD`).
_HOME = re.compile(
    r"在中国|中国内地|中国大陆|国内|境内|\bin (?:mainland )?china\b|\bdomestic(?:ally)?\b|\bat home\b", re.I
)


def _not_abroad(question: str, quote: str) -> bool:
    """Whether `quote` gives its figures of the kind `question` asks only in sentences putting none abroad.

    Neither said to be abroad (海外, "overseas") nor put in a place other than China: 茶百道在海外有多少家
    门店？ is not answered by its stores in all, nor by its stores in China.
    """
    giving_figure = _giving(question, quote)
    return bool(giving_figure) and not any(
        ABROAD.search(s) or places(s, entering=True) for s in giving_figure
    )


def _at_home(question: str, quote: str) -> bool:
    """Whether `quote` gives its figures of the kind `question` asks only in sentences putting them at home.

    "How many FILA stores does Anta have overseas?" is not answered by 安踏品牌在中国共有门店7,700家.
    """
    giving_figure = _giving(question, quote)
    return any(_HOME.search(s) for s in giving_figure) and not any(ABROAD.search(s) for s in giving_figure)


def placed_there(question: str, quote: str) -> bool:
    """Whether `quote` gives a figure of the kind `question` asks in a sentence naming the place asked of."""
    asked = places(question, unwritten=True)
    return bool(asked) and any(_names(s, place) for s in _giving(question, quote) for place in asked)


def _giving(question: str, quote: str) -> list[str]:
    """The sentences of `quote` giving a figure of the kind `question` asks for."""
    return giving(question, [quote[slice(*span)] for span in sentence_spans(quote)])


# A figure for the whole world, or the whole country (China, where the archive's news is from).
_WORLD = re.compile(r"全球|全世界|世界各地|\b(?:worldwide|globally|around the world)\b", re.I)
_COUNTRY = re.compile(r"全国|\b(?:nationwide|across the country)\b", re.I)


def _whole(sentence: str, asked: list[str]) -> bool:
    """Whether `sentence` gives a total of the world, or of the country when `asked` is not China."""
    return bool(_WORLD.search(sentence)) or (
        not UNWRITTEN.intersection(asked) and bool(_COUNTRY.search(sentence))
    )


def _names(text: str, place: str) -> bool:
    """Whether `text` names `place`, not only inside another place's name (India: 印度, not 印度尼西亚).

    Only inside: `place` occurs less (see `presence`) once those names are taken out.
    """
    written = translations(place) | {place}
    longer = {
        word
        for word in segments(text)
        if word not in written and spells_name(word) and any(w in word for w in written)
    }
    found = presence(place, fold(text))
    for word in sorted(longer, key=len, reverse=True):
        text = text.replace(word, " ")
    return found > 0 and (not longer or presence(place, fold(text)) >= found)
