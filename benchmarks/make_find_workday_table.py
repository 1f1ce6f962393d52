"""Write tests/data/calendar/find_workday.csv: for every day of 2025 and 2026 and every
limit 1..60, the due date that the independent `chinesecalendar` package (PyPI name
`chinesecalendar`, import name `chinese_calendar`) gives with `find_workday(n, day)`:
the n-th working day after the first working day on or after `day`. That is our due date
for a venue closed on non-working days (accepted on its next working day, counted from
the day after). tests/unit/test_find_workday_table.py checks the engine against it.

    pip install chinesecalendar==1.11.0
    python benchmarks/make_find_workday_table.py

Each row: the submitted day, then for n = 1..60 the due date as a number of days after
the submitted day, or `-` where the library has no answer (its data ends with 2026)."""

from __future__ import annotations

import datetime as dt
import sys
from importlib.metadata import version
from pathlib import Path

import chinese_calendar  # type: ignore[import-untyped]

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "calendar" / "find_workday.csv"
YEARS = (2025, 2026)
LIMITS = range(1, 61)


def offset(n: int, day: dt.date) -> str:
    try:
        return str((chinese_calendar.find_workday(n, day) - day).days)
    except NotImplementedError:  # a year the library has no data for
        return "-"


def main() -> int:
    day, last = dt.date(YEARS[0], 1, 1), dt.date(YEARS[-1], 12, 31)
    lines = [
        f"# find_workday(n, submitted) of chinesecalendar {version('chinesecalendar')}, as days "
        "after submitted; '-': no answer (year without data).",
        "# Written by benchmarks/make_find_workday_table.py; do not edit by hand.",
        "submitted," + ",".join(str(n) for n in LIMITS),
    ]
    while day <= last:
        lines.append(day.isoformat() + "," + ",".join(offset(n, day) for n in LIMITS))
        day += dt.timedelta(days=1)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(lines) - 3} days × {len(LIMITS)} limits)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
