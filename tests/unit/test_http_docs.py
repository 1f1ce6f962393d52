"""docs/http-api.md in step with the server: every operation, problem code and serve
option documented; every curl example runs and answers as the page shows."""

from __future__ import annotations

import json
import re
import shlex
from typing import Any
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from catalogkit.cli.serve_cmd import serve_command
from catalogkit.server import ServeConfig, create_app
from catalogkit.server.problems import PROBLEMS
from tests.conftest import DEMO, ROOT

PAGE = (ROOT / "docs" / "http-api.md").read_text(encoding="utf-8")
TOKEN = "docs-token"


@pytest.fixture(scope="module")
def client() -> TestClient:
    config = ServeConfig(DEMO, watch=False, cache=False, admin_token=TOKEN)
    return TestClient(create_app(config))


def examples() -> list[tuple[list[str], Any]]:
    """Each curl command with the JSON block that follows its code block, if any."""
    blocks = re.findall(r"```(\w+)\n(.*?)```", PAGE, re.S)
    out = []
    for i, (lang, text) in enumerate(blocks):
        if lang != "sh":
            continue
        shown = None
        if i + 1 < len(blocks) and blocks[i + 1][0] == "json":
            shown = json.loads(blocks[i + 1][1])
        commands = [line.split("  #")[0] for line in text.splitlines() if line.startswith("curl ")]
        for n, command in enumerate(commands):
            out.append((shlex.split(command), shown if n == 0 else None))
    return out


EXAMPLES = examples()


def test_every_operation_is_documented(client: TestClient) -> None:
    spec = client.get("/v1/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method in operations:
            assert f"`{method.upper()} {path}`" in PAGE, f"{method.upper()} {path}"
    documented = set(re.findall(r"^### .*?`(?:GET|POST) (/v1/[^`]*)`", PAGE, re.M))
    documented |= set(re.findall(r", `(?:GET|POST) (/v1/[^`]*)`", PAGE))
    assert documented <= set(spec["paths"])


def test_every_problem_code_is_documented() -> None:
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (\d{3}) \|", PAGE, re.M))
    assert rows == {code: str(status) for code, (status, _, _) in PROBLEMS.items()}


def test_every_serve_option_is_documented() -> None:
    for param in serve_command.params:
        for flag in [*param.opts, *param.secondary_opts]:
            if flag.startswith("--") and flag != "--help":
                assert f"`{flag}`" in PAGE, flag


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 15


@pytest.mark.parametrize(("argv", "shown"), EXAMPLES, ids=[" ".join(a[-1:]) for a, _ in EXAMPLES])
def test_curl_example(client: TestClient, argv: list[str], shown: Any) -> None:
    method, headers, data, url = "GET", {}, None, ""
    args = iter(argv[1:])
    for arg in args:
        if arg == "-X":
            method = next(args)
        elif arg == "-H":
            key, value = next(args).split(":", 1)
            headers[key] = value.strip().replace("$CATALOGKIT_ADMIN_TOKEN", TOKEN)
        elif arg == "-d":
            data = next(args)
        elif arg == "-o":
            next(args)
        elif arg.startswith("http"):
            url = arg
    parts = urlsplit(url)
    assert parts.netloc == "127.0.0.1:8000"
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    response = client.request(method, target, headers=headers, content=data)
    assert response.status_code == 200, response.text
    if shown is not None:
        like(response.json(), shown)


def like(actual: Any, shown: Any, where: str = "$") -> None:
    """What the page shows is in the answer; "…" stands for what it leaves out."""
    if isinstance(shown, dict):
        for key, value in shown.items():
            if key == "…":
                continue
            assert key in actual, f"{where}: the page shows {key!r}, the answer has no such key"
            if key != "revision":  # changes with every edit of the demo
                like(actual[key], value, f"{where}.{key}")
    elif isinstance(shown, list):
        for item in shown:
            if isinstance(item, str) and "…" in item:
                continue
            assert any(_fits(a, item) for a in actual), f"{where}: no element like {item!r}"
    elif isinstance(shown, str) and "…" in shown:
        head = shown.split("…")[0]
        assert str(actual).startswith(head), f"{where}: {actual!r} does not start with {head!r}"
    else:
        assert actual == shown, f"{where}: the page shows {shown!r}, the answer is {actual!r}"


def _fits(actual: Any, shown: Any) -> bool:
    try:
        like(actual, shown)
    except AssertionError:
        return False
    return True
