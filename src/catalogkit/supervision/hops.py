"""Where a case's days went, hop by hop along the proxy chain (代办): each stretch of
its life at one venue (or in transit between two), with the working days it took, read
from the ledger's events (转报 / 送件 leave a venue, 接件 arrives at the next)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..ledger.projection import Event
from .workdays import DayCounts

FINISHED = ("conclude", "refuse", "withdraw", "reply")


@dataclass(frozen=True)
class Stretch:
    venue: str  # the venue holding the file, or "from→to" while in transit
    transit: bool
    since: dt.date
    until: dt.date | None  # None: still there
    working_days: int | None


def stretches(events: list[Event], days: DayCounts | None, today: dt.date) -> list[Stretch]:
    """The case's stretches in order; the last one runs to `today` if the case is open."""
    if not events:
        return []
    out: list[Stretch] = []
    place, transit, since = events[0].venue, False, events[0].on
    for e in events[1:]:
        if e.kind in ("forward", "send"):
            to = e.payload.get("toVenue")
            out.append(_stretch(place, transit, since, e.on, days))
            place, transit, since = f"{e.venue}→{to}", True, e.on
        elif e.kind == "receive":
            out.append(_stretch(place, transit, since, e.on, days))
            place, transit, since = e.venue, False, e.on
    # the day it was finished, whatever came after (ratings, follow-up calls, 送达)
    end = next((e.on for e in events if e.kind in FINISHED), None)
    stretch = _stretch(place, transit, since, end or today, days)
    out.append(Stretch(stretch.venue, transit, since, end, stretch.working_days))
    return out


def _stretch(
    place: str, transit: bool, since: dt.date, until: dt.date, days: DayCounts | None
) -> Stretch:
    counted = None if days is None else days.between(since, until)
    return Stretch(place, transit, since, until, counted)
