"""Matching words across Chinese and English: translations, and how much of a question a text holds.

Dense retrieval finds a Chinese article for an English question, but choosing the sentence that
answers it, and judging whether the evidence covers the question, are lexical: "close" must match
关停 and 支付 must match "payment". Translations come from the lexicon (`rag.lexicon`), then CC-CEDICT
(`rag.dictionary`). Chinese names match their pinyin spelling (小红书: Xiaohongshu, 雷军: Lei Jun), which no
list can hold for every company and person an archive names.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from functools import lru_cache
from itertools import product
from typing import NamedTuple

from rag import dictionary, lexicon
from rag.closeness import Closeness, nearest
from rag.intents import MEASURES
from rag.lexicon import listed, said_also
from rag.periods import MONTH, period_phrases, period_places
from rag.text import CJK_RANGE, STOPWORDS, bigrams, is_cjk, terms, unbroken, word_frequency
from rag.transliteration import WORD_CHARACTER, may_write_name, sounded_positions


def translations(term: str) -> frozenset[str]:
    """Words in the other language that stand for `term` (lower-case English, or Chinese).

    The names and platform words listed here, then CC-CEDICT (`rag.dictionary`); for English words
    together ("market share"), what a gloss of those words or each of them translates (市场份额); an
    English verb's also as its past participle ("list": 挂牌, listed on the stock exchange), an irregular
    form's as its verb's ("built": 建成, as "build"); an adverb's also as its adjective's (mainly: 主要,
    where CC-CEDICT glosses 为主 alone "mainly").
    """
    words = listed_spellings(term) | _MONTHS.get(term, frozenset()) | _MONTH_NAMES.get(term, frozenset())
    if not term or term.isdigit():
        return words
    if " " in term:
        return words | _together(term.split()) | dictionary.glossed(term)
    if not term.isascii():
        found = dictionary.english(term) or dictionary.name_begun(term)
        return words | found | (_without_kind(found) if dictionary.is_name(term) else frozenset())
    participle = _participle(term)
    # The listed words' too ("list": 上市, as "listed").
    also = listed_spellings(participle) | dictionary.chinese(participle) if participle else frozenset()
    found = dictionary.chinese(term) | also
    found |= frozenset().union(*map(dictionary.chinese, _verb_lemmas(term)))
    adjective = _ADVERB_END.sub(_adjective_end, term)
    return words | found | (dictionary.chinese(adjective) if adjective != term else frozenset())


def _without_kind(names: frozenset[str]) -> frozenset[str]:
    """`names` of three words or more ending in the kind of company, without it, as news writes them.

    南航, "China Southern Airlines", is "China Southern" in a headline.
    """
    return frozenset(
        head
        for name in names
        for head, _, kind in [name.rpartition(" ")]
        if kind in _ENGLISH_COMPANY_KINDS and head.count(" ") >= 1
    )


# The kinds of company an English name may end with, and be written without.
_ENGLISH_COMPANY_KINDS = frozenset(
    {"airlines", "airline", "group", "holdings", "holding", "corporation", "corp", "company", "limited"}
)


# An adverb of an adjective (mainly: main, primarily: primary), which a dictionary may list alone.
_ADVERB_END = re.compile(r"(?<=[a-z]{4})(i?)ly$")


def _adjective_end(adverb: re.Match[str]) -> str:
    return "y" if adverb.group(1) else ""


@lru_cache(maxsize=4096)
def _verb_lemmas(term: str) -> tuple[str, ...]:
    """The verbs the English `term` is an irregular form of (built: build, sold: sell, began: begin).

    A plain inflection ("opened") is found by its stem (`rag.dictionary.chinese`); an auxiliary's forms
    (was, has) ask nothing.
    """
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(term)
    if "AUX" in lemmas:
        return ()
    return tuple(lemma for lemma in lemmas.get("VERB", ()) if not term.startswith(lemma))


@lru_cache(maxsize=4096)
def _participle(term: str) -> str | None:
    """The past participle of the English verb `term`, unless it is also another verb (fee: "feed")."""
    from lemminflect import getAllInflections, getAllLemmas

    forms = getAllInflections(term, upos="VERB")
    for form in forms.get("VBN") or forms.get("VBD", ()):
        if form != term and form.isalpha() and set(getAllLemmas(form).get("VERB", ())) == {term}:
            return form
    return None


# An English month is also written with its number in Chinese (September: 9月, as well as 九月).
_MONTHS = {
    name: frozenset({f"{n}月"})
    for n, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march",),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# A Chinese month by its number (8月) is the English month's name ("August"); its end or start (3月底,
# 6月末, 1月初) is said so ("the end of March", "early January").
_MONTH_PARTS = {
    "": ("{}",),
    "底": ("end of {}",),
    "末": ("end of {}",),
    "初": ("early {}", "beginning of {}"),
}
_MONTH_NAMES = {
    f"{month}{part}": frozenset(
        said.format(n) for n, months in _MONTHS.items() if month in months for said in forms
    )
    for month in {m for months in _MONTHS.values() for m in months}
    for part, forms in _MONTH_PARTS.items()
}


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """Every spelling of the lexicon's companies, platforms and places, their pinyin ones included."""
    return lexicon.names() | frozenset(_name_spellings())


def listed_spellings(term: str) -> frozenset[str]:
    """The lexicon's words for `term` in the other language, with the pinyin of its names (快手: kuaishou)."""
    return listed(term) | _name_spellings().get(term, frozenset())


@lru_cache(maxsize=1)
def _name_spellings() -> dict[str, frozenset[str]]:
    """The lexicon's Chinese names and their pinyin spellings, each way (快手: kuaishou; kuaishou: 快手)."""
    table: dict[str, set[str]] = {}
    for name in lexicon.names():
        for form in romanized_whole(name):
            table.setdefault(name, set()).add(form)
            table.setdefault(form, set()).add(name)
    return {word: frozenset(found) for word, found in table.items()}


# A Chinese word right before a model's code (理想i8, 理想 L9), which may be a brand's short name.
_BEFORE_MODEL = re.compile(rf"(?<![{CJK_RANGE}])[{CJK_RANGE}]++(?=\s?+[A-Za-z]++\d)")
# The longest short name `brands_whole` looks for.
SHORT_NAME_CHARS = 4


def brands_whole(question: str) -> str:
    """`question` with a brand named by its short name before a model's code written whole (理想汽车i8).

    The short name alone is no name the lexicon lists, often a common word (理想, "ideal"); before a
    model's code it can only be the one company listed under a longer name that begins with it.
    """

    def whole(match: re.Match[str]) -> str:
        run = match.group()
        for size in range(min(SHORT_NAME_CHARS, len(run)), 1, -1):
            if name := _short_names().get(run[-size:]):
                return run[:-size] + name
        return run

    return _BEFORE_MODEL.sub(whole, question)


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    """The beginnings of the lexicon's Chinese names that begin one name only and are none themselves."""
    names = [name for name in lexicon.names() if all(map(is_cjk, name))]
    beginning: dict[str, set[str]] = {}
    for name in names:
        for end in range(2, len(name)):
            beginning.setdefault(name[:end], set()).add(name)
    return {
        short: found.pop() for short, found in beginning.items() if len(found) == 1 and short not in names
    }


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
    """`term` and its other British or American spellings (licence: license), `term` first.

    An acronym is also spelt out (`_spelt_out`: CEO, "chief executive officer"), a phrase has the
    other phrases its Chinese words are glossed by (`_same_phrases`: "net profit", "net income"), and a
    word the phrases the lexicon says it by (`said_also`: overseas, "outside China").
    """
    if " " in term and term.isascii():
        return (term, *_same_phrases(term))
    if not term.isascii() or not term.isalpha():
        return (term,)
    if len(term) < MIN_SPELLING_CHARS:
        return (term, *_spelt_out(term))
    other = (pattern.sub(replacement, term) for pattern, replacement in _SPELLINGS)
    return tuple(dict.fromkeys((term, *other, *said_also(term))))


