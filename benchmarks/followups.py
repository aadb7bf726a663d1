"""Follow-up benchmark: conversations of two and three turns over the bundled archive and CMRC 2018.

    python -m benchmarks.followups [--work DIR]

Each conversation in `followups.json` is asked turn by turn. A turn is resolved when its answer is not
a refusal, contains one of its expected strings and cites the expected article. Every conversation is
asked three ways in the same run: each question alone (no history), with the history as (question,
answer text) pairs (what an HTTP client without citations sends), and with the earlier answers
themselves (what the app and `python -m rag chat` pass). Writes `benchmarks/results/followups.json`/`.md`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import cmrc
from benchmarks.report import RESULTS, machine, write
from ingest import ingest
from rag import Answer, Settings, answer
from rag.config import PROJECT_DIR

CONVERSATIONS = Path(__file__).with_name("followups.json")
WAYS = ("alone", "pairs", "answers")


def indexes(work: Path, bench: Path) -> dict[str, Settings]:
    """The bundled archive's index and the CMRC trial's, built (or brought up to date) under `work`."""
    passages, _ = cmrc.load(bench)
    folders = {
        "archive": PROJECT_DIR / "data" / "articles",
        "cmrc": cmrc.write_articles(passages, work / "cmrc-articles"),
    }
    settings = {}
    for name, folder in folders.items():
        settings[name] = Settings(_env_file=None, data_dir=work / f"{name}-index")
        ingest([folder], settings=settings[name])
    return settings


def resolved(turn: dict[str, Any], result: Answer) -> bool:
    """Whether `result` answers `turn`: a fact expected, from the expected article."""
    if result.refused or not any(e in result.text for e in turn["expect"]):
        return False
    if "passage" in turn:
        return any(cmrc.passage_of(c.path) == turn["passage"] for c in result.citations)
    return any(turn["title"] in c.title for c in result.citations)


def ask(conversation: dict[str, Any], way: str, settings: Settings) -> list[bool]:
    """Ask every turn of `conversation`, the history passed `way`; whether each turn was resolved."""
    earlier: list[Answer] = []
    outcome = []
    for turn in conversation["turns"]:
        history: Sequence[Any] | None = None
        if way == "pairs":
            history = [(a.question, a.text) for a in earlier]
        elif way == "answers":
            history = earlier
        result = answer(turn["q"], history, settings=settings)
        outcome.append(resolved(turn, result))
        earlier.append(result)
    return outcome


def run(work: Path, bench: Path) -> dict[str, Any]:
    """Ask every conversation every way; returns the figures."""
    conversations = json.loads(CONVERSATIONS.read_text(encoding="utf-8"))["conversations"]
    settings = indexes(work, bench)
    figures: dict[str, Any] = {"machine": machine(), "conversations": len(conversations)}
    for way in WAYS:
        outcomes = [ask(c, way, settings[c["archive"]]) for c in conversations]
        later = [ok for o in outcomes for ok in o[1:]]
        figures[way] = {
            "followups": len(later),
            "followups_resolved": sum(later) / len(later),
            "first_turns_resolved": sum(o[0] for o in outcomes) / len(outcomes),
            "conversations_resolved": sum(all(o) for o in outcomes) / len(outcomes),
            "unresolved": [
                c["turns"][i]["q"]
                for c, o in zip(conversations, outcomes, strict=True)
                for i, ok in enumerate(o)
                if not ok and i
            ],
        }
    return figures


def markdown(figures: dict[str, Any]) -> str:
    """The figures as a Markdown table."""
    rows = [
        f"| {way} | {figures[way]['followups_resolved']:.3f} | {figures[way]['first_turns_resolved']:.3f} "
        f"| {figures[way]['conversations_resolved']:.3f} |"
        for way in WAYS
    ]
    return "\n".join(
        [
            f"# Follow-ups ({figures['conversations']} conversations, "
            f"{figures['answers']['followups']} follow-up turns; {figures['machine']['date']})",
            "",
            "| history given as | follow-ups resolved | first turns resolved | whole conversations |",
            "|---|---|---|---|",
            *rows,
            "",
            "Unresolved with the answers as history: "
            + ("; ".join(figures["answers"]["unresolved"]) or "none"),
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the results."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=RESULTS / "work", help="indexes and copies (reused)")
    parser.add_argument("--bench", type=Path, default=cmrc.DEFAULT_PATH)
    args = parser.parse_args(argv)
    figures = run(args.work, args.bench)
    write("followups", figures, markdown(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
