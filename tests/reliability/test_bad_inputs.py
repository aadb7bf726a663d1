"""Bad inputs: each gets a clear message naming the file or field, the rest proceeds, nothing is lost."""

import os
import time
from pathlib import Path

import pytest

from ingest import ingest
from ingest.chunking import chunk_document
from ingest.loaders import load
from rag import BadRequest, answer, retrieve
from rag.config import Settings
from rag.errors import LoadError
from rag.query import MAX_QUESTION_CHARS
from rag.store import get_store
from rag.types import Document
from tests.environment import DATA_DIR, make_settings
from tests.helpers import BAD_FILES, REASONS


def test_each_bad_file_is_named_with_its_reason_and_good_files_still_go_in(
    settings: Settings, tmp_path: Path
):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)
    good = folder / "good article 美团 ..txt"
    good.write_bytes((DATA_DIR / "articles" / "meituan_drones.txt").read_bytes())
    assert ingest([DATA_DIR / "articles" / "douyin_local_services.md"], settings=settings).added == 1
    report = ingest([folder], settings=settings)
    assert report.added == 1
    failed = {Path(p.path).name: p.error for p in report.failed}
    assert set(failed) == set(BAD_FILES)
    for name, reason in REASONS.items():
        assert name in failed[name] and reason in failed[name], failed[name]
    assert len(get_store(settings=settings).keyword_index().file_records()) == 2, (
        "a bad file cost an indexed one"
    )


def test_file_names_with_traversal_spaces_chinese_and_newlines(tmp_path: Path):
    settings = make_settings(tmp_path / "index")
    folder = tmp_path / "names"
    (folder / "sub").mkdir(parents=True)
    text = (DATA_DIR / "articles" / "meituan_drones.txt").read_bytes()
    names = ["with space.txt", "新闻 报道.txt", "line\nbreak.txt", "tab\tname.md"]
    for i, name in enumerate(names):
        (folder / name).write_bytes(text + f"\n第{i}版。".encode())
    report = ingest([folder / "sub" / ".." / "with space.txt", folder], settings=settings)
    assert report.ok and report.added == len(names)
    paths = set(get_store(settings=settings).keyword_index().file_records())
    assert paths == {str(folder / n) for n in names}, "paths are stored resolved, exactly"
    assert answer("美团无人机每次能运送多少货物？", settings=settings).citations[0].path in paths


def test_symlink_loops_and_broken_links_are_reported_not_followed(tmp_path: Path):
    settings = make_settings(tmp_path / "index")
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "article.txt").write_bytes((DATA_DIR / "articles" / "meituan_drones.txt").read_bytes())
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "dangling.md").symlink_to(tmp_path / "missing.md")
    (folder / "again").symlink_to(folder, target_is_directory=True)
    report = ingest([folder, folder / "loop.txt"], settings=settings)
    assert report.added == 1
    skipped = {Path(p.path).name: p.error for p in report.skipped}
    assert "symlink" in skipped["loop.txt"] and "symlink" in skipped["dangling.md"]
    assert any("loop.txt" in p.error and "resolve" in p.error for p in report.failed)


def test_a_file_too_large_is_refused_by_its_size(tmp_path: Path):
    settings = make_settings(tmp_path / "index", max_file_mb=0.01)
    big = tmp_path / "big.txt"
    big.write_text("美团无人机。" * 5000, encoding="utf-8")
    (problem,) = ingest([big], settings=settings).failed
    assert "big.txt" in problem.error and "RAG_MAX_FILE_MB" in problem.error


@pytest.mark.parametrize("question", ["", "   \n\t ", "x" * (MAX_QUESTION_CHARS + 1), "美" * 100_000])
def test_empty_or_huge_questions_are_clear_errors(archive: Settings, question: str):
    with pytest.raises(BadRequest, match="empty|characters long"):
        answer(question, settings=archive)
    with pytest.raises(BadRequest):
        retrieve(question, settings=archive)


@pytest.mark.parametrize("since", ["yesterday", "2025/12/01", "12-01-2025"])
def test_malformed_dates_are_clear_errors(archive: Settings, since: str):
    with pytest.raises(BadRequest, match="YYYY-MM-DD"):
        answer("小红卡为什么关停？", since=since, settings=archive)


