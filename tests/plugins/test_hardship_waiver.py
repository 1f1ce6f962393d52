"""hardship-waiver, enabled county-wide in the demo (county.yaml), and on one town only
in a copy of the demo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cerberus import Validator

from catalogkit import Bundle, load_catalog
from catalogkit.engine import CaseView, Decision, Engine
from catalogkit.errors import PluginError
from catalogkit.plugins import FeeWaiver

from .conftest import (
    case,
    demo_copy,
    enabled_on,
    engine,
    plugin_module,
    plugin_sources,
    plugins_of,
    view,
)

NAME = "hardship-waiver"
hardship_waiver = plugin_module(NAME)

COUNTY = "339901"
QINGXI, YUNLING = "339901101", "339901201"
SHIMENKAN = "339901101202"  # 石门坎村 (清溪镇)
YANGJIAOYA = "339901201201"  # 羊角垭村 (云岭乡)
NANWAN = "339901102201"  # 南湾村 (东礁镇, the island town)
DONGSHANTOU = "339901001201"  # 东山头村 (湖滨街道)
DAY = "2026-09-24"
BASIS = "《明湖县困难群众办事收费减免办法》（示例）第三条"
# 不动产首次登记 with two extra certificates: 证书工本费 10 + 增加证书工本费 20
REGISTRATION = "MH-BDC-0001"
EXTRA = {"extra_certificates": 2}
HOMESTEAD = "MH-BDC-0004"  # 宅基地首次登记: 不动产权属证书工本费 10


def decide(e: Engine, locality: str, household: Any = None, matter: str = REGISTRATION) -> Decision:
    facts = dict(EXTRA) if matter == REGISTRATION else {}
    if household is not None:
        facts["household_type"] = household
    decision = e.decide(case(e.bundle, matter, locality, DAY, facts))
    assert decision.outcome == "accept", decision
    return decision


@pytest.fixture(scope="module")
def waiver(demo: Bundle) -> Engine:
    return engine(demo, NAME, hardship_waiver)


def test_demo_enables_it_county_wide(demo: Bundle) -> None:
    assert enabled_on(demo, NAME) == [COUNTY]
    (use,) = demo.locality(COUNTY).plugins
    assert Validator(hardship_waiver.CONFIG_SCHEMA).validate(dict(use.config))
    assert use.config["basis"] == BASIS


@pytest.mark.parametrize("household", ["低保户", "特困户", ["残疾人家庭", "低保户"]])
@pytest.mark.parametrize("locality", [SHIMENKAN, YANGJIAOYA, NANWAN, DONGSHANTOU])
def test_every_fee_is_waived_for_hardship_households(
    waiver: Engine, locality: str, household: Any
) -> None:
    decision = decide(waiver, locality, household)
    assert {f.id: (f.amount, f.waived, f.net) for f in decision.fees} == {
        "extra-certificates": (20.0, 20.0, 0.0),
        "证书工本费": (10.0, 10.0, 0.0),
    }
    assert decision.total_fee == 0
    assert all(f.waived_by == (BASIS,) for f in decision.fees)
    assert plugin_sources(decision) == {NAME}
    assert decision.plugins == {NAME: "1.0.0"}


def test_other_households_pay(waiver: Engine) -> None:
    for household in (None, "一般户", "低保边缘户", ["一般户"]):
        decision = decide(waiver, SHIMENKAN, household)
        assert decision.total_fee == 30
        assert NAME not in plugin_sources(decision)


def test_a_matter_with_one_fee(waiver: Engine) -> None:
    assert decide(waiver, YANGJIAOYA, "特困户", HOMESTEAD).total_fee == 0
    assert decide(waiver, YANGJIAOYA, "一般户", HOMESTEAD).total_fee == 10


def test_waiver_names_fee_basis_and_household(demo: Bundle) -> None:
    seen = dibao_view(demo)
    config = {"households": ["低保户"], "basis": "某办法"}
    answers = hardship_waiver.catalogkit_fee_waivers(seen, config, ("a", "b"))
    assert answers == [
        FeeWaiver("a", 1.0, "某办法", "低保户免收"),
        FeeWaiver("b", 1.0, "某办法", "低保户免收"),
    ]
    assert hardship_waiver.catalogkit_fee_waivers(seen, config, ()) == []
    # households default to 低保户 and 特困户
    assert len(hardship_waiver.catalogkit_fee_waivers(seen, {"basis": "x"}, ("a",))) == 1


def test_no_basis_is_an_error_naming_the_plugin(demo: Bundle) -> None:
    with pytest.raises(PluginError, match=r"hardship-waiver.*catalogkit_fee_waivers.*basis"):
        hooks = plugins_of(NAME, hardship_waiver).at({NAME: {"households": ["低保户"]}}, SHIMENKAN)
        hooks.fee_waivers(
            view(demo, REGISTRATION, SHIMENKAN, DAY, {"household_type": "低保户"}), ("a",)
        )


def test_schema() -> None:
    schema = Validator(hardship_waiver.CONFIG_SCHEMA)
    assert schema.validate({"basis": "x"})
    assert schema.document["households"] == ["低保户", "特困户"]  # the default
    assert not schema.validate({"households": ["低保户"]})  # basis is required
    assert not schema.validate({"basis": ""})
    assert not schema.validate({"basis": "x", "households": []})


def test_enabled_on_one_town_only(tmp_path: Path) -> None:
    tree = demo_copy(
        tmp_path,
        {COUNTY: [], YUNLING: [{"name": NAME, "config": {"basis": "云岭乡示例办法"}}]},
    )
    e = engine(load_catalog(tree, cache=False), NAME, hardship_waiver)
    inside = decide(e, YANGJIAOYA, "低保户")
    assert inside.total_fee == 0
    assert all(f.waived_by == ("云岭乡示例办法",) for f in inside.fees)
    for locality in (SHIMENKAN, NANWAN, DONGSHANTOU):
        outside = decide(e, locality, "低保户")
        assert outside.total_fee == 30
        assert outside.plugins == {}
        assert NAME not in plugin_sources(outside)


def test_a_town_config_replaces_the_county_one(tmp_path: Path) -> None:
    """The nearest config wins whole: a town that enables the plugin again lists every
    household it waives for."""
    town = {"households": ["低保边缘户"], "basis": "清溪镇示例办法"}
    tree = demo_copy(tmp_path, {QINGXI: [{"name": NAME, "config": town}]})
    e = engine(load_catalog(tree, cache=False), NAME, hardship_waiver)
    assert decide(e, SHIMENKAN, "低保边缘户").total_fee == 0
    assert decide(e, SHIMENKAN, "低保户").total_fee == 30  # not in the town's list
    assert decide(e, YANGJIAOYA, "低保户").total_fee == 0  # the county's config
    assert decide(e, YANGJIAOYA, "低保边缘户").total_fee == 30


def test_identity_card_fee_waived_for_dibao(waiver: Engine) -> None:
    facts = {"age": 30, "household_type": "低保户"}
    decision = waiver.decide(case(waiver.bundle, "MH-GA-0001", SHIMENKAN, DAY, facts))
    assert decision.total_fee == 0


def test_catalogkit_finds_it_in_the_plugins_folder(from_folder: dict[str, Any]) -> None:
    info = from_folder[NAME]
    assert info["version"] == "1.0.0"
    assert info["hooks"] == ["catalogkit_fee_waivers"]


def dibao_view(bundle: Bundle) -> CaseView:
    return view(bundle, REGISTRATION, SHIMENKAN, DAY, {"household_type": "低保户"})
