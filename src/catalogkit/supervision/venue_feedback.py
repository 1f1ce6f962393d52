"""What residents said of each venue in a month, beside its rates: ratings (好差评) per
grade and 满意率, the rectifications bad ratings opened, complaints about the venue and
follow-up calls (docs/supervision.md). The counting is the ledger's own
(`ledger.satisfaction`, `ledger.followups.counts`); this module only picks the month's
rows and groups them by venue."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..ledger import Ledger, database, satisfaction, tables
from ..ledger.followups import counts as follow_up_counts
from ..ledger.jsonable import loads


@dataclass(frozen=True)
class Feedback:
    month: str
    rows: dict[str, dict[str, Any]]  # venue → figures
    total: dict[str, Any]


def feedback(ledger: Ledger, county: str, month: str, venue: str | None = None) -> Feedback:
    """The month's figures per venue: ratings by the rated case's registering venue and
    the month of its first rating; complaints by the venue complained about and the day
    they were registered; follow-ups by the registering venue and the month the case was
    finished. Answered means answered by now."""
    first = dt.date.fromisoformat(month + "-01")
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    rated = satisfaction.ratings(ledger, satisfaction.Scope(county, venue, None, month))
    complaints, finished = _cases(ledger, county, venue, first, last)
    by_venue: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for r in rated:
        by_venue[r["venue"]]["rated"].append(r)
    for where, answered in complaints:
        by_venue[where]["complaints"].append(answered)
    for record in finished:
        by_venue[record["venue"]]["followed"].append(record)
    rows = {v: _figures(parts) for v, parts in sorted(by_venue.items())}
    everything: dict[str, list[Any]] = {
        "rated": rated,
        "complaints": [a for _, a in complaints],
        "followed": finished,
    }
    return Feedback(month, rows, _figures(everything))


def _figures(parts: dict[str, list[Any]]) -> dict[str, Any]:
    figures = satisfaction.rates(parts.get("rated", []))["total"]
    figures["rectificationsAnswered"] = figures.pop("answered")
    complaints = parts.get("complaints", [])
    calls = follow_up_counts(parts.get("followed", []))
    return {
        **figures,
        "complaints": len(complaints),
        "complaintsAnswered": sum(1 for answered in complaints if answered),
        "followUps": calls["chosen"],
        "followUpsDone": calls["done"],
        "followUpsUnreached": calls["unreached"],
    }


def _cases(
    ledger: Ledger, county: str, venue: str | None, first: dt.date, last: dt.date
) -> tuple[list[tuple[str, bool]], list[dict[str, Any]]]:
    """(complaints registered in the period: (venue complained about, answered), records
    of the cases finished in it that were chosen for a follow-up call)."""
    c = tables.cases.c
    complained = select(c.holder, c.state).where(
        c.county == county, c.matter == "complaint", c.applied_on.between(first, last)
    )
    done = select(c.doc).where(
        c.county == county,
        c.state.in_(("concluded", "delivered")),
        c.finished_on.between(first, last),
        c.matter.notin_(("complaint", "rectification")),
    )
    if venue:
        complained = complained.where(c.holder == venue)
        done = done.where(c.venue == venue)
    with database.transaction(ledger.db, write=False) as conn:
        complaints = [(row.holder, row.state == "concluded") for row in conn.execute(complained)]
        records = [loads(doc) for doc in conn.execute(done).scalars()]
    chosen = [r for r in records if (r.get("followUp") or {}).get("selected")]
    return complaints, chosen
