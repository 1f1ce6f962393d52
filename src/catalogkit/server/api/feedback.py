"""/v1/supervision/satisfaction and /v1/follow-ups: rates of satisfaction for
supervisors, and the follow-up calls (回访) window staff make after completion."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ...ledger import followups
from ...ledger.days import today
from ...ledger.jsonable import dumps
from ...ledger.reader_views import case_view
from ...ledger.satisfaction import Scope, rates, ratings
from ..problems import ApiProblem
from ..respond import snapshot
from .ledger_access import CaseToken, call, unauthorized
from .params import problems

router = APIRouter(tags=["supervision"])
READ = ("case-token-required", "case-forbidden", "ledger-unavailable")
MONTH = r"^[0-9]{4}-(0[1-9]|1[0-2])$"


def need_supervisor(token: Any) -> Any:
    if token is None:
        raise unauthorized()
    if token.role != "supervisor":
        raise ApiProblem(
            "case-forbidden",
            f"only a supervisor token may read this (this token: {token.role})",
            f"只有督查令牌可以查看（当前令牌：{token.role}）",
        )
    return token


def json_answer(request: Request, body: Any) -> Response:
    headers = {"Catalog-Revision": snapshot(request).revision}
    return Response(dumps(body), media_type="application/json", headers=headers)


@router.get(
    "/supervision/satisfaction",
    responses=problems(*READ),
    summary="Rates of satisfaction (好差评) per venue and matter",
)
async def satisfaction(
    request: Request,
    token: CaseToken,
    venue: Annotated[str | None, Query(max_length=64)] = None,
    matter: Annotated[str | None, Query(max_length=64)] = None,
    month: Annotated[str | None, Query(pattern=MONTH, description="YYYY-MM")] = None,
) -> Response:
    """Ratings of the supervisor's county: per venue and matter and in total, the
    count of each grade, satisfied (基本满意 and above), the rate, bad ratings and
    the rectifications they opened (docs/ledger.md)."""
    who = need_supervisor(token)
    scope = Scope(county=who.county, venue=venue, matter=matter, month=month)
    body = await call(request, lambda ledger: rates(ratings(ledger, scope)))
    return json_answer(request, {"county": who.county, "month": month, **body})


@router.get(
    "/follow-ups",
    responses=problems(*READ),
    summary="Follow-up calls (回访) due, done or unreached",
)
async def follow_ups(
    request: Request,
    token: CaseToken,
    venue: Annotated[str | None, Query(max_length=64)] = None,
    status: Annotated[str, Query(pattern=r"^(due|done|unreached|all)$")] = "due",
) -> Response:
    """Finished cases chosen for follow-up (every proxied case, a sample of the others)
    of the staff token's venue or the supervisor's county, with the counts; a call's
    result is a `follow-up` event (`reached`: true or false) on the case."""
    if token is None:
        raise unauthorized()
    if token.role == "staff" and venue not in (None, token.venue):
        raise ApiProblem(
            "case-forbidden",
            f"this token reads the cases of {token.venue} only",
            f"该令牌只能查看 {token.venue} 的办件",
        )
    scope = followups.Scope(
        county=token.county if token.role == "supervisor" else None,
        venue=token.venue if token.role == "staff" else venue,
        status="all",
    )
    chosen = await call(request, lambda ledger: followups.find(ledger, scope))
    listed = [r for r in chosen if status == "all" or r["followUp"].get("status") == status]
    body = {
        "cases": [case_view(r, None, "staff", today()) for r in listed],
        "counts": followups.counts(chosen),
    }
    return json_answer(request, body)
