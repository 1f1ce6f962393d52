"""When the clock ends: the due date of a limit counted from the acceptance day, in the
units real lists use, with the reasons and whether it is provisional.

- 工作日: the n-th working day after acceptance (行政许可法 art. 82);
- 自然日 / 日, 月 / 年: the n-th calendar day, or the corresponding day n months or
  years later (the month's last day when there is none, 民法典 art. 202); a last day
  that is a rest day or holiday moves to the next working day (民法典 art. 203);
- 即时 / 即办 / 当场: the acceptance day itself.
A year without national calendar data never stops the count: weekends and the holidays
whose dates the law fixes are skipped there, and the answer is marked provisional with
the reason."""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from ..errors import UsageError
from ..model import ON_THE_SPOT_UNITS
from . import notes
from .notes import DueNote
from .pauses import Pause, add_calendar_days, merge_pauses
from .working import WorkingCalendar

ON_THE_SPOT = ON_THE_SPOT_UNITS
CALENDAR_DAYS = frozenset({"自然日", "日"})
MONTHS = {"月": 1, "年": 12}
UNITS = ("工作日", "自然日", "日", "月", "年", "即时", "即办", "当场")


class DueDate(NamedTuple):
    due: dt.date
    provisional: bool
    notes: tuple[DueNote, ...]


def add_months(start: dt.date, months: int) -> dt.date:
    """The corresponding day `months` later, or that month's last day (民法典 art. 202)."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    if year > dt.MAXYEAR:
        raise UsageError(
            f"a limit of {months} months runs past the year {dt.MAXYEAR}"
            f" / {months} 个月的期限超出公元 {dt.MAXYEAR} 年"
        )
    last = stdlib_calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(start.day, last))


def provisional_notes(calendar: WorkingCalendar, first: dt.date, last: dt.date) -> list[DueNote]:
    """One note for each year from `first` to `last` that has no calendar data."""
    if first.year == last.year and calendar.has_data(last.year):
        return []
    return [
        notes.provisional(year)
        for year in range(first.year, last.year + 1)
        if not calendar.has_data(year)
    ]


def due_date(
    calendar: WorkingCalendar,
    accepted: dt.date,
    value: int,
    unit: str,
    *,
    pauses: Sequence[Pause] = (),
    count_from_next_day: bool = True,
) -> DueDate:
    """The due date of a limit of `value` `unit`s counted from the acceptance day."""
    if value < 0:
        raise UsageError(f"a time limit cannot be negative ({value}) / 期限不能为负数（{value}）")
    if unit in ON_THE_SPOT or value == 0:
        return DueDate(accepted, not calendar.has_data(accepted.year), ())
    if unit == "工作日" and not pauses and count_from_next_day:  # the common case, kept lean
        due = calendar.count_working_days(accepted, value)
        if due.year == accepted.year and calendar.has_data(due.year):
            if (due - accepted).days > value:
                return DueDate(due, False, (_skipped(calendar, accepted, due),))
            return DueDate(due, False, ())
    out: list[DueNote] = []
    if unit == "工作日":
        due = calendar.count_working_days(
            accepted, value, count_from_next_day=count_from_next_day, pauses=pauses
        )
        if (due - accepted).days > value:  # the sentence counts them only when shown
            out.append(_skipped(calendar, accepted, due))
        first = accepted + dt.timedelta(days=1)
    else:
        if unit in CALENDAR_DAYS:
            span = value
        elif unit in MONTHS:
            span = (add_months(accepted, value * MONTHS[unit]) - accepted).days
        else:
            raise UsageError(
                f"unknown time-limit unit {unit!r}; known: {', '.join(UNITS)}"
                f" / 未知的期限单位 {unit!r}，可用：{'、'.join(UNITS)}"
            )
        if not count_from_next_day and unit in MONTHS:
            span -= 1
        last = add_calendar_days(
            accepted, span, count_from_next_day=count_from_next_day, pauses=pauses
        )
        due = calendar.next_working_day(last)
        if due != last:
            out.append(DueNote("rest-day-end", (last, calendar.day_name(last), due)))
        first = last
    if pauses:
        paused = _paused_days(accepted, due, pauses)
        if paused:
            out.append(DueNote("paused", (paused,)))
    missing = provisional_notes(calendar, min(first, due), due)
    return DueDate(due, bool(missing), (*out, *missing))


def _skipped(calendar: WorkingCalendar, accepted: dt.date, due: dt.date) -> DueNote:
    count, names = calendar.days_off_between(accepted, due)
    return DueNote("days-skipped", (accepted, due, count, tuple(names)))


def _paused_days(accepted: dt.date, due: dt.date, pauses: Sequence[Pause]) -> int:
    low, high = accepted.toordinal() + 1, due.toordinal()
    return sum(
        min(b, high) - max(a, low) + 1 for a, b in merge_pauses(pauses) if a <= high and b >= low
    )
