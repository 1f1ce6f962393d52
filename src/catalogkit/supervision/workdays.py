"""Working days counted in bulk: each day's position in its calendar (working days up
to and including it) is computed once per (calendar, day) and kept, so that the days
between two dates are one subtraction, whatever the number of cases."""

from __future__ import annotations

import datetime as dt

from ..calendar import WorkingCalendar
from ..errors import CalendarError


class DayCounts:
    """Working-day positions on one calendar; None where the calendar has no data."""

    def __init__(self, calendar: WorkingCalendar) -> None:
        self.calendar = calendar
        first = min(calendar.years) if calendar.years else dt.date.today().year
        self._anchor = dt.date(first, 1, 1) - dt.timedelta(days=1)
        self._kept: dict[dt.date, int | None] = {}

    def position(self, day: dt.date) -> int | None:
        try:
            return self._kept[day]
        except KeyError:
            pass
        try:
            found: int | None = self.calendar.working_days_between(self._anchor, day)
        except CalendarError:
            found = None
        self._kept[day] = found
        return found

    def between(self, a: dt.date, b: dt.date) -> int | None:
        """Working days after `a` up to and including `b` (negative when b is before a)."""
        pa, pb = self.position(a), self.position(b)
        return None if pa is None or pb is None else pb - pa

    def within(self, a: dt.date, b: dt.date) -> int | None:
        """Working days from `a` to `b`, both included (a pause)."""
        return self.between(a - dt.timedelta(days=1), b)
