"""Cases of their own kind linked to another: a rectification (整改) opened by a bad
rating, a complaint (投诉) about a case or a venue. Each is registered and accepted at
once (申请 + 受理, in the transaction that caused it), with its own limit counted on the
working calendar from that day, and closes only with a written reply (书面答复)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..engine import Engine
from . import days, row_access
from .clock import due_dates
from .hot import ADD_EVENT, Writer
from .jsonable import dumps
from .numbers import case_number, counter_scope
from .policy import limits
from .projection import Event, fold, row_of
from .registration import ADD_CASE, next_serial

KINDS_ZH = {"application": "申请", "rectification": "差评整改", "complaint": "投诉"}
"""Case kinds; the matter column of a linked case holds its kind (a matter-like label)."""


@dataclass(frozen=True)
class Linked:
    kind: str  # rectification, complaint
    county: str
    venue: str  # where it is registered
    holder: str  # the venue that must answer
    locality: str  # whose calendar counts the limit
    applicant: dict[str, Any]  # already masked and hashed
    about: dict[str, Any]  # {"caseNo": …} and/or {"venue": …}, and what it was about
    limit: dict[str, Any]
    channel: str
    staff: str
    note: str | None = None


def number(conn: Writer, county: str, on: dt.date) -> str:
    return case_number(county, on, next_serial(conn, counter_scope(county, on)))


def register(
    conn: Writer, case_no: str, linked: Linked, on: dt.date, engine: Engine, actor: str
) -> dict[str, Any]:
    """Write the linked case's 申请 and 受理 and its first record."""
    apply_payload: dict[str, Any] = {
        "county": linked.county,
        "matter": linked.kind,
        "matterName": KINDS_ZH[linked.kind],
        "locality": linked.locality,
        "applicant": linked.applicant,
        "facts": {},
        "materials": [],
        "note": linked.note,
        "caseKind": linked.kind,
        "about": linked.about,
        "holder": linked.holder,
    }
    both = limits(linked.limit)
    accept_payload = {
        "revision": engine.bundle.revision,
        "limits": both,
        "due": due_dates(engine, linked.locality, on, both),
    }
    now = days.now()
    first = Event(
        case_no, 1, "apply", on, now, linked.venue, linked.staff, linked.channel, actor,
        apply_payload,
    )  # fmt: skip
    record = fold(None, first)
    second = Event(
        case_no, 2, "accept", on, now, linked.venue, linked.staff, linked.channel, actor,
        accept_payload,
    )  # fmt: skip
    record = fold(record, second)
    for event in (first, second):
        conn.run(ADD_EVENT, row_access.event_row(event), write=True)
    doc = dumps(record)
    conn.run(ADD_CASE, {**row_of(record), "doc": doc}, write=True)
    conn.written[case_no] = doc
    return record
