"""A several-hundred-matter export with real gaps (made by tests/tools/make_exports.py)
imports with no invented value: every empty cell stays empty in the tree and shows as
unknown; counts by type and department in `stats` equal the export's; the GB18030 CSV
of the same rows gives the same tree as the XLSX with merged cells."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from catalogkit import Bundle
from catalogkit.catalog import check_catalog
from catalogkit.importing import run_import
from catalogkit.report import compute_stats
from tests.tools.make_exports import rows, write_csv, write_xlsx

N = 300
COUNTY = {"county": "511602", "county_name": "广安区"}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Bundle]:
    root = tmp_path_factory.mktemp("exports")
    write_xlsx(root / "list.xlsx", N)
    run_import([root / "list.xlsx"], root / "tree", **COUNTY)
    report = check_catalog(root / "tree", quarantine=True)
    assert report.bundle is not None and not report.errors, report.errors[:3]
    return root, report.bundle


def test_no_invented_value(made: tuple[Path, Bundle]) -> None:
    _root, bundle = made
    source, _materials = rows(N)
    by_key = {e.matter.implementation_code: e.matter for e in bundle.matters.values()}
    assert len(by_key) == N
    for row in source:
        m = by_key[row["implementationCode"]]
        assert (m.fees is None) == (row["charged"] is None or (
            row["charged"] == "是" and not (row["feeStandard"] and row["feeBasis"])
        ))  # fmt: skip
        assert (m.handling_kind is None) == (row["handlingKind"] is None)
        assert (m.conditions is None) == (row["conditions"] is None)
        assert m.consultation == ([] if row["consultation"] is None else m.consultation)
        assert m.online is None and m.result is None and m.process is None
        assert m.publication == "draft"


def test_stats_counts_equal_the_exports(made: tuple[Path, Bundle]) -> None:
    _root, bundle = made
    source, _ = rows(N)
    stats = compute_stats(bundle)
    assert stats.total == N
    types = {c.key: c.matters for c in stats.types if c.matters}
    assert types == Counter(r["type"] for r in source)
    names = Counter(r["body"] if r["department"] == r["body"] else r["department"] for r in source)
    assert sorted(c.matters for c in stats.departments) == sorted(names.values())
    assert stats.immediate.unknown == sum(r["handlingKind"] is None for r in source)


def test_issued_codes_that_fail_a_check_are_warnings(made: tuple[Path, Bundle]) -> None:
    root, _bundle = made
    report = check_catalog(root / "tree")
    rules = {d.rule for d in report.warnings}
    assert {"credit-code-check", "credit-code-format", "draft-missing"} <= rules
    assert report.bundle is not None


def test_the_gb18030_csv_gives_the_same_tree(made: tuple[Path, Bundle]) -> None:
    root, _bundle = made
    write_csv(root / "list.csv", N)
    result = run_import([root / "list.csv"], root / "from-csv", **COUNTY)
    assert result.data.rows == N
    xlsx_tree = {p.name: p.read_text("utf-8") for p in (root / "tree").rglob("*.yaml")}
    csv_tree = {p.name: p.read_text("utf-8") for p in (root / "from-csv").rglob("*.yaml")}
    # the CSV has no materials sheet; every other value is the same
    assert set(csv_tree) == set(xlsx_tree)
    assert csv_tree["county.yaml"] == xlsx_tree["county.yaml"]


def test_completeness_is_the_to_do_list(made: tuple[Path, Bundle]) -> None:
    from click.testing import CliRunner

    from catalogkit.cli import cli
    from catalogkit.report.completeness import compute_completeness

    root, bundle = made
    found = compute_completeness(bundle)
    source, _ = rows(N)
    by_field = {f.field: f.matters for f in found.fields}
    assert by_field["handlingKind"] == sum(r["handlingKind"] is None for r in source)
    assert [f.matters for f in found.fields] == sorted(by_field.values(), reverse=True)
    assert found.incomplete == found.drafts == N
    assert sum(d.matters for d in found.departments) == N
    runner = CliRunner()
    for fmt in ("table", "json", "svg"):
        result = runner.invoke(
            cli, ["completeness", "--catalog", str(root / "tree"), "--format", fmt]
        )
        assert result.exit_code == 0, result.output
    assert (
        "办件类型"
        in runner.invoke(
            cli, ["completeness", "--catalog", str(root / "tree"), "--lang", "zh"]
        ).output
    )


def test_pages_and_guides_show_unknowns_and_the_body(made: tuple[Path, Bundle]) -> None:
    from fastapi.testclient import TestClient

    from catalogkit.engine import Engine
    from catalogkit.guide import build_guide, render
    from catalogkit.server import ServeConfig, create_app

    root, bundle = made
    code = next(c for c, e in bundle.matters.items() if e.matter.body is not None)
    guide = build_guide(Engine(bundle), code, "511602", "zh")
    assert guide.matter["body"] and guide.matter["body"] in render(guide, "md", "zh")
    client = TestClient(create_app(ServeConfig(root / "tree", watch=False, cache=False)))
    page = client.get(f"/guide/{code}?locality=511602")
    assert page.status_code == 200 and "待补充" in page.text and "None" not in page.text
    assert guide.matter["body"] in page.text


def test_written_files_are_as_fmt_keeps_them(made: tuple[Path, Bundle]) -> None:
    from catalogkit.format.reformat import format_text

    root, _bundle = made
    files = sorted((root / "tree").rglob("*.yaml"))
    for path in [files[0], files[-1], root / "tree" / "county" / "county.yaml"]:
        text = path.read_text(encoding="utf-8")
        assert format_text(text) == text, path
