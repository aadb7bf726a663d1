"""The CMRC 2018 trial split as a folder of articles plus its questions, for retrieval benchmarks.

Data: CMRC 2018 (Cui et al., "A Span-Extraction Dataset for Chinese Machine Reading Comprehension",
EMNLP 2019), licensed CC BY-SA 4.0, read from `../shared/bench/cmrc2018_trial.json`; not copied here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from rag.config import PROJECT_DIR

DEFAULT_PATH = PROJECT_DIR.parent / "shared" / "bench" / "cmrc2018_trial.json"


@dataclass(frozen=True, slots=True)
class Question:
    """A question, the passage it was written for, and its gold answer strings."""

    qid: str
    text: str
    passage: str
    answers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Passage:
    """A Wikipedia passage with its article title."""

    pid: str
    title: str
    context: str


def load(path: Path = DEFAULT_PATH) -> tuple[list[Passage], list[Question]]:
    """Read passages and questions from the SQuAD-style JSON."""
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    passages, questions = [], []
    for article in data:
        for para in article["paragraphs"]:
            passages.append(Passage(para["id"], article["title"], para["context"]))
            for qa in para["qas"]:
                answers = tuple(dict.fromkeys(a["text"] for a in qa["answers"] if a["text"]))
                questions.append(Question(qa["id"], qa["question"], para["id"], answers))
    return passages, questions


def write_articles(passages: list[Passage], folder: Path) -> Path:
    """Write each passage as `<id>.txt` (title line, then the passage) and return the folder."""
    return write_texts({p.pid: f"{p.title}\n{p.context}\n" for p in passages}, folder)


def write_texts(texts: dict[str, str], folder: Path) -> Path:
    """Write each text as `<id>.txt` in `folder`, leaving unchanged files untouched (so re-ingest is free)."""
    folder.mkdir(parents=True, exist_ok=True)
    for pid, text in texts.items():
        target = folder / f"{pid}.txt"
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    return folder


def passage_of(path: str) -> str:
    """The passage id of an indexed file path."""
    return Path(path).stem
