"""What a request may ask: a checked question, the bounded text searched for it, `k`, and filters.

Every front door (`answer`, `retrieve`, the app and its API) checks its inputs here, so a bad one is
the same `BadRequest` with the same message wherever it comes from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.bilingual import brands_whole
from rag.errors import BadRequest
from rag.text import simplified
from rag.types import Filters

# Longer than any real question; a pasted article is refused rather than tokenised for seconds.
MAX_QUESTION_CHARS = 2000
# What one question may cost: the embedder and the term scorers see at most this many characters of
# it (history included). 200 Chinese characters cost ~7x a usual question; 2,000 would cost ~80x.
MAX_QUERY_CHARS = 200
MAX_K = 50
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def make_filters(
    sources: Sequence[str] | str | None = None,
    since: str | None = None,
    until: str | None = None,
    paths: Sequence[str] | str | None = None,
) -> Filters:
    """Build `Filters` from loose arguments (a single string or a sequence for `sources`/`paths`)."""

    def _tuple(value: Sequence[str] | str | None) -> tuple[str, ...]:
        if not value:
            return ()
        return (value,) if isinstance(value, str) else tuple(value)

    for name, value in (("since", since), ("until", until)):
        if value and not _ISO_DATE.fullmatch(value):
            raise BadRequest(f"{name}={value!r} is not a date: use YYYY-MM-DD, e.g. 2025-12-01")
    return Filters(sources=_tuple(sources), since=since or None, until=until or None, paths=_tuple(paths))


def check_question(question: str) -> str:
    """Return the question stripped of surrounding blanks.

    Raises:
        BadRequest: the question is empty or longer than `MAX_QUESTION_CHARS`.
    """
    question = question.strip() if isinstance(question, str) else ""
    if not question:
        raise BadRequest("the question is empty: ask something, e.g. why did 小红卡 close?")
    if len(question) > MAX_QUESTION_CHARS:
        raise BadRequest(
            f"the question is {len(question):,} characters long; ask in at most {MAX_QUESTION_CHARS:,}"
        )
    return question


def check_k(k: int | None, default: int) -> int:
    """Return the number of passages to retrieve: `k`, or `default` when None.

    Raises:
        BadRequest: `k` is not a whole number from 1 to `MAX_K`.
    """
    if k is None:
        return default
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise BadRequest(f"k={k!r} passages cannot be retrieved: ask for 1 to {MAX_K}")
    return k


def bounded_query(question: str, previous: str = "") -> str:
    """The text searched for `question` (after `previous`, for a follow-up), at most `MAX_QUERY_CHARS` long.

    The question's own words come first: `previous` only fills the room the question leaves. Written in
    simplified Chinese, as every pattern that reads a question is (誰 asks who as 谁 does), with a brand
    before a model's code named whole (`brands_whole`: 理想i8 is Li Auto's).
    """
    question = question[:MAX_QUERY_CHARS]
    room = MAX_QUERY_CHARS - len(question) - 1
    return brands_whole(simplified(f"{previous[:room]} {question}" if previous and room > 0 else question))
