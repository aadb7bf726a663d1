from rag import library
from rag.config import Settings


def test_library_lists_each_document_once_newest_first(archive: Settings):
    docs = library(settings=archive)
    assert len(docs) == 6 and len({d.doc_id for d in docs}) == 6
    dated = [d.date for d in docs if d.date]
    assert dated == sorted(dated, reverse=True) and docs[-1].date is None
    seed = {d.title: d for d in docs}["拿下支付牌照,小红书迈向交易平台"]
    assert (seed.source, seed.date) == ("36Ke", "2025-11-06") and seed.chunks >= 2
