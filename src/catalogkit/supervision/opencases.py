"""The open cases of a county as light rows: the narrow columns a light needs (due date,
clock, pauses, promised working days, holder, state, kind), in one query. The record's
JSON (with the stored decision) is never read: 100,000 open cases are 100,000 short
rows, not 100,000 documents to parse (migration 0002 keeps the columns).

Generic over kinds of case: whatever kind a case is (an application, or a complaint or
a rectification where another part of the ledger records them), its light is counted
from its clock, its pauses and its due date."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from ..ledger import OPEN, Ledger
from ..ledger.database import transaction

_COLUMNS = (
    "case_no, case_kind, state, county, venue, holder, in_transit_to, matter, locality, "
    "applied_on, promised_due, clock_start, paused_since, paused_by, pauses, promised_days, "
    "last_on"
)
_STATES = ", ".join(f"'{s}'" for s in OPEN)
Pause = tuple[dt.date, dt.date]


@dataclass(slots=True)
class OpenCase:
    case_no: str
    kind: str
    state: str
    county: str
    venue: str
    holder: str
    in_transit_to: str | None
    matter: str
    locality: str
    applied_on: dt.date
    promised_due: dt.date | None
    clock_start: dt.date | None
    paused_since: dt.date | None
    paused_by: str | None
    pauses: tuple[Pause, ...]  # finished special procedures, both days included
    promised_days: int | None  # the promised limit in working days (None: not in them)
    last_on: dt.date | None


def open_cases(
    ledger: Ledger, *, county: str | None = None, venue: str | None = None
) -> list[OpenCase]:
    """Every open case of `county` (and `venue`: registered at or held by it)."""
    where, params = open_where(county, venue)
    sql = f"SELECT {_COLUMNS} FROM case_state WHERE {where}"
    with transaction(ledger.db, write=False) as conn:
        return _cases(conn.execute(text(sql), params).all())


def cases_numbered(ledger: Ledger, numbers: list[str]) -> dict[str, OpenCase]:
    """The open cases of these numbers (a page of lights), by number."""
    if not numbers:
        return {}
    names = ", ".join(f":n{i}" for i in range(len(numbers)))
    sql = f"SELECT {_COLUMNS} FROM case_state WHERE state IN ({_STATES}) AND case_no IN ({names})"
    with transaction(ledger.db, write=False) as conn:
        rows = conn.execute(text(sql), {f"n{i}": n for i, n in enumerate(numbers)}).all()
    return {c.case_no: c for c in _cases(rows)}


def open_where(county: str | None, venue: str | None) -> tuple[str, dict[str, Any]]:
    """The WHERE clause of a county's (and venue's) open cases, and its parameters."""
    where = [f"state IN ({_STATES})"]
    params: dict[str, Any] = {}
    if county:
        where.append("county = :county")
        params["county"] = county
    if venue:
        where.append("(venue = :venue OR holder = :venue)")
        params["venue"] = venue
    return " AND ".join(where), params


def _cases(rows: Any) -> list[OpenCase]:
    days: dict[Any, dt.date | None] = {None: None}  # each distinct day parsed once
    day = days.get
    out = []
    for r in rows:
        for v in (r[9], r[10], r[11], r[12], r[16]):
            if v not in days:
                days[v] = _day(v)
        out.append(
            OpenCase(
                r[0], r[1] or "application", r[2], r[3], r[4], r[5], r[6], r[7], r[8],
                day(r[9]), day(r[10]), day(r[11]), day(r[12]), r[13], pauses_from_json(r[14]),  # type: ignore[arg-type]
                r[15], day(r[16]),
            )
        )  # fmt: skip
    return out


def pauses_from_json(value: str | None) -> tuple[Pause, ...]:
    if not value:
        return ()
    return tuple((_day(a), _day(b)) for a, b in json.loads(value))


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
