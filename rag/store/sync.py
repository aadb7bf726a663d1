"""Keeping the keyword index in step with Chroma, by applying only what changed.

Every write to Chroma is numbered (`seq`, in the collection's metadata, together with `done`, the
last write that finished, and a `generation` stamped at the start and end of each write). Chunks carry
the `seq` of the write that stored them, and every deletion leaves a tombstone with its write's `seq`.
So the chunks to look at since a `Mark` are those stored or deleted by writes from `mark.next_seq`
on; each is made what Chroma holds now. A write still running when its changes were read is read
again next time (applying a chunk twice changes nothing). When nothing is being written, the index
must hold as many chunks as Chroma; if it does not (a chunk deleted by an older version, say), it is
rebuilt from Chroma.
"""

from __future__ import annotations

import gc
import logging
from dataclasses import dataclass
from typing import Protocol

from rag.store.keyword import KeywordIndex, Mark, Stored

log = logging.getLogger(__name__)

PAGE = 500  # chunks per read: a page with its vectors is a few MB of JSON from a server


@dataclass(frozen=True, slots=True)
class Head:
    """The collection's identity and write counters, as read at one moment."""

    collection: str
    generation: str
    seq: int
    done: int

    @property
    def quiet(self) -> bool:
        """True when no write had started without finishing (or being abandoned by a crash)."""
        return self.done >= self.seq

    def mark(self) -> Mark:
        """The mark of an index that has applied everything read after this head."""
        return Mark(self.collection, self.generation, self.seq + 1 if self.quiet else self.seq)


class Source(Protocol):
    """What catching up reads from Chroma (implemented by `Store`)."""

    def head(self) -> Head:
        """The collection's identity and counters now."""

    def count(self) -> int:
        """Chunks in the collection."""

    def all_ids(self) -> list[str]:
        """Every chunk id."""

    def changed_ids(self, since_seq: int) -> list[str]:
        """Ids stored or deleted by writes numbered `since_seq` or later."""

    def stored(self, chunk_ids: list[str]) -> list[Stored]:
        """These chunks as stored now (missing ids left out)."""


def in_step(index: KeywordIndex, head: Head) -> bool:
    """True when `index` has applied every write up to `head`."""
    mark = index.mark()
    return (mark.collection, mark.generation) == (head.collection, head.generation)


def catch_up(source: Source, index: KeywordIndex, head: Head, *, wait: bool = True) -> None:
    """Apply to `index` every change Chroma made since the index's mark (a rebuild for a new collection).

    Without `wait`, returns at once when another thread or process is already updating the index (a
    reader then searches the index as it is, a moment behind, rather than stall).
    """
    if in_step(index, head):
        return
    with index.updating(wait=wait) as update:
        if update is None:
            return
        mark = index.mark()  # another process may have caught up while this one waited
        if (mark.collection, mark.generation) == (head.collection, head.generation):
            return
        rebuild = mark.collection != head.collection
        for attempt in range(2):
            if rebuild:
                update.clear()
                ids = source.all_ids()
            else:
                ids = source.changed_ids(mark.next_seq)
            for i in range(0, len(ids), PAGE):
                page = ids[i : i + PAGE]
                stored = source.stored(page)
                present = {s.chunk.chunk_id for s in stored}
                update.put(stored, [cid for cid in page if cid not in present])
                # A server's answer is held in reference cycles (the HTTP client's response objects), so
                # each page would linger until a full collection: at 100k chunks the process grew by
                # 300 MB. The young generations are cheap to collect and free it at once.
                gc.collect(1)
            if attempt or not head.quiet or update.count() == source.count() or source.head() != head:
                break
            log.warning("the keyword index at %s disagrees with Chroma: rebuilding it", index.directory)
            rebuild = True
        update.mark = head.mark()
        if rebuild:
            log.info("rebuilt the keyword index over %d chunks", update.count())
