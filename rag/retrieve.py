"""Hybrid retrieval: dense (Chroma) and BM25 candidates, fused by normalised score or by rank.

The dense side carries cross-language questions (an English question finds a Chinese article); BM25
carries rare names and numbers. Both see the same filters, so a filter never lets the other side in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import NamedTuple

import numpy as np

from rag.bilingual import (
    coverage,
    hyphenated_words,
    mentions,
    phrase_words,
    question_words,
    romanized_words,
    spellings,
    spoken_names,
    translations,
)
from rag.bootstrap import ensure_index
from rag.closeness import SEARCHING
from rag.config import Settings, get_settings
from rag.embeddings import get_embedder, rerank
from rag.places import place_words
from rag.query import bounded_query, check_k, check_question, make_filters
from rag.store import KeywordIndex
from rag.subject import said, subject_names
from rag.text import language, rejoined, terms
from rag.types import Chunk, Evidence, Filters, Hit

log = logging.getLogger(__name__)
# Cosine similarities closer than this are treated as ties when fusing (see `fuse_scores`).
DENSE_MIN_SPREAD = 0.03
# multilingual-e5-small's typical similarity between a question and unrelated news passages (mean
# background over CMRC 2018 questions); it stands in for the background a tiny archive lacks.
PRIOR_BACKGROUND = 0.84
MIN_BACKGROUND = 4
# Dense scores are centred per language once two languages are indexed; a language's mean is drawn
# towards the model's typical one by PRIOR_CHUNKS chunks' worth (see `language_means`). The refusal
# gate judges centred scores once both languages have MIN_LANGUAGE_CHUNKS chunks (its calibration for
# them was fitted on such an archive); below that it judges raw cosines.
MIN_LANGUAGE_CHUNKS = 30
PRIOR_CHUNKS = 30
# Centred on the typical vectors alone (a small archive, see `language_means`), cosines spread about
# five times as wide, and near-identical passages (one report template, weeks apart) would differ by
# noise: their ties are this wide. 0.03 there: 7 of 20 such questions answered from the wrong week,
# 0.1: 3 (raw cosines: 2); the bundled archive's answers the same either way.
PRIOR_CENTRED_MIN_SPREAD = 0.1
# Share of the word-by-word translation in the centred dense query (XQuAD cross-language ctx@1, dense
# only: 0.55 without it, 0.63 at 0.3; same-language unchanged; more starts to cost same-language).
TRANSLATION_WEIGHT = 0.3
# In a two-language archive keyword matches favour the question's own language: the keyword side's
# weight in fusion is scaled by this (XQuAD cross-language ctx@1 0.58 → 0.60, same-language unchanged).
CENTRED_KEYWORD_SHARE = 0.7
# Across languages a centred cosine still means more in one language's candidates than in the other's,
# question by question: in an archive of calibrated size, half of a dense candidate's ranking score is
# its standing among its own language's candidates, put on the scale of all of them (XQuAD cross-language
# ctx@5 0.936 -> 0.961, ctx@1 and same-language ctx@1 within 0.002; all of it: cross ctx@5 0.966 but
# same ctx@1 0.936). In the bundled archive's few chunks a language it swapped which article a
# follow-up's "年费是多少？" was answered from.
LANGUAGE_STANDING = 0.5
# In a two-language archive, of any size, the best COVERED fused candidates are reordered: each is
# raised by COVERAGE_WEIGHT standard deviations of the fused scores times the share of the question it
# holds (`rag.bilingual.coverage`: rarer words count more, found in either language), so a passage
# holding the question's words beats one in the question's language that shares only its topic.
# XQuAD ctx@1 same / cross language 0.953 / 0.701 -> 0.962 / 0.750 (weight 2 / 3 / 5: cross 0.734 /
# 0.743 / 0.753; over the best 10, weight 4: ctx@5 0.961 -> 0.949). In a small one too: "How much
# traffic will Xiaohongshu give to small merchants?" was answered from an English article on payment
# fees before the Chinese one saying 10亿流量 (the bundled archive's and the news set's answers as they
# were; once, a version ago, the bundled archive's two articles on one store traded places on words
# neither states, "卖出" against "sales"). In one language it gains little: CMRC ctx@1 0.985 -> 0.987.
# When none of them names what the question names (`asked_of`), the best COVERED past them that do
# are reordered with them (`named_beyond`), from the fifth's score (`level_with_best`): a name is the
# surest anchor across languages (news set answers 0.923 -> 0.928, "How much revenue did Pop Mart make in
# the first half?"; from the fifth's score, three news answers more, 禾赛的CEO是谁？ among them, and one
# lost; XQuAD one answer refused).
COVERED = 5
COVERAGE_WEIGHT = 4.0
# How far (in standard deviations of the fused scores) a follow-up's cited articles are raised.
PREFERRED = 0.5
# A candidate this close to the best one is a tie, not background.
BACKGROUND_TIE = 0.01


def fuse_ranks(rankings: Sequence[Sequence[str]], k: int) -> list[tuple[str, float]]:
    """Reciprocal-rank fusion: each list adds `1 / (k + rank)` to an id's score; best first."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking, start=1):
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def fuse_scores(
    runs: Sequence[Sequence[tuple[str, float]]], weights: Sequence[float], min_spreads: Sequence[float]
) -> list[tuple[str, float]]:
    """Convex combination of z-normalised scores; an id missing from a run gets that run's lowest score.

    Unlike rank fusion this keeps margins: a keyword match far ahead of the rest stays ahead even
    when the dense side, unsure across languages, ranks it low. `min_spreads` floors each run's
    standard deviation, so near-equal similarities (a small archive on one topic) are not blown up
    into large differences.
    """
    keys = dict.fromkeys(key for run in runs for key, _ in run)
    normalised: list[dict[str, float]] = []
    lowest: list[float] = []
    for run, floor in zip(runs, min_spreads, strict=True):
        values = [score for _, score in run]
        if len(set(values)) <= 1:
            # A lone match (or equal ones) has no spread of its own: it is scored among every
            # candidate, those the run lacks at nothing. The only passage naming 陈磊 of eighteen
            # stands four standard deviations above the rest, not lost among the dense candidates.
            found, missing = _lone_standing(len(run), len(keys))
            normalised.append({key: found for key, _ in run})
            lowest.append(missing)
            continue
        mean = sum(values) / len(values)
        spread = max((sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5, floor)
        normalised.append({key: (score - mean) / spread for key, score in run})
        lowest.append(min(normalised[-1].values()))
    fused = {
        key: sum(w * z.get(key, low) for z, w, low in zip(normalised, weights, lowest, strict=True))
        for key in keys
    }
    return sorted(fused.items(), key=lambda item: (-item[1], item[0]))


def _lone_standing(matched: int, candidates: int) -> tuple[float, float]:
    """The z-scores of `matched` equal scores and of the other `candidates`, scored nothing."""
    if not matched or matched >= candidates:
        return 0.0, 0.0
    return ((candidates - matched) / matched) ** 0.5, -((matched / (candidates - matched)) ** 0.5)


def retrieve(
    question: str,
    k: int | None = None,
    *,
    sources: Sequence[str] | str | None = None,
    since: str | None = None,
    until: str | None = None,
    paths: Sequence[str] | str | None = None,
    settings: Settings | None = None,
) -> list[Hit]:
    """Return the `k` chunks that best match `question`, best first.

    Args:
        question: in any language.
        k: number of hits (default `Settings.top_k`).
        sources: keep only these outlets.
        since: keep only articles dated on or after this ISO date.
        until: keep only articles dated on or before this ISO date.
        paths: keep only documents from these files.
        settings: defaults to `get_settings()`.
    """
    settings = settings or get_settings()
    filters = make_filters(sources, since, until, paths)
    k = check_k(k, settings.top_k)
    return search(bounded_query(check_question(question)), k, filters, settings=settings)


def search(question: str, k: int, filters: Filters, *, settings: Settings) -> list[Hit]:
    """`retrieve` with ready-made `Filters`."""
    return gather(question, k, filters, settings=settings).hits


def gather(
    question: str,
    k: int,
    filters: Filters,
    *,
    settings: Settings,
    keyword: KeywordIndex | None = None,
    prefer: Collection[str] = (),
) -> Evidence:
    """Retrieve the top `k` hits and the dense background similarity (see `Evidence`).

    `keyword` is the caller's current keyword index, if it already has one (saves a freshness check).
    Passages of the documents in `prefer` (those a follow-up's conversation cited) gain `PREFERRED`
    standard deviations of the fused scores: a near tie goes their way, a clear winner stays.
    """
    store = ensure_index(settings=settings)
    keyword = keyword or store.keyword_index()
    depth = min(settings.candidates, len(keyword))
    # A hyphenated word's own translation ("value-added": 增值); the index holds its parts, not it. A
    # word the question's tokenizing cut apart, as the archive's holds it (翻 + 台率: 翻台率). And the
    # translation alone of words side by side that one word of the other language translates ("market
    # value": 市值): their own words are searched already, and twice would outweigh the rest.
    words = with_translations(
        terms(question) + hyphenated_words(question) + rejoined(question, keyword.knows)
    )
    words += [w for w in phrase_translations(question) if w not in words]
    lexical = keyword.search(words, depth, filters, names=spoken_names(question))
    vector = get_embedder(settings=settings).embed_query(question)
    means = language_means(keyword)
    centred = _centred_query(question, vector, means, settings) if means else None
    # What the refusal gate judges: centred scores where it is calibrated for them, else raw cosines.
    judged = centred is not None and calibrated(keyword)
    # Every keyword candidate is scored by the dense side too, found by its search or not: 快手首席执行官
    # 程一笑, the best keyword match for "Who is Kuaishou's CEO?", lay beyond the dense search's depth
    # among the English articles on Kuaishou, and fused at its lowest score it ranked seventh.
    also = [c.chunk_id for c, _ in lexical]
    dense_run = _dense_run(keyword, vector, centred, means, depth, filters, judged, also)
    found = {c.chunk_id: c for c, _ in lexical} | keyword.chunks([d.chunk_id for d in dense_run])
    dense = [(d.chunk_id, d.rank) for d in dense_run if d.chunk_id in found]
    keyword_run = [(c.chunk_id, s) for c, s in lexical]
    if settings.fusion == "rrf":
        fused = fuse_ranks([[cid for cid, _ in keyword_run], [cid for cid, _ in dense]], settings.rrf_k)
    else:
        share = settings.keyword_weight * (CENTRED_KEYWORD_SHARE if judged else 1.0)
        weights = [share, 1 - share]
        ties = PRIOR_CENTRED_MIN_SPREAD if centred is not None and not judged else DENSE_MIN_SPREAD
        fused = fuse_scores([keyword_run, dense], weights, [0.0, ties])
    if centred is not None:
        beyond = named_beyond(asked_of(question, keyword), fused, found)
        fused = level_with_best(fused, beyond)
        covered = [cid for cid, _ in fused[:COVERED]] + beyond
        fused = by_coverage(question, fused, {cid: found[cid].index_text for cid in covered}, keyword.idf)
    if prefer:
        fused = _raised(fused, {cid: PREFERRED for cid, chunk in found.items() if chunk.doc_id in prefer})
    dense_scores = {d.chunk_id: d.sim if judged else d.raw for d in dense_run if d.chunk_id in found}
    bm25_scores = {c.chunk_id: s for c, s in lexical}
    hits = [
        Hit(
            chunk=found[cid],
            score=score,
            dense=dense_scores.get(cid, 0.0),
            bm25=bm25_scores.get(cid, 0.0),
        )
        for cid, score in fused
    ]
    if settings.reranker:
        hits = rerank(question, hits, settings.reranker)
    reference = (
        _dense_run(keyword, vector, centred, means, depth, Filters(), judged) if filters else dense_run
    )
    # The background is the archive's, as the dense search found it, not the keyword side's choice.
    judged_sims = sorted((d.sim if judged else d.raw for d in reference if d.searched), reverse=True)[:depth]
    return Evidence(hits[:k], _background(judged_sims), judged)


def by_coverage(
    question: str, fused: list[tuple[str, float]], texts: dict[str, str], idf: Callable[[str], float]
) -> list[tuple[str, float]]:
    """`fused` with the candidates of `texts` raised by how much of the question each text holds.

    Best first again; `idf` weighs the question's words (see `rag.bilingual.coverage`).
    """
    bonus = {
        cid: COVERAGE_WEIGHT * (coverage(question, text, idf, closeness=SEARCHING) or 0.0)
        for cid, text in texts.items()
    }
    return _raised(fused, bonus)


def asked_of(question: str, keyword: KeywordIndex) -> list[str]:
    """What `question` names (`subject_names`), and the words of it read as a Chinese name the archive has.

    "When did Muyuan list in Shenzhen?" names 牧原, in pinyin; not a place: "Shenzhen" is 深圳 in every
    article on a firm based there.
    """
    where = place_words(question)
    named = [*subject_names(question), *(n for n in spoken_names(question) if keyword.reads(n))]
    return [n for n in dict.fromkeys(named) if n not in where]


def named_beyond(named: Sequence[str], fused: list[tuple[str, float]], found: dict[str, Chunk]) -> list[str]:
    """Up to `COVERED` candidates past the best `COVERED` naming one of `named`, if none of them does.

    "How much revenue did Pop Mart make in the first half?": ByteDance's and Anta's half years, in the
    question's words, stood above the Chinese passage on 泡泡玛特's, eighth; judged for how much of the
    question they hold beside the best, it holds the most. So did SF's listing in Shenzhen, for "When did
    Muyuan list in Shenzhen?", above 牧原's passages.
    """
    if not named:
        return []

    def naming(cid: str) -> bool:
        chunk = found[cid]
        return any(mentions(name, said(chunk.title, chunk.text)) for name in named)

    if any(naming(cid) for cid, _ in fused[:COVERED]):
        return []
    return list(islice((cid for cid, _ in fused[COVERED:] if naming(cid)), COVERED))


def level_with_best(fused: list[tuple[str, float]], beyond: list[str]) -> list[tuple[str, float]]:
    """`fused` with the candidates `beyond` raised to the last of the best `COVERED`, to be judged with them.

    Only the question's coverage then orders them: 牧原's passages, found by its name in pinyin but far
    below in fused score, hold more of "When did Muyuan list in Shenzhen?" than SF's listing there.
    """
    if not beyond or len(fused) < COVERED:
        return fused
    floor = fused[COVERED - 1][1]
    raised = [(cid, max(score, floor) if cid in beyond else score) for cid, score in fused]
    return sorted(raised, key=lambda item: (-item[1], item[0]))


def _raised(fused: list[tuple[str, float]], bonus: dict[str, float]) -> list[tuple[str, float]]:
    """`fused` with each id in `bonus` raised by that many standard deviations of the fused scores."""
    spread = float(np.std([score for _, score in fused])) if len(fused) > 1 else 0.0
    raised = [(cid, score + bonus.get(cid, 0.0) * spread) for cid, score in fused]
    return sorted(raised, key=lambda item: (-item[1], item[0]))


class Candidate(NamedTuple):
    """A dense candidate: its score for ranking, its score for the refusal gate, and its raw cosine.

    `searched`: found by the dense search, not only scored as a keyword candidate.
    """

    chunk_id: str
    rank: float
    sim: float
    raw: float
    searched: bool = True


def _dense_run(
    keyword: KeywordIndex,
    vector: np.ndarray,
    centred: np.ndarray | None,
    means: dict[str, np.ndarray] | None,
    depth: int,
    filters: Filters,
    standing: bool,
    also: Sequence[str] = (),
) -> list[Candidate]:
    """Dense candidates, best first, scored so no language is favoured.

    With `centred` (see `_centred_query`), the question is searched once per language (moved into
    that language's region) and every candidate is scored by its cosine with the centred question,
    after subtracting its own language's mean passage vector (`means`, see `language_means`), and
    ranked by that score, mixed with its standing in its language with `standing` (`language_standing`:
    in an archive of calibrated size; a few dozen chunks give a language no standing to speak of);
    otherwise scored and ranked by raw cosine with `vector`. The chunks `also` (keyword candidates) are
    scored alike, whether the search found them or not, and kept (see `_best`).
    """
    if centred is None or means is None:
        near = keyword.nearest(vector, depth, filters)[0]
        seen = {cid for cid, _ in near}
        unseen = keyword.placed([cid for cid in also if cid not in seen])
        scored_too = [(cid, float(vector @ _unit(passage))) for cid, (_, passage) in unseen.items()]
        return _best(
            [Candidate(cid, sim, sim, sim) for cid, sim in near]
            + [Candidate(cid, sim, sim, sim, False) for cid, sim in scored_too],
            depth,
            also,
        )
    queries = np.array([_unit(centred + mean) for mean in means.values()])
    searched = {cid for run in keyword.nearest(queries, depth, filters) for cid, _ in run}
    scored: dict[str, list[tuple[str, float, float]]] = {}
    for cid, (lang, passage) in keyword.placed(list(searched | set(also))).items():
        mean = means.get(lang)
        if mean is not None:
            sim = float(centred @ _unit(passage - mean))
            scored.setdefault(lang, []).append((cid, sim, float(vector @ _unit(passage))))
    sims = {lang: [sim for _, sim, _ in run] for lang, run in scored.items()}
    ranked = language_standing(sims) if standing else sims
    candidates = [
        Candidate(cid, rank, sim, raw, cid in searched)
        for lang, run in scored.items()
        for (cid, sim, raw), rank in zip(run, ranked[lang], strict=True)
    ]
    return _best(candidates, depth, also)


def _best(candidates: list[Candidate], depth: int, also: Sequence[str]) -> list[Candidate]:
    """The best `candidates`, as many as `depth` and `also` together, and every one of `also`, best first."""
    kept = set(also)
    ranked = sorted(candidates, key=lambda c: (-c.rank, c.chunk_id))
    return [c for at, c in enumerate(ranked) if at < depth + len(kept) or c.chunk_id in kept]


def language_standing(scores: dict[str, list[float]]) -> dict[str, list[float]]:
    """Each language's scores moved `LANGUAGE_STANDING` of the way to their standing in that language.

    A score's standing is its z-score among its language's scores, mapped onto the mean and spread of
    all of them; a language with one score, or with equal ones, has no standing to take, and with one
    language the scores are left as they are.
    """
    if len(scores) < 2:
        return scores
    everything = np.array([v for run in scores.values() for v in run])
    mean, spread = float(everything.mean()), float(everything.std())
    out = {}
    for lang, run in scores.items():
        values = np.array(run)
        own = float(values.std())
        standing = mean + spread * (values - values.mean()) / own if own > 0 else values
        out[lang] = [float(v) for v in (1 - LANGUAGE_STANDING) * values + LANGUAGE_STANDING * standing]
    return out


def _centred_query(
    question: str, vector: np.ndarray, means: dict[str, np.ndarray], settings: Settings
) -> np.ndarray:
    """The question's vector less its language's mean, mixed with its word-by-word translation's.

    The translation (`translated_words`) is embedded as a second query and centred on the other
    language's mean: it pulls passages in the other language towards the question.
    """
    lang = language(question)
    query = _unit(vector - means.get(lang, np.mean(list(means.values()), axis=0)))
    others = [mean for other, mean in means.items() if other != lang]
    words = translated_words(question)
    if not words or not others:
        return query
    translated = get_embedder(settings=settings).embed_query(" ".join(words))
    return _unit((1 - TRANSLATION_WEIGHT) * query + TRANSLATION_WEIGHT * _unit(translated - others[0]))


def translated_words(question: str) -> list[str]:
    """The question word by word in the other language (CC-CEDICT and the lexicon).

    Up to three translations per word; a word without one is kept when it is a number or already in
    the other language's script (an English name in a Chinese question).
    """
    chinese = language(question) == "zh"
    words: list[str] = []
    for term in question_words(question):
        found = sorted({word for phrase in translations(term) for word in phrase.split()})[:3]
        words += found or ([term] if term.isdigit() or term.isascii() == chinese else [])
    return list(dict.fromkeys(words))


def language_means(keyword: KeywordIndex) -> dict[str, np.ndarray] | None:
    """Each indexed language's mean passage vector, or None unless two languages are indexed.

    The mean of a few dozen chunks still leans towards their topics: it is drawn towards the model's
    typical vector for that language (`language_prior.npz`, the mean of parallel Chinese and English
    paragraphs), by `PRIOR_CHUNKS` chunks' worth. Until both languages have `MIN_LANGUAGE_CHUNKS`
    chunks (the bundled four-article archive), the typical vectors alone: a language's few chunks,
    all on one topic, would take that topic out of their own scores.
    """
    stats = keyword.languages
    present = [lang for lang, n in stats.counts.items() if n > 0]
    if len(present) < 2:
        return None
    prior = _language_prior()
    if not calibrated(keyword):
        return {lang: prior.get(lang, stats.means[lang]) for lang in present}
    means = {}
    for lang in present:
        n = stats.counts[lang]
        typical = prior.get(lang, stats.means[lang])
        means[lang] = (n * stats.means[lang] + PRIOR_CHUNKS * typical) / (n + PRIOR_CHUNKS)
    return means


def calibrated(keyword: KeywordIndex) -> bool:
    """Whether two languages have `MIN_LANGUAGE_CHUNKS` chunks each (see `rag.refusal`)."""
    return sum(n >= MIN_LANGUAGE_CHUNKS for n in keyword.languages.counts.values()) >= 2


@lru_cache(maxsize=1)
def _language_prior() -> dict[str, np.ndarray]:
    with np.load(Path(__file__).with_name("language_prior.npz")) as stored:
        return {lang: stored[lang].astype(np.float32) for lang in stored.files}


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / (np.linalg.norm(vector) or 1.0)


def _background(similarities: list[float]) -> float:
    """Mean similarity of the weaker half of the archive's candidates (`similarities`, best first).

    The archive's, not the filter's: a filter leaving one passage is no evidence. Passages as close as
    the best one are no background, and a tiny archive has too few others: the missing ones count at
    `PRIOR_BACKGROUND`.
    """
    if not similarities:
        return 0.0
    best = similarities[0]
    weaker = [sim for sim in similarities[len(similarities) // 2 :] if sim < best - BACKGROUND_TIE]
    missing = max(0, MIN_BACKGROUND - len(weaker))
    return (sum(weaker) + missing * PRIOR_BACKGROUND) / (len(weaker) + missing)


def phrase_translations(question: str) -> list[str]:
    """The terms of what the question's English words side by side translate as one (`phrase_words`)."""
    phrases = phrase_words(question)
    return [piece for phrase in phrases for t in sorted(translations(phrase)) for piece in terms(t)]


def with_translations(words: list[str]) -> list[str]:
    """`words` followed by their other spellings and the terms of their translations.

    Keyword search then reaches the other language, and British and American spellings each other, word
    by word ("CEO": chief, executive); a Chinese name reaches its pinyin (快手: kuaishou; 陈磊: chen, lei).
    """
    extra = [piece for w in words for v in spellings(w)[1:] for piece in terms(v)]
    extra += [piece for w in words for t in sorted(translations(w)) for piece in terms(t)]
    extra += [form for w in words for form in romanized_words(w)]
    return words + [t for t in dict.fromkeys(extra) if t not in words]
