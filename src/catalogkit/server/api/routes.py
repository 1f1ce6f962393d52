"""GET /v1/matters/{matter}/route: where a resident takes a matter."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ..present import route_fields
from ..respond import answer, body_of, cached, snapshot
from ..schemas import RouteAnswer
from ..snapshot import CachedBody
from .params import Lang, LocalityQuery, MatterCode, need_offered, problems

router = APIRouter(tags=["route"])


@router.get(
    "/matters/{matter}/route",
    response_model=RouteAnswer,
    responses=problems("unknown-matter", "unknown-locality", "not-served"),
    summary="Where a resident of a locality takes a matter",
)
async def get_route(
    request: Request,
    matter: MatterCode,
    locality: LocalityQuery,
    lang: Lang = "zh",
    date: Annotated[
        dt.date | None,
        Query(description="the day the resident goes, YYYY-MM-DD (default: today)"),
    ] = None,
) -> Response:
    """The venue chain from the resident's village up to the tier that decides: who
    carries it (代办), who accepts it, who decides it, and the handling kind, on a day:
    routing rules and plugins apply for that day, and a hop whose venue does not open
    that day says so (`closed`)."""
    snap = snapshot(request)

    def make() -> CachedBody:
        bundle = snap.bundle
        code = need_offered(bundle, matter, locality)  # 实施编码 and basic code alike
        found = snap.engine.route(code, locality, date)
        return cached(
            body_of(RouteAnswer(revision=snap.revision, **route_fields(bundle, found, lang)))
        )

    return await answer(request, snap, make)
