"""limit-compression, enabled with percent 30 on 湖滨街道 (339901001) in the demo.

Due dates count from the day after acceptance on the 2026 schedule (09-25 and
10-01…07 off, 10-10 a make-up Saturday): from 2026-09-24, working day 3 is 09-30,
5 is 10-09, 7 is 10-12, 10 is 10-15, 15 is 10-22, 20 is 10-29, 30 is 11-12."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from cerberus import Validator

from catalogkit import Bundle, load_catalog
from catalogkit.engine import Decision, Engine

from .conftest import case, demo_copy, enabled_on, engine, plugin_module, plugin_sources

NAME = "limit-compression"
limit_compression = plugin_module(NAME)

HUBIN = "339901001"
DONGSHANTOU = "339901001201"  # 东山头村, near the street's seat
SHANGBEISHAN = "339901001002"  # 上北山社区, shares the 太阳湾 center
SHIMENKAN = "339901101202"  # 石门坎村 of 清溪镇
YANGJIAOYA = "339901201201"  # 羊角垭村 of 云岭乡
DAY = "2026-09-24"

DIBAO = (
    "MH-MZ-0001",
    {
        "household_size": 3,
        "marital_status": "已婚",
        "has_disabled_member": False,
        "has_student": False,
        "major_illness": False,
        "monthly_income": 800,
    },
)  # 低保: the street decides it, promised 15 working days
RELIEF = ("MH-MZ-0003", {"cause": "火灾"})  # 临时救助: the street decides, 5 working days
HOMESTEAD = (
    "MH-NY-0001",
    {"build_type": "新建", "household_size": 4, "occupies_farmland": False, "floor_area": 120},
)  # 宅基地: the street promises 10; a county rule also gives 10 without farmland
PRESALE: tuple[str, dict[str, Any]] = (
    "MH-ZJ-0003",
    {},
)  # 商品房预售许可: the county hall, 5 working days
PENSION = ("MH-RS-0001", {"age": 45, "is_student": False, "by_agent": False})  # on the spot
LEGAL_AID = ("MH-SF-0001", {"matter_kind": "劳动报酬", "exempt_from_means_test": True})  # 5 自然日


def decide(e: Engine, what: tuple[str, dict[str, Any]], locality: str) -> Decision:
    decision = e.decide(case(e.bundle, what[0], locality, DAY, what[1]))
    assert decision.outcome == "accept", decision
    return decision


def limit(decision: Decision) -> tuple[int, str]:
    assert decision.promised_limit is not None
    return decision.promised_limit.value, decision.promised_limit.unit


@pytest.fixture(scope="module")
def faster(demo: Bundle) -> Engine:
    return engine(demo, NAME, limit_compression)


@pytest.fixture(scope="module")
def bare(demo: Bundle) -> Engine:
    return engine(demo)


def test_demo_enables_it_on_hubin_only(demo: Bundle) -> None:
    assert enabled_on(demo, NAME) == [HUBIN]
    (use,) = demo.locality(HUBIN).plugins
    assert dict(use.config) == {"percent": 30}
    assert Validator(limit_compression.CONFIG_SCHEMA).validate(dict(use.config))


@pytest.mark.parametrize(
    ("what", "locality", "before", "after", "due"),
    [
        (DIBAO, DONGSHANTOU, 15, 10, dt.date(2026, 10, 15)),  # 10.5 rounds down
        (DIBAO, SHANGBEISHAN, 15, 10, dt.date(2026, 10, 15)),
        (RELIEF, DONGSHANTOU, 5, 3, dt.date(2026, 9, 30)),  # 3.5 rounds down
        (HOMESTEAD, DONGSHANTOU, 10, 7, dt.date(2026, 10, 12)),
    ],
)
def test_street_limits_are_compressed(
    faster: Engine,
    bare: Engine,
    what: tuple[str, dict[str, Any]],
    locality: str,
    before: int,
    after: int,
    due: dt.date,
) -> None:
    plain, mine = decide(bare, what, locality), decide(faster, what, locality)
    assert limit(plain) == (before, "工作日")
    assert limit(mine) == (after, "工作日")
    assert mine.promised_due == due
    assert mine.statutory_due == plain.statutory_due  # the statutory limit is untouched
    assert plugin_sources(mine) == {NAME}
    (entry,) = [t for t in mine.trace if t.source.startswith(f"plugin {NAME}")]
    assert entry.part == "promised limit"
    assert f"{before} → {after}" in entry.detail


def test_golden_case_of_hubin(faster: Engine) -> None:
    decision = decide(faster, DIBAO, DONGSHANTOU)
    assert decision.handled_at == "hubin-center"
    assert decision.promised_due == dt.date(2026, 10, 15)
    assert decision.statutory_due == dt.date(2026, 11, 12)


@pytest.mark.parametrize("what", [PRESALE, PENSION, LEGAL_AID])
def test_county_hall_on_the_spot_and_calendar_day_limits_are_left_alone(
    faster: Engine, bare: Engine, what: tuple[str, dict[str, Any]]
) -> None:
    mine, plain = decide(faster, what, DONGSHANTOU), decide(bare, what, DONGSHANTOU)
    assert limit(mine) == limit(plain)
    assert mine.promised_due == plain.promised_due
    assert NAME not in plugin_sources(mine)


@pytest.mark.parametrize("locality", [SHIMENKAN, YANGJIAOYA])
@pytest.mark.parametrize("what", [DIBAO, RELIEF, HOMESTEAD])
def test_no_effect_outside_hubin(
    faster: Engine, bare: Engine, locality: str, what: tuple[str, dict[str, Any]]
) -> None:
    mine, plain = decide(faster, what, locality), decide(bare, what, locality)
    assert mine == plain
    assert mine.plugins == {}


def test_qingxi_golden_case_unchanged(faster: Engine) -> None:
    decision = decide(faster, DIBAO, SHIMENKAN)
    assert limit(decision) == (20, "工作日")
    assert decision.promised_due == dt.date(2026, 10, 29)


def test_never_below_one_day_and_county_level_on_request(tmp_path: Path) -> None:
    config = {"percent": 90, "levels": ["county", "town", "village", "group"]}
    tree = demo_copy(tmp_path, {HUBIN: [{"name": NAME, "config": config}]})
    e = engine(load_catalog(tree, cache=False), NAME, limit_compression)
    relief = decide(e, RELIEF, DONGSHANTOU)
    assert limit(relief) == (1, "工作日")  # 0.5 would be below one day
    assert relief.promised_due == dt.date(2026, 9, 28)
    assert limit(decide(e, PRESALE, DONGSHANTOU)) == (1, "工作日")  # the county hall too
    assert limit(decide(e, PENSION, DONGSHANTOU)) == (0, "即时")


@pytest.mark.parametrize(
    ("days", "percent", "expected"),
    [
        (15, 30, 10),
        (20, 30, 14),
        (5, 30, 3),
        (1, 30, 1),
        (2, 60, 1),
        (3, 99, 1),
        (15, 47.5, 7),  # 7.875
        (20, 47.5, 10),  # exactly 10.5 → 10, no float error
        (10, Fraction(1, 3), 9),
    ],
)
def test_compress(days: int, percent: Any, expected: int) -> None:
    assert limit_compression.compress(days, percent) == expected


def test_schema() -> None:
    schema = Validator(limit_compression.CONFIG_SCHEMA)
    assert schema.validate({"percent": 30})
    assert schema.document["levels"] == ["town", "village", "group"]
    assert schema.validate({"percent": 47.5, "levels": ["county"]})
    for bad in (
        {},
        {"percent": 0},
        {"percent": 100},
        {"percent": "30"},
        {"percent": 30, "levels": ["city"]},
    ):
        assert not schema.validate(bad), bad


def test_catalogkit_finds_it_in_the_plugins_folder(from_folder: dict[str, Any]) -> None:
    info = from_folder[NAME]
    assert info["version"] == "1.0.0"
    assert info["hooks"] == ["catalogkit_time_limit"]
