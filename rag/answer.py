"""Answer a question from the archive: retrieve, decide whether the evidence covers it, then compose.

`answer()` returns a complete `Answer`; `stream_answer()` yields growing partial answers for the UI and
ends with the complete one. The default answer is extractive (exact quotes, numbered citations); with
`RAG_LLM` set, a language model writes it, and an answer that fails citation checks falls back to the
extractive one.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from typing import NamedTuple

from rag.aliases import (
    ALIAS_ARTICLES,
    about_names,
    aliased,
    declared_in,
    names_itself,
    opening_names,
)
from rag.bilingual import (
    matched_share,
    mentions,
    occurrences,
    spelled_known,
    translations,
    weighted_terms,
)
from rag.bootstrap import ensure_index
from rag.citations import (
    check_generated,
    check_sentence,
    citation_for,
    cited_numbers,
    claim_spans,
    number_quotes,
)
from rag.compose import compose, in_date_order
from rag.config import Settings, get_settings
from rag.errors import LLMUnavailable
from rag.extract import select_quotes
from rag.followup import History, Resolved, resolve, rewritten
from rag.intents import question_intents
from rag.lexicon import listed_company
from rag.lexicon import places as listed_places
from rag.llm import refuses, stream_llm_answer
from rag.owners import unowned
from rag.periods import dated_otherwise, of_period, only_others, periods
from rag.places import latin_names_unplaced, place_words, placed_elsewhere, unplaced
from rag.qualifiers import measures_other
from rag.query import check_k, check_question, make_filters
from rag.refusal import REFUSAL, covers
from rag.retrieve import gather
from rag.short import (
    Figure,
    anothers,
    answer_span,
    estimate_for_fact,
    fact_for_estimate,
    giving,
    numberless,
    rate_for_sum,
    said_as,
    unforeseen,
    unmodelled,
    unnarrowed,
    unparted,
    unplanned,
    unposted,
    untimely,
)
from rag.store import KeywordIndex
from rag.subject import (
    absent_names,
    asked_names,
    latin_names,
    listed_names,
    named_elsewhere,
    on_subject,
    period_judged,
    said,
    side_names,
    unknown_opening,
    unnamed_in,
    unsaid,
    untitled,
    written_in_chinese,
)
from rag.text import bigrams, fold, language, model_codes, sentence_spans, terms, unbroken
from rag.types import Answer, Chunk, Citation, Declared, Evidence, Filters, Hit, Quote

log = logging.getLogger(__name__)

# How strongly, against the best article's figure, the question's words must point at another article's
# figure for it to count as that article's answer (see `_short_answers`).
CO_ANSWER_PULL = 0.8
# How many times more strongly the question's words must point at another quote's figure than at the
# first quote's for it to be the article's answer (see `_figure`).
OUTPULLED = 2.0
# Passages read for the headlines of articles naming what a question opens on (see `_headlines`).
HEADLINES_LOOKED_AT = 10
# Share of its rarity a word a follow-up borrowed from the conversation keeps in choosing quotes.
BORROWED_WEIGHT = 0.3


@dataclass(frozen=True)
class _Turn:
    """One question being answered: what was asked, what was searched, and what was found."""

    question: str
    resolved: Resolved
    hits: list[Hit]
    keyword: KeywordIndex
    settings: Settings
    timings: dict[str, float]
    # The cited articles' chunks, each read once a turn.
    documents: dict[str, list[Chunk]] = field(default_factory=dict)
    # The names the query writes that the best passages' articles give their subject by (`rag.aliases`).
    declared: Declared = field(default_factory=Declared)
    # The articles about a longer name opening on the one the query opens on (`rag.aliases.about_names`).
    aside: frozenset[str] = frozenset()

    @property
    def lang(self) -> str:
        return language(self.question)

    @property
    def query(self) -> str:
        return self.resolved.query

    def weight(self, term: str) -> float:
        """How much a term counts in choosing quotes: its rarity, less for words a follow-up borrowed.

        A follow-up borrows its subject (小红卡) to be found; the sentence quoted must answer what it
        asks (年费), not merely name the subject again.
        """
        idf = self.keyword.idf(term)
        return idf if not self.resolved.borrowed or term in self.own else BORROWED_WEIGHT * idf

    def known(self, name: str) -> bool:
        """Whether the archive has `name` as written, translated (比亚迪: BYD) or in pinyin (看准)."""
        return spelled_known(name, self.keyword.knows)

    def covered(self, text: str) -> float:
        """The rarity-weighted share of the question's words (or their translations) `text` holds."""
        return matched_share(weighted_terms(self.query, self.weight), unbroken(text)) or 0.0

    def document(self, doc_id: str) -> list[Chunk]:
        """The chunks of the article `doc_id`, read from the index once a turn."""
        if doc_id not in self.documents:
            self.documents[doc_id] = self.keyword.document(doc_id)
        return self.documents[doc_id]

    def article_periods(self, doc_id: str) -> set[str]:
        """The periods the whole article `doc_id` names, its title too (see `rag.periods.periods`)."""
        chunks = self.document(doc_id)
        return periods("\n".join([chunks[0].title, *(c.text for c in chunks)])) if chunks else set()

    def article(self, doc_id: str) -> list[str]:
        """The article `doc_id`'s title, then its sentences in order, once each (chunks overlap)."""
        chunks = self.document(doc_id)
        sentences = (c.text[a:b] for c in chunks for a, b in sentence_spans(c.text))
        return [chunks[0].title, *dict.fromkeys(sentences)] if chunks else []

    def names_any(self, names: Sequence[str], doc_id: str) -> bool:
        """Whether the article `doc_id` (its title or any sentence) names one of `names`."""
        folded = unbroken(fold("\n".join(self.article(doc_id))))
        return any(mentions(name, folded) for name in names)

    def pinned(self, text: str) -> set[str]:
        """The numbers of the question that `text` states as the question does.

        As words (2025, q1), and with the same neighbours in Chinese: 第7, 7号, 第3 and 3周 for
        第7号仓库在第3周.
        """
        folded = fold(text)
        words = {t for t in terms(self.query) if any(c.isdigit() for c in t) and occurrences(t, folded)}
        pairs = {p for p in bigrams(self.query) if any(c.isdigit() for c in p)}
        return words | (pairs & bigrams(text))

    @cached_property
    def own(self) -> frozenset[str]:
        return frozenset(terms(self.question))

    def best_citation(self, n: int, hit: Hit, claim: str | None = None) -> Citation:
        """Cite `hit` as source `n` by its sentence that best matches `claim` (default: the query)."""
        best = select_quotes(claim or self.query, [hit], self.weight, self.settings.max_quote_chars)
        start, end = (best[0].start, best[0].end) if best else (0, min(len(hit.chunk.text), 120))
        return citation_for(n, hit, start, end)


