"""A due date on its own, for staff who check one by hand (`catalogkit due`): the same
acceptance day and counting as a decision, without a case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..calendar import DueNote, WorkingCalendar, accepted_on, due_date, provisional_notes
from ..errors import UsageError
from .placed import enabled_plugins

if TYPE_CHECKING:
    from .core import Engine


@dataclass(frozen=True)
class DueAnswer:
    submitted: dt.date
    accepted: dt.date
    due: dt.date
    value: int
    unit: str
    provisional: bool
    notes: tuple[DueNote, ...]
    locality: str | None = None
    venue: str | None = None


def reckon(
    engine: Engine,
    submitted: dt.date,
    value: int,
    unit: str = "工作日",
    *,
    locality: str | None = None,
    venue: str | None = None,
    time: str | None = None,
) -> DueAnswer:
    """The due date of `value` `unit`s for a case submitted on `submitted` (at `time`):
    local calendars and plugin closures of `locality` (default: national only), the
    opening hours of `venue` (default: a venue open on working days only)."""
    bundle = engine.bundle
    if venue is not None and venue not in bundle.venues:
        raise UsageError(f"unknown venue {venue!r} / 未知的场所 {venue!r}")
    if locality is not None:
        chain = tuple(bundle.chain(locality))
        calendar = engine._calendar(chain, submitted.year, enabled_plugins(bundle, chain))
    else:
        calendar = WorkingCalendar.for_locality(bundle.calendars, [], from_year=submitted.year)
    accepted, why = accepted_on(calendar, submitted, time, engine._venue_hours(venue))
    found = due_date(
        calendar,
        accepted,
        value,
        unit,
        count_from_next_day=bundle.settings.count_from_next_day if bundle.settings else True,
    )
    notes: list[DueNote] = []
    # as a decision orders them: the acceptance day, the counting, provisional notes last
    for note in sorted(
        (*why, *provisional_notes(calendar, submitted, accepted), *found.notes),
        key=lambda n: n.code == "provisional",
    ):
        if note not in notes:
            notes.append(note)
    return DueAnswer(
        submitted,
        accepted,
        found.due,
        value,
        unit,
        any(n.code == "provisional" for n in notes),
        tuple(notes),
        locality,
        venue,
    )
