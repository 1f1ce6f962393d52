"""Why a due date is what it is: short bilingual notes that decisions, `catalogkit due`
and the HTTP API show beside the dates, so staff can check a date by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

WEEKDAY_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class DueNote:
    """One reason, with a stable code for programs and a sentence in each language.

    Codes: accepted-same-day, weekend-service, accepted-later, after-hours,
    days-skipped, rest-day-end, paused, provisional."""

    code: str
    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def day_zh(day: dt.date) -> str:
    return f"{day.isoformat()}（{WEEKDAY_ZH[day.weekday()]}）"


def day_en(day: dt.date) -> str:
    return f"{day.isoformat()} ({WEEKDAY_EN[day.weekday()]})"


def provisional(year: int) -> DueNote:
    return DueNote(
        "provisional",
        f"{year} 年工作日历尚未载入：{year} 年的日期只按周末推算，未计法定节假日和调休，"
        f"为暂定日期；国务院办公厅公布 {year} 年节假日安排并载入 "
        f"calendars/{year}.yaml 后以正式日历为准",
        f"no working-day calendar for {year} is loaded yet: days in {year} are counted "
        f"skipping weekends only, without holidays or make-up days, so this date is "
        f"provisional until calendars/{year}.yaml is added from the State Council notice",
    )


def rest_day_end(last: dt.date, name: str | None, due: dt.date) -> DueNote:
    what_zh = name or "休息日"
    what_en = f"a day off ({name})" if name else "a rest day"
    return DueNote(
        "rest-day-end",
        f"期限末日 {day_zh(last)} 为{what_zh}，顺延至下一个工作日 {day_zh(due)}"
        f"（民法典第二百零三条）",
        f"the last day {day_en(last)} is {what_en}, so the limit ends on the next "
        f"working day {day_en(due)} (Civil Code art. 203)",
    )


def days_skipped(count: int, names: list[str]) -> DueNote:
    named_zh = f"，其中有{'、'.join(names)}" if names else ""
    named_en = f", including {', '.join(names)}" if names else ""
    return DueNote(
        "days-skipped",
        f"期限自受理次日起算（民法典第二百零一条），期间不计休息日和节假日 {count} 天{named_zh}",
        f"counting starts the day after acceptance (Civil Code art. 201); {count} rest "
        f"days and holidays are not counted{named_en}",
    )


def paused(days: int) -> DueNote:
    return DueNote(
        "paused",
        f"特别程序 {days} 天不计入期限（行政许可法第四十五条）",
        f"{days} days of special procedures are not counted (Administrative Licensing Law art. 45)",
    )