@lru_cache(maxsize=4096)
def _same_phrases(phrase: str) -> tuple[str, ...]:
    """Other English phrases for what `phrase` says: those glossing a Chinese word that translates it.

    净利润 is "net profit" and "net income", 股价 "share price" and "stock price". Phrases only: a single
    word's Chinese words are glossed by too many others (sales: 销售, "sell", "market", "bar").
    """
    chinese = (word for word in translations(phrase) if not word.isascii())
    found = {gloss for word in chinese for gloss in translations(word) if " " in gloss and gloss != phrase}
    return tuple(sorted(found))


# The letters of an acronym CC-CEDICT spells out.
ACRONYM_LETTERS = range(2, 5)


def _spelt_out(term: str) -> tuple[str, ...]:
    """The words an acronym stands for, from the senses of its translations, with their initials.

    CEO: 首席执行官 "chief executive officer". News drops a title's last word ("chief executive Wang
    Xing"): the words before it count too, when two or more are left.
    """
    if len(term) not in ACRONYM_LETTERS:
        return ()
    found: list[str] = []
    for sense in (s for t in translations(term) if not t.isascii() for s in senses(t)):
        words = sense.split()
        if len(words) == len(term) and all(w[0] == c for w, c in zip(words, term, strict=True)):
            found += [sense, " ".join(words[:-1])] if len(words) > 2 else [sense]
    return tuple(dict.fromkeys(found))


# The ending an English word is matched without, so one form finds the others: "fans" finds "fan base",
# "operates" finds "operated", "cities" finds "city", "loss" finds "losses". Three letters are kept at
# least; a few words only look inflected; what was saved or earned is found by the verb (savings: save,
# earnings: earned). The one who does a thing is found by it and finds it ("founded": "founder",
# "managers": "manage"), and so is the one it is done to ("employs": "employees", "trainee": "train"),
# for words of five letters or more: shorter ones are mostly another word (use: user, form: former,
# show: shower).
# So is the act ("compete": "competition", "operated": "operation").
_ENDING = re.compile(r"(?<=[a-z]{3})(?:ies|(?<!e)es|(?<!s)s|ed|ing)$")
# A noun of an -ing form, after a syllable ("savings", "earnings"; not "springs", "strings", "things").
_ING_NOUN = re.compile(r"(?<=[aeiouy][^aeiouy])ings$|(?<=[aeiouy][^aeiouy]{2})ings$")
DERIVED_ROOT = 5
# A word this short, often an acronym (US, AI), is found only as it is or in the plural.
SHORT_WORD = 2
_DERIVED = re.compile(rf"(?<=[a-z]{{{DERIVED_ROOT}}})(?:er|ee|ition|ation|ion)$|(?<=[a-z]{{4}})ation$")
_NOT_INFLECTED = frozenset({"news", "series", "species", "means", "lens", "physics", "economics"})


@lru_cache(maxsize=4096)
def _stem(term: str) -> str:
    return term if term in _NOT_INFLECTED else _DERIVED.sub("", _ENDING.sub("", _ING_NOUN.sub("", term)))


# A word ending in a consonant and y, and its other forms: category, categories, categorised, categorized;
# a name's plural keeps its y (Grammys, Emmys).
_CONSONANT_Y = re.compile(r"(?<=[a-z]{2}[^aeiouy])y$")
_Y_FORMS = "(?:ys?|ies|ied|i[sz](?:e|es|ed|ing))"


@lru_cache(maxsize=4096)
def _root(term: str) -> str:
    """What every form of the English word `term` begins with (categor for category, compet for compete)."""
    stem = _stem(term)
    derives = len(stem) >= DERIVED_ROOT and stem.endswith("e")
    return stem[:-1] if _CONSONANT_Y.search(stem) or derives or _DOUBLED.search(stem) else stem


# A final consonant doubled before an ending (controlled, stopped): the root is written with one, and
# any root ending in one may double it before a vowel (control: controlling; install: installed).
_DOUBLED = re.compile(rf"(?<=[a-z]{{{DERIVED_ROOT - 2}}})([b-df-hj-np-tvz])\1$")
_DOUBLES = re.compile(r"(?<=[a-z]{2}[aeiou])[b-df-hj-np-tvz]$")


@lru_cache(maxsize=4096)
def _irregular(term: str) -> tuple[str, ...]:
    """Forms of the English word `term` that its regular ones are not (say: said, fell: fall, rise: risen).

    From lemminflect's English tables: the word's lemmas and each lemma's inflections.
    """
    from lemminflect import getAllInflections, getAllLemmas

    # The bare root is none where it is another verb's form (found, of founded: `_another_verbs_past`).
    root, regular = _root(term), re.compile(_regular_forms(term))
    lemmas = {lemma for found in getAllLemmas(term).values() for lemma in found} | {term}
    forms = {form for lemma in lemmas for found in getAllInflections(lemma).values() for form in found}
    return tuple(sorted(f for f in forms if f.isalpha() and f != root and not regular.fullmatch(f)))


# A word this long at least is one another word may be derived from (grow: growth).
KIN_ROOT = 4
# A role's word ending on who holds it (chairman, spokeswoman, chairperson): "Who is New Hope's chairman?"
# is answered by "Liu Chang is chairwoman".
_GENDERED = re.compile(r"(?<=[a-z]{4})(?:(?:wo)?+man|person)$")
# The nouns of a verb's act that no spelling rule derives from it, nor its root finds: what was lost is
# a loss ("How much did iFlytek lose?": "a net loss of 66.9 million yuan"). Not "sales", a measure of
# revenue, not what is sold (快手自营旗舰店卖什么商品？ is not answered by "over 220,000 sales"); nor
# the other way: 营收's "sales" are no "sells".
_NOUNS_OF_VERB = {
    "lose": ("loss",),
    "fly": ("flight",),
    "die": ("death",),
    "lend": ("loan",),
    "choose": ("choice",),
    "weigh": ("weight",),
    "prove": ("proof",),
    "pay": ("payment",),
    "ship": ("shipment",),
}


@lru_cache(maxsize=4096)
def _kin(term: str) -> tuple[str, ...]:
    """English words derived from `term` or it from them, which its forms do not cover.

    One begins with the other's root and a dictionary translates both alike (grow and growth: 成长;
    invest and investment: 投资; not ear and earth, steal and stealth), unless it is another verb's
    form (found, find's past, of founded); a verb's nouns no rule derives (`_NOUNS_OF_VERB`); and a
    role's word for a man, a woman or anyone (chairman: chairwoman, chairperson; see `_GENDERED`).
    """
    from lemminflect import getAllLemmas

    from rag.dictionary import chinese, words_beginning

    verbs = {term, *getAllLemmas(term).get("VERB", ())}
    family = tuple(noun for verb in verbs for noun in _NOUNS_OF_VERB.get(verb, ()))
    if gendered := _GENDERED.search(term):
        stem = term[: gendered.start()]
        family += tuple(f"{stem}{end}" for end in ("man", "woman", "person") if f"{stem}{end}" != term)
    root, senses = _root(term), chinese(term)
    if len(root) < KIN_ROOT or not senses or not term.isalpha():
        return family
    longer = [w for w in words_beginning(root) if w.isalpha()]
    shorter = [term[:n] for n in range(KIN_ROOT, len(term))]
    own = re.compile(rf"(?:{_forms(term, kin=False)})$")
    derived = (
        w
        for w in dict.fromkeys(longer + shorter)
        if not own.match(w) and not _another_verbs_past(term, w) and senses & chinese(w)
    )
    return tuple(dict.fromkeys((*family, *derived)))


