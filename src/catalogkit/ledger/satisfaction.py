"""Rates of satisfaction (满意率) per venue and matter, from the rating events.

Each case counts once per channel it was rated through, with the grade that stands
after corrections (评价更正), in the month of the first rating. Satisfied: 基本满意 and
above; the rate is satisfied / rated. Bad ratings (不满意, 非常不满意) are counted with
the rectifications they opened and how many of those were answered."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from . import database, tables
from .feedback_append import BAD, GRADE_OF
from .jsonable import loads

if TYPE_CHECKING:
    from .book import Ledger

SATISFIED = (3, 4, 5)


@dataclass(frozen=True)
class Scope:
    county: str | None = None
    venue: str | None = None
    matter: str | None = None
    month: str | None = None  # YYYY-MM, of the first rating


def ratings(ledger: Ledger, scope: Scope) -> list[dict[str, Any]]:
    """Every standing rating in scope: case, channel, venue, matter, month, score."""
    e, c = tables.events.c, tables.cases.c
    query = (
        select(e.case_no, e.seq, e.channel, e.on_day, e.payload, c.venue, c.matter, c.county)
        .join(tables.cases, c.case_no == e.case_no)
        .where(e.kind.in_(("rate", "correct-rating")))
        .order_by(e.case_no, e.seq)
    )
    for column, value in (
        (c.county, scope.county),
        (c.venue, scope.venue),
        (c.matter, scope.matter),
    ):
        if value:
            query = query.where(column == value)
    standing: dict[tuple[str, str], dict[str, Any]] = {}
    with database.transaction(ledger.db, write=False) as conn:
        for row in conn.execute(query):
            payload = loads(row.payload)
            key = (row.case_no, row.channel)
            first = standing.get(key)
            standing[key] = {
                "caseNo": row.case_no,
                "channel": row.channel,
                "venue": row.venue,
                "matter": row.matter,
                "month": first["month"] if first else str(row.on_day)[:7],
                "score": payload.get("score"),
                "rectification": payload.get("rectification") or (first or {}).get("rectification"),
            }
        fixes = [r["rectification"] for r in standing.values() if r["rectification"]]
        answered = _answered(conn, fixes)
    out = [r for r in standing.values() if not scope.month or r["month"] == scope.month]
    for r in out:
        r["answered"] = r["rectification"] in answered if r["rectification"] else None
    return out


def _answered(conn: Any, numbers: list[str]) -> set[str]:
    c = tables.cases.c
    found: set[str] = set()
    for i in range(0, len(numbers), 500):
        query = select(c.case_no).where(c.case_no.in_(numbers[i : i + 500]), c.state == "concluded")
        found.update(conn.execute(query).scalars())
    return found


def rates(rated: list[dict[str, Any]]) -> dict[str, Any]:
    """Per venue and matter, and in total: counts per grade, satisfied, rate, bad ones."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rated:
        groups[(r["venue"], r["matter"])].append(r)
    rows = [{"venue": v, "matter": m, **_figures(rs)} for (v, m), rs in sorted(groups.items())]
    return {"rows": rows, "total": _figures(rated)}


def _figures(rated: list[dict[str, Any]]) -> dict[str, Any]:
    grades = {GRADE_OF[s]: sum(1 for r in rated if r["score"] == s) for s in (5, 4, 3, 2, 1)}
    satisfied = sum(1 for r in rated if r["score"] in SATISFIED)
    bad = [r for r in rated if r["score"] in BAD]
    return {
        "rated": len(rated),
        "grades": grades,
        "satisfied": satisfied,
        "satisfaction": round(satisfied / len(rated), 4) if rated else None,
        "bad": len(bad),
        "rectifications": sum(1 for r in rated if r["rectification"]),
        "answered": sum(1 for r in rated if r["answered"]),
    }
