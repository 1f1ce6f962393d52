"""`validate --format text` shows, under each problem, what was expected, what was
found and the fix, as the JSON format does (its expected, found and hint fields)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogkit.cli import cli
from tests.cli.test_invalid_fixtures import build_tree


def _run(tree: Path, *args: str) -> str:
    result = CliRunner().invoke(
        cli, ["validate", str(tree), "--no-cache", "--no-plugin-autoload", *args]
    )
    assert result.exit_code == 1, result.output
    return result.stdout


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "    expected: 即办件, 承诺件, 联办件, 上报件, 协办件, 代办件",
                "    found: 承诺",
                "    fix: write '承诺件'",
                "    fix: write 'county-hall'",
            ],
        ),
        (
            "zh",
            [
                "    应为：即办件, 承诺件, 联办件, 上报件, 协办件, 代办件",
                "    实际：承诺",
                "    修改：改为 '承诺件'",
                "    修改：改为 'county-hall'",
            ],
        ),
    ],
)
def test_details_under_each_problem(lang: str, expected: list[str], tmp_path: Path) -> None:
    tree = build_tree("all-layers-in-one-run", tmp_path / "tree")
    lines = _run(tree, "--lang", lang).splitlines()
    for line in expected:
        assert line in lines
    bad_value = next(i for i, x in enumerate(lines) if "[bad-value]" in x)
    assert lines[bad_value + 1].startswith("    ")


def test_text_says_what_json_says(tmp_path: Path) -> None:
    tree = build_tree("all-layers-in-one-run", tmp_path / "tree")
    text = _run(tree, "--lang", "en")
    for d in json.loads(_run(tree, "--format", "json"))["diagnostics"]:
        for key in ("expected", "found"):
            if d[key]:
                assert f"    {key}: {d[key]}" in text
        if d["hint"]:
            assert f"    fix: write {d['hint']!r}" in text


def test_without_a_suggestion_the_fix_is_the_rule_section(tmp_path: Path) -> None:
    tree = build_tree("missing-key", tmp_path / "tree")
    text = _run(tree, "--lang", "zh")
    assert "    修改：参见 docs/validation-rules.md#missing-key" in text
