"""The keyword index: BM25 in tantivy, records and language sums in SQLite, updated in place."""

import sqlite3
import threading
from pathlib import Path

import numpy as np
import pytest

from rag.store import KeywordIndex, date_number
from rag.store.keyword import FORMAT, Mark, Stored
from rag.types import Filters
from tests.helpers import make_chunk

TEXTS = [
    ("小红卡业务将于2026年1月1日起暂停试运营，年卡收费为168元。", "Xin Lang Ke Ji", "2025-12-10"),
    ("Xiaohongshu acquired a payment license through Dongfang Electronic Payment.", "36Ke", "2025-11-06"),
    ("快手电商一季度GMV同比增长，平台宣布上线官方自营旗舰店。", "Xin Lang Cai Jing", "2025-08-20"),
]


def _stored(i: int, text: str, source: str | None = None, date: str | None = None) -> Stored:
    chunk = make_chunk(text, chunk_id=f"c{i}", doc_id=f"d{i}", source=source, date=date)
    return Stored(chunk, np.eye(4, dtype=np.float32)[i % 4], f"hash{i}")


def _index(directory: Path) -> KeywordIndex:
    index = KeywordIndex(directory)
    with index.updating() as update:
        update.put([_stored(i, *row) for i, row in enumerate(TEXTS)], [])
        update.mark = Mark("collection", "g1", 2)
    return index


def test_search_ranks_by_bm25_and_applies_filters(tmp_path: Path):
    index = _index(tmp_path)
    assert index.search(["小红卡"], 3, Filters())[0][0].chunk_id == "c0"
    assert index.search(["payment", "license"], 3, Filters())[0][0].chunk_id == "c1"
    assert index.search(["小红卡"], 3, Filters(sources=("36Ke",))) == []
    dated = index.search(["快手", "小红卡"], 3, Filters(since="2025-09-01"))
    assert [c.chunk_id for c, _ in dated] == ["c0"]
    assert [c.chunk_id for c, _ in index.search(["gmv", "小红卡"], 3, Filters(until="2025-09-01"))] == ["c2"]
    assert index.search([], 3, Filters()) == [] and index.search(["two words"], 3, Filters()) == []


def test_a_chinese_name_is_found_by_its_pinyin_among_names_only(tmp_path: Path):
    index = _index(tmp_path)
    # 快手 is filed under "kuaishou" too, for an English question writing it so; the body holds no
    # pinyin, and a name's pinyin is no body word.
    assert [c.chunk_id for c, _ in index.search([], 3, Filters(), names=["kuaishou"])] == ["c2"]
    assert index.search(["kuaishou"], 3, Filters()) == []
    assert index.search([], 3, Filters(), names=["xiaohongshu"]) == []


def _nearest(index: KeywordIndex, axis: int, filters: Filters | None = None) -> list[str]:
    return [cid for cid, _ in index.nearest(np.eye(4)[axis], 3, filters or Filters())[0]]


def test_nearest_ranks_by_cosine_applies_filters_and_follows_updates(tmp_path: Path):
    index = _index(tmp_path)
    found = index.nearest(3 * np.eye(4)[1], 3, Filters())[0]  # the query need not be of unit length
    assert found[0] == ("c1", pytest.approx(1.0)) and len(found) == 3
    assert _nearest(index, 1, Filters(sources=("Xin Lang Ke Ji",))) == ["c0"]
    assert _nearest(index, 0, Filters(since="2025-11-01")) == ["c0", "c1"]
    assert _nearest(index, 0, Filters(until="2025-09-01")) == ["c2"]
    assert _nearest(index, 0, Filters(documents=("d1",), sources=("36Ke",))) == ["c1"]
    assert _nearest(index, 0, Filters(paths=("/nowhere.txt",))) == []
    reader = KeywordIndex(tmp_path)
    with index.updating() as update:
        update.put([_stored(4, "An article on the same axis.")], ["c0"])
        update.mark = Mark("collection", "g2", 3)
    assert _nearest(index, 0)[0] == "c4" and "c0" not in _nearest(index, 0)
    reader.mark()  # another process sees the saved index once it looks
    assert _nearest(reader, 0)[0] == "c4" and len(list(tmp_path.glob("vectors-*"))) == 1


def test_an_update_that_died_before_saving_the_vectors_has_them_built_again(tmp_path: Path):
    index = _index(tmp_path)
    with pytest.raises(RuntimeError), index.updating() as update:
        update.put([_stored(7, "拼多多")], [])
        raise RuntimeError("killed after its rows were written")
    with KeywordIndex(tmp_path).updating() as update:  # the next update, of any process
        update.mark = Mark("collection", "g2", 3)
    index.mark()
    assert _nearest(index, 3)[0] == "c7"


