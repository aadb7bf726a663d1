"""What a question names, and which retrieved passages are about it.

Names are found without a tagger: capitalised English words (not the first), Chinese words CC-CEDICT
lists as proper nouns (快手, 四川大学), and Chinese words no dictionary knows (小红卡, 芙蓉洞; 蜜雪冰城,
which the tokenizer cuts in two, whole again).

"How many merchants joined 小红卡?" is not answered by another app's "30,000 merchants joined", nor
"What is Kuaishou's market share?" by Mixue's listing on the stock market: a passage is about what the
question names only if it has the name, as written, translated or in pinyin (its title counts: a later
passage of an article on Kuaishou says "the company"). Both the refusal gate and the choice of quotes
judge only those passages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from rag.bilingual import (
    comparable,
    compound_parts,
    known_names,
    listed_spellings,
    made_of_words,
    mentions,
    names_whole,
    pinyin_names,
    rare_word,
    translations,
)
from rag.dictionary import english, is_name
from rag.lexicon import names as lexicon_names
from rag.lexicon import places as lexicon_places
from rag.store import KeywordIndex
from rag.text import (
    CJK_RANGE,
    COMPANY_KINDS,
    POSSESSIVE_END,
    TRADES,
    UNWRITTEN,
    fold,
    is_cjk,
    language,
    terms,
    unbroken,
    word_frequency,
)
from rag.types import Declared, Filters, Hit

_DEICTIC = frozenset("这那它他她其该此哪")
# Particles that end a phrase, not a name: 家车企的 is 多少家车企的订单 cut apart.
_PHRASE_END = frozenset("的了")
# A name in Latin letters: capitalised, or a brand's lower-case prefix before a capital (iFood, eBay).
BRAND_PREFIX = r"(?:[a-z]{1,2}+(?=[A-Z]))?+"
# Capitals joined by "&" make one name (J&T, AT&T, H&M).
_NAME_REST = r"(?:[A-Za-z0-9'’.\-]|&(?=[A-Z]))"
_LATIN_NAME = re.compile(rf"(?<![A-Za-z0-9&]){BRAND_PREFIX}[A-Z]{_NAME_REST}*+(?<![.\-])(?![A-Za-z0-9])")
_CAPITALISED = re.compile(rf"\b{BRAND_PREFIX}[A-Z]{_NAME_REST}*[A-Za-z0-9]|(?<!&)\b[A-Z]\b(?!&)")


def names(text: str, *, sure: bool = False) -> list[str]:
    """The names in `text`, in order, once each (see the module's description).

    `sure` keeps only the names a dictionary or the lexicon lists, capitalised words, and Chinese
    words never seen at all (小红卡), not the merely rare ones (芙蓉洞, but also 英文名).
    """
    found = [m.group() for m in _CAPITALISED.finditer(text) if _not_first_word(text, m.start())]
    for term in names_whole(text, terms(text, search_mode=False)):
        if not term.isascii() and len(term) >= 2 and _is_chinese_name(term, sure):
            found.append(term)
    return list(dict.fromkeys(found))


def _is_chinese_name(term: str, sure: bool) -> bool:
    """A listed name (CC-CEDICT proper noun, the lexicon), or a rare word no dictionary word makes up.

    The rare word must have three or more characters: two-character words jieba does not know are
    mostly pieces of a sentence cut apart (人里, 他现). A word starting with a pronoun or demonstrative
    (这张, 它的) names nothing, nor one ending in a particle (`_PHRASE_END`).
    """
    if term[0] in _DEICTIC or term[-1] in _PHRASE_END:
        return False
    if term in lexicon_names():
        return True
    known = is_name(term)
    if known is not None:
        return known
    return len(term) >= 3 and rare_word(term, sure) and not made_of_words(term)


def _not_first_word(text: str, at: int) -> bool:
    """Whether a word at `at` is not the first of its sentence (where every word is capitalised)."""
    before = text[:at].rstrip()
    return bool(before) and before[-1] not in ".?!。？！"


@lru_cache(maxsize=1024)
def subject_names(question: str) -> tuple[str, ...]:
    """The names a passage must have one of to be about what `question` asks of (found once a question).

    The lexicon's companies and platforms (快手, Kuaishou), a Chinese name no dictionary or tokenizer
    knows (小红卡, 蜜雪冰城; of two characters, only opening the question: 极兔, see `opening_name`), and
    in an English question a person's name in pinyin ("Zhang Hongchao") and any Chinese written in it.
    "小红卡的年费是多少？" is not answered by another article's "transaction fees", nor
    "小红卡的创始人是谁？" by 小红书's founder (at a cost: a Chinese paragraph naming the name is kept
    and the English one answering a Chinese question left out, XQuAD cross-language answers 0.663 ->
    0.657). In a Chinese question such a name may be a piece of a sentence the tokenizer cut apart
    (人死于 of 多少人死于瘟疫): a passage has it only where it has the question's words too.

    Not any capitalised word: a question names several things ("Which NFL team represented the AFC at
    Super Bowl 50?"), and a passage answering it need not name them all (XQuAD same-language answers
    0.830 -> 0.820 when it had to name one); nor a place (Europe); nor an English word no dictionary
    translates ("Temu"): in a mixed archive only passages of its own script have it as written (XQuAD
    cross-language answers 0.658 -> 0.618 when passages had to name one; false refusals 0.029 -> 0.047
    when the refusal gate judged by it alone).
    """
    named = listed_names(question)
    named += [n for n in names(question, sure=True) if is_cjk(n[0]) and rare_word(n, sure=True)]
    if language(question) == "en":
        named += pinyin_names(question) + _CHINESE_RUN.findall(question)
    else:
        named += opening_name(question) + opening_latin_name(question)
    # A name within a longer one is not what is named ("Alibaba" of "Alibaba Cloud", 阿里 of 阿里云).
    return tuple(n for n in dict.fromkeys(named) if not any(n != m and n in _parts(m) for m in named))


# A run of Chinese characters in an English question: a name written whole, no piece of a sentence cut
# apart ("What was 极兔's revenue?").
_CHINESE_RUN = re.compile(rf"[{CJK_RANGE}]{{2,}}+")


def listed_names(text: str) -> list[str]:
    """The lexicon's companies, platforms and places `text` names (快手, "Mixue"), as it writes them."""
    words = terms(text, search_mode=False)
    folded = f" {' '.join(words)} "
    return [t for t in words if t in known_names()] + sorted(
        name for name in known_names() if " " in name and f" {name} " in folded
    )


