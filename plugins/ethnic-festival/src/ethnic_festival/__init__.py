"""ethnic-festival：地方民族节日放假。

Local governments may give days off for an ethnic festival. This plugin adds the
festival's days as closures of the locality where it is enabled (and everything below
it), so due dates counted in working days move past them; localities where it is not
enabled keep the national calendar.

Days are written as month-day strings ("04-20"), which repeat every year, or as full
dates ("2026-04-19"), which apply to that year only. Festivals on the lunar calendar
(such as 三月三) fall on a different day each year: list them as full dates per year.

Config::

    name: 三月三                  # required: the festival's name, shown on due dates
    days: ["04-20", "04-21"]      # required: "MM-DD" every year, or "YYYY-MM-DD"
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from catalogkit import Diagnostic
from catalogkit.plugins import Closure, PluginInfo, hookimpl

if TYPE_CHECKING:
    from catalogkit.resolve import Bundle

__version__ = "1.0.0"
NAME = "ethnic-festival"
DAY_PATTERN = r"^([0-9]{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

CONFIG_SCHEMA: dict[str, Any] = {
    "name": {"type": "string", "required": True, "empty": False, "maxlength": 50},
    "days": {
        "type": "list",
        "required": True,
        "minlength": 1,
        "schema": {"type": "string", "regex": DAY_PATTERN},
    },
}


@hookimpl
def catalogkit_plugin_info() -> PluginInfo:
    return PluginInfo(
        NAME,
        __version__,
        "地方民族节日放假：节日当天不计入工作日，期限相应顺延",
        CONFIG_SCHEMA,
    )


@hookimpl
def catalogkit_calendar(locality: str, year: int, config: Mapping[str, Any]) -> list[Closure]:
    name = str(config.get("name") or NAME)
    days = {day for text in config.get("days", []) if (day := festival_day(str(text), year))}
    return [Closure(day, name) for day in sorted(days)]


@hookimpl
def catalogkit_validate_catalog(
    bundle: Bundle, locality: str, config: Mapping[str, Any]
) -> list[Diagnostic]:
    """Every day is a real date ("02-30" is not; "02-29" is, in leap years)."""
    out: list[Diagnostic] = []
    entry = bundle.localities[locality]
    index = next((i for i, use in enumerate(entry.locality.plugins) if use.name == NAME), 0)
    for i, text in enumerate(config.get("days", [])):
        if not _possible(str(text)):
            out.append(
                Diagnostic(
                    "ethnic-festival-day",
                    f"plugin {NAME}: {text!r} is not a date",
                    f"插件 {NAME}：{text!r} 不是有效日期",
                    entry.source.file,
                    (*entry.source.path, "plugins", index, "config", "days", i),
                    expected="MM-DD or YYYY-MM-DD, a real date",
                    found=str(text),
                )
            )
    return out


def festival_day(text: str, year: int) -> dt.date | None:
    """The day `text` ("MM-DD" or "YYYY-MM-DD") names in `year`, or None."""
    parts = text.split("-")
    try:
        if len(parts) == 3:
            day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            return day if day.year == year else None
        return dt.date(year, int(parts[0]), int(parts[1]))
    except ValueError:  # 02-29 in a common year, or a malformed day (validate reports it)
        return None


def _possible(text: str) -> bool:
    parts = text.split("-")
    if len(parts) == 2:  # a month-day is possible when it exists in a leap year
        return festival_day(text, 2024) is not None
    return len(parts) == 3 and parts[0].isdigit() and festival_day(text, int(parts[0])) is not None
