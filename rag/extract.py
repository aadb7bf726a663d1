"""The extractive answerer (the offline default): choose the few sentences that answer the question.

Sentences of the top passages are scored by how much of the question they contain (terms weighted by
rarity, plus character bigrams for Chinese paraphrase), by cues matching the question's intent
(causes for why-questions, numbers for how-much, dates for when, names for who/which, places for
where, plans and prospects for what-next) and by their passage's rank. Quotes are exact substrings of
the passages; a sentence longer than the budget is cut to its best-matching run of clauses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import lru_cache
from itertools import pairwise

from rag.aliases import opening_names
from rag.bilingual import (
    matched_share,
    mentions,
    occurrences,
    presence,
    sense_shares,
    translations,
    weighted_terms,
)
from rag.closeness import QUOTING
from rag.guard import asks_about, instruction_spans
from rag.intents import (
    ANSWER_TYPES,
    CONSEQUENCE,
    FRAMES,
    INTENTS,
    acted_by,
    acted_on,
    asked_words,
    question_intents,
    stated_words,
)
from rag.lexicon import phrases
from rag.owners import asks_owner, owners
from rag.periods import only_others, periods, quarter_named
from rag.places import latin_names_unplaced, placed_elsewhere, placed_there
from rag.qualifiers import names_measure
from rag.refusal import untranslated_names
from rag.short import (
    agents,
    anothers,
    answer_span,
    fact_for_estimate,
    figures,
    measured,
    measured_weights,
    objects,
    of_things_asked,
    of_what_asked,
    said_changed,
    states,
    states_figure,
    wanted,
    whole_name,
)
from rag.subject import asked_names, headline_opening, in_names
from rag.text import CLAUSE_END, bigrams, fold, language, normalize, quotable_spans, simplified, unbroken
from rag.types import Chunk, Declared, Hit, Quote

INTENT_WEIGHT = 0.4
# How far from a word of the question besides its names a date may stand to date what it asks about.
DATE_REACH = 80
# A figure or a date a plan or a forecast gives is less of an answer to a question about what is: a
# sentence with a plan's cue counts this share of its answer's cues, unless the question looks ahead too
# ("盒马有多少家门店？": around 420 stores before the nearly 100 it "plans to open"; "How many will it
# open?" takes either). Still an answer where it shares more of the question
# (视频号对新商家收多少技术服务费？: the fee it "plans to cut … to 1%"); a reason or a purpose is no figure
# ("aims to").
PLANNED = 0.8
_PLANNED = re.compile(
    r"计划|拟|有望|预计|预期|打算|目标|"
    r"\b(?:plan(?:s|ned)?|expect(?:s|ed)?|intend(?:s|ed)?|aim(?:s|ed)?|hope(?:s|d)?|set|going) to\b|"
    r"\b(?:forecasts?|projected|targets?|expects?)\b|\bnext (?:year|quarter)\b|明年|下季度|下一季度",
    re.I,
)
# A figure compared with what was expected or forecast (低于市场预期, 好于预期, "beating analysts'
# forecasts"): the comparison is no plan.
_COMPARED = re.compile(
    r"(?:[高低好差]于|超出?|不及|符合)(?:市场|分析师)?+预期|"
    r"\b(?:beat(?:s|ing)?|above|below|miss(?:ed|es|ing)?|topp(?:ed|ing)|exceed(?:s|ed|ing)?|than|"
    r"in line with|short of)\s++(?:(?:analysts?['’]?|market|consensus)\s++)?+"
    r"(?:expectations?|forecasts?|estimates?|projected)\b",
    re.I,
)
# The cues of the answers a plan gives: a figure and a date (a name or a place it only mentions: "the
# break-even target founder William Li has promised").
_FIGURES_AND_DATES = (INTENTS["number"][1], INTENTS["when"][1])
# A question looking ahead: its figure may be a plan's.
_AHEAD = re.compile(r"将|明年|未来|今后|指引|展望|\b(?:will|next|future|goals?|guidance|outlook)\b", re.I)
PARAPHRASE_WEIGHT = 0.5
# What a sentence reporting only another period than the question's shares of it counts for.
OTHER_PERIOD_SHARE = 0.5
RANK_WEIGHT = 0.3
ADJACENT_WEIGHT = 0.3
# Quotes come from the best four passages; the refusal gate judges five (`rag.refusal.JUDGED_PASSAGES`):
# a fifth passage can show the question is covered without being worth quoting.
QUOTED_PASSAGES = 4
MAX_SENTENCES = 5
# A sentence cut to fit what is left of the budget must keep this many characters ("Kuaishou's" is no quote).
MIN_CUT_CHARS = 20
MAX_QUOTES = 3
# English says in 250 characters what Chinese says in 200: the budget stretches for English passages.
LATIN_BUDGET = 1.25
# A sentence from a second article must score this share of the best sentence's score to be quoted.
OTHER_ARTICLE_SHARE = 0.6
# A further sentence of a quoted article, running on from a chosen one or not: the share of the best
# sentence's score it must reach (a run-on also ranks higher by `ADJACENT_WEIGHT`). CMRC at 0.6 / 0.65 /
# 0.7: answer hit 0.864 / 0.859 / 0.853, quoted characters 126 / 117 / 106 (with run-ons free, as
# before: 0.873 at 142); see benchmarks/quality.py for XQuAD and the bundled archive.
SUPPORT_SHARE = 0.65
# A sentence giving the figure asked for leads before a better one giving none, at this share of its score
# at least: TAL's revenue of $861.4 million, not the 39% its lead says revenue grew.
FIGURE_SHARE = 0.8


class _Scorer:
    """Scores a span of text against one question."""

    def __init__(
        self, question: str, idf: Callable[[str], float], context: str = "", declared: Declared | None = None
    ) -> None:
        intents = question_intents(question)
        self.asking, self.idf = question, idf
        self.weights = measured_weights(question, weighted_terms(question, idf), intents)
        self.other_phrases = _other_phrases(question, self.weights)
        # Which translation of each word the passages use (`sense_shares`): "close" is 关停 there; not in
        # another word's phrase (营收's "revenues" once is no rarer sense for "income" in "net income").
        folded = self._unphrased(unbroken(context))
        self.shares = {t: found for t in self.weights if folded and (found := sense_shares(t, folded))}
        # Character pairs catch Chinese paraphrase; in an English question they would only count
        # its Chinese names a second time.
        self.bigrams = bigrams(question) if language(question) == "zh" else set()
        self.cues = [(*INTENTS[name][1:], name in ANSWER_TYPES) for name in intents if name not in FRAMES]
        self.frames = [INTENTS[name][1] for name in intents if name in FRAMES]
        self.why = "why" in intents
        self.measured = measured(question) if "number" in intents else None
        self.asked = asked_words(question, self.weights)
        self.wanted = wanted(question)
        # A sum's figures of a part of the company answer only a question asking for one (see `_strong`),
        # and a count's only of the things it counts.
        kind = self.wanted.kind
        self.of_what = (
            of_things_asked(question)
            if kind == "count"
            else of_what_asked(question, kind if self.wanted.sum or kind == "change" else "")
        )
        self.owner = asks_owner(question)
        self.acted_on = acted_on(question)
        self.acted_by = acted_by(question)
        self.question = fold(question)
        self.declared = declared or Declared()
        self.named = asked_names(question, self.declared)
        # What a headline may name for every sentence of its article: the names above, else those the
        # question writes in Latin letters ("KE Holdings' quarterly profit falls" is about KE Holdings
        # throughout). Not beside them: a place (Brazil) or a measure (GMV) a headline names is no subject.
        # A name of several capitalised words as a whole too ("JD Logistics", of a headline on 京东物流).
        runs = [name for name in opening_names(question) if " " in name and name.isascii()]
        self.titled = tuple(dict.fromkeys((*(self.named or latin_names_unplaced(question)), *runs)))
        # The quarter or half-year asked about: a sentence reporting only another's figure gives no
        # answer ("美团新业务一季度亏损多少？": not the third quarter's loss). Not a year: one is as often
        # part of a name ("the Scotland Act of 1978", "the 2010 drought"; XQuAD hits 0.835 -> 0.833).
        self.periods = {p for p in periods(question) if not p.startswith("y")}
        # The question's words naming a quarter or half-year: a text naming it otherwise says them ("the
        # three months ended Sept. 30" is the third quarter of 看准科技第三季度营收是多少？).
        self.period_words = {w: said for w in self.weights if (said := periods(w) & self.periods)}
        # Besides them, a name no dictionary translates (Jacksonville): a passage naming only it, in
        # either script, is another on the same thing, no answer.
        # So are the other words of a name written in capitals with one of them ("Mining" of "Zijin Mining").
        aside = {*self.named, *untranslated_names(question)}
        aside |= {word for run in runs if aside & set(run.split()) for word in run.split()}
        self.besides = {t: w for t, w in self.weights.items() if not in_names(t, aside)}
        self.ahead = bool(_PLANNED.search(question) or _AHEAD.search(question))

    def __call__(self, text: str, topic: str = "") -> float:
        # A sentence reporting only another quarter or half-year than the one asked about answers less,
        # however much of the question it shares: "third-quarter revenue rose 9.9% …, in line with its own
        # guidance" is no answer to 中芯国际第四季度营收指引是多少？.
        other = bool(self.periods) and only_others(self.periods, _periods_of(text))
        share = OTHER_PERIOD_SHARE if other else 1.0
        return share * self.shared(text, topic) + INTENT_WEIGHT * self.intent(text)

    def shared(self, text: str, topic: str = "") -> float:
        """How much of the question's wording `text` holds, from 0 to 1.

        Its words (or their translations), and its Chinese character pairs. A `topic` (the article's
        title) is said with every sentence of the article: "本鱼…以小鱼为食" is about the 蓝线裸顶鲷 of
        its title as much as the sentence that names it.
        """
        lexical = self._matched(self.weights, text, topic)
        text = f"{topic}\n{text}" if topic else text
        paraphrase = len(self.bigrams & bigrams(text)) / len(self.bigrams) if self.bigrams else 0.0
        weight = PARAPHRASE_WEIGHT if self.bigrams else 0.0
        return (1 - weight) * lexical + weight * paraphrase

    def names_more(self, text: str) -> bool:
        """Whether `text` has a word of the question besides what it names (or the question has none).

        小红书's card launching in September says nothing of when 小红书 got its payment licence.
        """
        return not self.besides or self._matched(self.besides, text) > 0

    def dates_more(self, text: str) -> bool:
        """Whether a date of `text` stands near a word of the question besides what it names (`DATE_REACH`).

        One far from them dates something else: "Zhihu's founder … said … that Zhida's daily active users
        had grown threefold since January" says nothing of when Zhihu was founded. A word matched only
        by its meaning (`names_more`: 成立 for "founded") has no place to measure from: any date counts.
        """
        if not self.names_more(text):
            return False
        folded = fold(text)
        dates = [m.start() for cue in INTENTS["when"][1:] for m in cue.finditer(folded)]
        words = [at for term in self.besides for at in occurrences(term, folded)] if dates else []
        return not words or any(abs(date - at) <= DATE_REACH for date in dates for at in words)

    def _matched(self, weights: dict[str, float], text: str, topic: str = "") -> float:
        """The weighted share of `weights`' words `text` (said after `topic`) holds, asked words as stated.

        Not in a phrase the lexicon gives for another word (`_other_phrases`): 营收 is "income", but the
        "net income" of a sentence is 净利润, a profit.
        """
        given = stated_words(self.asked, text)
        if self.period_words:
            named = _periods_of(text)
            given |= {w for w, said in self.period_words.items() if said <= named}
        said = self._unphrased(f"{topic}\n{text}" if topic else text)
        return matched_share(weights, unbroken(said), self.shares, given, QUOTING) or 0.0

    def _unphrased(self, text: str) -> str:
        """`text` with the phrases of other words than the question's blanked out (see `_other_phrases`)."""
        if not self.other_phrases:
            return text
        return self.other_phrases.sub(lambda m: " " * len(m.group()), text)

    def intent(self, text: str) -> float:
        """How far `text` has the cues of the answer the question asks for (a date for when), 0 to 1.

        Read in simplified characters, as the cues are written (由於, 億: 由于, 亿). None where it reports
        another quarter or half-year than the one asked about; no date where it shares only names.
        """
        if self.periods and only_others(self.periods, periods(text)):
            return 0.0
        said = simplified(text)
        planned = PLANNED if self._planned(said) else 1.0
        found = 0.0
        for strong, weak, answers in self.cues:
            # A date in a sentence sharing nothing with the question but its names dates something else:
            # 拼多多的保证金什么时候开始下调？ is not answered by the Tuesday PDD reported its quarter on.
            if strong is INTENTS["when"][1] and not self.dates_more(said):
                continue
            # So does a place: 零跑总部在哪里？ is not answered by where its joint venture sells cars.
            if strong is INTENTS["where"][1] and not self.names_more(said):
                continue
            cue = 1.0 if self._strong(strong, answers, said) else 0.5 if weak.search(said) else 0.0
            found += cue * (planned if strong in _FIGURES_AND_DATES else 1.0)
        # A sentence reporting what was said counts half: most news sentences report something.
        found += sum(0.5 for frame in self.frames if frame.search(said))
        asked = len(self.cues) + len(self.frames)
        return found / asked if asked else 0.0

    def _planned(self, said: str) -> bool:
        """Whether `said` gives its figures as a plan or a forecast, to a question about what is.

        What a figure is compared with is no plan: "营收为1083亿元，…低于市场预期的1102亿元" reports the
        quarter's revenue ("beating analysts' forecasts" likewise).
        """
        return not self.ahead and _PLANNED.search(_COMPARED.sub(" ", said)) is not None

    def holds(self, text: str) -> bool:
        """Whether `text` has the strong cue of an answer the question asks for (a figure, a reason).

        A weak cue is no answer on its own: a user saying something (表示) is no reason for a closure.
        """
        said = simplified(text)
        return any(self._strong(strong, answers, said) for strong, _, answers in self.cues)

    def states(self, text: str) -> bool:
        """Whether `text` has the strong cue of an intent answered by a statement (a reason, a plan).

        Never where the question asks for a figure, date, place or name: "拼多多的计划会让营业利润减少多少？"
        wants the sentence with the sum, not the one saying what the plan is.
        """
        return not any(answers for *_, answers in self.cues) and self.holds(text)

    def gives_figure(self, text: str) -> bool:
        """Whether `text` names what a how-much question measures and gives a figure of the kind asked.

        "What was TAL's second-quarter revenue?" is answered by "Net revenues rose to $861.4 million in the
        three months ended Aug. 31", not by the lead's "a 39% jump in second-quarter revenue": no sum. A
        figure of what the question does not name (快手股价下跌了多少？: its GMV, "up from …") is none, nor
        one of another measure beside it (the lead's net profit "as a rush … boosted turbine sales").
        """
        named = self.measured and (presence(self.measured, fold(text)) or names_measure(self.question, text))
        return bool(named and self.holds(text)) and answer_span(self.asking, text, self.idf) is not None

    def _strong(self, cue: re.Pattern[str], answers: bool, text: str) -> bool:
        """Whether `text` has the intent's strong cue.

        A name, place or figure the question itself states ("the Kuaishou Official Store" asked about)
        is no answer to it, nor is a figure of the wrong kind (an amount for how long). Who a thing acts
        on is what the question's verb acts on, a group as often as a name ("designed to attract
        price-sensitive consumers"): any other name is no answer.
        """
        if not answers:
            return cue.search(text) is not None
        if cue is INTENTS["who"][1] and self.owner:
            return bool(owners(text))
        if cue is INTENTS["who"][1] and self.acted_on:
            return bool(objects(self.acted_on, text))
        if cue is INTENTS["who"][1] and self.acted_by:
            return bool(agents(self.acted_by, text))
        if cue is INTENTS["number"][1]:
            # An estimate asked for is a figure said as one ("analysts' average estimate of 18.1 billion
            # yuan"), not the figure reported beside "beating analyst estimates".
            # Nor is a part's sum the company's ("Revenue from these new brands reached 597 million yuan").
            found = [
                (s, e)
                for s, e in figures(self.wanted, text)
                if not states_figure(self.question, text[s:e])
                and not fact_for_estimate(self.question, text, s)
                and self.of_what(text, s)
            ]
            # A rate that changes is said as a change: a share ("makes up 20%") is only a weak cue of it.
            return any(said_changed(text, *span) for span in found) if self.wanted.changing else bool(found)
        if cue is INTENTS["who"][1]:
            spans = [whole_name(text, *m.span()) for m in cue.finditer(text)]
        else:
            spans = [m.span("place") if m.groupdict().get("place") else m.span() for m in cue.finditer(text)]
        return any(not states(self.question, text[s:e]) for s, e in spans)