# What a question on a company's report asks of it, right after its name: a period, or a figure or post
# its reports give.
_REPORTED = re.compile(
    r"的?+(?:前|第|上|下|一|二|三|四|今年|去年|全年|(?:20)?\d\d年|营收|营业|收入|净利|利润|净亏|亏损|毛利|股价|"
    r"市值|股息|分红|董事长|总裁|首席|CEO|创始人|员工|销量|估值|门店)",
    re.I,
)


def reported_name(question: str) -> list[str]:
    """The name of two words a question on a company's report opens with (中国 + 人寿 of 中国人寿前三季度…).

    Never seen together, and right before a period or what a report gives (`_REPORTED`): 中国人寿的
    董事长是谁？. The first no name already listed (吉利收购, 美的海外) nor a kind of company (科技公司);
    the second the kind of company it is (集团) or its trade (汽车), or a word no dictionary translates
    (人寿): not a part or a period (抖音电商, 华住全年).
    """
    return _reported(terms(question, search_mode=False), question.lstrip())


def _reported(words: list[str], opening: str) -> list[str]:
    """`reported_name`, of the question's `words` and its text from its first character (`opening`)."""
    pair = "".join(words[:2])
    if len(words) < 2 or not all(map(_two_characters, words[:2])) or not opening.startswith(pair):
        return []
    first, second = words[:2]
    named = first in known_names() or first in COMPANY_KINDS or first in TRADES
    kind = second in COMPANY_KINDS or second in TRADES or not translations(second)
    reported = _REPORTED.match(opening, len(pair)) is not None
    return [pair] if not named and kind and reported and rare_word(pair, sure=True) else []


