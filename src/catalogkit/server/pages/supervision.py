"""Supervision pages: the supervisor's page (lights of open cases, red first and paged;
the month's rates per venue with a chart; a printable monthly table) behind a
supervisor's token posted in a form, and the public monthly publication (一月一公开)
of each venue, as a page and a printable wall notice: counts, rates and residents'
ratings, nothing personal (docs/supervision.md)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from ...ledger import LedgerError
from ...ledger.days import today
from ...ledger.numbers import county_of
from ...supervision import rates
from ...supervision.chart import rate_chart
from ...supervision.feedback_shapes import GRADES
from ...supervision.feedback_shapes import summary_zh as feedback_summary
from ...supervision.kept import current_board
from ...supervision.shapes import light_json
from ...supervision.venue_feedback import feedback
from ..respond import snapshot
from ..shared import ledger_of
from .cases import DOWN, form, html

router = APIRouter()
PAGE = 50
MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def month_span(text: str | None) -> tuple[str, dt.date, dt.date]:
    """The month asked for (YYYY-MM; default: the last whole month) and its days."""
    found = MONTH.match(text or "")
    if found:
        first = dt.date(int(found[1]), int(found[2]), 1)
    else:
        first = (today().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return first.strftime("%Y-%m"), first, last


@router.get("/supervision")
async def supervision_form(request: Request) -> Response:
    return html(request, "supervision.j2", {"error": None, "lights": None})


@router.post("/supervision")
async def supervision(request: Request) -> Response:
    fields = await form(request)
    secret = fields.get("token", "")
    light = fields.get("light") or None
    start = int(fields["from"]) if fields.get("from", "").isdigit() else 0
    month, first, last = month_span(fields.get("month"))
    snap = snapshot(request)
    engine = snap.engine

    def work() -> Any:
        ledger = ledger_of(request)
        token = ledger.token(secret) if secret else None
        if token is None or token.role != "supervisor" or token.county is None:
            return None
        board = current_board(ledger, engine, today(), county=token.county, venue=None)
        wanted = None if light is None else (light,)
        shown = board.page(ledger, wanted, start, PAGE)
        table = rates(ledger, engine, token.county, first, last, ("venue",))
        heard = feedback(ledger, token.county, month)
        return token.county, (board, shown, board.total(wanted)), table, heard

    try:
        answer = await run_in_threadpool(work)
    except LedgerError:
        return html(request, "supervision.j2", {"error": DOWN, "lights": None}, 503)
    if answer is None:
        why = "令牌无效或已吊销，或不是督查令牌。"
        return html(request, "supervision.j2", {"error": why, "lights": None}, 401)
    county, (board, shown, chosen), table, heard = answer
    names = {v: o.item.name for v, o in snap.bundle.venues.items()}
    context = {
        "error": None,
        "token": secret,
        "county": county,
        "month": month,
        "light": light or "",
        "counts": board.counts,
        "by_venue": board.by_holder,
        "tiers": {v: o.item.tier for v, o in snap.bundle.venues.items()},
        "lights": [light_json(lt) for lt in shown],
        "start": start,
        "more": start + PAGE < chosen,
        "page": PAGE,
        "rates": table,
        "names": names,
        "chart": rate_chart(table),
        "day": today(),
        **_said(heard),
    }
    return html(request, "supervision.j2", context)


def _said(heard: Any) -> dict[str, Any]:
    """The month's feedback for the templates: rows per venue, the total, the sentence."""
    return {"feedback": heard, "grades": GRADES, "feedback_summary": feedback_summary(heard)}


@router.post("/supervision/monthly")
async def monthly(request: Request) -> Response:
    """The month's table per venue, printable on A4 (the county's report upward)."""
    fields = await form(request)
    secret = fields.get("token", "")
    month, first, last = month_span(fields.get("month"))
    snap = snapshot(request)

    def work() -> Any:
        ledger = ledger_of(request)
        token = ledger.token(secret) if secret else None
        if token is None or token.role != "supervisor" or token.county is None:
            return None
        table = rates(ledger, snap.engine, token.county, first, last, ("venue",))
        return table, feedback(ledger, token.county, month)

    try:
        answer = await run_in_threadpool(work)
    except LedgerError:
        return html(request, "supervision.j2", {"error": DOWN, "lights": None}, 503)
    if answer is None:
        why = "令牌无效或已吊销，或不是督查令牌。"
        return html(request, "supervision.j2", {"error": why, "lights": None}, 401)
    table, heard = answer
    county = snap.bundle.localities.get(table.county)
    context = {
        "rates": table,
        "month": month,
        "county": county.locality.name if county else table.county,
        "venues": {v: (o.item.name, o.item.tier) for v, o in snap.bundle.venues.items()},
        "day": today(),
        **_said(heard),
    }
    return html(request, "supervision_monthly.j2", context)


@router.get("/publication/{venue}")
async def publication(request: Request, venue: str, month: str = "", notice: int = 0) -> Response:
    """一月一公开: a venue's month in figures, for everyone (no token)."""
    snap = snapshot(request)
    owned = snap.bundle.venues.get(venue)
    if owned is None:
        return html(request, "publication.j2", {"error": "没有这个场所。", "venue": None}, 404)
    name, first, last = month_span(month)
    county = county_of(owned.locality)

    def work() -> Any:
        ledger = ledger_of(request)
        table = rates(ledger, snap.engine, county, first, last, ("venue",), venue)
        return table, feedback(ledger, county, name, venue)

    try:
        table, heard = await run_in_threadpool(work)
    except LedgerError:
        return html(request, "publication.j2", {"error": DOWN, "venue": None}, 503)
    context: dict[str, Any] = {
        "error": None,
        "venue": owned.item,
        "venue_id": venue,
        "month": name,
        "figures": table.total,
        "ratings": heard.total,
        "grades": GRADES,
        "day": today(),
    }
    return html(request, "wall_notice.j2" if notice else "publication.j2", context)
