"""The open cases of a county as light rows: the projection's columns in one query, and
the few parts of each record's JSON the lights need, kept per case and version so that
a page asked again reads and parses only the records that changed since.

Generic over kinds of case: whatever kind a record says it is (an application by
default; a complaint or a rectification where another part of the ledger records
them), its light is counted from its clock, its pauses and its due date."""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from ..ledger import OPEN, Ledger
from ..ledger.database import transaction
from ..ledger.jsonable import loads

_COLUMNS = (
    "case_no, version, state, county, venue, holder, matter, locality, applied_on, promised_due"
)
_STATES = ", ".join(f"'{s}'" for s in OPEN)
_CHUNK = 500
Parts = tuple[str, dict[str, Any], dict[str, Any] | None, str | None, dt.date | None]
"""(kind, clock, limits, in transit to, day of the last event) from a case's record"""
_kept: weakref.WeakKeyDictionary[Ledger, dict[str, tuple[int, OpenCase]]] = (
    weakref.WeakKeyDictionary()
)


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
    clock: dict[str, Any]
    limits: dict[str, Any] | None
    last_on: dt.date | None


def open_cases(
    ledger: Ledger, *, county: str | None = None, venue: str | None = None
) -> list[OpenCase]:
    """Every open case of `county` (and `venue`: registered at or held by it). Each is
    kept per case version, so a second read fetches and parses only what changed."""
    where = [f"state IN ({_STATES})"]
    params: dict[str, Any] = {}
    if county:
        where.append("county = :county")
        params["county"] = county
    if venue:
        where.append("(venue = :venue OR holder = :venue)")
        params["venue"] = venue
    sql = f"SELECT case_no, version FROM case_state WHERE {' AND '.join(where)}"
    kept = _kept.setdefault(ledger, {})
    with transaction(ledger.db, write=False) as conn:
        rows = conn.execute(text(sql), params).all()
        stale = [n for n, v in rows if kept.get(n, (-1,))[0] != v]
        for i in range(0, len(stale), _CHUNK):
            chunk = stale[i : i + _CHUNK]
            names = ", ".join(f":n{j}" for j in range(len(chunk)))
            fresh = conn.execute(
                text(f"SELECT {_COLUMNS}, doc FROM case_state WHERE case_no IN ({names})"),
                {f"n{j}": n for j, n in enumerate(chunk)},
            )
            for row in fresh:
                kept[row[0]] = (row[1], _case(row, _parts(loads(row[10]))))
    found = [kept[n][1] for n, _ in rows if n in kept]
    if len(kept) > 2 * len(found) + 10_000:  # closed cases are let go
        _kept[ledger] = {c.case_no: kept[c.case_no] for c in found}
    return found


def _parts(record: dict[str, Any]) -> Parts:
    last = record.get("lastOn")
    return (
        record.get("kind") or "application",
        record.get("clock") or {},
        record.get("limits"),
        record.get("inTransitTo"),
        None if last is None else dt.date.fromisoformat(last),
    )


def _case(row: Any, parts: Parts) -> OpenCase:
    kind, clock, limits, transit, last = parts
    return OpenCase(
        row[0], kind, row[2], row[3], row[4], row[5], transit, row[6], row[7], _day(row[8]),
        None if row[9] is None else _day(row[9]), clock, limits, last,
    )  # fmt: skip


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