def opening_name(question: str) -> list[str]:
    """A Chinese question's first word, if two characters no dictionary or tokenizer knows (极兔, 智元).

    Or a common word the kind of company follows (看准 of 看准科技, see `_of_company_kind`), a name a
    dictionary has before what a company's report gives (汾酒第四季度营收是多少？: not Kanzhun's forecast), or
    the name of two words a question on a company's report opens with (`reported_name`).

    A Chinese question opens with what it asks about: 极兔第三季度净利润是多少？ is not answered by
    Bilibili's quarter. Elsewhere such a word is mostly a piece of a sentence cut apart (人里, 他现). So
    is a first word of two characters and such a word after it, together: 小马智行 (小马, "pony"; 智行)
    of 小马智行港股发行价是多少？ is not answered by Auntea Jenny's listing.
    """
    words = terms(question, search_mode=False)
    opening = question.lstrip()
    pair = "".join(words[:2])
    if len(words) > 1 and all(map(_two_characters, words[:2])) and opening.startswith(pair):
        if rare_word(words[1], sure=True) and is_name(words[1]) is None:
            return [pair]
    # A character the tokenizer left alone before a word, together a word never seen: 优 + 必选 (优必选).
    if len(words) > 1 and len(words[0]) == 1 and opening.startswith(pair) and all(map(is_cjk, pair)):
        return [pair] if rare_word(pair, sure=True) else []
    first = words[0] if words else ""
    if _two_characters(first) and opening.startswith(first):
        if rare_word(first, sure=True) or _of_company_kind(first, words[1:2]):
            return [first]
    # A name a dictionary has (汾酒: Fenjiu, 五粮液: Wuliangye), or a word it has that a text seldom uses
    # (虎牙, "eye tooth": Huya), before what a report gives (第四季度营收); not one a text uses often
    # (联想: "associate") unless a company's short name (南航: "China Southern Airlines"), nor one ending in
    # the kind of company (联想集团: "Lenovo Group"), which articles write without it.
    listed = is_name(first) is not None
    if all(map(is_cjk, first)) and len(first) > 1 and opening.startswith(first) and listed:
        kind = first.endswith(tuple(COMPANY_KINDS))
        seldom = word_frequency(first) < NAME_ONLY_FREQUENCY or _only_a_name(first)
        seldom = seldom and first not in UNWRITTEN and not kind
        if seldom and _REPORTED.match(opening, len(first)):
            return [first]
    return _reported(words, opening)


def opening_latin_name(question: str) -> list[str]:
    """The name in Latin letters a Chinese question opens with, folded (Temu最高可能被罚多少？: temu).

    A Chinese question opens with what it asks about, in Latin letters too; not a common English word
    (Keep, Soul), which English text uses for itself.
    """
    opening = question.lstrip()
    latin = [fold(n) for n in latin_names(question) if opening.startswith(n)]
    return [n for n in latin if not all(map(comparable, n.split()))]


# A word CC-CEDICT has that jieba's dictionary counts fewer times than this opening a question on a report
# is a name (汾酒 80, 五粮液 164; 虎牙 13, "eye tooth"), not a common word too (联想 1394, "associate"; 新华
# 549).
NAME_ONLY_FREQUENCY = 300


def _only_a_name(word: str) -> bool:
    """Whether every sense a dictionary gives `word` is a name, one of several words: a company's short name.

    Each sense translates back only to names (南航: "China Southern Airlines"); not a place's of one word
    (澳门: "Macao"), which a company's article names as often as its own.
    """
    senses = english(word)
    return any(" " in sense for sense in senses) and all(
        translations(sense) and all(is_name(c) for c in translations(sense) if not c.isascii())
        for sense in senses
    )


def _of_company_kind(word: str, after: list[str]) -> bool:
    """Whether a common `word` is a name for the kind of company said `after` it (看准科技, 有道科技).

    CC-CEDICT has 看准 as "to see clearly"; before 科技 it names Kanzhun. Not a kind itself (科技公司),
    nor a place or a name the dictionary has (北京控股, 腾讯控股), which are found as they are.
    """
    return bool(after) and after[0] in COMPANY_KINDS and word not in COMPANY_KINDS and is_name(word) is False


def _two_characters(word: str) -> bool:
    """Whether `word` is two Chinese characters, not opening on a pronoun or demonstrative."""
    return len(word) == 2 and all(map(is_cjk, word)) and word[0] not in _DEICTIC


def _parts(name: str) -> str | list[str]:
    """What a name within `name` is found in: its words, or its characters for a Chinese one."""
    return name.split() if name.isascii() else name


