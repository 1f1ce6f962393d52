"""Pauses of the clock (行政许可法 art. 45: hearings, testing, expert review and the like
are not counted), as sorted, disjoint ranges of day ordinals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..errors import UsageError

Pause = tuple[dt.date, dt.date]


def merge_pauses(pauses: Sequence[Pause]) -> list[tuple[int, int]]:
    """Inclusive ordinal ranges, sorted and merged, so each day is skipped at most once."""
    ranges: list[tuple[int, int]] = []
    for first, last in pauses:
        if last < first:
            raise UsageError(f"a pause cannot end ({last}) before it starts ({first})")
        ranges.append((first.toordinal(), last.toordinal()))
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for low, high in ranges:
        if merged and low <= merged[-1][1] + 1:
            if high > merged[-1][1]:
                merged[-1] = (merged[-1][0], high)
        else:
            merged.append((low, high))
    return merged


def add_calendar_days(
    start: dt.date,
    n: int,
    *,
    count_from_next_day: bool = True,
    pauses: Sequence[Pause] = (),
) -> dt.date:
    """The n-th calendar day (自然日) after `start`, or counting `start` as day 1 when
    `count_from_next_day` is False; days inside a pause are not counted. No holiday data
    is needed, so no year is refused. n = 0 is `start` itself."""
    if n < 0:
        raise UsageError(f"a time limit cannot be negative ({n})")
    if n == 0:
        return start
    first = start.toordinal() + (1 if count_from_next_day else 0)
    due = first + n - 1
    for low, high in merge_pauses(pauses):
        if low > due:
            break
        if high >= first:
            due += high - max(low, first) + 1
    return dt.date.fromordinal(due)
