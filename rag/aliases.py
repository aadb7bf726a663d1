"""Names an article gives one thing in both scripts: 极兔速递（J&T Express）, "East Buy, known as 东方甄选".

A question naming a thing as an article does only where it says so is read with the article's own name
for it: 东方甄选的GMV是多少？ over Reuters' article on East Buy asks what East Buy的GMV是多少？ does, whose
sentences name East Buy or nothing; "Who founded J&T Express?" over a Chinese article asks of 极兔速递.
No dictionary has such names: the archive says them. Nor does one have 美的 ("beautiful") for Midea,
but a news headline opening on it (美的集团上半年净利润增长25%) names its subject (see `headline_names`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from itertools import takewhile
from os.path import commonprefix

from rag.bilingual import mentions, romanized_positions, translations
from rag.dictionary import is_name, word_readings
from rag.places import place_words
from rag.subject import subject_names
from rag.text import (
    CJK_RANGE,
    COMPANY_KINDS,
    DATELINE,
    POSSESSIVE_END,
    TRADES,
    fold,
    is_cjk,
    language,
    next_name_word,
    terms,
)
from rag.types import Declared

# A Chinese name (the longest run of characters before the brackets that the article writes elsewhere,
# see `_chinese_name`), and a Latin one: capitalised words, one at least of them not a bare acronym
# (East Buy, J&T Express; not GMV of 商品交易总额（GMV）, which is a term, not a name).
_CHINESE_RUN = rf"[{CJK_RANGE}]{{2,12}}+"
_LATIN = r"[A-Z][A-Za-z0-9&'’.\-]*+(?: [A-Z][A-Za-z0-9&'’.\-]*+){0,4}+"
_CHINESE_FIRST = re.compile(rf"({_CHINESE_RUN})\s*+[（(]\s*+({_LATIN})\s*+[)）]")
_LATIN_FIRST = re.compile(rf"(?<![A-Za-z0-9&'’.\-])({_LATIN})\s*+[（(]\s*+([{CJK_RANGE}]{{2,8}}+)\s*+[)）]")
_KNOWN_AS = re.compile(
    rf"(?<![A-Za-z0-9&'’.\-])({_LATIN}),[^,.;()]{{0,80}}?\bknown (?:in Chinese )?as ([{CJK_RANGE}]{{2,8}}+)"
)
_NAME_LIKE = re.compile(r"[a-z&]| [A-Z]")
# The shortest Chinese name taken from a run before brackets, and the longest taken whole.
MIN_NAME_CHARS = 2
MAX_NAME_CHARS = 6
# Capitalised words in a row, not opening the question ("Chow Tai Fook's", "Midea").
_CAPITALISED_RUN = re.compile(r"(?<=\s)[A-Z][\w&'’.\-]*+(?: [A-Z][\w&'’.\-]*+)*+")
# The trades a company's name may end with, as `str.startswith` takes them (京东 + 物流).
_TRADES = tuple(TRADES)
# The pinyin readings of a question's first word a headline may open on.
READINGS = 2
# The articles among the best passages' whose names are read.
ALIAS_ARTICLES = 8


def declared(article: Sequence[str]) -> list[tuple[str, str]]:
    """The (Chinese, Latin) names an article (its title, then its sentences) gives one thing by."""
    text = "\n".join(article)
    latin_first = (m for pattern in (_LATIN_FIRST, _KNOWN_AS) for m in pattern.finditer(text))
    pairs = [(m.group(2), m.group(1)) for m in latin_first]
    for m in _CHINESE_FIRST.finditer(text):
        chinese = _chinese_name(m.group(1), text[: m.start()] + text[m.end() :])
        if chinese:
            pairs.append((chinese, m.group(2)))
    return [(chinese, latin) for chinese, latin in dict.fromkeys(pairs) if _NAME_LIKE.search(latin)]


def _chinese_name(run: str, rest: str) -> str | None:
    """The name a run of characters before brackets ends in: its longest end the article writes again.

    "3月4日晚，旗下极兔速递（J&T Express）" names 极兔速递 where the title does too; a short run written
    nowhere else is the name whole.
    """
    for start in range(len(run) - MIN_NAME_CHARS + 1):
        if run[start:] in rest:
            return run[start:]
    return run if len(run) <= MAX_NAME_CHARS else None


def aliased(query: str, articles: Iterable[Sequence[str]]) -> str:
    """`query` with a name an article gives in both scripts written as that article writes (see module).

    As its title writes it, which says it of every sentence ("Who founded Horizon Robotics?" over
    地平线机器人…, whose sentences say "the company"); else as its own script does (a Chinese name over
    an English article, a Latin one over a Chinese article). The first of `articles` (each its title,
    then its sentences) declaring a name `query` writes otherwise decides.
    """
    for article in articles:
        title, text = article[0], "\n".join(article)
        for chinese, latin in declared(article):
            meant = _meant(chinese, latin, title, text)
            written = chinese if meant == latin else latin
            if meant and _written(query, written) and not _written(query, meant):
                return _name(written).sub(partial(_spaced, query, name=meant), query)
    return query


def declared_in(query: str, articles: Mapping[str, Sequence[str]], headlines: Mapping[str, str]) -> Declared:
    """The names `query` writes that `articles` (by id: title, then sentences) give their subject by, folded.

    Declared in both scripts (see `declared`), or opening a news headline (`headlines`, by id; see
    `headline_names`). Names though no dictionary has them as one: 地平线 is "horizon" and 贝壳 "shell"
    where no article writes "Horizon Robotics (地平线)" or "Beike (贝壳)". Not a name the question names
    anyway (`subject_names`): 腾讯 is not named by a headline opening on 腾讯音乐. Nor, declared in the text,
    a part of one: the question's name, cut with the word after it (古茗募资), keeps the passages it
    chose; a headline opens on the question's first word as the tokenizer cuts it (海尔 of 海尔智家, which
    names no passage of "Haier Smart Home profit rises").
    """
    known, folded = [fold(name) for name in subject_names(query)], fold(query)
    found = {
        doc_id: [n for n in _folded_pairs(article) if _written(folded, n) and not any(n in k for k in known)]
        for doc_id, article in articles.items()
    }
    for doc_id, names in [*headline_names(query, headlines).items(), *lead_names(query, articles).items()]:
        found.setdefault(doc_id, []).extend(n for n in map(fold, names) if n not in known)
    return Declared({doc_id: tuple(dict.fromkeys(names)) for doc_id, names in found.items() if names})


def _folded_pairs(article: Sequence[str]) -> list[str]:
    """The names `article` declares in both scripts (see `declared`), each folded."""
    return [fold(name) for pair in declared(article) for name in pair]


def headline_names(query: str, headlines: Mapping[str, str]) -> dict[str, list[str]]:
    """The names `query` asks about that a news headline (by article id) opens on: what it reports on.

    A Chinese headline opens on its subject (美的集团上半年净利润增长25%), as a Chinese question does
    (美的第三季度营收是多少？): 美的 is the company there, though every dictionary has it as "beautiful". An
    English question's Latin name opens one as written, by a translation (Midea: 美的) or in pinyin (Yili:
    伊利股份前三季度…). Only dated articles' titles are headlines: other titles name a topic, and their
    questions open on anything.
    """
    names = {name: [fold(s) for s in spellings] for name, spellings in opening_names(query).items()}
    opened = {
        doc_id: [name for name, spellings in names.items() if _opens_any(headline, name, spellings)]
        for doc_id, headline in headlines.items()
    }
    # The longest name any headline opens on: 中国中免, not 中国 (which any passage on China would name).
    every = {name for found in opened.values() for name in found}
    return {
        doc_id: longest
        for doc_id, found in opened.items()
        if (longest := [name for name in found if not any(name != o and name in o for o in every)])
    }


def lead_names(query: str, articles: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The Chinese names `query` opens on that an English article's first sentence opens on, in pinyin.

    A news story's first sentence opens on its subject, after the dateline: "Youdao, the online education
    … company majority-owned by NetEase, reported …" under 网易有道第三季度… is about 有道 (which CC-CEDICT
    has as "wise"). `articles`: by id, each its title, then its sentences.
    """
    if language(query) != "zh":
        return {}
    sounds = {
        name: {r.replace(" ", "") for r in word_readings(name, READINGS)} for name in opening_names(query)
    }
    found: dict[str, list[str]] = {}
    for doc_id, article in articles.items():
        first = _lead(article)
        folded = fold(first)
        found[doc_id] = [
            name for name, spellings in sounds.items() if any(_opens(first, folded, s) for s in spellings)
        ]
    return {doc_id: names for doc_id, names in found.items() if names}