def on_subject(question: str, hits: Sequence[Hit], declared: Declared | None = None) -> list[Hit]:
    """The `hits` naming what `question` names (see `subject_names`, and the names articles `declared`).

    All of them when none does. An article declaring a name is about it in every passage.
    """
    declared = declared or Declared()
    return naming(question, hits, _reader(declared), asked_names(question, declared)) or list(hits)


def naming_declared(question: str, hits: Sequence[Hit], declared: Declared) -> list[Hit]:
    """The `hits` naming a name articles `declared` or of an article declaring one; none if none is."""
    return naming(question, hits, _reader(declared), declared.every)


def _reader(declared: Declared, *, text: bool = True) -> Callable[[Hit], str]:
    """What a hit is judged by for naming a name: its title, the names its article `declared`, its text."""
    return lambda hit: said(declared.headline(hit.chunk), hit.chunk.text if text else "")


def naming(
    question: str,
    hits: Sequence[Hit],
    read: Callable[[Hit], str] | None = None,
    named: Sequence[str] | None = None,
) -> list[Hit]:
    """The `hits` naming what `question` names (`named`, default `subject_names`); none when it names nothing.

    `read` gives the text a hit is judged by (default: its title and text, see `said`).
    """
    named = subject_names(question) if named is None else named
    if not named:
        return []
    texts = ((hit, (read or _said_in)(hit)) for hit in hits)
    return [hit for hit, text in texts if any(mentions(name, _without_longer(name, text)) for name in named)]


def _without_longer(name: str, text: str) -> str:
    """`text` (folded) without the listed names holding `name` or a translation of it (腾讯 of 腾讯音乐).

    An article on Tencent Music names no Tencent by that name: its revenue is no answer to 腾讯三季度营收.
    """
    spellings = {name.lower(), *translations(name)}
    for longer in _longer_names(frozenset(spellings)):
        text = text.replace(longer, " ")
    return text


@lru_cache(maxsize=1024)
def _longer_names(spellings: frozenset[str]) -> tuple[str, ...]:
    """The listed names holding one of `spellings` (tencent music, 腾讯音乐), longest first; not its own ones.

    阿里巴巴 is 阿里 written out (both are Alibaba), where 阿里云 is Alibaba's cloud.
    """
    return tuple(
        sorted(
            (
                other
                for other in known_names()
                if other not in spellings
                and not spellings & translations(other)
                and any(_holds(other, spelling) for spelling in spellings)
            ),
            key=len,
            reverse=True,
        )
    )


def _holds(longer: str, name: str) -> bool:
    """Whether the name `longer` has `name` in it: as its first word, or as characters (阿里 of 阿里云)."""
    return longer.startswith(f"{name} ") if name.isascii() else name in longer


def headlined(question: str, hits: Sequence[Hit], declared: Declared | None = None) -> list[Hit]:
    """The `hits` whose article's title names what `question` names; none when it names nothing.

    An article on Weibo's quarter that names 快手 as a rival is about 快手 but not headlined by it. A name
    an article `declared` counts as its title's. A place names where, not what: "How many companies listed
    in Hong Kong in the first nine months?" is about the exchange's nine months, not about the articles
    headlined by a Hong Kong listing in March.
    """
    declared = declared or Declared()
    named = [name for name in asked_names(question, declared) if name.lower() not in lexicon_places()]
    return naming(question, hits, _reader(declared, text=False), named)


def asked_names(question: str, declared: Declared | None = None) -> tuple[str, ...]:
    """What `question` names (see `subject_names`), and the names it writes that articles `declared`."""
    return (*subject_names(question), *(declared or Declared()).every)


def in_names(word: str, names: Iterable[str]) -> bool:
    """Whether `word` is one of `names`, or a word of a Chinese one: 健康 of 京东健康 ("JD Health")."""
    return any(word == name or is_cjk(word[:1]) and word in name for name in names)


def side_names(question: str, title: str) -> tuple[str, ...]:
    """The names `question` names that `title` does not: not its article's subject, so said where meant.

    Weibo's article says Weibo's figures without naming it each time; Alibaba's share of them only
    where it names Alibaba.
    """
    headline = said(title, "")
    return tuple(name for name in subject_names(question) if not mentions(name, headline))


def period_judged(question: str, hits: Sequence[Hit], declared: Declared | None = None) -> list[Hit]:
    """The `hits` whose periods decide whether the question's is spoken of: those headlined, else all."""
    return headlined(question, hits, declared) or list(hits)


