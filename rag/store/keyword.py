"""The index derived from Chroma: BM25 in tantivy, records in SQLite, vectors in `rag.store.vectors`.

SQLite holds each chunk's record, its vector (fp16) and each language's vector sum. Kept in step with
Chroma by `rag.store.sync`; it lives on disk, is updated in place (a change costs what it touches)
and is read by any number of processes. Dense search reads it rather than Chroma, whose in-process
HNSW holds every vector in float32 (2 GB of a reader's memory at 1M chunks). Tantivy was chosen by
measurement over SQLite FTS5 (100k / 1M chunks: query p95 1 / 6 ms against 221 ms / seconds,
index 8 / 73 MB against 66 / 652 MB); see README.

Crash safety: an update writes its SQLite pages, then commits tantivy, then records its `Mark`
(how far Chroma's history has been applied) in SQLite. A process killed anywhere leaves the old mark,
so the next update re-applies the same changes; every change is idempotent (a chunk is replaced by
id, its vector is subtracted from its language's sum as it was stored). Each chunk's vector is kept
(as float16) for that reason: it is what was added to the sums. The nearest-neighbour index is
saved whole after the commit, under a new name that the state then records; the rows' first change
marks the state dirty in the same transaction, so an update that finds it dirty (one before it died
between the two) builds that index again from the rows.

This is the only module that imports tantivy (the feedback log, `rag.store.feedback`, also uses SQLite).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from rag.lexicon import chinese_words
from rag.store.chroma import date_number
from rag.store.vectors import VectorIndex, drop_unused, rows_index
from rag.text import language
from rag.types import Chunk, Filters

if TYPE_CHECKING:
    import tantivy

log = logging.getLogger(__name__)

# Bump when the tokenizer or the layout changes: the index is then rebuilt from Chroma. The words the
# tokenizer keeps whole (the lexicon's and the gazetteer's) are part of the format by themselves.
FORMAT = 18
# Tantivy's indexing arena: a rebuild flushes a segment whenever it fills. 16 MB (its minimum is 15)
# against 64: a rebuild's peak memory 92 MB lower (30k chunks), in about the same time.
WRITER_HEAP = 16_000_000
BATCH = 500


@dataclass(frozen=True, slots=True)
class Mark:
    """How far Chroma's history is applied: the collection, its generation, and the first write to redo."""

    collection: str = ""
    generation: str = ""
    next_seq: int = 0


@dataclass(frozen=True, slots=True)
class Stored:
    """A chunk as Chroma holds it: with its vector and its file's hash."""

    chunk: Chunk
    vector: np.ndarray
    file_hash: str


@dataclass(frozen=True, slots=True)
class FileRecord:
    """What the index holds for one source file."""

    file_hash: str
    doc_ids: frozenset[str]
    chunk_ids: frozenset[str]
    text_hashes: frozenset[str]
    complete: bool


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One indexed document, as the library lists it."""

    doc_id: str
    title: str
    source: str | None
    date: str | None
    path: str
    chunks: int


@dataclass(frozen=True, slots=True)
class LanguageMeans:
    """Each language's mean passage vector, and how many chunks it averages.

    Multilingual e5 places every language in its own region: a question scores passages of its own
    language far above a passage in another language that answers it. Subtracting each language's
    mean (see `rag.retrieve`) takes that offset away. Kept up to date by every update.
    """

    means: dict[str, np.ndarray]
    counts: dict[str, int]


_SCHEMA = """
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    row INTEGER PRIMARY KEY AUTOINCREMENT, chunk_id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL,
    path TEXT NOT NULL, title TEXT NOT NULL, source TEXT, date TEXT, day INTEGER NOT NULL,
    doc_chunks INTEGER NOT NULL, lang TEXT NOT NULL, text_hash TEXT NOT NULL, file_hash TEXT NOT NULL,
    record TEXT NOT NULL, vector BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_path ON chunks(path);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE INDEX IF NOT EXISTS chunks_text ON chunks(text_hash);
