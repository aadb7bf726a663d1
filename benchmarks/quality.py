"""Quality benchmark: retrieval, extractive answers, refusals and citations, against the LangChain baseline.

    python -m benchmarks.quality [--work DIR] [--bench cmrc2018_trial.json]

Every CMRC 2018 trial passage (CC BY-SA 4.0, Cui et al. 2019) is ingested as a document through the
normal `ingest` path; the bundled archive is asked the questions in `archive_questions.json`, and with
the articles of `news/` added those of `news_questions.json`; half of
XQuAD (CC BY-SA 4.0, Artetxe et al. 2020) is indexed as a mixed zh/en archive and every question asked
in both languages.
Writes `benchmarks/results/quality.json` and `quality.md`.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks import cmrc, xquad
from benchmarks.report import RESULTS, machine, write
from ingest import IngestReport, ingest
from ingest.loaders import load
from ingest.parse import parse
from rag import Answer, BadRequest, Settings, answer
from rag.config import PROJECT_DIR
from rag.embeddings import get_embedder
from rag.retrieve import search, with_translations
from rag.store import get_store
from rag.text import terms
from rag.types import Filters

QUESTIONS = Path(__file__).with_name("archive_questions.json")
# The bundled archive with the articles of benchmarks/news added, and questions over them.
NEWS = Path(__file__).with_name("news")
NEWS_QUESTIONS = Path(__file__).with_name("news_questions.json")
Ranked = list[tuple[str, str]]  # (passage id, chunk text), best first


def retrieval_metrics(questions: Sequence[cmrc.Question], rankings: Sequence[Ranked]) -> dict[str, float]:
    """ctx@1, ctx@5, ans@5 and MRR@10 (definitions in the bench README)."""
    n = len(questions)
    ctx1 = ctx5 = ans5 = mrr = 0.0
    for q, ranked in zip(questions, rankings, strict=True):
        ids = [pid for pid, _ in ranked[:10]]
        ctx1 += ids[:1] == [q.passage]
        ctx5 += q.passage in ids[:5]
        ans5 += any(a in text for _, text in ranked[:5] for a in q.answers)
        mrr += next((1 / (i + 1) for i, pid in enumerate(ids) if pid == q.passage), 0.0)
    return {"ctx@1": ctx1 / n, "ctx@5": ctx5 / n, "ans@5": ans5 / n, "mrr@10": mrr / n}


def our_rankings(questions: Sequence[cmrc.Question], settings: Settings) -> dict[str, list[Ranked]]:
    """Top-10 rankings of the hybrid retriever and of each side alone."""
    store = get_store(settings=settings)
    keyword = store.keyword_index()
    embedder = get_embedder(settings=settings)
    runs: dict[str, list[Ranked]] = {"hybrid": [], "bm25": [], "dense": []}
    for q in questions:
        runs["hybrid"].append(
            [
                (cmrc.passage_of(h.chunk.path), h.chunk.text)
                for h in search(q.text, 10, Filters(), settings=settings)
            ]
        )
        lexical = keyword.search(with_translations(terms(q.text)), 10, Filters())
        runs["bm25"].append([(cmrc.passage_of(c.path), c.text) for c, _ in lexical])
        dense = keyword.nearest(embedder.embed_query(q.text), 10, Filters())[0]
        found = keyword.chunks([cid for cid, _ in dense])
        chunks = [found[cid] for cid, _ in dense if cid in found]
        runs["dense"].append([(cmrc.passage_of(c.path), c.text) for c in chunks])
    return runs


def baseline_rankings(
    questions: Sequence[cmrc.Question], files: list[Path], work: Path
) -> tuple[list[Ranked], float]:
    """Rankings of the LangChain tutorial pipeline, and the seconds it took to build its index."""
    from benchmarks import baseline

    started = time.perf_counter()
    store = baseline.build(files, work / "baseline-chroma")
    built = time.perf_counter() - started
    rankings = [
        [
            (cmrc.passage_of(d.metadata["source"]), d.page_content)
            for d in store.similarity_search(q.text, k=10)
        ]
        for q in questions
    ]
    return rankings, built


def citation_valid(result: Answer) -> bool:
    """Every quote is exactly `document.text[start:end]` of the document it names."""
    for c in [*result.citations, *result.see_also]:
        docs = {d.title: d.text for d in parse(load(Path(c.path), max_mb=50), Path(c.path))}
        if docs.get(c.title, "")[c.start : c.end] != c.quote:
            return False
    return True


def answer_metrics(
    questions: Sequence[cmrc.Question],
    ask: Callable[[str], Answer],
    answerable: Callable[[cmrc.Question], bool],
) -> dict[str, float]:
    """Answer hit, refusal rates, quoted length and citation validity over `questions`.

    An early hit has the answer in the first `EARLY_CHARS` characters: the answer first.
    """
    hits = early = answered_hits = answered = quoted = refused_ok = refused_bad = valid = 0
    latencies = []
    n_ans = sum(1 for q in questions if answerable(q))
    n_un = len(questions) - n_ans
    for q in questions:
        started = time.perf_counter()
        try:
            result = ask(q.text)
        except BadRequest as exc:  # two CMRC trial questions are empty strings: count them as refused
            result = Answer(question=q.text, text=str(exc), refused=True)
        latencies.append(time.perf_counter() - started)
        valid += citation_valid(result)
        if not answerable(q):
            refused_ok += result.refused
            continue
        refused_bad += result.refused
        hit = any(a in result.text for a in q.answers)
        hits += hit
        early += hit and any(a in result.text[:EARLY_CHARS] for a in q.answers)
        if not result.refused:
            answered += 1
            answered_hits += hit
            quoted += sum(len(c.quote) for c in result.citations)
    latencies.sort()
    out = {
        "answer_hit": hits / max(n_ans, 1),
        "answer_hit_when_answered": answered_hits / max(answered, 1),
        "early_hit": early / max(n_ans, 1),
        "avg_quoted_chars": quoted / max(answered, 1),
        "false_refusal_rate": refused_bad / max(n_ans, 1),
        "citation_validity": valid / len(questions),
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p95_ms": 1000 * latencies[int(len(latencies) * 0.95)],
    }
    if n_un:
        out["unanswerable_refused"] = refused_ok / n_un
        out["refusal_precision"] = refused_ok / max(refused_ok + refused_bad, 1)
    return out


def archive_questions(extra: Sequence[Path] = (), questions: Path = QUESTIONS) -> dict[str, Any]:
    """The hand-written archive questions (`questions`), plus those of feedback exports.

    From `python -m rag feedback --export FILE`: a liked answer is answerable, a liked refusal
    unanswerable; disliked ones, kept for review, are counted but not asked.
    """
    spec = json.loads(questions.read_text(encoding="utf-8"))
    spec["to_review"] = 0
    for path in extra:
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item.get("answerable") is True:
                spec["answerable"].append(item)
            elif item.get("answerable") is False:
                spec["unanswerable"].append(item["q"])
            else:
                spec["to_review"] += 1
    return spec


# Issue bar for the archive: the fact within the answer's first characters, not only somewhere in it.
EARLY_CHARS = 80


def archive_metrics(
    settings: Settings, extra: Sequence[Path] = (), questions: Path = QUESTIONS
) -> dict[str, Any]:
    """The archive questions: hits, right article cited, refusals, follow-ups (see `archive_questions`)."""
    spec = archive_questions(extra, questions)
    rows = []
    for item in spec["answerable"]:
        result = answer(item["q"], settings=settings)
        rows.append(
            {
                "q": item["q"],
                "refused": result.refused,
                "hit": any(e in result.text for e in item["expect"]),
                "early": any(e in result.text[:EARLY_CHARS] for e in item["expect"]),
                "cites_article": any(item["title"] in c.title for c in result.citations),
                "valid": citation_valid(result),
            }
        )
    refusals = [answer(q, settings=settings) for q in spec["unanswerable"]]
    followups = [
        any(
            e in answer(f["q"], [tuple(t) for t in f["history"]], settings=settings).text for e in f["expect"]
        )
        for f in spec["followups"]
    ]
    n = len(rows)
    return {
        "answerable": n,
        "answer_hit": sum(r["hit"] for r in rows) / n,
        "cites_expected_article": sum(r["cites_article"] for r in rows) / n,
        "early_and_cited": sum(r["early"] and r["cites_article"] and not r["refused"] for r in rows) / n,
        "false_refusal_rate": sum(r["refused"] for r in rows) / n,
        "unanswerable": len(refusals),
        "unanswerable_refused": sum(r.refused for r in refusals) / len(refusals),
        "false_answer_rate": sum(not r.refused for r in refusals) / len(refusals),
        "followups_resolved": sum(followups) / len(followups) if followups else None,
        "citation_validity": sum(r["valid"] for r in rows) / n,
        "misses": [r["q"] for r in rows if not r["hit"]],
        "feedback_to_review": spec["to_review"],
    }


XQUAD_ANSWER_CHARS = 300


def xquad_metrics(work: Path, with_baseline: bool) -> dict[str, Any]:
    """XQuAD as a mixed zh/en archive: retrieval, answers and refusals, same and cross language."""
    paragraphs, questions = xquad.load()
    folder = xquad.write_articles(paragraphs, work / "xquad-articles")
    settings = Settings(_env_file=None, data_dir=work / "xquad-index")
    ingest([folder], settings=settings)
    rows: dict[str, list[dict[str, float]]] = {"same": [], "cross": []}
    for q in questions:
        ranked = [Path(h.chunk.path).stem for h in search(q.text, 5, Filters(), settings=settings)]
        result = answer(q.text, settings=settings)
        short = len(result.text) <= XQUAD_ANSWER_CHARS
        rows["cross" if q.cross else "same"].append(
            {
                "ctx@1": ranked[:1] == [q.passage],
                "ctx@5": q.passage in ranked,
                "answer_hit": not result.refused and short and any(a in result.text for a in q.answers),
                "early_hit": not result.refused and any(a in result.text[:EARLY_CHARS] for a in q.answers),
                "false_refusals": result.refused,
                "answer_chars": len(result.text),
            }
        )
    figures: dict[str, Any] = {"ours": {k: _means(v) for k, v in rows.items()}}
    if with_baseline:
        figures["langchain baseline"] = _xquad_baseline(questions, sorted(folder.glob("*.txt")), work)
    return figures


def _means(rows: list[dict[str, float]]) -> dict[str, float]:
    return {key: sum(r[key] for r in rows) / len(rows) for key in rows[0]} | {"questions": len(rows)}


def _xquad_baseline(questions: Sequence[xquad.Question], files: list[Path], work: Path) -> dict[str, Any]:
    """The LangChain tutorial retriever on the same archive; its "answer" is its top passage, cut to 300."""
    from benchmarks import baseline

    store = baseline.build(files, work / "xquad-baseline-chroma")
    rows: dict[str, list[dict[str, float]]] = {"same": [], "cross": []}
    for q in questions:
        docs = store.similarity_search(q.text, k=5)
        ranked = [Path(d.metadata["source"]).stem for d in docs]
        top = docs[0].page_content[:XQUAD_ANSWER_CHARS] if docs else ""
        rows["cross" if q.cross else "same"].append(
            {
                "ctx@1": ranked[:1] == [q.passage],
                "ctx@5": q.passage in ranked,
                "answer_hit": any(a in top for a in q.answers),
                "early_hit": any(a in top[:EARLY_CHARS] for a in q.answers),
                "false_refusals": 0.0,
                "answer_chars": len(top),
            }
        )
    return {k: _means(v) for k, v in rows.items()}


def run(work: Path, bench: Path, with_baseline: bool, extra: Sequence[Path] = ()) -> dict[str, Any]:
    """Run every measurement; returns the figures."""
    passages, questions = cmrc.load(bench)
    folder = cmrc.write_articles(passages, work / "cmrc-articles")
    settings = Settings(_env_file=None, data_dir=work / "cmrc-index")
    report = ingest([folder], settings=settings)
    figures: dict[str, Any] = {
        "machine": machine(),
        "cmrc": {
            "passages": len(passages),
            "questions": len(questions),
            "chunks": get_store(settings=settings).count(),
            "ingest_failed": len(report.failed),
        },
    }
    retrieval = {
        name: retrieval_metrics(questions, runs) for name, runs in our_rankings(questions, settings).items()
    }
    if with_baseline:
        files = sorted(folder.glob("*.txt"))
        rankings, built = baseline_rankings(questions, files, work)
        retrieval["langchain baseline"] = retrieval_metrics(questions, rankings) | {"index_seconds": built}
    figures["retrieval"] = retrieval
    figures["answers"] = answer_metrics(questions, lambda q: answer(q, settings=settings), lambda q: True)
    held = {p.pid for i, p in enumerate(passages) if i % 8 == 7}
    kept = [str(folder / f"{p.pid}.txt") for p in passages if p.pid not in held]
    figures["refusal_heldout"] = answer_metrics(
        questions, lambda q: answer(q, paths=kept, settings=settings), lambda q: q.passage not in held
    )
    archive = Settings(_env_file=None, data_dir=work / "archive-index")
    bundled = ingest([PROJECT_DIR / "data" / "articles"], settings=archive)
    figures["archive"] = archive_metrics(archive, extra)
    news = Settings(_env_file=None, data_dir=work / "news-index")
    grown = ingest([PROJECT_DIR / "data" / "articles", NEWS], settings=news)
    # Articles, not files: a scraped search-results page holds several.
    articles = _documents(grown) - _documents(bundled)
    figures["news"] = archive_metrics(news, questions=NEWS_QUESTIONS) | {"articles": articles}
    figures["xquad"] = xquad_metrics(work, with_baseline)
    return figures


def _documents(report: IngestReport) -> int:
    """How many documents an index holds after `report`'s ingest."""
    return report.added + report.updated + report.unchanged


