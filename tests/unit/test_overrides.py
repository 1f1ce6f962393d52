"""Labelled overrides: a town's rule replaces the county's named rule where the county
allows it; decisions and guides then see only the town's."""

from __future__ import annotations

import shutil
from pathlib import Path

from catalogkit import check_catalog, load_catalog
from catalogkit.engine import Engine
from catalogkit.guide import build_guide
from catalogkit.testing import make_case
from tests.conftest import DATA

COUNTY_FEE = """rules:
  - id: county-fee
    type: fee
    matters: [MH-MZ-0005]
    overridable: true
    fee: shenqing
    name: 申请费（示例）
    standard: 每件 20 元
    amount: 20
"""
TOWN_FEE = """rules:
  - id: town-fee
    type: fee
    replaces: county-fee
    fee: shenqing
    name: 申请费（示例）
    standard: 每件 10 元
    amount: 10
"""


def tree(tmp_path: Path, town_rules: str) -> Path:
    root = tmp_path / "tree"
    shutil.copytree(DATA / "invalid" / "_base", root)
    for rel, extra in (("county/county.yaml", COUNTY_FEE), ("towns/t1.yaml", town_rules)):
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return root


def test_a_replaced_fee_is_charged_once_at_the_lower_amount(tmp_path: Path) -> None:
    engine = Engine(load_catalog(tree(tmp_path, TOWN_FEE), cache=False))
    village = "339901101201"
    case = make_case(village, "MH-MZ-0005", submitted="2026-09-24")
    decision = engine.decide(case)
    assert [(f.id, f.amount) for f in decision.fees] == [("shenqing", 10.0)]
    assert [t.source.split()[0] for t in decision.trace if t.part == "fee"] == ["towns/t1.yaml"]
    guide = build_guide(engine, "MH-MZ-0005", village, "zh")
    assert [r["what"] for r in guide.rules] == ["收费：申请费（示例），每件 10 元"]
    # the county's own residents keep the county's fee
    county = engine.decide(make_case("339901", "MH-MZ-0005", submitted="2026-09-24"))
    assert [(f.id, f.amount) for f in county.fees] == [("shenqing", 20.0)]


def test_without_replaces_the_same_fee_twice_is_a_conflict_at_decision(tmp_path: Path) -> None:
    report = check_catalog(tree(tmp_path, TOWN_FEE.replace("    replaces: county-fee\n", "")))
    assert report.bundle is not None  # combination by type: a conflict only when decided


def test_a_higher_replacement_names_both_rules(tmp_path: Path) -> None:
    report = check_catalog(tree(tmp_path, TOWN_FEE.replace("amount: 10", "amount: 30")))
    (d,) = [d for d in report.diagnostics if d.severity == "error"]
    assert d.rule == "override-direction"
    assert (d.file, d.line) == ("towns/t1.yaml", 60)
    assert "county/county.yaml:36" in d.en and "30 > 20" in d.en
