"""Follow-up questions: what the conversation lends a question that leans on it.

A question leans on the conversation when it points back ("它为什么关停？", "How much could it save?",
"那家公司…", "the first source"), trails off ("英文名呢？", "And the net margin?"), or names nothing
of its own ("年费是多少？"). It then borrows the conversation's subject: the names of the question
that set it (each as fully as that answer's first title repeats it: 百老汇剧院), which replace a
personal pronoun word for word ("小红卡为什么关停？") or are searched beside the question; the
articles those answers cited first are preferred, and a question naming one source of the previous
answer ("the second source", "第二个来源") is searched in that article only. A question that names
something the conversation has not mentioned, without pointing back, is a new subject and borrows
nothing; one that trails off with a new name ("那小红书呢？") borrows the previous question's topic
instead (its words less its names).

With an LLM configured (`RAG_LLM`), a follow-up that borrowed is rewritten by the model into a
standalone question instead, used only when it keeps every word of the question's own (`rewritten`).

Names are found by `rag.subject.names`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from rag.bilingual import presence
from rag.config import Settings
from rag.errors import LLMUnavailable
from rag.llm import rewrite_question
from rag.query import MAX_QUERY_CHARS, MAX_QUESTION_CHARS, bounded_query
from rag.subject import names
from rag.text import CJK_RANGE, fold, terms
from rag.types import Answer, Citation

log = logging.getLogger(__name__)

History = Sequence[tuple[str, str] | Answer]

# The shortest part of a question its answer's title must repeat to be taken for its subject.
MIN_SUBJECT_CHARS = 2
# Earlier turns a follow-up may borrow its subject from.
MAX_TURNS = 6
_CJK = f"[{CJK_RANGE}]"
_POINTS_BACK = re.compile(
    rf"(?:它|他|她|其(?={_CJK})|该(?={_CJK})|此(?={_CJK})|上述|前者|后者|"
    rf"[这那](?:个|家|所|位|支|张|项|款|篇|条|种|部|本|座|场|一|里|些|次|名|则|份|只))|"
    r"\b(?:it|its|it's|they|their|them|he|him|his|she|her|this|that|these|those|there|the same|"
    r"the (?:company|firm|platform|app|card|service|article|report|story|bank|school|team|club|plan|"
    r"programme|program|project|show|series|city|place|man|woman|person|group|one))\b",
    re.I,
)
# Pronouns the subject can stand in for word for word ("它为什么关停" → "小红卡为什么关停").
_PERSONAL = re.compile(r"它们|他们|她们|[它他她]|\b(?:it|its|they|their|them|he|him|his|she|her)\b", re.I)
_POSSESSIVE = frozenset({"its", "their", "his", "her"})
_TRAILS_OFF = re.compile(
    r"^(?:那么?|还有|另外|那如果)|呢\s*[？?]?\s*$|^(?:and|what about|how about|and what about|also)\b", re.I
)
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3,
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
}  # fmt: skip
_NAMES_SOURCE = re.compile(
    r"\b(first|second|third|fourth|fifth|1st|2nd|3rd)\s+(?:source|article|citation|reference|report)\b|"
    r"\b(?:source|citation|reference)\s*\[?(\d)\]?|\[(\d)\]|"
    r"第\s*([一二三四五1-5])\s*(?:个|条|篇|项)?\s*(?:来源|出处|引用|文章|报道|资料)|(?:来源|出处|引用)\s*\[?(\d)\]?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a question searches: its own words after any it `borrowed`, and the one source it names.

    `prefer` holds the articles a follow-up is most likely about: the first source of the answer that
    set the subject and of the previous answer (later sources of an answer are often asides).
    """

    query: str
    source: Citation | None = None
    borrowed: bool = False
    prefer: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Earlier:
    question: str
    citations: tuple[Citation, ...] = ()


def resolve(question: str, history: History | None) -> Resolved:
    """The text searched for `question` given the conversation so far (see the module's description).

    The result is bounded (see `bounded_query`): the question's own words first, whatever the history.
    """
    earlier = _recent(history)
    if not earlier:
        return Resolved(bounded_query(question))
    subject = earlier[0]
    for n, turn in enumerate(earlier[1:], start=1):
        if _new_subject(turn.question, earlier[:n]):
            subject = turn
    source = _named_source(question, earlier[-1])
    if not source and _new_subject(question, earlier):
        if _TRAILS_OFF.search(question):  # "那小红书呢？": the previous question's topic, a new name
            return Resolved(bounded_query(question, _topic(earlier[-1].question)), borrowed=True)
        return Resolved(bounded_query(question))
    cited = tuple(dict.fromkeys(t.citations[0].doc_id for t in (subject, earlier[-1]) if t.citations))
    borrowed = _subject(subject)
    replaced = _PERSONAL.sub(lambda m: _stand_in(m.group(), borrowed), question)
    query = bounded_query(replaced) if replaced != question else bounded_query(question, borrowed)
    return Resolved(query, source, borrowed=True, prefer=cited)