def unnamed(question: str, named: Sequence[str] | None = None) -> str:
    """`question` with what it names (`named`, default `subject_names`) taken out: "Who founded  ?"."""
    named = sorted(subject_names(question) if named is None else named, key=len, reverse=True)
    if not named:
        return question
    pattern = "(?<![a-z])(?:" + "|".join(map(re.escape, named)) + ")(?![a-z])"
    return re.sub(pattern, " ", question, flags=re.IGNORECASE)


def unnamed_in(
    question: str,
    hits: Sequence[Hit],
    knows: Callable[[str], bool],
    written_in_chinese: Callable[[str], bool],
    placed: Collection[str] = (),
) -> bool:
    """Whether a question names in Latin letters what the titled `hits` do not: what the archive has (Temu).

    Their titles count: "Who founded Temu?" is not answered by Xiaohongshu's founder, in an article
    titled for Xiaohongshu. A Chinese passage is judged only for names Chinese text in the archive
    writes as English does (`written_in_chinese`: "Temu面临欧盟调查"): otherwise it may write a foreign
    name its own way (Panthers: 黑豹队). Not judged: a passage of an untitled document (titled by its
    file name), which may leave its subject to the title it lacks (XQuAD's paragraphs: same-language
    answers 0.832 -> 0.825 when they were judged, "the forest" of a question on the Amazon forest).
    """
    if not hits or any(untitled(hit.chunk.title, hit.chunk.path) for hit in hits):
        return False
    # Where the question puts what it asks of (`placed`, folded) is no name of what it asks of, unless
    # all it names: Keeta's 八成 in Brazil is no answer to "What is J&T Express's market share in Brazil?".
    # Nor is China, which a Chinese article on a company of its need not name (长江电力 for "China Yangtze
    # Power").
    latin = [name for name in latin_names(question, knows) if fold(name) not in UNWRITTEN]
    named = [name for name in latin if fold(name) not in placed] or latin
    # A name the archive has nowhere (Auntea Jenny, where its article is Chinese: 沪上阿姨) is in no English
    # passage either: those are about something else.
    nowhere = absent_names(question, knows)
    if not named and not nowhere:
        return False
    in_chinese = [name for name in named if written_in_chinese(name)]
    for hit in hits:
        judged = named + nowhere if language(hit.chunk.text) == "en" else in_chinese
        if not judged or any(mentions(fold(name), _said_in(hit)) for name in judged):
            return False
    return True


def named_elsewhere(question: str, hit: Hit, knows: Callable[[str], bool], quote: str = "") -> bool:
    """Whether `hit` is a passage lacking a name `question` asks of that no text of its script has.

    English text in the archive names SF nowhere, so none of it is about "SF Holding" (Shein's founder is
    not its founder); a Chinese passage may be, writing it in Chinese (顺丰). Not a person's name in pinyin,
    which English may write otherwise (Richard Liu for Liu Qiangdong). Likewise no Chinese text
    names 领克, so none is about it (小米's 30万辆 is not how many cars 领克 delivered); an English passage
    may be, writing it in English (Lynk & Co). Only a Chinese name of one word of two characters opening
    the question (see `opening_name`): a longer word or one elsewhere is mostly a piece of the question
    cut apart (杨昊现 of 杨昊现效力于哪里？, 年三大), and so may be two words taken together (古茗募资,
    商家交了). Nor is a Chinese passage about a Latin name no text has where its headline is about another
    company (`_titled_otherwise`). Not judged: a passage of an untitled document, as in `unnamed_in`.
    """
    if untitled(hit.chunk.title, hit.chunk.path):
        return False
    unknown = unknown_opening(question, knows)
    # A person's name in pinyin may be written another way in English (Liu Qiangdong: Richard Liu), and in
    # characters in Chinese (Zhang Hongchao: 张红超).
    spoken = "".join(pinyin_names(question))
    absent = [name for name in absent_names(question, knows) if fold(name) not in spoken]
    if language(hit.chunk.text) != "zh":
        return bool(absent) or any(_headlined_other(name, hit.chunk.title, quote) for name in unknown)
    return any(not mentions(name, _said_in(hit)) for name in unknown) or (
        bool(absent) and _titled_otherwise(question, hit.chunk.title)
    )