def markdown(figures: dict[str, Any]) -> str:
    """The figures as Markdown tables."""
    lines = ["| retriever | ctx@1 | ctx@5 | ans@5 | MRR@10 |", "|---|---|---|---|---|"]
    for name, m in figures["retrieval"].items():
        lines.append(
            f"| {name} | {m['ctx@1']:.3f} | {m['ctx@5']:.3f} | {m['ans@5']:.3f} | {m['mrr@10']:.3f} |"
        )
    a, r, ar, nw = figures["answers"], figures["refusal_heldout"], figures["archive"], figures["news"]
    articles = nw["articles"]
    lines += [
        "",
        "| answers (extractive) | value |",
        "|---|---|",
        f"| CMRC answer hit (all {figures['cmrc']['questions']} questions) | {a['answer_hit']:.3f} |",
        f"| CMRC answer hit when answered | {a['answer_hit_when_answered']:.3f} |",
        f"| CMRC answer in the first {EARLY_CHARS} characters | {a['early_hit']:.3f} |",
        f"| CMRC average quoted characters | {a['avg_quoted_chars']:.0f} |",
        f"| CMRC false refusals | {a['false_refusal_rate']:.3f} |",
        f"| held-out CMRC questions refused (recall) | {r['unanswerable_refused']:.3f} |",
        f"| refusal precision (held-out split) | {r['refusal_precision']:.3f} |",
        f"| archive: answer hit / cites expected article | {ar['answer_hit']:.3f} / {ar['cites_expected_article']:.3f} |",
        f"| archive: fact in the first {EARLY_CHARS} characters, expected article cited | {ar['early_and_cited']:.3f} |",
        f"| archive: unanswerable refused / false answers | {ar['unanswerable_refused']:.3f} / {ar['false_answer_rate']:.3f} |",
        f"| archive: follow-ups resolved | {ar['followups_resolved']:.3f} |",
        f"| archive + {articles} news articles ({nw['answerable']} questions): answer hit / fact in the first {EARLY_CHARS} characters, cited | {nw['answer_hit']:.3f} / {nw['early_and_cited']:.3f} |",
        f"| archive + {articles} news articles: unanswerable refused / false answers ({nw['unanswerable']}) | {nw['unanswerable_refused']:.3f} / {nw['false_answer_rate']:.3f} |",
        f"| citation validity (quotes verbatim in their documents) | {min(a['citation_validity'], ar['citation_validity']):.3f} |",
        f"| answer() latency p50 / p95 (CMRC index) | {a['p50_ms']:.0f} ms / {a['p95_ms']:.0f} ms |",
    ]
    lines += ["", *xquad_table(figures["xquad"])]
    return "\n".join(lines) + "\n"


