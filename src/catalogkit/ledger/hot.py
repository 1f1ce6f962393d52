"""The append's three statements on the driver's own connection: read the case, add the
event, rewrite the case over the version it was read at. SQLAlchemy's execution layer
costs several times what SQLite itself does for these small statements, and appending
is what a ledger does most; everything else goes through SQLAlchemy Core.

The SQL is written once with `:name` parameters (sqlite3's style) and turned into
`%(name)s` for psycopg; values are stored exactly as SQLAlchemy stores them (SQLite:
ISO dates, naive UTC timestamps), so either path reads what the other wrote."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import threading
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine

from ..errors import CatalogkitError
from . import row_access as rows
from .database import unavailable
from .jsonable import dumps, loads
from .ledger_errors import UnknownCase
from .projection import Event, row_of

CURRENT = "SELECT doc FROM case_state WHERE case_no = :case_no"
ADD_EVENT = (
    "INSERT INTO events (case_no, seq, kind, on_day, recorded_at, venue, staff, channel, "
    "actor, payload) VALUES (:case_no, :seq, :kind, :on_day, :recorded_at, :venue, :staff, "
    ":channel, :actor, :payload)"
)
_COLUMNS = (
    "version", "state", "county", "venue", "holder", "matter", "locality", "phone_last4",
    "applied_on", "promised_due", "statutory_due", "finished_on", "doc",
    "case_kind", "clock_start", "paused_since", "paused_by", "pauses", "promised_days",
    "in_transit_to", "last_on",
)  # fmt: skip
COLUMNS = ("case_no", *_COLUMNS)  # of case_state
# The record's columns and the event's share one set of parameters: the record's venue
# (where the case was registered) is `:case_venue`, never the event's `:venue`.
REPLACE = (
    "UPDATE case_state SET "
    + ", ".join(f"{c} = :{'case_venue' if c == 'venue' else c}" for c in _COLUMNS)
    + " WHERE case_no = :case_no AND version = :was"
)
# PostgreSQL: the version check, the new record and the event in one statement (one
# round trip); no row moved, no event added.
_TYPES = {"on_day": "date", "recorded_at": "timestamptz"}
_EVENT_COLUMNS = ADD_EVENT.split("(")[1].split(")")[0].split(", ")
MOVE_AND_ADD = (
    f"WITH moved AS ({REPLACE} RETURNING 1) "
    + ADD_EVENT.split(" VALUES ")[0]
    + " SELECT "
    + ", ".join(f"CAST(:{c} AS {_TYPES[c]})" if c in _TYPES else f":{c}" for c in _EVENT_COLUMNS)
    + " FROM moved"
)
# The same for a pipelined batch (no answer is read before the end): a stale version
# inserts an event without a case number, which the NOT NULL constraint refuses, and
# the batch rolls back and runs again, each append alone (group.py).
STRICT_MOVE_AND_ADD = (
    MOVE_AND_ADD.split(" SELECT ")[0]
    + " SELECT (SELECT CAST(:case_no AS varchar) FROM moved), "
    + MOVE_AND_ADD.split(" SELECT ", 1)[1].split(", ", 1)[1].rsplit(" FROM moved", 1)[0]
)


class Stale(CatalogkitError):
    """Another writer changed the case (or took this event's number) first."""


class Writer:
    """One write transaction on a raw driver connection."""

    def __init__(
        self, raw: Any, dialect: str, kept: dict[str, str] | None = None, piped: bool = False
    ) -> None:
        self.cursor = raw.cursor()
        self.sqlite = dialect == "sqlite"
        self.piped = piped  # PostgreSQL pipeline mode: see STRICT_MOVE_AND_ADD
        self.writes = 0  # statements that wrote, or failed: see group.py
        self.kept = kept if kept is not None else {}  # case -> doc, as last committed here
        self.written: dict[str, str] = {}  # case -> doc, written in this transaction
        self.from_kept = False  # whether the last `current` came from `kept`

    def run(
        self, sql: str, params: dict[str, Any], *, write: bool = False, ready: bool = False
    ) -> Any:
        if self.sqlite:
            if not ready:  # `ready`: already converted by _sqlite_values
                params = _sqlite_values(params)
        else:
            sql = _PYFORMAT.get(sql) or _PYFORMAT.setdefault(sql, _to_pyformat(sql))
        self.writes += write
        try:
            self.cursor.execute(sql, params)
        except BaseException:
            self.writes += 1  # the transaction may be spoilt: never commit on top of it
            raise
        return self.cursor

    def run_many(self, sql: str, rows: list[dict[str, Any]]) -> None:
        if self.sqlite:
            rows = [_sqlite_values(r) for r in rows]
        else:
            sql = _PYFORMAT.get(sql) or _PYFORMAT.setdefault(sql, _to_pyformat(sql))
        self.cursor.executemany(sql, rows)

    def current(self, case_no: str, *, kept: bool = False) -> dict[str, Any]:
        """The case's record; with `kept`, as this process last committed it, if it did
        (the caller checks the version against the database when it writes)."""
        doc = self.written.get(case_no) or (self.kept.get(case_no) if kept else None)
        self.from_kept = doc is not None and case_no not in self.written
        if doc is None:
            row = self.run(CURRENT, {"case_no": case_no}).fetchone()
            if row is None:
                raise UnknownCase(f"no case {case_no} in the ledger", f"台账中没有办件 {case_no}")
            doc = row[0]
        record: dict[str, Any] = loads(doc)
        return record

    def forget(self, case_no: str) -> None:
        self.kept.pop(case_no, None)

    def record_event(self, event: Event, record: dict[str, Any], was: int) -> None:
        """The event and the record folded with it, only over version `was`: the record
        first, so a stale version writes nothing at all (Stale)."""
        doc = dumps(record)
        values = {**row_of(record), "doc": doc, "was": was, **rows.event_row(event)}
        values["case_venue"] = record["venue"]
        if self.sqlite:
            values = _sqlite_values(values)  # once for both statements
            if self.run(REPLACE, values, write=True, ready=True).rowcount != 1:
                raise Stale(record["caseNo"])
            self.run(ADD_EVENT, values, write=True, ready=True)
        elif self.piped:
            self.run(STRICT_MOVE_AND_ADD, values, write=True)
        elif self.run(MOVE_AND_ADD, values, write=True).rowcount != 1:
            raise Stale(record["caseNo"])
        self.written[event.case_no] = doc


_PYFORMAT: dict[str, str] = {}


def _to_pyformat(sql: str) -> str:
    return re.sub(r":([a-z_0-9]+)", r"%(\1)s", sql)


def _sqlite_values(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v if type(v) in _AS_IS else _sqlite_value(v) for k, v in params.items()}


_AS_IS = frozenset({str, int, type(None)})


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class Held:
    """The write connections of this process's appends, kept checked out (one per batch
    written at once, see group.py): a pool round trip per batch costs more than its
    statements. One is dropped after any database error, and made again next time."""

    def __init__(self) -> None:
        self.free: list[Any] = []
        self.lock = threading.Lock()

    def get(self, engine: Engine) -> Any:
        with self.lock:
            if self.free:
                return self.free.pop()
        return engine.raw_connection()

    def put(self, connection: Any) -> None:
        with self.lock:
            self.free.append(connection)

    def drop(self, connection: Any = None) -> None:
        """Drop `connection`, or every free one."""
        with self.lock:
            dropped = [connection] if connection is not None else self.free
            self.free = [] if connection is None else self.free
        for each in dropped:
            each.invalidate()
            with contextlib.suppress(Exception):
                each.close()


@contextlib.contextmanager
def writing(
    engine: Engine, held: Held, kept: dict[str, str], piped: bool = False
) -> Iterator[Writer]:
    """BEGIN (IMMEDIATE on SQLite) … COMMIT on a held connection; a duplicate event
    number is Stale, a database that cannot be reached is LedgerUnavailable.

    PostgreSQL: BEGIN and COMMIT are sent as statements, and with `piped` the batch's
    statements go in pipeline mode, BEGIN to COMMIT in one round trip (a statement whose
    answer is read, such as the next case number, costs one more). The answer to the
    COMMIT, and so to every append in it, comes after the commit is durable."""
    dbapi = engine.dialect.dbapi
    sqlite = engine.dialect.name == "sqlite"
    try:
        pooled = held.get(engine)
    except Exception as exc:
        raise unavailable(exc) from exc
    driver: Any = pooled.driver_connection
    lost = False
    try:
        if not sqlite:
            driver.autocommit = True  # the transaction is ours, statement by statement
        with driver.pipeline() if piped and not sqlite else contextlib.nullcontext():
            writer = Writer(driver, engine.dialect.name, kept, piped and not sqlite)
            writer.cursor.execute("BEGIN IMMEDIATE" if sqlite else "BEGIN")
            yield writer
            writer.cursor.execute("COMMIT")
        if len(kept) > 50_000:
            kept.clear()
        kept.update(writer.written)  # only what is committed is kept
    except dbapi.IntegrityError as exc:  # type: ignore[union-attr]
        _rollback(driver)
        raise Stale(str(exc)) from exc
    except dbapi.OperationalError as exc:  # type: ignore[union-attr]
        lost = True
        raise unavailable(exc) from exc
    except BaseException:
        _rollback(driver)
        raise
    finally:
        if lost:
            held.drop(pooled)
        else:
            held.put(pooled)


def _rollback(driver: Any) -> None:
    with contextlib.suppress(Exception):
        driver.execute("ROLLBACK")
