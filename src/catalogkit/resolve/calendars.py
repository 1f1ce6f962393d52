"""Calendar files: every date in its year, no date twice, make-up days on weekends."""

from __future__ import annotations

from .code_index import Index
from .references import dangling
from .sources import Problems


def check_calendars(index: Index, p: Problems, declared: set[str]) -> None:
    for (year, scope), (doc, src) in index.calendars.items():
        if scope is not None and scope not in index.localities and scope not in declared:
            dangling(p, "locality", "区划", scope, list(index.localities), src.at("scope"))
        seen: dict[object, int] = {}
        for i, day in enumerate(doc.days):
            where = src.at("days", i, "date")
            if day.date.year != year:
                p.add(
                    "date-outside-year",
                    f"{day.date} is not in {year}; put it in the {day.date.year} file",
                    f"{day.date} 不属于 {year} 年；请写入 {day.date.year} 年的日历文件",
                    where,
                    expected=str(year),
                    found=str(day.date),
                )
            if day.date in seen:
                p.add(
                    "duplicate-date",
                    f"{day.date} is listed twice (first as days[{seen[day.date]}])",
                    f"{day.date} 重复列出（第一次为 days[{seen[day.date]}]）",
                    where,
                    found=str(day.date),
                )
            seen.setdefault(day.date, i)
            if not day.is_off_day and day.date.weekday() < 5:
                p.add(
                    "makeup-on-weekday",
                    f"{day.date} is a weekday: a make-up working day (isOffDay: false) "
                    "must fall on a Saturday or Sunday",
                    f"{day.date} 为工作日，调休上班日（isOffDay: false）应为周六或周日",
                    src.at("days", i, "isOffDay"),
                    expected="a weekend date",
                    found=str(day.date),
                )
