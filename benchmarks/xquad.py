"""XQuAD (English ↔ Chinese, parallel) as a mixed-language archive, for cross-language benchmarks.

Data: XQuAD (Artetxe et al., "On the Cross-lingual Transferability of Monolingual Representations",
ACL 2020), licensed CC BY-SA 4.0, read from `../shared/bench/xquad/`; not copied here. Each paragraph
is indexed once, alternately in Chinese and English; every question is asked in the paragraph's
language ("same") and in the other one ("cross"). Gold answers are in the paragraph's language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from benchmarks.cmrc import write_texts
from rag.config import PROJECT_DIR

DEFAULT_DIR = PROJECT_DIR.parent / "shared" / "bench" / "xquad"
LANGUAGES = ("zh", "en")


@dataclass(frozen=True, slots=True)
class Question:
    """A question in one language about a paragraph indexed in `passage_lang`; `answers` in that language."""

    qid: str
    text: str
    lang: str
    passage: str
    passage_lang: str
    answers: tuple[str, ...]

    @property
    def cross(self) -> bool:
        """True when the question is not in its paragraph's language."""
        return self.lang != self.passage_lang


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph, in the language it is indexed in."""

    pid: str
    lang: str
    title: str
    context: str


def load(folder: Path = DEFAULT_DIR) -> tuple[list[Paragraph], list[Question]]:
    """Paragraphs (alternating zh/en) and every question in both languages."""
    data = {
        lang: json.loads((folder / f"xquad.{lang}.json").read_text(encoding="utf-8"))["data"]
        for lang in LANGUAGES
    }
    paragraphs: list[Paragraph] = []
    questions: list[Question] = []
    n = 0
    for articles in zip(data["zh"], data["en"], strict=True):
        for paras in zip(*(a["paragraphs"] for a in articles), strict=True):
            by_lang = dict(zip(LANGUAGES, paras, strict=True))
            lang = LANGUAGES[n % 2]
            pid = f"xq{n:03d}-{lang}"
            title = articles[0]["title"]
            paragraphs.append(Paragraph(pid, lang, title, by_lang[lang]["context"]))
            gold = by_lang[lang]["qas"]
            for asked in LANGUAGES:
                for qa, gold_qa in zip(by_lang[asked]["qas"], gold, strict=True):
                    answers = tuple(dict.fromkeys(a["text"] for a in gold_qa["answers"] if a["text"]))
                    questions.append(Question(qa["id"], qa["question"], asked, pid, lang, answers))
            n += 1
    return paragraphs, questions


def write_articles(paragraphs: list[Paragraph], folder: Path) -> Path:
    """Write each paragraph as `<id>.txt` and return the folder.

    No title line: XQuAD's titles are English in both languages, which would hand every Chinese
    paragraph an English keyword; the parser titles each file by its name instead.
    """
    return write_texts({p.pid: f"{p.context}\n" for p in paragraphs}, folder)
