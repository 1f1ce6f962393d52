"""Every hook a catalogkit plugin can implement.

Rules that hold for all hooks:
- every hook is called once per plugin that is *enabled* for the locality concerned
  (in the catalog YAML, on that locality or one above it), with that plugin's config;
- the engine combines answers by a declared rule (see each hook), never by the order
  plugins were registered in, so no answer depends on it;
- a hook that raises, or returns something of the wrong type, is an error naming the
  plugin, the hook, its file and the locality.

Hooks receive `case`, a read-only `CaseView` (see `catalogkit.plugins.case_view`): its
`matter`, `locality`, `chain`, `facts`, `materials`, `submitted`, `channel` and `bundle`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pluggy

from .answers import (
    Closure,
    FeeCharge,
    FeeWaiver,
    GuideSection,
    LimitChoice,
    MaterialChanges,
    PluginInfo,
    Refusal,
    VenueChoice,
)
from .case_view import CaseView

if TYPE_CHECKING:
    from ..errors import Diagnostic
    from ..resolve import Bundle

PROJECT = "catalogkit"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec(firstresult=True)
def catalogkit_plugin_info() -> PluginInfo:
    """Describe the plugin: name, version, description and the cerberus schema of its
    config (checked by `catalogkit validate` wherever the catalog enables it).

    firstresult: called on each plugin by itself.

    Example::

        @hookimpl
        def catalogkit_plugin_info():
            return PluginInfo("fee-waiver", "1.0.0", "减免低保户费用",
                              {"households": {"type": "list", "required": True}})
    """
    raise NotImplementedError


@hookspec
def catalogkit_route(case: CaseView, config: Mapping[str, Any]) -> VenueChoice | None:
    """Send a case to a venue other than the catalog's route (an island town routing
    to whichever shared center is open on the day).

    Combination: UNIQUE. All answers that are not None must name the same venue, and so
    must the catalog's routing rules; otherwise the decision fails with a conflict
    naming both contributors.

    Example::

        @hookimpl
        def catalogkit_route(case, config):
            if case.submitted.weekday() in (1, 3):
                return VenueChoice("beigang-center", "周二、周四北港中心坐班")
            return None
    """


@hookspec
def catalogkit_materials(case: CaseView, config: Mapping[str, Any]) -> MaterialChanges | None:
    """Add materials this case needs, or waive ones by name.

    Combination: COLLECT. Every extra material is required; a material is waived when
    any plugin or rule waives it.

    Example::

        @hookimpl
        def catalogkit_materials(case, config):
            if case.facts.get("household_type") == "低保户":
                return MaterialChanges(waived=("收入证明",), reason="已在民政系统登记")
            return None
    """


@hookspec
def catalogkit_fees(case: CaseView, config: Mapping[str, Any]) -> list[FeeCharge]:
    """Charge extra fee items for this case.

    Combination: COLLECT (items are listed in order of their ids).

    Example::

        @hookimpl
        def catalogkit_fees(case, config):
            return [FeeCharge("ferry", "渡船代办费", 0.0, "示例")]
    """
    return []


@hookspec
def catalogkit_fee_waivers(
    case: CaseView, config: Mapping[str, Any], fees: tuple[str, ...]
) -> list[FeeWaiver]:
    """Reduce or waive fees of this case; `fees` are the ids of the items charged.

    Combination: COLLECT; several waivers of one fee take the largest share, and
    every waiver is shown with its basis.

    Example::

        @hookimpl
        def catalogkit_fee_waivers(case, config, fees):
            if case.facts.get("household_type") in config["households"]:
                return [FeeWaiver(f, 1.0, config["basis"]) for f in fees]
            return []
    """
    return []


@hookspec
def catalogkit_time_limit(case: CaseView, config: Mapping[str, Any]) -> LimitChoice | None:
    """A promised limit for this case (a town compressing limits by a percentage).

    Combination: the shortest promised limit that applies wins, and it is never
    longer than the statutory limit.

    Example::

        @hookimpl
        def catalogkit_time_limit(case, config):
            base = case.promised_limit
            if base and base.unit == "工作日":
                days = max(1, int(base.value * (100 - config["percent"]) / 100))
                return LimitChoice(TimeLimit(value=days, unit="工作日"), "压缩承诺时限")
            return None
    """


@hookspec
def catalogkit_eligibility(case: CaseView, config: Mapping[str, Any]) -> list[Refusal]:
    """Reasons this application cannot be granted.

    Combination: any refusal wins, and every refusal is listed with its basis.

    Example::

        @hookimpl
        def catalogkit_eligibility(case, config):
            if case.facts.get("age", 0) < config["min_age"]:
                return [Refusal("未达到年龄条件", "某镇高龄补贴实施办法")]
            return []
    """
    return []


@hookspec
def catalogkit_calendar(locality: str, year: int, config: Mapping[str, Any]) -> list[Closure]:
    """Extra days off for a locality and everything below it (a local festival, a hall
    closure), in one year.

    Combination: COLLECT (the union of all days off).

    Example::

        @hookimpl
        def catalogkit_calendar(locality, year, config):
            return [Closure(dt.date(year, 4, 3), "三月三")]
    """
    return []


@hookspec
def catalogkit_guide_sections(
    matter: str, locality: str, bundle: Bundle, config: Mapping[str, Any]
) -> list[GuideSection]:
    """Extra sections of a matter's service guide as seen from a locality.

    Combination: COLLECT, ordered by `order` then title.

    Example::

        @hookimpl
        def catalogkit_guide_sections(matter, locality, bundle, config):
            return [GuideSection("渡船时间", "每日 7:00、13:00 两班")]
    """
    return []


@hookspec
def catalogkit_validate_catalog(
    bundle: Bundle, locality: str, config: Mapping[str, Any]
) -> list[Diagnostic]:
    """Extra checks of the catalog where the plugin is enabled, reported by
    `catalogkit validate` like its own.

    Combination: COLLECT.

    Example::

        @hookimpl
        def catalogkit_validate_catalog(bundle, locality, config):
            return []
    """
    return []
