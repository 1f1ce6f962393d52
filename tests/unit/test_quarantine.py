"""One bad entry never blocks the rest: a matter with a schema error and a department
with a malformed code are set aside, with everything that depends on them; the rest
is built, counted and served, and every output that leaves them out says so.
`check_catalog` without quarantine (validate --strict) stays all or nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from catalogkit.catalog import check_catalog
from catalogkit.cli import cli
from catalogkit.quarantine import item_of, to_original
from catalogkit.server import ServeConfig, create_app
from tests.conftest import DATA


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("quarantine") / "tree"
    shutil.copytree(DATA / "invalid" / "_base", root)
    matters = root / "county" / "matters.yaml"
    text = matters.read_text(encoding="utf-8")
    matters.write_text(text.replace("    name: 高龄津贴申领\n", "    name: 123\n"), "utf-8")
    county = root / "county" / "county.yaml"
    text = county.read_text(encoding="utf-8")
    county.write_text(text.replace('"11339901002610021H"', '"1133990100261002!!"'), "utf-8")
    return root


def test_the_rest_is_built(tree: Path) -> None:
    report = check_catalog(tree, quarantine=True)
    assert report.bundle is not None and list(report.bundle.matters) == ["MH-MZ-0001"]
    assert "renshe" not in report.bundle.departments
    left_out = {(q.kind, q.key) for q in report.quarantined}
    assert {("matter", "MH-MZ-0005"), ("department", "renshe")} <= left_out
    assert ("matter", "MH-RS-0001") in left_out  # its department is quarantined
    assert report.bundle.quarantined == tuple(report.quarantined)
    assert report.errors  # still errors: reported, located
    wrong = next(d for d in report.errors if d.rule == "wrong-type")
    assert (wrong.path, wrong.line) == (("matters", 1, "name"), 47)


def test_strict_is_all_or_nothing(tree: Path) -> None:
    assert check_catalog(tree).bundle is None
    result = CliRunner().invoke(cli, ["validate", str(tree), "--strict", "--no-cache"])
    assert result.exit_code == 1 and "quarantined" not in result.output


def test_validate_and_stats_say_what_they_left_out(tree: Path) -> None:
    runner = CliRunner()
    checked = runner.invoke(cli, ["validate", str(tree), "--no-cache", "--lang", "en"])
    assert checked.exit_code == 1 and "item(s) quarantined" in checked.output
    stats = runner.invoke(cli, ["stats", "--catalog", str(tree), "--lang", "zh"])
    assert stats.exit_code == 0, stats.output
    assert "因错误被隔离，未计入" in stats.output and "matter MH-MZ-0005" in stats.output


def test_a_fresh_server_serves_the_rest_and_says_so(tree: Path) -> None:
    client = TestClient(create_app(ServeConfig(tree, watch=False, cache=False)))
    body = client.get("/v1/bundle").json()
    assert body["matters"] == 1
    assert {"matter", "department"} <= {q["kind"] for q in body["quarantined"]}
    assert client.get("/v1/matters/MH-MZ-0001").status_code == 200
    assert client.get("/v1/matters/MH-MZ-0005").status_code == 404


def test_paths_of_items() -> None:
    assert item_of(("matters", 3, "fees", "items", 0)) == ("matters", 3)
    assert item_of(("children", 1, "claims", 2, "matter")) == ("children", 1, "claims", 2)
    assert item_of(("venues", 0, "windows", 0, "departments", 1)) == (
        "venues", 0, "windows", 0, "departments", 1,
    )  # fmt: skip
    assert item_of(("codes", "county")) is None
    assert to_original(("matters", 1, "name"), {("matters", 0), ("matters", 2)}) == (
        "matters", 3, "name",
    )  # fmt: skip
