"""The warning light of every open case (红黄绿灯), and why.

Counted in working days on the case's calendar, from the day its clock started:
- before 受理, against the time to decide on acceptance (five working days by default);
- after 受理, against the promised limit, up to the promised due date the ledger
  stored (which already skips special procedures and restarts after 补正);
- while the clock stands still (补正, 特别程序) the light keeps the days counted so far
  and says it is paused; a case with no due date it can count on is `unknown`.
Red: past the limit. Yellow: `yellowDaysLeft` or fewer working days left, or
`yellowPercentUsed` of the limit used. Green otherwise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

from ..ledger import STATES
from .opencases import OpenCase, Pause
from .reckoner import Reckoner
from .workdays import DayCounts

_NUMBER = attrgetter("case.case_no")
_PAUSED = ("special", "correcting")
RANK = {"red": 0, "yellow": 1, "green": 2, "unknown": 3}
ZH = {"red": "红灯", "yellow": "黄灯", "green": "绿灯", "unknown": "无法计算"}


@dataclass(slots=True)
class Light:
    case: OpenCase
    light: str
    measured: str  # "acceptance" (受理决定) or "promised" (承诺时限)
    limit: int | None
    used: int | None
    left: int | None
    paused_by: str | None

    @property
    def percent(self) -> int | None:
        if self.limit is None or self.used is None or self.limit <= 0:
            return None
        return round(100 * self.used / self.limit)

    @property
    def why_en(self) -> str:
        """Why this light, in English (made when asked: most lights are never shown)."""
        if self.limit is None or self.used is None or self.left is None:
            return _UNKNOWN[self.measured][0]
        what = "deciding on acceptance" if self.measured == "acceptance" else "the promised limit"
        left = self.left
        en = f"{self.used} of {self.limit} working days used ({what}); "
        en += f"{-left} working days overdue" if left < 0 else f"{left} left"
        if self.paused_by:
            en += f"; the clock is stopped ({self.paused_by})"
        c = self.case
        return (
            en
            + f"; {c.state} at {c.holder}"
            + (f", in transit to {c.in_transit_to}" if c.in_transit_to else "")
        )

    @property
    def why_zh(self) -> str:
        if self.limit is None or self.used is None or self.left is None:
            return _UNKNOWN[self.measured][1]
        what = "受理决定" if self.measured == "acceptance" else "承诺时限"
        left = self.left
        zh = f"{what}{self.limit}个工作日，已用{self.used}个；"
        zh += f"已超期{-left}个工作日" if left < 0 else f"剩余{left}个"
        if self.paused_by:
            zh += f"；计时中止（{self.paused_by}）"
        c = self.case
        where = f"在 {c.holder}"
        if c.in_transit_to:
            where = f"由 {c.holder} 转送 {c.in_transit_to} 途中"
        return zh + f"；{STATES.get(c.state, c.state)}，{where}"


_UNKNOWN = {  # why a light cannot be counted, by what stopped it
    "gone": ("the case's locality is no longer in the catalog", "办件所属区划已不在目录中"),
    "no-start": ("the clock has no start", "计时起点不明"),
    "no-due": ("no promised due date to count on", "没有可计算的承诺办结日期"),
    "no-limit": (
        "limit unknown: the decision stored at acceptance gave no promised limit in working days",
        "时限未知：受理时存档的决定没有以工作日计的承诺时限",
    ),
    "promised": ("the limit or the days used are not known", "时限或已用天数不明"),
    "acceptance": ("the limit or the days used are not known", "时限或已用天数不明"),
}
Measure = tuple[str, int | None, int | None, int | None, str | None]
"""(what is measured, limit, days used, days left, what paused the clock)"""


def lights_of(cases: Iterable[OpenCase], reckoner: Reckoner, today: dt.date) -> list[Light]:
    """Every case's light, red first, then yellow, green and unknown; newest first within.
    Cases with the same clock on the same calendar are counted once (`measure`)."""
    kept: dict[tuple[object, ...], tuple[str, str, int | None, int | None, int | None, str | None]]
    kept = {}
    buckets: dict[str, list[Light]] = {name: [] for name in RANK}
    for c in cases:
        state = c.state
        key = (
            c.locality, c.holder, state, c.clock_start, c.paused_since, c.pauses,
            c.promised_due, c.applied_on, c.last_on if state == "awaiting-materials" else None,
            c.promised_days if state in _PAUSED else None, c.paused_by,
        )  # fmt: skip
        found = kept.get(key)
        if found is None:
            judged = _judge(c, measure(c, reckoner, today), reckoner)
            found = kept[key] = (
                judged.light, judged.measured, judged.limit, judged.used, judged.left,
                judged.paused_by,
            )  # fmt: skip
        buckets[found[0]].append(Light(c, *found))
    out: list[Light] = []
    for bucket in buckets.values():  # a case number carries its day: newest first
        bucket.sort(key=_NUMBER, reverse=True)
        out.extend(bucket)
    return out


def light_of(case: OpenCase, reckoner: Reckoner, today: dt.date) -> Light:
    return _judge(case, measure(case, reckoner, today), reckoner)


def measure(case: OpenCase, reckoner: Reckoner, today: dt.date) -> Measure:
    """What a case's light is measured against, and the days used and left."""
    days = reckoner.days(case.locality)
    if days is None:
        return ("gone", None, None, None, None)
    state = case.state
    if state in ("applied", "prechecked", "awaiting-materials"):
        end = (case.last_on or today) if state == "awaiting-materials" else today
        used = days.between(case.applied_on, end)
        paused = "补正" if state == "awaiting-materials" else None
        return ("acceptance", None, used, None, paused)  # the limit is the venue's
    start = case.clock_start
    if start is None:
        return ("no-start", None, None, None, None)
    limit = case.promised_days
    paused_by = case.paused_by
    if state == "correcting":  # 补正 restarts the whole limit when materials arrive
        return (
            "promised" if limit is not None else "no-limit",
            limit,
            0,
            limit,
            paused_by or "补正",
        )
    since = case.paused_since
    end = today if since is None else since - dt.timedelta(days=1)
    used = _used(days, start, end, case.pauses)
    if since is not None:
        left = None if limit is None or used is None else limit - used
        return ("promised" if limit is not None else "no-limit", limit, used, left, paused_by)
    if case.promised_due is None:
        return ("no-due" if limit is not None else "no-limit", None, None, None, None)
    left = days.between(today, case.promised_due)
    if left is not None and used is not None:
        limit = used + left  # the due date the ledger stored is the measure
    return ("promised", limit, used, left, None)


def _used(days: DayCounts, start: dt.date, end: dt.date, pauses: Iterable[Pause]) -> int | None:
    used = days.between(start, end)
    for a, b in pauses:
        inside = days.within(a, b)
        if used is None or inside is None:
            return None
        used -= inside
    return None if used is None else max(used, 0)


def _judge(case: OpenCase, found: Measure, reckoner: Reckoner) -> Light:
    measured, limit, used, left, paused_by = found
    th = reckoner.thresholds(case.holder)
    if measured == "acceptance":
        limit = th.acceptance_days
        left = None if used is None else limit - used
    if limit is None or used is None or left is None:
        return Light(case, "unknown", measured, None, None, None, None)
    if left < 0:
        light = "red"
    elif left <= th.yellow_days_left or used * 100 >= th.yellow_percent_used * max(limit, 1):
        light = "yellow"
    else:
        light = "green"
    return Light(case, light, measured, limit, used, left, paused_by)