@lru_cache(maxsize=4096)
def _spellings(word: str) -> tuple[str, ...]:
    """What any form of the English `word` or of its kin contains: their roots and irregular forms."""
    return tuple(dict.fromkeys(s for w in (word, *_kin(word)) for s in (_root(w), *_irregular(w))))


def _found_in(term: str, text: str) -> bool:
    """Whether any form of the English word (or every word of the phrase) `term` may be in `text`.

    A quick test before `_word`'s.
    """
    return all(any(s in text for s in _spellings(w)) for w in re.split(r"[\s-]", term) if w)


# A phrase's last word alone (a "rider" for a 骑手, a "horse rider"; the 收费 of "annual fee") counts for
# this share of it: mostly what the phrase names, sometimes another thing ("shares" of a stock for 市场份额).
HEAD_SHARE = 0.75
# The words of a phrase (a gloss's content words) stand apart by at most PHRASE_GAP words: one the
# gloss lost ("hit market": "hit the market") or one more ("annual membership fee"), but "net profit"
# is no "net loss and profit", "market share" no "shares of PDD".
PHRASE_GAP = 1


@lru_cache(maxsize=4096)
def _word(term: str) -> re.Pattern[str]:
    """Any form of the English word `term`, whole; of a phrase, its words' in order, `PHRASE_GAP` apart.

    A hyphenated word is found spaced too ("year-on-year": "up 16% year on year"), its last part in any
    form.
    """
    gap = rf"(?:[\s-]++[a-z0-9'’]++){{0,{PHRASE_GAP}}}?[\s-]++"
    return re.compile(rf"(?<![a-z0-9])(?:{gap.join(map(_hyphenated_forms, term.split()))})(?![a-z0-9])")


def _hyphenated_forms(word: str) -> str:
    """`_forms` of a word; of a hyphenated one, its parts as written, hyphens or blanks between them."""
    *first, last = word.split("-")
    return r"[\s-]".join([*map(re.escape, first), _forms(last)]) if first and last else _forms(word)


def _forms(term: str, *, kin: bool = True) -> str:
    """A pattern for every form of the English word `term`, and with `kin`, of the words of its family."""
    irregular = "".join(f"|{re.escape(form)}" for form in _irregular(term))
    family = "".join(f"|{_forms(word, kin=False)}" for word in _kin(term)) if kin else ""
    return f"(?:{_regular_forms(term)}{irregular}{family})"


@lru_cache(maxsize=4096)
def _regular_forms(term: str) -> str:
    """A pattern for the forms of the English word `term` its spelling rules make: its root and endings."""
    root, stem = _root(term), _stem(term)
    if len(term) <= SHORT_WORD:
        # A plural at most: "us" (美国's US) is no "used", "ai" no "aid".
        forms = "(?:s|es)?"
    elif _CONSONANT_Y.search(stem):
        forms = _Y_FORMS
    elif len(stem) < DERIVED_ROOT:
        forms = "(?:e|y|s|es|ed|d|ings?|ies|ied|at(?:e|es|ed|ing|ions?))?"
    elif stem.endswith("e"):
        # compete: competing, competitor's -er, competition (no "competey").
        forms = "(?:e|es|ed|ings?|ers?|(?:it|at)?ions?)"
    else:
        # A verb ending in -er has lost it with the agent nouns' (deliver: deliv, as player: play).
        forms = "(?:e|y|s|es|ed|d|ings?|ies|ied|ers?|ees?|er(?:ed|ing|ies|y)|erred|erring|(?:it|at)?ions?|"
        forms += "at(?:e|es|ed|ing))"
        forms += "" if _another_verbs_past(term, root) else "?"
    doubled = (
        f"{root[-1]}?"
        if _DOUBLED.search(stem)
        else f"(?:{root[-1]}(?=[ei]))?"
        if _DOUBLES.search(root)
        else ""
    )
    return f"{re.escape(root)}{doubled}{forms}"


def _another_verbs_past(term: str, root: str) -> bool:
    """Whether `root`, bare, is also another verb's irregular form, and so no form of `term`.

    "found" of "founded" is find's past ("if found in breach"): only founded, founder, founding are.
    """
    from lemminflect import getAllLemmas

    if root == term:
        return False
    verbs = getAllLemmas(root).get("VERB", ())
    return any(lemma != root and not lemma.startswith(root) for lemma in verbs)


def _occurs(term: str, text: str) -> bool:
    if term.isascii():
        return _found_in(term, text) and _word(term).search(text) is not None
    return term in text


# A Chinese compound this long or longer names what it is by its last character (发行价: 价).
HEADED_WORD = 3


def occurrences(term: str, text: str) -> list[int]:
    """Where `term` or one of its translations occurs in `text` (folded), in order.

    A phrase found nowhere as a whole is found by its Chinese translation written a character or two
    apart ("daily active users", 日活用户: 日活跃用户, not the 月活跃用户 before it), else by its last word
    (see `_head_senses`). A quarter or half-year is found however the text names it (三季度: "the three
    months ended September 30", see `rag.periods.period_places`).
    A Chinese compound found nowhere as a whole is found by its dictionary parts (净利润率 by 净利润,
    or by its translation "net profit") and by its last character when no part ends with it (see
    `_head_positions`), or, short and without parts found, by its characters a few
    apart (年费 in 年卡收费为168元: the figure a how-much question asks for stands there).
    """
    return sorted(set(_places(term, text)))


def whole_occurrences(term: str, text: str) -> list[int]:
    """`occurrences` of `term` as a whole.

    Not by a word of a compound (云南 of 云南白药: "in Yunnan province" names no Yunnan Baiyao), nor by its
    characters spread.
    """
    return sorted(set(_places(term, text, whole=True)))


def _places(term: str, text: str, *, whole: bool = False) -> list[int]:
    """`occurrences`, each of its ways of finding `term` giving its own places (some twice)."""
    found = [at for w in (*spellings(term), *senses(term)) for at in _positions(w, text)]
    found += period_places(term, text)
    found = (
        found
        or name_positions(term, text)
        or _abbreviated(term, text)
        or _initialled(term, text)
        or _spread_senses(term, text)
        or [at for w in _head_senses(term) for at in _positions(w, text)]
    )
    if found or term.isascii():
        return found
    if (named := _named_head(term, text)) or whole:
        return named
    parts = compound_parts(term)
    found = [at for part in parts for at in occurrences(part, text)] + _head_positions(term, parts, text)
    if found or len(term) > SPREAD_WORD:
        return found
    return [m.start() for m in _spread(term).finditer(text)]


# How far after a name the word its compound adds may begin ("Tianyi Cloud" for 天翼云).
NAMED_HEAD_REACH = 16


def _named_head(term: str, text: str) -> list[int]:
    """Where a Chinese compound of a name and a last character is said: the name, that character after it.

    天翼云 is "Tianyi Cloud", not any "cloud computing unit" near it: the name in pinyin or translated
    (京东云: "JD Cloud"), a sense of 云 within `NAMED_HEAD_REACH` characters after its start.
    """
    if len(term) < HEADED_WORD:
        return []
    heads = [at for sense in senses(term[-1]) for at in _positions(sense, text)]
    return [at for at in occurrences(term[:-1], text) if any(0 < h - at <= NAMED_HEAD_REACH for h in heads)]


def _head_positions(term: str, parts: tuple[str, ...], text: str) -> list[int]:
    """Where the last character of a Chinese compound, no part of its dictionary words, is said.

    It names what the compound is (发行价, no dictionary's word, is a 价: "offering price of $28").
    """
    head = term[-1]
    if len(term) < HEADED_WORD or any(part.endswith(head) for part in parts):
        return []
    return sorted(at for sense in senses(head) for at in _positions(sense, text))


