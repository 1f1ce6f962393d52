"""/v1/cases: the case ledger over HTTP. Registering a case and recording events need a
window-staff token of the venue; reading needs a token that may read the case, or, for a
resident's own case, the last four digits of the phone given at application."""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Header, Path, Query, Request
from fastapi.responses import Response
from fastapi.security import APIKeyHeader

from ...ledger import Filters, Ledger, NewCase, NewEvent
from ...ledger.days import today
from ...ledger.jsonable import dumps
from ...ledger.reader_views import case_view
from ..problems import ApiProblem
from ..respond import snapshot
from .decide import json_body
from .ledger_access import CaseToken, call, need_staff, unauthorized
from .ledger_schemas import CaseAnswer, CaseList
from .params import problems

router = APIRouter(tags=["cases"])

CASE_NO = r"^[0-9]{20,24}$"
CaseNo = Annotated[str, Path(alias="caseNo", pattern=CASE_NO, description="case number (办件编号)")]
KEY = r"^[\x21-\x7e]{1,200}$"
PHONE_LAST4 = APIKeyHeader(
    name="Phone-Last4",
    auto_error=False,
    description="a resident reading their own case: the last four digits of the phone",
)
READ = ("unknown-case", "case-token-required", "case-forbidden", "ledger-unavailable")
WRITE = ("invalid-json", "unsupported-media-type", "body-too-large", "case-conflict", *READ)
NEW_CASE_EXAMPLE = {
    "matter": "MH-MZ-0001",
    "locality": "339901101202",
    "venue": "qingxi-center",
    "channel": "window",
    "applicant": {"name": "张三", "idNumber": "33990119800101123X", "phone": "13812345678"},
    "facts": {"household_size": 3, "monthly_income": 800},
    "materials": ["最低生活保障申请书"],
    "staff": "qx-window-01",
}


REGISTER_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"model": CaseAnswer, "description": "repeated Idempotency-Key: the same case"},
    **problems(*WRITE),
}


def _json(request: Request, body: dict[str, Any], status: int, **headers: str) -> Response:
    """The view as JSON as it is: `case_view` builds exactly the CaseAnswer shape (the
    schema tests check every answer against it), so it is not validated again here."""
    data = dumps(body).encode()
    headers["Catalog-Revision"] = snapshot(request).revision
    return Response(data, status_code=status, media_type="application/json", headers=headers)


@router.post(
    "/cases",
    response_model=CaseAnswer,
    status_code=201,
    responses=REGISTER_RESPONSES,
    dependencies=[Depends(json_body)],
    summary="Register a case",
)
async def post_case(
    request: Request,
    new: Annotated[NewCase, Body(examples=[NEW_CASE_EXAMPLE])],
    token: CaseToken,
    idempotency_key: Annotated[
        str,
        Header(pattern=KEY, description="the same key returns the same case, never a second"),
    ] = "",
) -> Response:
    """Registers the application (申请) at the token's venue and gives it a case number;
    sending the same Idempotency-Key again answers 200 with the same case."""
    staff = need_staff(token, new.venue)
    engine = snapshot(request).engine
    key = f"{staff.id}:{idempotency_key}" if idempotency_key else None

    def work(ledger: Ledger) -> tuple[dict[str, Any], bool, list[Any]]:
        record, created = ledger.create(new, engine, actor=staff.actor, key=key)
        return record, created, ledger.timeline(record["caseNo"])

    record, created, events = await call(request, work)
    body = case_view(record, events, "staff", today())
    location = f"/v1/cases/{record['caseNo']}"
    return _json(request, body, 201 if created else 200, Location=location)


@router.post(
    "/cases/{caseNo}/events",
    response_model=CaseAnswer,
    status_code=201,
    responses=problems(*WRITE),
    dependencies=[Depends(json_body)],
    summary="Record an event on a case",
)
async def post_event(
    request: Request, case_no: CaseNo, new: NewEvent, token: CaseToken
) -> Response:
    """Appends one event (受理, 补正告知, 办结 …) if `version` is still the case's version
    and its state allows it; otherwise 409 with the current state. Never changes an event."""
    staff = need_staff(token)
    engine = snapshot(request).engine

    def work(ledger: Ledger) -> dict[str, Any]:
        return ledger.append(case_no, new, engine, actor=staff.actor, may_write=staff.may_write)

    record = await call(request, work)
    return _json(request, case_view(record, None, "staff", today()), 201)


