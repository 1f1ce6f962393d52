"""How events move a case's due dates (the law, as the ledger applies it).

- The clock starts on the day of 受理: the limit is counted from the next working day
  (行政许可法 art. 82, 民法典 art. 201), with the limits of the engine's decision at
  acceptance (promised and statutory) and the venue's working calendar.
- 补正告知 after acceptance stops the clock; 补正完成 restarts it: the whole limit is
  counted again from the day complete materials arrive (not resumed where it stopped).
- 特别程序 (hearing, testing, expert review … art. 45) is not counted: the days from its
  start to its end, both included, are skipped, and the due dates move by as many
  working days.
- While the clock stands still the due dates are unknown (shown as such), never guessed;
  a year without calendar data leaves them unknown with the reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..engine import Engine
from ..errors import CalendarError
from ..model import TimeLimit

Pause = tuple[dt.date, dt.date]

STOPPED = {"promised": None, "statutory": None, "note": "计时中止 / the clock is stopped"}


def limits_of(decision: Any) -> dict[str, Any]:
    """The limits of a decision as JSON (None where the catalog gives none)."""

    def one(limit: TimeLimit | None) -> dict[str, Any] | None:
        return None if limit is None else {"value": limit.value, "unit": limit.unit}

    return {"statutory": one(decision.statutory_limit), "promised": one(decision.promised_limit)}


def due_dates(
    engine: Engine,
    locality: str,
    start: dt.date,
    limits: dict[str, Any] | None,
    pauses: Sequence[Pause] = (),
) -> dict[str, Any]:
    """Promised and statutory due dates counted from `start`, skipping `pauses`."""
    limits = limits or {}
    wanted = [
        None
        if limits.get(k) is None
        else TimeLimit(value=limits[k]["value"], unit=limits[k]["unit"])
        for k in ("promised", "statutory")
    ]
    try:
        promised, statutory = engine.due_dates(locality, start, wanted, pauses)
    except CalendarError as exc:
        return {"promised": None, "statutory": None, "note": str(exc)}
    return {
        "promised": None if promised is None else promised.isoformat(),
        "statutory": None if statutory is None else statutory.isoformat(),
        "note": None,
    }


def pauses_of(clock: dict[str, Any], until: dt.date | None = None) -> list[Pause]:
    """The clock's finished pauses, plus the running one when `until` ends it."""
    out = [(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in clock["pauses"]]
    if until is not None and clock.get("pausedSince"):
        out.append((dt.date.fromisoformat(clock["pausedSince"]), until))
    return out