def _spread_senses(term: str, text: str) -> list[int]:
    """Where an English phrase's Chinese translations of three or four characters occur spread (`_spread`)."""
    if " " not in term:
        return []
    spread = (w for w in translations(term) if not w.isascii() and 3 <= len(w) <= SPREAD_WORD)
    return sorted(m.start() for w in spread for m in _spread(w).finditer(text))


def _abbreviated(term: str, text: str) -> list[int]:
    """Where a two-character Chinese word stands written out (营收: 营业收入).

    Each of its characters begins a word of two: how Chinese shortens a name or a term.
    """
    if len(term) != 2 or not all(map(is_cjk, term)):
        return []
    return [m.start() for m in _written_out(term).finditer(text)]


# The letters of an acronym no dictionary has that is found by its words' initials.
INITIALLED = range(3, 7)


def _initialled(term: str, text: str) -> list[int]:
    """Where an acronym no dictionary knows stands spelt out in `text` (folded), by its words' initials.

    GMV: "gross merchandise volume"; ARPPU: "average revenue per paying user". The first and last
    words are no stopwords ("the most expensive" spells no TME).
    """
    pattern = _initials(term)
    if pattern is None:
        return []
    found = ((m.start(), _SPELT_APART.split(m.group())) for m in pattern.finditer(text))
    return [at for at, words in found if words[0] not in STOPWORDS and words[-1] not in STOPWORDS]


_SPELT_APART = re.compile(r"[\s-]++")


@lru_cache(maxsize=4096)
def _initials(term: str) -> re.Pattern[str] | None:
    if len(term) not in INITIALLED or not (term.isascii() and term.isalpha()) or translations(term):
        return None
    return re.compile(r"(?<![\w'’-])" + r"[a-z'’]*+[\s-]++".join(term) + r"[a-z'’]*+")


@lru_cache(maxsize=4096)
def _written_out(term: str) -> re.Pattern[str]:
    return re.compile(f"{term[0]}[{CJK_RANGE}]{term[1]}[{CJK_RANGE}]")


# A short Chinese word found nowhere whole is found with up to SPREAD_GAP characters between each of its
# own, in order (年费 in 年卡收费); only a word of at most SPREAD_WORD characters.
SPREAD_GAP = 2
SPREAD_WORD = 4


@lru_cache(maxsize=4096)
def _spread(term: str) -> re.Pattern[str]:
    between = f"[{CJK_RANGE}]{{0,{SPREAD_GAP}}}?"
    return re.compile(between.join(map(re.escape, term)))


def word_end(term: str, text: str, at: int) -> int | None:
    """Where `term`, or a translation of it, ends when one begins at `at` in `text` (folded); the longest."""
    ends = []
    for word in (*spellings(term), *senses(term)):
        if word.isascii():
            ends += [m.end()] if (m := _word(word).match(text, at)) else []
        elif text.startswith(word, at):
            ends.append(at + len(word))
    return max(ends, default=None)


def _positions(word: str, text: str) -> list[int]:
    if word.isascii():
        return [m.start() for m in _word(word).finditer(text)] if _found_in(word, text) else []
    return [m.start() for m in re.finditer(re.escape(word), text)]


def sense_shares(term: str, context: str) -> dict[str, float]:
    """How often each translation of `term` occurs in `context` (folded), against the most frequent one.

    One sense per discourse: in an article about a card that was shut down, "close" is 关停 (five
    times), not 截止 (a deadline, once). Empty unless two translations or more occur, and for a name:
    each of its spellings names it (盒马 is Freshippo in a headline and Hema NB in the text).
    """
    if named(term):
        return {}
    counts = {sense: len(_positions(sense, context)) for sense in translations(term)}
    counts = {sense: n for sense, n in counts.items() if n}
    if len(counts) < 2:
        return {}
    most = max(counts.values())
    return {sense: n / most for sense, n in counts.items()}


def presence(
    term: str,
    text: str,
    shares: dict[str, float] | None = None,
    closeness: Closeness | None = None,
    *,
    heads: bool = True,
) -> float:
    """How far `term` occurs in `text` (normalised, lower-case), from 0 to 1.

    1 when the term or a translation occurs; a translation counts by its share in `shares` (see
    `sense_shares`), when given. A Chinese compound no dictionary translates counts by the share of
    its characters its matched parts cover (净利润率 against "net profit": 净利润, 3 of 4; 服务收入 against
    "revenue from learning services": 服务 and 收入, 4 of 4);
    0.5 when every character of an unmatched Chinese term occurs (年费 against 年卡收费); an English
    word likewise by the parts of its Chinese words ("oversubscribed": 超额认购, of which 认购 is in
    "获得超过5000倍认购", 2 of 4). An English
    word matches whole words and their plain inflections (close: closed, not disclose). With a
    `closeness`, a word no dictionary pairs with the text counts as far as its meaning is close to one
    of the text's words in the other language (调查 against "probe"; see `rag.closeness`). A quarter or
    half-year occurs however the text names it (see `rag.periods.period_places`). Without `heads`, a
    phrase's last word alone does not count (see `_head_senses`).
    """
    if any(_occurs(t, text) for t in spellings(term)) or period_places(term, text):
        return 1.0
    found = [share for sense, share in (shares or {}).items() if _occurs(sense, text)]
    if found:
        return max(found)
    if any(_occurs(t, text) for t in senses(term)) or name_positions(term, text):
        return 1.0
    if _initialled(term, text):
        return 1.0
    parts = [0.0]
    if not term.isascii() and len(term) >= 2:
        parts.append(_parts_share(term, text))
        parts += [0.5] if all(ch in text for ch in term) else []
    elif term.isascii():
        parts += [
            len(p) / len(t) for t in senses(term) if not t.isascii() for p in compound_parts(t) if p in text
        ]
    parts += [HEAD_SHARE] if heads and any(_occurs(t, text) for t in _head_senses(term)) else []
    if closeness and max(parts) < 1 and comparable(term):
        parts.append(_close_meaning(term, text, closeness))
    return max(parts)


@lru_cache(maxsize=4096)
def _head_senses(term: str) -> frozenset[str]:
    """What a phrase's last word alone says of it (counted at `HEAD_SHARE`).

    A Chinese word's senses of several words by their last, when a translation of it ends as the word
    does ("rider" of 骑手's "horse rider", "profit" of 净利润's "net profit"; not the "rate" of 增速's
    "growth rate", which is no speed); English words together by their last one's translations that
    share a character with a translation of the whole (收费 of "fee" for "annual fee", 年费): "shares" of
    a stock, in English, are no "market share". Never a name's: "insurance" is not 中国太保 ("China Pacific
    Insurance").
    """
    if named(term):
        return frozenset()
    if not term.isascii():
        heads = (t.rsplit(" ", 1)[1] for t in senses(term) if " " in t)
        return frozenset(h for h in heads if any(t.endswith(term[-1]) for t in translations(h)))
    if " " not in term:
        return frozenset()
    whole = "".join(t for t in translations(term) if not t.isascii())
    return frozenset(
        t for t in translations(term.rsplit(" ", 1)[1]) if not t.isascii() and set(t) & set(whole)
    )


def _close_meaning(term: str, text: str, closeness: Closeness) -> float:
    """How far `term` counts in `text` by the meaning of its words in the other language (`closeness`).

    Only a text its other script makes up a share of: the English film titles and units in a Chinese
    article are not what a Chinese question's words say in other words.
    """
    english = not term.isascii()
    scripts = _scripts(text)
    if not (scripts.latin if english else scripts.cjk):
        return 0.0
    return closeness.credit(nearest(term, _other_words(text, english=english)))


