"""Rebuilding the projection from the events: the record is the events, the table of
current states is only a fold of them, and can be thrown away and made again.

It reads and writes on the driver's own cursor (on PostgreSQL a server-side cursor, so a
million events stream through a few thousand at a time): a rebuild is all fold and
no query, and SQLAlchemy's per-row processing would be most of its time."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, delete

from . import tables as schema
from .hot import Writer
from .jsonable import dumps, loads
from .projection import Event, fold, row_of

BATCH = 5_000
READ = (
    "SELECT case_no, seq, kind, on_day, recorded_at, venue, staff, channel, actor, payload "
    "FROM events ORDER BY case_no, seq"
)
_COLUMNS = [c.name for c in schema.cases.columns]
WRITE = (
    f"INSERT INTO case_state ({', '.join(_COLUMNS)}) "
    f"VALUES ({', '.join(':' + c for c in _COLUMNS)})"
)


def rebuild(conn: Connection) -> tuple[int, int]:
    """Replace every projection row, in one transaction; (cases, events) folded."""
    conn.execute(delete(schema.cases))
    driver: Any = conn.connection.driver_connection
    sqlite = conn.dialect.name == "sqlite"
    reader = driver.cursor() if sqlite else driver.cursor(name="ledger_rebuild")
    writer = Writer(driver, conn.dialect.name)
    reader.execute(READ)
    batch: list[dict[str, Any]] = []
    record: dict[str, Any] | None = None
    n_cases = n_events = 0
    while True:
        found = reader.fetchmany(BATCH)
        if not found:
            break
        for case_no, seq, kind, on, at, venue, staff, channel, actor, payload in found:
            if sqlite:  # ISO text as SQLAlchemy wrote it; naive UTC times
                on = dt.date.fromisoformat(on)
                at = dt.datetime.fromisoformat(at).replace(tzinfo=dt.UTC)
            event = Event(case_no, seq, kind, on, at, venue, staff, channel, actor, loads(payload))
            n_events += 1
            if record is not None and record["caseNo"] != case_no:
                batch.append({**row_of(record), "doc": dumps(record)})
                n_cases += 1
                record = None
                if len(batch) >= BATCH:
                    writer.run_many(WRITE, batch)
                    batch = []
            record = fold(record, event)
    reader.close()
    if record is not None:
        batch.append({**row_of(record), "doc": dumps(record)})
        n_cases += 1
    if batch:
        writer.run_many(WRITE, batch)
    return n_cases, n_events
