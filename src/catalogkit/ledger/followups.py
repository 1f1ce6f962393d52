"""Follow-up calls (回访, the seeds' 办件回访卡): which finished cases wait for one, and
the counts a hall reports (chosen, reached, unreached after every attempt).

A case is chosen at 办结 (feedback.follow_up: every proxied case, and a share of the
others by a fixed draw on its number); each call is a `follow-up` event; a resident not
reached is called again until the locality's `followUpAttempts`, then counted as
unreached."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from . import database, tables
from .jsonable import loads
from .ledger_errors import InvalidInput

if TYPE_CHECKING:
    from .book import Ledger

STATUSES = ("due", "done", "unreached", "all")


@dataclass(frozen=True)
class Scope:
    county: str | None = None
    venue: str | None = None  # registered at or held by
    status: str = "due"


def find(ledger: Ledger, scope: Scope) -> list[dict[str, Any]]:
    """Finished cases chosen for follow-up in `scope`, oldest finished first."""
    if scope.status not in STATUSES:
        raise InvalidInput("status", f"expected one of {', '.join(STATUSES)}", "status 取值无效")
    c = tables.cases.c
    query = select(c.doc).where(c.state.in_(("concluded", "delivered")))
    if scope.county:
        query = query.where(c.county == scope.county)
    if scope.venue:
        query = query.where(or_(c.venue == scope.venue, c.holder == scope.venue))
    query = query.order_by(c.finished_on, c.case_no)
    with database.transaction(ledger.db, write=False) as conn:
        found = [loads(doc) for doc in conn.execute(query).scalars()]
    chosen = [r for r in found if (r.get("followUp") or {}).get("selected")]
    if scope.status == "all":
        return chosen
    return [r for r in chosen if r["followUp"].get("status") == scope.status]


def counts(chosen: list[dict[str, Any]]) -> dict[str, int]:
    """Chosen (proxied, sampled), done, unreached, still due, and the calls made."""
    tasks = [r["followUp"] for r in chosen]
    return {
        "chosen": len(tasks),
        "proxied": sum(1 for t in tasks if t.get("why") == "proxy"),
        "sampled": sum(1 for t in tasks if t.get("why") == "sample"),
        "done": sum(1 for t in tasks if t.get("status") == "done"),
        "unreached": sum(1 for t in tasks if t.get("status") == "unreached"),
        "due": sum(1 for t in tasks if t.get("status") == "due"),
        "calls": sum(len(t.get("calls", [])) for t in tasks),
    }
