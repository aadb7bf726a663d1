"""A non-editable install works as a tool: its commands run from any directory, data goes to the user's folder."""

import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from rag.config import PROJECT_DIR

COMMANDS = ["newsrag", "newsrag-ingest", "newsrag-ask"]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the built wheel; its dependencies come from this environment (no download)."""
    root = tmp_path_factory.mktemp("install")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(root),
            ".",
        ],
        cwd=PROJECT_DIR,
        check=True,
    )
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    purelib = Path(sysconfig.get_paths()["purelib"])
    site = next((venv / "lib").glob("python*/site-packages"))
    (site / "dependencies.pth").write_text(f"{purelib}\n", encoding="utf-8")
    wheel = next(root.glob("newsrag-*.whl"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(venv / "bin" / "python"),
            "install",
            "-q",
            "--no-deps",
            str(wheel),
        ],
        check=True,
    )
    return venv


def _run(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(cwd / "home"), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [str(venv / "bin" / args[0]), *args[1:]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
def test_installed_commands_work_from_another_directory(installed: Path, tmp_path: Path):
    for command in COMMANDS:
        out = _run(installed, tmp_path, command, "--version")
        assert out.returncode == 0 and "0." in out.stdout, out.stderr
    article = tmp_path / "a.md"
    article.write_text(
        "# 星河物流扩张\n\n星河物流在成都新建了三座仓库，预计明年投入使用。\n", encoding="utf-8"
    )
    out = _run(installed, tmp_path, "newsrag-ingest", "a.md")
    assert out.returncode == 0 and "1 added" in out.stdout + out.stderr, out.stderr
    out = _run(installed, tmp_path, "newsrag-ask", "ask", "星河物流在成都新建了几座仓库？", "--json")
    assert out.returncode == 0 and "三座仓库" in out.stdout, out.stderr
    assert (tmp_path / "home" / ".local" / "share" / "newsrag" / "index").is_dir()
    where = _run(installed, tmp_path, "python", "-c", "import rag; print(rag.__file__)").stdout
    assert where.startswith(str(installed)) and str(PROJECT_DIR) not in where
