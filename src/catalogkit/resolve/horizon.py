"""Next year's calendar: from 1 November of the newest year with a national calendar,
say that the next one is missing (a warning: due dates into it are provisional until
its file is added; the State Council notice usually comes out in November)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..errors import Diagnostic
from ..model import CalendarDocument
from ..pinned_today import today as today  # where the date checks compare with is read

WARN_FROM = (11, 1)


def calendar_file(root: Path, files: Iterable[str], year: int) -> str:
    """The tree's national calendar file for `year` (read only when a warning is due)."""
    wanted = re.compile(rf"^year:\s*{year}\s*$", re.M)
    for name in files:
        try:
            text = (root / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        national = not re.search(r"^scope:", text, re.M)
        if national and re.search(r"^kind:\s*Calendar\s*$", text, re.M) and wanted.search(text):
            return name
    return f"calendars/{year}.yaml"


def next_year_missing(
    calendars: Mapping[tuple[int, str | None], CalendarDocument],
    root: Path,
    files: Iterable[str],
    on: dt.date,
) -> list[Diagnostic]:
    """A located warning on the newest national calendar file when it is `on` or after
    1 November of its year and the next year has no national calendar."""
    national = sorted(year for year, scope in calendars if scope is None)
    if not national:
        return []
    newest = national[-1]
    wanted = newest + 1
    if on < dt.date(newest, *WARN_FROM) or wanted in national:
        return []
    return [
        Diagnostic(
            "next-calendar-missing",
            f"it is {on}: the working-day calendar for {wanted} is missing; add "
            f"calendars/{wanted}.yaml from the State Council notice 国务院办公厅关于{wanted}"
            f"年部分节假日安排的通知 (`catalogkit calendar add {wanted} …`); until then "
            f"due dates in {wanted} are provisional (weekends and fixed-date holidays only)",
            f"今天是 {on}：缺少 {wanted} 年工作日历；请依据《国务院办公厅关于{wanted}年"
            f"部分节假日安排的通知》添加 calendars/{wanted}.yaml（可用 `catalogkit calendar "
            f"add {wanted} …`）；在此之前，{wanted} 年的办结日期只按周末和日期固定的"
            f"法定节假日推算，为暂定日期",
            calendar_file(root, files, newest),
            ("year",),
            severity="warning",
            expected=f"calendars/{wanted}.yaml",
            found="nothing",
        )
    ]