def stream_answer(
    question: str,
    history: History | None = None,
    *,
    k: int | None = None,
    sources: Sequence[str] | str | None = None,
    since: str | None = None,
    until: str | None = None,
    paths: Sequence[str] | str | None = None,
    use_llm: bool | None = None,
    settings: Settings | None = None,
) -> Iterator[Answer]:
    """Yield partial answers (growing `text`) and finally the complete `Answer`.

    Args:
        question: in Chinese or English.
        history: the earlier turns, oldest first: the earlier `Answer`s (their citations help a
            follow-up such as "the second source"), or `(question, answer text)` pairs.
        k: passages to retrieve (default `Settings.top_k`).
        sources: keep only these outlets.
        since: keep only articles dated on or after this ISO date.
        until: keep only articles dated on or before this ISO date.
        paths: keep only documents from these files.
        use_llm: `False` keeps the answer extractive even when `RAG_LLM` is set.
        settings: defaults to `get_settings()`.
    """
    settings = settings or get_settings()
    started = time.perf_counter()
    question = check_question(question)
    filters = make_filters(sources, since, until, paths)
    k = check_k(k, settings.top_k)
    keyword = ensure_index(settings=settings).keyword_index()
    resolved = resolve(question, history)
    if history and resolved.borrowed and settings.llm and use_llm is not False:
        resolved = rewritten(question, history, resolved, settings)
    if resolved.source:  # "the second source": that article only
        filters = replace(filters, documents=(resolved.source.doc_id,))
    turn, evidence = _retrieved(_Turn(question, resolved, [], keyword, settings, {}), k, filters)
    turn.timings["retrieve_ms"] = round((time.perf_counter() - started) * 1000, 1)
    if not covers(turn.query, evidence, keyword, turn.declared):
        final = _refusal(turn)
    elif settings.llm and use_llm is not False:
        final = yield from _generated(turn)
    else:
        final = _extractive(turn)
    final.timings["total_ms"] = round((time.perf_counter() - started) * 1000, 1)
    yield final


