"""Rates and tables of a period: the database sums each measure per (venue, matter,
month) over the events (facts.py); the few summed rows are then rolled up here by
whatever the table is about (venue, department, tier, matter, month) and divided into
rates. Definitions: docs/supervision.md."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text

from ..engine import Engine
from ..ledger import Ledger
from ..ledger.database import transaction
from .daytable import load_days
from .facts import MEASURES, totals_sql, trace_sql

DIMENSIONS = ("venue", "department", "tier", "matter", "month")
VILLAGE = "village-station"
DUE_MARGIN = dt.timedelta(days=400)  # due dates up to a year before or after the period


LONGEST = dt.timedelta(days=3 * 366)


def period_problem(first: dt.date, last: dt.date) -> tuple[str, str] | None:
    """Why a period cannot be counted (English, Chinese), or None."""
    if last < first:
        return "the period ends before it begins", "统计期截止日期早于开始日期"
    if last - first > LONGEST or first.year < 1950 or last.year > 2200:
        en = "a period is at most three years, within 1950 – 2200"
        return en, "统计期最长三年（1950–2200 年间）"
    return None


@dataclass
class Row:
    key: dict[str, str]
    sums: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MEASURES, 0))

    def figures(self) -> dict[str, Any]:
        s = self.sums
        worked_p = s["p_limit"] - s["p_saved"]
        return {
            **self.key,
            "received": s["received"],
            "accepted": s["accepted"],
            "completed": s["completed"],
            "completionRate": _rate(s["completed"], s["accepted"]),
            "onTime": s["on_time"],
            "onTimeRate": _rate(s["on_time"], s["with_due"]),
            "early": s["early"],
            "speedUpPromised": _rate(s["p_saved"], s["p_limit"]),
            "speedUpStatutory": _rate(s["s_saved"], s["s_limit"]),
            "averageWorkingDays": None if not s["p_n"] else round(worked_p / s["p_n"], 2),
            "proxiedByVillage": s["proxied"],
            "handledInVillage": s["in_village"],
        }


def _rate(a: int, b: int) -> float | None:
    return None if not b else round(a / b, 4)


@dataclass(frozen=True)
class Rates:
    county: str
    first: dt.date
    last: dt.date
    by: tuple[str, ...]
    rows: list[dict[str, Any]]
    total: dict[str, Any]


def period_sums(
    ledger: Ledger,
    engine: Engine,
    county: str,
    first: dt.date,
    last: dt.date,
    venue: str | None = None,
) -> list[dict[str, Any]]:
    """The database's sums per (venue, matter, month) of the period."""
    return _run(ledger, engine, county, first, last, totals_sql(ledger.dialect, bool(venue)), venue)


def _run(
    ledger: Ledger,
    engine: Engine,
    county: str,
    first: dt.date,
    last: dt.date,
    sql: str,
    venue: str | None,
) -> list[dict[str, Any]]:
    params: dict[str, Any] = {"county": county, "first": first, "last": last, "venue": venue}
    if ledger.dialect == "sqlite":  # dates are ISO text there
        params.update(first=first.isoformat(), last=last.isoformat())
    with transaction(ledger.db, write=False) as conn:
        if ledger.dialect == "postgresql":  # measured: compiling this query took 8 of 10 s
            conn.exec_driver_sql("SET LOCAL jit = off")
            conn.exec_driver_sql("SET LOCAL work_mem = '64MB'")
        places = conn.execute(
            text("SELECT DISTINCT locality FROM case_state WHERE county = :county"),
            {"county": county},
        ).scalars()
        load_days(conn, engine, list(places), first - DUE_MARGIN, last + DUE_MARGIN)
        return [dict(row._mapping) for row in conn.execute(text(sql), params)]


def rates(
    ledger: Ledger,
    engine: Engine,
    county: str,
    first: dt.date,
    last: dt.date,
    by: Sequence[str] = ("venue",),
    venue: str | None = None,
) -> Rates:
    """The figures of the period, one row per value of `by` (and a total)."""
    for dim in by:
        if dim not in DIMENSIONS:
            raise ValueError(f"no dimension {dim!r}; dimensions: {', '.join(DIMENSIONS)}")
    sums = period_sums(ledger, engine, county, first, last, venue)
    grouped: dict[tuple[str, ...], Row] = {}
    total = Row({})
    for raw in sums:
        key = _key(engine, raw)
        values = tuple(key[d] for d in by)
        row = grouped.setdefault(values, Row({d: key[d] for d in by}))
        village = key["tier"] == VILLAGE
        for m in MEASURES:
            value = int(raw[m] or 0)
            if m in ("proxied", "in_village") and not village:
                value = 0
            row.sums[m] += value
            total.sums[m] += value
    rows = [grouped[k].figures() for k in sorted(grouped)]
    return Rates(county, first, last, tuple(by), rows, total.figures())


def _key(engine: Engine, raw: dict[str, Any]) -> dict[str, str]:
    bundle = engine.bundle
    venue, matter = raw["venue"], raw["matter"]
    owned = bundle.venues.get(venue)
    entry = bundle.matters.get(matter)
    return {
        "venue": venue,
        "matter": matter,
        "month": raw["month"],
        "tier": "unknown" if owned is None else owned.item.tier,
        "department": "unknown" if entry is None else entry.matter.department,
    }


def trace(
    ledger: Ledger,
    engine: Engine,
    county: str,
    first: dt.date,
    last: dt.date,
    measure: str,
    venue: str | None = None,
) -> list[dict[str, str]]:
    """The cases a measure counts in the period: (case number, venue, matter, month);
    proxies and cases kept in the village count at village stations only, as in `rates`."""
    sql = trace_sql(ledger.dialect, measure, bool(venue))
    found = _run(ledger, engine, county, first, last, sql, venue)
    if measure in ("proxied", "in_village"):
        found = [row for row in found if _key(engine, row)["tier"] == VILLAGE]
    return found
