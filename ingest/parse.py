"""Turn loaded text into documents: the scraped search-results page format, or one document per file.

A search-results page is recognised by its structure: short title lines, each followed by an
`<outlet>· YYYY-MM-DD HH:MM` line (sometimes missing) and a long body; the page's own header lines
before the first article are dropped.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.loaders import Loaded
from rag.types import Document

# Patterns here see untrusted text: quantifiers are possessive (no backtracking), and lines are
# length-checked before they are matched (see `_source_line`), so matching stays linear.
_DATE = r"(?P<y>\d{4})\s*+[-/.年]\s*+(?P<m>\d{1,2})\s*+[-/.月]\s*+(?P<d>\d{1,2})(?:\s*+日)?"
_SOURCE_LINE = re.compile(
    rf"^(?P<source>[^·\n]{{1,60}}?)\s*+·\s*+{_DATE}(?:\s++\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*+"
)
_ISO_DATE = re.compile(_DATE)
_HEADING = re.compile(r" {0,3}#{1,6}\s++(?P<title>.++)")
TITLE_MAX = 100
# Longer than any outlet line ("Xin Lang Ke Ji· 2025-12-10 00:56"): longer lines are not matched at all.
SOURCE_LINE_MAX = 100
BODY_MIN = 120


def iso_date(text: str | None) -> str | None:
    """Return the first date in `text` as `YYYY-MM-DD`, or None."""
    match = _ISO_DATE.search(text or "")
    if not match:
        return None
    y, m, d = (int(match[k]) for k in "ymd")
    return f"{y:04d}-{m:02d}-{d:02d}" if 1 <= m <= 12 and 1 <= d <= 31 else None


def _source_line(line: str) -> re.Match[str] | None:
    """The outlet-and-date line's match, for a stripped line short enough to be one."""
    return _SOURCE_LINE.fullmatch(line) if len(line) <= SOURCE_LINE_MAX else None


def _heading_title(line: str) -> str | None:
    """The title of a Markdown ATX heading line (`## Title ##`), or None."""
    match = _HEADING.fullmatch(line.rstrip())
    if not match:
        return None
    title, _, closing = match["title"].rpartition(" ")
    if not closing.strip("#"):
        return title.strip() or None
    return match["title"].strip()


def clean_source(source: str) -> str:
    """Tidy an outlet name; scrapers space out digits ("3 6 Ke" becomes "36Ke")."""
    return re.sub(r"(?<=\d)\s+(?=[0-9A-Za-z])", "", source.strip())


def parse(loaded: Loaded, path: Path) -> list[Document]:
    """Split a loaded file into documents.

    Plain text may be a search-results page (several articles); anything else is one document.
    """
    if loaded.plain:
        articles = _search_page(loaded.text, str(path))
        if articles:
            return articles
    return [_single(loaded, path)]


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.splitlines(keepends=True):
        spans.append((start, start + len(line.rstrip("\r\n"))))
        start += len(line)
    return spans


def _search_page(text: str, path: str) -> list[Document]:
    spans = _lines(text)
    lines = [text[s:e].strip() for s, e in spans]
    heads = _article_heads(lines)
    if len(heads) < 2 or not any(_source_line(lines[i + 1] if i + 1 < len(lines) else "") for i in heads):
        return []
    documents = []
    for n, head in enumerate(heads):
        meta = _source_line(lines[head + 1]) if head + 1 < len(lines) else None
        first = head + (2 if meta else 1)
        last = (heads[n + 1] if n + 1 < len(heads) else len(lines)) - 1
        if first > last:
            continue
        body = text[spans[first][0] : spans[last][1]].strip()
        if body:
            documents.append(
                Document(
                    title=lines[head],
                    text=body,
                    path=path,
                    source=clean_source(meta["source"]) if meta else None,
                    date=iso_date(meta.group(0)) if meta else None,
                )
            )
    return documents


def _article_heads(lines: list[str]) -> list[int]:
    """Indexes of title lines: before an outlet line, or between one body and the next."""
    heads = []
    before = ""  # the last non-empty line above `line`
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if line and len(line) <= TITLE_MAX and not _source_line(line):
            if _source_line(following) or (len(following) >= BODY_MIN and len(before) >= BODY_MIN):
                heads.append(i)
        before = line or before
    return heads


def _single(loaded: Loaded, path: Path) -> Document:
    text = loaded.text.strip()
    title, source, date = loaded.title, loaded.source, iso_date(loaded.date)
    if not title:
        title, text, source, date = _title_from_text(text, path, source, date)
    return Document(
        title=title.strip(),
        text=text,
        path=str(path),
        source=clean_source(source) if source else None,
        date=date,
        url=loaded.url,
    )


def _title_from_text(
    text: str, path: Path, source: str | None, date: str | None
) -> tuple[str, str, str | None, str | None]:
    first, _, rest = text.partition("\n")
    heading = _heading_title(first)
    if rest.strip() and (heading or len(first.strip()) <= TITLE_MAX):
        title = heading or first.strip()
        rest = rest.strip()
        second, _, remainder = rest.partition("\n")
        meta = _source_line(second.strip())
        if meta and remainder.strip():
            return title, remainder.strip(), clean_source(meta["source"]), iso_date(meta.group(0))
        return title, rest, source, date
    return path.stem, text, source, date
