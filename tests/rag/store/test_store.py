import shutil

from ingest import ingest
from rag import answer
from rag.config import Settings
from rag.store import Store, get_store
from rag.types import Filters
from tests.environment import DATA_DIR, ingest_process


def test_the_keyword_index_is_rebuilt_from_chroma_when_missing(settings: Settings):
    ingest([DATA_DIR / "articles"], settings=settings)
    store = get_store(settings=settings)
    before = [c.chunk_id for c in store.keyword_index().all_chunks()]
    shutil.rmtree(store.keyword_dir)
    fresh = Store(settings, store.name)
    assert [c.chunk_id for c in fresh.keyword_index().all_chunks()] == before
    assert fresh.keyword_dir.is_dir()


def test_another_process_write_is_seen_by_bm25_dense_search_and_the_next_write(settings: Settings, tmp_path):
    ingest([DATA_DIR / "articles" / "meituan_drones.txt"], settings=settings)
    reader = get_store(settings=settings)
    assert len(reader.keyword_index()) == 1
    other = ingest_process(settings, str(DATA_DIR / "articles" / "douyin_local_services.md"))
    assert other.wait(timeout=120) == 0, other.stderr.read()
    assert reader.keyword_index().mark().generation == reader.generation()
    assert len(reader.keyword_index()) == 2
    seen = answer("抖音在哪些城市推出了团购应用？", settings=settings)
    assert "Shanghai and Chengdu" in seen.text, "this process does not see the other's write"
    assert ingest([DATA_DIR / "articles"], settings=settings).unchanged == 2


def test_keyword_search_honours_filters(settings: Settings):
    ingest([DATA_DIR / "articles"], settings=settings)
    index = get_store(settings=settings).keyword_index()
    assert index.search(["美团"], 5, Filters())
    assert index.search(["美团"], 5, Filters(sources=("TechNode",))) == []
    assert index.search(["douyin"], 5, Filters(since="2025-10-01"))
    assert index.search(["douyin"], 5, Filters(until="2025-10-01")) == []
    assert index.idf("\0unseen") > index.idf("douyin")
    assert index.knows("douyin") and not index.knows("\0unseen")