def about_names(query: str, articles: Mapping[str, Sequence[str]]) -> tuple[set[str], set[str]]:
    """The `articles` (by id: title, then sentences) about the name `query` opens on, and about a longer one.

    A headline or a story's first sentence opens on what it is about (see `headline_names`,
    `lead_names`): 京东第三季度营收是多少？ asks of JD.com, as Reuters' "JD.com's quarterly profit halves …"
    is about it; not of JD Logistics (京东物流第三季度收入…, "JD Logistics, the delivery arm of e-commerce
    giant JD.com, said …"), nor of 京东方, unless the query says what the longer name adds (京东健康的营收是
    多少？ asks of JD Health) or opens on it itself. A story's first sentence tells where it opens on the
    name ("Alibaba said its Qwen app …" under 阿里千问App…). None about a longer one where none is about the
    name.
    """
    names = opening_names(query)
    if not names:
        return set(), set()
    spellings = next(iter(names.values()))
    asked = fold(query)
    # By the story's first sentence where it opens on the name, else by its headline.
    about = {
        doc_id: lead
        if (lead := _opening(_lead(article), spellings, article[0]))[0]
        else _opening(article[0], spellings, _lead(article))
        for doc_id, article in articles.items()
        if article
    }
    exact = {doc_id for doc_id, (kind, _) in about.items() if kind == "exact"}
    # A query opening on a longer name itself asks of that one (京东物流的营收是多少？), and a title opening
    # as the query does past the name is about what it asks of (网易云音乐 of both).
    if not exact or _opening(query, spellings, sure=True)[0] == "longer":
        return exact, set()
    opened = next(iter(names))
    longer = {
        doc_id
        for doc_id, (kind, added) in about.items()
        if kind == "longer"
        and not _says(asked, added)
        and len(commonprefix([asked, fold(articles[doc_id][0])])) <= len(opened)
    }
    return exact, longer


