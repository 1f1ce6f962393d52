"""POST /v1/admin/reload: re-read the catalog tree now (admin token required)."""

from __future__ import annotations

import hmac
import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..config import ServeConfig
from ..fswatch import send_reload_signal
from ..live import LiveBundle
from ..problems import ApiProblem
from ..respond import body_of
from ..schemas import ProblemField, ReloadReport
from .params import problems
from .status import report

log = logging.getLogger("catalogkit.server")
router = APIRouter(tags=["admin"])
BEARER = HTTPBearer(auto_error=False, description="the admin token")


@router.post(
    "/admin/reload",
    response_model=ReloadReport,
    responses=problems("unauthorized", "admin-disabled", "reload-failed"),
    summary="Reload the catalog now",
)
async def post_reload(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)] = None,
) -> Response:
    """Builds a new bundle from the tree; swaps it in if it is valid, else keeps the
    last good one and answers 409 with every error. Every other worker reloads too."""
    config: ServeConfig = request.app.state.config
    token = config.admin_token
    if not token:
        raise ApiProblem(
            "admin-disabled",
            "start the server with the token in CATALOGKIT_ADMIN_TOKEN (or the variable "
            "named by --admin-token-env) to allow reloading over HTTP",
            "请在启动服务前设置环境变量 CATALOGKIT_ADMIN_TOKEN（或 --admin-token-env "
            "指定的变量）作为管理令牌",
        )
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiProblem(
            "unauthorized",
            "send the admin token as Authorization: Bearer <token>",
            "请以 Authorization: Bearer <令牌> 提供管理令牌",
            headers={"WWW-Authenticate": "Bearer"},
        )
    live: LiveBundle = request.app.state.live
    status = await run_in_threadpool(live.reload, "http")
    if config.reload_signal is not None:
        try:
            send_reload_signal(config.reload_signal)
        except OSError:
            log.exception("could not tell the other workers to reload")
    body = report(status)
    if status.status == "failed":
        first = status.errors[0] if status.errors else None
        where = f"{first.where} {first.en}" if first else ""
        raise ApiProblem(
            "reload-failed",
            f"{len(status.errors)} error(s); still serving {live.current.revision}. {where}",
            f"新目录有 {len(status.errors)} 处错误，继续使用版本 {live.current.revision}",
            errors=[
                ProblemField(
                    location=d.where or d.rule,
                    message=d.en,
                    line=d.line,
                    column=d.column,
                )
                for d in status.errors
            ],
        )
    return Response(
        body_of(body),
        media_type="application/json",
        headers={"Catalog-Revision": live.current.revision},
    )
