"""Foreign names as Chinese writes them by sound: Jacksonville, 杰克逊维尔; Goldenson, 戈登森.

No dictionary lists most of them, so they are matched by their consonants: the English spelling and
the Chinese characters' pinyin are each read as a string of sound classes (`english_key`,
`chinese_key`; vowels only keep two alike consonants apart), and two names match when their keys start
alike and differ by at most one edit, two from `LONG_KEY` classes on (Lindisfarne and 林迪斯法, whose
"r" Chinese drops). Keys of three classes must be equal, and shorter ones never match: too many words
sound alike. A Chinese word is read as a name only where it may be one: jieba's words in a row that
CC-CEDICT does not list as common words, written in characters its own foreign names are written in
(`_foreign_characters`). Measured on CC-CEDICT's foreign names of one word, against each other's
readings shuffled: about half of them match, and under one in a hundred of the shuffled ones.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from rag import dictionary
from rag.text import STOPWORDS, is_cjk, segments, word_frequency

# English spellings read as other letters before classing, in this order ("ph": f; "ce": se); a last r
# after a vowel is not written (Mackinder: 麦金德).
_SPELLING = (
    ("(?<=[aeiou])r$", ""),
    ("ph", "f"),
    ("gh", ""),
    ("ck", "k"),
    ("sch", "s"),
    ("t?ch", "j"),
    ("sh", "s"),
    ("th", "t"),
    ("qu", "kw"),
    ("x", "ks"),
    ("c(?=[eiy])", "s"),
    ("c", "k"),
    ("g(?=[eiy])", "j"),
    ("t[sz]", "s"),
    ("dg", "j"),
    ("wh", "w"),
)
_SPELLINGS = tuple((re.compile(pattern), by) for pattern, by in _SPELLING)
# Consonants by sound: English letters, then pinyin initials (longest first); vowels and y have none.
_ENGLISH = dict(zip("bpdtgkqfvwszjlrmnh", "PPTTKKKFWWSSJLLMNH", strict=True))
_INITIALS = (
    ("zh", "J"),
    ("ch", "J"),
    ("sh", "S"),
    *zip("bpdtgkhjqxzcsrlmnfw", "PPTTKKHJJSSSSLLMNFW", strict=True),
)
# Classes Chinese writes for each other (kin: 金; Fresno's v-less f: 弗; Ratzel's tz: 采).
_NEAR = frozenset(map(frozenset, ("KJ", "SJ", "FW", "PF")))
_NEAR_COST = 0.5
SHORTEST_KEY = 3
LONG_KEY = 7
# A run of at most this many of jieba's words is read as one name; a character standing as a word this
# often is a word (得: 134,479 times in jieba's counts), not a syllable of a name (斯: 4,120; 德: 9,550).
WORD_CHARACTER = 10_000
NAME_WORDS = 4
MIN_LETTERS = 4
_LATIN = re.compile(r"[a-z]{4,}+")
_SEPARATOR = "."


def english_key(word: str) -> str:
    """The consonant classes of an English word (Jacksonville: JKSNWL)."""
    spelt = re.sub(r"[^a-z]", "", word.lower())
    for pattern, by in _SPELLINGS:
        spelt = pattern.sub(by, spelt)
    return _collapsed("".join(_ENGLISH.get(ch, _SEPARATOR) for ch in spelt))


def chinese_key(reading: str) -> str:
    """The consonant classes of a Chinese word's pinyin, syllables apart (jie ke xun wei er: JKSNWL)."""
    return _collapsed(_SEPARATOR.join(_syllable_key(s) for s in reading.split()))


def _syllable_key(syllable: str) -> str:
    """A syllable's initial's class and, when it ends in n or ng, N (er: L, as for the English r)."""
    if syllable == "er":
        return "L"
    initial = next((cls for start, cls in _INITIALS if syllable.startswith(start)), "")
    return initial + ("N" if syllable.endswith(("n", "ng")) else "")


def _collapsed(classes: str) -> str:
    """Consonant classes with vowels (`_SEPARATOR`) dropped; two alike in a row are one, unless apart."""
    out: list[str] = []
    previous = None
    for cls in classes:
        if cls != previous and cls != _SEPARATOR:
            out.append(cls)
        previous = cls
    return "".join(out)