def _titled_otherwise(question: str, title: str) -> bool:
    """Whether a Chinese `title` opens on a name the lexicon lists and writes in Latin letters, unasked.

    字节跳动今年AI资本开支… is about ByteDance: its spending is not that of Luxshare, a name the archive
    writes nowhere (its own article may call it 立讯精密, which no dictionary pairs with it). One about
    泡泡玛特 is about Pop Mart's sales in "the Americas", though the archive writes these nowhere either, and
    one about 顺丰 (SF Express) may be about "SF Holding": a word of the name asked is enough.
    """
    if language(title) != "zh":
        return False
    opening = [word for word in terms(title, search_mode=False)[:1] if word in known_names()]
    latin = {part for name in opening for t in translations(name) if t.isascii() for part in t.split()}
    return bool(latin) and not any(mentions(part, fold(question)) for part in latin)


# A headline's opening name: its first words in capitals ("Chow Tai Fook profit edges up").
_HEADLINE_NAME = re.compile(r"[A-Z][\w&'’.\-]*+(?: [A-Z][\w&'’.\-]*+)*+")


def headline_opening(title: str) -> str:
    """The name an English headline opens on, folded: its first words in capitals, less a possessive."""
    opening = _HEADLINE_NAME.match(title)
    return fold(POSSESSIVE_END.sub("", opening.group())) if opening else ""


def _headlined_other(name: str, title: str, quote: str) -> bool:
    """Whether `title` opens on another Chinese name than `name`: as written, or a Latin one translated.

    An English article may write a Chinese name its own way (Atour for 亚朵), but one headlined "Lenovo
    quarterly profit jumps" is about 联想: its 77,000 employees are not 亚朵's; nor is one headlined
    蔚来二季度亏损收窄 about 文远知行, whatever its English body calls either, where the `quote` from it
    names nothing itself ("Its sister brand Lynk & Co sold …", under 极氪's headline, may be about 领克).
    """
    opening = headline_opening(title)
    if not opening and names(quote):
        return False
    words = terms(title, search_mode=False)
    said = sorted(translations(opening)) if opening else words[:1]
    chinese = {t for t in said if is_cjk(t[0]) and (is_name(t) or t in known_names())}
    # Nor another name of the same (南航 and 南方航空 are both "China Southern").
    same = translations(name)
    return bool(chinese) and not any(name in t or t in name or same & translations(t) for t in chinese)


def unknown_opening(question: str, knows: Callable[[str], bool]) -> list[str]:
    """The Chinese one-word name `question` opens with (see `opening_name`) if the archive lacks it (领克).

    Or the name of two words a question on a company's report opens with (`reported_name`: 中国人寿), or
    one a dictionary lists whole as a proper noun, though made of words (同仁堂: 同仁 + 堂, Tong Ren Tang):
    not a piece of the question cut apart.
    """
    reported = reported_name(question)
    return [
        name
        for name in opening_name(question)
        if not knows(name) and (not compound_parts(name) or name in reported or is_name(name))
    ]


def untitled(title: str, path: str) -> bool:
    """Whether a document is titled by its file name alone (XQuAD's and CMRC's paragraphs): no headline."""
    return title == Path(path).stem


def unsaid(
    question: str,
    quoted: Sequence[tuple[Sequence[str], str, str]],
    knows: Callable[[str], bool],
    written_in_chinese: Callable[[str], bool],
) -> bool:
    """Whether each of `quoted` (article's title and sentences, passage, quote) leaves out a side name.

    A name `question` names (see `subject_names`, and the Latin names the archive has) that a passage
    has but that is not its article's subject (see `_subject_of`) is said where meant:
    "DeepSeek的月活用户是多少？" is not answered by Kimi's 3600万 in an article on Moonshot AI naming
    DeepSeek a sentence on, nor "How many robotaxis does WeRide operate?" by Pony.ai's 667. A name the
    passage lacks is not judged: it may be a piece of the question the tokenizer cut apart (首杯优惠价).
    A Chinese quote is judged only for Latin names Chinese text in the archive writes (`written_in_chinese`).
    """
    named = [fold(n) for n in dict.fromkeys([*subject_names(question), *latin_names(question, knows)])]
    if not named or not quoted:
        return False
    for article, passage, quote in quoted:
        side = [n for n in named if mentions(n, said("", passage)) and not _subject_of(n, article)]
        if language(quote) == "zh":
            side = [n for n in side if not n.isascii() or written_in_chinese(n)]
        if all(mentions(n, said("", quote)) for n in side):
            return False
    return True