_MARKER_AT_END = re.compile(r"\[\d{1,3}\]")
# What joins two parts of one word ("e-commerce", "Kuaishou's"): a quote never ends at it.
_JOINERS = "-'’"


def _trim_markers(text: str, start: int, end: int) -> int:
    """End of the span without the article's own trailing reference markers ("… [2][3].").

    Read backwards from the end, so the cost is the length of the markers, whatever the text.
    """
    cut = stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop > start and text[stop - 1] in ".。":
        stop -= 1
    while stop > start:
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        opening = text.rfind("[", max(start, stop - 5), stop)
        if opening < 0 or not _MARKER_AT_END.fullmatch(text, opening, stop):
            break
        stop = cut = opening
    while start < cut < end and text[cut - 1].isspace():
        cut -= 1
    return cut if cut > start else end


def _fit(
    text: str, start: int, end: int, budget: int, score: _Scorer, topic: str = ""
) -> tuple[int, int, bool]:
    """Cut an over-long sentence to its best run of clauses that fits `budget` characters.

    Each run is judged said after `topic` (what its article is about, see `_topic`): the clause naming
    NIO does not outweigh the one saying the break-even target "for the fourth quarter" in an article
    headlined for 蔚来. A run stating what the question asks for (a reason) comes first. Also says whether
    the span ends where a clause does (False: cut inside its last clause).
    """
    if end - start <= budget:
        return start, end, True
    # Each clause's start, and where the mark before it begins.
    marks = {start + m.end(): start + m.start() for m in CLAUSE_END.finditer(text[start:end])}
    cuts = sorted({start, *(c for c in marks if c < end)}) + [end]
    best, best_score = (start, start + budget), (False, -1.0)
    for i in range(len(cuts) - 1):
        j = i + 1
        while j + 1 < len(cuts) and cuts[j + 1] - cuts[i] <= budget:
            j += 1
        s, e = cuts[i], min(cuts[j], cuts[i] + budget)
        # A run stating what a why-question asks for (its reason) first: the reason is the answer. It is
        # judged with the mark before it, which may say so (", as it shut hundreds of stores").
        value = (score.states(text[marks.get(s, s) : e]), score(text[s:e], topic))
        if value > best_score:
            best, best_score = (s, e), value
    s, e = best
    whole = e in cuts
    e = _word_end(text, s, e)
    while e > s and text[e - 1] in "，,；;：:、 ":
        e -= 1
    return s, e, whole


