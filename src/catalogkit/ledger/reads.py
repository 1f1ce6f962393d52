"""Reading cases: one case with its timeline, and lists filtered and paged by cursor
(keyset on application day and case number, so a page never skips or repeats a case
while others are being registered)."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from . import row_access as rows
from . import tables as schema
from .jsonable import loads
from .ledger_errors import InvalidInput
from .machine import OPEN, STATES
from .projection import Event


@dataclass(frozen=True)
class Filters:
    venue: str | None = None  # registered at, or now held by, this venue
    county: str | None = None
    matter: str | None = None
    states: tuple[str, ...] = ()
    since: dt.date | None = None  # applied on or after
    until: dt.date | None = None  # applied on or before
    overdue: bool | None = None  # open and past the promised due date
    today: dt.date | None = None


def timeline(conn: Connection, case_no: str) -> list[Event]:
    e = schema.events.c
    result = conn.execute(select(schema.events).where(e.case_no == case_no).order_by(e.seq))
    return [rows.event_of(row) for row in result]


def find(
    conn: Connection, filters: Filters, cursor: str | None, limit: int
) -> tuple[list[dict[str, Any]], str | None]:
    c = schema.cases.c
    query = select(c.doc, c.applied_on, c.case_no)
    for state in filters.states:
        if state not in STATES:
            raise InvalidInput(
                "state", f"no state {state!r}; states: {', '.join(STATES)}", f"没有状态 {state}"
            )
    if filters.venue:
        query = query.where(or_(c.venue == filters.venue, c.holder == filters.venue))
    if filters.county:
        query = query.where(c.county == filters.county)
    if filters.matter:
        query = query.where(c.matter == filters.matter)
    if filters.states:
        query = query.where(c.state.in_(filters.states))
    if filters.since:
        query = query.where(c.applied_on >= filters.since)
    if filters.until:
        query = query.where(c.applied_on <= filters.until)
    if filters.overdue is not None:
        late = and_(c.state.in_(OPEN), c.promised_due < (filters.today or dt.date.today()))
        query = query.where(late if filters.overdue else ~late)
    if cursor:
        day, number = _decode(cursor)
        query = query.where(or_(c.applied_on < day, and_(c.applied_on == day, c.case_no < number)))
    query = query.order_by(c.applied_on.desc(), c.case_no.desc()).limit(limit + 1)
    found = conn.execute(query).all()
    page = [loads(row.doc) for row in found[:limit]]
    more = len(found) > limit
    return page, _encode(page[-1]["appliedOn"], page[-1]["caseNo"]) if more and page else None


def _encode(day: str, number: str) -> str:
    return base64.urlsafe_b64encode(f"{day}|{number}".encode()).decode().rstrip("=")


def _decode(cursor: str) -> tuple[dt.date, str]:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        day, number = text.split("|", 1)
        return dt.date.fromisoformat(day), number
    except (ValueError, UnicodeDecodeError):
        raise InvalidInput(
            "cursor", "not a cursor this API gave out", "cursor 无效：请使用上一页返回的 next"
        ) from None
