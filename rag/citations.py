"""Number citations and verify them: every quote must be an exact substring of the passage it cites."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.bilingual import matched_share
from rag.guard import repeats_instructions
from rag.text import bigrams, fold, normalize, sentence_spans, terms
from rag.types import Citation, Hit, Quote

_MARKER = re.compile(r"\[(\d{1,3})\]")
_FIGURE = re.compile(r"(?<![\d.])\d++(?:\.\d++)?")
# A generated sentence is supported when this share of its words (or of its Chinese character pairs)
# occurs in a passage it cites; fewer than MIN_CLAIM_WORDS words make no claim to check.
SUPPORT = 0.6
MIN_CLAIM_WORDS = 2
# Words that frame a claim rather than make it ("据报道", "according to the article").
FRAMING = frozenset(
    "根据 据 报道 表示 称 指出 文章 资料 来源 according reported reports report article source sources said "
    "says states stated".split()
)
# Each kind of quotation mark; a body never holds its own opening mark, so matching stays linear.
_QUOTED = re.compile(r"“([^“”]{2,}+)”|‘([^‘’]{2,}+)’|「([^「」]{2,}+)」|『([^『』]{2,}+)』|\"([^\"]{2,}+)\"")


def verify_quote(quote: str, passage: str) -> bool:
    """True when `quote` occurs in `passage` (ignoring width and whitespace differences)."""
    squash = lambda s: re.sub(r"\s+", "", normalize(s))  # noqa: E731
    return bool(quote.strip()) and squash(quote) in squash(passage)


def citation_for(n: int, hit: Hit, start: int, end: int) -> Citation:
    """A citation of `hit.chunk.text[start:end]`, with offsets into the original document."""
    chunk = hit.chunk
    return Citation(
        n=n,
        title=chunk.title,
        source=chunk.source,
        date=chunk.date,
        quote=chunk.text[start:end],
        passage=chunk.text,
        doc_id=chunk.doc_id,
        chunk_id=chunk.chunk_id,
        path=chunk.path,
        start=chunk.start + start,
        end=chunk.start + end,
    )


def number_quotes(quotes: Sequence[Quote]) -> list[Citation]:
    """Number quotes 1..n in answer order, dropping any that fail verification."""
    citations: list[Citation] = []
    for quote in quotes:
        if verify_quote(quote.text, quote.hit.chunk.text):
            citations.append(citation_for(len(citations) + 1, quote.hit, quote.start, quote.end))
    return citations


def cited_numbers(text: str) -> list[int]:
    """The citation numbers `[n]` in `text`, in order of first appearance."""
    return list(dict.fromkeys(int(m) for m in _MARKER.findall(text)))


def quoted_spans(text: str) -> list[str]:
    """Spans of two or more characters that `text` puts between quotation marks of any kind."""
    return [next(g for g in m.groups() if g) for m in _QUOTED.finditer(text)]


def claim_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of a generated answer: never cut inside a quotation, markers kept with their sentence."""
    spans: list[tuple[int, int]] = []
    for start, end in sentence_spans(text):
        if spans and (_open_quote(text[spans[-1][0] : spans[-1][1]]) or not _words(text[start:end])):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _open_quote(text: str) -> bool:
    """Whether `text` leaves a quotation open; straight quotes count only where no curly ones are used."""
    pairs = (("“", "”"), ("「", "」"), ("『", "』"), ("‘", "’"))
    if any(text.count(a) > text.count(b) for a, b in pairs):
        return True
    return not any(a in text for a, _ in pairs) and text.count('"') % 2 == 1


def _words(text: str) -> bool:
    return any(ch.isalnum() for ch in _MARKER.sub("", text))


def check_generated(text: str, passages: Sequence[Hit]) -> str | None:
    """Why a generated answer fails validation, or None when every sentence holds.

    The answer must cite at least one existing passage, must not repeat instructions hidden in a
    document, and each sentence must pass `check_sentence`.
    """
    numbers = cited_numbers(text)
    if not numbers:
        return "the answer cites no passage"
    repeated = repeats_instructions(text, [p.chunk.text for p in passages])
    if repeated:
        return f"the answer repeats “{repeated}” from instructions hidden in a document"
    for start, end in claim_spans(text):
        problem = check_sentence(text[start:end], passages)
        if problem:
            return problem
    return None


def check_sentence(sentence: str, passages: Sequence[Hit]) -> str | None:
    """Why one sentence of a generated answer fails, or None when it holds.

    Its markers must name existing passages; every span it quotes, and every figure it states, must
    occur in a passage it cites (any passage when it cites none); and what it says must overlap with
    that passage, in either language (see `supports`), unless all it says is quoted.
    """
    cited = [int(n) for n in _MARKER.findall(sentence)]
    invalid = [n for n in cited if not 1 <= n <= len(passages)]
    if invalid:
        return f"the answer cites passages that do not exist: {invalid}"
    sources = [passages[n - 1].chunk.text for n in cited] or [p.chunk.text for p in passages]
    for span in quoted_spans(sentence):
        if not any(verify_quote(span, s) for s in sources):
            return f"the quote “{span[:40]}” is not in the passages it cites"
    claim = _unquoted(sentence)
    if not any(supports(s, claim) for s in sources):
        return f"“{sentence[:40]}” is not supported by the passages it cites"
    return None


def supports(passage: str, claim: str) -> bool:
    """Whether `passage` backs `claim`: its figures all occur there, and most of its words do too.

    Words count in either language (translations from the lexicon), and Chinese character pairs
    catch paraphrase. A claim with no words of its own (a lead such as "据报道：") needs no support.
    """
    text = fold(passage)
    digits = re.sub(r"(?<=\d)[,，](?=\d)", "", text)
    if any(figure not in digits for figure in _FIGURE.findall(fold(claim).replace(",", ""))):
        return False
    words = {t: 1.0 for t in terms(claim, search_mode=False) if t not in FRAMING}
    pairs = bigrams(claim) - {pair for w in FRAMING for pair in bigrams(w)}
    if len(words) < MIN_CLAIM_WORDS and len(pairs) < MIN_CLAIM_WORDS:
        return True
    share = matched_share(words, text) or 0.0
    paraphrase = len(pairs & bigrams(text)) / len(pairs) if pairs else 0.0
    return max(share, paraphrase) >= SUPPORT


def _unquoted(sentence: str) -> str:
    """The sentence without its quoted spans and citation markers: what it claims in its own words."""
    return _MARKER.sub(" ", _QUOTED.sub(" ", sentence))
