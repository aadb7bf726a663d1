"""Gradio chat app over the news archive (placeholder until the UI lands): indexes the bundled archive."""

from __future__ import annotations

import sys

from ingest import ingest
from ingest.__main__ import summary
from rag.config import get_settings


def main() -> int:
    """Index the bundled archive into the configured index and print what was done."""
    settings = get_settings()
    print(summary(ingest([settings.archive_dir], settings=settings)))  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
