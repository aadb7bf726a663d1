"""Start a real Chroma server (`chroma run`, the CLI shipped with chromadb) on a free loopback port."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path


def start(path: Path, timeout: float = 60.0) -> tuple[subprocess.Popen[bytes], int]:
    """Run `chroma run --path PATH` on 127.0.0.1 and wait until it listens.

    Returns:
        The server process (terminate it when done) and its port.

    Raises:
        RuntimeError: the `chroma` command is missing or the server did not start in time.
    """
    beside = Path(sys.executable).with_name("chroma")
    chroma = str(beside) if beside.exists() else shutil.which("chroma")
    if chroma is None:
        raise RuntimeError("the `chroma` command of chromadb is missing")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"`chroma run` did not start listening within {timeout:g} s")
