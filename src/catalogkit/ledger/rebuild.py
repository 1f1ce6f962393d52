"""Rebuilding the projection from the events: the record is the events, the table of
current states is only a fold of them, and can be thrown away and made again."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select

from . import rows, schema
from .jsonable import dumps
from .projection import fold, row_of

BATCH = 5_000


def rebuild(conn: Connection) -> tuple[int, int]:
    """Replace every projection row, in one transaction; (cases, events) folded."""
    conn.execute(delete(schema.cases))
    e = schema.events.c
    query = select(schema.events).order_by(e.case_no, e.seq).execution_options(yield_per=BATCH)
    batch: list[dict[str, Any]] = []
    record: dict[str, Any] | None = None
    n_cases = n_events = 0
    for row in conn.execute(query):
        event = rows.event_of(row)
        n_events += 1
        if record is not None and record["caseNo"] != event.case_no:
            batch.append({**row_of(record), "doc": dumps(record)})
            n_cases += 1
            record = None
            if len(batch) >= BATCH:
                conn.execute(insert(schema.cases), batch)
                batch = []
        record = fold(record, event)
    if record is not None:
        batch.append({**row_of(record), "doc": dumps(record)})
        n_cases += 1
    if batch:
        conn.execute(insert(schema.cases), batch)
    return n_cases, n_events