def _stand_in(pronoun: str, subject: str) -> str:
    """What replaces a personal pronoun: the subject, possessive for a possessive pronoun."""
    return f"{subject}'s" if pronoun.lower() in _POSSESSIVE else subject


def _new_subject(question: str, earlier: list[_Earlier]) -> bool:
    """Whether `question` names what the conversation has not mentioned, and does not point back.

    A question that trails off ("英文名呢？") counts only sure names: a word no dictionary knows may
    be a new aspect of the same subject rather than a new subject.
    """
    if _POINTS_BACK.search(question):
        return False
    said = (t.question + " " + " ".join(c.title[:MAX_QUERY_CHARS] for c in t.citations) for t in earlier)
    mentioned = fold(" ".join(said))
    found = names(question, sure=bool(_TRAILS_OFF.search(question)))
    return any(not presence(fold(name), mentioned) for name in found)


def _subject(turn: _Earlier) -> str:
    """What a question was about: its names, each as fully as its answer's first title repeats it.

    百老汇剧院 of "百老汇剧院指的是什么？" (the name 百老汇, the article 百老汇剧院); with no name, the
    part the title repeats (冰雪皇后 of "冰雪皇后的简称什么？"); else the whole question.
    """
    found = names(turn.question)
    run = _title_run(turn)
    if found:
        return " ".join(dict.fromkeys(run if run and fold(name) in run else name for name in found))
    return run or turn.question


def _title_run(turn: _Earlier) -> str:
    """The longest run of the question (folded) that its answer's first title repeats, if long enough."""
    if not turn.citations:
        return ""
    question, title = fold(turn.question), fold(turn.citations[0].title)
    match = SequenceMatcher(None, question, title, autojunk=False).find_longest_match()
    return question[match.a : match.a + match.size] if match.size >= MIN_SUBJECT_CHARS else ""


def _topic(question: str) -> str:
    """`question` without its names: what it asked about (净利润率 of "快手的净利润率是多少？")."""
    for name in names(question):
        question = question.replace(name, " ")
    return question


def _named_source(question: str, last: _Earlier) -> Citation | None:
    """The citation of the previous answer that `question` names ("the second source"), if any."""
    match = _NAMES_SOURCE.search(question)
    if not match:
        return None
    word = next(g for g in match.groups() if g)
    n = int(word) if word.isdigit() else _ORDINALS[word.lower()]
    return next((c for c in last.citations if c.n == n), None)


def _earlier(turn: tuple[str, str] | Answer) -> _Earlier:
    """An earlier turn as far as a follow-up reads it: the start of its question, and its citations.

    A history can hold anything a client sends: only a question's first `MAX_QUERY_CHARS` count.
    """
    if isinstance(turn, Answer):
        return _Earlier(turn.question[:MAX_QUERY_CHARS], tuple(turn.citations or turn.see_also))
    return _Earlier(str(turn[0])[:MAX_QUERY_CHARS])


def _recent(history: History | None) -> list[_Earlier]:
    """The last `MAX_TURNS` turns of `history`, oldest first."""
    return [_earlier(turn) for turn in list(history or ())[-MAX_TURNS:]]


def rewritten(question: str, history: History, resolved: Resolved, settings: Settings) -> Resolved:
    """`resolved` searched with the configured LLM's standalone rewrite of a follow-up, when it holds.

    The rewrite must keep every word of the question's own (or a translation of it): a model that
    answers, drops the question's point or changes its subject is ignored, as is one that fails.
    """
    try:
        rewrite = rewrite_question(question, [turn.question for turn in _recent(history)], settings)
    except LLMUnavailable:
        return resolved
    folded = fold(rewrite)
    own = terms(question, search_mode=False)
    if not rewrite or len(rewrite) > MAX_QUESTION_CHARS or any(presence(t, folded) < 1 for t in own):
        log.info("the LLM's rewrite %r of the follow-up %r was not used", rewrite[:200], question)
        return resolved
    return replace(resolved, query=bounded_query(rewrite))