def names_itself(query: str, text: str) -> bool:
    """Whether `text` writes the name `query` opens on other than to open a longer name ("JD Logistics").

    What a sentence of an article on JD Logistics says of JD.com names it ("JD.com said …"); the rest is
    JD Logistics' ("The company had about 570,000 frontline staff" counts no JD.com staff).
    """
    names = opening_names(query)
    return not names or _alone(text, next(iter(names.values())))


def _alone(text: str, spellings: Sequence[str], start: int = 0) -> bool:
    """Whether `text`, from `start` on, writes one of `spellings` other than to open a longer name.

    Not "JD" of "JD Logistics" (see `next_name_word`), nor 京东 of 京东物流 (a trade after it).
    """
    folded = fold(text)
    for spelling in spellings:
        found = (_name(spelling) if spelling.isascii() else re.compile(re.escape(spelling))).finditer(
            folded, start
        )
        if spelling.isascii() and any(not next_name_word(text, m.end()) for m in found):
            return True
        if not spelling.isascii() and any(not folded.startswith(_TRADES, m.end()) for m in found):
            return True
    return False


def _says(asked: str, added: str) -> bool:
    """Whether a folded query says `added`, what a longer name adds, or a translation of it (云: cloud)."""
    return added in asked or any(t in asked for t in translations(added)) or mentions(added, asked)


def _lead(article: Sequence[str]) -> str:
    """An article's first sentence, after its dateline ("BEIJING, Nov 13 (Reuters) -") or its headline.

    A page repeats its headline above the story, on a line of its own or as the first sentence.
    """
    title = article[0].strip() if article else ""
    first = next((s for s in article[1:] if s.strip() != title), "").strip().removeprefix(title).lstrip()
    return first[dateline.end() :].lstrip() if (dateline := DATELINE.match(first)) else first