def synonymous(term: str, text: str, closeness: Closeness) -> float:
    """How far `term` counts in `text` by a word of its own language close in meaning (种类: 品种)."""
    if not comparable(term):
        return 0.0
    return closeness.credit(nearest(term, _other_words(text, english=term.isascii())))


# The shortest English word compared by meaning (two letters are mostly function words and units).
MIN_COMPARED_LETTERS = 3


def comparable(term: str) -> bool:
    """Whether `term` may match by meaning: a word the dictionary knows, not a figure or a name.

    Douyin and 小红书 are close as apps go, and no answer to each other; a word no dictionary has (a
    product's name, an acronym) has no meaning to compare.
    """
    size = MIN_COMPARED_LETTERS if term.isascii() else 2
    return (
        len(term) >= size
        and not any(ch.isdigit() for ch in term)
        and not named(term)
        and (not term.isascii() or bool(translations(term)))
    )


def named(word: str) -> bool:
    """Whether `word` is a name: listed in the gazetteer (宁德时代, tencent) or a proper noun in CC-CEDICT."""
    return word in known_names() or (not word.isascii() and bool(dictionary.is_name(word)))


_ENGLISH_WORD = re.compile(rf"[a-z]{{{MIN_COMPARED_LETTERS},}}+")


@lru_cache(maxsize=4096)
def _other_words(text: str, *, english: bool) -> tuple[str, ...]:
    """The words of `text` in one language that may match by meaning, each once."""
    if english:
        words = (w for w in _ENGLISH_WORD.findall(text) if w not in STOPWORDS)
    else:
        words = (w for w in terms(text) if len(w) >= 2 and all(map(is_cjk, w)))
    return tuple(sorted({w for w in words if comparable(w)}))


def mentions(term: str, text: str) -> bool:
    """Whether `text` (folded) has `term` as written, a translation of it, its pinyin, or its words spelt out.

    Stricter than `presence`: no part of a compound, no scattered characters (小红卡 is not named by
    a text that has 小, 红 and 卡 here and there). A name of several English words no dictionary has
    is also named by their translations run together (Tencent Music: 腾讯音乐), and a Chinese one by
    its words' translated one by one ("Red Pomegranate Plan": 红石榴).
    """
    return (
        _matches(term, text)
        or bool(name_positions(term, text) or _initialled(term, text))
        or any(_occurs(joined, text) for joined in _word_by_word(term))
    )


# A name's words whose translations are run together, and the most ways of writing it that are tried.
WORD_BY_WORD = range(2, 4)
MAX_WRITINGS = 64


@lru_cache(maxsize=4096)
def _word_by_word(term: str) -> frozenset[str]:
    """How a name no dictionary has is written in the other language, word for word.

    A few English words in Chinese, run together (腾讯音乐); a Chinese name's words in English, each
    translated by one word, a character by its main senses ("red pomegranate").
    """
    english = term.isascii()
    words = term.split() if english else terms(term, search_mode=False)
    if len(words) not in WORD_BY_WORD or translations(term):
        return frozenset()
    other = [[t for t in senses(w) if t.isascii() != english and " " not in t] for w in words]
    if math.prod(map(len, other)) > MAX_WRITINGS:
        return frozenset()
    return frozenset(("" if english else " ").join(parts) for parts in product(*other))


def _matches(term: str, text: str) -> bool:
    return any(_occurs(t, text) for t in (*spellings(term), *senses(term)))


def senses(term: str) -> frozenset[str]:
    """What `term` may say in the other language: its translations, or a single character's main senses.

    For judging what a text covers only: a character's senses are too loose to search by.
    """
    if len(term) == 1 and is_cjk(term):
        return translations(term) | dictionary.character(term)
    return translations(term)


# A Chinese name's readings tried (长 is chang or zhang; a name of such characters has their products).
MAX_READINGS = 4
# The ways an English word splits into pinyin syllables that are tried (xian: xian, xi an).
MAX_SPLITS = 4
# Shorter English words are never read as pinyin.
MIN_PINYIN_LETTERS = 4


# A run of Latin letters (a word of a folded text).
_LETTERS = re.compile(r"[a-z]++")


def name_positions(term: str, text: str) -> list[int]:
    """Where `text` (folded) names `term` in the other script, by its pinyin or by its sound.

    Pinyin: see `romanized_positions`. Sound: a foreign name no dictionary translates, as the other
    script writes it (Goldenson: 戈登森, see `rag.transliteration`), and not as a word a dictionary has:
    "based" is no 波司登, and a name it has (Boston: 波士顿) it writes.
    """
    romanized = romanized_positions(term, text)
    if romanized or translations(term):
        return romanized
    found = sounded_positions(term, text)
    return (
        found
        if term.isascii()
        else [at for at in found if not translations(_LETTERS.match(text, at).group())]
    )


def romanized_positions(term: str, text: str) -> list[int]:
    """Where `text` (folded) names `term` when one of them is a Chinese name and the other its pinyin.

    A Chinese term is found by its `romanized` spellings; an English word that no dictionary
    translates (kuaishou, leijun) by a run of characters read as its syllables (快手).
    """
    if not term.isascii():
        return sorted(at for form in romanized(term) for at in _positions(form, text))
    splits = _pinyin_splits(term)
    if not splits:
        return []
    found = [at for at in range(len(text)) if any(_reads(text, at, split) for split in splits)]
    written = {form for split in splits for form in _written(split)} - {term}
    return sorted(found + [at for form in written for at in _positions(form, text)])


# A common word's pinyin written whole, this long or longer, is a brand's name (youdao), not a word.
COMMON_ROMANIZED = 6


@lru_cache(maxsize=4096)
def romanized(term: str) -> frozenset[str]:
    """How English writes the Chinese name `term` in pinyin (see `_written`).

    Empty for one character. A word CC-CEDICT knows as a common word is written only as one word of
    `COMMON_ROMANIZED` letters or more, as a brand named by it is (有道: Youdao), or shorter where English
    has no such word (虎牙: Huya, 斗鱼: Douyu); apart, or an English word, its syllables would be English
    words or another's name (用户 is "user", not "yong hu"; 马克: "make").
    """
    if len(term) < 2 or not all(map(is_cjk, term)):
        return frozenset()
    readings = dictionary.word_readings(term, MAX_READINGS)
    forms = {form for reading in readings for form in _written(tuple(reading.split()))}
    if dictionary.is_name(term) is False:
        forms = {
            form
            for form in forms
            if " " not in form and (len(form) >= COMMON_ROMANIZED or not _english_word(form))
        }
    return frozenset(forms)


@lru_cache(maxsize=4096)
def _english_word(word: str) -> bool:
    """Whether `word` is an English word (lemminflect's tables know it: make, women; not huya)."""
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word))


def romanized_whole(term: str) -> list[str]:
    """The Chinese name `term`'s pinyin written as one word, for each of its readings (kuaishou)."""
    return sorted(form for form in romanized(term) if " " not in form)


def akin(word: str, other: str) -> bool:
    """Whether two nouns may name one kind of thing, by the words they translate to.

    In one language, by a translation both have ("cars" and "vehicles": 车子); across languages, by a
    word in the Chinese one's language that the other's translations translate to (房子 and "homes": 民宅,
    "house"). A lone character by its senses too (车: car, vehicle).
    """
    if is_cjk(word[:1]) == is_cjk(other[:1]):
        return bool(senses(word) & senses(other))
    chinese, english = (word, other) if is_cjk(word[:1]) else (other, word)
    return any(senses(chinese) & senses(t) for t in senses(english))


def spelled_known(name: str, knows: Callable[[str], bool]) -> bool:
    """Whether an archive that `knows` words has `name` as written, translated (比亚迪: BYD) or in pinyin."""
    return any(map(knows, (name, *translations(name), *romanized_whole(name))))


