"""WorkingCalendar: is a day a working day, and when is a limit of n working days due.

Counting bisects a precomputed tuple of working-day ordinals, so a 20-day limit costs
the same as a 2-day one; years without national data are refused, never guessed."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NoReturn

from ..errors import CalendarError, UsageError
from ..model import CalendarDocument
from .pauses import Pause, add_calendar_days, merge_pauses
from .table import build_table, provisionally_working


def missing_year(year: int) -> CalendarError:
    """Say which file is missing and where its dates come from, in both languages."""
    return CalendarError(
        f"no working-day calendar for {year}: add catalogs/calendars/{year}.yaml "
        f"(kind: Calendar) with the holidays and make-up days of the State Council notice "
        f"国务院办公厅关于{year}年部分节假日安排的通知 (usually published in November "
        f"{year - 1}); due dates in {year} are not guessed"
        f" / 缺少 {year} 年工作日历：请依据《国务院办公厅关于{year}年部分节假日安排的通知》"
        f"（通常于 {year - 1} 年 11 月发布）添加 catalogs/calendars/{year}.yaml，"
        f"写明放假日和调休上班日；{year} 年的期限不作推测"
    )


class WorkingCalendar:
    """National calendars, optional local ones (applied after the national ones, in
    order) and optional closures. Immutable once built; equality is identity."""

    __slots__ = ("_first", "_last", "_named", "_names", "_ordinals", "_set", "_years")

    _years: frozenset[int]
    _ordinals: tuple[int, ...]
    _set: frozenset[int]
    _names: Mapping[int, str]
    _named: tuple[tuple[int, ...], tuple[str, ...]]
    """Named days off (holidays, closures) in date order, and their names."""
    _first: int
    _last: int

    def __init__(
        self,
        national: Iterable[CalendarDocument],
        local: Iterable[CalendarDocument] = (),
        extra: Iterable[tuple[dt.date, str]] = (),
        *,
        from_year: int | None = None,
    ) -> None:
        table = build_table(tuple(national), tuple(local), extra, from_year)
        object.__setattr__(self, "_years", table.years)
        object.__setattr__(self, "_ordinals", table.working)
        object.__setattr__(self, "_set", table.working_set)
        object.__setattr__(self, "_names", table.names)
        off = [o for o in sorted(table.names) if o not in table.working_set]
        object.__setattr__(self, "_named", (tuple(off), tuple(table.names[o] for o in off)))
        object.__setattr__(self, "_first", table.first)
        object.__setattr__(self, "_last", table.last)

    @classmethod
    def for_locality(
        cls,
        bundle_calendars: Mapping[tuple[int, str | None], CalendarDocument],
        chain: Sequence[str],
        extra: Iterable[tuple[dt.date, str]] = (),
        *,
        from_year: int | None = None,
    ) -> WorkingCalendar:
        """The calendar of the first code in `chain` (a locality and its ancestors, as
        `Bundle.chain` gives them): national files plus every local file scoped to a code
        in the chain, the most specific applied last so that it wins."""
        keys = sorted(bundle_calendars, key=lambda key: (key[0], key[1] or ""))
        national = [bundle_calendars[key] for key in keys if key[1] is None]
        local = [
            bundle_calendars[key] for code in reversed(chain) for key in keys if key[1] == code
        ]
        return cls(national, local, extra, from_year=from_year)

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise AttributeError(f"WorkingCalendar is immutable (cannot set {name})")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"WorkingCalendar is immutable (cannot delete {name})")

    def __repr__(self) -> str:
        return f"WorkingCalendar(years={sorted(self._years)})"

    def __copy__(self) -> WorkingCalendar:
        return self  # immutable: a copy is the same calendar

    def __deepcopy__(self, memo: dict[int, Any]) -> WorkingCalendar:
        return self

    @property
    def years(self) -> frozenset[int]:
        """The years with national data; every other year is refused."""
        return self._years

    def is_working_day(self, day: dt.date) -> bool:
        if day.year not in self._years:
            raise missing_year(day.year)
        return day.toordinal() in self._set

    def has_data(self, year: int) -> bool:
        """Whether `year` has a national calendar; without one, the lenient methods below
        rest on weekends and fixed-date holidays only, and their answers are provisional."""
        return year in self._years

    def works_on(self, day: dt.date) -> bool:
        """Like `is_working_day`, but a year without data rests on weekends and the
        fixed-date holidays only (provisional) instead of being refused."""
        ordinal = day.toordinal()
        if self._first <= ordinal <= self._last:
            return ordinal in self._set
        return provisionally_working(day)

    def next_working_day(self, day: dt.date) -> dt.date:
        """`day` itself when it is a working day, else the first working day after it
        (lenient: provisional in a year without data)."""
        ordinal = day.toordinal()
        if self._first <= ordinal <= self._last:
            index = bisect_left(self._ordinals, ordinal)
            if index < len(self._ordinals):
                return dt.date.fromordinal(self._ordinals[index])
        while not provisionally_working(day):
            day += dt.timedelta(days=1)
        return day

    def count_working_days(
        self,
        start: dt.date,
        n: int,
        *,
        count_from_next_day: bool = True,
        pauses: Sequence[Pause] = (),
    ) -> dt.date:
        """`add_working_days` without refusing a year: where the data ends, weekends and
        the fixed-date holidays only are skipped. The caller asks `has_data` for each
        year spanned to say whether the answer is provisional."""
        if n <= 0:
            return self.add_working_days(start, n)
        first = start.toordinal() + (1 if count_from_next_day else 0)
        if first < self._first:
            begins = dt.date.fromordinal(self._first).year
            raise UsageError(f"the calendar starts in {begins} / 工作日历从 {begins} 年开始")
        ordinals = self._ordinals
        due = self._due_index(first, n, pauses)
        if due >= len(ordinals):
            raise UsageError(
                f"a limit of {n} working days runs past the calendar's horizon"
                f" / {n} 个工作日的期限超出工作日历的推算范围"
            )
        return dt.date.fromordinal(ordinals[due])

    def days_off_between(self, a: dt.date, b: dt.date) -> tuple[int, list[str]]:
        """Days after `a` up to and including `b` that are not working days, and the names
        of the named ones (holidays, closures) in date order, each once (lenient)."""
        low, high = a.toordinal(), min(b.toordinal(), self._last)
        if high <= low:
            return 0, []
        ordinals = self._ordinals
        working = bisect_right(ordinals, high) - bisect_right(ordinals, low)
        days, names = self._named
        found = names[bisect_right(days, low) : bisect_right(days, high)]
        return high - low - working, list(dict.fromkeys(found))

    def day_name(self, day: dt.date) -> str | None:
        """Why a day is special (元旦, a make-up day of 春节, a closure), if it is listed."""
        return self._names.get(day.toordinal())

    def add_working_days(
        self,
        start: dt.date,
        n: int,
        *,
        count_from_next_day: bool = True,
        pauses: Sequence[Pause] = (),
    ) -> dt.date:
        """The n-th working day after `start` (行政许可法: counting starts the next day),
        or counting `start` as day 1 when `count_from_next_day` is False and it is a
        working day. Working days inside a pause do not count. n = 0 is `start` itself."""
        if n <= 0:
            if n == 0:
                return start
            raise UsageError(f"a time limit cannot be negative ({n}) / 期限不能为负数（{n}）")
        ordinals = self._ordinals
        first = start.toordinal()
        first_year = start.year
        if count_from_next_day:
            first += 1
            if start.month == 12 and start.day == 31:
                first_year += 1
        due = self._due_index(first, n, pauses)
        if due >= len(ordinals):
            self._refuse_from(first_year)
        result = dt.date.fromordinal(ordinals[due])
        if result.year != first_year or first_year not in self._years:
            self._require(first_year, result.year)
        return result

    def _due_index(self, first: int, n: int, pauses: Sequence[Pause]) -> int:
        """The position in the working-day list of the n-th working day counted from the
        ordinal `first` (day 1 when it is a working day), pauses skipped."""
        index = bisect_left(self._ordinals, first)
        due = index + n - 1
        return self._skip_pauses(index, due, pauses) if pauses else due

    def add_calendar_days(
        self,
        start: dt.date,
        n: int,
        *,
        count_from_next_day: bool = True,
        pauses: Sequence[Pause] = (),
    ) -> dt.date:
        """A limit in calendar days (自然日); needs no holiday data (see `add_calendar_days`)."""
        return add_calendar_days(start, n, count_from_next_day=count_from_next_day, pauses=pauses)

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days after `a` up to and including `b` (negative when b is before a), so
        that working_days_between(s, add_working_days(s, n)) == n."""
        if b < a:
            return -self.working_days_between(b, a)
        if a == b:
            return 0
        self._require((a + dt.timedelta(days=1)).year, b.year)
        ordinals = self._ordinals
        return bisect_right(ordinals, b.toordinal()) - bisect_right(ordinals, a.toordinal())

    def _skip_pauses(self, index: int, due: int, pauses: Sequence[Pause]) -> int:
        """Move the due index past every working day a pause covers from `index` on;
        pauses are taken in order, so one that starts after the due day changes nothing."""
        ordinals = self._ordinals
        for low, high in merge_pauses(pauses):
            if due >= len(ordinals) or low > ordinals[due]:
                break
            skipped = bisect_right(ordinals, high) - max(bisect_left(ordinals, low), index)
            if skipped > 0:
                due += skipped
        return due

    def _require(self, first: int, last: int) -> None:
        for year in range(first, last + 1):
            if year not in self._years:
                raise missing_year(year)

    def _refuse_from(self, year: int) -> NoReturn:
        """Counting ran off the end of the data: name the first year missing."""
        while year in self._years:
            year += 1
        raise missing_year(year)
