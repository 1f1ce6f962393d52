"""Moving a ledger: every event as JSON Lines (export, import), and a copy of a whole
ledger into an empty one (SQLite to PostgreSQL), the projection rebuilt at the end.

An import is checked whole before anything is written: every line must be an event,
every case's events must run 1, 2, 3 … and follow the state machine; a problem is
reported as file:line with what was expected. Counters are raised past every imported
number, so an imported number is never given out again."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, func, insert, select

from . import database as store
from . import row_access as rows
from . import tables as schema
from .book import Ledger
from .ledger_errors import LedgerError
from .numbers import looks_like_case_number
from .projection import Event, fold
from .rebuild import rebuild

BATCH = 5_000


class TransferError(LedgerError):
    """A line of an import that is not a valid event; nothing was written."""


def event_json(event: Event) -> dict[str, Any]:
    return {
        "caseNo": event.case_no,
        "seq": event.seq,
        "kind": event.kind,
        "on": event.on.isoformat(),
        "recordedAt": event.recorded_at.isoformat(),
        "venue": event.venue,
        "staff": event.staff,
        "channel": event.channel,
        "actor": event.actor,
        "payload": event.payload,
    }


def export_lines(ledger: Ledger) -> Iterator[str]:
    """Every event, in the order it was recorded, one JSON object a line."""
    e = schema.events.c
    with store.transaction(ledger.db, write=False) as conn:
        query = select(schema.events).order_by(e.id).execution_options(yield_per=BATCH)
        for row in conn.execute(query):
            yield json.dumps(event_json(rows.event_of(row)), ensure_ascii=False)


def parse(lines: Iterable[str], name: str) -> list[Event]:
    """Every event of the file, checked: numbering, order and the state machine."""
    out: list[Event] = []
    records: dict[str, dict[str, Any]] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            event = Event(
                str(raw["caseNo"]),
                int(raw["seq"]),
                str(raw["kind"]),
                dt.date.fromisoformat(raw["on"]),
                dt.datetime.fromisoformat(raw["recordedAt"]),
                str(raw["venue"]),
                str(raw["staff"]),
                str(raw["channel"]),
                str(raw["actor"]),
                dict(raw["payload"]),
            )
            if not looks_like_case_number(event.case_no):
                raise ValueError(f"{event.case_no!r} is not a case number")
            record = records.get(event.case_no)
            want = 1 if record is None else record["version"] + 1
            if event.seq != want:
                raise ValueError(f"event {event.seq} of {event.case_no}, expected {want}")
            records[event.case_no] = fold(record, event)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise TransferError(
                f"{name}:{n}: not a valid ledger event ({exc}); fix or remove the line",
                f"{name}:{n}：不是有效的台账事件（{exc}），请修正或删除该行；未导入任何内容",
            ) from None
        out.append(event)
    return out


def import_events(ledger: Ledger, events: list[Event]) -> tuple[int, int]:
    """Add the events of cases the ledger does not have yet; (cases, events) after."""
    numbers = {e.case_no for e in events}
    with store.transaction(ledger.db, write=True) as conn:
        c = schema.cases.c
        known = set(conn.execute(select(c.case_no)).scalars())
        clash = sorted(numbers & known)
        if clash:
            raise TransferError(
                f"{len(clash)} cases are already in the ledger (first: {clash[0]}); "
                "nothing was imported",
                f"有 {len(clash)} 个办件已在台账中（第一个：{clash[0]}），未导入任何内容",
            )
        _insert_events(conn, events)
        raise_counters(conn)
        return rebuild(conn)


def _insert_events(conn: Connection, events: Iterable[Event]) -> None:
    batch: list[dict[str, Any]] = []
    for event in events:
        batch.append(rows.event_row(event))
        if len(batch) >= BATCH:
            conn.execute(insert(schema.events), batch)
            batch = []
    if batch:
        conn.execute(insert(schema.events), batch)


def raise_counters(conn: Connection) -> None:
    """Every (county, day) counter at least as high as its highest case number."""
    highest: dict[str, int] = {}
    e = schema.events.c
    for number in conn.execute(select(e.case_no).where(e.seq == 1)).scalars():
        scope, serial = number[:14], int(number[14:])
        highest[scope] = max(highest.get(scope, 0), serial)
    counters = schema.counters
    have = {r.scope: r.last for r in conn.execute(select(counters.c.scope, counters.c.last))}
    for scope, serial in highest.items():
        if scope not in have:
            conn.execute(insert(counters).values(scope=scope, last=serial))
        elif have[scope] < serial:
            conn.execute(counters.update().where(counters.c.scope == scope).values(last=serial))


def copy(source: Ledger, target: Ledger) -> tuple[int, int]:
    """The whole ledger (events, counters, tokens, keys, the hashing key) into an empty
    one; the target's projection is rebuilt from the copied events."""
    with store.transaction(target.db, write=True) as dst:
        if dst.execute(select(func.count()).select_from(schema.events)).scalar_one():
            raise TransferError(
                "the target ledger is not empty; copy into a new database",
                "目标台账不是空的，请复制到新的数据库",
            )
        dst.execute(schema.meta.delete())  # a fresh target may have made its own key
        with store.transaction(source.db, write=False) as src:
            for table in (schema.meta, schema.tokens, schema.idempotency, schema.counters):
                found = [dict(r._mapping) for r in src.execute(select(table))]
                if found:
                    dst.execute(insert(table), found)
            e = schema.events.c
            query = select(schema.events).order_by(e.id).execution_options(yield_per=BATCH)
            _insert_events(dst, (rows.event_of(r) for r in src.execute(query)))
        return rebuild(dst)