# A person's name in Chinese: a surname and a given name of one or two characters.
PERSON_NAME_CHARACTERS = (2, 3)


# A name CC-CEDICT lists of this many characters or more may be written a syllable a word (Tong Ren Tang);
# a shorter one so written is mostly a person's (see `romanized_words`).
SYLLABLE_NAME_CHARS = 3


def romanized_words(term: str) -> list[str]:
    """The words English writes the Chinese name `term` in (kuaishou; 陈磊: chenlei, chen, lei).

    A person's name CC-CEDICT does not list (a surname first) is also written as its surname and its
    given name apart (张一鸣: zhang, yiming), each a word to search by; a name of three characters or
    more that it lists as one, syllable by syllable (同仁堂: tong, ren, tang).
    """
    words = romanized_whole(term)
    if len(term) >= SYLLABLE_NAME_CHARS and dictionary.is_name(term):
        words += [w for form in romanized(term) if form.count(" ") == len(term) - 1 for w in form.split()]
    person = len(term) in PERSON_NAME_CHARACTERS and dictionary.is_surname(term[0])
    if person and dictionary.is_name(term) is None:
        surnames = dictionary.readings(term[0])
        words += [w for form in romanized(term) if form.split()[0] in surnames for w in form.split()]
    return list(dict.fromkeys(words))


def _written(syllables: tuple[str, ...]) -> set[str]:
    """A name's syllables written whole (xiaohongshu), as two words (lei jun, mixue bingcheng), or apart.

    Each syllable apart is how Hong Kong and old brands write theirs (tong ren tang: 同仁堂).
    """
    return {"".join(syllables), " ".join(syllables)} | {
        f"{''.join(syllables[:cut])} {''.join(syllables[cut:])}" for cut in range(1, len(syllables))
    }


@lru_cache(maxsize=4096)
def _pinyin_splits(term: str) -> tuple[tuple[str, ...], ...]:
    """The ways the English word `term` reads as two or more pinyin syllables, if it may name one.

    It may when it is letters only, `MIN_PINYIN_LETTERS` or more, and either no dictionary translates
    it or a translation is read as it begins: a brand's pinyin (mixue: 蜜雪冰城, which names 蜜雪集团
    too), not an English word (change: 变化).
    """
    if len(term) < MIN_PINYIN_LETTERS or not (term.isascii() and term.isalpha()):
        return ()
    ways = tuple(way for way in _syllable_splits(term) if len(way) >= 2)
    found = translations(term)
    if found and not any(_reads_as(name, ways) for name in found):
        return ()
    return ways


