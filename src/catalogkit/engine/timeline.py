"""A case's timeline: the proxy legs it runs through before it is accepted (each with
its own limit, from the catalog's `proxyLimit`), the acceptance, and the decision due
within the promised limit counted from that acceptance, not from the village."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..model import TimeLimit
from .route import Hop, Route

Due = Callable[[dt.date, TimeLimit | None], dt.date | None]


@dataclass(frozen=True)
class Step:
    role: str  # proxy, accept or decide
    locality: str
    venue: str | None
    venue_name: str | None
    limit: TimeLimit | None  # a proxy leg's own limit; the promised limit for the decision
    due: dt.date | None  # None: not known (a leg without a limit in the catalog)


def proxy_legs(
    route: Route, channel: str, submitted: dt.date, due: Due
) -> tuple[tuple[Step, ...], dt.date]:
    """The legs of a case handed to proxy agents, and the day the file reaches the
    accepting venue. A case brought to the window has no legs. A leg whose limit the
    catalog does not give is shown as unknown, and the count then starts from the day
    the case was handed in, as without legs (a later date would be a guess)."""
    if channel != "proxy":
        return (), submitted
    steps, day, known = [], submitted, True
    for hop in route.proxy:
        end = due(day, hop.leg_limit) if known and hop.leg_limit is not None else None
        if end is None:
            known = False
        else:
            day = end
        steps.append(_step(hop, hop.leg_limit, end))
    return tuple(steps), day if known else submitted


def timeline(
    route: Route,
    legs: tuple[Step, ...],
    accepted: dt.date,
    promised: TimeLimit | None,
    promised_due: dt.date | None,
) -> tuple[Step, ...]:
    """Legs, then acceptance (when another venue than the deciding one accepts), then
    the decision."""
    out = list(legs)
    accepting = deciding = None
    for hop in route.hops:  # one pass: accepted_at and decided_at each walk the hops
        if accepting is None and hop.role != "proxy":
            accepting = hop
        if hop.role == "decide":
            deciding = hop
            break
    if accepting is not None and accepting is not deciding:
        out.append(_step(accepting, None, accepted))
    if deciding is not None:
        out.append(_step(deciding, promised, promised_due))
    return tuple(out)


def _step(hop: Hop, limit: TimeLimit | None, due: dt.date | None) -> Step:
    return Step(hop.role, hop.locality, hop.venue, hop.venue_name, limit, due)
