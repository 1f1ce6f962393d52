"""JSON bodies are read strictly before any handler sees them: a key given twice in one
object (which `json.loads` silently resolves to the last) and a lone surrogate escape
(`"\\udfff"`, which is not text and cannot be written back in an answer) are refused
as `invalid-json`, located by line and column."""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import ApiProblem, problem_response
from .schemas import ProblemField

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]', re.DOTALL)
_SURROGATE = re.compile(r"(?<!\\)(?:\\\\)*\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LOW = re.compile(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}")


class _Duplicate(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Duplicate
    return out


def _has_surrogate(data: Any) -> bool:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if any("\ud800" <= c <= "\udfff" for c in item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _where(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _duplicate_at(text: str) -> tuple[str, int] | None:
    """The repeated key and where its second occurrence starts (one pass, no recursion)."""
    objects: list[set[str] | None] = []  # None for an array
    tokens = list(_TOKEN.finditer(text))
    for i, token in enumerate(tokens):
        t = token.group()
        if t in "{[":
            objects.append(set() if t == "{" else None)
        elif t in "}]":
            if objects:
                objects.pop()
        elif t.startswith('"') and i + 1 < len(tokens) and tokens[i + 1].group() == ":":
            keys = objects[-1] if objects else None
            if keys is None:
                continue
            key = json.loads(t)
            if key in keys:
                return key, token.start()
            keys.add(key)
    return None


def body_problem(body: bytes) -> ApiProblem | None:
    """Why a JSON body is refused here, or None (malformed JSON is left to FastAPI)."""
    try:
        text = body.decode("utf-8")
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except _Duplicate:
        found = _duplicate_at(text)
        key, pos = found if found is not None else ("?", 0)
        line, col = _where(text, pos)
        shown = json.dumps(key)
        return _problem(
            f"the key {shown} appears twice in one object at line {line}, column {col}; "
            "give each key once",
            f"请求体第 {line} 行第 {col} 列：同一对象中键 {shown} 重复，每个键只能出现一次",
            line,
            col,
        )
    except (ValueError, RecursionError):
        return None
    if not _has_surrogate(data):
        return None
    pos = _lone_surrogate_at(text)
    line, col = _where(text, pos)
    return _problem(
        f"a lone surrogate escape ({text[pos : pos + 6]}) at line {line}, column {col} is "
        "not text; send UTF-8 text",
        f"请求体第 {line} 行第 {col} 列：孤立的代理码位转义（{text[pos : pos + 6]}）不是有效文本",
        line,
        col,
    )


def _lone_surrogate_at(text: str) -> int:
    """Where the first surrogate escape that is not half of a pair starts."""
    paired = 0
    for match in _SURROGATE.finditer(text):
        start = match.end() - 6
        if start < paired:
            continue
        after = text[match.end() : match.end() + 6]
        if int(text[start + 2 : start + 6], 16) < 0xDC00 and _LOW.fullmatch(after):
            paired = match.end() + 6
            continue
        return start
    return 0


def _problem(en: str, zh: str, line: int, col: int) -> ApiProblem:
    field = ProblemField(location=f"body:{line}:{col}", message=en, line=line, column=col)
    return ApiProblem("invalid-json", en, zh, errors=[field])


class StrictJson:
    """Checks every JSON request body (already bounded by `BodyLimit`) before the app."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        kind = dict(scope["headers"]).get(b"content-type", b"").split(b";")[0].strip().lower()
        if kind != b"application/json" and not kind.endswith(b"+json"):
            await self.app(scope, receive, send)
            return
        messages: list[Message] = []
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request" or not message.get("more_body", False):
                break
        body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.request")
        problem = body_problem(body) if body else None
        if problem is not None:
            await problem_response(Request(scope, receive), problem)(scope, receive, send)
            return

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)
