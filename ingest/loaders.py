"""Read a file into text: dispatch by suffix, detect the encoding, refuse what cannot be read.

A file is refused with a one-line reason (binary, empty, too large, undecodable, unsupported) rather
than decoded wrongly: no latin-1 fallback, no silent mojibake.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from ingest.worker import Limits, ReaderFailed, run_limited
from rag.errors import DecodeFailed, EmptyFile, FileTooLarge, LoadError, UnsupportedFile

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
MAX_URL_CHARS = 2048
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"'\\]+", re.I)
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"}

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Encodings we trust a detector's verdict for; anything else (cp1252, latin-1 …) is refused.
_TRUSTED = frozenset(
    {
        "utf_8",
        "gb18030",
        "gbk",
        "gb2312",
        "hz",
        "big5",
        "big5hkscs",
        "cp950",
        "utf_16",
        "utf_16_le",
        "utf_16_be",
        "utf_32",
        "shift_jis",
        "cp932",
        "euc_jp",
        "euc_kr",
        "cp949",
        "ascii",
    }
)
_MAX_CHAOS = 0.1
# A PDF longer than this is a book or a scan dump, not an article: refused rather than read for minutes.
MAX_PDF_PAGES = 2000
# Zip-based files (.docx): XML markup around the text is counted generously, per character of text
# allowed; real documents compress at most ~20x, zip bombs by 1,000x.
ZIP_BYTES_PER_CHAR = 8
MAX_ZIP_MEMBERS = 10_000
MAX_ZIP_RATIO = 100
ZIP_RATIO_FLOOR = 1024 * 1024
DEFAULT_LIMITS = Limits(cpu_seconds=5.0, memory_mb=1024)


@dataclass(frozen=True, slots=True)
class Loaded:
    """A file's text and whatever metadata its format carries; `plain` text may hold several articles."""

    text: str
    plain: bool
    title: str | None = None
    source: str | None = None
    date: str | None = None
    url: str | None = None


def read_bytes(path: Path, max_mb: float) -> bytes:
    """Read a file, refusing missing, unreadable, empty and oversized ones.

    Raises:
        LoadError: with the reason, naming the file.
    """
    try:
        size = path.stat().st_size
        if size > max_mb * 1024 * 1024:
            raise FileTooLarge(
                f"{path}: {size / 1024 / 1024:.1f} MB is over the {max_mb:g} MB cap (RAG_MAX_FILE_MB)"
            )
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise LoadError(f"{path}: no such file") from exc
    except PermissionError as exc:
        raise LoadError(f"{path}: permission denied; make it readable and retry") from exc
    except IsADirectoryError as exc:
        raise LoadError(f"{path}: is a directory") from exc
    if not data.strip():
        raise EmptyFile(f"{path}: the file is empty")
    return data


