"""Turning every failure into a problem answer (or, for people in a browser, a page):
request validation, routing, unreadable bodies, the engine's refusals and crashes."""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from ..errors import CalendarError, CaseError, ConflictError, PluginError
from .problems import ApiProblem, problem_response
from .schemas import ProblemField

log = logging.getLogger("catalogkit.server")


async def on_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiProblem)
    return problem_response(request, exc)


# What pydantic's error types mean, for the Chinese half of a problem.
ZH_MESSAGES = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的字段（请检查拼写）",
    "string_pattern_mismatch": "格式不符合要求",
    "string_too_long": "过长",
    "string_too_short": "不能为空",
    "string_type": "应为文本",
    "literal_error": "取值不在允许范围内",
    "enum": "取值不在允许范围内",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "float_parsing": "应为数字",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "date_type": "应为日期（YYYY-MM-DD）",
    "invalid_date": "没有这一天",
    "dict_type": "应为对象（{…}）",
    "model_type": "应为对象（{…}）",
    "model_attributes_type": "应为 JSON 对象",
    "list_type": "应为列表（[…]）",
}


async def on_validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return problem_response(request, _json_problem(errors[0], exc.body))
    fields = [_field(e) for e in errors]
    summary = "; ".join(f"{f.location}: {f.message}" for f in fields[:5])
    zh = "；".join(
        f"{f.location}：{ZH_MESSAGES.get(str(e.get('type')), f.message)}"
        for f, e in zip(fields[:5], errors, strict=False)
    )
    return problem_response(request, ApiProblem("invalid-request", summary, zh, errors=fields))


def for_people(request: Request) -> bool:
    """Pages (everything outside /v1) answer errors as HTML pages, the API as problems."""
    return not request.url.path.startswith("/v1/") and request.url.path != "/v1"


def _page(request: Request, status: int, title: str, detail: str) -> Response:
    from .pages.site import PageError, error_page
    from .respond import snapshot

    return error_page(snapshot(request), PageError(status, title, detail))


def _allow(request: Request) -> str:
    """Every method the published API has at this path (Starlette names only the first
    route's, and /v1/cases has one route for GET and another for POST)."""
    import re

    methods: set[str] = set()
    for template, item in request.app.openapi().get("paths", {}).items():
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, request.url.path):
            methods |= {m.upper() for m in item}
    return ", ".join(sorted(methods))


async def on_http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    headers = dict(exc.headers or {})  # a 405 names the allowed methods in Allow
    if for_people(request):
        if exc.status_code == 405:
            page = _page(request, 405, "不支持该操作", "请从首页进入，用页面上的链接和按钮办理。")
            page.headers.update(headers)
            return page
        return _page(
            request, 404, "没有找到这个页面", "网址可能有误，或该页面已不存在。请回到首页重新查找。"
        )
    if exc.status_code == 405:
        allowed = headers["Allow"] = _allow(request) or headers.get("Allow", "")
        problem = ApiProblem(
            "method-not-allowed",
            f"{request.method} is not allowed here; use {allowed}",
            f"此地址不支持 {request.method}，请使用 {allowed}",
            headers=headers,
        )
    elif exc.status_code == 400:  # FastAPI could not read the body at all
        why, why_zh = _unreadable(exc.__cause__)
        problem = ApiProblem(
            "invalid-json",
            f"the body is not readable JSON: {why}",
            f"请求体不是可读的 JSON：{why_zh}",
        )
    else:
        path = request.url.path
        problem = ApiProblem(
            "not-found",
            f"nothing at {path}; the API is described at /v1/openapi.json",
            f"没有 {path} 这个地址；接口说明见 /v1/openapi.json",
        )
    return problem_response(request, problem)


def _unreadable(cause: BaseException | None) -> tuple[str, str]:
    if isinstance(cause, UnicodeDecodeError):
        return f"byte {cause.start} is not UTF-8", f"第 {cause.start} 字节不是 UTF-8 编码"
    if isinstance(cause, RecursionError):
        return "it is nested too deeply", "嵌套层数过多"
    return "it cannot be parsed", "无法解析"


async def on_engine_error(request: Request, exc: Exception) -> Response:
    """What the engine refuses to answer. The client is told what it can act on; what
    only the operator can fix (a plugin's failure, conflicting rules) goes to the log."""
    if isinstance(exc, CaseError | CalendarError):
        code = "invalid-case" if isinstance(exc, CaseError) else "no-calendar"
        en, _, zh = str(exc).partition(" / ")  # engine messages give English / 中文
        return problem_response(request, ApiProblem(code, en, zh or None))
    log.error("%s %s: %s", request.method, request.url.path, exc)
    if isinstance(exc, PluginError):
        problem = ApiProblem(
            "plugin-error",
            f"the plugin {exc.plugin!r} failed in {exc.hook}; the server log has the details",
            f"本地插件 {exc.plugin} 运行出错，详情见服务日志",
        )
    elif isinstance(exc, ConflictError):
        problem = ApiProblem(
            "plugin-error",
            f"two rules answer {exc.question} differently; the server log names them",
            "两条规则的结论相互冲突，详情见服务日志",
        )
    else:
        problem = ApiProblem("internal-error", "the server failed; see its log")
    return problem_response(request, problem)


async def on_crash(request: Request, exc: Exception) -> Response:
    log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
    if for_people(request):
        return _page(
            request, 500, "暂时无法显示", "服务出了问题，请稍后再试，或到就近的便民服务中心咨询。"
        )
    return problem_response(request, ApiProblem("internal-error", "the server failed; see its log"))


def _field(error: Any) -> ProblemField:
    loc = [str(part) for part in error.get("loc", ())]
    where = ".".join(loc) if loc else "request"
    pointer = "/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in loc[1:])
    found = error.get("input")
    shown = None
    if found is not None and not isinstance(found, dict | list):
        shown = json.dumps(found, ensure_ascii=False)[:200]
    expected = None
    ctx = error.get("ctx") or {}
    if "expected" in ctx:
        expected = str(ctx["expected"])[:200]
    elif "pattern" in ctx:
        expected = f"text matching {ctx['pattern']}"
    return ProblemField(
        location=printable(where),
        pointer=printable(pointer) if loc and loc[0] == "body" else None,
        message=printable(str(error.get("msg", "invalid"))),
        expected=None if expected is None else printable(expected),
        found=None if shown is None else printable(shown),
    )


def printable(text: str) -> str:
    """Text that can be written as UTF-8: a lone surrogate echoed from a request is
    shown as its escape (\\udfff) rather than failing the answer."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _json_problem(error: Any, body: Any) -> ApiProblem:
    pos = error.get("loc", ("body", 0))[-1]
    text = body if isinstance(body, str) else ""
    pos = pos if isinstance(pos, int) else 0
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    reason = (error.get("ctx") or {}).get("error", "invalid JSON")
    where = f"line {line}, column {column}"
    return ApiProblem(
        "invalid-json",
        f"{reason} at {where} of the body",
        f"请求体第 {line} 行第 {column} 列：JSON 格式错误（{reason}）",
        errors=[
            ProblemField(location=f"body:{line}:{column}", message=reason, line=line, column=column)
        ],
    )
