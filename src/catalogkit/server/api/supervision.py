"""/v1/supervision: warning lights of open cases, rates of a period and the month's
table with residents' feedback, for a supervisor's token (it reads its own county);
window staff read their venue's lights."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ...ledger import Ledger
from ...ledger.days import today
from ...ledger.jsonable import dumps
from ...supervision import rates
from ...supervision.feedback_shapes import feedback_json
from ...supervision.kept import current_board
from ...supervision.rates import period_problem, trace
from ...supervision.shapes import light_json, rates_json
from ...supervision.venue_feedback import feedback
from ..problems import ApiProblem
from ..respond import snapshot
from ..schemas import ProblemField
from .ledger_access import CaseToken, call, unauthorized
from .params import problems

router = APIRouter(tags=["supervision"])
READ = ("case-token-required", "case-forbidden", "ledger-unavailable")
RATES = ("invalid-request", *READ)
LightName = Literal["red", "yellow", "green", "unknown"]
Dimension = Literal["venue", "department", "tier", "matter", "month"]
Measure = Literal["received", "accepted", "completed", "on_time", "early", "proxied", "in_village"]


def _scope(token: Any, venue: str | None) -> tuple[str | None, str | None]:
    """(county, venue) the token may read: a supervisor its county, staff its venue."""
    if token is None:
        raise unauthorized()
    if token.role == "supervisor":
        return token.county, venue
    if venue not in (None, token.venue):
        raise ApiProblem(
            "case-forbidden",
            f"this token reads the cases of {token.venue} only",
            f"该令牌只能查看 {token.venue} 的办件",
        )
    return None, token.venue


def _json(request: Request, body: Any) -> Response:
    headers = {"Catalog-Revision": snapshot(request).revision}
    return Response(dumps(body), media_type="application/json", headers=headers)


@router.get("/supervision/lights", responses=problems(*READ), summary="Warning lights")
async def get_lights(
    request: Request,
    token: CaseToken,
    venue: Annotated[str | None, Query(max_length=64, description="registered or held")] = None,
    light: Annotated[list[LightName] | None, Query(description="one or more lights")] = None,
    cursor: Annotated[int, Query(ge=0, le=10_000_000, description="`next` of the last page")] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:
    """The light of every open case the token may read, red first (newest first within a
    light), with why: days used and left, the step holding it and where; `counts` and
    `byVenue` (the venue holding each case) count them all, before paging."""
    county, venue = _scope(token, venue)
    engine = snapshot(request).engine
    day = today()

    def work(ledger: Ledger) -> tuple[Any, list[Any]]:
        board = current_board(ledger, engine, day, county=county, venue=venue)
        return board, board.page(ledger, light, cursor, limit)

    board, page = await call(request, work)
    after = cursor + limit if cursor + limit < board.total(light) else None
    body = {
        "on": day.isoformat(),
        "counts": board.counts,
        "byVenue": board.by_holder,
        "lights": [light_json(lt) for lt in page],
        "next": after,
    }
    return _json(request, body)


@router.get("/supervision/rates", responses=problems(*RATES), summary="Rates of a period")
async def get_rates(
    request: Request,
    token: CaseToken,
    since: Annotated[dt.date, Query(alias="from", description="first day")],
    until: Annotated[dt.date, Query(alias="to", description="last day")],
    by: Annotated[list[Dimension] | None, Query(description="group by")] = None,
    venue: Annotated[str | None, Query(max_length=64)] = None,
    cases: Annotated[Measure | None, Query(description="list the cases of a measure")] = None,
) -> Response:
    """Received, accepted, completed, completion and on-time rates, 提速率 … per venue,
    department, tier, matter or month (docs/supervision.md); `cases` lists what one
    measure counts. A supervisor reads its county."""
    if token is None:
        raise unauthorized()
    if token.role != "supervisor" or token.county is None:
        raise ApiProblem("case-forbidden", "rates need a supervisor token", "统计指标需督查令牌")
    county = token.county
    wrong = period_problem(since, until)
    if wrong is not None:
        field = ProblemField(location="query.to", message=wrong[0])
        raise ApiProblem("invalid-request", wrong[0], wrong[1], errors=[field])
    engine = snapshot(request).engine
    if cases:
        measure = cases
        rows = await call(
            request, lambda ledger: trace(ledger, engine, county, since, until, measure, venue)
        )
        return _json(request, {"measure": measure, "cases": rows})
    found = await call(
        request,
        lambda ledger: rates(ledger, engine, county, since, until, tuple(by or ("venue",)), venue),
    )
    return _json(request, rates_json(found))


@router.get("/supervision/monthly", responses=problems(*RATES), summary="The month's table")
async def get_monthly(
    request: Request,
    token: CaseToken,
    month: Annotated[str, Query(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="YYYY-MM")],
) -> Response:
    """The month's rates per venue (as `rates?by=venue`) and beside them what residents
    said: ratings per grade and 满意率, rectifications, complaints and follow-up calls
    (docs/supervision.md). A supervisor reads its county."""
    if token is None:
        raise unauthorized()
    if token.role != "supervisor" or token.county is None:
        raise ApiProblem("case-forbidden", "the monthly table needs a supervisor token",
                         "月报表需督查令牌")  # fmt: skip
    county = token.county
    first = dt.date.fromisoformat(month + "-01")
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    engine = snapshot(request).engine

    def work(ledger: Ledger) -> dict[str, Any]:
        table = rates(ledger, engine, county, first, last, ("venue",))
        return {**rates_json(table), "feedback": feedback_json(feedback(ledger, county, month))}

    return _json(request, await call(request, work))