@router.get(
    "/cases/{caseNo}",
    response_model=CaseAnswer,
    responses=problems(*READ),
    summary="Read a case with its timeline",
)
async def get_case(
    request: Request,
    case_no: CaseNo,
    token: CaseToken,
    phone_last4: Annotated[str | None, Depends(PHONE_LAST4)] = None,
) -> Response:
    """The case, its timeline, its due dates and what happens next. Staff and supervisors
    read with their token; a resident reads their own case with Phone-Last4."""

    def work(ledger: Ledger) -> tuple[dict[str, Any], list[Any]]:
        return ledger.get(case_no), ledger.timeline(case_no)

    if token is None and not phone_last4:
        raise unauthorized()
    try:
        record, events = await call(request, work)
    except ApiProblem as exc:
        if token is None and exc.code == "unknown-case":  # residents learn nothing more
            raise resident_miss(case_no) from None
        raise
    if token is None:
        given = (phone_last4 or "").strip().encode()
        if not hmac.compare_digest(record["applicant"]["phoneLast4"].encode(), given):
            raise resident_miss(case_no)
        return _json(request, case_view(record, events, "resident", today()), 200)
    if not token.may_read(record):
        raise ApiProblem(
            "case-forbidden",
            f"this token may not read case {case_no}",
            f"该令牌无权查看办件 {case_no}",
        )
    return _json(request, case_view(record, events, "staff", today()), 200)


def resident_miss(case_no: str) -> ApiProblem:
    return ApiProblem(  # the same answer whether the number or the digits are wrong
        "case-token-required",
        f"no case {case_no} with that phone number",
        f"没有找到办件编号为 {case_no}、联系电话后四位相符的办件，请核对后重试",
        headers={"WWW-Authenticate": "Bearer"},
    )


State = Literal[
    "applied", "prechecked", "awaiting-materials", "accepted", "correcting", "special",
    "refused", "concluded", "delivered", "withdrawn",
]  # fmt: skip


@router.get(
    "/cases",
    response_model=CaseList,
    responses=problems(*READ),
    summary="List cases",
)
async def list_cases(
    request: Request,
    token: CaseToken,
    venue: Annotated[
        str | None, Query(max_length=64, description="registered at or held by")
    ] = None,
    matter: Annotated[str | None, Query(max_length=64)] = None,
    state: Annotated[list[State] | None, Query(description="one or more states")] = None,
    since: Annotated[dt.date | None, Query(alias="from", description="applied on or after")] = None,
    until: Annotated[dt.date | None, Query(alias="to", description="applied on or before")] = None,
    overdue: Annotated[bool | None, Query(description="open and past the promised date")] = None,
    cursor: Annotated[
        str | None, Query(max_length=200, description="`next` of the last page")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Response:
    """Cases of the token's venue (window staff) or county (supervisors), newest first,
    filtered; `next` is the cursor of the following page."""
    if token is None:
        raise unauthorized()
    if token.role == "staff" and venue not in (None, token.venue):
        raise ApiProblem(
            "case-forbidden",
            f"this token reads the cases of {token.venue} only",
            f"该令牌只能查看 {token.venue} 的办件",
        )
    filters = Filters(
        venue=token.venue if token.role == "staff" else venue,
        county=token.county if token.role == "supervisor" else None,
        matter=matter,
        states=tuple(state or ()),
        since=since,
        until=until,
        overdue=overdue,
        today=today(),
    )
    page, after = await call(request, lambda ledger: ledger.find(filters, cursor, limit))
    body = {"cases": [case_view(r, None, "staff", today()) for r in page], "next": after}
    return Response(
        dumps(body),
        media_type="application/json",
        headers={"Catalog-Revision": snapshot(request).revision},
    )
