"""/v1/exchange: the provincial exchange export of the supervisor's county since a
cursor, as JSON Lines or CSV; the next cursor is in the `Exchange-Cursor` header."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ...ledger.exchange_export import as_csv, as_lines, page
from ..respond import snapshot
from .feedback import READ, need_supervisor
from .ledger_access import CaseToken, call
from .params import problems

router = APIRouter(tags=["supervision"])


@router.get(
    "/exchange",
    responses={
        200: {
            "description": "one record a line (JSON Lines) or CSV; the next cursor in the "
            "Exchange-Cursor header",
            "content": {"application/x-ndjson": {}, "text/csv": {}},
        },
        **problems(*READ),
    },
    response_class=Response,
    summary="Cases for the provincial exchange since a cursor",
)
async def exchange(
    request: Request,
    token: CaseToken,
    since: Annotated[
        str | None, Query(max_length=100, description="`Exchange-Cursor` of the last export")
    ] = None,
    format: Annotated[Literal["jsonl", "csv"], Query()] = "jsonl",
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
) -> Response:
    """Events of the county's cases in the exchange's stages (docs/exchange.md), after
    `since`; repeating with the returned cursor gives exactly the newer ones."""
    who = need_supervisor(token)
    records, cursor = await call(request, lambda ledger: page(ledger, since, limit, who.county))
    body, kind = (
        (as_csv(records), "text/csv; charset=utf-8")
        if format == "csv"
        else (as_lines(records), "application/x-ndjson")
    )
    headers = {"Exchange-Cursor": cursor, "Catalog-Revision": snapshot(request).revision}
    return Response(body, media_type=kind, headers=headers)