def _retrieved(turn: _Turn, k: int, filters: Filters) -> tuple[_Turn, Evidence]:
    """`turn` with the passages found for its query, and the evidence they are.

    Searched again by the name the best passages' articles write a thing by, if the query names it
    otherwise (see `rag.aliases`): 东方甄选's products are found as East Buy's.
    """

    def search(query: str) -> Evidence:
        prefer = turn.resolved.prefer
        return gather(query, k, filters, settings=turn.settings, keyword=turn.keyword, prefer=prefer)

    evidence = search(turn.query)
    documents = list(dict.fromkeys(hit.chunk.doc_id for hit in evidence.hits))[:ALIAS_ARTICLES]
    articles = {doc_id: turn.article(doc_id) for doc_id in documents}
    query = aliased(turn.query, articles.values())
    if query != turn.query:
        turn, evidence = replace(turn, resolved=replace(turn.resolved, query=query)), search(query)
    declared = declared_in(query, articles, _headlines(turn, documents))
    exact, aside = about_names(query, articles)
    evidence = replace(evidence, hits=_giving_way(evidence.hits, exact, aside))
    return replace(turn, hits=evidence.hits, declared=declared, aside=frozenset(aside)), evidence


def _giving_way(hits: list[Hit], exact: Collection[str], aside: Collection[str]) -> list[Hit]:
    """`hits`, with those of the articles `aside` after the best passage of one of the articles `exact`.

    An article about the name the query opens on answers first, one about a longer name (京东物流 for 京东)
    only where it does not (an article on Alibaba Cloud may name Alibaba's chief executive).
    """
    first = next((i for i, hit in enumerate(hits) if hit.chunk.doc_id in exact), None)
    if first is None or not aside:
        return hits
    before = hits[:first]
    return [
        *(h for h in before if h.chunk.doc_id not in aside),
        hits[first],
        *(h for h in before if h.chunk.doc_id in aside),
        *hits[first + 1 :],
    ]


def _headlines(turn: _Turn, documents: list[str]) -> dict[str, str]:
    """The headlines (dated articles' titles) of `documents` and of those naming what the query may open on.

    Those of the articles the keyword index finds for `opening_names` too: 美的第三季度营收是多少？ is
    not about Weibo's quarter, though the article on Midea's half year is not among the best passages.
    """
    firsts = [read[0] for doc_id in documents if (read := turn.document(doc_id))]
    for spellings in opening_names(turn.query).values():
        for spelling in spellings:
            firsts += [c for c, _ in turn.keyword.search(terms(spelling), HEADLINES_LOOKED_AT, Filters())]
    return {chunk.doc_id: chunk.title for chunk in firsts if chunk.date}


def _refusal(turn: _Turn) -> Answer:
    """The fixed refusal, with up to three closest articles as see-also."""
    see_also: list[Citation] = []
    for hit in turn.hits:
        if len(see_also) < 3 and hit.chunk.doc_id not in {c.doc_id for c in see_also}:
            see_also.append(turn.best_citation(len(see_also) + 1, hit))
    return Answer(
        question=turn.question, text=REFUSAL[turn.lang], refused=True, see_also=see_also, timings=turn.timings
    )


# What quotes that cannot answer a question lack: a figure of the kind asked, of its period, a time
# ahead, a plan, its model, its company, its measure (net, not operating profit), who holds the post
# asked of; and (`unnarrowed`, which knows the names articles declare) the part of it asked (会员收入).
_UNANSWERED = (
    numberless,
    untimely,
    unforeseen,
    unplanned,
    unmodelled,
    anothers,
    measures_other,
    unposted,
    unowned,
    unparted,
)