def _word_end(text: str, start: int, end: int) -> int:
    """`end`, moved back so the span does not stop inside a Latin word or a number ("up from 2…").

    A hyphen or an apostrophe between letters is inside the word ("e-commerce", "Kuaishou's").
    """

    def alnum(i: int) -> bool:
        return 0 <= i < len(text) and text[i].isascii() and text[i].isalnum()

    def inside(i: int) -> bool:
        if i >= len(text) or i <= start:
            return False
        left, right = text[i - 1], text[i]
        word = alnum(i - 1) and alnum(i)
        after_joint = left in _JOINERS and alnum(i - 2) and alnum(i)
        before_joint = right in _JOINERS and alnum(i - 1) and alnum(i + 1)
        number = left in ".,%" and right.isdigit() or left.isdigit() and right in ".,%"
        return word or after_joint or before_joint or number

    cut = end
    while inside(cut):
        cut -= 1
    return cut if cut > start else end


def select_quotes(
    question: str,
    hits: list[Hit],
    idf: Callable[[str], float],
    budget: int,
    prefer: Collection[str] = (),
    declared: Declared | None = None,
) -> list[Quote]:
    """Choose sentences from the top passages, best first, within `budget` characters.

    What the question names includes the names articles `declared` (see `rag.aliases`), which their
    articles are about in every sentence.

    Sentences of the articles in `prefer` (a follow-up's conversation is about them) count in full,
    others at `OTHER_ARTICLE_SHARE` of their score, when one of those articles is among the passages.

    The budget stretches by `LATIN_BUDGET` when the best sentence is English (it needs more characters).
    Up to `MAX_SENTENCES` sentences; a sentence right after one already chosen gets a bonus (answers often
    run on into the next sentence), and touching sentences are quoted as one span, so an answer holds
    at most `MAX_QUOTES` quotes.
    """
    score = _Scorer(question, idf, " ".join(h.chunk.text for h in hits[:QUOTED_PASSAGES]), declared)
    candidates, unrelated, lead = _candidates(question, hits[:QUOTED_PASSAGES], score, prefer)
    chosen: list[Quote] = []
    used = 0
    related = [q for q in candidates if _place(q) not in unrelated]
    leading = max(related, key=lambda q: q.score, default=None)
    if leading and language(leading.hit.chunk.text) == "en":
        budget = int(budget * LATIN_BUDGET)
    # What a why- or what-next question asks for is a statement: the best article's best related sentence
    # stating one leads, before one sharing more words ("Why did Futu's profit rise?": "net income jumped
    # 96% … as a rally in Hong Kong stocks …", not "Futu's U.S.-listed shares rose 4.1%"), if nearly as
    # good; and one giving the figure a how-much question asks for, if as good but for `FIGURE_SHARE`.
    best = max(candidates, key=lambda q: lead.get(_place(q), q.score), default=None)
    top = lead.get(_place(best), best.score) if best else 0.0
    stating = [
        q
        for q in related
        if best
        and q.hit.chunk.doc_id == best.hit.chunk.doc_id
        and (
            q.score >= SUPPORT_SHARE * top
            and score.states(q.hit.chunk.text[q.start : q.end])
            or lead.get(_place(q), q.score) >= FIGURE_SHARE * top
            and score.gives_figure(q.hit.chunk.text[q.start : q.end])
        )
    ]
    while candidates and len(chosen) < MAX_SENTENCES and budget - used >= 12:
        quote = max(
            candidates if chosen else [q for q in stating if q in candidates] or candidates,
            key=lambda q: (
                q.score + ADJACENT_WEIGHT * any(_runs_on(c, q) for c in chosen)
                if chosen
                else lead.get(_place(q), q.score)
            ),
        )
        candidates.remove(quote)
        # A sentence sharing nothing with the question is evidence only as the run-on of a chosen one:
        # after it, not before (a heading or a lead-in is no run-on).
        runs_on = any(_runs_on(c, quote) for c in chosen)
        if _place(quote) in unrelated and not runs_on:
            continue
        if chosen and not _supports(quote, chosen, score, runs_on):
            continue
        text = quote.hit.chunk.text
        stop = _trim_markers(text, quote.start, quote.end)
        # Blanks between touching sentences are quoted too once they are joined: they are fitted with it.
        blanks = _blanks(chosen, quote)
        start, end, whole = _fit(
            text, quote.start, stop, budget - used - blanks, score, _topic(quote.hit.chunk, score)
        )
        fitted = Quote(quote.hit, quote.rank, start, end, quote.score)
        joint = _blanks(chosen, fitted)
        # Only the best sentence may be cut inside a clause: the rest support it, and a torn-off
        # fragment ("The focus for Kuaishou's e-") supports nothing.
        # A supporting sentence cut to fit must keep half its words in common with the question at least
        # ("up from 2,880.725 billion yuan in the same period last year" is left of one on Kuaishou's GMV),
        # and one besides what it names: "BEIJING, Oct 29 (Reuters) - XCMG Construction Machinery", its
        # dateline and its name, says nothing.
        cut = (start, end) != (quote.start, stop)
        kept = not cut or (
            _kept(score, text, (quote.start, stop), (start, end)) >= 0.5 and score.names_more(text[start:end])
        )
        if (
            (chosen and (not whole or not kept))
            or end - start < min(MIN_CUT_CHARS, stop - quote.start)
            or _overlaps(chosen, quote.hit, start, end)
            or used + end - start + joint > budget
        ):
            continue
        chosen.append(fitted)
        used += end - start + joint
    return _stated_first(_joined(chosen), score)[:MAX_QUOTES]


