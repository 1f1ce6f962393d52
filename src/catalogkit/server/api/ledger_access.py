"""Reaching the case ledger from a request: the database opened on first use (a
database that is down is a 503 with Retry-After, and the catalog API is untouched),
the caller's token, and every ledger error as a problem answer."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ...ledger import (
    Conflict,
    Forbidden,
    InvalidInput,
    Ledger,
    LedgerError,
    LedgerUnavailable,
    UnknownCase,
)
from ...ledger.tokens import Token
from ..problems import ApiProblem
from ..schemas import ProblemField
from ..shared import ledger_of

T = TypeVar("T")
BEARER = HTTPBearer(
    auto_error=False, description="a case-ledger token (made with `catalogkit cases tokens add`)"
)
RETRY_AFTER = "5"


async def call(request: Request, work: Callable[[Ledger], T]) -> T:
    """Run `work` on the ledger in a worker thread; ledger errors become problems."""

    def run() -> T:
        return work(ledger_of(request))

    try:
        return await run_in_threadpool(run)
    except LedgerError as exc:
        raise problem(exc) from exc


def problem(exc: LedgerError) -> ApiProblem:
    if isinstance(exc, LedgerUnavailable):
        return ApiProblem(
            "ledger-unavailable", exc.en, exc.zh, headers={"Retry-After": RETRY_AFTER}
        )
    if isinstance(exc, UnknownCase):
        return ApiProblem("unknown-case", exc.en, exc.zh)
    if isinstance(exc, Conflict):
        state = ProblemField(
            location="case.state",
            message=f"the case is {exc.state or 'changed'} at version {exc.version}",
            found=exc.state or None,
            expected=f"version {exc.version}" if exc.version > 0 else None,
        )
        errors = [state]
        existing = getattr(exc, "existing", None)  # a second rating: the first one stands
        if existing is not None:
            found = json.dumps(existing, ensure_ascii=False)
            errors.append(ProblemField(location="body.channel", message=exc.en, found=found))
        return ApiProblem("case-conflict", exc.en, exc.zh, errors=errors)
    if isinstance(exc, InvalidInput):
        where = {"Idempotency-Key": "header", "cursor": "query", "since": "query"}.get(
            exc.field, "body"
        )
        field = ProblemField(
            location=f"{where}.{exc.field}",
            pointer=f"/{exc.field}" if where == "body" else None,
            message=exc.en,
        )
        return ApiProblem("invalid-request", exc.en, exc.zh, errors=[field])
    if isinstance(exc, Forbidden):
        return ApiProblem("case-forbidden", exc.en, exc.zh)
    return ApiProblem("ledger-unavailable", exc.en, exc.zh, headers={"Retry-After": RETRY_AFTER})


async def token_of(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)] = None,
) -> Token | None:
    """The caller's ledger token, None when none was sent; a wrong one is a 401."""
    if credentials is None:
        return None
    text = credentials.credentials
    opened: Ledger | None = getattr(request.app.state, "ledger", None)
    kept, found = opened.kept_token(text) if opened is not None else (False, None)
    if not kept:  # ask the database, off the event loop
        found = await call(request, lambda ledger: ledger.token(text))
    if found is None:
        raise unauthorized()
    return found


def unauthorized() -> ApiProblem:
    return ApiProblem(
        "case-token-required",
        "send a valid case-ledger token as Authorization: Bearer <token>",
        "请以 Authorization: Bearer <令牌> 提供有效的办件台账令牌",
        headers={"WWW-Authenticate": "Bearer"},
    )


def need_staff(token: Token | None, venue: str | None = None) -> Token:
    if token is None:
        raise unauthorized()
    if token.role != "staff" or (venue is not None and token.venue != venue):
        raise ApiProblem(
            "case-forbidden",
            f"only window staff of {venue or 'the case venue'} may write here "
            f"(this token: {token.role} of {token.venue or token.county})",
            f"只有{venue or '该场所'}的窗口人员可以登记（当前令牌："
            f"{token.venue or token.county} 的 {token.role}）",
        )
    return token


CaseToken = Annotated[Token | None, Depends(token_of)]