def xquad_table(figures: dict[str, Any]) -> list[str]:
    """XQuAD rows: each system, same and cross language."""
    lines = [
        "| XQuAD mixed archive (zh/en) | asked | ctx@1 | ctx@5 | answer hit | answer in the first "
        f"{EARLY_CHARS} characters | false refusals | mean answer chars |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for system, by_kind in figures.items():
        for kind, m in by_kind.items():
            lines.append(
                f"| {system} | {kind} language ({m['questions']}) | {m['ctx@1']:.3f} | {m['ctx@5']:.3f} | "
                f"{m['answer_hit']:.3f} | {m['early_hit']:.3f} | {m['false_refusals']:.3f} | {m['answer_chars']:.0f} |"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the results."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=RESULTS / "work", help="indexes and copies (reused)")
    parser.add_argument("--bench", type=Path, default=cmrc.DEFAULT_PATH)
    parser.add_argument("--no-baseline", action="store_true", help="skip the LangChain baseline")
    parser.add_argument(
        "--extra",
        type=Path,
        nargs="+",
        default=[],
        metavar="FILE.jsonl",
        help="also ask the questions of feedback exports (`python -m rag feedback --export FILE.jsonl`)",
    )
    args = parser.parse_args(argv)
    figures = run(args.work, args.bench, not args.no_baseline, args.extra)
    write("quality", figures, markdown(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
