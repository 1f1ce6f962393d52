"""Request heads within bounds, `nosniff` on every answer, JSON bodies read strictly
(no key twice, no lone surrogate), and error answers that always serialise."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient

from catalogkit.server import ServeConfig, create_app
from catalogkit.server.handlers import _field
from catalogkit.server.httpguard import protocol_options
from tests.conftest import DEMO
from tests.server.cases import complete_case

PROBLEM = "application/problem+json"
JSON = {"Content-Type": "application/json"}
ROUTE = "/v1/matters/MH-MZ-0001/route?locality=339901101202"


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ServeConfig(DEMO, watch=False, cache=False)))


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", ROUTE, 200),
        ("GET", "/v1/matters/MH-NO-9999", 404),
        ("GET", "/", 200),
        ("GET", "/nothing-here", 404),
        ("GET", "/v1/openapi.json", 200),
        ("HEAD", ROUTE, 200),
        ("POST", "/v1/decide", 415),
    ],
)
def test_every_answer_says_nosniff(client: TestClient, method: str, url: str, status: int) -> None:
    answer = client.request(method, url)
    assert answer.status_code == status
    assert answer.headers["X-Content-Type-Options"] == "nosniff"


def test_too_many_headers(client: TestClient) -> None:
    headers = {f"X-Filler-{i}": "1" for i in range(120)}
    answer = client.get(ROUTE, headers=headers)
    assert answer.status_code == 431 and answer.headers["content-type"] == PROBLEM
    assert answer.json()["code"] == "headers-too-large"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"


def test_headers_too_large(client: TestClient) -> None:
    answer = client.get(ROUTE, headers={"X-Filler": "x" * 40_000})
    assert answer.status_code == 431 and answer.json()["code"] == "headers-too-large"


CASE = complete_case()


def body_of(case: dict[str, Any], **changes: Any) -> bytes:
    return json.dumps({**case, **changes}).encode()


# (id, raw body, line, column)
REFUSED = [
    ("a key twice", b'{"matter": "MH-MZ-0001",\n "matter": "MH-MZ-0002"}', 2, 2),
    (
        "a fact twice",
        b'{"matter": "MH-MZ-0001", "facts": {"a": 1,\n  "a": 2}}',
        2,
        3,
    ),
    ("a key twice, escaped", b'{"a": 1, "\\u0061": 2}', 1, 10),
    ("surrogate in a material", body_of(CASE, materials=["\udfff"]), 0, 0),
    ("surrogate in a fact key", body_of(CASE, facts={**CASE["facts"], "\udfff": 1}), 0, 0),
    ("surrogate in a fact value", body_of(CASE, facts={**CASE["facts"], "x": "\ud800"}), 0, 0),
    ("surrogate in the matter", body_of(CASE, matter="MH\udfff"), 0, 0),
]


@pytest.mark.parametrize(
    ("body", "line", "column"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED]
)
def test_json_bodies_are_read_strictly(
    client: TestClient, body: bytes, line: int, column: int
) -> None:
    answer = client.post("/v1/decide", content=body, headers=JSON)
    assert answer.status_code == 400, answer.text
    problem = answer.json()
    assert problem["code"] == "invalid-json"
    (error,) = problem["errors"]
    if line:
        assert (error["line"], error["column"]) == (line, column)
    else:  # the escape itself is pointed at
        text = body.decode()
        start = sum(len(x) + 1 for x in text.split("\n")[: error["line"] - 1])
        assert text[start + error["column"] - 1 :].startswith("\\ud")


def test_a_surrogate_pair_is_text(client: TestClient) -> None:
    answer = client.post("/v1/decide", content=body_of(CASE, materials=["😀"]), headers=JSON)
    assert answer.status_code == 200, answer.text


def test_an_error_answer_echoing_a_surrogate_still_serialises() -> None:
    """Should a lone surrogate get past the body checks, the problem shows its escape
    instead of failing to serialise (a 500)."""
    error = {"loc": ("body", "facts", "\udfff"), "msg": "bad \ud800", "input": "\udfff"}
    shown = _field(error)
    assert shown.found == '"\\udfff"' and shown.location == "body.facts.\\udfff"
    assert json.loads(shown.model_dump_json())["message"] == "bad \\ud800"


# -- the HTTP parser's own bound, on a real server --------------------------------------


@pytest.fixture(scope="module")
def server() -> Iterator[int]:
    app = create_app(ServeConfig(DEMO, watch=False, cache=False))
    config = uvicorn.Config(
        app, host="127.0.0.1", port=0, log_level="critical", access_log=False,
        **protocol_options(),
    )  # fmt: skip
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not instance.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.01)
    yield instance.servers[0].sockets[0].getsockname()[1]
    instance.should_exit = True
    thread.join(10)


def exchange(port: int, head: bytes, filler: int = 0) -> bytes:
    """Send a request head (with `filler` bytes of one more header, sent in pieces)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        try:
            sock.sendall(head)
            if filler:
                sock.sendall(b"X-Filler: ")
                piece = b"x" * 65536
                for _ in range(filler // len(piece)):
                    sock.sendall(piece)
            sock.sendall(b"\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # answered and closed before reading it all: that is the point
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return data


def test_a_huge_header_is_refused_before_it_is_read(server: int) -> None:
    head = b"GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
    started = time.monotonic()
    answer = exchange(server, head, filler=20 * 1024 * 1024)
    assert time.monotonic() - started < 5
    status, _, rest = answer.partition(b"\r\n")
    assert status.startswith(b"HTTP/1.1 431")
    assert b"x-content-type-options: nosniff" in rest
    assert json.loads(rest.partition(b"\r\n\r\n")[2])["code"] == "headers-too-large"
    well = exchange(server, head)
    assert well.startswith(b"HTTP/1.1 200") and b"nosniff" in well
