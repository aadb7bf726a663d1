"""Test data and checks shared by several test modules: chunks, article folders, PDFs, bad files."""

import io
import os
import zlib
from pathlib import Path
from typing import Any

from ingest.loaders import MAX_PDF_PAGES, load
from ingest.parse import parse
from rag.config import Settings
from rag.store import get_store
from rag.types import Chunk
from tests.environment import SEED


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF showing `text` in Helvetica."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_with_stream(content: bytes, pages: int = 1) -> bytes:
    """A PDF whose `pages` pages all show one Flate-compressed content stream holding `content`."""
    from pypdf import PdfReader, PdfWriter

    stream = zlib.compress(content, 9)
    head = minimal_pdf("x")
    start = head.index(b"4 0 obj")
    end = head.index(b"endobj", start)
    body = (
        b"4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream\n"
    )
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(head[:start] + body + head[end:])))
    for _ in range(pages - 1):
        writer.add_page(writer.pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf(pages: int = 1, encrypt: str | None = None) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(minimal_pdf("Kuaishou opened a flagship store"))))
    for _ in range(pages - 1):
        writer.add_blank_page(612, 792)
    if encrypt:
        writer.encrypt(user_password=encrypt, owner_password=encrypt, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def bomb_pdf() -> bytes:
    """A 100 KB PDF whose one content stream inflates to 100 MB."""
    return pdf_with_stream(b" " * 100_000_000)


BAD_FILES = {
    "empty.txt": b"",
    "blank.md": b"   \n\t\n",
    "binary.txt": os.urandom(4096).replace(b"\x00", b"\x01") + b"\x00" * 64,
    "truncated.pdf": minimal_pdf("Kuaishou opened a flagship store")[:150],
    "encrypted.pdf": pdf(encrypt="secret"),
    "book.pdf": pdf(pages=MAX_PDF_PAGES + 1),
    "bomb.pdf": bomb_pdf(),
    "nested.html": b"<html><body>" + b"<div>" * 300_000 + b"deep" + b"</div>" * 300_000 + b"</body></html>",
    "latin1.txt": "Café crème, déjà vu, naïve façade — résumé".encode("cp1252") * 3,
}
REASONS = {
    "empty.txt": "empty",
    "blank.md": "empty",
    "binary.txt": "binary",
    "truncated.pdf": "not a readable PDF",
    "encrypted.pdf": "password-protected",
    "book.pdf": "page cap",
    "bomb.pdf": "safety limit",
    "nested.html": "no article text",
    "latin1.txt": "encoding",
}


def make_chunk(text: str, **fields: Any) -> Chunk:
    """A chunk holding `text`: by default the whole of a one-chunk document; any field may be given."""
    values = {
        "chunk_id": "c",
        "doc_id": "d",
        "title": "t",
        "path": "/p",
        "index": 0,
        "start": 0,
        "doc_chunks": 1,
    }
    values |= fields
    values.setdefault("end", values["start"] + len(text))
    return Chunk(text=text, **values)


def assert_consistent(settings: Settings, folder: Path | None = None) -> int:
    """No duplicate or orphan chunks; every document complete; the keyword index in step with Chroma."""
    store = get_store(settings=settings)
    got = store.collection.get(include=["metadatas"])
    per_doc: dict[str, list[int]] = {}
    for meta in got["metadatas"]:
        assert Path(meta["path"]).exists(), f"orphan chunk of {meta['path']}"
        per_doc.setdefault(meta["doc_id"], []).append(meta["index"])
    for meta in got["metadatas"]:
        assert sorted(per_doc[meta["doc_id"]]) == list(range(meta["doc_chunks"]))
    keyword = store.keyword_index()
    assert all(rec.complete for rec in keyword.file_records().values())
    assert {c.chunk_id for c in keyword.all_chunks()} == set(got["ids"]) and len(keyword) == len(got["ids"])
    return len(per_doc)


def written_articles(folder: Path, articles: dict[str, str]) -> Path:
    """`folder` holding each of `articles` (file name: text) in UTF-8."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def article_folder(folder: Path, count: int) -> Path:
    """`count` article files in `folder`, made from the bundled archive's articles."""
    folder.mkdir(parents=True, exist_ok=True)
    docs = parse(load(SEED, max_mb=20), SEED)
    for i in range(count):
        doc = docs[i % len(docs)]
        (folder / f"article_{i:03d}.txt").write_text(
            f"Article {i}: {doc.title}\n{doc.text}\n第{i}篇。", encoding="utf-8"
        )
    return folder
