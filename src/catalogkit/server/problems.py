"""Errors as RFC 9457 problem details (application/problem+json) with a stable code.

Every error a client can get is an `ApiProblem` with one of the codes in PROBLEMS;
docs/http-api.md lists them (a test keeps the two in step)."""

from __future__ import annotations

import json
import logging

from fastapi import Request
from fastapi.responses import Response

from .schemas import Problem, ProblemField

log = logging.getLogger("catalogkit.server")

MEDIA_TYPE = "application/problem+json"

PROBLEMS: dict[str, tuple[int, str, str]] = {
    # code: (status, title, 中文标题)
    "invalid-request": (422, "The request is not valid", "请求参数不符合要求"),
    "invalid-json": (400, "The body is not valid JSON", "请求体不是有效的 JSON"),
    "unsupported-media-type": (415, "Send the body as application/json", "请以 JSON 格式提交"),
    "body-too-large": (413, "The body is too large", "请求体过大"),
    "headers-too-large": (431, "The request headers are too large", "请求头过多或过大"),
    "unknown-matter": (404, "No such matter in this catalog", "目录中没有该事项"),
    "unknown-locality": (404, "No such locality in this catalog", "目录中没有该区划"),
    "unknown-venue": (404, "No such venue in this catalog", "目录中没有该场所"),
    "unknown-department": (404, "No such department in this catalog", "目录中没有该部门"),
    "not-served": (
        404,
        "The matter is not offered to residents of this locality",
        "该区划居民不在此事项的服务范围内",
    ),
    "invalid-case": (422, "The case cannot be decided as sent", "申请信息不完整或不符合表单"),
    "no-calendar": (
        422,
        "A due date falls in a year without calendar data",
        "办结日期所在年份没有工作日历数据",
    ),
    "plugin-error": (500, "A town plugin failed", "本地插件运行出错"),
    "not-found": (404, "No such resource", "没有该资源"),
    "method-not-allowed": (405, "Method not allowed", "不支持该请求方法"),
    "unauthorized": (401, "A valid admin token is required", "需要有效的管理令牌"),
    "admin-disabled": (
        403,
        "Reloading over HTTP is turned off (no admin token configured)",
        "未配置管理令牌，不能通过 HTTP 触发重新加载",
    ),
    "reload-failed": (
        409,
        "The new catalog is invalid; the last good revision is still served",
        "新目录未通过校验，继续使用上一个有效版本",
    ),
    "internal-error": (500, "Internal error", "服务器内部错误"),
    # the case ledger (/v1/cases)
    "unknown-case": (404, "No such case in the ledger", "台账中没有该办件"),
    "case-conflict": (
        409,
        "The case has changed, or its state does not allow this event",
        "办件已被更新，或当前状态不允许登记该事件",
    ),
    "case-token-required": (401, "A valid case-ledger token is required", "需要有效的办件台账令牌"),
    "case-forbidden": (403, "This token may not do this", "该令牌无权进行此操作"),
    "ledger-unavailable": (
        503,
        "The case ledger is unavailable; try again shortly",
        "办件台账暂时不可用，请稍后重试",
    ),
}


class ApiProblem(Exception):
    """An answer that is an error: raised anywhere, rendered by `problem_response`."""

    def __init__(
        self,
        code: str,
        detail: str,
        detail_zh: str | None = None,
        *,
        errors: list[ProblemField] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.code = code
        self.status = PROBLEMS[code][0]
        self.detail = detail
        self.detail_zh = detail_zh
        self.errors = errors or []
        self.headers = headers or {}


def problem_response(request: Request, problem: ApiProblem) -> Response:
    status, title, title_zh = PROBLEMS[problem.code]
    snap = getattr(request.state, "snapshot", None)  # the one this request answered from
    if snap is None:
        snap = request.app.state.live.current
    revision = snap.revision
    body = Problem(
        type=f"urn:catalogkit:problem:{problem.code}",
        title=title,
        title_zh=title_zh,
        status=status,
        code=problem.code,
        detail=problem.detail,
        detail_zh=problem.detail_zh or title_zh,
        instance=request.url.path,
        revision=revision,
        errors=problem.errors,
    )
    headers = dict(problem.headers)
    if revision is not None:
        headers["Catalog-Revision"] = revision
    try:
        text = body.model_dump_json(by_alias=True, exclude_none=True)
    except ValueError:  # a lone surrogate echoed from the request: escape it, never fail
        text = json.dumps(body.model_dump(by_alias=True, exclude_none=True, mode="json"))
    return Response(
        text,
        status_code=status,
        media_type=MEDIA_TYPE,
        headers=headers,
    )
