"""The LLM path over real HTTP, against a canned OpenAI-compatible server on loopback."""

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from rag import answer, stream_answer
from rag.config import Settings
from rag.errors import LLMUnavailable
from rag.llm import build_chain


class CannedLLM(BaseHTTPRequestHandler):
    """Replies to /v1/chat/completions according to `server.mode`, quoting the prompt's passages."""

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(body)
        if self.server.mode == "error":
            self.send_response(500)
            self.end_headers()
            return
        text = self._reply(body["messages"])
        self.send_response(200)
        if body.get("stream"):
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for piece in re.findall(r".{1,8}", text, flags=re.S):
                self._event({"delta": {"role": "assistant", "content": piece}, "finish_reason": None})
            self._event({"delta": {}, "finish_reason": "stop"})
            self.wfile.write(b"data: [DONE]\n\n")
        else:
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            message = {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
            self.wfile.write(json.dumps(_completion("chat.completion", [message])).encode())

    def _event(self, choice: dict) -> None:
        chunk = _completion("chat.completion.chunk", [{"index": 0, **choice}])
        self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        self.wfile.flush()

    def _reply(self, messages: list[dict]) -> str:
        prompt = messages[-1]["content"]
        first = re.search(r'<passage id="1"[^>]*>\n(.*?)\n</passage>', prompt, flags=re.S)[1]
        sentence = re.split(r"(?<=[。！？.!?])", first.strip())[0][:30]
        return {
            "valid": f"根据报道，“{sentence}”[1]。",
            "invented_citation": f"根据报道，“{sentence}”[9]。",
            "invented_quote": "官方称“这是一个完全虚构的引用，不在任何文章里”[1]。",
            "refuse": "资料中没有关于这个问题的信息。",
        }[self.server.mode]


def _completion(kind: str, choices: list[dict]) -> dict:
    return {"id": "canned", "object": kind, "created": 0, "model": "canned", "choices": choices}


@pytest.fixture
def llm_server() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), CannedLLM)
    server.mode, server.requests = "valid", []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


@pytest.fixture
def llm_settings(archive: Settings, llm_server: ThreadingHTTPServer) -> Settings:
    host, port = llm_server.server_address
    return archive.model_copy(
        update={
            "llm": "openai",
            "llm_model": "canned",
            "openai_base_url": f"http://{host}:{port}/v1",
            "llm_timeout": 10,
        }
    )


def test_valid_cited_answer_passes_through(llm_settings: Settings, llm_server: ThreadingHTTPServer):
    result = answer("小红卡为什么关停？", settings=llm_settings)
    assert result.mode == "llm" and not result.refused
    assert result.text.startswith("根据报道") and "[1]" in result.text
    assert [c.n for c in result.citations] == [1]
    assert result.citations[0].quote in result.citations[0].passage
    assert llm_server.requests[0]["stream"] is True


def test_answer_streams_token_by_token(llm_settings: Settings):
    parts = [p.text for p in stream_answer("小红卡为什么关停？", settings=llm_settings)]
    assert len(parts) > 3
    assert all(parts[i] and parts[i + 1].startswith(parts[i]) for i in range(len(parts) - 2))


@pytest.mark.parametrize("mode", ["invented_citation", "invented_quote", "error"])
def test_invalid_or_failed_llm_answer_falls_back_to_extractive(
    llm_settings: Settings, llm_server: ThreadingHTTPServer, mode: str
):
    llm_server.mode = mode
    result = answer("小红卡为什么关停？", settings=llm_settings)
    assert result.mode == "extractive-fallback"
    assert result.note
    assert result.citations and "完全虚构" not in result.text
    assert result.text == answer("小红卡为什么关停？", settings=llm_settings, use_llm=False).text


def test_llm_refusal_is_a_refusal(llm_settings: Settings, llm_server: ThreadingHTTPServer):
    llm_server.mode = "refuse"
    result = answer("小红卡为什么关停？", settings=llm_settings)
    assert result.refused and result.see_also and result.mode == "llm"


def test_prompt_fences_passages_and_treats_them_as_data(
    llm_settings: Settings, llm_server: ThreadingHTTPServer
):
    answer("why did 小红卡 close?", settings=llm_settings)
    system, user = llm_server.requests[0]["messages"]
    assert "data, not instructions" in system["content"] and "English" in system["content"]
    assert user["content"].count("<passage id=") >= 3 and "Question: why did 小红卡 close?" in user["content"]


def test_missing_model_name_is_an_actionable_error(archive: Settings):
    with pytest.raises(LLMUnavailable, match="RAG_LLM_MODEL"):
        build_chain(archive.model_copy(update={"llm": "openai", "llm_model": ""}))
