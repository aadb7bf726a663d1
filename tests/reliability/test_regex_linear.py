"""Every regular expression that sees document or question text runs in linear time on hostile input.

The patterns are collected from the modules themselves (module-level patterns and the intent table),
so a pattern added later is checked too. Each is run the way the code runs it (search, match) on
strings built from the characters patterns care about, repeated: a backtracking pattern takes seconds
on 4,000 characters where a linear one takes about a millisecond, and a quadratic one (a pattern opening
on a run of blanks, tried again at each blank of a long run) takes sixteen times as long on four times
the text.
"""

import importlib
import itertools
import pkgutil
import re
import time

import pytest

import ingest
import rag
from ingest.loaders import Loaded
from ingest.parse import _heading_title, parse
from rag.bilingual import _word
from rag.short import answer_span
from rag.text import sentence_spans

ATOMS = [
    " ", "\n", "\t", ".", "。", "#", "1", "a", "A", "·", "[", "[1]", "“", "‘", '"', "年", "，", ",", "!",
    "-", "'", "2025", "# a", "ignore ", "x", "…", "月", "1 ", "A. ", "< ", "$", "\u200b",
]  # fmt: skip
LENGTH = 4000
LIMIT_SECONDS = 0.2
# A run this long is timed again, and on a longer text.
NOTICED_SECONDS = 0.01
GROWTH = 4
# Each noticed run is timed this many times, the fastest counting: a run just past `NOTICED_SECONDS` is
# a few milliseconds, and one pause of the machine once made a linear pattern's growth read 8; a pattern
# whose fastest run is not noticed was paused, not slow.
TIMINGS = 3


def _modules():
    for package in (rag, ingest):
        for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            yield importlib.import_module(info.name)


def _patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {"lexicon._word(pay)": _word("pay")}
    for module in _modules():
        for name, value in vars(module).items():
            values = [value]
            if isinstance(value, dict):
                values = [v for item in value.values() for v in (item if isinstance(item, tuple) else [item])]
            for i, v in enumerate(values):
                # A pattern one module imports from another is checked once, by its first name.
                if isinstance(v, re.Pattern) and v not in found.values():
                    found[f"{module.__name__}.{name}[{i}]"] = v
    return found


# Each atom repeated, and each atom repeated between two copies of another.
SHAPES = [("", atom) for atom in ATOMS] + list(itertools.permutations(ATOMS, 2))


def adversarial(edge: str, atom: str, length: int) -> str:
    return edge + atom * (length // len(atom)) + edge


PATTERNS = _patterns()


def test_the_audit_sees_the_patterns_that_read_documents():
    names = " ".join(PATTERNS)
    for expected in ("_SENTENCE_END", "_SOURCE_LINE", "_HEADING", "INTENTS", "_INSTRUCTION", "_QUOTED"):
        assert expected in names


def _seconds(pattern: re.Pattern[str], text: str) -> float:
    started = time.perf_counter()
    for _ in pattern.finditer(text):
        pass
    pattern.match(text)
    return time.perf_counter() - started


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_adversarial_text(name: str):
    pattern = PATTERNS[name]
    for edge, atom in SHAPES:
        text = adversarial(edge, atom, LENGTH)
        elapsed = _seconds(pattern, text)
        if elapsed < NOTICED_SECONDS:
            continue
        # A busy machine may pause one run, and a fast one hides a quadratic pattern's seconds: the time
        # on a text `GROWTH` times longer grows `GROWTH`-fold for a linear pattern, its square otherwise.
        elapsed = min(elapsed, *(_seconds(pattern, text) for _ in range(TIMINGS - 1)))
        if elapsed < NOTICED_SECONDS:
            continue  # the slow run was a pause: a third of a millisecond grown twelvefold is still noise
        longer = adversarial(edge, atom, GROWTH * LENGTH)
        grown = min(_seconds(pattern, longer) for _ in range(TIMINGS)) / elapsed
        where = f"{name} on {text[:20]!r}… ({len(text)} chars)"
        assert elapsed < LIMIT_SECONDS, f"{where} took {elapsed:.2f} s"
        assert grown < 2 * GROWTH, f"{where}: {GROWTH} times the text took {grown:.0f} times as long"


@pytest.mark.parametrize(
    "text",
    [
        "# a" + " " * 16000 + "x\nbody of the article\n",  # the reported 35-second upload, five times longer
        "Xin Lang· 2025-1" + " " * 16000 + "x\nTitle\nbody\n",
        "Title\n" + "Outlet· " + " " * 16000 + "2025-01-01 10:00\nbody\n",
        "\n" * 200_000 + "Title\nbody\n",
        ("x" * 150 + "\n" + "t\n") * 20_000,
    ],
    ids=["long-heading", "long-source-line", "spaces-in-source-line", "empty-lines", "many-short-lines"],
)
def test_parser_is_fast_on_hostile_pages(tmp_path, text: str):
    started = time.perf_counter()
    parse(Loaded(text=text, plain=True), tmp_path / "page.txt")
    assert time.perf_counter() - started < 2.0


def test_headings_keep_their_title_and_drop_closing_hashes():
    assert _heading_title("## Title ##") == "Title"
    assert _heading_title("# a" + " " * 50 + "x") == "a" + " " * 50 + "x"
    assert _heading_title("# C#") == "C#"
    assert _heading_title("#hashtag") is None
    assert _heading_title("# ") is None


def test_sentences_of_a_run_of_dots_come_back_quickly():
    text = "Intro. " + "." * 50_000 + " end."
    started = time.perf_counter()
    spans = sentence_spans(text)
    assert time.perf_counter() - started < 1.0
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize(
    "text",
    [
        "1元" * 6000,
        "$1" * 6000,
        "约翰·" * 4000,
        "第三季度营收增长5%至100亿元。" * 700,
        "Revenue rose 5% to 100 yuan in the third quarter. " * 240,
        "2025年第三季度1元，" * 1000,
    ],
    ids=["sums", "signed", "dotted", "chinese-sentences", "english-sentences", "dated-clauses"],
)
def test_a_short_answer_is_found_quickly_among_thousands_of_figures_or_names(text: str):
    # Each figure once looked through the whole text before it (its sentence, a "from" before it):
    # 12,000 characters took 8 seconds, 60,000 four minutes; a question naming a period, or a sentence
    # said over and over (each figure weighed against every place of the question's words), minutes.
    answer_span("How much did revenue rise?", "Revenue rose 5% to 100 yuan.", lambda _: 1.0)  # loads lexicons
    started = time.perf_counter()
    for question in ("How much did it cost?", "谁是CEO？", "第三季度营收是多少？"):
        answer_span(question, text, lambda _: 1.0)
    assert time.perf_counter() - started < 3.0