def _extractive(turn: _Turn) -> Answer:
    about = on_subject(turn.query, turn.hits, turn.declared)
    quotes: list[Quote] = select_quotes(
        turn.query,
        of_period(turn.query, about, period_judged(turn.query, about, turn.declared)),
        turn.weight,
        turn.settings.max_quote_chars,
        turn.resolved.prefer,
        turn.declared,
    )
    quotes = [
        q
        for q in quotes
        if not placed_elsewhere(turn.query, q.text, q.hit.chunk.text)
        and not named_elsewhere(turn.query, q.hit, turn.keyword.knows, q.text)
        # A sentence of an article about a longer name is about it, unless it names the one asked of.
        and (q.hit.chunk.doc_id not in turn.aside or names_itself(turn.query, q.text))
    ]
    citations = number_quotes(in_date_order(quotes))
    quoted = [c.quote for c in citations]
    figures = giving(turn.query, quoted)
    if (
        not citations
        or any(unanswered(turn.query, quoted) for unanswered in _UNANSWERED)
        or unnarrowed(turn.query, quoted, turn.declared)
        or any(
            unnamed_in(
                turn.query,
                [h for h in turn.hits if h.chunk.chunk_id in chunks],
                turn.keyword.knows,
                partial(written_in_chinese, keyword=turn.keyword),
                place_words(turn.query),
            )
            # The figure asked for is read only where the name is: "Keeta在沙特有多少骑手？" is not answered
            # by JD's 12万名骑手 beside Keeta's quotes that give no count. Each set of passages judged once.
            for chunks in dict.fromkeys(
                (
                    frozenset(c.chunk_id for c in citations),
                    frozenset(c.chunk_id for c in citations if c.quote in figures),
                )
            )
        )
        or unsaid(
            turn.query,
            _in_articles(turn, [c for c in citations if c.quote in figures]),
            turn.keyword.knows,
            partial(written_in_chinese, keyword=turn.keyword),
        )
        or _of_other_years(turn.query, [c for c in citations if c.quote in figures])
    ):
        return _refusal(turn)
    short = _short_answers(turn, citations)
    if _unplaceable(turn, citations, short):
        return _refusal(turn)
    citations, figures = _answering(citations, short)
    # Every article's figure another company's (see `_short_answers`): none answers.
    if not citations:
        return _refusal(turn)
    text = compose(citations, turn.lang, figures, apart=short.apart)
    return Answer(question=turn.question, text=text, citations=citations, timings=turn.timings)


def _in_articles(turn: _Turn, citations: list[Citation]) -> list[tuple[list[str], str, str]]:
    """Each citation's article (see `_Turn.article`), passage and quote; none if one is `untitled`."""
    if any(untitled(c.title, c.path) for c in citations):
        return []
    return [(turn.article(c.doc_id), c.passage, c.quote) for c in citations]


class _Short(NamedTuple):
    """The short answers by citation number, whether one is of another period, the articles giving none."""

    found: dict[int, str]
    apart: bool
    silent: frozenset[str]