@pytest.mark.parametrize(
    "question",
    [
        "🤔🤔🤔",
        "？？？",
        "!!!",
        "Pourquoi 小红卡 a-t-il fermé ?",
        "小紅卡為什麼關停？",
        "小紅カードはなぜ終了したのですか？",
    ],
)
def test_odd_questions_get_an_answer_or_a_refusal_never_a_crash(archive: Settings, question: str):
    result = answer(question, settings=archive)
    assert result.refused or result.citations
    assert result.text


def test_loaders_never_crash_on_a_damaged_file_of_any_kind(tmp_path: Path):
    for suffix in (".pdf", ".docx", ".html", ".txt"):
        path = tmp_path / f"damaged{suffix}"
        magic = {".pdf": b"%PDF-1.7\n", ".docx": b"PK\x03\x04"}.get(suffix, b"")
        for seed in range(5):
            path.write_bytes(magic + os.urandom(2000 + seed * 1000))
            try:
                load(path, max_mb=1)
            except LoadError as exc:
                assert path.name in str(exc)


def _seconds(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


@pytest.mark.parametrize(
    "history",
    [
        [("小红卡" * 10_000, "")],
        [("why " + "Kuaishou GMV payment licence " * 1000, "x" * 30_000)],
        [("q", "a")] * 500 + [("小红书支付牌照" * 300, "")],
    ],
    ids=["30k-chinese-turn", "30k-english-turn", "500-turns"],
)
def test_a_huge_history_costs_no_more_than_a_question(archive: Settings, history):
    normal = min(_seconds(lambda: answer("它为什么关停？", settings=archive)) for _ in range(3))
    costly = min(_seconds(lambda: answer("它为什么关停？", history, settings=archive)) for _ in range(2))
    assert costly < max(20 * normal, 2.0)


def test_a_question_at_the_length_cap_costs_about_ten_normal_ones(archive: Settings):
    normal = min(_seconds(lambda: answer("小红卡为什么关停？", settings=archive)) for _ in range(3))
    text = (DATA_DIR / "articles" / "meituan_drones.txt").read_text(encoding="utf-8")
    long_question = (text * 10)[: MAX_QUESTION_CHARS - 1] + "？"
    costly = min(_seconds(lambda: answer(long_question, settings=archive)) for _ in range(3))
    assert costly < max(20 * normal, 1.5)


@pytest.mark.parametrize("k", [0, -3, 51, 10**9, 2.5, True])
def test_k_out_of_range_is_a_clear_error(archive: Settings, k):
    with pytest.raises(BadRequest, match="1 to 50"):
        answer("小红卡为什么关停？", k=k, settings=archive)
    with pytest.raises(BadRequest, match="1 to 50"):
        retrieve("小红卡为什么关停？", k=k, settings=archive)


@pytest.mark.parametrize(
    "run",
    [
        "a" * 200_000,
        "哈" * 100_000,
        "=" * 100_000,
        "ab" * 100_000,
        "。" * 50_000,
        " x" * 100_000,
        "1," * 50_000,
    ],
    ids=["latin", "chinese", "equals", "pairs", "stops", "spaced", "numbers"],
)
def test_long_runs_of_one_character_are_chunked_exactly_and_quickly(run: str):
    text = "开头。" + run + "结尾。"
    started = time.perf_counter()
    chunks = chunk_document(Document(title="t", text=text, path="/a.txt"), chunk_tokens=200, overlap=60)
    assert time.perf_counter() - started < 10
    assert all(text[c.start : c.end] == c.text for c in chunks)
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    assert all(b.start <= a.end for a, b in zip(chunks, chunks[1:], strict=False)), "text between chunks"


def test_a_file_of_repeated_characters_is_ingested(tmp_path: Path):
    path = tmp_path / "runs.txt"
    path.write_text("重复测试\n" + "哈" * 3000 + "\n" + "=" * 3000 + "\n美团无人机送货。", encoding="utf-8")
    report = ingest([path], settings=make_settings(tmp_path / "index"))
    assert report.ok and report.added == 1, report.failed
