"""Answer a question from the archive: retrieve, decide whether the evidence covers it, then compose.

`answer()` returns a complete `Answer`; `stream_answer()` yields growing partial answers for the UI and
ends with the complete one. The default answer is extractive (exact quotes, numbered citations); with
`RAG_LLM` set, a language model writes it, and an answer that fails citation checks falls back to the
extractive one.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Sequence

from rag.citations import check_generated, citation_for, cited_numbers, number_quotes
from rag.config import Settings, get_settings
from rag.errors import LLMUnavailable
from rag.extract import Quote, select_quotes
from rag.keyword import KeywordIndex
from rag.refusal import covers
from rag.retrieve import ensure_index, gather, make_filters
from rag.text import language, terms
from rag.types import Answer, Citation, Hit

log = logging.getLogger(__name__)

History = Sequence[tuple[str, str]]
REFUSAL = {
    "zh": "资料中没有关于这个问题的信息。以下是最接近的来源，仅供参考。",
    "en": "The archive doesn't say. The closest sources are listed below for reference.",
}
_PRONOUN = re.compile(
    r"^(?:它|他|她|他们|它们|这|那|该|此|其)|(?:它|他们|它们|这个|那个|该公司|此事)|"
    r"\b(?:it|its|they|their|them|this|that|he|she|the company)\b",
    re.I,
)


def resolve_followup(question: str, history: History | None, keyword: KeywordIndex) -> str:
    """Carry the previous question's key terms into a follow-up that lacks its own subject.

    A follow-up such as "它为什么关停？" has a pronoun, or no term the archive knows; the previous user
    turn supplies the subject.
    """
    if not history:
        return question
    previous = history[-1][0]
    known = [t for t in terms(question) if keyword.idf(t) < keyword.idf("\0unseen")]
    if known and not _PRONOUN.search(question):
        return question
    return f"{previous} {question}"


def _lead(citation: Citation, lang: str) -> str:
    source = citation.source or (f"《{citation.title}》" if lang == "zh" else f"“{citation.title}”")
    if lang == "zh":
        return f"据{source}（{citation.date}）报道：" if citation.date else f"据{source}："
    return f"As of {citation.date}, per {source}: " if citation.date else f"Per {source}: "


def compose(citations: list[Citation], lang: str) -> str:
    """Join quotes into the answer text: a lead naming the first source and date, each quote cited."""
    if not citations:
        return ""
    body = " ".join(f"{c.quote}[{c.n}]" for c in citations)
    return _lead(citations[0], lang) + body


def _see_also(question: str, hits: list[Hit], keyword: KeywordIndex, settings: Settings) -> list[Citation]:
    out: list[Citation] = []
    seen: set[str] = set()
    for hit in hits:
        if hit.chunk.doc_id in seen or len(out) == 3:
            continue
        seen.add(hit.chunk.doc_id)
        best = select_quotes(question, [hit], keyword.idf, settings.max_quote_chars)
        start, end = (best[0].start, best[0].end) if best else (0, min(len(hit.chunk.text), 120))
        out.append(citation_for(len(out) + 1, hit, start, end))
    return out


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
        history: previous `(user, assistant)` turns, oldest first.
        k: passages to retrieve (default `Settings.top_k`).
        sources: keep only these outlets.
        since: keep only articles dated on or after this ISO date.
        until: keep only articles dated on or before this ISO date.
        paths: keep only documents from these files.
        use_llm: force the LLM on or off (default: on when `RAG_LLM` is set).
        settings: defaults to `get_settings()`.
    """
    settings = settings or get_settings()
    started = time.perf_counter()
    question = question.strip()
    lang = language(question)
    keyword = ensure_index(settings=settings).keyword_index()
    query = resolve_followup(question, history, keyword)
    evidence = gather(
        query, k or settings.top_k, make_filters(sources, since, until, paths), settings=settings
    )
    hits = evidence.hits
    retrieved = time.perf_counter()
    timings = {"retrieve_ms": round((retrieved - started) * 1000, 1)}
    if not covers(query, evidence, keyword):
        final = _refusal(question, query, hits, keyword, settings, timings)
    elif settings.llm and use_llm is not False:
        final = yield from _generated(question, query, hits, keyword, settings, timings)
    else:
        final = _extractive(query, hits, keyword, settings, lang, question, timings)
    final.timings["total_ms"] = round((time.perf_counter() - started) * 1000, 1)
    yield final


def _refusal(
    question: str,
    query: str,
    hits: list[Hit],
    keyword: KeywordIndex,
    settings: Settings,
    timings: dict[str, float],
) -> Answer:
    see_also = _see_also(query, hits, keyword, settings)
    return Answer(
        question=question, text=REFUSAL[language(question)], refused=True, see_also=see_also, timings=timings
    )


def _extractive(
    query: str,
    hits: list[Hit],
    keyword: KeywordIndex,
    settings: Settings,
    lang: str,
    question: str,
    timings: dict[str, float],
) -> Answer:
    quotes: list[Quote] = select_quotes(query, hits, keyword.idf, settings.max_quote_chars)
    citations = number_quotes(quotes)
    if not citations:
        return _refusal(question, query, hits, keyword, settings, timings)
    return Answer(question=question, text=compose(citations, lang), citations=citations, timings=timings)


def _generated(
    question: str,
    query: str,
    hits: list[Hit],
    keyword: KeywordIndex,
    settings: Settings,
    timings: dict[str, float],
) -> Iterator[Answer]:
    from rag.llm import stream_llm_answer

    lang = language(question)
    text = ""
    try:
        for delta in stream_llm_answer(
            question, hits, language=lang, refusal=REFUSAL[lang], settings=settings
        ):
            text += delta
            yield Answer(question=question, text=text, mode="llm", timings=dict(timings))
    except LLMUnavailable as exc:
        problem = str(exc)
    else:
        if text.strip().startswith(REFUSAL[lang][:12]):
            refusal = _refusal(question, query, hits, keyword, settings, timings)
            return refusal.model_copy(update={"mode": "llm"})
        problem = check_generated(text, hits)
        if problem is None:
            citations = _llm_citations(text, query, hits, keyword, settings)
            return Answer(
                question=question, text=text.strip(), citations=citations, mode="llm", timings=timings
            )
    log.warning("LLM answer rejected: %s", problem)
    fallback = _extractive(query, hits, keyword, settings, lang, question, timings)
    return fallback.model_copy(update={"mode": "extractive-fallback", "note": problem})


def _llm_citations(
    text: str, query: str, hits: list[Hit], keyword: KeywordIndex, settings: Settings
) -> list[Citation]:
    citations = []
    for n in sorted(cited_numbers(text)):
        hit = hits[n - 1]
        best = select_quotes(query, [hit], keyword.idf, settings.max_quote_chars)
        start, end = (best[0].start, best[0].end) if best else (0, len(hit.chunk.text))
        citations.append(citation_for(n, hit, start, end))
    return citations


def answer(question: str, history: History | None = None, **options: object) -> Answer:
    """Answer `question` from the archive; see `stream_answer` for the options.

    Returns:
        The complete answer: text with `[n]` markers, citations, `refused`, `mode`, `timings`.
    """
    final: Answer | None = None
    for final in stream_answer(question, history, **options):  # noqa: B007
        pass
    assert final is not None
    return final