def _short_answers(turn: _Turn, citations: list[Citation]) -> _Short:
    """The figure, date, places or name the best article gives for the question, by citation number.

    Another article's figure joins it only if the question's words point at it nearly as strongly
    (`CO_ANSWER_PULL`): "up from 2,880 billion in the same period last year" is not a second answer
    to this quarter's GMV; only if its sentence covers the question nearly as well: 小红卡's
    "年卡收费为168元" is not a second answer to how much Xiaohongshu saves on payment fees; and only if
    it pins every number the best one pins (`_Turn.pinned`): warehouse 3 in week 7 is not warehouse 7
    in week 3, nor is 2024 another source's 2025.

    An article speaking only of other periods than the best's (of a kind both name) gives no other
    source's figure for the same thing: the cloud revenue of the quarter ended September 30 is not the
    June quarter's. It joins as a figure for another period (`_Short.apart`: whether any does) when the
    question names no period, and not at all when it names one.

    Nor if it is said otherwise than the best's (a percentage, a sum of money, or else; as fact, where the
    best is the estimate asked for, which makes the article `silent`): Apollo Go's fleet
    of "more than 1,000 fully driverless vehicles" is no second figure for the 21.4 billion yuan China's
    robot vacuum market is worth.

    No article's figure answers if its sentence is of another company than the question's, and the article
    is `silent`: Reuters' "Mixue Group … plans to list in Hong Kong later this month" is no date for when
    Guming listed there. Unless every article's is.

    Nor an article never naming what the question names, where the best's does (`_unnamed_after`).

    An article after the best whose quotes hold no figure of the kind asked (read in its sentence) is
    `_Short.silent`. Not for a date, a place or a name: those a quote may hold in words no pattern
    sees (XQuAD lost 4 answers: "1500年至1850年间", 沿海地区 for 哪个区域).
    """
    found: dict[int, str] = {}
    silent: set[str] = set()
    asks_figure = "number" in question_intents(turn.query)
    apart, asks_period = False, bool(periods(turn.query))
    best: tuple[Figure, float, set[str], set[str], tuple[str, bool]] | None = None
    articles: dict[str, list[Citation]] = {}
    for citation in citations:
        articles.setdefault(citation.doc_id, []).append(citation)
    subjects = _subjects(turn.query, turn.declared)
    figured = [_figure(turn, quoted) for quoted in _naming_latin(turn.query, articles, turn.keyword.knows)]
    said_of = {c.doc_id: _up_to(c, f) for f, c in figured if f is not None}
    others = {doc for doc, said in said_of.items() if _of_another(subjects, said)}
    # Unless every article's figure is another company's: a name taken for one may be a place (越南). Not
    # for a name the archive has nowhere (BYD's sales are no answer for 领克's), nor for a company the
    # lexicon lists where each figure's sentence opens on the other company (Hygon's profit is none of
    # 中科曙光's, which its article names as its shareholder; "The company … planned to build a factory in
    # Berlin, near Tesla's plant" is Dreame's).
    opening_on_another = any(map(listed_company, subjects)) and all(
        _opens_on_another(subjects, said_of[doc]) for doc in others
    )
    if (
        all(f is None or c.doc_id in others for f, c in figured)
        and not unknown_opening(turn.query, turn.known)
        and not opening_on_another
    ):
        others = set()
    others |= _unnamed_after(
        turn, subjects, [c for f, c in figured if f is not None and c.doc_id not in others]
    )
    for figure, citation in figured:
        if figure is None:
            if best is None:
                break
            if asks_figure:
                silent.add(citation.doc_id)
            continue
        if citation.doc_id in others:
            silent.add(citation.doc_id)
            continue
        covered, pinned = turn.covered(_sentences_of(citation)), turn.pinned(citation.quote)
        fact = fact_for_estimate(turn.query, citation.quote, figure.start)
        named, kind = turn.article_periods(citation.doc_id), (said_as(citation.quote, figure), fact)
        # A figure said as fact is no other source's estimate (18.1 billion yuan expected by analysts
        # against another quarter's 14.8 billion reported "beating analyst estimates").
        if best is not None and fact and not best[4][1]:
            silent.add(citation.doc_id)
            continue
        other = best is not None and only_others(best[3], named)
        if best is None or (
            figure.pull >= CO_ANSWER_PULL * best[0].pull
            and covered >= CO_ANSWER_PULL * best[1]
            and best[2] <= pinned
            and not (other and asks_period)
            and kind == best[4]
        ):
            best = best or (figure, covered, pinned, named, kind)
            found[citation.n] = citation.quote[figure.start : figure.end]
            apart = apart or other
    return _Short(found, apart, frozenset(silent))


def _unnamed_after(turn: _Turn, subjects: list[str], giving: list[Citation]) -> set[str]:
    """The articles after the first of `giving` that never name `subjects`, where its article does.

    Horizon's listing in October 2024, in an article never naming Tuhu, is no second date for when
    途虎养车 listed.
    """
    if not giving or not turn.names_any(subjects, giving[0].doc_id):
        return set()
    return {c.doc_id for c in giving[1:] if not turn.names_any(subjects, c.doc_id)}


def _subjects(question: str, declared: Declared) -> list[str]:
    """The names `question` asks about (see `asked_names`), but the places it names ("Hong Kong")."""
    where = place_words(question)
    return [name for name in asked_names(question, declared) if name not in where]


def _of_another(named: list[str], text: str) -> bool:
    """Whether `text` names none of the question's subjects (`named`) and another company (`listed_names`).

    Not a person: "founded by Nie Yunchen" is of 喜茶 all the same; nor a city ("listed on Shanghai's STAR
    Market"); nor a part of a name asked, however written (古茗 of a question taken to name 古茗募资;
    "Alibaba" of 阿里云).
    """
    folded = fold(text)
    others = [
        other
        for other in set(listed_names(text)) - place_words(text)
        if not {other, *translations(other)} & listed_places()
        and not any(other in name or name in other or mentions(other, name) for name in named)
    ]
    return bool(named) and bool(others) and not any(mentions(name, folded) for name in named)


def _opens_on_another(named: list[str], text: str) -> bool:
    """Whether `text` is `_of_another` company and opens on its name ("Xiaomi, which began …")."""
    opening = fold(text.lstrip())
    return _of_another(named, text) and any(opening.startswith(fold(n)) for n in listed_names(text))


def _of_other_years(question: str, citations: list[Citation]) -> bool:
    """Whether every citation giving a figure is, by its article's date, of another year than asked.

    See `dated_otherwise`: a passage naming no year tells of its article's time.
    """
    return bool(citations) and all(
        dated_otherwise(question, f"{c.title}\n{c.passage}", c.date, c.quote) for c in citations
    )


