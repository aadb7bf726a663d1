"""Who owns a company: the question asking it (谁控股有道？, "Who owns Youdao?") and the owner a text names.

Or backs it: "Who backs Kingsoft Cloud?" is answered by "backed by Xiaomi", as an owner is.

News names an owner by a handful of phrasings: "controlled by Baidu", "majority-owned by NetEase",
"ByteDance-owned Douyin", "TikTok owner ByteDance", "a unit of Alibaba", "the delivery arm of e-commerce
giant JD.com", 由百度控股, 字节跳动旗下的抖音, 控股股东为…; any other name in the sentence (its chief
executive, a rival) is no owner.
"""

from __future__ import annotations

import re

# An owner asked for: who owns or controls a thing, its owner, parent or controlling shareholder.
_ASKS_OWNER = re.compile(
    r"\b(?:who|which \w++|what \w++)\s++(?:owns|controls|backs)\b|"
    r"\b(?:owners?|parent(?: company| group)?|controlling shareholders?|(?:largest|biggest) shareholders?)\b|"
    r"控股股东|大股东|母公司|谁控股|由谁控股|谁拥有|隶属于?哪|哪[家个](?:公司|集团|企业)?+旗下",
    re.I,
)
# A company's name in English: capitalised words ("Baidu", "NetEase", "Alibaba Group Holding", "J&T").
_LATIN = r"[A-Z](?:[\w&’'-]|\.(?=\w))*+(?: (?:[A-Z][\w&’'-]*+|&))*+"
# Words joining names or clauses, which no description of an owner holds ("by Baidu and Tencent").
_JOINING = "(?:and|or|with|in|on|at|for|since|until|through|via|from|as)"
_LATIN_OWNERS = re.compile(
    # After what it is ("controlled by the Dutch investor Prosus"), or alone.
    rf"\b(?:owned|controlled|backed)\s++by\s++(?:the\s++)?+(?:[A-Z]\w*+\s++)?+(?:(?!{_JOINING}\b)[a-z][\w-]*+\s++){{1,2}}"
    rf"(?P<described>{_LATIN})|"
    rf"\b(?:owned|controlled|backed)\s++by\s++(?:the\s++)?+(?P<after>{_LATIN})|"
    rf"(?<![\w&-])(?P<before>[A-Z][\w&]*+)-(?:owned|controlled|backed)\b|"
    rf"\b(?:owner|parent(?: company| group)?|controlling shareholder)(?:,\s*+|\s++)(?P<apposed>{_LATIN})|"
    rf"\b(?:unit|subsidiary|division|affiliate|arm) of\s++(?:the\s++)?+"
    rf"(?:(?!{_JOINING}\b)[a-z][\w-]*+\s++){{0,2}}(?P<whole>{_LATIN})"
)
# In Chinese: 由百度控股, 控股股东为百度, 母公司阿里巴巴, and the name before 旗下 (字节跳动旗下的抖音).
_NOT_NAME = "，。；、：,;:（）()的是为由于被与和及在\\s"
_CHINESE_OWNERS = re.compile(
    rf"由([^{_NOT_NAME}]{{2,12}}?)(?:全资)?+(?:控股|拥有|持有)|"
    rf"(?:控股股东|大股东|母公司)(?:为|是)?+([^{_NOT_NAME}]{{2,12}}+)|"
    rf"(?:^|(?<=[{_NOT_NAME}]))([^{_NOT_NAME}]{{2,8}}?)旗下"
)
# What says who owns a thing, whether or not a name the patterns above read follows ("owned by the
# city", 国资控股): a quote without any gives no owner.
_OWNING = re.compile(
    r"\b(?:owned|owns|owner|controlled|controls|backed|backs|parent|subsidiary|(?:unit|arm) of|shareholders?|"
    r"stake)\b|"
    r"控股|旗下|母公司|股东|持有|拥有|隶属",
    re.I,
)


def asks_owner(question: str) -> bool:
    """Whether `question` asks who owns or controls a thing (see `_ASKS_OWNER`)."""
    return _ASKS_OWNER.search(question) is not None


def owners(text: str) -> list[tuple[int, int]]:
    """The spans of `text` naming an owner (see the module docstring)."""
    found = [m.span(m.lastindex or 0) for m in _LATIN_OWNERS.finditer(text)]
    return found + [m.span(m.lastindex or 0) for m in _CHINESE_OWNERS.finditer(text)]


def unowned(question: str, quotes: list[str]) -> bool:
    """Whether `question` asks for an owner and no quote says anything of owning (`_OWNING`).

    爱奇艺的控股股东是谁？ is not answered by the sentence naming its chief executive.
    """
    return asks_owner(question) and not any(_OWNING.search(quote) for quote in quotes)
