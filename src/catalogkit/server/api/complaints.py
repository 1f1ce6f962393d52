"""/v1/complaints: registering a complaint (投诉) at the token's venue; it is a case of
its own kind, answered with a `reply` event through /v1/cases/{caseNo}/events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import Response

from ...ledger import Ledger
from ...ledger.complaint_cases import NewComplaint, file
from ...ledger.days import today
from ...ledger.jsonable import dumps
from ...ledger.reader_views import case_view
from ..respond import snapshot
from .decide import json_body
from .ledger import KEY, REGISTER_RESPONSES
from .ledger_access import CaseToken, call, need_staff
from .ledger_schemas import CaseAnswer

router = APIRouter(tags=["cases"])


@router.post(
    "/complaints",
    response_model=CaseAnswer,
    status_code=201,
    responses=REGISTER_RESPONSES,
    dependencies=[Depends(json_body)],
    summary="Register a complaint",
)
async def post_complaint(
    request: Request,
    new: NewComplaint,
    token: CaseToken,
    idempotency_key: Annotated[
        str, Header(pattern=KEY, description="the same key returns the same complaint")
    ] = "",
) -> Response:
    """A complaint about a case (`aboutCase`) or a venue (`aboutVenue`), registered at
    the token's venue and accepted at once with its own limit and due date."""
    staff = need_staff(token, new.venue)
    engine = snapshot(request).engine
    key = f"{staff.id}:{idempotency_key}" if idempotency_key else None

    def work(ledger: Ledger) -> tuple[dict[str, Any], bool, list[Any]]:
        record, created = file(ledger, new, engine, actor=staff.actor, key=key)
        return record, created, ledger.timeline(record["caseNo"])

    record, created, events = await call(request, work)
    body = dumps(case_view(record, events, "staff", today()))
    headers = {
        "Location": f"/v1/cases/{record['caseNo']}",
        "Catalog-Revision": snapshot(request).revision,
    }
    return Response(body, 201 if created else 200, headers, media_type="application/json")