def _reads_as(name: str, ways: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the Chinese `name` is read as one of `ways` (runs of syllables) at its start."""
    readings = [tuple(r.split()) for r in dictionary.word_readings(name, MAX_READINGS)]
    return any(reading[: len(way)] == way for reading in readings for way in ways)


@lru_cache(maxsize=4096)
def _syllable_splits(word: str) -> tuple[tuple[str, ...], ...]:
    """The ways (up to `MAX_SPLITS`) the lower-case `word` is a run of pinyin syllables."""
    known = dictionary.syllables()
    ways: list[list[tuple[str, ...]]] = [[()]] + [[] for _ in word]
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            if word[start:end] in known:
                ways[end] += [way + (word[start:end],) for way in ways[start]][: MAX_SPLITS - len(ways[end])]
    return tuple(ways[-1])


def _reads(text: str, at: int, syllables: tuple[str, ...]) -> bool:
    """Whether the characters of `text` from `at` are read as `syllables`, one each."""
    chars = text[at : at + len(syllables)]
    return len(chars) == len(syllables) and all(
        is_cjk(char) and s in dictionary.readings(char) for char, s in zip(chars, syllables, strict=True)
    )


# How far apart (in characters) a compound's parts may be written to be read together: "revenue from
# online marketing services" is 服务收入, the "services" and "net income" of a sentence's two clauses not.
PARTS_REACH = 30


def _parts_share(term: str, text: str) -> float:
    """The share of the Chinese compound `term`'s characters covered by its parts `text` holds.

    By its best part, or by the parts written near one another (see `PARTS_REACH`): 净利润率 against
    "net profit" (3 of 4) and "net profit margin" (4 of 4), 服务收入 against "Revenue from learning
    services" (4 of 4).
    """
    found = {
        part: places
        for part in compound_parts(term)
        if (places := [at for w in (*spellings(part), *senses(part)) for at in _positions(w, text)])
    }
    near = [
        part
        for part, places in found.items()
        if any(
            abs(a - b) <= PARTS_REACH
            for other in found
            if other != part
            for a in places
            for b in found[other]
        )
    ]
    covered = {at for part in near for at in range(term.find(part), term.find(part) + len(part))}
    return max(len(covered), *map(len, found), 0) / len(term)


@lru_cache(maxsize=4096)
def compound_parts(term: str) -> tuple[str, ...]:
    """The dictionary words a Chinese compound is made of (净利润率: 净利润, 利润率 …), itself excluded."""
    return tuple(part for part in dict.fromkeys(terms(term)) if part != term and len(part) >= 2)


# The unit of a date after its number (2024年, 13日): the number carries it, as English writes it alone
# ("in 2024", "November 13"), so it is not a word of its own to find.
_DATE_UNIT = re.compile(r"(?<=[0-9])[年日号]")


# What "how" asks with (many, much, long): the question word 多少 or 多久 is, no word to find ("with many
# marked as self-operated" says nothing of how many merchants joined); nor is the 人 of 哪些人 (who), nor
# "say" in "What did Wang Chuanfu say?" (说了什么, 怎么说): a news article reports with 表示, 称, "said";
# nor a modal verb or a whether the stopwords leave (为什么需要 asks why, 是否 whether): a passage giving
# the reason need not say "need" (keyword search still matches them: "must register").
_ASKING = re.compile(
    r"\bhow\s++(?:many|much|long|often|far|old|fast)\b|(?<=哪些|什么)人|"
    # What a thing costs, asked last ("How much does the YU7 cost?"): the price asked for, no word to find.
    r"\bcosts?(?=\s*+[?？]?\s*+$)|"
    r"\b(?:say|said|says|tell|told)\b|(?:说|表示)了?(?=什么)|怎么说|"
    r"需要|必须|是否|能否|有没有|\bmust\b",
    re.I,
)
# 多少 or 几 and its measure word, which ask as one (多少座超充站, 哪几门; jieba's 辆车 of 多少辆车 is a word
# no text writes): cut off from the noun after them by a mark, since a blank between Chinese words joins
# them.
_ASKED_MEASURE = re.compile(rf"(?:哪|多少|几)++(?:{MEASURES})")
# A Chinese word jieba's dictionary counts fewer times than this, and CC-CEDICT lacks, is a name.
RARE_WORD = 20
# Capitalised words in a row after the question's first: a person's name in pinyin ("Lei Jun").
_NAME_RUN = re.compile(r"(?<=\s)[A-Z][a-z]++(?: [A-Z][a-z]++)++")


def question_words(question: str) -> list[str]:
    """The question's words once each (precise cut), in order; a hyphenated word a dictionary has is one.

    What the question says word by word in the other language (`rag.retrieve.translated_words`): 增值
    for "value-added", not 价值 and 增加. English words one Chinese word translates together ("market
    share") stay apart there: as one they cost XQuAD's same-language ctx@1 0.004 (news: +5 answers, -1).
    """
    words = list(dict.fromkeys(terms(question, search_mode=False)))
    for parts, whole in _hyphenated(question, words):
        if set(parts) <= set(words):
            words = _merged(words, parts, whole)
    return words


def weighted_terms(question: str, idf: Callable[[str], float]) -> dict[str, float]:
    """Each word of `question` once (precise cut), with its weight by `idf`: what `matched_share` counts.

    A Chinese name written in pinyin as words of one syllable or two ("Lei Jun", "Zhang Yiming") is one
    word (leijun): its syllables alone would be found in any Chinese text (lei: 类, 雷, 累 …); so is a
    Chinese name the tokenizer cut apart (蜜雪冰城, see `_unknown_runs`), and so are English words one
    Chinese word translates together ("market share": 市场份额, see `_compounds`).
    """
    asked = _ASKING.sub(" ", _ASKED_MEASURE.sub("，", _DATE_UNIT.sub(" ", question)))
    words = list(dict.fromkeys(terms(asked, search_mode=False)))
    weights = {w: idf(w) for w in words}
    for parts in _pinyin_runs(question):
        if set(parts) <= set(words):
            words = _merged(words, parts)
            weights["".join(parts)] = idf("".join(parts))
    for parts in _unknown_runs(question, words) + _sounded_runs(question, words):
        if set(parts) <= set(words):
            words = _merged(words, parts)
            weights["".join(parts)] = max(weights[p] for p in parts)
    words = _months_whole(question, words, weights)
    for parts, whole in (
        _periods_whole(question, words) + _hyphenated(question, words) + _compounds(question, words)
    ):
        if set(parts) <= set(words):
            words = _merged(words, parts, whole)
            weights[whole] = max(weights[p] for p in parts)
    return {t: weights[t] for t in words}


# A month by its number and the word the tokenizer gives its 月 in (3月底: 3, 月底; 9月份: 9, 月份).
_MONTH_SAID = re.compile(rf"{MONTH.pattern}(底|末|初|份)?+")


def _months_whole(question: str, words: list[str], weights: dict[str, float]) -> list[str]:
    """`words` with each month `question` writes by number one word (8, 月: 8月; 3, 月底: 3月底).

    Weighed as its number, or as the end or start of a month where that is said (月底: "the end of
    March" for 截至3月底). Not the 8个月 of a span of time, which is no month; the 月 stays a word of its
    own where the question says it otherwise too (月活跃用户).
    """
    said = {
        m.group(1): "月" + (m.group(2) or "")
        for m in _MONTH_SAID.finditer(question)
        if m.group(1) in words and "月" + (m.group(2) or "") in words
    }
    if not said:
        return words
    whole = {n: n + ("月" if word == "月份" else word) for n, word in said.items()}
    for n, word in said.items():
        weights[whole[n]] = weights[n] if word in ("月", "月份") else max(weights[n], weights[word])
    merged = [whole.get(w, w) for w in words]
    rest = _MONTH_SAID.sub("", question)
    return [w for w in merged if w not in said.values() or w in rest]


# An English word of parts joined by hyphens ("value-added", "year-on-year").
_HYPHENATED = re.compile(r"(?<![\w-])[a-z]++(?:-[a-z]++)++(?![\w-])")


def hyphenated_words(question: str) -> list[str]:
    """The question's hyphenated English words a dictionary translates whole ("value-added": 增值).

    Apart, their parts translate as something else ("value": 价值, "added": 增加).
    """
    return [w for w in dict.fromkeys(_HYPHENATED.findall(question.lower())) if translations(w)]


def phrase_words(question: str) -> list[str]:
    """The question's English words side by side that one Chinese word translates together (`_compounds`).

    "market value": 市值, which neither "market" (市场) nor "value" (价值) is.
    """
    return [
        whole for _, whole in _compounds(question, list(dict.fromkeys(terms(question, search_mode=False))))
    ]


def _hyphenated(question: str, words: list[str]) -> list[tuple[list[str], str]]:
    """`hyphenated_words` with their parts among `words` (the stopwords of "year-on-year" aside)."""
    found = ((list(dict.fromkeys(terms(w, search_mode=False))), w) for w in hyphenated_words(question))
    return [(parts, whole) for parts, whole in found if parts and set(parts) <= set(words)]


def _compounds(question: str, words: list[str]) -> list[tuple[list[str], str]]:
    """English words side by side, two or three, that one Chinese word translates together: one term.

    市场份额 translates both "market" and "share": "What is Kuaishou's market share?" is not covered by
    "Shares of PDD fell" and an "e-commerce market" elsewhere, but by "market share" or 市场份额. Words
    a hyphen joins stand side by side too ("SF Intra-City": 顺丰同城).
    """
    folded = question.lower().replace("-", " ")
    found: list[list[str]] = []
    # Three words before two ("Taobao Instant Commerce": 淘宝闪购), none in two compounds.
    for size in (3, 2):
        for at in range(len(words) - size + 1):
            parts = words[at : at + size]
            phrase = " ".join(parts)
            if (
                all(w.isascii() and w.isalpha() for w in parts)
                and phrase in folded
                and not any(set(parts) & set(other) for other in found)
                and translations(phrase)
            ):
                found.append(parts)
    return [(parts, " ".join(parts)) for parts in found]


def _periods_whole(question: str, words: list[str]) -> list[tuple[list[str], str]]:
    """The words of each span of months `question` names in English: one term ("first three quarters").

    Found as one in a text naming those months however it does (前三季度, 前9个月: see `period_places`);
    apart, "first" and "three" are in no such text.
    """
    found = []
    for phrase in period_phrases(question):
        parts = [w for w in terms(phrase, search_mode=False) if w in words]
        if parts:
            found.append((parts, phrase))
    return found


def _together(words: list[str]) -> frozenset[str]:
    """What translates every one of `words` (market, share: 市场份额; hong, kong: 香港)."""
    return frozenset.intersection(*map(translations, words))


def _merged(words: list[str], parts: list[str], whole: str | None = None) -> list[str]:
    """`words` with `parts` made one word (`whole`, else the parts run together) where the first stood."""
    merged = "".join(parts) if whole is None else whole
    return [(merged if w == parts[0] else w) for w in words if w not in parts[1:]]


def names_whole(text: str, words: list[str]) -> list[str]:
    """`words` of `text` with each name the tokenizer cut apart made whole again (see `_unknown_runs`)."""
    for parts in _unknown_runs(text, words):
        words = _merged(words, parts)
    return words


def _unknown_runs(question: str, words: list[str]) -> list[list[str]]:
    """Chinese words in a row that no dictionary knows and jieba has rarely seen: one name cut apart.

    蜜雪冰城 is cut into 蜜雪 and 冰城; counted as two words, the name would outweigh the rest of the
    question (蜜雪冰城的净利润 was answered with the sentence naming the company, not the one giving its
    profit). Counted once, at its rarer part's weight. Not a compound of dictionary words: 卫龙蔬菜制品收入
    names 卫龙 and asks of its 蔬菜制品 (vegetable products), not of one name.
    """
    return _runs(
        question, words, lambda word: is_cjk(word[0]) and rare_word(word) and not made_of_words(word)
    )


def made_of_words(term: str) -> bool:
    """Whether dictionary words cover every character of `term` (净利润率: 净利润 + 利润率)."""
    covered = set()
    for part in compound_parts(term):
        if dictionary.is_name(part) is False:
            at = term.find(part)
            covered.update(range(at, at + len(part)))
    return len(covered) == len(term)


def _sounded_runs(question: str, words: list[str]) -> list[list[str]]:
    """Chinese words in a row that may write one foreign name by sound, one of them no dictionary's word.

    杰克逊维尔 is cut into 杰克逊 (Jackson) and 维尔, 林迪斯法恩 into 林迪斯法 and 恩: whole, it is found
    as an English text writes it (Jacksonville, Lindisfarne; see `rag.transliteration`).
    """
    runs = _runs(question, words, may_write_name)
    return [
        run
        for run in runs
        if any(dictionary.is_name(w) is None for w in run) and may_write_name("".join(run))
    ]


def _runs(question: str, words: list[str], member: Callable[[str], bool]) -> list[list[str]]:
    """Runs of two or more of `words` that are `member`s and stand together in `question`."""
    runs: list[list[str]] = []
    run: list[str] = []
    for word in [*words, ""]:
        inside = bool(word) and member(word)
        if inside and run and "".join([*run, word]) in question:
            run.append(word)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [word] if inside else []
    return runs


def rare_word(word: str, sure: bool = False) -> bool:
    """A word CC-CEDICT lacks and jieba has seen fewer than `RARE_WORD` times (never, when `sure`)."""
    frequency = word_frequency(word)
    return dictionary.is_name(word) is None and (frequency == 0 if sure else frequency < RARE_WORD)


def _pinyin_runs(question: str) -> list[list[str]]:
    """The capitalised words in a row that write a Chinese name in pinyin ("Lei Jun": lei, jun).

    Not a place the dictionary glosses by those words together ("Hong Kong": 香港, "San Francisco"):
    that is found by their translations.
    """
    runs = [_before_english(run.lower().split()) for run in _NAME_RUN.findall(question)]
    return [
        parts
        for parts in runs
        if all(map(_syllable_splits, parts))
        and _pinyin_splits("".join(parts))
        and not (len(parts) > 1 and _together(parts))
    ]


def _before_english(words: list[str]) -> list[str]:
    """A run of capitalised words up to the first English word after its first ("Zijin Mining": zijin).

    The kind of company a name ends with is translated, not spelt: "Mining" is 矿业, not "mi ning".
    English: a word of `MIN_PINYIN_LETTERS` or more a dictionary translates that no translation reads.
    """
    english = (
        i
        for i, word in enumerate(words)
        if i and len(word) >= MIN_PINYIN_LETTERS and translations(word) and not _pinyin_splits(word)
    )
    return words[: next(english, len(words))]


def pinyin_names(question: str) -> list[str]:
    """The Chinese names `question` writes as capitalised pinyin words in a row, each as one word (leijun)."""
    return ["".join(parts) for parts in _pinyin_runs(question)]


_CAPITALISED_WORD = re.compile(r"(?<=\s)[A-Z][a-z]{3,}+\b")
# The names of a question looked for by their pinyin (a crafted question of hundreds is cut short).
NAMES_LOOKED_FOR = 8


def spoken_names(question: str) -> list[str]:
    """The Chinese names `question` may write in pinyin, each as one word: "Wang Chuanfu", "Yili".

    A run of capitalised pinyin words, or one capitalised word that reads as pinyin; looked for among
    the pinyin of the archive's Chinese words (`pinyin_terms`), so 伊利, a character no common reading
    of "yi" gives, is found by the word the archive writes.
    """
    names = pinyin_names(question)
    names += [w.lower() for w in _CAPITALISED_WORD.findall(question) if _pinyin_splits(w.lower())]
    return list(dict.fromkeys(names))[:NAMES_LOOKED_FOR]


def pinyin_terms(words: Iterable[str]) -> list[str]:
    """The pinyin English writes `words`' Chinese names in, as one word (伊利: yili; 王传福: wangchuanfu).

    What the keyword index files a Chinese passage under beside its words, for `spoken_names`. A name:
    a word CC-CEDICT lists as one or does not list (营收 is a word, not "Yingshou"). One a dictionary
    translates as its pinyin too (快手: Kuaishou): the name of an English question found in both fields
    weighs as two words, as it would if it were written in both scripts.
    """
    named = dict.fromkeys(_with_held_names(words))
    names = (word for word in named if dictionary.is_name(word) is not False)
    return list(dict.fromkeys(form for word in names for form in romanized_whole(word)))


# A brand this many characters long may open a word jieba keeps whole with a trade after it; runs of this
# many rare characters at most that jieba leaves one by one are read as one name.
BRAND_CHARACTERS = 2
RARE_RUN = 6


def _with_held_names(words: Iterable[str]) -> Iterator[str]:
    """`words`, each followed by the name it opens on, and runs of rare characters joined as one name.

    A brand before a common word (爱尔眼科: Aier and 眼科, an eye hospital; 老铺黄金: Laopu and gold), and
    characters jieba leaves one by one that are rarely words of their own (`may_write_name`'s rule:
    呷 哺 呷 哺, the restaurant chain Xiabuxiabu).
    """
    run: list[str] = []
    for word in words:
        yield word
        rest = word[BRAND_CHARACTERS:]
        if len(rest) >= BRAND_CHARACTERS and all(map(is_cjk, word)) and dictionary.is_name(rest) is False:
            yield word[:BRAND_CHARACTERS]
        if len(word) == 1 and is_cjk(word) and word_frequency(word) < WORD_CHARACTER:
            run.append(word)
            continue
        if 1 < len(run) <= RARE_RUN:
            yield "".join(run)
        run = []
    if 1 < len(run) <= RARE_RUN:
        yield "".join(run)


# A Chinese character carries about as much text as three Latin letters; a script makes up JUDGED_SHARE
# of a text at least before a word of it can be judged absent there (a Chinese title over an English
# body does not make the body a Chinese text).
CJK_LETTERS = 3
JUDGED_SHARE = 0.1


class _Scripts(NamedTuple):
    """Whether a text has enough Latin letters, and enough Chinese characters, to judge a word absent."""

    latin: bool
    cjk: bool


@lru_cache(maxsize=4096)
def _scripts(text: str) -> _Scripts:
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    cjk = sum(map(is_cjk, text))
    size = latin + CJK_LETTERS * cjk
    return _Scripts(
        latin=latin >= 20 and latin >= JUDGED_SHARE * size,
        cjk=cjk >= 4 and CJK_LETTERS * cjk >= JUDGED_SHARE * size,
    )


def matched_share(
    weights: dict[str, float],
    text: str,
    shares: dict[str, dict[str, float]] | None = None,
    given: Collection[str] = (),
    closeness: Closeness | None = None,
) -> float | None:
    """Weighted share of the terms found in `text` (normalised, lower-case).

    A term is fully judged when `text` has enough of its script or of its translation's script;
    otherwise (an English word with no known translation, against a Chinese passage) it counts half
    against the share. None when no term can be judged at all. `shares`: each term's translations
    weighted by their use around `text` (see `sense_shares`); `given`: terms the caller found in it
    by other means; `closeness`: how close in meaning a word must be to count (see `presence`).
    """
    has_latin, has_cjk = _scripts(text)

    def judged(term: str) -> bool:
        return any(has_latin if w.isascii() else has_cjk for w in (term, *senses(term)))

    found = total = 0.0
    any_judged = False
    for term, weight in weights.items():
        sense = shares.get(term) if shares else None
        share = 1.0 if term in given else presence(term, text, sense, closeness)
        sure = bool(share) or judged(term)
        any_judged |= sure
        found += share * weight
        total += weight if sure else weight / 2
    return found / total if any_judged and total else None


def coverage(
    question: str,
    text: str,
    idf: Callable[[str], float],
    given: Collection[str] = (),
    closeness: Closeness | None = None,
) -> float | None:
    """How much of `question` a passage's `text` holds, from 0 to 1.

    The rarity-weighted (`idf`) share of its terms or their translations (`matched_share`, with the
    terms `given` as found), or of its Chinese character pairs when paraphrase hides the terms; None
    when neither can be judged, or when the question has no word to find (说了什么: its character pairs
    are the asking, not what is asked about).
    """
    weights = weighted_terms(question, idf)
    if not weights:
        return None
    text = unbroken(text)
    share = matched_share(weights, text, given=given, closeness=closeness)
    pairs = bigrams(question)
    paraphrase = len(pairs & bigrams(text)) / len(pairs) if pairs else None
    known = [s for s in (share, paraphrase) if s is not None]
    return max(known) if known else None
