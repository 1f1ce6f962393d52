"""Due dates: `add_working_days(start, 20)` against a floor measured in the same run.

    floor   = one plain dict lookup (date → date), the least a precomputed answer costs
    add     = WorkingCalendar.add_working_days(start, 20): a bisection on working-day ordinals
    pause   = the same with one 5-day hearing pause
    naive   = a day-by-day walk with is_working_day (the method the bisection replaces)
    accept  = accepted_on(start) + due_date(…, 20, 工作日): what a decision adds, with the
              acceptance day and the reasons (sentences are written only when shown)

Each figure is the median over BENCH_REPEAT batches of calls, divided by the batch size,
over 350 start dates, every other day of 2025-2026. Target: add is a few microseconds.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ruamel.yaml import YAML

from _timing import median_seconds
from catalogkit.calendar import WorkingCalendar, accepted_on, due_date
from catalogkit.model import CalendarDocument

CALENDARS = Path(__file__).resolve().parents[1] / "catalogs" / "calendars"


def naive(cal: WorkingCalendar, start: dt.date, n: int) -> dt.date:
    current, counted = start, 0
    while counted < n:
        current += dt.timedelta(days=1)
        if cal.is_working_day(current):
            counted += 1
    return current


def row(label: str, seconds: float, note: str = "") -> None:
    print(f"{label:<30}{seconds * 1e6:7.3f} µs   {note}".rstrip())


def main() -> int:
    repeat = int(os.environ.get("BENCH_REPEAT", "200"))
    yaml = YAML(typ="safe", pure=True)
    docs = [
        CalendarDocument.model_validate(yaml.load(path.read_text(encoding="utf-8")))
        for path in sorted(CALENDARS.glob("*.yaml"))
    ]
    cal = WorkingCalendar(docs)
    starts = [dt.date(2025, 1, 1) + dt.timedelta(days=k) for k in range(0, 700, 2)]
    answers = {s: cal.add_working_days(s, 20) for s in starts}
    hearing = [(dt.date(2026, 3, 2), dt.date(2026, 3, 6))]
    assert cal.add_working_days(dt.date(2026, 9, 24), 20) == dt.date(2026, 10, 29)
    assert all(naive(cal, s, 20) == answers[s] for s in starts)
    batch = len(starts)

    def floor() -> None:
        for s in starts:
            answers[s]

    def add() -> None:
        for s in starts:
            cal.add_working_days(s, 20)

    def paused() -> None:
        for s in starts:
            cal.add_working_days(s, 20, pauses=hearing)

    def reckon() -> None:
        for s in starts:
            due_date(cal, accepted_on(cal, s)[0], 20, "工作日")

    def walk() -> None:
        for s in starts:
            naive(cal, s, 20)

    t_floor = median_seconds(floor, repeat) / batch
    t_add = median_seconds(add, repeat) / batch
    t_pause = median_seconds(paused, repeat) / batch
    t_naive = median_seconds(walk, max(repeat // 10, 5)) / batch
    t_reckon = median_seconds(reckon, repeat) / batch
    print(f"calendar years {sorted(cal.years)}, {batch} start dates, n = 20, median of {repeat}")
    row("floor (dict lookup)", t_floor)
    row("add_working_days(…, 20)", t_add, f"ratio add/floor   = {t_add / t_floor:6.1f}")
    row("  with a 5-day hearing pause", t_pause, f"ratio pause/floor = {t_pause / t_floor:6.1f}")
    row("naive day-by-day walk", t_naive, f"ratio naive/add   = {t_naive / t_add:6.1f}")
    row("acceptance day + due_date", t_reckon, f"ratio due/add     = {t_reckon / t_add:6.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
