"""island-ferry：海岛镇按坐班日分流。

An island town with few people runs several shared town-and-village service centers
(镇村共用便民服务中心) that open on different weekdays, because staff travel between
the islands by ferry. This plugin sends a case to a shared center that is open on the
weekday the case is submitted.

- It acts only on cases the catalog already sends to one of the configured centers;
  matters handled elsewhere (the county hall, a branch hall) are left alone.
- A center qualifies when it is open that weekday and is either the catalog's own
  venue for the case or has a window for the department that handles the matter there.
- When several qualify: the center that serves the applicant's own village first, then
  the catalog's venue, then the order of the config.
- When none is open that day the plugin answers None and the catalog's route stands.
- The choice keeps the role of the catalog's accepting hop: `decide` when the center
  that accepts the case also decides it there (an on-the-spot matter), else `accept`.

Config::

    centers:                       # 镇村共用便民服务中心及其开放日（1 = 周一 … 7 = 周日）
      - {venue: xiajiao-center, days: [1, 2, 3, 4, 5]}
      - {venue: shangjiao-center, days: [2, 4]}
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from catalogkit import Diagnostic
from catalogkit.engine import Route, route
from catalogkit.plugins import PluginInfo, VenueChoice, hookimpl

if TYPE_CHECKING:
    from catalogkit.plugins import CaseView
    from catalogkit.resolve import Bundle

__version__ = "1.0.0"
NAME = "island-ferry"
WEEKDAY_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_HOURS_DAYS: dict[str, tuple[int, ...]] = {
    "工作日": (1, 2, 3, 4, 5),
    **{name: (i,) for i, name in enumerate(WEEKDAY_ZH, 1)},
}

CONFIG_SCHEMA: dict[str, Any] = {
    "centers": {
        "type": "list",
        "required": True,
        "minlength": 1,
        "schema": {
            "type": "dict",
            "schema": {
                "venue": {
                    "type": "string",
                    "required": True,
                    "regex": "^[a-z0-9][a-z0-9-]{0,63}$",
                },
                "days": {
                    "type": "list",
                    "required": True,
                    "minlength": 1,
                    "schema": {"type": "integer", "min": 1, "max": 7},
                },
            },
        },
    },
}


@hookimpl
def catalogkit_plugin_info() -> PluginInfo:
    return PluginInfo(
        NAME,
        __version__,
        "海岛镇：按申请日（星期几）把案件分流到当天开放的镇村共用便民服务中心",
        CONFIG_SCHEMA,
    )


@hookimpl
def catalogkit_route(case: CaseView, config: Mapping[str, Any]) -> VenueChoice | None:
    centers = _centers(config)
    bundle = case.bundle
    found = route(bundle, case.matter_code, case.locality)
    catalog_venue = found.accepted_at.venue
    if catalog_venue is None or catalog_venue not in centers:
        return None  # not a case the shared centers handle
    weekday = case.submitted.isoweekday()
    department = _department(bundle, case, found)
    open_today = [
        venue
        for venue, days in centers.items()
        if weekday in days
        and venue in bundle.venues
        and (venue == catalog_venue or _serves(bundle, venue, department))
    ]
    if not open_today:
        return None
    home = _home_center(bundle, case.chain, centers)
    order = list(centers)
    chosen = min(open_today, key=lambda v: (v != home, v != catalog_venue, order.index(v)))
    day = WEEKDAY_ZH[weekday - 1]
    name = bundle.venues[chosen].item.name
    if chosen == catalog_venue:
        reason = f"申请日为{day}，{name}当天开放"
    else:
        usual = bundle.venues[catalog_venue].item.name
        closed = "" if weekday in centers[catalog_venue] else f"{usual}{day}不开放，"
        reason = f"申请日为{day}，{closed}由当天开放的{name}办理"
    return VenueChoice(chosen, reason, found.accepted_at.role)


@hookimpl
def catalogkit_validate_catalog(
    bundle: Bundle, locality: str, config: Mapping[str, Any]
) -> list[Diagnostic]:
    """Every configured venue exists, and is open (per its hours) on its configured days."""
    out: list[Diagnostic] = []
    entry = bundle.localities[locality]
    index = next((i for i, use in enumerate(entry.locality.plugins) if use.name == NAME), 0)
    base = (*entry.source.path, "plugins", index, "config", "centers")
    for i, center in enumerate(config.get("centers", [])):
        venue_id = str(center["venue"])
        owned = bundle.venues.get(venue_id)
        if owned is None:
            guess = difflib.get_close_matches(venue_id, list(bundle.venues), n=1)
            out.append(
                Diagnostic(
                    "island-ferry-venue",
                    f"plugin {NAME}: no venue {venue_id!r}"
                    + (f"; did you mean {guess[0]!r}?" if guess else ""),
                    f"插件 {NAME}：没有场所 {venue_id!r}"
                    + (f"；是否应为 {guess[0]!r}？" if guess else ""),
                    entry.source.file,
                    (*base, i, "venue"),
                    expected="a venue id of the catalog",
                    found=venue_id,
                    hint=guess[0] if guess else None,
                )
            )
            continue
        hours = {d for h in owned.item.hours for name in h.days for d in _HOURS_DAYS[name]}
        closed = sorted(set(center["days"]) - hours)
        if closed:
            shown = "、".join(WEEKDAY_ZH[d - 1] for d in closed)
            out.append(
                Diagnostic(
                    "island-ferry-days",
                    f"plugin {NAME}: {venue_id} is configured as open on days "
                    f"{closed}, but its opening hours do not include them",
                    f"插件 {NAME}：{owned.item.name}配置为{shown}开放，但其办公时间不含{shown}",
                    entry.source.file,
                    (*base, i, "days"),
                    severity="warning",
                    expected="days within the venue's opening hours",
                    found=str(closed),
                )
            )
    return out


def _centers(config: Mapping[str, Any]) -> dict[str, frozenset[int]]:
    """Configured centers, in config order, with their open weekdays (1 = Monday)."""
    out: dict[str, frozenset[int]] = {}
    for center in config.get("centers", []):
        out[str(center["venue"])] = frozenset(int(d) for d in center["days"])
    return out


def _department(bundle: Bundle, case: CaseView, found: Route) -> str:
    """The department that handles the matter where the catalog accepts it."""
    hop = found.accepted_at
    claim = bundle.claim(hop.locality, case.matter_code)
    if claim is not None and claim.claim.department:
        return claim.claim.department
    return case.matter.department


def _serves(bundle: Bundle, venue: str, department: str) -> bool:
    """A venue serves a department when one of its windows does (or it lists no windows)."""
    windows = bundle.venues[venue].item.windows
    return not windows or any(department in w.departments for w in windows)


def _home_center(
    bundle: Bundle, chain: tuple[str, ...], centers: Mapping[str, frozenset[int]]
) -> str | None:
    """The configured center nearest to the applicant: the one serving their village."""
    for code in chain:
        locality = bundle.localities[code].locality
        venues = [locality.served_by] if locality.served_by else [v.id for v in locality.venues]
        for venue in venues:
            if venue in centers:
                return venue
    return None
