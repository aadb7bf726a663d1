"""The keyword index: BM25 over the chunks, cached on disk under the store's generation."""

from pathlib import Path

import numpy as np

from rag.keyword import KeywordIndex, date_number, load, rebuild
from rag.types import Filters
from tests.helpers import make_chunk

TEXTS = [
    ("小红卡业务将于2026年1月1日起暂停试运营，年卡收费为168元。", "Xin Lang Ke Ji", "2025-12-10"),
    ("Xiaohongshu acquired a payment license through Dongfang Electronic Payment.", "36Ke", "2025-11-06"),
    ("快手电商一季度GMV同比增长，平台宣布上线官方自营旗舰店。", "Xin Lang Cai Jing", "2025-08-20"),
]


def _index(cache: Path, generation: str = "g1") -> KeywordIndex:
    records = [
        (make_chunk(text, chunk_id=f"c{i}", doc_id=f"d{i}", source=source, date=date), np.eye(4)[i])
        for i, (text, source, date) in enumerate(TEXTS)
    ]
    return rebuild(records, generation, cache)


def test_search_ranks_by_bm25_and_applies_filters(tmp_path: Path):
    index = _index(tmp_path)
    assert index.search(["小红卡"], 3, Filters())[0][0].chunk_id == "c0"
    assert index.search(["payment", "license"], 3, Filters())[0][0].chunk_id == "c1"
    assert index.search(["小红卡"], 3, Filters(sources=("36Ke",))) == []
    dated = index.search(["快手", "小红卡"], 3, Filters(since="2025-09-01"))
    assert [c.chunk_id for c, _ in dated] == ["c0"]
    assert index.search([], 3, Filters()) == []


def test_rare_terms_weigh_more_and_unknown_terms_are_not_known(tmp_path: Path):
    index = _index(tmp_path)
    assert index.knows("小红卡") and not index.knows("拼多多")
    assert index.idf("拼多多") >= index.idf("小红卡") > 0


def test_the_cache_is_reused_only_at_its_generation(tmp_path: Path):
    built = _index(tmp_path, "g1")
    loaded = load(tmp_path, "g1")
    assert loaded is not None and [c.chunk_id for c in loaded.chunks] == [c.chunk_id for c in built.chunks]
    assert loaded.search(["小红卡"], 1, Filters())[0][0].chunk_id == "c0"
    assert load(tmp_path, "g2") is None


def test_a_damaged_cache_is_ignored_not_trusted(tmp_path: Path):
    _index(tmp_path)
    (tmp_path / "chunks.json").write_text("{not json", encoding="utf-8")
    assert load(tmp_path, "g1") is None
    assert load(tmp_path / "missing", "g1") is None


def test_language_statistics_follow_the_chunks(tmp_path: Path):
    index = _index(tmp_path)
    assert index.languages.counts == {"zh": 2, "en": 1}
    assert index.language_of("c1") == "en"
    assert date_number("2025-12-10") == 20251210 and date_number(None) == 0
