"""ethnic-festival, enabled on 云岭乡 (339901201) in the demo with an illustrative
三月三 on 04-20 and 04-21: in 2026 a Monday and a Tuesday.

临时救助 (MH-MZ-0003) is decided by the township or town in 5 working days, statutory
15. Submitted on Thursday 2026-04-16: without the festival due 04-23 (04-17, 04-20,
04-21, 04-22, 04-23), with it 04-27 (04-17, 04-22, 04-23, 04-24, 04-27)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from cerberus import Validator

from catalogkit import Bundle
from catalogkit.engine import Decision, Engine
from catalogkit.plugins import Closure

from .conftest import case, enabled_on, engine, plugin_module, plugins_of

NAME = "ethnic-festival"
ethnic_festival = plugin_module(NAME)

YUNLING = "339901201"
YANGJIAOYA = "339901201201"  # 羊角垭村 (百事通村, proxy by the village clerk)
YUNLING_VILLAGE = "339901201205"  # 云岭村, at the township seat, no proxy agent
GAOYAN = "339901201203-3"  # 龙潭溪村高岩组, a village group of 云岭乡
BAISHA = "339901101201"  # 白沙村 of 清溪镇
SANJIAO = "339901102001"  # 三角街社区 of 东礁镇
RELIEF = ("MH-MZ-0003", {"cause": "火灾"})
BEFORE = dt.date(2026, 4, 16)


def decide(e: Engine, locality: str, day: dt.date = BEFORE) -> Decision:
    decision = e.decide(case(e.bundle, RELIEF[0], locality, day, RELIEF[1]))
    assert decision.outcome == "accept", decision
    return decision


@pytest.fixture(scope="module")
def festive(demo: Bundle) -> Engine:
    return engine(demo, NAME, ethnic_festival)


@pytest.fixture(scope="module")
def bare(demo: Bundle) -> Engine:
    return engine(demo)


def test_demo_enables_it_on_yunling_only(demo: Bundle) -> None:
    assert enabled_on(demo, NAME) == [YUNLING]
    (use,) = demo.locality(YUNLING).plugins
    assert dict(use.config) == {"name": "三月三", "days": ["04-20", "04-21"]}
    assert Validator(ethnic_festival.CONFIG_SCHEMA).validate(dict(use.config))
    assert validate(demo, dict(use.config)) == []


@pytest.mark.parametrize("locality", [YANGJIAOYA, YUNLING_VILLAGE, GAOYAN, YUNLING])
def test_due_dates_in_yunling_move_past_the_festival(
    festive: Engine, bare: Engine, locality: str
) -> None:
    plain, mine = decide(bare, locality), decide(festive, locality)
    assert plain.promised_due == dt.date(2026, 4, 23)
    assert mine.promised_due == dt.date(2026, 4, 27)
    assert plain.statutory_due == dt.date(2026, 5, 11)
    assert mine.statutory_due == dt.date(2026, 5, 13)
    assert mine.plugins == {NAME: "1.0.0"}


@pytest.mark.parametrize("locality", [BAISHA, SANJIAO])
def test_other_towns_keep_the_national_calendar(
    festive: Engine, bare: Engine, locality: str
) -> None:
    mine, plain = decide(festive, locality), decide(bare, locality)
    assert mine == plain
    assert mine.plugins == {}
    assert mine.promised_due == (
        dt.date(2026, 4, 23) if locality == BAISHA else dt.date(2026, 4, 21)  # 东礁: 3 days
    )


def test_a_count_that_does_not_cross_the_festival_is_unchanged(
    festive: Engine, bare: Engine
) -> None:
    day = dt.date(2026, 5, 11)
    assert (
        decide(festive, YANGJIAOYA, day).promised_due == decide(bare, YANGJIAOYA, day).promised_due
    )


def test_closures_per_year() -> None:
    config = {"name": "三月三", "days": ["04-20", "04-21", "2027-04-09", "02-29"]}
    closures = ethnic_festival.catalogkit_calendar(YUNLING, 2026, config)
    assert closures == [
        Closure(dt.date(2026, 4, 20), "三月三"),
        Closure(dt.date(2026, 4, 21), "三月三"),
    ]  # 02-29 does not exist in 2026; 2027-04-09 is for 2027 only
    days = [c.date for c in ethnic_festival.catalogkit_calendar(YUNLING, 2027, config)]
    assert days == [dt.date(2027, 4, 9), dt.date(2027, 4, 20), dt.date(2027, 4, 21)]
    assert dt.date(2028, 2, 29) in [
        c.date for c in ethnic_festival.catalogkit_calendar(YUNLING, 2028, config)
    ]


def test_closures_through_the_hook_facade(demo: Bundle) -> None:
    config = {"name": "三月三", "days": ["04-20", "04-21"]}
    hooks = plugins_of(NAME, ethnic_festival).at({NAME: config}, YANGJIAOYA)
    answers = hooks.calendar(YANGJIAOYA, 2026)
    assert [(n, c.date.isoformat()) for n, c in answers] == [
        (NAME, "2026-04-20"),
        (NAME, "2026-04-21"),
    ]


def test_validate_reports_impossible_days(demo: Bundle) -> None:
    config = {"name": "三月三", "days": ["04-20", "02-30", "2026-02-29", "02-29"]}
    found = validate(demo, config)
    assert [(d.rule, d.found, d.path[-1]) for d in found] == [
        ("ethnic-festival-day", "02-30", 1),
        ("ethnic-festival-day", "2026-02-29", 2),
    ]
    assert found[0].file == "towns/yunling.yaml"
    assert found[0].path == ("plugins", 0, "config", "days", 1)


def test_schema() -> None:
    schema = Validator(ethnic_festival.CONFIG_SCHEMA)
    assert schema.validate({"name": "三月三", "days": ["04-20", "2026-04-19"]})
    for bad in (
        {"days": ["04-20"]},
        {"name": "三月三"},
        {"name": "三月三", "days": []},
        {"name": "三月三", "days": ["4-20"]},
        {"name": "三月三", "days": ["13-01"]},
        {"name": "三月三", "days": ["04/20"]},
    ):
        assert not schema.validate(bad), bad


def test_catalogkit_finds_it_in_the_plugins_folder(from_folder: dict[str, Any]) -> None:
    info = from_folder[NAME]
    assert info["version"] == "1.0.0"
    assert info["hooks"] == ["catalogkit_calendar", "catalogkit_validate_catalog"]


def validate(bundle: Bundle, config: dict[str, Any]) -> list[Any]:
    hooks = plugins_of(NAME, ethnic_festival).at({NAME: config}, YUNLING)
    answers = hooks.validate_catalog(bundle, YUNLING)
    return [d for _, d in answers]
