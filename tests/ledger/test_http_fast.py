"""The shortcut for POST /v1/cases/{caseNo}/events (server/api/ledger_fast.py) answers
exactly what the FastAPI route answers: each request of tests/data/ledger/fast_append.json
is sent to one fresh case with the shortcut and to another without it, and the two
answers must be equal but for the case number and the times; the ordinary requests
must be the ones the shortcut takes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from catalogkit.ledger import Ledger
from catalogkit.server.api import ledger_fast
from tests.ledger.test_http import bearer, register

CASES = json.loads((Path(__file__).parents[1] / "data/ledger/fast_append.json").read_text())


def _send(client: TestClient, case: dict[str, Any], number: str, tokens: dict[str, str]) -> Any:
    token = case.get("token", "staff")
    headers = {"Content-Type": case.get("type", "application/json")}
    if token != "none":
        headers.update(bearer(tokens.get(token, token)))
    path = f"/v1/cases/{case.get('case', number)}/events{case.get('query', '')}"
    return client.post(path, content=case["body"].encode(), headers=headers)


def _same(answer: Any, number: str) -> tuple[int, Any, str | None]:
    text = re.sub(r"\b[0-9]{20,24}\b", "N", answer.text.replace(number, "N"))
    body = json.loads(text) if text else None
    return answer.status_code, _timeless(body), answer.headers.get("content-type")


def _timeless(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _timeless(v) for k, v in value.items() if not k.endswith("At")}
    if isinstance(value, list):
        return [_timeless(v) for v in value]
    return value


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_the_shortcut_answers_as_the_fastapi_route(
    client: TestClient,
    app: FastAPI,
    ledger: Ledger,
    case: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tokens = {
        "staff": ledger.make_token("staff", "qingxi-center", "339901", "窗口"),
        "other": ledger.make_token("staff", "minghu-hall", "339901", "县大厅"),
        "supervisor": ledger.make_token("supervisor", None, "339901", "督查"),
    }
    for token in tokens.values():  # checked once: the shortcut takes only kept checks
        ledger.token(token)
    full_no, fast_no = (register(client, tokens["staff"])["caseNo"] for _ in range(2))
    shortcut = app.router.routes.pop(0)
    assert isinstance(shortcut, ledger_fast.FastAppend)
    try:
        full = _send(client, case, full_no, tokens)
    finally:
        app.router.routes.insert(0, shortcut)
    taken: list[str] = []
    answer = ledger_fast._answer

    async def counted(*args: Any) -> Any:
        taken.append("fast")
        return await answer(*args)

    monkeypatch.setattr(ledger_fast, "_answer", counted)
    fast = _send(client, case, fast_no, tokens)
    assert fast.status_code == case["status"], fast.text
    assert _same(fast, fast_no) == _same(full, full_no)
    assert bool(taken) == case.get("fast", False)
