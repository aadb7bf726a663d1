"""Start the web app: `python app.py [--host H] [--port P] [--data-dir D]` (see `rag.web.server`)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Serve the Gradio UI and the HTTP API; returns the exit code."""
    from rag.web.server import main as serve

    return serve(argv)


if __name__ == "__main__":
    sys.exit(main())
