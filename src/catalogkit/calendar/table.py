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


# Years after the newest covered year that the table still spans, provisionally
# (weekends and fixed-date holidays only): enough for the longest limit a catalog may
# state (3650 working days).
HORIZON = 15

# The statutory holidays whose dates the law itself fixes (全国年节及纪念日放假办法 as
# revised in 2024, in force from 2025, art. 2): a year whose State Council notice is not
# loaded still rests on them. The lunar holidays (春节, 清明, 端午, 中秋) and the make-up
# working days come only with the notice, so that year's answers stay provisional.
FIXED_HOLIDAYS_SINCE = 2025
FIXED_HOLIDAYS: dict[tuple[int, int], str] = {
    (1, 1): "元旦",
    (5, 1): "劳动节",
    (5, 2): "劳动节",
    (10, 1): "国庆节",
    (10, 2): "国庆节",
    (10, 3): "国庆节",
}


def provisionally_working(day: dt.date) -> bool:
    """A day of a year without national data: weekends and the fixed-date holidays rest."""
    if day.weekday() >= 5:
        return False
    return day.year < FIXED_HOLIDAYS_SINCE or (day.month, day.day) not in FIXED_HOLIDAYS


def fixed_holidays(years: Iterable[int]) -> dict[int, str]:
    """The fixed-date holidays of `years` (those without national data), by ordinal."""
    return {
        dt.date(year, month, day).toordinal(): name
        for year in years
        if year >= FIXED_HOLIDAYS_SINCE
        for (month, day), name in FIXED_HOLIDAYS.items()
    }


class DayTable(NamedTuple):
    years: frozenset[int]
    working: tuple[int, ...]
    working_set: frozenset[int]
    names: dict[int, str]
    first: int
    """Ordinal of the first day the table spans (1 January of its first year)."""
    last: int
    """Ordinal of the last day the table spans (31 December of its last year)."""


def build_table(
    national: Sequence[CalendarDocument],
    local: Sequence[CalendarDocument],
    extra: Iterable[tuple[dt.date, str]],
    from_year: int | None = None,
) -> DayTable:
    """Weekdays work and weekends rest; then national days, local days (in the given
    order, so the most specific comes last) and closures override, later ones winning.
    Only years with a national calendar are covered (`years`): a local file alone covers
    nothing. The table spans those years, `from_year` and HORIZON years more; a spanned
    year without national data rests on weekends and the fixed-date holidays only
    (provisional, see `due`)."""
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
    spanned = years | ({from_year} if from_year is not None else set())
    low = min(spanned, default=dt.date.today().year)
    high = min(max(spanned, default=low) + HORIZON, dt.MAXYEAR)
    first, last = dt.date(low, 1, 1).toordinal(), dt.date(high, 12, 31).toordinal()
    unknown = (year for year in range(low, high + 1) if year not in years)
    for ordinal, name in fixed_holidays(unknown).items():
        working_on.setdefault(ordinal, False)  # a local file or a closure may say more
        names.setdefault(ordinal, name)
    get = working_on.get
    # Ordinal 1 (0001-01-01) was a Monday, so (ordinal - 1) % 7 is the weekday.
    working = tuple(o for o in range(first, last + 1) if get(o, (o - 1) % 7 < 5))
    return DayTable(frozenset(years), working, frozenset(working), names, first, last)
