"""`python -m rag ask QUESTION`, `python -m rag chat`, `python -m rag feedback --export FILE.jsonl`.

`ask` and `chat` answer with numbered sources; `chat` saves its conversation and can resume any saved
one (`--list`, `--resume ID`); `feedback` exports the 👍/👎 given as test questions.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from rag import __version__
from rag.answer import answer
from rag.config import Settings
from rag.conversations import TERMINAL, conversations, default_owner, get_conversation, save_turn
from rag.errors import RagError
from rag.feedback import export_feedback
from rag.pins import describe_change, pin_question, pinned, refresh_pins, unpin
from rag.types import Answer, Citation

EPILOG = """examples:
  python -m rag ask "小红卡为什么关停？"
  python -m rag ask "why did 小红卡 close?" --json
  python -m rag ask "快手要做自营电商吗？" --source "Xin Lang Cai Jing" --since 2025-01-01
  python -m rag chat
  python -m rag chat --list
  python -m rag chat --resume 3kZ8f0aQpW1x
  python -m rag pins --add "小红书支付牌照进展？"
  python -m rag feedback --export feedback.jsonl
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m rag",
        description="Ask the news archive; every answer cites its sources.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    verbs = parser.add_subparsers(dest="verb", required=True)
    ask = verbs.add_parser(
        "ask", help="answer one question", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    chat = verbs.add_parser("chat", help="a terminal chat, saved; follow-up questions use the history")
    saved = chat.add_mutually_exclusive_group()
    saved.add_argument("--list", action="store_true", help="list the saved conversations and exit")
    saved.add_argument("--resume", metavar="ID", help="go on with a saved conversation (see --list)")
    pins = verbs.add_parser("pins", help="pinned questions: answered again as the archive changes")
    pins.add_argument("--add", metavar="QUESTION", help="pin a question")
    pins.add_argument("--remove", metavar="ID", type=int, help="unpin (ids as listed)")
    given = verbs.add_parser("feedback", help="export the 👍/👎 given on answers as test questions")
    given.add_argument(
        "--export",
        type=Path,
        required=True,
        metavar="FILE.jsonl",
        help="write them as JSON Lines that `python -m benchmarks.quality --extra FILE` reads",
    )
    for sub in (ask, chat):
        sub.add_argument("--k", type=int, help="passages to retrieve")
        sub.add_argument("--source", action="append", help="only this outlet (repeatable)")
        sub.add_argument("--since", help="only articles dated on or after YYYY-MM-DD")
        sub.add_argument("--until", help="only articles dated on or before YYYY-MM-DD")
        sub.add_argument("--no-llm", action="store_true", help="extractive answer even when RAG_LLM is set")
    return parser


def _citation_line(c: Citation) -> str:
    meta = " · ".join(x for x in (c.title, c.source, c.date) if x)
    return f"[{c.n}] {meta}\n    “{c.quote}”"


def render(result: Answer) -> str:
    """The answer, then its numbered sources (or see-also list), for a terminal."""
    lines = [result.text, ""]
    if result.citations:
        lines += ["Sources:", *(_citation_line(c) for c in result.citations)]
    if result.see_also:
        lines += ["See also:", *(_citation_line(c) for c in result.see_also)]
    if result.note:
        lines.append(f"({result.mode}: {result.note})")
    return "\n".join(lines).rstrip()


def _options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "k": args.k,
        "sources": args.source,
        "since": args.since,
        "until": args.until,
        "use_llm": False if args.no_llm else None,
        "settings": Settings(),
    }


def _list(settings: Settings) -> int:
    listed = conversations(owner=None, settings=settings)
    for c in listed:
        print(f"{c.id}  {c.updated[:16].replace('T', ' ')}  {c.turns:>3} question(s)  {c.title}")
    if not listed:
        print("no saved conversations yet: start one with python -m rag chat")
    return 0


def _chat(options: dict[str, Any], resume: str | None) -> int:
    settings: Settings = options["settings"]
    current, history = resume, []
    if resume:
        saved = get_conversation(resume, owner=None, settings=settings)
        history = [t.answer for t in saved.history]
        print(f"Resuming “{saved.title}” ({saved.turns} question(s)); the last answer was:\n")
        if saved.history:
            print(render(saved.history[-1].answer) + "\n")
    print("Ask about the archive (empty line or Ctrl-D to quit).")
    while True:
        try:
            question = input("> ").strip()
        except EOFError:
            question = ""
        if not question:
            if current:
                print(f"Saved; go on later with: python -m rag chat --resume {current}")
            return 0
        result = answer(question, history, **options)
        print(render(result) + "\n")
        history.append(result)
        current = save_turn(result, conversation=current, owner=None, settings=settings)


def _pins(args: argparse.Namespace, settings: Settings) -> int:
    """Pin or unpin, then answer the pins again where the archive changed, and list them."""
    if args.add:
        pin_question(args.add, owner=default_owner(TERMINAL, settings), settings=settings)
    if args.remove is not None:
        unpin(args.remove, owner=None, settings=settings)
    refresh_pins(settings=settings)
    listed = pinned(owner=None, settings=settings)
    for p in listed:
        said = "not in the archive yet" if p.answer.refused else p.answer.text[:100]
        print(f"[{p.id}] {p.question}\n    {said}")
        if p.change:
            print(f"    changed {(p.changed or '')[:16].replace('T', ' ')} UTC: {describe_change(p.change)}")
    if not listed:
        print('no pinned questions: pin one with python -m rag pins --add "…"')
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 error, 2 usage)."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        if args.verb == "feedback":
            count = export_feedback(args.export, settings=Settings())
            print(f"{count} piece(s) of feedback written to {args.export}")
            return 0
        if args.verb == "pins":
            return _pins(args, Settings())
    except OSError as exc:
        print(f"error: cannot write {args.export}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except RagError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    try:
        options = _options(args)
        if args.verb == "chat":
            return _list(options["settings"]) if args.list else _chat(options, args.resume)
        result = answer(args.question, **options)
    except RagError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(result.to_json() if args.json else render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