def _unplaceable(turn: _Turn, citations: list[Citation], short: _Short) -> bool:
    """Whether several articles answer differently a question naming what none can be told to be about.

    "How many cars did Lynk & Co deliver?" is not answered by Leapmotor's and Li Auto's deliveries, each
    in a Chinese article: none of them can be told to be about a name no text has. Nor 文远知行有多少员工？
    by Trip.com's hires and JD Logistics' riders, in English articles. Nor "What was WeRide's gross
    margin?", whose article says none, by Hikvision's and Bosideng's, in Chinese articles naming it nowhere.
    """
    answers = {c.doc_id: short.found[c.n] for c in citations if c.n in short.found}
    if len(set(answers.values())) < 2:
        return False
    if absent_names(turn.query, turn.keyword.knows) or unknown_opening(turn.query, turn.known):
        return True
    named = [fold(name) for name in latin_names(turn.query, turn.keyword.knows)]
    return bool(named) and not any(turn.names_any(named, doc_id) for doc_id in answers)


def _answering(citations: list[Citation], short: _Short) -> tuple[list[Citation], dict[int, str]]:
    """The `citations` of the articles not `short.silent`, renumbered, and the short answers by new number.

    Another article whose quotes hold no answer of the kind asked answers nothing: Kuaishou's GMV
    ("reaching 332.3 billion") is no second source for how many goods its store sold. One holding
    a figure of the kind the question points at less strongly stays: it may be the right one.
    """
    kept = [c for c in citations if c.doc_id not in short.silent]
    numbered = {c.n: n for n, c in enumerate(kept, 1)}
    renumbered = [c.model_copy(update={"n": numbered[c.n]}) for c in kept]
    return renumbered, {numbered[n]: figure for n, figure in short.found.items()}


def _naming_latin(
    question: str, articles: dict[str, list[Citation]], knows: Callable[[str], bool]
) -> list[list[Citation]]:
    """The quotes of the `articles` naming what `question` names in Latin letters, if any does; else all.

    "Who controls iFood?" is not answered by a name from another article's cost "control" (控制成本)
    when the one naming iFood says who. A name may be written otherwise in another language (Baghdad:
    巴格达), so every one counts, not only those the archive writes as the question does; and so does
    a model's code, however it is cased: the i8 of "When did the Li i8 launch?" (理想i8), where NIO's
    article names its founder Li. Not the place it asks of: "When did J&T list in Hong Kong?" is not
    answered from Xiaomi's "Hong Kong-listed shares". A name the archive (`knows`) has nowhere is in no
    English article: "How many stores does Auntea Jenny have?" is for a Chinese one (沪上阿姨) to answer.
    """
    named = list(dict.fromkeys(latin_names_unplaced(question) + model_codes(question)))
    quoted = list(articles.values())
    naming = [
        cited
        for cited in quoted
        if any(mentions(name, said(cited[0].title, cited[0].passage)) for name in named)
    ]
    if naming or not absent_names(question, knows):
        return naming or quoted
    return [cited for cited in quoted if language(cited[0].passage) != "en"] or quoted


def _sentences_of(citation: Citation) -> str:
    """The whole sentences of its passage that `citation`'s quote was cut from (the quote, if not found).

    What a figure is said of may stand in the part of its sentence left out of the quote: "Kuaishou's
    e-commerce segment is becoming increasingly significant, with a reported GMV of 3,323.252 billion
    yuan in Q1 2025" is quoted from "with".
    """
    at = citation.passage.find(citation.quote)
    if at < 0:
        return citation.quote
    end = at + len(citation.quote)
    spans = [(s, e) for s, e in sentence_spans(citation.passage) if s < end and at < e]
    return citation.passage[min(at, *(s for s, _ in spans)) : max(end, *(e for _, e in spans))]


def _up_to(citation: Citation, figure: Figure) -> str:
    """`_sentences_of` `citation`, to the end of the sentence giving `figure`: what it is said of.

    Not a sentence after it: "Apple, its largest customer, …" after Lens Technology's net profit.
    """
    text = _sentences_of(citation)
    at = text.find(citation.quote)
    if at < 0:
        return text
    ends = [e for s, e in sentence_spans(text) if s <= at + figure.start < e]
    return text[: ends[0]] if ends else text