def _opening(
    text: str, spellings: Sequence[str], elsewhere: str = "", *, sure: bool = False
) -> tuple[str, str]:
    """How `text` opens on a name spelt one of `spellings`, and what a longer one adds to it, folded.

    ("exact", "") as it; ("longer", …) a longer name: one going on with a capitalised word where the text
    names the name itself too ("JD Logistics, the delivery arm of … JD.com": logistics; not "JD.com Inc",
    nor "Tencent Music Entertainment Group"), or in Chinese with more characters the tokenizer keeps with it
    (京东方: 方) or, where it names the name alone too, a trade (物流); ("", "") where it opens on none.
    """
    folded = fold(text)
    found = [spelling for spelling in spellings if _opens(text, folded, spelling)]
    if not found:
        return "", ""
    spelling = max(found, key=len)
    if spelling.isascii():
        end = len(text) - len(text.lstrip()) + len(spelling)
        added = next_name_word(text, end)
        # A longer name the text tells from the name itself, naming that too ("JD Logistics, the delivery
        # arm of … JD.com"); else it is the company's full name ("Tencent Music Entertainment Group"), the
        # name in brackets after it its other spelling ("Chow Tai Fook Jewellery Group (周大福)").
        itself = _alone(_GLOSS.sub(lambda m: " " * len(m.group()), text), spellings, end)
        return ("longer", added.lower()) if added and itself else ("exact", "")
    first = (terms(text[: len(spelling) + MAX_NAME_CHARS], search_mode=False) or [""])[0]
    start = len(text) - len(text.lstrip()) + len(spelling)
    if first != spelling and first.startswith(spelling) and first.removeprefix(spelling) not in TRADES:
        return "longer", first.removeprefix(spelling)
    after = (terms(text[start : start + MAX_NAME_CHARS], search_mode=False) or [""])[0]
    # A trade after it makes another name only where the name is written without it too, there or in
    # `elsewhere`, the article's first sentence (吉利汽车 is Geely itself; under 京东物流…, "… of
    # e-commerce giant JD.com"), or in a question (`sure`): it asks of what it names.
    alone = sure or _alone(text, spellings, start) or _alone(elsewhere, spellings)
    return ("longer", after) if after in TRADES and alone else ("exact", "")


# Another spelling of a name, in brackets after it.
_GLOSS = re.compile(r"[(（][^()（）]{1,40}[)）]")


def _opens_any(headline: str, name: str, spellings: list[str]) -> bool:
    """Whether `headline` opens on one of `spellings`, or on characters read as the Latin `name` (yili)."""
    folded = fold(headline)
    return any(_opens(headline, folded, s) for s in spellings) or (
        name.isascii() and " " not in name and 0 in romanized_positions(name, folded)
    )


def _opens(headline: str, folded: str, spelling: str) -> bool:
    """Whether `headline` (`folded`) opens on `spelling`: a Latin one as whole words, capitalised.

    Not "ping an" of "ping ants"; nor "lenovo third quarter" (联想第三季度) of "Lenovo third-quarter
    profit…", where "JD Health's first-half profit…" names JD Health (京东健康).
    """
    rest = folded.removeprefix(spelling)
    if rest == folded or spelling.isascii() and rest[:1].isalnum():
        return False
    return not spelling.isascii() or all(
        word[:1].isupper() for word in headline.split()[: len(spelling.split())]
    )


