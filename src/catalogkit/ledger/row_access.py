"""Reading and writing the ledger's rows inside a transaction the caller holds."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, bindparam, select

from . import tables as schema
from .jsonable import dumps, loads
from .ledger_errors import Conflict, UnknownCase
from .machine import STATES
from .projection import Event

# Built once: a statement with bound parameters is compiled once and cached, where
# literal values would make a new cache key (and a new compilation) for every event.
_c = schema.cases.c
CURRENT = select(_c.doc).where(_c.case_no == bindparam("b_case_no"))


def current(conn: Connection, case_no: str) -> dict[str, Any]:
    doc = conn.execute(CURRENT, {"b_case_no": case_no}).scalar_one_or_none()
    if doc is None:
        raise UnknownCase(f"no case {case_no} in the ledger", f"台账中没有办件 {case_no}")
    record: dict[str, Any] = loads(doc)
    return record


def event_row(event: Event) -> dict[str, Any]:
    return {
        "case_no": event.case_no,
        "seq": event.seq,
        "kind": event.kind,
        "on_day": event.on,
        "recorded_at": event.recorded_at,
        "venue": event.venue,
        "staff": event.staff,
        "channel": event.channel,
        "actor": event.actor,
        "payload": dumps(event.payload),
    }


def event_of(row: Any) -> Event:
    recorded = row.recorded_at
    if recorded.tzinfo is None:  # SQLite gives back naive UTC
        recorded = recorded.replace(tzinfo=dt.UTC)
    on = row.on_day if isinstance(row.on_day, dt.date) else dt.date.fromisoformat(row.on_day)
    return Event(
        row.case_no,
        row.seq,
        row.kind,
        on,
        recorded,
        row.venue,
        row.staff,
        row.channel,
        row.actor,
        loads(row.payload),
    )


def stale(case_no: str, expected: int, state: str = "", version: int = -1) -> Conflict:
    zh_state = STATES.get(state, state)
    return Conflict(
        f"case {case_no} has changed since version {expected}"
        + (f" (now version {version}, {state})" if state else "")
        + ": read it again and retry",
        f"办件 {case_no} 已被他人更新"
        + (f"（当前版本 {version}，状态「{zh_state}」）" if state else "")
        + "，请重新读取后再试",
        state,
        version,
    )