# The sentences naming a name that make it what an article is about, though its headline does not.
SUBJECT_SENTENCES = 3


def _subject_of(name: str, article: Sequence[str]) -> bool:
    """Whether an article (its title, then its sentences) is about `name`.

    Its headline names it (the title, or the first sentence not repeating it), or `SUBJECT_SENTENCES`
    of its sentences do: an article on 小红书's shut-down project names 小红卡 only from its second
    sentence, but throughout; one on Douyin's commission cut names 美团 in two, as a rival.
    """
    if not article:
        return False
    title, sentences = article[0], article[1:]
    opening = next((s for s in sentences if s.strip() != title.strip()), "")
    if mentions(name, said(title, opening)):
        return True
    return sum(mentions(name, said("", s)) for s in sentences) >= SUBJECT_SENTENCES


# A name of letters alone, three or more, or two capitals (SF of "SF Holding"; not a code: Q3, H1).
_WORD_NAME = re.compile(r"[A-Za-z][A-Za-z&'’.-]{2,}+|[A-Z]{2}")


def absent_names(question: str, knows: Callable[[str], bool]) -> list[str]:
    """The names of letters (`_WORD_NAME`) `question` writes in Latin letters that the archive lacks.

    In every spelling the lexicon gives: JD is in an archive writing only JD.com and 京东.
    """
    return [
        n
        for n in latin_names(question)
        if _WORD_NAME.fullmatch(n)
        and not all(map(knows, terms(n)))
        and not any(map(knows, listed_spellings(fold(n))))
    ]


def latin_names(question: str, knows: Callable[[str], bool] | None = None) -> list[str]:
    """The names `question` writes in Latin letters; with `knows`, those the archive has (Temu, not Tesla).

    A Chinese question writes one anywhere in it (Temu最高可能被罚多少？), an English one not first; a
    letter its words join to Chinese characters is none (B站 is Bilibili, A股 are shares), nor a word a
    dictionary translates (IPO: 上市, so "went public" answers 极氪IPO募资多少？).
    """
    english = language(question) == "en"
    latin = names(question) if english else _LATIN_NAME.findall(question)
    named = [POSSESSIVE_END.sub("", n) for n in latin if n.isascii()]
    named = [n for n in named if not _plain_word(n)]
    words = None if english else set(terms(question))
    return [
        n
        for n in dict.fromkeys(named)
        if (knows is None or all(knows(t) for t in terms(n))) and (words is None or _among(terms(n), words))
    ]


def _plain_word(name: str) -> bool:
    """Whether a Latin name is an acronym a dictionary translates to no name (IPO, CEO; not BYD: 比亚迪).

    Only in capitals: a brand may be a common word (Soul, Keep, Horizon).
    """
    words = terms(name)
    return (
        name.isupper()
        and len(words) == 1
        and comparable(words[0])
        and not any(map(is_name, translations(words[0])))
    )


def _among(name: list[str], words: set[str]) -> bool:
    """Whether a name's terms are words of their own in a question of `words` (not B of B站)."""
    return bool(name) and words.issuperset(name)


def _said_in(hit: Hit) -> str:
    """`hit`'s title and text, as `mentions` reads them (see `said`)."""
    return said(hit.chunk.title, hit.chunk.text)


def said(title: str, text: str) -> str:
    """A title and its text, folded and unbroken, as `mentions` reads them."""
    return unbroken(fold(f"{title}\n{text}"))


# Chunks holding a name that are read to find whether Chinese text writes it as English does.
WRITTEN_LOOKED_AT = 100


def written_in_chinese(name: str, keyword: KeywordIndex) -> bool:
    """Whether a Chinese title or passage in `keyword`'s archive holding `name` writes it in a way known here.

    As it is (Temu, not 特姆), or by its pinyin or a translation (`mentions`): an article on Hesai under
    a Chinese title writes it 禾赛, so a Chinese passage on Hesai would too.
    """
    folded = fold(name)
    found = keyword.search(terms(name), WRITTEN_LOOKED_AT, Filters())
    return any(
        language(text) == "zh" and mentions(folded, said("", text))
        for chunk, _ in found
        for text in (chunk.title, chunk.text)
    )
