from ingest.chunking import chunk_document, document_id
from ingest.loaders import load
from ingest.parse import parse
from rag.text import count_tokens
from rag.types import Document
from tests.environment import SEED


def _seed_docs() -> list[Document]:
    return parse(load(SEED, max_mb=20), SEED)


def test_offsets_point_at_the_chunk_text():
    for doc in _seed_docs():
        chunks = chunk_document(doc, chunk_tokens=120, overlap=30)
        assert len(chunks) > 1
        for chunk in chunks:
            assert doc.text[chunk.start : chunk.end] == chunk.text
            assert chunk.doc_chunks == len(chunks)
        assert [c.index for c in chunks] == list(range(len(chunks)))


def test_chunks_fit_the_token_budget_and_lose_no_text():
    for doc in _seed_docs():
        chunks = chunk_document(doc, chunk_tokens=120, overlap=30)
        assert all(count_tokens(c.text) <= 120 for c in chunks)
        covered = set().union(*(range(c.start, c.end) for c in chunks))
        assert all(i in covered for i, ch in enumerate(doc.text) if not ch.isspace())


def test_consecutive_chunks_overlap_where_sentences_allow():
    doc = _seed_docs()[3]
    chunks = chunk_document(doc, chunk_tokens=200, overlap=60)
    assert any(b.start < a.end for a, b in zip(chunks, chunks[1:], strict=False))


def test_chinese_chunks_end_at_sentence_boundaries():
    doc = _seed_docs()[0]
    chunks = chunk_document(doc, chunk_tokens=120, overlap=0)
    assert all(c.text[-1] in "。！？；!?;.…" or c is chunks[-1] for c in chunks)


def test_ids_are_stable_and_carry_metadata():
    doc = _seed_docs()[0]
    first = chunk_document(doc, chunk_tokens=150, overlap=30)
    again = chunk_document(doc, chunk_tokens=150, overlap=30)
    assert [c.chunk_id for c in first] == [c.chunk_id for c in again]
    assert len({c.chunk_id for c in first}) == len(first)
    chunk = first[0]
    assert (chunk.doc_id, chunk.title, chunk.source, chunk.date, chunk.path) == (
        document_id(doc),
        doc.title,
        "Xin Lang Ke Ji",
        "2025-12-10",
        doc.path,
    )
    assert chunk.index_text.startswith(doc.title)


def test_same_article_at_two_paths_has_one_document_id():
    doc = _seed_docs()[0]
    moved = Document(title=doc.title, text=doc.text, path="/elsewhere/copy.txt")
    assert document_id(moved) == document_id(doc)
    assert [c.chunk_id for c in chunk_document(moved, chunk_tokens=150, overlap=30)] == [
        c.chunk_id for c in chunk_document(doc, chunk_tokens=150, overlap=30)
    ]
