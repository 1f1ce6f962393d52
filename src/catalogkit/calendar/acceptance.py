"""When the clock starts: the day a venue accepts a case submitted on a given day.

A case that arrives when its venue does not accept (a rest day at a venue without
weekend service, after closing time, a holiday or a closure) is accepted on the venue's
next accepting day, and the limit counts from there. A venue accepts on a working day
when its opening hours list 工作日 or that weekday, and on an ordinary rest day when
they list that weekday (周六/周日: 延时服务, 周末不打烊); never on a named day off (a
holiday, a local festival, a closure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple, Protocol

from .notes import WEEKDAY_ZH, DueNote
from .working import WorkingCalendar

_SEARCH_DAYS = 400


class _Hours(Protocol):
    @property
    def days(self) -> Sequence[str]: ...
    @property
    def closes(self) -> str: ...


class VenueHours(NamedTuple):
    """A venue's opening hours, reduced to what acceptance needs."""

    name: str
    workdays: str | None
    """Latest closing time on working days when 工作日 is listed, else None."""
    weekdays: tuple[str | None, ...]
    """Per weekday (Monday first), the latest closing time when that day is listed."""

    @classmethod
    def of(cls, name: str, hours: Iterable[_Hours]) -> VenueHours:
        workdays: str | None = None
        weekdays: list[str | None] = [None] * 7
        for entry in hours:
            for day in entry.days:
                if day == "工作日":
                    workdays = max(workdays or entry.closes, entry.closes)
                elif day in WEEKDAY_ZH:
                    i = WEEKDAY_ZH.index(day)
                    weekdays[i] = max(weekdays[i] or entry.closes, entry.closes)
        return cls(name, workdays, tuple(weekdays))

    def closes_on(self, calendar: WorkingCalendar, day: dt.date) -> str | None:
        """The latest closing time on `day`, or None when the venue does not accept."""
        on_weekday = self.weekdays[day.weekday()]
        if calendar.works_on(day):
            if self.workdays is None:
                return on_weekday
            return self.workdays if on_weekday is None else max(self.workdays, on_weekday)
        if on_weekday is not None and calendar.day_name(day) is None:
            return on_weekday
        return None


def accepted_on(
    calendar: WorkingCalendar,
    submitted: dt.date,
    time: str | None = None,
    venue: VenueHours | None = None,
) -> tuple[dt.date, tuple[DueNote, ...]]:
    """The acceptance day and why; without venue hours, the venue accepts on working
    days only (as `chinese_calendar.find_workday` assumes)."""
    names = (venue.name, venue.name) if venue is not None else ("受理场所", "the venue")
    works = calendar.works_on(submitted)
    if works and (venue is None or venue.workdays is not None):
        closing: str | None = "24:00" if venue is None else venue.closes_on(calendar, submitted)
    elif venue is None:
        closing = None
    else:
        closing = venue.closes_on(calendar, submitted)
    if closing is not None and (time is None or time < closing):
        code = "accepted-same-day" if works else "weekend-service"
        return submitted, (DueNote(code, (*names, submitted)),)
    day = submitted + dt.timedelta(days=1)
    for _ in range(_SEARCH_DAYS):
        if venue.closes_on(calendar, day) if venue is not None else calendar.works_on(day):
            break
        day += dt.timedelta(days=1)
    else:
        day = calendar.next_working_day(submitted + dt.timedelta(days=1))
    if closing is not None:
        return day, (DueNote("after-hours", (*names, time, closing, day)),)
    why = None if works else calendar.day_name(submitted) or ""
    return day, (DueNote("accepted-later", (*names, submitted, why, day)),)
