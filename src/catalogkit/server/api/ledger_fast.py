"""POST /v1/cases/{caseNo}/events without FastAPI's request handling for the ordinary
request: window staff recording an event is what the ledger's HTTP API does most, and
routing, dependency solving and body validation through FastAPI cost several times
what the append itself does.

This is a plain route placed before the FastAPI one (which stays, and is what the
OpenAPI document describes). It answers only a request it can take whole: a JSON body
that parses into a valid `NewEvent`, a case number of the right form, no query string,
and a bearer token this process checked less than `TOKEN_SECONDS` ago (a revocation
takes effect within that time, as on the FastAPI route). Anything else (a bad body, an
unknown or revoked token, a token not checked lately) goes on to the FastAPI route,
unchanged, and gets exactly the answer it always did. Once taken, the request is
answered by the same code as there: `need_staff`, `Ledger.append`, `problem`, and the
same JSON view."""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import orjson
from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match, Route
from starlette.types import Message, Receive, Scope, Send

from ...ledger import Ledger, LedgerError, NewEvent
from ...ledger.days import today
from ...ledger.jsonable import dumps
from ...ledger.reader_views import case_view
from .ledger_access import need_staff, problem

PATH = "/v1/cases/{caseNo}/events"
WRITERS = 16  # appends in flight at once in one process (one group commit's worth)
_CASE_NO = re.compile(r"[0-9]{20,24}")
_FULL = "catalogkit.full_route"  # set on a request handed on to the FastAPI route
_POOL: list[ThreadPoolExecutor] = []


def _writers() -> ThreadPoolExecutor:
    """The threads appends wait in (for their group commit): a plain executor costs a
    fraction of anyio's thread hand-off, and a locked database holds only these."""
    if not _POOL:
        _POOL.append(ThreadPoolExecutor(WRITERS, thread_name_prefix="ledger-append"))
    return _POOL[0]


class FastAppend(Route):
    """Matches POST /v1/cases/{caseNo}/events unless the request was handed on."""

    def __init__(self) -> None:
        super().__init__(PATH, _unused, methods=["POST"], include_in_schema=False)

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope.get(_FULL) or scope.get("method") != "POST":
            return Match.NONE, {}
        match, child = super().matches(scope)
        return (match, child) if match == Match.FULL else (Match.NONE, {})

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        first = await receive()
        whole = first["type"] == "http.request" and not first.get("more_body", False)
        taken = _taken(scope, first.get("body", b"")) if whole else None
        if taken is None:  # the FastAPI route answers, as it always did
            scope[_FULL] = True
            await scope["app"].router(scope, _replay(first, receive), send)
            return
        response = await _answer(scope, *taken)
        await response(scope, receive, send)


async def _answer(scope: Scope, ledger: Ledger, token: Any, new: NewEvent) -> Response:
    snap = Request(scope).state.snapshot = scope["app"].state.live.current
    staff = need_staff(token)
    case_no = scope["path_params"]["caseNo"]
    engine = snap.engine

    def work() -> dict[str, Any]:
        return ledger.append(case_no, new, engine, actor=staff.actor, may_write=staff.may_write)

    try:
        record = await asyncio.get_running_loop().run_in_executor(_writers(), work)
    except LedgerError as exc:
        raise problem(exc) from exc
    data = dumps(case_view(record, None, "staff", today())).encode()
    return Response(
        data,
        status_code=201,
        media_type="application/json",
        headers={"Catalog-Revision": snap.revision},
    )


def _taken(scope: Scope, body: bytes) -> tuple[Ledger, Any, NewEvent] | None:
    """(the ledger, the token, the event) of a request answered here, else None."""
    if scope.get("query_string") or not _CASE_NO.fullmatch(scope["path_params"]["caseNo"]):
        return None
    ledger: Ledger | None = getattr(scope["app"].state, "ledger", None)
    if ledger is None:
        return None
    kind = authorization = b""
    for name, value in scope["headers"]:
        if name == b"content-type":
            kind = value
        elif name == b"authorization":
            authorization = value
    if kind.split(b";")[0].strip().lower() != b"application/json":
        return None
    scheme, _, text = authorization.decode("latin-1").partition(" ")
    if scheme.lower() != "bearer" or not text:
        return None
    kept, token = ledger.kept_token(text)
    if not kept or token is None:
        return None
    try:
        data = orjson.loads(body)
        new = NewEvent.model_validate(data) if type(data) is dict else None
    except (orjson.JSONDecodeError, ValidationError):
        return None
    return None if new is None else (ledger, token, new)


def _replay(first: Message, receive: Receive) -> Receive:
    sent = False

    async def again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return first
        return await receive()

    return again


async def _unused(request: Request) -> Response:  # pragma: no cover - handle() answers
    raise AssertionError("FastAppend answers in handle()")
