"""Routes on the demo county, pinned by tests/data/route/demo.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from catalogkit import Bundle, UsageError, load_catalog
from catalogkit.engine import route
from tests.conftest import DATA, DEMO

CASES: list[dict[str, Any]] = YAML(typ="safe", pure=True).load(
    (DATA / "route" / "demo.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load_catalog(DEMO, cache=False)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['matter']}@{c['locality']}")
def test_route(bundle: Bundle, case: dict[str, Any]) -> None:
    found = route(bundle, case["matter"], str(case["locality"]))
    assert found.handling_kind == case["kind"]
    assert [[h.role, h.venue, h.locality] for h in found.hops] == case["hops"]
    assert found.decided_at.role == "decide"
    assert (
        found.accepted_at
        is found.hops[next(i for i, h in enumerate(found.hops) if h.role != "proxy")]
    )


def test_unknown_codes_are_usage_errors(bundle: Bundle) -> None:
    with pytest.raises(UsageError, match="unknown matter"):
        route(bundle, "NO-SUCH", "339901101202")
    with pytest.raises(UsageError, match="unknown locality"):
        route(bundle, "MH-MZ-0001", "999999")


def test_without_leaving_the_village_or_the_town(bundle: Bundle) -> None:
    from catalogkit.engine import within

    village = {r.matter for r in within(bundle, "339901101202", "village")}
    town = {r.matter for r in within(bundle, "339901101202", "town")}
    assert "MH-RS-0001" in village  # decided in the village station
    assert "MH-MZ-0001" in village  # proxied by the village: the resident stays home
    assert "MH-GA-0001" not in village and "MH-GA-0001" in town  # accepted in the town
    assert "MH-MZ-0006" not in town  # marriage: only the county's branch hall
    assert village < town
    # a community at the town seat offers no proxy: 低保 means going to the town center
    seat = {r.matter for r in within(bundle, "339901101001", "village")}
    assert "MH-MZ-0001" not in seat


def test_route_explained_in_both_languages(bundle: Bundle) -> None:
    found = route(bundle, "MH-MZ-0001", "339901101202-5")
    assert found.explanation("zh") == (
        "最低生活保障对象认定：石门坎村高山组便民服务点（高山组组长）代办，"
        "石门坎村便民服务站（村文书（综合代办员））代办，清溪镇便民服务中心受理，"
        "明湖县行政审批服务中心办理并作出决定。"
    )
    assert found.explanation("en").endswith("明湖县行政审批服务中心 decides it.")


def test_counting_from_the_day_of_acceptance_is_a_setting(tmp_path: Path) -> None:
    import datetime as dt
    import shutil

    from catalogkit.engine import Engine
    from catalogkit.model.case import Case

    tree = tmp_path / "tree"
    shutil.copytree(DEMO, tree, ignore=shutil.ignore_patterns("plugins", "tests"))
    settings = tree / "catalogkit.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "countFromNextDay: false\n", encoding="utf-8"
    )
    case = Case.model_validate(
        {
            "matter": "MH-ZR-0001",
            "locality": "339901101202",
            "submitted": dt.date(2026, 9, 28),
            "materials": [
                "乡村建设规划许可申请表",
                "申请人身份证明",
                "乡镇人民政府审核意见",
                "建设工程设计方案（农村村民住宅可采用县统一通用图）",
                "用地批准文件",
            ],
        }
    )
    for counts_next_day, due in ((True, dt.date(2026, 10, 16)), (False, dt.date(2026, 10, 15))):
        if counts_next_day:
            engine = Engine(load_catalog(DEMO, cache=False), missing_plugins="ignore")
        else:
            engine = Engine(load_catalog(tree, cache=False), missing_plugins="ignore")
        # 10 working days after Monday 2026-09-28: 9/29, 9/30, 10/8, 10/9, 10/10 (make-up),
        # 10/12 … 10/16; counting the 28th itself as day 1 ends a day earlier
        assert engine.decide(case).promised_due == due, counts_next_day


def test_proxy_hops_carry_their_leg_limit(bundle: Bundle) -> None:
    found = route(bundle, "MH-MZ-0001", "339901101202-5")
    legs = [(h.role, h.leg_limit.value if h.leg_limit else None) for h in found.hops]
    assert legs == [("proxy", 1), ("proxy", 2), ("accept", None), ("decide", None)]
