"""Turn loaded text into documents: the scraped search-results page format, or one document per file.

A search-results page is recognised by its structure: short title lines, each followed by an
`<outlet>· YYYY-MM-DD HH:MM` line (sometimes missing) and a long body; the page's own header lines
before the first article are dropped.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.loaders import Loaded
from rag.text import CJK_RANGE, aligned_simplified
from rag.types import Document

# Patterns here see untrusted text: quantifiers are possessive (no backtracking), and lines are
# length-checked before they are matched (see `_source_line`), so matching stays linear.
_DATE = r"(?P<y>\d{4})\s*+[-/.年]\s*+(?P<m>\d{1,2})\s*+[-/.月]\s*+(?P<d>\d{1,2})(?:\s*+日)?"
_SOURCE_LINE = re.compile(
    rf"^(?P<source>[^·\n]{{1,60}}?)\s*+·\s*+{_DATE}(?:\s++\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*+"
)
_ISO_DATE = re.compile(_DATE)
# "April 8, 2025", "8 Apr. 2025", "Nov 13th, 2025": a day is required.
_ENGLISH_DATE = re.compile(
    r"(?<![A-Za-z])(?:(?P<d1>\d{1,2})\s++)?+(?P<month>(?>January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec))(?![a-z])\.?+\s*+"
    r"(?:(?P<d2>\d{1,2})(?:st|nd|rd|th)?+,?+\s++)?+(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
# An unlabelled byline: "By Li Wen, TechNode, 2025-10-08", "*By Jane Doe | Reuters*".
_BYLINE = re.compile(rf"(?i:by)\s++(?=[A-Z{CJK_RANGE}])")
_BYLINE_PIECES = re.compile(r"[,|｜·;，；]|\s-\s")
BYLINE_PIECES = 3
NAME_WORDS = 5
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# What may follow a header line's date: a time.
_TIME = re.compile(r"[\s,]*+(?:\d{1,2}:\d{2}(?::\d{2})?+)?+\s*+")
# A labelled header line under a title ("Source: Reuters", "来源：新浪科技  日期：2025-11-20", "By: …").
_LABEL = re.compile(
    r"(?<![A-Za-z])(?P<label>(?i:source|outlet|publisher|published(?:\s++on)?+|publication\s++date|date|"
    r"updated|author|by|written\s++by|editor|reporter)|来源|出处|媒体|发布时间|发布日期|更新时间|日期|时间|作者|"
    r"记者|编辑|责任编辑)\s*+[:：]\s*+"
)
_SOURCE_LABELS = frozenset({"source", "outlet", "publisher", "来源", "出处", "媒体"})
_DATE_LABELS = ("publi", "date", "updated", "日期", "时间")
_SEPARATORS = " \t|｜·/,;，；-–—"
# Header lines under a title are read this far (blank ones included).
HEADER_LINES = 8
_HEADING = re.compile(r" {0,3}#{1,6}\s++(?P<title>.++)")
# Part of every file's recorded hash: a change to what parsing makes of a file changes this, and the next
# ingest parses again the files whose bytes are unchanged (chunks whose text is unchanged keep their vectors).
PARSER_VERSION = b"parse-5"
TITLE_MAX = 100
# Longer than any outlet line ("Xin Lang Ke Ji· 2025-12-10 00:56"): longer lines are not matched at all.
SOURCE_LINE_MAX = 100
BODY_MIN = 120


def iso_date(text: str | None) -> str | None:
    """Return the first date in `text` as `YYYY-MM-DD`, or None."""
    match = _date_match(text or "")
    return _iso(match) if match else None


def _iso(match: re.Match[str]) -> str | None:
    """A date match as `YYYY-MM-DD`, or None when it is no calendar date."""
    if match.re is _ISO_DATE:
        y, m, d = (int(match[k]) for k in "ymd")
    else:
        y, d = int(match["y"]), int(match["d1"] or match["d2"])
        m = _MONTHS.index(match["month"][:3].lower()) + 1
    return f"{y:04d}-{m:02d}-{d:02d}" if 1 <= m <= 12 and 1 <= d <= 31 else None


def _date_match(text: str) -> re.Match[str] | None:
    """The first numeric date in `text`, else its first English one with a day."""
    english = (m for m in _ENGLISH_DATE.finditer(text) if m["d1"] or m["d2"])
    return _ISO_DATE.search(text) or next(english, None)


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
    return re.sub(r"(?<=\d)\s+(?=[0-9A-Za-z])", "", source.strip(_SEPARATORS))


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
        body, found = _header(rest.strip())
        if not body:
            return title, rest.strip(), source, date
        source = clean_source(found["source"]) if "source" in found else source
        return title, body, source, found.get("date", date)
    return path.stem, text, source, date


def _header(text: str) -> tuple[str, dict[str, str]]:
    """`text` less the header lines it opens with, and the outlet and date they give.

    Header lines come within `HEADER_LINES` lines of the title, each an outlet and a date
    ("Reuters · 2025-08-21", "新浪财经 2025-08-27", in *emphasis* too), labelled fields ("Source: Reuters",
    "来源：新浪科技  日期：2025-11-20", an author's, which is dropped), or a date alone; the first line
    that is none of these starts the body.
    """
    lines = text.split("\n")
    found: dict[str, str] = {}
    used = 0
    for i, line in enumerate(lines[:HEADER_LINES]):
        if not line.strip():
            continue
        fields = _header_fields(line.strip().strip("*_").strip())
        if fields is None:
            break
        for key, value in fields.items():
            found.setdefault(key, value)
        used = i + 1
    return "\n".join(lines[used:]).strip(), found


def _header_fields(line: str) -> dict[str, str] | None:
    """The outlet and date a header line gives (either may be missing), or None for a body line.

    The date may open the line too, as portals print it: "2025-08-19 20:15 来源：第一财经",
    "2025年08月19日 第一财经".
    """
    if not line or len(line) > SOURCE_LINE_MAX:
        return None
    date, start = _opening_date(line)
    # Labels are read in simplified characters (來源 is 来源, 日期 the same), values as written (明報).
    labels = list(_LABEL.finditer(aligned_simplified(line), start))
    if labels and labels[0].start() == start:
        fields = {"date": date} if date else {}
        for label, following in zip(labels, labels[1:] + [None], strict=True):
            value = line[label.end() : following.start() if following else len(line)].strip(_SEPARATORS)
            name = " ".join(label["label"].lower().split())
            if name.startswith(_DATE_LABELS) and (date := iso_date(value)):
                fields.setdefault("date", date)
                continue
            # "来源：财联社 2025-11-20": an outlet's (or author's) line may end on the date.
            value, date = _without_date(value)
            if date:
                fields.setdefault("date", date)
            if name in _SOURCE_LABELS and value:
                fields.setdefault("source", value)
        return fields
    byline = _BYLINE.match(line)
    if byline:
        return _byline_fields(line[byline.end() :])
    outlet, ending = _without_date(line)
    if ending:
        date = ending
    elif date:
        outlet = line[start:].strip(_SEPARATORS)
    if not date or len(outlet) > 60 or _in_prose(outlet):
        return None
    return {"source": outlet, "date": date} if outlet else {"date": date}


def _opening_date(line: str) -> tuple[str | None, int]:
    """The date `line` opens on (a time may follow) and where the rest starts; `(None, 0)` without one."""
    dated = _date_match(line)
    if not dated or dated.start() != 0 or not (date := _iso(dated)):
        return None, 0
    rest = line[_TIME.match(line, dated.end()).end() :]
    return date, len(line) - len(rest.lstrip(_SEPARATORS))


def _without_date(text: str) -> tuple[str, str | None]:
    """`text` less the date it ends on (a time may follow), and that date; `(text, None)` without one."""
    dated = _date_match(text)
    if not dated or not _TIME.fullmatch(text, dated.end()) or not (date := _iso(dated)):
        return text, None
    return text[: dated.start()].strip(_SEPARATORS), date


def _byline_fields(text: str) -> dict[str, str] | None:
    """The outlet and date of a byline after its "By" ("Li Wen, TechNode, 2025-10-08"), or None.

    Its first piece is the author (dropped), a further one the outlet. Pieces are short names: a
    sentence opening on "By" ("By Monday, Meituan had left.") is body.
    """
    rest, date = _without_date(text)
    pieces = [piece.strip() for piece in _BYLINE_PIECES.split(rest) if piece.strip()]
    if not pieces or len(pieces) > BYLINE_PIECES or any(_not_a_name(piece) for piece in pieces):
        return None
    fields = {"source": pieces[-1]} if len(pieces) > 1 else {}
    return fields | {"date": date} if date else fields


def _not_a_name(piece: str) -> bool:
    return len(piece.split()) > NAME_WORDS or _in_prose(piece)


def _in_prose(text: str) -> bool:
    """Whether `text` has the punctuation of a sentence, which no outlet's or author's name has."""
    return any(mark in text for mark in "，。,.:：!?！？")
