"""Honest drafts: a draft matter's missing field stays absent and every output says
it is not known: validate (warnings, --strict fails), guides, the API body, stats and
decide. The tree is tests/data/invalid/_base with the draft of draft-missing/."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogkit import Bundle, load_catalog
from catalogkit.cli import cli
from catalogkit.engine import Engine
from catalogkit.guide import build_guide, render
from catalogkit.model.case import Case
from catalogkit.model.matter import unknown_fields
from catalogkit.report import as_table, compute_stats
from tests.conftest import DATA

INVALID = DATA / "invalid"


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("drafts") / "tree"
    shutil.copytree(INVALID / "_base", root)
    shutil.copy(INVALID / "draft-missing" / "county" / "matters.yaml", root / "county")
    return root


@pytest.fixture(scope="module")
def bundle(tree: Path) -> Bundle:
    return load_catalog(tree, cache=False)


def test_draft_fields_stay_absent(bundle: Bundle) -> None:
    m = bundle.matter("MH-MZ-0001")
    assert m.publication == "draft" and m.fees is None and m.result is None
    assert unknown_fields(m) == ["fees", "result"]


def test_validate_passes_and_strict_fails(tree: Path) -> None:
    runner = CliRunner()
    plain = runner.invoke(cli, ["validate", str(tree), "--no-cache", "--lang", "en"])
    assert plain.exit_code == 0, plain.output
    assert "[draft-missing]" in plain.output and "1 draft matter(s)" in plain.output
    strict = runner.invoke(cli, ["validate", str(tree), "--no-cache", "--strict"])
    assert strict.exit_code == 1


def test_guide_says_unknown_with_a_phone(bundle: Bundle) -> None:
    guide = build_guide(Engine(bundle), "MH-MZ-0001", "339901", "zh")
    assert guide.fees is None and guide.matter["result"] is None
    assert guide.matter["unknown"] == ["fees", "result"]
    text = render(guide, "md", "zh")
    assert "待补充，请电话咨询" in text
    assert "不收费" not in text  # never the invented default
    assert "待补充，请电话咨询" in render(guide, "html", "zh")


def test_stats_count_over_the_known(bundle: Bundle) -> None:
    stats = compute_stats(bundle)
    assert stats.immediate.known + stats.immediate.unknown == stats.total
    assert stats.immediate.unknown == 0  # the draft gives its handling kind


def test_stats_coverage_is_printed_when_something_is_unknown(tree: Path, tmp_path: Path) -> None:
    other = tmp_path / "tree"
    shutil.copytree(tree, other)
    path = other / "county" / "matters.yaml"
    path.write_text(path.read_text("utf-8").replace("    handlingKind: 承诺件\n", "", 1), "utf-8")
    stats = compute_stats(load_catalog(other, cache=False))
    assert stats.unknown_handling_kind == 1 and stats.immediate.unknown == 1
    assert stats.immediate.known == stats.total - 1
    assert f"（已知 {stats.total - 1} 项，未填 1 项）" in as_table(stats, "zh")


def test_decide_is_undetermined_naming_the_unknown(bundle: Bundle) -> None:
    case = Case(matter="MH-MZ-0001", locality="339901", submitted=dt.date(2026, 9, 24))
    decision = Engine(bundle).decide(case)
    assert decision.outcome == "undetermined"
    assert decision.unknown_fields == ("fees",)
    assert decision.fees == ()