def _stated_first(quotes: list[Quote], score: _Scorer) -> list[Quote]:
    """The quotes, the best one that states a reason first when the question asks why.

    关停的理由是… leads before a quote matching more of the question's words; likewise a plan for a
    what-next question.
    """
    stating = [q for q in quotes if score.states(q.hit.chunk.text[q.start : q.end])]
    return [stating[0], *(q for q in quotes if q is not stating[0])] if stating else quotes


def _other_phrases(question: str, weights: dict[str, float]) -> re.Pattern[str] | None:
    """The lexicon's English phrases holding a translation of a word of `question`, of a word it lacks.

    "net income" (净利润) for 营收是多少？ ("income"); not "membership card" (会员卡) for 会员, which it has.
    """
    words = [w for w in weights if not w.isascii()]
    found = [
        phrase
        for zh, phrase in phrases()
        if zh not in question
        and not any(w in zh for w in words)
        and any(part in translations(w) for w in words for part in phrase.split())
    ]
    return re.compile("|".join(rf"\b{re.escape(p)}\b" for p in found), re.I) if found else None


# Where a candidate stands: (chunk id, start, end); a sentence and its run-on into the next start alike.
_Place = tuple[str, int, int]


def _place(quote: Quote) -> _Place:
    return quote.hit.chunk.chunk_id, quote.start, quote.end


