"""Starting the server: loopback by default, a key or an explicit opt-out beyond it, a version, a warm-up."""

import socket

import pytest

from rag import Settings, __version__
from rag.web.server import is_loopback, main, warm_up


def test_loopback_names_and_addresses():
    assert all(is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "127.0.0.2"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "192.168.1.5", "example.org", "::"))


def test_a_public_address_needs_a_key_or_an_explicit_opt_out(capsys):
    assert main(["--host", "0.0.0.0", "--port", "9"]) == 2
    assert "RAG_API_KEY" in capsys.readouterr().err


def test_version(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0 and __version__ in capsys.readouterr().out


def test_warm_up_waits_for_the_server_then_answers_and_never_raises(archive: Settings, tmp_path, caplog):
    (tmp_path / "file").write_text("not a directory")
    unusable = Settings(_env_file=None, data_dir=tmp_path / "file")
    with socket.create_server(("127.0.0.1", 0)) as listening:
        port = listening.getsockname()[1]
        warm_up(archive, "127.0.0.1", port)
        assert not caplog.records
        warm_up(unusable, "127.0.0.1", port)
    assert "warm-up question failed" in caplog.text