def decode(data: bytes, path: Path) -> str:
    """Decode text bytes: BOM, then strict UTF-8, then a detector limited to trusted encodings.

    Raises:
        DecodeFailed: binary content, or no encoding fits confidently.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeFailed(f"{path}: invalid {encoding} text after its byte-order mark") from exc
    if b"\x00" in data[:8192]:
        raise DecodeFailed(f"{path}: binary content (NUL bytes), not a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding not in _TRUSTED or best.chaos > _MAX_CHAOS:
        guess = f" (best guess {best.encoding}, too uncertain)" if best else ""
        raise DecodeFailed(
            f"{path}: cannot determine the text encoding confidently{guess}; save the file as UTF-8"
        )
    return str(best)


def check_supported(path: Path) -> None:
    """Raise `UnsupportedFile` unless the suffix is one we read."""
    if path.suffix.lower() not in SUFFIXES:
        raise UnsupportedFile(
            f"{path}: unsupported file type {path.suffix or '(none)'}; "
            f"supported: {', '.join(sorted(SUFFIXES))}"
        )


def load(path: Path, *, max_mb: float, limits: Limits = DEFAULT_LIMITS) -> Loaded:
    """Read one file into text, dispatching by suffix.

    Raises:
        LoadError: the file cannot be read; the message names it and the reason.
    """
    check_supported(path)
    return load_bytes(read_bytes(path, max_mb), path, max_mb=max_mb, limits=limits)


_MAGIC = {".pdf": (b"%PDF-",), ".docx": (b"PK\x03\x04",)}


def load_bytes(data: bytes, path: Path, *, max_mb: float, limits: Limits = DEFAULT_LIMITS) -> Loaded:
    """Turn the bytes of a file named `path` into text (see `load`); the content must match the name.

    Text that expands past `max_mb` million characters (a decompression bomb) is refused too. PDF and
    DOCX are read in a worker process within `limits` (see `ingest.worker`).
    """
    suffix = path.suffix.lower()
    magic = _MAGIC.get(suffix)
    if magic and not data.lstrip()[:8].startswith(magic):
        raise UnsupportedFile(f"{path}: the content is not a {suffix} file, whatever its name says")
    max_chars = int(max_mb * 1_000_000)
    try:
        if suffix in TEXT_SUFFIXES:
            loaded = Loaded(text=decode(data, path), plain=True)
        elif suffix in HTML_SUFFIXES:
            loaded = _load_html(decode(data, path), path)
        else:
            reader = _load_pdf if suffix == ".pdf" else _load_docx
            loaded = run_limited(reader, path, data, path, max_chars, limits=limits)
    except LoadError:
        raise
    except Exception as exc:
        # A reader library's own failure on a malformed or hostile file (lxml refusing a docx's
        # entity loop, pypdf a broken xref) fails this file alone, with the library's reason.
        log.debug("reading %s failed", path, exc_info=True)
        name = "PDF" if suffix == ".pdf" else f"{suffix} file"
        reason = str(exc) if isinstance(exc, ReaderFailed) else f"{type(exc).__name__}: {exc}"
        raise DecodeFailed(f"{path}: not a readable {name} ({reason})") from exc
    if not loaded.text.strip():
        raise EmptyFile(f"{path}: no text found in the file")
    _check_length(len(loaded.text), max_chars, path)
    _refuse_binary_text(loaded.text, path)
    return loaded


def _check_length(chars: int, max_chars: int, path: Path) -> None:
    if chars > max_chars:
        raise FileTooLarge(
            f"{path}: expands to more than {max_chars / 1e6:g} million characters of text, over the "
            f"cap (RAG_MAX_FILE_MB)"
        )


def _refuse_binary_text(text: str, path: Path) -> None:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > len(sample) * 0.05:
        raise DecodeFailed(f"{path}: looks binary (control characters), not a text file")


def check_zip(data: bytes, path: Path, *, max_bytes: int) -> None:
    """Refuse a zip-based file whose members would inflate past `max_bytes` or look like a zip bomb.

    The declared sizes are what Python's zipfile lets a reader read (it stops at them and checks the
    CRC), so checking them before parsing caps the memory the parser can be made to use.

    Raises:
        FileTooLarge: too many members, too many bytes, or a compression ratio no document has.
    """
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise FileTooLarge(f"{path}: {len(members):,} files inside the zip, over {MAX_ZIP_MEMBERS:,}")
    total = sum(m.file_size for m in members)
    if total > max_bytes:
        raise FileTooLarge(
            f"{path}: inflates to {total / 2**20:,.0f} MB, over the {max_bytes / 2**20:,.0f} MB its size "
            "cap allows (RAG_MAX_FILE_MB); it may be a zip bomb"
        )
    for m in members:
        if m.file_size > ZIP_RATIO_FLOOR and m.file_size > MAX_ZIP_RATIO * max(m.compress_size, 1):
            raise FileTooLarge(
                f"{path}: {m.filename} inflates {m.file_size / max(m.compress_size, 1):,.0f} times, "
                f"more than any document ({MAX_ZIP_RATIO}x); it looks like a zip bomb"
            )


def _load_html(html: str, path: Path) -> Loaded:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if extracted is None or not (extracted.text or "").strip():
        raise EmptyFile(f"{path}: no article text found in the HTML")
    return Loaded(
        text=extracted.text,
        plain=False,
        title=extracted.title,
        source=extracted.sitename or extracted.author,
        date=extracted.date,
        url=page_address(extracted.url),
    )


def page_address(url: str | None) -> str | None:
    """A page's stated address (og:url or canonical link) when it is a plain http(s) URL, else None."""
    if url and len(url) <= MAX_URL_CHARS and _WEB_ADDRESS.fullmatch(url):
        return url
    return None


def _load_pdf(data: bytes, path: Path, max_chars: int) -> Loaded:
    """Extract a PDF's text page by page, stopping as soon as it passes `max_chars`."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, LimitReachedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DecodeFailed(f"{path}: the PDF is password-protected; save an unencrypted copy and retry")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise FileTooLarge(
                f"{path}: {len(reader.pages)} pages is over the {MAX_PDF_PAGES}-page cap for one article"
            )
        pages: list[str] = []
        length = 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            length += len(pages[-1]) + 2
            _check_length(length, max_chars, path)
        text = "\n\n".join(pages)
        title = reader.metadata.title if reader.metadata else None
    except LimitReachedError as exc:
        raise FileTooLarge(f"{path}: a PDF stream expands past pypdf's safety limit ({exc})") from exc
    except DependencyError as exc:
        raise DecodeFailed(
            f"{path}: the PDF is encrypted with a cipher this install cannot read ({exc})"
        ) from exc
    return Loaded(text=text, plain=False, title=title or None)


def _load_docx(data: bytes, path: Path, max_chars: int) -> Loaded:
    """Read a .docx after checking that its zip cannot inflate past the text cap (see `check_zip`)."""
    import docx

    check_zip(data, path, max_bytes=max_chars * ZIP_BYTES_PER_CHAR)
    document = docx.Document(io.BytesIO(data))
    text = "\n\n".join(p.text for p in document.paragraphs if p.text.strip())
    # Only the title: authoring tools stamp their own author and creation date on every file.
    return Loaded(text=text, plain=False, title=document.core_properties.title or None)
