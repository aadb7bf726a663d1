"""Decide whether retrieved evidence covers a question, or the answer must be a refusal.

Two signals, calibrated on questions whose answers are absent from the index (see benchmarks):
how much of the question's vocabulary, weighted by rarity, one retrieved passage about what it names
contains (`rag.subject`: Mixue's listing on the stock market covers "market" and "share", not
Kuaishou's market share); and the dense similarity of the best passage, which carries cross-language
questions. A capitalised name the archive has never seen ("Tesla") is refused outright, and so is a
question whose passages about what it names hold almost nothing else of it ("Who founded Kuaishou?"
over articles on Kuaishou's store), or speak of other years or quarters than the one it asks about
(`rag.periods`), or never of the place it asks about (淘宝闪购在香港的订单量是多少？), and a question
naming a listed company or a model (i6, YU7) that none of its passages names (the archive's article on it
found nothing asked).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rag.bilingual import coverage, known_names, listed_spellings, presence, spelled_known, translations
from rag.closeness import QUOTING
from rag.guard import unasked
from rag.intents import asked_words, question_intents, stated_words
from rag.periods import other_period
from rag.places import exchanges_in, places, spells_name
from rag.short import LISTING
from rag.store import KeywordIndex
from rag.subject import (
    BRAND_PREFIX,
    latin_names,
    naming,
    naming_declared,
    on_subject,
    opening_latin_name,
    opening_name,
    period_judged,
    subject_names,
    unnamed,
    written_in_chinese,
)
from rag.text import UNWRITTEN, fold, language, model_codes, names_model, terms
from rag.types import Declared, Evidence, Hit

# What the answer says when the archive does not cover the question.
REFUSAL = {
    "zh": "资料中没有关于这个问题的信息。以下是最接近的来源，仅供参考。",
    "en": "The archive doesn't say. The closest sources are listed below for reference.",
}

# Answer when COVERAGE + W_GAP * gap + W_DENSE * best similarity reaches THRESHOLD. Fitted on CMRC
# 2018 trial questions (answerable, and held out from the index) and the archive question set in
# benchmarks/archive_questions.json; see benchmarks/quality.py for the figures.
W_GAP = 6.0
W_DENSE = 2.0
THRESHOLD = 2.63
# The share of a question a passage in the other language must hold to answer it in such an archive,
# whatever the cosine. All of it refused 18 of 201 answerable questions over five small two-language
# archives (the bundled one and four of three to four articles, half asked across languages); 0.7
# refuses 12, and of 78 unanswerable ones over them and the test archive answers none more (0.5: 6,
# but one more unanswerable one answered).
HELD_ACROSS = 0.7
# In an archive of two languages dense scores are centred cosines (see `rag.retrieve`), on another
# scale: the weights and threshold for them were fitted on XQuAD's mixed zh/en archive (answerable
# questions in both languages, and the same questions with their paragraph filtered out), where at
# most 5% of answerable cross-language questions are refused; then 20% of those held-out questions
# (each about another paragraph of an indexed article: the hardest kind to refuse) are refused.
W_GAP_CENTRED = 2.0
W_DENSE_CENTRED = 1.0
THRESHOLD_CENTRED = 0.8
UNJUDGED = 0.5
# A question naming what the archive covers ("Who founded Kuaishou?") is refused when its passages about
# that hold less than this of the rest of it: the archive speaks of Kuaishou, not of its founding.
BESIDES_NAMES = 0.1
# Passages whose coverage of the question is judged (extract.py quotes from the best four of them).
JUDGED_PASSAGES = 5
# A model's name: letters and digits (SU7, 4090).
_MODEL = re.compile(r"\d")
_NAME = re.compile(
    rf"(?<![.!?]\s)(?<!^)\b{BRAND_PREFIX}[A-Z][A-Za-z0-9]+(?:[ -][A-Z][A-Za-z0-9]+)*"
    r"(?:\.(?:com|cn|net|org)\b)?"
)


def unknown_names(question: str, keyword: KeywordIndex) -> list[str]:
    """Names in the question that no indexed passage contains, in any spelling the lexicon knows.

    A name is a company, platform or place from the lexicon, a capitalised word that is not the
    question's first ("Tesla" in "How much did Tesla earn?"; "Mexico" in "When will Keeta enter
    Mexico?", in neither spelling), or a model's code (l9 of "Li L9", 理想L9).
    """

    def absent(word: str, spellings: frozenset[str]) -> bool:
        # A name's plural is no other name (Grammys: the Grammy Awards).
        singular = (word.removesuffix("s"),) if word.isascii() else ()
        return not any(keyword.knows(t) for w in (word, *singular, *spellings) for t in terms(w))

    # A listed name is spelled as the lexicon lists it: a dictionary gloss ("比亚迪: BYD company")
    # would make any article that says "company" seem to mention it.
    words = terms(question, search_mode=False)
    found = [t for t in words if t in known_names() and absent(t, listed_spellings(t))]
    # Where the question puts what it asks (瑞幸在日本有多少家门店？) or what it asks enters (Keeta什么时候
    # 进入墨西哥？), in either spelling (日本, Japan).
    found += [w for w in places(question, entering=True) if not w.isascii() and absent(w, translations(w))]
    chinese = bool(keyword.languages.counts.get("zh"))
    for match in _NAME.finditer(question.strip()):
        named = terms(match.group(0))
        # A model's name (SU7 of "SU7 Ultra"), which Chinese text writes as English does, is written whole
        # so too: a word of it the archive never writes makes it another model; its maker's name may be
        # written in Chinese ("Xiaomi YU7": 小米YU7). Not other words Chinese text may write in Latin
        # letters ("Amazon Basin", where it writes 亚马逊盆地 beside Amazonía).
        missing = [w for w in named if absent(w, listed_spellings(w))]
        if 0 < len(missing) < len(named) and any(
            _MODEL.search(w) and written_in_chinese(w, keyword) for w in named if w not in missing
        ):
            found.append(match.group(0))
            continue
        # A Chinese article spells a foreign name its own way (Panthers: 黑豹队), which no dictionary
        # may list: where Chinese articles are indexed, only a name CC-CEDICT gives one for is judged
        # (Mexico: 墨西哥), not by a language's name (Romanians: 罗语, where an article says 罗马尼亚人).
        if chinese and not all(any(map(spells_name, translations(w))) for w in named):
            continue
        if named and all(absent(w, translations(w.lower())) for w in named):
            found.append(match.group(0))
    # A model's code is written so in either language (理想L9, "the Li L9"): one the archive never writes
    # is another model than those it has (the Li i8's price is no answer to the L9's).
    found += [code for code in model_codes(question) if absent(code, frozenset())]
    return [name for name in dict.fromkeys(found) if name.lower() not in UNWRITTEN]


def _elsewhere(question: str, hits: Sequence[Hit], declared: Declared) -> bool:
    """Whether the passages about what `question` names never say where it puts what it asks.

    淘宝闪购在香港的订单量是多少？ is not answered by 淘宝闪购's orders in all, nor "When will Mixue open
    stores in Europe?" by its stores in Indonesia: the archive speaks of Hong Kong and of Europe, but not
    there. False when no passage names what it names, or a name articles `declared` (奇瑞在欧洲卖了多少辆车？,
    which no report's words follow). Not where it asks of entering a place (何时进入欧洲): a passage may
    tell of the entering by a city there ("through the port of Marseille"). A listing there may be told by
    the city's exchange ("When did Muyuan list in Shenzhen?": 2014年在深交所上市).
    """
    listing = LISTING.search(question) is not None
    for place in places(question):
        # What it names besides the place (a listed place is a name too: 香港).
        rest = re.sub(re.escape(place), " ", question, flags=re.I)
        about = naming(rest, hits) or naming_declared(rest, hits, declared)
        exchanges = exchanges_in(place) if listing else ()
        texts = [fold(f"{h.chunk.title}\n{h.chunk.text}") for h in about]
        if about and not any(presence(place, t) or any(x in t for x in exchanges) for t in texts):
            return True
    return False


def _passed_over(question: str, hits: Sequence[Hit], keyword: KeywordIndex, declared: Declared) -> bool:
    """Whether `question` names a company (listed, or `declared`) or a model, and none of `hits` names it.

    The archive writes it (else `unknown_names` refused it), but what was found is about others: "What
    was CATL's revenue in the second quarter?" over passages on Kuaishou's and Bilibili's quarters is not
    answered by Bilibili's revenue (the article on CATL, which gives a year's, ranks ninth), nor "What is
    the price of the Li i6?" by the cost of Baidu's RT6 (the archive's i6 has no price), nor
    美的第三季度营收是多少？ by Weibo's (a headline opens on 美的, see `rag.aliases`). Nor a name the archive
    has in any spelling, though no list does (飞鹤第三季度营收是多少？ over other companies' quarters, the
    article on Feihe's half year not among them).
    """
    named = [n for n in subject_names(question) if n in known_names() or spelled_known(n, keyword.knows)]
    if named and not naming(question, hits):
        return True
    if declared.every and not naming_declared(question, hits, declared):
        return True
    models = [code for code in model_codes(question) if keyword.knows(code)]
    said = [fold(f"{h.chunk.title}\n{h.chunk.text}") for h in hits]
    return any(not any(names_model(m, text) for text in said) for m in models)


def _covered(question: str, hits: Sequence[Hit], keyword: KeywordIndex) -> list[tuple[Hit, float]]:
    """Each of `hits` that can be judged, with how much of `question` it holds (`coverage`).

    A word no dictionary pairs with a passage in the other language counts for half where its meaning
    is close to one of the passage's words (`QUOTING`, as in choosing quotes: 商业化 and "monetization");
    a loose match would answer 快手的市值是多少 by the "value" of a GMV sentence. Never by instructions
    hidden in them (`unasked`): they are no evidence, and never quoted.
    """
    asked = asked_words(question, terms(question, search_mode=False))
    texts = ((h, unasked(question, h.chunk.index_text)) for h in hits)
    judged = (
        (h, coverage(question, text, keyword.idf, stated_words(asked, text), QUOTING)) for h, text in texts
    )
    return [(h, share) for h, share in judged if share is not None]


def _judged(question: str, evidence: Evidence, keyword: KeywordIndex) -> list[tuple[Hit, float]]:
    """The judged passages about what `question` names, with how much of it each holds (see `_covered`)."""
    return _covered(question, on_subject(question, evidence.hits[:JUDGED_PASSAGES]), keyword)


def besides_names(
    question: str, evidence: Evidence, keyword: KeywordIndex, declared: Declared | None = None
) -> float | None:
    """How much of the question besides what it names its best passages naming that hold.

    What it names: its subject (`rag.subject`), the names articles `declared` (美图有多少员工？ is not
    answered by Meitu's 280 million users) and the Latin names no dictionary translates (Temu,
    iFood): "Who founded Temu?" is not answered by the passage on Temu's investigation. Where Chinese
    passages are indexed, only a name Chinese text writes as it is (Temu面临欧盟调查): others it may
    write its own way (Broncos: 野马队), and the passages naming it would be only the English ones
    (XQuAD: 12 answerable questions refused, "Who is the General Manager for the Broncos?").

    None when it names nothing, no passage names it, or nothing else in it can be judged ("小红卡?").
    """
    chinese = bool(keyword.languages.counts.get("zh"))
    written = [
        n
        for n in untranslated_names(question, keyword.knows)
        if not chinese or written_in_chinese(n, keyword)
    ]
    # A word only opening the question (杨昊的职业是什么？, HSD什么时候量产？) chooses passages, but the rest
    # of the question may be asked in words its passage does not use (CMRC: 5 answerable questions refused);
    # not a name the lexicon lists (抖音).
    opening = [n for n in opening_name(question) + opening_latin_name(question) if n not in known_names()]
    named = tuple(n for n in subject_names(question) if n not in opening) + tuple(written)
    hits = evidence.hits[:JUDGED_PASSAGES]
    about = naming(question, hits, named=named)
    if declared and declared.every:
        named += declared.every
        about += [hit for hit in naming_declared(question, hits, declared) if hit not in about]
    if not about:
        return None
    return max((share for _, share in _covered(unnamed(question, named), about, keyword)), default=None)


def untranslated_names(question: str, knows: Callable[[str], bool] | None = None) -> tuple[str, ...]:
    """The names `question` writes in Latin letters that no dictionary translates (and the archive `knows`).

    Temu, iFood: a passage about one writes it so, in either language. Not a word in capitals (GMV,
    ARPU): a term, not a name.
    """
    return tuple(
        name.lower()
        for name in latin_names(question, knows)
        if not name.isupper() and not translations(name.lower()) and name.lower() not in known_names()
    )


def _held_across(question: str, judged: list[tuple[Hit, float]]) -> bool:
    """Whether a `judged` passage in the other language than `question` holds most of it (`HELD_ACROSS`).

    Raw cosines (an archive too small to centre) put an English question far below a Chinese passage
    however closely it answers it ("Who is CATL's chairman?": 0.67, where Chinese questions score 0.85
    to 0.9 against the passages they are about and against others alike): the words found there, in
    translation, are the evidence the dense score cannot give.
    """
    asked = language(question)
    return any(share >= HELD_ACROSS for h, share in judged if language(h.chunk.text) != asked)


def confidence(question: str, evidence: Evidence, keyword: KeywordIndex) -> float:
    """How well the evidence covers the question; answer at `THRESHOLD` and above."""
    return _confidence(evidence, _judged(question, evidence, keyword))


def _confidence(evidence: Evidence, judged: list[tuple[Hit, float]]) -> float:
    """`confidence` from the passages already `judged` (see `_judged`)."""
    if not evidence.hits:
        return 0.0
    scores = [share for _, share in judged]
    best_dense = max(h.dense for h in evidence.hits)
    gap = best_dense - evidence.background if best_dense else 0.0
    w_gap, w_dense = (W_GAP_CENTRED, W_DENSE_CENTRED) if evidence.centred else (W_GAP, W_DENSE)
    return max(scores, default=UNJUDGED) + w_gap * gap + w_dense * best_dense


def covers(
    question: str, evidence: Evidence, keyword: KeywordIndex, declared: Declared | None = None
) -> bool:
    """True when the evidence is good enough to answer from; False means refuse.

    `declared`: the names the question writes that articles give their subject by (see `rag.aliases`).
    """
    if unknown_names(question, keyword):
        return False
    rest = besides_names(question, evidence, keyword, declared)
    if rest is not None and rest < BESIDES_NAMES:
        return False
    # A figure of another year or quarter is no answer; a game's quarters are told apart otherwise (第四节).
    if "number" in question_intents(question):
        about = period_judged(
            question, on_subject(question, evidence.hits[:JUDGED_PASSAGES], declared), declared
        )
        if other_period(question, (f"{h.chunk.title}\n{h.chunk.text}" for h in about)):
            return False
    if _elsewhere(question, evidence.hits[:JUDGED_PASSAGES], declared or Declared()):
        return False
    if _passed_over(question, evidence.hits[:JUDGED_PASSAGES], keyword, declared or Declared()):
        return False
    judged = _judged(question, evidence, keyword)
    if not evidence.centred and _held_across(question, judged):
        return True
    threshold = THRESHOLD_CENTRED if evidence.centred else THRESHOLD
    return _confidence(evidence, judged) >= threshold