def _figure(turn: _Turn, quoted: list[Citation]) -> tuple[Figure | None, Citation]:
    """The figure an article's first quote gives; when it gives none, the best of its other quotes'.

    Another quote's figure also wins where the question's words point at it `OUTPULLED` times as strongly,
    or the first is an estimate and it is not (`estimate_for_fact`), and its sentences cover the question
    as well (each said after its headline): "Net income … fell 17% to 20.6 billion yuan", quoted
    first, does not answer 拼多多三季度营收是多少？ beside "reported third-quarter revenue of 108.3
    billion yuan" (news set: one more answer leads with its fact; at 1.5 one fewer, and without the
    coverage check XQuAD lost one).

    A sum is answered by a rate only where no quote of the article states a sum as strongly pointed at
    (see `rate_for_sum`).

    A figure the first quote gives of another company, opening on its name (`_opens_on_another`), yields
    to another quote's.

    Another quote that follows the first in the article is read with the text from the first on, so
    the question's words there point at its figure too: "交了600元,等来了…" answers how much merchants
    paid, which the first quote ("商家侧表示,交了钱做小红卡官方认证") says without the sum. One before
    it is read alone: the 600元 of a heading earlier in the article does not answer the fee per year
    the first quote's 会员卡 stands near once they are put side by side.
    """
    first, *others = quoted
    figure = _figure_in(turn, first, "")
    spans = [
        (found, c)
        for c in others
        if _names_as_first(turn.query, first, c, lead := _read_after(first, c))
        and (found := _figure_in(turn, c, lead))
    ]
    # A figure of another company, the one its quote opens on, yields to one of the company asked:
    # 追觅的首款车什么时候交付？ is not answered by "Xiaomi, which began selling cars in 2024", but by
    # "… would be delivered in 2027" after it. Not a brand of its own ("Sales of its Aion brand", of
    # GAC's exports).
    subjects = _subjects(turn.query, turn.declared)
    own = [(f, c) for f, c in spans if not _of_another(subjects, c.quote)]
    if figure and own and _opens_on_another(subjects, first.quote):
        return max(own, key=lambda item: item[0].pull)
    if figure and not rate_for_sum(turn.query, first.quote[figure.start : figure.end]):
        covered = _covered_with_title(turn, first)
        # An estimate yields to a figure said as fact ("need about 7,000 vehicles" in Wuhan, by analysts'
        # reckoning, beside the 1,000 it runs there), unless the question asks for one.
        estimate = estimate_for_fact(turn.query, first.quote, figure.start)
        stronger = [
            (f, c)
            for f, c in spans
            if (
                f.pull >= OUTPULLED * figure.pull
                or (estimate and not estimate_for_fact(turn.query, c.quote, f.start))
            )
            and _covered_with_title(turn, c) >= covered
            and not rate_for_sum(turn.query, c.quote[f.start : f.end])
        ]
        return max(stronger, key=lambda item: item[0].pull, default=(figure, first))
    # A rate answers a sum only where no quote of the article states one the question's words point at
    # as strongly (经营利润同比下降21% beside 经营利润为351亿元; not a commission cut to 1.5% beside GMV).
    sums = [
        (f, c)
        for f, c in spans
        if not rate_for_sum(turn.query, c.quote[f.start : f.end]) and (not figure or f.pull >= figure.pull)
    ]
    if sums or not figure:
        return max(sums or spans, key=lambda item: item[0].pull, default=(None, first))
    return figure, first


def _covered_with_title(turn: _Turn, citation: Citation) -> float:
    """How much of the question `citation`'s sentences hold, said after its article's headline.

    The headline says what every sentence is about: "Total net revenues declined 1.1% to 20.6 billion
    yuan" is Vipshop's as much as the sentence before it that names Vipshop.
    """
    return turn.covered(f"{citation.title}\n{_sentences_of(citation)}")


def _names_as_first(question: str, first: Citation, later: Citation, lead: str) -> bool:
    """Whether `later`, read after `lead`, names what the first quote names of the question's side names.

    Weibo's total advertising revenue is no answer to how much of it came from Alibaba, which the first
    quote names (see `side_names`).
    """
    named = said("", first.quote)
    side = [n for n in side_names(question, first.title) if mentions(n, named)]
    read = said("", lead + later.quote)
    return all(mentions(name, read) for name in side)