def opening_names(query: str) -> dict[str, tuple[str, ...]]:
    """What `query` may ask about that a headline would open on, with the spellings it would open with.

    A Chinese question's first word (or the characters the tokenizer cut one by one that it opens with:
    美图), of two Chinese characters or more, as written, in pinyin, syllables apart or not (平安: "Ping An
    Insurance…", 长安: "Changan"), and translated (联想集团: "Lenovo quarterly profit…"), and with a name
    after it as written; an English question's names in capitals but places, each whole (not "WeChat" of
    "WeChat Pay": 微信小游戏 is not its subject), as written and translated.
    """
    if language(query) != "zh":
        where = place_words(query)
        runs = (fold(POSSESSIVE_END.sub("", m.group())) for m in _CAPITALISED_RUN.finditer(query))
        return {run: (run, *sorted(translations(run))) for run in runs if not set(run.split()) <= where}
    words, opening = terms(query, search_mode=False), query.lstrip()
    # Characters the tokenizer left one by one at the start are one name (美 + 图: 美图).
    single = list(takewhile(lambda w: len(w) == 1 and is_cjk(w), words[:MAX_NAME_CHARS]))
    if len(single) >= MIN_NAME_CHARS and opening.startswith("".join(single)):
        words = ["".join(single), *words[len(single) :]]
    first = words[0] if words else ""
    if not (len(first) >= MIN_NAME_CHARS and all(map(is_cjk, first)) and opening.startswith(first)):
        return {}
    readings = word_readings(first, READINGS)
    spellings = (first, *readings, *(r.replace(" ", "") for r in readings), *_translated(first))
    names = {first: tuple(dict.fromkeys(spellings))}
    # With the name or the word no dictionary has after it, as written: 百胜中国 (百胜 + 中国) opens
    # "百胜中国第三季度…" whole, as 海天味业 (海天 + 味业) does its headline; not 联想第三 of 联想第三季度.
    # With a word after it, translated word by word: 京东健康 opens "JD Health's first-half profit…", a
    # name of its own (health is no word the question asks about).
    pair = "".join(words[:2])
    if len(words) > 1 and all(map(is_cjk, pair)) and opening.startswith(pair):
        named = is_name(words[1]) is not False
        after = sorted(translations(words[1]))
        names[pair] = (pair,) if named else tuple(f"{a} {b}" for a in _translated(first) for b in after)
    return {name: spellings for name, spellings in names.items() if spellings}


def _translated(word: str) -> list[str]:
    """A Chinese name's translations, also without the kind of company it ends with (联想集团: Lenovo)."""
    kind = next((k for k in COMPANY_KINDS if word.endswith(k) and len(word) - len(k) >= MIN_NAME_CHARS), "")
    return sorted(translations(word) | translations(word.removesuffix(kind)))


def _meant(chinese: str, latin: str, title: str, text: str) -> str | None:
    """Which of a declared pair of names a question should say: the title's, else the article's script's.

    `text` is the whole article, its title first. None for a Latin name an English article writes only
    where it declares it: "KE Holdings Inc., which runs Beike (贝壳)" names the platform once, and the
    company after.
    """
    if _written(title, latin):
        return latin
    if chinese in title or language(text.removeprefix(title)) == "zh":
        return _as_written(chinese, text)
    return latin if text.count(latin) > 1 else None


def _as_written(name: str, text: str) -> str:
    """The Chinese `name` as an article (`text`) mostly writes it: its start if as often (极兔: 极兔速递)."""
    whole = text.count(name)
    return next(
        (name[:end] for end in range(MIN_NAME_CHARS, len(name)) if text.count(name[:end]) - whole >= whole),
        name,
    )


def _spaced(query: str, match: re.Match[str], *, name: str) -> str:
    """`name` in place of `match`, set apart from Latin letters or digits beside it (East Buy GMV)."""
    before, after = query[match.start() - 1 : match.start()], query[match.end() : match.end() + 1]
    return f"{' ' if _latin(before) else ''}{name}{' ' if _latin(after) else ''}"


def _latin(character: str) -> bool:
    return character.isascii() and character.isalnum()


def _written(text: str, name: str) -> bool:
    """Whether `text` writes `name` (see `_name`)."""
    return _name(name).search(text) is not None


def _name(name: str) -> re.Pattern[str]:
    """Where a text writes `name`: a Latin one as whole words ("East Buy", not "Buy" of "Best Buy")."""
    if not name.isascii():
        return re.compile(re.escape(name))
    return re.compile(rf"(?<![A-Za-z0-9&]){re.escape(name)}(?![A-Za-z0-9&])")
