"""The launched app as session fixtures: a real `python app.py` process, a gradio_client, headless Chromium."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rag.config import PROJECT_DIR

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch_app(root: Path, *args: str, **env_vars: str) -> Iterator[str]:
    """Run `python app.py ARGS` on a free loopback port with its index under `root`; yield its URL."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env |= {
        "RAG_DATA_DIR": str(root / "index"),
        "RAG_UPLOAD_DIR": str(root / "uploads"),
        "GRADIO_TEMP_DIR": str(root / "gradio-cache"),
        **env_vars,
    }
    log = (root / "app.log").open("w", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "app.py", "--port", str(port), *args],
        cwd=PROJECT_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            assert proc.poll() is None, (root / "app.log").read_text(encoding="utf-8")
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the app did not start: " + (root / "app.log").read_text(encoding="utf-8"))
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


@pytest.fixture(scope="session")
def app_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of the session's app: its index, uploads and Gradio cache."""
    return tmp_path_factory.mktemp("app")


@pytest.fixture(scope="session")
def app_url(app_root: Path) -> Iterator[str]:
    """The session's app, on the bundled archive."""
    yield from launch_app(app_root)


API_KEY = "k3y-for-test"


@pytest.fixture(scope="session")
def keyed_app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An app started with `RAG_API_KEY=API_KEY`, on the bundled archive."""
    yield from launch_app(tmp_path_factory.mktemp("keyed-app"), RAG_API_KEY=API_KEY)


@pytest.fixture(scope="session")
def api(app_url: str) -> Iterator[Any]:
    """An httpx client of the session's app."""
    import httpx

    with httpx.Client(base_url=app_url, timeout=120) as http:
        yield http


@pytest.fixture(scope="session")
def client(app_url: str):
    from gradio_client import Client

    return Client(app_url, verbose=False)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run installs Debian's chromium package")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()