def _read_after(first: Citation, later: Citation) -> str:
    """What `later` is read after: the article's text from `first` on, when `later` follows it.

    That text where a passage holds both, else the first quote alone; nothing when `later` comes first.
    """
    if later.doc_id != first.doc_id or later.start < first.end:
        return ""
    for passage in (later.passage, first.passage):
        at = passage.find(first.quote)
        gap = at + len(first.quote) + later.start - first.end
        if at >= 0 and passage.startswith(later.quote, gap):
            return passage[at:gap]
    return first.quote + "\n"


def _figure_in(turn: _Turn, citation: Citation, lead: str) -> Figure | None:
    """The figure of `citation`'s quote, read after `lead`, that is not the whole quote.

    Without a `lead`, a quote cut from inside its sentence is read after the sentence's start, which
    may say what its figure is of: "reaching 332.3 billion" is a GMV, no count of goods sold.
    """
    if not lead:
        whole = _sentences_of(citation)
        lead = whole[: max(0, whole.find(citation.quote))]
    # A figure put in no place first, where the question names none; the text as it is only if that differs.
    text = lead + citation.quote
    first = unplaced(turn.query, text)
    figure = answer_span(turn.query, first, turn.weight, turn.declared.every)
    if figure is None and first != text:
        figure = answer_span(turn.query, text, turn.weight, turn.declared.every)
    if figure is None or figure.start < len(lead) or figure.end - figure.start >= len(citation.quote):
        return None
    return figure._replace(start=figure.start - len(lead), end=figure.end - len(lead))


def _generated(turn: _Turn) -> Iterator[Answer]:
    """The LLM's answer, shown only as far as it has been checked, or the extractive one instead.

    Each sentence is checked (`check_sentence`) as soon as the next one begins; only checked sentences
    are streamed, so a false claim is never on screen, not even for a moment.
    """
    text, shown = "", 0
    try:
        for delta in stream_llm_answer(turn.question, turn.hits, language=turn.lang, settings=turn.settings):
            text += delta
            checked, problem = _checked_prefix(text, shown, turn.hits)
            if problem:
                break
            if checked > shown:
                shown = checked
                partial = text[:shown]
                yield Answer(question=turn.question, text=partial, mode="llm", timings=dict(turn.timings))
        else:
            problem = None if refuses(text) else check_generated(text, turn.hits)
    except LLMUnavailable as exc:
        problem = str(exc)
    if problem is None and refuses(text):
        return _refusal(turn).model_copy(update={"mode": "llm"})
    if problem is None:
        return Answer(
            question=turn.question,
            text=text.strip(),
            citations=_claim_citations(turn, text),
            mode="llm",
            timings=turn.timings,
        )
    log.warning("LLM answer rejected: %s", problem)
    return _extractive(turn).model_copy(update={"mode": "extractive-fallback", "note": problem})


def _checked_prefix(text: str, shown: int, hits: list[Hit]) -> tuple[int, str | None]:
    """How much of the streamed `text` is complete, checked sentences (past `shown`), or the problem."""
    spans = [(s, e) for s, e in claim_spans(text)[:-1] if e > shown]
    for start, end in spans:
        sentence = text[start:end]
        if not refuses(sentence):
            problem = check_sentence(sentence, hits)
            if problem:
                return shown, problem
    return (spans[-1][1] if spans else shown), None


def _claim_citations(turn: _Turn, text: str) -> list[Citation]:
    """Cite each passage the answer names by its sentence closest to the claims that cite it."""
    claims: dict[int, list[str]] = {}
    for start, end in claim_spans(text):
        for n in cited_numbers(text[start:end]):
            claims.setdefault(n, []).append(text[start:end])
    return [turn.best_citation(n, turn.hits[n - 1], " ".join(claims[n])) for n in sorted(claims)]


def answer(
    question: str,
    history: History | None = None,
    *,
    k: int | None = None,
    sources: Sequence[str] | str | None = None,
    since: str | None = None,
    until: str | None = None,
    paths: Sequence[str] | str | None = None,
    use_llm: bool | None = None,
    settings: Settings | None = None,
) -> Answer:
    """Answer `question` from the archive; the arguments are `stream_answer`'s.

    Returns:
        The complete answer: text with `[n]` markers, citations, `refused`, `mode`, `timings`.

    Raises:
        BadRequest: the question, `k` or a date cannot be used.
        StoreUnavailable: the index cannot be read.
    """
    *_, final = stream_answer(
        question,
        history,
        k=k,
        sources=sources,
        since=since,
        until=until,
        paths=paths,
        use_llm=use_llm,
        settings=settings,
    )
    return final
