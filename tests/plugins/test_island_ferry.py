"""island-ferry on the demo's island town 东礁镇 (339901102): its two shared centers,
下东礁 (xiajiao-center, weekdays) and 上东礁 (shangjiao-center, Tuesday and Thursday)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from cerberus import Validator

from catalogkit import Bundle
from catalogkit.engine import Engine
from catalogkit.plugins import VenueChoice

from .conftest import case, enabled_on, engine, plugin_module, plugin_sources, plugins_of, view

NAME = "island-ferry"
island_ferry = plugin_module(NAME)

TOWN = "339901102"  # 东礁镇
SANJIAO = "339901102001"  # 三角街社区, served by xiajiao-center
SHANGJIAO = "339901102202"  # 上礁村, served by shangjiao-center
BAISHA = "339901101201"  # 白沙村 of 清溪镇, an ordinary town
DONGSHANTOU = "339901001201"  # 东山头村 of 湖滨街道
MONDAY, TUESDAY = dt.date(2026, 3, 2), dt.date(2026, 3, 3)
SATURDAY, SUNDAY = dt.date(2026, 3, 7), dt.date(2026, 3, 8)

# 城乡居民养老保险参保登记: decided at the village's own center
PENSION = ("MH-RS-0001", {"age": 45, "is_student": False, "by_agent": False})
RELIEF = ("MH-MZ-0003", {"cause": "火灾"})  # decided by the town at xiajiao-center
TEMP_ID: tuple[str, dict[str, Any]] = ("MH-GA-0003", {})  # police window: only at xiajiao-center
MARRIAGE: tuple[str, dict[str, Any]] = (
    "MH-MZ-0006",
    {},
)  # county marriage hall, not a shared center


@pytest.fixture(scope="module")
def ferry(demo: Bundle) -> Engine:
    return engine(demo, NAME, island_ferry)


@pytest.fixture(scope="module")
def bare(demo: Bundle) -> Engine:
    return engine(demo)


def where(e: Engine, what: tuple[str, dict[str, Any]], locality: str, day: dt.date) -> str | None:
    decision = e.decide(case(e.bundle, what[0], locality, day, what[1]))
    assert decision.outcome == "accept", decision
    return decision.handled_at


def test_demo_enables_it_on_the_island_town_only(demo: Bundle) -> None:
    assert enabled_on(demo, NAME) == [TOWN]


def test_demo_config_fits_the_schema_and_the_venues(demo: Bundle) -> None:
    (use,) = [u for u in demo.locality(TOWN).plugins if u.name == NAME]
    assert Validator(island_ferry.CONFIG_SCHEMA).validate(dict(use.config))
    found = plugins_call_validate(demo, dict(use.config))
    assert found == []


def test_without_the_plugin_the_catalog_routes_by_village(bare: Engine) -> None:
    assert where(bare, PENSION, SHANGJIAO, MONDAY) == "shangjiao-center"
    assert where(bare, RELIEF, SHANGJIAO, TUESDAY) == "xiajiao-center"


def test_monday_upper_island_case_goes_to_the_open_lower_center(ferry: Engine) -> None:
    decision = ferry.decide(case(ferry.bundle, PENSION[0], SHANGJIAO, MONDAY, PENSION[1]))
    assert decision.handled_at == "xiajiao-center"
    (entry,) = [t for t in decision.trace if t.part == "route"]
    assert entry.source == f"plugin {NAME} 1.0.0"
    assert entry.detail == "xiajiao-center"
    assert decision.plugins == {NAME: "1.0.0"}


def test_tuesday_upper_islanders_stay_on_their_island(ferry: Engine) -> None:
    assert where(ferry, PENSION, SHANGJIAO, TUESDAY) == "shangjiao-center"
    # the town decides 临时救助 at xiajiao-center, but on Tuesdays its staff sit at 上东礁
    assert where(ferry, RELIEF, SHANGJIAO, TUESDAY) == "shangjiao-center"
    assert where(ferry, RELIEF, SHANGJIAO, MONDAY) == "xiajiao-center"


def test_lower_islanders_keep_their_own_center_when_both_are_open(ferry: Engine) -> None:
    assert where(ferry, RELIEF, SANJIAO, TUESDAY) == "xiajiao-center"
    assert where(ferry, PENSION, SANJIAO, TUESDAY) == "xiajiao-center"
    assert where(ferry, RELIEF, TOWN, TUESDAY) == "xiajiao-center"


def test_a_center_without_the_department_is_not_chosen(ferry: Engine) -> None:
    # 上东礁 has no police window: a temporary ID card stays at 下东礁 even on Tuesday
    assert where(ferry, TEMP_ID, SHANGJIAO, TUESDAY) == "xiajiao-center"


def test_no_center_open_leaves_the_catalog_route(ferry: Engine, bare: Engine) -> None:
    for day in (SATURDAY, SUNDAY):
        for what in (PENSION, RELIEF):
            mine = ferry.decide(case(ferry.bundle, what[0], SHANGJIAO, day, what[1]))
            plain = bare.decide(case(bare.bundle, what[0], SHANGJIAO, day, what[1]))
            assert mine.handled_at == plain.handled_at
            assert NAME not in plugin_sources(mine)


def test_matters_handled_off_the_island_are_left_alone(ferry: Engine) -> None:
    assert where(ferry, MARRIAGE, SHANGJIAO, MONDAY) == "minghu-marriage-hall"
    assert where(ferry, MARRIAGE, SHANGJIAO, TUESDAY) == "minghu-marriage-hall"


@pytest.mark.parametrize("locality", [BAISHA, DONGSHANTOU])
@pytest.mark.parametrize("day", [MONDAY, TUESDAY, SUNDAY])
def test_no_effect_outside_the_island_town(
    ferry: Engine, bare: Engine, locality: str, day: dt.date
) -> None:
    for what in (PENSION, RELIEF):
        mine = ferry.decide(case(ferry.bundle, what[0], locality, day, what[1]))
        plain = bare.decide(case(bare.bundle, what[0], locality, day, what[1]))
        assert mine == plain
        assert mine.plugins == {}
        assert mine.handled_at not in ("xiajiao-center", "shangjiao-center")


def test_the_choice_keeps_the_catalog_role(demo: Bundle) -> None:
    config = {"centers": [{"venue": "xiajiao-center", "days": [1, 2, 3, 4, 5]}]}
    on_the_spot = view(demo, PENSION[0], SHANGJIAO, MONDAY, PENSION[1])
    choice = island_ferry.catalogkit_route(on_the_spot, {"centers": [*config["centers"]]})
    assert choice is None  # shangjiao-center is the catalog's venue and not configured
    config["centers"].append({"venue": "shangjiao-center", "days": [2, 4]})
    choice = island_ferry.catalogkit_route(on_the_spot, config)
    assert choice == VenueChoice(
        "xiajiao-center",
        "申请日为周一，上东礁镇村共用便民服务中心周一不开放，"
        "由当天开放的下东礁三角街镇村共用便民服务中心办理",
        "decide",
    )
    accepted = view(demo, "MH-MZ-0002", SHANGJIAO, TUESDAY)  # the county decides 特困认定
    choice = island_ferry.catalogkit_route(accepted, config)
    assert choice is not None and (choice.venue, choice.role) == ("shangjiao-center", "accept")


def test_validate_names_unknown_venues_and_closed_days(demo: Bundle) -> None:
    config = {
        "centers": [
            {"venue": "xiajiao-centre", "days": [1, 2]},
            {"venue": "shangjiao-center", "days": [2, 4, 6]},
        ]
    }
    venue, days = plugins_call_validate(demo, config)
    assert venue.rule == "island-ferry-venue" and venue.severity == "error"
    assert venue.hint == "xiajiao-center"
    assert venue.file == "towns/dongjiao.yaml"
    assert venue.path == ("plugins", 0, "config", "centers", 0, "venue")
    assert days.rule == "island-ferry-days" and days.severity == "warning"
    assert "周六" in days.zh and days.path[-1] == "days"


def test_schema_rejects_bad_days() -> None:
    schema = Validator(island_ferry.CONFIG_SCHEMA)
    assert not schema.validate({"centers": [{"venue": "xiajiao-center", "days": [0, 8]}]})
    assert not schema.validate({"centers": []})
    assert not schema.validate({})


def test_catalogkit_finds_it_in_the_plugins_folder(from_folder: dict[str, Any]) -> None:
    info = from_folder[NAME]
    assert info["version"] == "1.0.0"
    assert info["hooks"] == ["catalogkit_route", "catalogkit_validate_catalog"]


def plugins_call_validate(bundle: Bundle, config: dict[str, Any]) -> list[Any]:
    answers = plugins_of(NAME, island_ferry).at({NAME: config}, TOWN).validate_catalog(bundle, TOWN)
    return [d for _, d in answers]


def test_the_decision_names_the_venue_the_plugin_chose(ferry: Engine) -> None:
    """A Monday case of an upper islander is accepted and decided at 下东礁: the
    decision's route names that center, never 上东礁 (closed on Mondays)."""
    decision = ferry.decide(case(ferry.bundle, PENSION[0], SHANGJIAO, MONDAY, PENSION[1]))
    assert decision.route is not None
    assert decision.route.accepted_at.venue == decision.handled_at == "xiajiao-center"
    assert decision.route.decided_at.venue == "xiajiao-center"
    assert all(h.closed is None for h in decision.route.hops)


