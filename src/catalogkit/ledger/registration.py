"""Registering a case: a new number, the 申请 event, the first projection row, and the
Idempotency-Key that makes a retried registration return the same case."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from ..resolve import Bundle
from . import days, privacy
from . import row_access as rows
from .hot import ADD_EVENT, COLUMNS, Writer
from .inputs import NewCase
from .jsonable import dumps
from .ledger_errors import InvalidInput
from .numbers import case_number, counter_scope, county_of
from .projection import Event, fold, row_of


def check_new(bundle: Bundle, new: NewCase, today: dt.date) -> dt.date:
    """The day of application, after checking every code against the catalog."""
    if new.matter not in bundle.matters:
        raise InvalidInput(
            "matter", f"no matter {new.matter!r} in the catalog", f"目录中没有事项 {new.matter}"
        )
    if new.locality not in bundle.localities:
        raise InvalidInput(
            "locality",
            f"no locality {new.locality!r} in the catalog",
            f"目录中没有区划 {new.locality}",
        )
    if new.venue not in bundle.venues:
        raise InvalidInput(
            "venue", f"no venue {new.venue!r} in the catalog", f"目录中没有场所 {new.venue}"
        )
    on = new.on or today
    if on > today:
        raise InvalidInput("on", f"{on} is in the future", f"日期 {on} 晚于今天")
    return on


def fingerprint(new: NewCase) -> str:
    return hashlib.sha256(new.model_dump_json(by_alias=True).encode()).hexdigest()


KNOWN_KEY = "SELECT case_no, fingerprint FROM idempotency_keys WHERE key = :key"
NEXT_SERIAL = (
    "INSERT INTO case_counters (scope, last) VALUES (:scope, 1) ON CONFLICT (scope) "
    "DO UPDATE SET last = case_counters.last + 1 RETURNING last"
)
ADD_CASE = (
    f"INSERT INTO case_state ({', '.join(COLUMNS)}) VALUES ({', '.join(':' + c for c in COLUMNS)})"
)
ADD_KEY = (
    "INSERT INTO idempotency_keys (key, case_no, fingerprint, created_at) "
    "VALUES (:key, :case_no, :fingerprint, :created_at)"
)


def known_key(conn: Writer, key: str, print_: str) -> str | None:
    """The case a key already registered, or None; the same key with another body is
    refused (a client bug that must not open a second case or return the wrong one)."""
    row = conn.run(KNOWN_KEY, {"key": key}).fetchone()
    if row is None:
        return None
    if row[1] != print_:
        raise InvalidInput(
            "Idempotency-Key",
            "this key was used for a different case; use a new key for a new case",
            "该 Idempotency-Key 已用于另一份申请，新申请请使用新的键",
        )
    return str(row[0])


def next_serial(conn: Writer, scope: str) -> int:
    return int(conn.run(NEXT_SERIAL, {"scope": scope}, write=True).fetchone()[0])


def register(
    conn: Writer,
    bundle: Bundle,
    new: NewCase,
    on: dt.date,
    secret: bytes,
    actor: str,
    key: str | None,
    print_: str,
) -> dict[str, Any]:
    venue_locality = bundle.venues[new.venue].locality
    county = county_of(venue_locality)
    case_no = case_number(county, on, next_serial(conn, counter_scope(county, on)))
    applicant = privacy.stored_person(new.applicant, secret)
    payload = {
        "county": county,
        "matter": new.matter,
        "matterName": bundle.matter(new.matter).name,
        "locality": new.locality,
        "applicant": applicant,
        "facts": new.facts,
        "materials": new.materials,
        "note": new.note,
    }
    event = Event(
        case_no, 1, "apply", on, days.now(), new.venue, new.staff, new.channel, actor, payload
    )
    record = fold(None, event)
    conn.run(ADD_EVENT, rows.event_row(event), write=True)
    doc = dumps(record)
    conn.run(ADD_CASE, {**row_of(record), "doc": doc}, write=True)
    conn.written[case_no] = doc
    if key is not None:
        values = {"key": key, "case_no": case_no, "fingerprint": print_, "created_at": days.now()}
        conn.run(ADD_KEY, values, write=True)
    return record
