"""Property-based tests: the parser and the chunker never crash on arbitrary text, and chunks are exact."""

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ingest.chunking import chunk_document
from ingest.loaders import Loaded
from ingest.parse import parse
from rag.text import count_tokens, sentence_spans
from rag.types import Document

PIECES = st.sampled_from(
    [
        "小红书",
        "关停了小红卡",
        "。",
        "！",
        "？",
        "，",
        "\n",
        "\n\n",
        " ",
        "\r\n",
        "Xin Lang Ke Ji· 2025-12-10 09:30",
        "36Ke· 2025-08-01",
        "# Heading",
        "Douyin launched a group-buying app.",
        "3.5",
        "\u200b",
        "🙂",
        "\t",
        "…",
        "”",
        "A" * 50,
        "很长的句子没有标点" * 30,
    ]
)
TEXTS = st.one_of(
    st.text(min_size=1, max_size=3000),
    st.lists(st.one_of(PIECES, st.text(max_size=20)), min_size=1, max_size=200).map("".join),
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXTS, st.booleans())
@example("# Heading\n", True)
@example("Title\nXin Lang Ke Ji· 2025-12-10 09:30\n", True)
def test_parse_never_crashes_and_documents_are_slices_of_the_input(text: str, plain: bool):
    if not text.strip():
        return
    for doc in parse(Loaded(text=text, plain=plain), Path("/archive/page.txt")):
        assert doc.title.strip() and doc.text.strip() and doc.text in text
        assert doc.date is None or len(doc.date) == 10


@FAST
@given(TEXTS, st.sampled_from([(32, 0), (64, 16), (200, 60)]))
def test_chunks_cover_the_document_in_order_with_exact_offsets_and_bounded_size(text: str, sizes):
    chunk_tokens, overlap = sizes
    doc = Document(title="t", text=text, path="/archive/a.txt")
    chunks = chunk_document(doc, chunk_tokens=chunk_tokens, overlap=overlap)
    covered = bytearray(len(text))
    previous = -1
    for n, chunk in enumerate(chunks):
        assert chunk.text == text[chunk.start : chunk.end] and chunk.text.strip()
        assert chunk.start > previous, "chunks out of order"
        assert (chunk.index, chunk.doc_chunks) == (n, len(chunks))
        # Token counts are not additive across the splitter's merges, hence a little slack.
        assert count_tokens(chunk.text) <= chunk_tokens * 5 // 4 or len(chunk.text) <= 4
        previous = chunk.start
        covered[chunk.start : chunk.end] = b"\x01" * (chunk.end - chunk.start)
    missing = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert not missing, f"text not in any chunk: {text[missing[0] : missing[0] + 20]!r}"
    assert len({c.chunk_id for c in chunks}) == len(chunks)


@FAST
@given(TEXTS)
def test_sentences_are_ordered_non_overlapping_slices(text: str):
    end = 0
    for s, e in sentence_spans(text):
        assert end <= s < e <= len(text)
        end = e
