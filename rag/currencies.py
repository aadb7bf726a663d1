"""The names of the world's currencies, as written after an amount (1 billion reais, 500万卢比).

From the Unicode CLDR, through Babel (the one module importing it): every currency legal tender
somewhere today, by its English name's last word, singular and plural (rupee, rupees, riyals, won);
the plural the country's own press writes where a currency's name comes before its country's
(reais brasileiros, pesos mexicanos: English news writes "1 billion reais"); and its Chinese name,
whole and without its country's (巴西雷亚尔, 雷亚尔; 印度卢比, 卢比).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rag.text import is_cjk

# Languages that name a currency before its country (reais brasileiros, francs suisses).
_NAME_FIRST = frozenset({"pt", "es", "fr", "it"})
# Names that after a number seldom mean money: "3 gold medals" (Zimbabwe's gold), a mark given (Bosnia's
# convertible mark).
_NOT_MONEY = frozenset({"gold", "mark", "marks", "金元"})


@lru_cache(maxsize=1)
def currency_names() -> tuple[str, ...]:
    """Every name (see the module's description), lower-case, longest first."""
    from babel import Locale
    from babel.core import get_global
    from babel.languages import get_official_languages
    from babel.numbers import get_currency_name, get_territory_currencies

    chinese = Locale("zh")
    found: set[str] = set()
    for territory in get_global("territory_currencies"):
        for code in get_territory_currencies(territory, tender=True):
            found |= {get_currency_name(code, count=n, locale="en").split()[-1].lower() for n in (1, 2)}
            for language in set(get_official_languages(territory)) & _NAME_FIRST:
                found.add(get_currency_name(code, count=2, locale=language).split()[0].lower())
            name = chinese.currencies.get(code)
            if name:
                found.add(name)
                country = chinese.territories.get(territory, "")
                # Not a single character left (越南盾: 盾 is a shield too).
                if country and name.startswith(country) and len(name) > len(country) + 1:
                    found.add(name.removeprefix(country))
    return tuple(sorted(found - _NOT_MONEY, key=lambda name: (-len(name), name)))


def currency_pattern(extra: frozenset[str] = frozenset()) -> str:
    """A pattern matching a currency's name (`currency_names` and `extra`), longest first.

    Latin names end at a word's end (not the "won" of "wonder"); Chinese ones, and 元, anywhere. A trie,
    not a list: a list of some 300 names is tried name by name at every position of a text.
    """
    names = {*currency_names(), *extra}
    chinese = _trie(name for name in names if is_cjk(name[0]))
    latin = _trie(name for name in names if not is_cjk(name[0]))
    return rf"{chinese}|元|{latin}\b"


def _trie(words: Iterable[str]) -> str:
    """A regular expression matching any of `words` (the longest one where several start alike)."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    either = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{either})?" if "" in node else either
