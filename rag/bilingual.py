"""Matching words across Chinese and English: translations, and how much of a question a text holds.

Dense retrieval finds a Chinese article for an English question, but choosing the sentence that
answers it, and judging whether the evidence covers the question, are lexical: "close" must match
关停 and 支付 must match "payment". Translations come from the lexicon (`rag.lexicon`), then CC-CEDICT
(`rag.dictionary`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from rag import dictionary
from rag.lexicon import listed
from rag.text import bigrams, is_cjk, terms, unbroken


def translations(term: str) -> frozenset[str]:
    """Words in the other language that stand for `term` (lower-case English, or Chinese).

    The names and platform words listed here, then CC-CEDICT (`rag.dictionary`).
    """
    words = listed(term)
    if not term or term.isdigit():
        return words
    return words | (dictionary.chinese(term) if term.isascii() else dictionary.english(term))


# British and American spellings of the same word (licence: license, colour: color, organise: organize).
_SPELLINGS = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"ence$", "ense"),
        (r"ense$", "ence"),
        (r"our$", "or"),
        (r"(?<!o)or$", "our"),
        (r"is(e|ed|es|ing|ation|ations)$", r"iz\1"),
        (r"iz(e|ed|es|ing|ation|ations)$", r"is\1"),
        (r"ys(e|ed|es|ing)$", r"yz\1"),
        (r"yz(e|ed|es|ing)$", r"ys\1"),
        (r"tre(s?)$", r"ter\1"),
        (r"(?<![aeiou])ter(s?)$", r"tre\1"),
        (r"ogue(s?)$", r"og\1"),
        # travelled: traveled, only after two syllables (filled is not filed).
        (r"^((?:[^aeiouy]*[aeiouy]+){2}[^aeiouy]*?)ll(ed|ing|er|ers)$", r"\1l\2"),
        (r"^((?:[^aeiouy]*[aeiouy]+){2}[^aeiouy]*?)(?<!l)l(ed|ing|er|ers)$", r"\1ll\2"),
    )
)
# Words shorter than this are left as spelt ("four" is not "for").
MIN_SPELLING_CHARS = 5


@lru_cache(maxsize=4096)
def spellings(term: str) -> tuple[str, ...]:
    """`term` and its other British or American spellings (licence: license), `term` first."""
    if len(term) < MIN_SPELLING_CHARS or not term.isascii() or not term.isalpha():
        return (term,)
    other = (pattern.sub(replacement, term) for pattern, replacement in _SPELLINGS)
    return tuple(dict.fromkeys((term, *other)))


# The ending an English word is matched without, so one form finds the others: "fans" finds "fan base",
# "operates" finds "operated", "cities" finds "city". Three letters are kept at least; a few words only
# look inflected.
_ENDING = re.compile(r"(?<=[a-z]{3})(?:ies|es|s|ed|ing)$")
_NOT_INFLECTED = frozenset({"news", "series", "species", "means", "lens", "physics", "economics"})


@lru_cache(maxsize=4096)
def _stem(term: str) -> str:
    return term if term in _NOT_INFLECTED else _ENDING.sub("", term)


# A word ending in a consonant and y, and its other forms: category, categories, categorised, categorized.
_CONSONANT_Y = re.compile(r"(?<=[a-z]{2}[^aeiouy])y$")
_Y_FORMS = "(?:y|ies|ied|i[sz](?:e|es|ed|ing))"


@lru_cache(maxsize=4096)
def _root(term: str) -> str:
    """What every form of the English word `term` begins with (categor for category)."""
    stem = _stem(term)
    return stem[:-1] if _CONSONANT_Y.search(stem) else stem


@lru_cache(maxsize=4096)
def _word(term: str) -> re.Pattern[str]:
    root = re.escape(_root(term))
    forms = _Y_FORMS if _CONSONANT_Y.search(_stem(term)) else "(?:e|y|s|es|ed|d|ing|ies|ied)?"
    return re.compile(rf"(?<![a-z0-9]){root}{forms}(?![a-z0-9])")


def _occurs(term: str, text: str) -> bool:
    if term.isascii():
        return _root(term) in text and _word(term).search(text) is not None
    return term in text


def occurrences(term: str, text: str) -> list[int]:
    """Where `term` or one of its translations occurs in `text` (folded), in order.

    A Chinese compound found nowhere as a whole is found by its dictionary parts (净利润率 by 净利润,
    or by its translation "net profit").
    """
    found = sorted(at for w in (*spellings(term), *senses(term)) for at in _positions(w, text))
    if found or term.isascii():
        return found
    return sorted({at for part in compound_parts(term) for at in occurrences(part, text)})


def _positions(word: str, text: str) -> list[int]:
    if word.isascii():
        return [m.start() for m in _word(word).finditer(text)] if _root(word) in text else []
    return [m.start() for m in re.finditer(re.escape(word), text)]


def sense_shares(term: str, context: str) -> dict[str, float]:
    """How often each translation of `term` occurs in `context` (folded), against the most frequent one.

    One sense per discourse: in an article about a card that was shut down, "close" is 关停 (five
    times), not 截止 (a deadline, once). Empty unless two translations or more occur.
    """
    counts = {sense: len(_positions(sense, context)) for sense in translations(term)}
    counts = {sense: n for sense, n in counts.items() if n}
    if len(counts) < 2:
        return {}
    most = max(counts.values())
    return {sense: n / most for sense, n in counts.items()}


def presence(term: str, text: str, shares: dict[str, float] | None = None) -> float:
    """How far `term` occurs in `text` (normalised, lower-case), from 0 to 1.

    1 when the term or a translation occurs; a translation counts by its share in `shares` (see
    `sense_shares`), when given. A Chinese compound no dictionary translates counts by the share of
    its characters its best-matched part covers (净利润率 against "net profit margin": 净利润, 3 of 4);
    0.5 when every character of an unmatched Chinese term occurs (年费 against 年卡收费). An English
    word matches whole words and their plain inflections (close: closed, not disclose).
    """
    if any(_occurs(t, text) for t in spellings(term)):
        return 1.0
    found = [share for sense, share in (shares or {}).items() if _occurs(sense, text)]
    if found:
        return max(found)
    if any(_occurs(t, text) for t in senses(term)):
        return 1.0
    if term.isascii() or len(term) < 2:
        return 0.0
    parts = [len(part) / len(term) for part in compound_parts(term) if _matches(part, text)]
    if all(ch in text for ch in term):
        parts.append(0.5)
    return max(parts, default=0.0)


def _matches(term: str, text: str) -> bool:
    return any(_occurs(t, text) for t in (*spellings(term), *senses(term)))


def senses(term: str) -> frozenset[str]:
    """What `term` may say in the other language: its translations, or a single character's main senses.

    For judging what a text covers only: a character's senses are too loose to search by.
    """
    if len(term) == 1 and is_cjk(term):
        return translations(term) | dictionary.character(term)
    return translations(term)


@lru_cache(maxsize=4096)
def compound_parts(term: str) -> tuple[str, ...]:
    """The dictionary words a Chinese compound is made of (净利润率: 净利润, 利润率 …), itself excluded."""
    return tuple(part for part in dict.fromkeys(terms(term)) if part != term and len(part) >= 2)


# The unit of a date after its number (2024年, 13日): the number carries it, as English writes it alone
# ("in 2024", "November 13"), so it is not a word of its own to find.
_DATE_UNIT = re.compile(r"(?<=[0-9])[年日号]")


def weighted_terms(question: str, idf: Callable[[str], float]) -> dict[str, float]:
    """Each word of `question` once (precise cut), with its weight by `idf`: what `matched_share` counts."""
    return {t: idf(t) for t in dict.fromkeys(terms(_DATE_UNIT.sub(" ", question), search_mode=False))}


def matched_share(
    weights: dict[str, float], text: str, shares: dict[str, dict[str, float]] | None = None
) -> float | None:
    """Weighted share of the terms found in `text` (normalised, lower-case).

    A term is fully judged when `text` has enough of its script or of its translation's script;
    otherwise (an English word with no known translation, against a Chinese passage) it counts half
    against the share. None when no term can be judged at all. `shares`: each term's translations
    weighted by their use around `text` (see `sense_shares`).
    """
    has_latin = sum(ch.isascii() and ch.isalpha() for ch in text) >= 20
    has_cjk = sum(map(is_cjk, text)) >= 4

    def judged(term: str) -> bool:
        return any(has_latin if w.isascii() else has_cjk for w in (term, *senses(term)))

    found = total = 0.0
    any_judged = False
    for term, weight in weights.items():
        share = presence(term, text, shares.get(term) if shares else None)
        sure = bool(share) or judged(term)
        any_judged |= sure
        found += share * weight
        total += weight if sure else weight / 2
    return found / total if any_judged and total else None


def coverage(question: str, text: str, idf: Callable[[str], float]) -> float | None:
    """How much of `question` a passage's `text` holds, from 0 to 1.

    The rarity-weighted (`idf`) share of its terms or their translations (`matched_share`), or of its
    Chinese character pairs when paraphrase hides the terms; None when neither can be judged.
    """
    text = unbroken(text)
    share = matched_share(weighted_terms(question, idf), text)
    pairs = bigrams(question)
    paraphrase = len(pairs & bigrams(text)) / len(pairs) if pairs else None
    known = [s for s in (share, paraphrase) if s is not None]
    return max(known) if known else None