def test_readers_during_updates_always_get_as_many_neighbours_as_asked(tmp_path: Path):
    index = KeywordIndex(tmp_path)
    rng = np.random.default_rng(0)

    def stored(i: int) -> Stored:
        vector = rng.standard_normal(8).astype(np.float32)
        return Stored(make_chunk(f"text {i}", chunk_id=f"c{i}", doc_id=f"d{i}"), vector, "h")

    with index.updating() as update:
        update.put([stored(i) for i in range(100)], [])
        update.mark = Mark("collection", "g0", 1)
    short: list[list[tuple[str, float]]] = []
    done = threading.Event()

    def read(reader: KeywordIndex) -> None:
        while not done.is_set():
            reader.mark()
            short.extend(run for run in reader.nearest(np.ones(8), 5, Filters()) if len(run) != 5)

    readers = [threading.Thread(target=read, args=(r,)) for r in (index, index, KeywordIndex(tmp_path))]
    for thread in readers:
        thread.start()
    for k in range(30):  # each update deletes a chunk the readers may have just been given
        with index.updating() as update:
            update.put([stored(100 + k)], [f"c{k}"])
            update.mark = Mark("collection", f"g{k + 1}", k + 2)
    done.set()
    for thread in readers:
        thread.join()
    assert short == [] and len(index) == 100


def test_rare_terms_weigh_more_and_unknown_terms_are_not_known(tmp_path: Path):
    index = _index(tmp_path)
    assert index.knows("小红卡") and not index.knows("拼多多")
    assert index.idf("拼多多") >= index.idf("小红卡") > 0


def test_the_index_and_its_mark_persist_and_are_seen_by_another_reader(tmp_path: Path):
    _index(tmp_path)
    again = KeywordIndex(tmp_path)
    assert again.mark() == Mark("collection", "g1", 2) and len(again) == 3
    assert again.search(["小红卡"], 1, Filters())[0][0].chunk_id == "c0"
    with KeywordIndex(tmp_path).updating() as update:
        update.put([_stored(5, "拼多多上线了新功能。")], ["c0"])
        update.mark = Mark("collection", "g2", 3)
    assert again.mark() == Mark("collection", "g2", 3)  # a reader sees the update once it looks
    assert again.knows("拼多多") and not again.search(["小红卡"], 3, Filters()) and len(again) == 3


def test_updates_replace_by_id_and_keep_language_sums_exact(tmp_path: Path):
    index = _index(tmp_path)
    assert index.languages.counts == {"zh": 2, "en": 1}
    np.testing.assert_allclose(index.languages.means["zh"], [0.5, 0, 0.5, 0])
    with index.updating() as update:
        update.put([_stored(0, "An English text now.")], [])
        update.put([_stored(0, "An English text now.")], [])  # applied twice: changes nothing more
        update.put([], ["c2", "missing"])
        update.mark = Mark("collection", "g2", 3)
    assert index.languages.counts == {"en": 2} and len(index) == 2
    np.testing.assert_allclose(index.languages.means["en"], [0.5, 0.5, 0, 0])
    placed = index.placed(["c0", "c1", "c2"])
    assert {cid: lang for cid, (lang, _) in placed.items()} == {"c0": "en", "c1": "en"}
    assert set(index.chunks(["c0", "c2"])) == {"c0"}


def test_a_failed_update_commits_nothing_to_the_mark(tmp_path: Path):
    index = _index(tmp_path)
    with pytest.raises(RuntimeError), index.updating() as update:
        update.put([_stored(7, "拼多多")], [])
        update.mark = Mark("collection", "g9", 9)
        raise RuntimeError("killed")
    assert index.mark() == Mark("collection", "g1", 2)


def test_file_and_document_views(tmp_path: Path):
    index = _index(tmp_path)
    records = index.file_records()
    assert len(records) == 1 and next(iter(records.values())).doc_ids == {"d0", "d1", "d2"}
    path = make_chunk("x").path
    assert index.file_records([path]).keys() == {path} and index.file_records([]) == {}
    assert index.file_records(under=[Path(path).parent]).keys() == {path}
    assert index.owners(["d1", "nope"]) == {"d1": path}
    assert index.known_texts([make_chunk(TEXTS[0][0]).text_hash, "nope"]) == {
        make_chunk(TEXTS[0][0]).text_hash
    }
    assert index.document_count() == 3 and {d.doc_id for d in index.documents()} == {"d0", "d1", "d2"}


def test_an_unreadable_index_is_started_afresh(tmp_path: Path):
    _index(tmp_path)
    for part in [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "update.lock"]:
        part.write_bytes(b"\x00garbage" * 100)
    index = KeywordIndex(tmp_path)
    assert index.mark() == Mark() and len(index) == 0
    assert date_number("2025-12-10") == 20251210 and date_number(None) == 0


def test_an_index_cut_by_other_words_is_started_afresh(tmp_path: Path):
    # The words the tokenizer keeps whole are part of the format: another set of them (an older
    # gazetteer, say) cut the stored text otherwise, and its terms would not match the question's.
    _index(tmp_path)
    db = sqlite3.connect(tmp_path / "chunks.sqlite")
    with db:
        db.execute("UPDATE state SET value = ? WHERE key = 'format'", (f"{FORMAT}:another-word-list",))
    db.close()
    index = KeywordIndex(tmp_path)
    assert index.mark() == Mark() and len(index) == 0
    assert len(_index(tmp_path)) == len(TEXTS), "what is re-derived is cut by today's words"
