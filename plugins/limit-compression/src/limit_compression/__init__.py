"""limit-compression：按比例压缩承诺时限。

A town that promises to work faster than the published limit: the promised limit of
every matter counted in working days (工作日) is cut by `percent`, rounded down, and
never below 1 working day. Limits on the spot (即时) or in calendar days (自然日) are
left alone. The engine keeps the shortest promised limit that applies and never one
above the statutory limit, so the plugin can only shorten a limit.

By default it applies only where the case is accepted at the town, a village or a
group (levels town, village, group): a town cannot promise for the county hall. Add
`county` to `levels` to compress the limits of matters accepted at the county as well.

Config::

    percent: 30                       # required: how much shorter, 0 < percent < 100
    levels: [town, village, group]    # optional: where the accepting venue must be
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from catalogkit.engine import route
from catalogkit.model.matter import TimeLimit
from catalogkit.plugins import LimitChoice, PluginInfo, hookimpl

if TYPE_CHECKING:
    from catalogkit.plugins import CaseView

__version__ = "1.0.0"
NAME = "limit-compression"
LEVELS = ("county", "town", "village", "group")
DEFAULT_LEVELS = ("town", "village", "group")

CONFIG_SCHEMA: dict[str, Any] = {
    "percent": {"type": "number", "required": True, "min": 1, "max": 99},
    "levels": {
        "type": "list",
        "minlength": 1,
        "schema": {"type": "string", "allowed": list(LEVELS)},
        "default": list(DEFAULT_LEVELS),
    },
}


@hookimpl
def catalogkit_plugin_info() -> PluginInfo:
    return PluginInfo(
        NAME,
        __version__,
        "按比例压缩以工作日计的承诺时限（向下取整，最少 1 个工作日）",
        CONFIG_SCHEMA,
    )


@hookimpl
def catalogkit_time_limit(case: CaseView, config: Mapping[str, Any]) -> LimitChoice | None:
    base = case.promised_limit
    if base is None or base.unit != "工作日" or base.value <= 1:
        return None
    levels = config.get("levels") or DEFAULT_LEVELS
    accepted = route(case.bundle, case.matter_code, case.locality).accepted_at
    if case.bundle.locality(accepted.locality).level not in levels:
        return None
    percent = _percent(config.get("percent"))
    days = compress(base.value, percent)
    if days >= base.value:
        return None
    shown = f"{float(percent):g}"
    return LimitChoice(
        TimeLimit(value=days, unit="工作日", note=f"原承诺 {base.value} 个工作日，压缩 {shown}%"),
        f"承诺时限压缩 {shown}%（{base.value} → {days} 个工作日）",
    )


def _percent(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 100:
        raise ValueError(f"config 'percent' must be a number between 0 and 100, not {value!r}")
    return Fraction(str(value))


def compress(days: int, percent: Fraction | int | float) -> int:
    """`days` cut by `percent`, rounded down, never below 1."""
    share = Fraction(str(percent)) if isinstance(percent, float) else Fraction(percent)
    return max(1, math.floor(days * (100 - share) / 100))
