"""Working days inside the database: a temporary table of each day's position on each
calendar (working days up to and including it), which calendar each locality counts
on, and which venues are village stations, so that SQL subtracts two positions instead
of Python walking cases.

Localities whose calendars agree over the period share one calendar number."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Connection, text

from ..engine import Engine
from .workdays import DayCounts

VILLAGE = "village-station"

CREATE = (
    "CREATE TEMPORARY TABLE sv_days (cal INTEGER NOT NULL, day DATE NOT NULL, "
    "pos INTEGER NOT NULL, PRIMARY KEY (cal, day))",
    "CREATE TEMPORARY TABLE sv_places (locality VARCHAR(64) PRIMARY KEY, cal INTEGER NOT NULL)",
    "CREATE TEMPORARY TABLE sv_villages (venue VARCHAR(64) PRIMARY KEY)",
)


def load_days(
    conn: Connection, engine: Engine, localities: Iterable[str], first: dt.date, last: dt.date
) -> None:
    """Fill sv_days for `first` … `last` and sv_places for every known locality given."""
    pg = conn.dialect.name == "postgresql"
    for name, statement in zip(("sv_days", "sv_places", "sv_villages"), CREATE, strict=True):
        if not pg:  # SQLite keeps a temporary table as long as the pooled connection
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")
        conn.exec_driver_sql(statement + (" ON COMMIT DROP" if pg else ""))
    span = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    calendars: dict[tuple[int | None, ...], int] = {}
    places: list[dict[str, object]] = []
    days: list[dict[str, object]] = []
    for locality in sorted(set(localities)):
        if locality not in engine.bundle.localities:
            continue
        counts = DayCounts(engine.calendar(locality, first.year))
        positions = tuple(counts.position(day) for day in span)
        cal = calendars.get(positions)
        if cal is None:
            cal = calendars[positions] = len(calendars) + 1
            days.extend(
                {"cal": cal, "day": day if pg else day.isoformat(), "pos": pos}
                for day, pos in zip(span, positions, strict=True)
                if pos is not None
            )
        places.append({"locality": locality, "cal": cal})
    if days:
        conn.execute(text("INSERT INTO sv_days (cal, day, pos) VALUES (:cal, :day, :pos)"), days)
    if places:
        conn.execute(text("INSERT INTO sv_places (locality, cal) VALUES (:locality, :cal)"), places)
    villages = [{"v": v} for v, o in engine.bundle.venues.items() if o.item.tier == VILLAGE]
    if villages:
        conn.execute(text("INSERT INTO sv_villages (venue) VALUES (:v)"), villages)
