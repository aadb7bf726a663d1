"""Where benchmark results go, and the machine description stored with them."""

from __future__ import annotations

import json
import os
import platform
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> dict[str, Any]:
    """CPU, memory and software versions of this run."""
    import psutil

    from rag.config import get_settings

    return {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "embeddings": get_settings().embeddings,
    }


def write(name: str, figures: dict[str, Any], table: str) -> None:
    """Print the table, and write `<name>.json` and `<name>.md` under `benchmarks/results/`."""
    print(table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    (RESULTS / f"{name}.md").write_text(table, encoding="utf-8")