def _candidates(
    question: str, hits: list[Hit], score: _Scorer, prefer: Collection[str]
) -> tuple[list[Quote], set[_Place], dict[_Place, float]]:
    """Every sentence of `hits` once, scored (see `select_quotes`), the unrelated ones, and lead scores.

    Unrelated sentences share nothing with the question, named by their `_place`. Sentences
    addressing a language model are left out unless the question is about them. A lead score is a
    sentence's score with the name of its article's headline (see `_named_in_title`), where higher.
    """
    discount = any(h.chunk.doc_id in prefer for h in hits)
    candidates: list[Quote] = []
    unrelated: set[_Place] = set()
    lead: dict[_Place, float] = {}
    seen: set[str] = set()
    # A passage stands by its article's rank, and half of that by its own among the article's passages:
    # "10月出口3580辆" of the first is no better answer to 10月交付了多少辆 than "10月共交付新车42013辆" of
    # the second.
    articles = list(dict.fromkeys(h.chunk.doc_id for h in hits))
    within: dict[str, int] = {}
    for rank, hit in enumerate(hits):
        doc = hit.chunk.doc_id
        within[doc] = within.get(doc, -1) + 1
        bonus = RANK_WEIGHT / (1 + articles.index(doc)) * (1 + 1 / (1 + within[doc])) / 2
        text = hit.chunk.text
        subject = _subject(hit.chunk)
        # A headline names what its article is about: the name the question names too is said with each
        # sentence sharing more of the question, in choosing the one that leads.
        named = "" if subject else _named_in_title(hit.chunk, score)
        hidden = {
            span for span in instruction_spans(text) if not asks_about(question, text[span[0] : span[1]])
        }
        # The headline repeated as the text's first line is a heading, not a sentence to quote: the
        # citation names the title already.
        seen.add(normalize(hit.chunk.title))
        for start, end in _with_reasons(text, quotable_spans(text)) if score.why else quotable_spans(text):
            key = normalize(text[start:end])
            # A sentence read with the next one (`_with_reasons`) is left out with either.
            if key in seen or any(s < end and start < e for s, e in hidden):
                continue
            seen.add(key)
            # A sentence is scored with the quarter it speaks of unnamed named ("in the quarter").
            said = quarter_named(text[start:end], hit.chunk.title)
            alone = score(said)
            relevance = score(said, subject) if subject else alone
            # A sentence giving another's figure of what the question measures ("Macau's gross gaming
            # revenue" in Galaxy's article, for "How much did Galaxy's revenue grow?") is not about the
            # headline's name, and counts at `OTHER_ARTICLE_SHARE`.
            owned = anothers(question, [text[start:end]])
            leading = score(said, named) if named and not owned and score.shared(said) > 0 else 0.0
            share = OTHER_ARTICLE_SHARE if owned or discount and hit.chunk.doc_id not in prefer else 1.0
            candidate = Quote(hit, rank, start, end, share * relevance + bonus)
            candidates.append(candidate)
            if leading > relevance:
                lead[_place(candidate)] = share * leading + bonus
            # Unrelated: nothing in common with the question but the article's subject.
            if alone <= 0:
                unrelated.add(_place(candidate))
    return _placed(question, candidates), unrelated, lead


