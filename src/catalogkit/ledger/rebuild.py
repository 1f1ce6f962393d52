"""Rebuilding the projection from the events: the record is the events, the table of
current states is only a fold of them, and can be thrown away and made again.

It reads and writes on the driver's own cursor (on PostgreSQL a server-side cursor, so a
million events stream through a few thousand at a time, and the records go back by
COPY): a rebuild is all fold and no query, and SQLAlchemy's per-row processing would be
most of its time. Each case is folded in place, its time made text once at its end."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, delete

from . import tables as schema
from .hot import Writer
from .jsonable import dumps, loads
from .projection import event_of, fold, row_of

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
COPY = f"COPY case_state ({', '.join(_COLUMNS)}) FROM STDIN"


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
        for row in found:
            if sqlite:  # ISO text as SQLAlchemy wrote it; naive UTC times
                on = dt.date.fromisoformat(row[3])
                at = dt.datetime.fromisoformat(row[4]).replace(tzinfo=dt.UTC)
                row = (*row[:3], on, at, *row[5:])
            event = event_of(row[:9], loads(row[9]))
            n_events += 1
            if record is not None and record["caseNo"] != row[0]:
                batch.append(_row(record))
                n_cases += 1
                record = None
                if len(batch) >= BATCH:
                    _write(writer, batch)
                    batch = []
            record = fold(record, event, in_place=True)
    reader.close()
    if record is not None:
        batch.append(_row(record))
        n_cases += 1
    if batch:
        _write(writer, batch)
    return n_cases, n_events


def _write(writer: Writer, batch: list[dict[str, Any]]) -> None:
    """The rows at once: PostgreSQL's COPY (one message, no statement per row)."""
    if writer.sqlite:
        writer.run_many(WRITE, batch)
        return
    with writer.cursor.copy(COPY) as copy:
        for row in batch:
            copy.write_row([row[c] for c in _COLUMNS])


def _row(record: dict[str, Any]) -> dict[str, Any]:
    """The projection row of a case folded in place (its time made text only now)."""
    record["updatedAt"] = record["updatedAt"].isoformat()
    return {**row_of(record), "doc": dumps(record)}
