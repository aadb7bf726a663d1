"""A canned OpenAI-compatible chat server on loopback: the one stand-in, playing a remote LLM."""

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from rag.config import Settings


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
        if "stands alone" in messages[0]["content"]:  # a follow-up to rewrite
            return self.server.rewrite
        prompt = messages[-1]["content"]
        first = re.search(r'<passage id="1"[^>]*>\n(.*?)\n</passage>', prompt, flags=re.S)[1]
        sentences = [s.strip()[:30] for s in re.split(r"(?<=[。！？.!?])", first.strip()) if s.strip()]
        sentence = sentences[0]
        return {
            "valid": f"根据报道，“{sentence}”[1]。",
            "valid_long": "".join(f"报道称“{s}”[1]。" for s in sentences[:3]),
            "invented_citation": f"根据报道，“{sentence}”[9]。",
            "invented_quote": "官方称“这是一个完全虚构的引用，不在任何文章里”[1]。",
            "refuse": "资料中没有关于这个问题的信息。",
            "no_answer": "NO_ANSWER",
            "custom": self.server.custom,
        }[self.server.mode]


def _completion(kind: str, choices: list[dict]) -> dict:
    return {"id": "canned", "object": kind, "created": 0, "model": "canned", "choices": choices}


@pytest.fixture
def llm_server() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), CannedLLM)
    server.mode, server.requests, server.custom, server.rewrite = "valid", [], "", ""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def llm_settings_for(settings: Settings, server: ThreadingHTTPServer) -> Settings:
    """`settings` answering through the canned server."""
    host, port = server.server_address
    return settings.model_copy(
        update={
            "llm": "openai",
            "llm_model": "canned",
            "openai_base_url": f"http://{host}:{port}/v1",
            "llm_timeout": 10,
        }
    )