def alike(a: str, b: str) -> bool:
    """Whether two keys name the same name (see the module's rules)."""
    longest = max(len(a), len(b))
    if min(len(a), len(b)) < 2 or longest < SHORTEST_KEY or not _near(a[0], b[0]):
        return False
    allowed = 0 if longest == SHORTEST_KEY else 2 if longest >= LONG_KEY else 1
    # Keys further apart in length never match: a crafted word of thousands of letters costs nothing.
    return abs(len(a) - len(b)) <= allowed and _distance(a, b) <= allowed


def _near(a: str, b: str) -> bool:
    return a == b or frozenset((a, b)) in _NEAR


def _distance(a: str, b: str) -> float:
    """Edit distance, a substitution between `_NEAR` classes costing `_NEAR_COST`."""
    row = [float(j) for j in range(len(b) + 1)]
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[:], float(i)
        for j, cb in enumerate(b, 1):
            swap = 0.0 if ca == cb else _NEAR_COST if frozenset((ca, cb)) in _NEAR else 1.0
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + swap)
    return row[-1]


def sounded_positions(term: str, text: str) -> list[int]:
    """Where `text` (folded) writes the foreign name `term` by sound, in the other script.

    An English word (`MIN_LETTERS` letters or more) is found as a run of Chinese words that may write
    a name (Goldenson: 戈登森); a Chinese word that may be one, as an English word (林迪斯法: lindisfarne).
    """
    if term.isascii():
        if len(term) < MIN_LETTERS or not term.isalpha():
            return []
        key = english_key(term)
        return sorted({at for at, name_key in _chinese_names(text) if alike(key, name_key)})
    if not _may_be_name(term):
        return []
    key = _word_key(term)
    return sorted(m.start() for m in _LATIN.finditer(text) if alike(key, _english_word_key(m.group(0))))


@lru_cache(maxsize=1024)
def _chinese_names(text: str) -> tuple[tuple[int, str], ...]:
    """Where each run of words in `text` that may write a foreign name starts, with its key."""
    found: list[tuple[int, str]] = []
    words: list[tuple[int, str]] = []
    at = 0
    for word in segments(text):
        words.append((at, word))
        at += len(word)
    for first, (start, _) in enumerate(words):
        name = ""
        for _, word in words[first : first + NAME_WORDS]:
            if not may_write_name(word):
                break
            name += word
            if len(name) >= 2:
                found.append((start, _word_key(name)))
    return tuple(found)


def may_write_name(word: str) -> bool:
    """Whether a word of jieba's may be (part of) a foreign name: foreign characters, not a common word.

    Nor a character jieba counts as a word of its own `WORD_CHARACTER` times or more (得, 人, 拉).
    """
    foreign = _foreign_characters()
    if not all(ch in foreign for ch in word):
        return False
    return word_frequency(word) < WORD_CHARACTER if len(word) == 1 else dictionary.is_name(word) is not False


def _may_be_name(term: str) -> bool:
    return len(term) >= 2 and all(map(is_cjk, term)) and may_write_name(term)


@lru_cache(maxsize=8192)
def _word_key(word: str) -> str:
    """A Chinese word's key, by its own reading where CC-CEDICT lists it, else its characters' first."""
    found = dictionary.word_readings(word, 1)
    return chinese_key(found[0]) if found else ""


@lru_cache(maxsize=8192)
def _english_word_key(word: str) -> str:
    return "" if word in STOPWORDS else english_key(word)


# A character is a foreign name's when this many of CC-CEDICT's names written by sound have it.
FOREIGN_NAMES = 2


@lru_cache(maxsize=1)
def _foreign_characters() -> frozenset[str]:
    """The characters CC-CEDICT writes foreign names in: those of its names whose keys match their glosses.

    Not a particle (的 of 的黎波里, Tripoli): it stands in any sentence.
    """
    counts = Counter(
        ch
        for chinese, reading, name in dictionary.foreign_names()
        if alike(english_key(name), chinese_key(reading))
        for ch in chinese
    )
    return frozenset(ch for ch, n in counts.items() if n >= FOREIGN_NAMES and ch not in STOPWORDS)
