"""How a guide's limits are counted, and whether dates counted today are provisional:
the acceptance day, the units' counting rules and a missing calendar year: the rules a
decision's date notes state (calendar.notes), in words for residents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..calendar import VenueHours
from ..calendar.due import CALENDAR_DAYS, MONTHS, ON_THE_SPOT
from ..engine import Engine
from ..model import TimeLimit, Venue
from ..resolve import horizon

_TEXT = {
    "zh": {
        "later": "申请在{venue}不受理的日子（休息日、节假日或不办公的日子）或下班后提交的，"
        "自{venue}下一个受理日受理，期限自该日起算",
        "weekend": "{venue}休息日也开放（延时服务），开放时提交的当日受理；在节假日或下班后"
        "提交的，自其下一个受理日受理，期限自该日起算",
        "next_day": "期限自受理次日起算（民法典第二百零一条）",
        "same_day": "期限自受理当日起算",
        "working": "工作日期限不计休息日和法定节假日",
        "calendar": "自然日期限（含按月、按年计算的期限）末日为休息日或节假日的，"
        "顺延至节假日后第一个工作日（民法典第二百零三条）",
        "spot": "即办件受理当日办结",
        "provisional": "今天（{today}）提交的申请，{dates}。原因：{why}",
        "due": "{label}为 {due}（暂定）",
        "and": "，",
        "why": "{year} 年节假日安排尚未载入，{year} 年的日期只按周末和元旦、劳动节、国庆节推算，"
        "未计春节、清明、端午、中秋和调休，"
        "以国务院办公厅公布的 {year} 年节假日安排为准",
        "join": "；",
        "end": "。",
    },
    "en": {
        "later": "a case handed in when {venue} does not accept (a rest day, a holiday, a day "
        "it is shut, or after hours) is accepted on its next accepting day, and the limit "
        "counts from there",
        "weekend": "{venue} is also open on rest days (extended service): a case handed in "
        "while it is open is accepted that day; on a holiday or after hours, on its next "
        "accepting day, and the limit counts from there",
        "next_day": "counting starts the day after acceptance (Civil Code art. 201)",
        "same_day": "counting starts on the day of acceptance",
        "working": "working days leave out rest days and public holidays",
        "calendar": "a limit in calendar days, months or years whose last day is a rest day "
        "or holiday ends on the first working day after it (Civil Code art. 203)",
        "spot": "matters handled on the spot are done on the day of acceptance",
        "provisional": "for a case handed in today ({today}): {dates}. Why: {why}",
        "due": "{label} {due} (provisional)",
        "and": ", ",
        "why": "the {year} holiday schedule is not loaded yet, so days in {year} are counted "
        "skipping weekends and the fixed-date holidays (New Year's Day, Labour Day, National "
        "Day) only, without the lunar holidays or make-up working days; the "
        "State Council's {year} holiday schedule prevails",
        "join": "; ",
        "end": ".",
    },
}


def today_or_pinned(today: dt.date | None) -> dt.date:
    """The guide's date: the one given, else $CATALOGKIT_TODAY, else the system date."""
    return today if today is not None else horizon.today()


def counting_text(
    limits: Iterable[TimeLimit | None], venue: Venue | None, next_day: bool, lang: str
) -> str:
    """One line on how the limits are counted: when the clock starts, what it skips and
    where a calendar-day limit ends."""
    t = _TEXT[lang]
    units = {limit.unit for limit in limits if limit is not None}
    name = venue.name if venue is not None else ("受理场所" if lang == "zh" else "the venue")
    weekend = venue is not None and any(VenueHours.of(name, venue.hours).weekdays[5:])
    parts = [t["weekend" if weekend else "later"].format(venue=name)]
    if units - ON_THE_SPOT:
        parts.append(t["next_day" if next_day else "same_day"])
    if "工作日" in units:
        parts.append(t["working"])
    if units & (CALENDAR_DAYS | set(MONTHS)):
        parts.append(t["calendar"])
    if units & ON_THE_SPOT:
        parts.append(t["spot"])
    return t["join"].join(parts) + t["end"]


def provisional_text(
    engine: Engine,
    limits: Iterable[tuple[str, TimeLimit | None]],
    locality: str,
    venue: str | None,
    today: dt.date,
    lang: str,
) -> str | None:
    """「暂定：…」 when a limit counted from a case handed in `today` ends on a date that
    is provisional (its year has no working-day calendar yet), with the dates and why;
    None when every date counted today is final."""
    t = _TEXT[lang]
    dates: list[str] = []
    why: list[str] = []
    for label, limit in limits:
        if limit is None:
            continue
        found = engine.due(today, limit.value, limit.unit, locality=locality, venue=venue)
        if not found.provisional:
            continue
        dates.append(t["due"].format(label=label, due=found.due.isoformat()))
        for note in found.notes:
            if note.code == "provisional":
                reason = t["why"].format(year=note.facts[0])
                why += [] if reason in why else [reason]
    if not dates:
        return None
    text = t["provisional"].format(
        today=today.isoformat(), dates=t["and"].join(dates), why=t["join"].join(why)
    )
    return text + t["end"]
