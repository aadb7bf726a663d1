"""Files built to exhaust a reader: each fails alone, quickly, without the app's memory growing.

PDF and DOCX text is extracted in a worker process with CPU and memory limits (ingest/worker.py); a
.docx's zip is checked before it is parsed.
"""

import io
import resource
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest

from ingest import ingest
from ingest.loaders import load
from ingest.worker import Limits
from rag.errors import FileTooLarge
from tests.environment import DATA_DIR, make_settings
from tests.helpers import minimal_pdf, pdf_with_stream

MB = 1024 * 1024


def _docx_with(path: Path, pieces: Iterable[bytes]) -> None:
    """A .docx whose word/document.xml is `pieces`, written one after another."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, source.read(item))
        with out.open("word/document.xml", "w") as member:
            for piece in pieces:
                member.write(piece)


def _docx_bomb(path: Path, inflated_mb: int) -> None:
    """A .docx whose word/document.xml inflates to `inflated_mb` MB of blanks."""
    blanks = (b" " * MB for _ in range(inflated_mb))
    _docx_with(
        path, [b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>', *blanks, b"</w:body></w:document>"]
    )


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_LAUGHS = b"".join(
    b'<!ENTITY lol%d "%s">' % (level, (b"&lol%d;" % (level - 1)) * 10 if level else b"lol")
    for level in range(10)
)
# XML built to exhaust its parser: an entity expanding ten billion-fold, tables nested deeper than its limit (256).
XML_BOMBS = {
    "entities": [
        b'<?xml version="1.0"?><!DOCTYPE d [%s]><w:document %s><w:body><w:p><w:r><w:t>&lol9;'
        b"</w:t></w:r></w:p></w:body></w:document>" % (_LAUGHS, _W)
    ],
    "depth": [
        b"<w:document %s><w:body>" % _W,
        b"<w:tbl><w:tr><w:tc>" * 300,
        b"<w:p/>",
        b"</w:tc></w:tr></w:tbl>" * 300,
        b"</w:body></w:document>",
    ],
}


def _pdf_cpu_bomb(pages: int, operations: int = 100_000) -> bytes:
    """A few-KB PDF whose pages all share one content stream of `operations` text operations.

    At the default, pypdf spends about 9 s on each page.
    """
    return pdf_with_stream(b"BT /F1 12 Tf 72 720 Td (xy) Tj ET\n" * operations, pages)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.slow
def test_a_docx_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path):
    path = tmp_path / "bomb.docx"
    _docx_bomb(path, inflated_mb=200)
    assert path.stat().st_size < 2 * MB
    before = _peak_rss_mb()
    with pytest.raises(FileTooLarge, match="bomb.docx.*zip bomb"):
        load(path, max_mb=20)
    assert _peak_rss_mb() - before < 300


@pytest.mark.slow
def test_a_zip_bomb_within_the_size_cap_is_still_refused_by_its_ratio(tmp_path: Path):
    path = tmp_path / "ratio.docx"
    _docx_bomb(path, inflated_mb=30)
    with pytest.raises(FileTooLarge, match="inflates .* times"):
        load(path, max_mb=20)


@pytest.mark.slow
def test_a_pdf_cpu_bomb_is_stopped_at_the_cpu_limit_and_the_rest_goes_in(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bomb.pdf").write_bytes(_pdf_cpu_bomb(pages=40))
    (folder / "good.txt").write_bytes((DATA_DIR / "articles" / "meituan_drones.txt").read_bytes())
    assert (folder / "bomb.pdf").stat().st_size < 20_000
    settings = make_settings(tmp_path / "index", extract_seconds=2)
    started = time.perf_counter()
    report = ingest([folder], settings=settings)
    assert time.perf_counter() - started < 30
    assert report.added == 1
    (problem,) = report.failed
    assert "bomb.pdf" in problem.error and "RAG_EXTRACT_SECONDS" in problem.error


@pytest.mark.parametrize("bomb", sorted(XML_BOMBS))
def test_a_docx_built_to_exhaust_its_xml_parser_fails_alone_with_the_parsers_reason(
    tmp_path: Path, bomb: str
):
    folder = tmp_path / "in"
    folder.mkdir()
    _docx_with(folder / "bomb.docx", XML_BOMBS[bomb])
    (folder / "good.txt").write_bytes((DATA_DIR / "articles" / "meituan_drones.txt").read_bytes())
    report = ingest([folder], settings=make_settings(tmp_path / "index"))
    assert report.added == 1
    (problem,) = report.failed
    assert "bomb.docx: not a readable .docx file (XMLSyntaxError: " in problem.error


def test_a_pdf_stops_being_read_once_its_text_passes_the_cap(tmp_path: Path):
    path = tmp_path / "long.pdf"
    path.write_bytes(_pdf_cpu_bomb(pages=1000, operations=10_000))
    started = time.perf_counter()
    with pytest.raises(FileTooLarge, match="long.pdf.*million characters"):
        load(path, max_mb=0.03, limits=Limits(cpu_seconds=600, memory_mb=1024))
    assert time.perf_counter() - started < 30, "pages after the cap were read"


def test_the_worker_recovers_after_a_killed_extraction(tmp_path: Path):
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_pdf_cpu_bomb(pages=40))
    with pytest.raises(FileTooLarge, match="CPU"):
        load(bomb, max_mb=20, limits=Limits(cpu_seconds=1, memory_mb=1024))
    good = tmp_path / "good.pdf"
    good.write_bytes(minimal_pdf("Kuaishou opened a flagship store"))
    assert "flagship store" in load(good, max_mb=1).text
