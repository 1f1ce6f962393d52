"""Why a due date is what it is: short bilingual notes that decisions, `catalogkit due`
and the HTTP API show beside the dates, so staff can check a date by hand.

A note keeps its code and facts (plain values, so that equal decisions compare equal);
its sentences are written only when shown, so that a decision pays for no text it does
not print."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

WEEKDAY_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day_zh(day: dt.date) -> str:
    return f"{day.isoformat()}（{WEEKDAY_ZH[day.weekday()]}）"


def day_en(day: dt.date) -> str:
    return f"{day.isoformat()} ({WEEKDAY_EN[day.weekday()]})"


def _same_day(venue: str, venue_en: str, day: dt.date) -> tuple[str, str]:
    return (
        f"{day_zh(day)}为{venue}受理日，当日受理",
        f"{day_en(day)} is a day {venue_en} accepts: accepted that day",
    )


def _weekend(venue: str, venue_en: str, day: dt.date) -> tuple[str, str]:
    return (
        f"{day_zh(day)}为休息日，{venue}当日开放（延时服务），当日受理",
        f"{day_en(day)} is a rest day on which {venue_en} is open: accepted that day",
    )


def _later(
    venue: str, venue_en: str, day: dt.date, why: str | None, to: dt.date
) -> tuple[str, str]:
    """`why`: the name of a day off, "" for a rest day, None for a day the venue is shut."""
    if why is None:
        zh, en = "非办公日", "a day it is not open"
    elif why:
        zh, en = why, f"a day off ({why})"
    else:
        zh, en = "休息日", "a rest day"
    return (
        f"{day_zh(day)}为{zh}，{venue}不受理；按其下一个受理日 {day_zh(to)}受理，期限自该日起算",
        f"{day_en(day)} is {en}, when {venue_en} does not accept; the acceptance day is "
        f"taken as {day_en(to)}, the next day it accepts, and the limit counts from there",
    )


def _after_hours(
    venue: str, venue_en: str, time: str, closing: str, to: dt.date
) -> tuple[str, str]:
    return (
        f"申请时间 {time} 已过{venue}当日 {closing} 的受理截止时间；按其下一个受理日 "
        f"{day_zh(to)}受理，期限自该日起算",
        f"{time} is after {venue_en} closes ({closing}) that day; the acceptance day is "
        f"taken as {day_en(to)}, the next day it accepts, and the limit counts from there",
    )


def _carried(
    venue: str, venue_en: str, handed: dt.date, legs: int, arrives: dt.date
) -> tuple[str, str]:
    return (
        f"{day_zh(handed)}交代办员代办，经 {legs} 段代办按各自代办时限转交，"
        f"{day_zh(arrives)}送达{venue}",
        f"handed to a proxy agent on {day_en(handed)}; carried on over {legs} "
        f"leg{'s' if legs != 1 else ''} within their proxy limits, it reaches {venue_en} "
        f"on {day_en(arrives)}",
    )


def _skipped(
    accepted: dt.date, due: dt.date, count: int, names: tuple[str, ...]
) -> tuple[str, str]:
    named_zh = f"，其中有{'、'.join(names)}" if names else ""
    named_en = f", including {', '.join(names)}" if names else ""
    return (
        f"期限自受理次日起算（民法典第二百零一条）；至 {day_zh(due)}不计休息日和节假日 "
        f"{count} 天{named_zh}",
        f"counting starts the day after acceptance (Civil Code art. 201); up to "
        f"{day_en(due)}, {count} day{'s' if count != 1 else ''} off (rest days and "
        f"holidays) not counted{named_en}",
    )


def _rest_day_end(last: dt.date, name: str | None, due: dt.date) -> tuple[str, str]:
    what_en = f"a day off ({name})" if name else "a rest day"
    return (
        f"期限末日 {day_zh(last)}为{name or '休息日'}，顺延至下一个工作日 {day_zh(due)}"
        f"（民法典第二百零三条）",
        f"the last day {day_en(last)} is {what_en}, so the limit ends on the next "
        f"working day {day_en(due)} (Civil Code art. 203)",
    )


def _paused(days: int) -> tuple[str, str]:
    return (
        f"特别程序 {days} 天不计入期限（行政许可法第四十五条）",
        f"{days} days of special procedures are not counted (Administrative Licensing Law art. 45)",
    )


def _provisional(year: int) -> tuple[str, str]:
    return (
        f"{year} 年工作日历尚未载入：{year} 年的日期只按周末和日期固定的法定节假日"
        f"（元旦、劳动节、国庆节）推算，未计春节、清明、端午、中秋和调休，"
        f"为暂定日期；国务院办公厅公布 {year} 年节假日安排并载入 "
        f"calendars/{year}.yaml 后以正式日历为准",
        f"no working-day calendar for {year} is loaded yet: days in {year} are counted "
        f"skipping weekends and the fixed-date holidays (New Year's Day, Labour Day, "
        f"National Day) only, without the lunar holidays or make-up days, so this date is "
        f"provisional until calendars/{year}.yaml is added from the State Council notice",
    )


TEXTS: dict[str, Callable[..., tuple[str, str]]] = {
    "accepted-same-day": _same_day,
    "weekend-service": _weekend,
    "accepted-later": _later,
    "after-hours": _after_hours,
    "carried": _carried,
    "days-skipped": _skipped,
    "rest-day-end": _rest_day_end,
    "paused": _paused,
    "provisional": _provisional,
}
"""Every note code, with what writes its two sentences."""


class DueNote(NamedTuple):
    """One reason: a stable code for programs and the facts its sentences need (a tuple,
    cheap to make on every decision)."""

    code: str
    facts: tuple[Any, ...]

    @property
    def zh(self) -> str:
        return TEXTS[self.code](*self.facts)[0]

    @property
    def en(self) -> str:
        return TEXTS[self.code](*self.facts)[1]

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def as_dict(self) -> dict[str, str]:
        zh, en = TEXTS[self.code](*self.facts)
        return {"code": self.code, "message": en, "message_zh": zh}


def provisional(year: int) -> DueNote:
    return DueNote("provisional", (year,))
