import shutil

from ingest import ingest
from rag import answer
from rag.config import Settings
from rag.store import get_store
from rag.types import Filters
from tests.conftest import DATA_DIR, ingest_process


def test_bm25_cache_is_rebuilt_from_chroma_when_missing(settings: Settings):
    ingest([DATA_DIR / "articles"], settings=settings)
    store = get_store(settings=settings)
    before = [c.chunk_id for c in store.keyword_index().chunks]
    shutil.rmtree(store.cache_dir)
    store._keyword = None
    assert [c.chunk_id for c in store.keyword_index().chunks] == before
    assert store.cache_dir.is_dir()


def test_another_process_write_is_seen_by_bm25_dense_search_and_the_next_write(settings: Settings, tmp_path):
    ingest([DATA_DIR / "articles" / "meituan_drones.txt"], settings=settings)
    reader = get_store(settings=settings)
    assert len(reader.keyword_index().chunks) == 1
    other = ingest_process(settings, str(DATA_DIR / "articles" / "douyin_local_services.md"))
    assert other.wait(timeout=120) == 0, other.stderr.read()
    assert reader.keyword_index().generation == reader.generation()
    assert len(reader.keyword_index().chunks) == 2
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