@pytest.mark.parametrize("day", [MONDAY + dt.timedelta(days=n) for n in range(7)])
def test_route_and_decide_agree_on_every_island_matter_and_day(ferry: Engine, day: dt.date) -> None:
    """route(date) places a case exactly as decide does for a case submitted that day."""
    bundle = ferry.bundle
    for locality in (SANJIAO, SHANGJIAO):
        for code in sorted(bundle.matters):
            if not bundle.offers(code, locality):
                continue
            decision = ferry.decide(case(bundle, code, locality, day, _facts(bundle, code)))
            if decision.route is None:
                continue
            found = ferry.route(code, locality, day)
            assert found.hops == decision.route.hops, (code, locality, day)
            assert found.accepted_at.venue == decision.handled_at, (code, locality, day)


def test_route_says_when_a_venue_is_closed(ferry: Engine, bare: Engine) -> None:
    without = bare.route(PENSION[0], SHANGJIAO, MONDAY)
    assert without.accepted_at.venue == "shangjiao-center"
    assert without.accepted_at.closed == "周一"
    assert "2026-03-02 周一不开放" in without.explanation("zh")
    assert ferry.route(PENSION[0], SHANGJIAO, MONDAY).accepted_at.closed is None
    assert ferry.route(PENSION[0], SHANGJIAO, TUESDAY).accepted_at.venue == "shangjiao-center"


def _facts(bundle: Bundle, code: str) -> dict[str, Any]:
    """Facts enough for the routing questions: none of the demo's routing depends on them."""
    return dict(PENSION[1]) if code == PENSION[0] else {}
