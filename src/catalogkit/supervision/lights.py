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

from ..ledger import STATES
from ..model import WarningLights
from .opencases import OpenCase
from .reckoner import Reckoner
from .workdays import DayCounts

RANK = {"red": 0, "yellow": 1, "green": 2, "unknown": 3}
ZH = {"red": "红灯", "yellow": "黄灯", "green": "绿灯", "unknown": "无法计算"}


@dataclass(frozen=True, slots=True)
class Light:
    case: OpenCase
    light: str
    measured: str  # "acceptance" (受理决定) or "promised" (承诺时限)
    limit: int | None
    used: int | None
    left: int | None
    paused_by: str | None
    why_en: str
    why_zh: str

    @property
    def percent(self) -> int | None:
        if self.limit is None or self.used is None or self.limit <= 0:
            return None
        return round(100 * self.used / self.limit)


def lights_of(cases: Iterable[OpenCase], reckoner: Reckoner, today: dt.date) -> list[Light]:
    """Every case's light, red first, then yellow, green and unknown; newest first within."""
    out = [light_of(c, reckoner, today) for c in cases]
    out.sort(key=lambda lt: (lt.case.applied_on, lt.case.case_no), reverse=True)
    out.sort(key=lambda lt: RANK[lt.light])
    return out


def light_of(case: OpenCase, reckoner: Reckoner, today: dt.date) -> Light:
    days = reckoner.days(case.locality)
    if days is None:
        return _unknown(
            case, "the case's locality is no longer in the catalog", "办件所属区划已不在目录中"
        )
    th = reckoner.thresholds(case.holder)
    state, clock = case.state, case.clock
    if state in ("applied", "prechecked", "awaiting-materials"):
        end = (case.last_on or today) if state == "awaiting-materials" else today
        used = days.between(case.applied_on, end)
        paused = "补正" if state == "awaiting-materials" else None
        return _judge(case, "acceptance", th.acceptance_days, used, None, paused, th)
    start = clock.get("start")
    if start is None:
        return _unknown(case, "the clock has no start", "计时起点不明")
    begun = dt.date.fromisoformat(start)
    limit = _working_limit(case.limits)
    paused_by = clock.get("pausedBy")
    if state == "correcting":  # 补正 restarts the whole limit when materials arrive
        return _judge(case, "promised", limit, 0, None, paused_by or "补正", th)
    since = clock.get("pausedSince")
    end = today if since is None else dt.date.fromisoformat(since) - dt.timedelta(days=1)
    used = _used(days, begun, end, clock.get("pauses") or [])
    if since is not None:
        return _judge(case, "promised", limit, used, None, paused_by, th)
    if case.promised_due is None:
        return _unknown(case, "no promised due date to count on", "没有可计算的承诺办结日期")
    left = days.between(today, case.promised_due)
    if left is not None and used is not None:
        limit = used + left  # the due date the ledger stored is the measure
    return _judge(case, "promised", limit, used, left, None, th)


def _used(days: DayCounts, start: dt.date, end: dt.date, pauses: list[list[str]]) -> int | None:
    used = days.between(start, end)
    for a, b in pauses:
        inside = days.within(dt.date.fromisoformat(a), dt.date.fromisoformat(b))
        if used is None or inside is None:
            return None
        used -= inside
    return None if used is None else max(used, 0)


def _working_limit(limits: dict[str, object] | None) -> int | None:
    promised = (limits or {}).get("promised")
    if isinstance(promised, dict) and promised.get("unit") == "工作日":
        value = promised.get("value")
        return value if isinstance(value, int) else None
    return None


def _judge(
    case: OpenCase,
    measured: str,
    limit: int | None,
    used: int | None,
    left: int | None,
    paused_by: str | None,
    th: WarningLights,
) -> Light:
    if left is None and limit is not None and used is not None:
        left = limit - used
    if limit is None or used is None or left is None:
        return _unknown(case, "the limit or the days used are not known", "时限或已用天数不明")
    yellow_days, yellow_pct = th.yellow_days_left, th.yellow_percent_used
    if left < 0:
        light = "red"
    elif left <= yellow_days or (limit > 0 and used * 100 >= yellow_pct * limit):
        light = "yellow"
    else:
        light = "green"
    what_en = "deciding on acceptance" if measured == "acceptance" else "the promised limit"
    what_zh = "受理决定" if measured == "acceptance" else "承诺时限"
    en = f"{used} of {limit} working days used ({what_en}); "
    en += f"{-left} working days overdue" if left < 0 else f"{left} left"
    zh = f"{what_zh}{limit}个工作日，已用{used}个；"
    zh += f"已超期{-left}个工作日" if left < 0 else f"剩余{left}个"
    if paused_by:
        en += f"; the clock is stopped ({paused_by})"
        zh += f"；计时中止（{paused_by}）"
    zh += f"；{STATES.get(case.state, case.state)}，{_where(case)}"
    en += f"; {case.state} at {case.holder}" + (
        f", in transit to {case.in_transit_to}" if case.in_transit_to else ""
    )
    return Light(case, light, measured, limit, used, left, paused_by, en, zh)


def _where(case: OpenCase) -> str:
    if case.in_transit_to:
        return f"由 {case.holder} 转送 {case.in_transit_to} 途中"
    return f"在 {case.holder}"


def _unknown(case: OpenCase, en: str, zh: str) -> Light:
    return Light(case, "unknown", "promised", None, None, None, None, en, zh)
