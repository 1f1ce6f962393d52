"""The open cases of a county as light rows, read in one query: the projection's
columns and the few parts of each record's JSON the lights need (extracted by the
database, so that a 100,000-case county is not 100,000 whole records parsed here).

Generic over kinds of case: whatever kind a record says it is (an application by
default; a complaint or a rectification where another part of the ledger records
them), its light is counted from its clock, its pauses and its due date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from ..ledger import OPEN, Ledger
from ..ledger.jsonable import loads
from ..ledger.store import transaction

PARTS = ("clock", "limits", "kind", "inTransitTo", "lastOn")
_COLUMNS = "case_no, state, county, venue, holder, matter, locality, applied_on, promised_due"
_STATES = ", ".join(f"'{s}'" for s in OPEN)


@dataclass(frozen=True, slots=True)
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
    clock: dict[str, Any]
    limits: dict[str, Any] | None
    last_on: dt.date | None


def _parts(dialect: str) -> str:
    if dialect == "postgresql":
        inner = ", ".join(f"(doc::json)->'{p}'" for p in PARTS)
        return f"json_build_array({inner})::text"
    return "json_extract(doc, " + ", ".join(f"'$.{p}'" for p in PARTS) + ")"


def open_cases(
    ledger: Ledger, *, county: str | None = None, venue: str | None = None
) -> list[OpenCase]:
    """Every open case of `county` (and `venue`: registered at or held by it)."""
    where = [f"state IN ({_STATES})"]
    params: dict[str, Any] = {}
    if county:
        where.append("county = :county")
        params["county"] = county
    if venue:
        where.append("(venue = :venue OR holder = :venue)")
        params["venue"] = venue
    sql = f"SELECT {_COLUMNS}, {_parts(ledger.dialect)} FROM case_state WHERE {' AND '.join(where)}"
    with transaction(ledger.db, write=False) as conn:
        rows = conn.execute(text(sql), params).all()
    return [_case(row) for row in rows]


def _case(row: Any) -> OpenCase:
    clock, limits, kind, transit, last = loads(row[9])
    return OpenCase(
        case_no=row[0],
        kind=kind or "application",
        state=row[1],
        county=row[2],
        venue=row[3],
        holder=row[4],
        in_transit_to=transit,
        matter=row[5],
        locality=row[6],
        applied_on=_day(row[7]),
        promised_due=None if row[8] is None else _day(row[8]),
        clock=clock or {},
        limits=limits,
        last_on=None if last is None else dt.date.fromisoformat(last),
    )


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