CREATE TABLE IF NOT EXISTS languages (lang TEXT PRIMARY KEY, n INTEGER NOT NULL, total BLOB NOT NULL);
"""


class KeywordIndex:
    """BM25 over every chunk, the chunks' records, per-file and per-document views, language means.

    Args:
        directory: where the index lives (created if missing; rebuilt if unreadable or of an old format).
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.writable = not directory.exists() or os.access(directory, os.W_OK)
        self._db, self._tantivy = _open(directory) if self.writable else _open_read_only(directory)
        self._updating = threading.Lock()
        self._reload = threading.Lock()
        self._local = threading.local()
        self._seen_version = -1
        self._count = 0
        self._means: tuple[int, LanguageMeans] | None = None
        self._loading = threading.RLock()
        self._saved = ("", 0)  # the state's vector index: its file, and how many chunks trained its cells
        self._vectors: VectorIndex | None = None
        self._vectors_file = ""
        self.mark()

    # -- state ---------------------------------------------------------------------------------

    def mark(self) -> Mark:
        """How far this index has applied Chroma's history, read from disk (another process may move it).

        Also brings this object's view up to that state: the searcher, the count, the language means,
        the vector index. Readers call it once per question (`Store.keyword_index`); the other reads
        use that view.
        """
        state = self._state()
        version = int(state.get("version", 0))
        with self._reload:
            if version != self._seen_version:
                self._tantivy.reload()
                self._seen_version = version
                self._count = int(state.get("count", 0))
                self._saved = (state.get("vectors", ""), int(state.get("trained_on", 0)))
        return Mark(state.get("collection", ""), state.get("generation", ""), int(state.get("next_seq", 0)))

    def __len__(self) -> int:
        return self._count

    def _read(self) -> sqlite3.Connection:
        """This thread's reading connection (SQLite in WAL mode: readers never wait for an update)."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = _connect(self.directory, read_only=not self.writable)
        return db

    def _state(self) -> dict[str, str]:
        return dict(self._read().execute("SELECT key, value FROM state").fetchall())

    def _searcher(self) -> tantivy.Searcher:
        """A searcher over the commit seen by the last `mark`."""
        return self._tantivy.searcher()

    # -- reading -------------------------------------------------------------------------------

    def search(
        self, query_terms: list[str], n: int, filters: Filters, *, names: Sequence[str] = ()
    ) -> list[tuple[Chunk, float]]:
        """Return up to `n` chunks with a positive BM25 score for `query_terms`, best first.

        `names` are pinyin words ("yili") matched against the pinyin of the chunks' Chinese names
        (`rag.bilingual.pinyin_terms`), beside their words.
        """
        words, named = (
            [t for t in found if t and not any(c.isspace() for c in t)] for found in (query_terms, names)
        )
        if not (words or named) or n <= 0:
            return []
        searcher = self._searcher()
        found = searcher.search(_query(self._tantivy, words, named, filters), n, count=False).hits
        ranked = [(searcher.doc(address)["id"][0], float(score)) for score, address in found if score > 0]
        chunks = self.chunks([cid for cid, _ in ranked])
        return [(chunks[cid], score) for cid, score in ranked if cid in chunks]

    def nearest(self, queries: np.ndarray, n: int, filters: Filters) -> list[list[tuple[str, float]]]:
        """For each query vector, up to `n` `(chunk_id, cosine similarity)` pairs, best first."""
        queries = np.atleast_2d(np.asarray(queries, dtype=np.float32))
        if n <= 0:
            return [[] for _ in queries]
        queries = queries / np.maximum(np.linalg.norm(queries, axis=1, keepdims=True), 1e-12)
        allowed = None
        if filters:
            where, values = _where(filters)
            rows = self._read().execute(f"SELECT row FROM chunks WHERE {where}", values)
            allowed = np.array([r for (r,) in rows])
        vectors = self._vector_index()
        asked = n
        while True:
            found = vectors.search(queries, asked, allowed)
            sql = "SELECT row, chunk_id FROM chunks WHERE row IN ({})"
            ids = dict(self._select(sql, [r for run in found for r, _ in run]))
            runs = [[(ids[r], score) for r, score in run if r in ids][:n] for run in found]
            # The vector index may hold rows an update has just deleted (or another process has, since
            # it was saved): a run they cut short is asked again, for more.
            if asked >= len(vectors) or all(
                len(run) == n or len(hits) < asked for run, hits in zip(runs, found, strict=True)
            ):
                return runs
            asked *= 2

    def _vector_index(self) -> VectorIndex:
        """The vector index of the state `mark` saw (during this process's update, the one it changes)."""
        with self._loading:
            name, trained_on = self._saved
            if self._vectors is not None and self._vectors_file == name:
                return self._vectors
            self._vectors = None  # freed before the next one is read: two would double the memory
            for _ in range(2):
                if not name:
                    break
                try:
                    vectors = VectorIndex.load(self.directory / name, trained_on)
                except OSError as exc:  # replaced by a newer one meanwhile, or damaged
                    log.info("%s; reading the index's state again", exc)
                    self.mark()
                    name, trained_on = self._saved
                    continue
                self._install(vectors, name)
                return vectors
            log.info("building the vector index at %s from its rows", self.directory)
            vectors = rows_index(self._read())
            self._install(vectors)
            return vectors

    def _install(self, vectors: VectorIndex | None, name: str | None = None) -> None:
        """Make `vectors` this process's vector index: saved as `name`, or a change of the state's one."""
        with self._loading:
            self._vectors, self._vectors_file = vectors, self._saved[0] if name is None else name

    def knows(self, term: str) -> bool:
        """True when some chunk contains `term`."""
        return self._document_frequency(term) > 0

    def reads(self, name: str) -> bool:
        """True when some chunk holds a Chinese name read `name` in pinyin (牧原: muyuan)."""
        return self._document_frequency(name, "names") > 0

    def idf(self, term: str) -> float:
        """Inverse document frequency of `term` over the chunks; a term never seen gets the maximum."""
        df = self._document_frequency(term)
        return float(np.log(1.0 + (len(self) - df + 0.5) / (df + 0.5)))

    def _document_frequency(self, term: str, field: str = "body") -> int:
        if not term or any(c.isspace() for c in term):
            return 0
        return int(self._searcher().doc_freq(field, term))

    def chunks(self, chunk_ids: Sequence[str]) -> dict[str, Chunk]:
        """The indexed chunks among `chunk_ids`, by id (an unknown id is left out)."""
        rows = self._select("SELECT chunk_id, record FROM chunks WHERE chunk_id IN ({})", chunk_ids)
        return {cid: Chunk(**json.loads(record)) for cid, record in rows}

    def document(self, doc_id: str) -> list[Chunk]:
        """The chunks of one document, in order (none for an unknown id)."""
        rows = self._read().execute("SELECT record FROM chunks WHERE doc_id = ?", (doc_id,)).fetchall()
        return sorted((Chunk(**json.loads(r)) for (r,) in rows), key=lambda c: c.index)

    def placed(self, chunk_ids: Sequence[str]) -> dict[str, tuple[str, np.ndarray]]:
        """The language (`zh` or `en`) and stored vector (half precision) of each indexed chunk here.

        Read here rather than sent back by Chroma with the dense results: on a server those vectors
        travel as JSON numbers.
        """
        rows = self._select("SELECT chunk_id, lang, vector FROM chunks WHERE chunk_id IN ({})", chunk_ids)
        return {cid: (lang, np.frombuffer(vector, dtype=np.float16)) for cid, lang, vector in rows}

    def all_chunks(self) -> Iterator[Chunk]:
        """Every indexed chunk, in document order."""
        rows = self._read().execute("SELECT record FROM chunks ORDER BY path, doc_id, chunk_id").fetchall()
        for (record,) in rows:
            yield Chunk(**json.loads(record))

    @property
    def languages(self) -> LanguageMeans:
        """Each language's mean passage vector and chunk count."""
        version = self._seen_version
        if self._means is None or self._means[0] != version:
            rows = self._read().execute("SELECT lang, n, total FROM languages WHERE n > 0").fetchall()
            means = {lang: (np.frombuffer(total) / n).astype(np.float32) for lang, n, total in rows}
            self._means = (version, LanguageMeans(means, {lang: n for lang, n, _ in rows}))
        return self._means[1]

    def documents(self) -> list[DocumentRow]:
        """One row per indexed document."""
        rows = (
            self._read()
            .execute(
                "SELECT doc_id, min(title), min(source), min(date), min(path), max(doc_chunks) "
                "FROM chunks GROUP BY doc_id"
            )
            .fetchall()
        )
        return [DocumentRow(*row) for row in rows]

    def document_count(self) -> int:
        """How many documents are indexed."""
        return int(self._read().execute("SELECT count(DISTINCT doc_id) FROM chunks").fetchone()[0])

    def file_records(
        self, paths: Iterable[str] | None = None, *, under: Iterable[Path] = ()
    ) -> dict[str, FileRecord]:
        """What the index holds for these files and for every file below the `under` folders.

        With neither `paths` nor `under`: every file.
        """
        columns = "SELECT path, file_hash, doc_id, doc_chunks, chunk_id, text_hash FROM chunks"
        under = list(under)
        if paths is None and not under:
            return _file_records(self._read().execute(columns).fetchall())
        rows = self._select(columns + " WHERE path IN ({})", list(paths or ()))
        for folder in under:
            # Every path below the folder: "0" is the character after "/".
            prefix = str(folder).rstrip("/") + "/"
            rows += (
                self._read()
                .execute(columns + " WHERE path >= ? AND path < ?", (prefix, prefix[:-1] + "0"))
                .fetchall()
            )
        return _file_records(rows)

    def owners(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """The file each of `doc_ids` was indexed from, for those indexed."""
        return dict(self._select("SELECT doc_id, path FROM chunks WHERE doc_id IN ({})", doc_ids))

    def known_texts(self, text_hashes: Sequence[str]) -> set[str]:
        """The text hashes among `text_hashes` that some indexed chunk has (their vectors can be reused)."""
        return {
            h for (h,) in self._select("SELECT text_hash FROM chunks WHERE text_hash IN ({})", text_hashes)
        }

    def _select(
        self, sql: str, keys: Sequence[Any], db: sqlite3.Connection | None = None
    ) -> list[tuple[Any, ...]]:
        """Run `sql` (with one `IN ({})`) for `keys`, in batches that SQLite accepts."""
        rows: list[tuple[Any, ...]] = []
        keys = list(dict.fromkeys(keys))
        db = db or self._read()
        for i in range(0, len(keys), BATCH):
            part = keys[i : i + BATCH]
            rows += db.execute(sql.format(",".join("?" * len(part))), part).fetchall()
        return rows

    # -- writing -------------------------------------------------------------------------------

    @contextmanager
    def updating(self, *, wait: bool = True) -> Iterator[Update | None]:
        """Change the index: one update at a time across processes.

        Committed on success (tantivy, then the mark). Without `wait`, yields None at once when another
        update is running.
        """
        from filelock import FileLock, Timeout

        if not self._updating.acquire(blocking=wait):
            yield None
            return
        try:
            lock = FileLock(str(self.directory / "update.lock"))
            try:
                lock.acquire(timeout=-1 if wait else 0)
            except Timeout:
                yield None
                return
            try:
                yield from self._update()
            finally:
                lock.release()
        finally:
            self._updating.release()

    def _update(self) -> Iterator[Update]:
        writer = self._tantivy.writer(heap_size=WRITER_HEAP, num_threads=1)
        self.mark()
        # An update that died between its rows and its vector index leaves the state dirty: this one
        # then builds the vector index from the rows when it saves.
        dirty = self._state().get("dirty") == "1"
        update = Update(self, writer, None if dirty else self._vector_index())
        try:
            yield update
            writer.commit()
        except BaseException:
            writer.rollback()
            self._install(None)  # its changes are in the rows only: the next update builds it from them
            raise
        finally:
            writer.wait_merging_threads()
        values = asdict(update.mark) if update.mark is not None else {}
        if update.changed:
            values |= self._save(update)
        if values:
            self._write_state(**values)
        if update.changed:
            drop_unused(self.directory, self._vectors_file)

    def _save(self, update: Update) -> dict[str, Any]:
        """Save the update's vector index (built from the rows if it has none or outgrew its cells).

        Returns the state to record.
        """
        vectors = update.vectors
        if vectors is None or vectors.stale():
            update.vectors = vectors = None
            self._install(None)  # freed before the next is built: two would double the memory
            vectors = rows_index(self._read())
        name = f"vectors-{uuid.uuid4().hex}.faiss"
        vectors.save(self.directory / name)
        self._install(vectors, name)
        return {"vectors": name, "trained_on": vectors.trained_on, "dirty": 0}

    def _write_state(self, **values: Any) -> None:
        state = dict(self._db.execute("SELECT key, value FROM state").fetchall())
        values["version"] = int(state.get("version", 0)) + 1
        values["count"] = self._db.execute("SELECT count(*) FROM chunks").fetchone()[0]
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO state(key, value) VALUES (?, ?)",
                [(k, str(v)) for k, v in values.items()],
            )
        self.mark()


class Update:
    """The changes of one `KeywordIndex.updating` block."""

    def __init__(self, index: KeywordIndex, writer: tantivy.IndexWriter, vectors: VectorIndex | None) -> None:
        self.index = index
        self.writer = writer
        self.vectors = vectors  # None: built from the rows when the update is saved
        self.mark: Mark | None = None
        self.changed = vectors is None  # the vector index differs from the one saved

    def count(self) -> int:
        """Chunks in the index now, this update's changes included."""
        return int(self.index._db.execute("SELECT count(*) FROM chunks").fetchone()[0])

    def clear(self) -> None:
        """Drop everything (before a rebuild); the mark is reset so a crash now means a rebuild."""
        self.writer.delete_all_documents()
        db = self.index._db
        with db:
            db.execute("DELETE FROM chunks")
            db.execute("DELETE FROM languages")
            _dirty(db)
        self.vectors = None
        self.changed = True
        self.index._install(None)
        self.index._write_state(**asdict(Mark()))

    def put(self, stored: Sequence[Stored], gone: Sequence[str]) -> None:
        """Make these chunks what Chroma holds: `stored` replaced or added, `gone` removed."""
        touched = [s.chunk.chunk_id for s in stored] + list(gone)
        for cid in touched:
            self.writer.delete_documents_by_term("id", cid)
        rows = []
        for s in stored:
            self.writer.add_document(_document(s.chunk))
            rows.append(_row(s))
        db = self.index._db
        old = self.index._select("SELECT row, lang, vector FROM chunks WHERE chunk_id IN ({})", touched, db)
        sums = _sums(db, {lang for _, lang, _ in old} | {row[8] for row in rows})
        for _, lang, vector in old:
            sums[lang].add(vector, -1)
        for row in rows:
            sums[row[8]].add(row[12], 1)
        with db:
            for i in range(0, len(touched), BATCH):
                part = touched[i : i + BATCH]
                db.execute(f"DELETE FROM chunks WHERE chunk_id IN ({','.join('?' * len(part))})", part)
            db.executemany(f"INSERT INTO chunks({_COLUMNS}) VALUES ({','.join('?' * 13)})", rows)
            db.executemany(
                "INSERT OR REPLACE INTO languages(lang, n, total) VALUES (?, ?, ?)",
                [(lang, total.n, total.vector.tobytes()) for lang, total in sums.items()],
            )
            _dirty(db)
        self.changed = True
        if self.vectors is None:
            return
        self.vectors.remove(row for row, _, _ in old)
        if stored:
            added = [s.chunk.chunk_id for s in stored]
            sql = "SELECT chunk_id, row FROM chunks WHERE chunk_id IN ({})"
            rows = dict(self.index._select(sql, added, db))
            self.vectors.add(np.array([rows[cid] for cid in added]), np.array([s.vector for s in stored]))


class _Sum:
    """A language's chunk count and vector sum (float64, so updates do not drift)."""

    def __init__(self, n: int, vector: np.ndarray | None) -> None:
        self.n = n
        self.vector = vector

    def add(self, stored: bytes, sign: int) -> None:
        vector = np.frombuffer(stored, dtype=np.float16).astype(np.float64)
        self.n += sign
        self.vector = sign * vector if self.vector is None else self.vector + sign * vector


def _where(filters: Filters) -> tuple[str, list[Any]]:
    """The SQL condition on `chunks` for `filters`, with its values."""
    clauses: list[str] = []
    values: list[Any] = []
    columns = (("source", filters.sources), ("path", filters.paths), ("doc_id", filters.documents))
    for column, wanted in columns:
        if wanted:
            clauses.append(f"{column} IN ({','.join('?' * len(wanted))})")
            values += wanted
    if filters.since:
        clauses.append("day >= ?")
        values.append(date_number(filters.since))
    if filters.until:
        clauses.append("day BETWEEN 1 AND ?")  # an undated article is never "before" a date
        values.append(date_number(filters.until))
    return " AND ".join(clauses), values


def _dirty(db: sqlite3.Connection) -> None:
    """Note, in the rows' transaction, that the saved nearest-neighbour index no longer matches them."""
    db.execute("INSERT OR REPLACE INTO state(key, value) VALUES ('dirty', '1')")


def _sums(db: sqlite3.Connection, langs: set[str]) -> dict[str, _Sum]:
    sums: dict[str, _Sum] = {}
    for lang in langs:
        row = db.execute("SELECT n, total FROM languages WHERE lang = ?", (lang,)).fetchone()
        sums[lang] = _Sum(row[0], np.frombuffer(row[1]).copy()) if row else _Sum(0, None)
    return sums


_COLUMNS = (
    "chunk_id, doc_id, path, title, source, date, day, doc_chunks, lang, text_hash, file_hash, record, vector"
)


def _row(s: Stored) -> tuple[Any, ...]:
    """The `_COLUMNS` of a chunk's row."""
    c = s.chunk
    vector = np.asarray(s.vector, dtype=np.float16).tobytes()
    record = json.dumps(asdict(c), ensure_ascii=False)
    return (
        c.chunk_id, c.doc_id, c.path, c.title, c.source, c.date, date_number(c.date), c.doc_chunks,
        language(c.text), c.text_hash, s.file_hash, record, vector,
    )  # fmt: skip


def _file_records(rows: list[tuple[Any, ...]]) -> dict[str, FileRecord]:
    seen: dict[str, dict[str, Any]] = {}
    for path, file_hash, doc_id, doc_chunks, chunk_id, text_hash in rows:
        rec = seen.setdefault(path, {"hashes": set(), "docs": {}, "ids": set(), "texts": set()})
        if chunk_id in rec["ids"]:
            continue
        rec["hashes"].add(file_hash)
        rec["texts"].add(text_hash)
        rec["docs"].setdefault(doc_id, [doc_chunks, 0])[1] += 1
        rec["ids"].add(chunk_id)
    return {
        path: FileRecord(
            file_hash=next(iter(rec["hashes"])) if len(rec["hashes"]) == 1 else "",
            doc_ids=frozenset(rec["docs"]),
            chunk_ids=frozenset(rec["ids"]),
            text_hashes=frozenset(rec["texts"]),
            complete=len(rec["hashes"]) == 1 and all(want == got for want, got in rec["docs"].values()),
        )
        for path, rec in seen.items()
    }


def _document(chunk: Chunk) -> tantivy.Document:
    import tantivy

    from rag.bilingual import pinyin_terms
    from rag.text import terms

    words = [t for t in terms(chunk.index_text) if not any(c.isspace() for c in t)]
    doc = tantivy.Document()
    doc.add_text("id", chunk.chunk_id)
    doc.add_text("body", " ".join(words))
    doc.add_text("names", " ".join(pinyin_terms(words)))
    doc.add_text("source", chunk.source or "")
    doc.add_text("path", chunk.path)
    doc.add_text("doc", chunk.doc_id)
    doc.add_integer("date", date_number(chunk.date))
    return doc


def _query(index: tantivy.Index, words: list[str], names: list[str], filters: Filters) -> tantivy.Query:
    import tantivy

    schema = index.schema
    query, occur = tantivy.Query, tantivy.Occur
    fields = [("body", w) for w in words] + [("names", n) for n in names]
    should = [(occur.Should, query.term_query(schema, f, w, index_option="freq")) for f, w in fields]
    clauses = [(occur.Must, query.boolean_query(should))]
    for field, values in (("source", filters.sources), ("path", filters.paths), ("doc", filters.documents)):
        if values:
            clauses.append(
                (occur.Must, query.const_score_query(query.term_set_query(schema, field, list(values)), 0.0))
            )
    low = date_number(filters.since) if filters.since else None
    high = date_number(filters.until) if filters.until else None
    if high is not None:
        low = max(low or 1, 1)  # an undated article is never "before" a date
    if low is not None or high is not None:
        dated = query.range_query(schema, "date", tantivy.FieldType.Integer, low, high)
        clauses.append((occur.Must, query.const_score_query(dated, 0.0)))
    return query.boolean_query(clauses)


@lru_cache(maxsize=1)
def _format() -> str:
    """`FORMAT` and a digest of the words the tokenizer keeps whole: a word added to them re-cuts the text."""
    words = "\n".join(sorted(chinese_words()))
    return f"{FORMAT}:{hashlib.sha256(words.encode()).hexdigest()[:12]}"


def _open(directory: Path) -> tuple[sqlite3.Connection, tantivy.Index]:
    """Open (or create) both halves; an unreadable or outdated index is deleted and started afresh."""
    try:
        opened = _open_both(directory)
        if opened[0].execute("SELECT value FROM state WHERE key = 'format'").fetchone() == (_format(),):
            return opened
        log.info("the keyword index at %s has an old format: rebuilding it", directory)
    except (sqlite3.DatabaseError, ValueError, OSError) as exc:
        log.warning("the keyword index at %s cannot be read (%s): rebuilding it", directory, exc)
    shutil.rmtree(directory, ignore_errors=True)
    db, index = _open_both(directory)
    with db:
        db.execute("INSERT OR REPLACE INTO state(key, value) VALUES ('format', ?)", (_format(),))
    return db, index


def _connect(directory: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection to the records; on a read-only disk, opened as immutable (no WAL files needed)."""
    if read_only:
        uri = f"file:{directory / 'chunks.sqlite'}?mode=ro&immutable=1"
        return sqlite3.connect(uri, uri=True, check_same_thread=False)
    return sqlite3.connect(directory / "chunks.sqlite", check_same_thread=False, timeout=60)


def _open_read_only(directory: Path) -> tuple[sqlite3.Connection, tantivy.Index]:
    """Open an index on a read-only disk as it is (it cannot follow new writes there)."""
    import tantivy

    db = _connect(directory, read_only=True)
    index = tantivy.Index.open(str(directory / "postings"))
    index.register_tokenizer("terms", _terms_analyzer())
    return db, index


def _terms_analyzer() -> tantivy.TextAnalyzer:
    """Split on whitespace only: the text is indexed as `rag.text.terms` already made it."""
    import tantivy

    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()


def _open_both(directory: Path) -> tuple[sqlite3.Connection, tantivy.Index]:
    import tantivy

    postings = directory / "postings"
    postings.mkdir(parents=True, exist_ok=True)
    db = _connect(directory)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(_SCHEMA)
        db.commit()
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
        builder.add_text_field("body", tokenizer_name="terms", index_option="freq")
        builder.add_text_field("names", tokenizer_name="terms", index_option="freq")
        builder.add_text_field("source", tokenizer_name="raw", index_option="basic")
        builder.add_text_field("path", tokenizer_name="raw", index_option="basic")
        builder.add_text_field("doc", tokenizer_name="raw", index_option="basic")
        builder.add_integer_field("date", indexed=True, fast=True)
        index = tantivy.Index(builder.build(), path=str(postings))
        index.register_tokenizer("terms", _terms_analyzer())
    except BaseException:
        db.close()
        raise
    return db, index
