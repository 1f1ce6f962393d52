"""From calendar documents to a sorted table of working days, built once per calendar
so that counting is a bisection instead of a walk through the days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..errors import UsageError
from ..model import CalendarDocument


class Closure(NamedTuple):
    """A day a plugin or a hall closes on top of the official calendar (a local festival,
    a hall closure); it is a day off even when it is a weekday or a make-up day."""

    date: dt.date
    name: str


class DayTable(NamedTuple):
    years: frozenset[int]
    working: tuple[int, ...]
    working_set: frozenset[int]
    names: dict[int, str]


def build_table(
    national: Sequence[CalendarDocument],
    local: Sequence[CalendarDocument],
    extra: Iterable[tuple[dt.date, str]],
) -> DayTable:
    """Weekdays work and weekends rest; then national days, local days (in the given
    order, so the most specific comes last) and closures override, later ones winning.
    Only years with a national calendar are covered: a local file alone covers nothing."""
    years: set[int] = set()
    for doc in national:
        if doc.scope is not None:
            raise UsageError(f"the {doc.year} calendar for {doc.scope} is local, not national")
        if doc.year in years:
            raise UsageError(f"two national calendars for {doc.year}")
        years.add(doc.year)
    for doc in local:
        if doc.scope is None:
            raise UsageError(f"the {doc.year} calendar is national, not local")
    working_on: dict[int, bool] = {}
    names: dict[int, str] = {}
    for doc in (*national, *local):
        for day in doc.days:
            ordinal = day.date.toordinal()
            working_on[ordinal] = not day.is_off_day
            names[ordinal] = day.name
    for when, name in extra:
        working_on[when.toordinal()] = False
        names[when.toordinal()] = name
    working: list[int] = []
    for year in sorted(years):
        first, last = dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
        for ordinal in range(first, last + 1):
            # Ordinal 1 (0001-01-01) was a Monday, so (ordinal - 1) % 7 is the weekday.
            if working_on.get(ordinal, (ordinal - 1) % 7 < 5):
                working.append(ordinal)
    return DayTable(frozenset(years), tuple(working), frozenset(working), names)