def _placed(question: str, candidates: list[Quote]) -> list[Quote]:
    """The `candidates`, less those giving another place's figure where one gives the place asked of.

    "How many parcels did J&T handle in China?" is answered by its volume "In China", not by its larger
    one in Southeast Asia. Where none gives the place's own, they stay: the quotes chosen from them are
    judged whole (see `rag.answer`), and the question may be refused.
    """
    if not any(placed_there(question, q.text) for q in candidates):
        return candidates
    return [q for q in candidates if not placed_elsewhere(question, q.text, q.hit.chunk.text)]


def _with_reasons(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans`, and each sentence run on into the next where that one opens on its consequence.

    "…被美国国防部列入'中国军事企业'清单…。因此，本次发行未向美国投资者公开发售。": why the offering was not
    sold to US investors is the sentence before the one saying so; read together, they answer it.
    """
    pairs = [
        (start, after_end)
        for (start, end), (after, after_end) in pairwise(spans)
        if not text[end:after].strip() and CONSEQUENCE.match(text, after, after_end)
    ]
    return spans + pairs


# What a headline has and a title naming its subject does not ("蓝线裸顶鲷", "Super Bowl 50").
_HEADLINE = re.compile(r"[,，。!！?？:：;；「」『』“”\"|]")
SUBJECT_CHARS = 30


def _subject(chunk: Chunk) -> str:
    """The article's subject, when its title names one rather than making a claim (a headline).

    A dated article is news: its title is a headline, however short ("蜜雪冰城上调部分饮品价格").
    """
    title = chunk.title
    return title if not chunk.date and len(title) <= SUBJECT_CHARS and not _HEADLINE.search(title) else ""


def _topic(chunk: Chunk, score: _Scorer) -> str:
    """What every sentence of `chunk`'s article is about: its subject, else the names its headline shares."""
    return _subject(chunk) or _named_in_title(chunk, score)


def _named_in_title(chunk: Chunk, score: _Scorer) -> str:
    """What the question names that a headline names too: the article is about it in every sentence.

    With the question's words the headline's opening name holds beside it: "Tongcheng Travel's quarterly
    profit …" is about 同程旅行 throughout, where the question's name is 同程.
    """
    title = unbroken(fold(score.declared.headline(chunk)))
    named = [name for name in score.titled if mentions(name, title)]
    opening = headline_opening(chunk.title)
    if any(mentions(name, opening) for name in named):
        named += [word for word in score.weights if word not in named and mentions(word, opening)]
    return " ".join(named)


def _kept(score: _Scorer, text: str, sentence: tuple[int, int], part: tuple[int, int]) -> float:
    """The share of a sentence's wording in common with the question that a part of it keeps."""
    whole = score.shared(text[sentence[0] : sentence[1]])
    return score.shared(text[part[0] : part[1]]) / whole if whole > 0 else 0.0


def _supports(quote: Quote, chosen: list[Quote], score: _Scorer, runs_on: bool) -> bool:
    """Whether a quote joins the answer begun by `chosen`.

    Running on from a chosen quote, it must score `SUPPORT_SHARE` of the best quote's score; from
    elsewhere in a chosen article, likewise, and say something of the question besides what it names or
    hold the kind of answer asked for (users' complaints about 小红卡 say nothing of what it is meant to
    be; "交了600元" says what merchants paid); from another article, `OTHER_ARTICLE_SHARE`, and share as
    much of the question's wording, and some at least besides what it names (a figure alone is no answer
    to it, nor another article on the same company), and for a reason name what the question does, itself
    or by its headline, where the first does (快手's reason for its growth is none for Youdao's; a place's
    county may be said of "it", XQuAD lost two answers). Each judged by what it surely says (`_said`).
    """
    text = _said(quote)
    if runs_on or any(c.hit.chunk.doc_id == quote.hit.chunk.doc_id for c in chosen):
        return quote.score >= SUPPORT_SHARE * chosen[0].score and (
            runs_on or score.names_more(text) or score.holds(text)
        )
    first = chosen[0]
    first_text = first.hit.chunk.text[first.start : first.end]
    shared = score.shared(text)
    # One giving the figure asked for where the first gives none is quoted if as good but for
    # `FIGURE_SHARE`, whatever share of the wording it holds: 同花顺前三季度净利润增长85% says no profit,
    # the English sentence of an article headlined 同花顺前三季度净利润大增 does, naming "Hithink RoyalFlush".
    figure = score.gives_figure(text) and not score.gives_figure(first_text)
    return (
        quote.score >= OTHER_ARTICLE_SHARE * (FIGURE_SHARE if figure else 1.0) * first.score
        and shared > 0
        and (figure or shared >= OTHER_ARTICLE_SHARE * score.shared(first_text))
        and score.names_more(text)
        and (not score.why or _names_asked(score, quote) or not _names_asked(score, first))
    )


def _names_asked(score: _Scorer, quote: Quote) -> bool:
    """Whether `quote` or its headline names one of the names the question does (`_Scorer.titled`)."""
    said = unbroken(fold(_said(quote)))
    return bool(_named_in_title(quote.hit.chunk, score)) or any(mentions(name, said) for name in score.titled)


@lru_cache(maxsize=4096)
def _periods_of(text: str) -> frozenset[str]:
    """`periods` of a sentence, cached: it is scored for each of a question's words."""
    return frozenset(periods(text))


# An ellipsis ending a passage: where a search-results page cut the article short.
_TRUNCATED = re.compile(r"(?:\.{3}|…)\s*+\Z")


def _said(quote: Quote) -> str:
    """The text of `quote`, but only its whole clauses where it ends its passage on an ellipsis.

    The clause a scraped snippet was cut in may be torn mid-word: "…没有任何提醒,也没有使用截止 ..." says
    nothing sure of why 小红卡 closed (截止 is "to close", and a deadline).
    """
    text = quote.hit.chunk.text
    said = text[quote.start : quote.end]
    if text[quote.end :].strip() or not _TRUNCATED.search(said):
        return said
    ends = [m.start() for m in CLAUSE_END.finditer(said)]
    return said[: ends[-1]] if ends else ""


def _runs_on(chosen: Quote, quote: Quote) -> bool:
    """Whether `quote` comes right after `chosen`, in the same passage."""
    return _gap(chosen, quote) is not None and chosen.start < quote.start


def _blanks(chosen: list[Quote], quote: Quote) -> int:
    """The blanks between `quote` and the chosen quotes it touches, quoted with it once they are joined."""
    return sum(g for c in chosen if (g := _gap(c, quote)) is not None)


def _gap(a: Quote, b: Quote) -> int | None:
    """The number of blanks between two quotes of the same passage, or None unless only blanks part them."""
    if a.hit.chunk.chunk_id != b.hit.chunk.chunk_id:
        return None
    first, second = (a, b) if a.start <= b.start else (b, a)
    between = a.hit.chunk.text[first.end : second.start]
    return len(between) if first.end <= second.start and not between.strip() else None


def _joined(chosen: list[Quote]) -> list[Quote]:
    """Touching quotes become one span, in the place of the best of them.

    A quote may touch two already kept, one on either side: the three become one.
    """
    joined: list[Quote] = []
    for quote in chosen:
        touching = [i for i, kept in enumerate(joined) if _gap(kept, quote) is not None]
        if not touching:
            joined.append(quote)
            continue
        parts = [*(joined[i] for i in touching), quote]
        first = parts[0]
        joined[touching[0]] = Quote(
            first.hit, first.rank, min(p.start for p in parts), max(p.end for p in parts), first.score
        )
        for i in reversed(touching[1:]):
            del joined[i]
    return joined


def _overlaps(chosen: list[Quote], hit: Hit, start: int, end: int) -> bool:
    doc_start, doc_end = hit.chunk.start + start, hit.chunk.start + end
    return any(
        q.hit.chunk.doc_id == hit.chunk.doc_id
        and q.hit.chunk.start + q.start < doc_end
        and doc_start < q.hit.chunk.start + q.end
        for q in chosen
    )
