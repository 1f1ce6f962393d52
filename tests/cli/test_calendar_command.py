"""`catalogkit calendar add`: a year's calendar in one step, from the notice's dates or
a holiday-cn JSON file, written into the tree in the shipped layout."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogkit.catalog import check_catalog
from catalogkit.cli import cli
from catalogkit.format import format_text
from tests.conftest import DEMO

# Made-up dates for a test year: the real 2027 notice could not be checked here.
NOTICE = [
    "--holiday", "元旦=2027-01-01..2027-01-03",
    "--holiday", "春节=2027-02-06..2027-02-14",
    "--workday", "春节=2027-02-20",
    "--published", "2026-11-10",
]  # fmt: skip


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns("tests"))
    return root


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["calendar", "add", *args])
    return result.exit_code, result.output


def test_add_a_year_from_the_notice(tree: Path) -> None:
    code, out = run("2027", *NOTICE, "--catalog", str(tree), "--lang", "en")
    assert code == 0, out
    written = tree / "calendars" / "2027.yaml"
    assert f"wrote {written}: 12 days off, 1 make-up working days" in out
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/catalog-v1.schema.json")
    assert "  - {name: 春节, date: 2027-02-20, isOffDay: false}" in text
    assert "title: 国务院办公厅关于2027年部分节假日安排的通知" in text
    assert format_text(text) == text  # `fmt` leaves it as it is
    report = check_catalog(tree, today=dt.date(2027, 6, 1))
    assert report.bundle is not None, [d.en for d in report.errors]
    assert (2027, None) in report.bundle.calendars


def test_the_new_year_makes_dates_final(tree: Path) -> None:
    assert run("2027", *NOTICE, "--catalog", str(tree))[0] == 0
    result = CliRunner().invoke(cli, ["due", "2026-12-31", "1", "--catalog", str(tree), "--json"])
    body = json.loads(result.output)
    # 01-01…03 off, then Monday 01-04 is day 1: no longer provisional.
    assert body["accepted"] == "2026-12-31" and body["due"] == "2027-01-04"
    assert body["provisional"] is False


def test_add_from_holiday_cn_json(tree: Path, tmp_path: Path) -> None:
    source = tmp_path / "2027.json"
    source.write_text(
        json.dumps(
            {
                "year": 2027,
                "papers": ["https://www.gov.cn/example"],
                "days": [
                    {"name": "元旦", "date": "2027-01-01", "isOffDay": True},
                    {"name": "春节", "date": "2027-02-20", "isOffDay": False},
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    code, out = run("2027", "--from", str(source), "--catalog", str(tree), "--lang", "zh")
    assert code == 0, out
    assert "放假 1 天，调休上班 1 天" in out
    text = (tree / "calendars" / "2027.yaml").read_text(encoding="utf-8")
    assert 'note: "日期取自 https://www.gov.cn/example"' in text
    assert check_catalog(tree).bundle is not None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--holiday", "元旦"], "NAME=YYYY-MM-DD"),
        (["--holiday", "元旦=2027-13-01"], "2027-13-01"),
        (["--holiday", "元旦=2027-01-03..2027-01-01"], "ends before it starts"),
        (["--holiday", "元旦=2028-01-01"], "is not in 2027"),
        (["--workday", "春节=2027-02-22"], "a make-up working day falls on a Saturday"),
        (["--holiday", "元旦=2027-01-01", "--holiday", "元旦=2027-01-01"], "given twice"),
        ([], "no days given"),
    ],
)
def test_bad_dates_are_refused_before_writing(tree: Path, args: list[str], message: str) -> None:
    code, out = run("2027", *args, "--catalog", str(tree))
    assert code == 2
    assert message in out and "Traceback" not in out
    assert not (tree / "calendars" / "2027.yaml").exists()


def test_an_existing_year_is_kept_unless_forced(tree: Path) -> None:
    before = (tree / "calendars" / "2026.yaml").read_text(encoding="utf-8")
    code, out = run("2026", "--holiday", "元旦=2026-01-01", "--catalog", str(tree))
    assert code == 2 and "--force" in out
    assert (tree / "calendars" / "2026.yaml").read_text(encoding="utf-8") == before
    code, out = run("2026", "--holiday", "元旦=2026-01-01", "--catalog", str(tree), "--force")
    assert code == 0, out


def test_json_for_another_year_is_refused(tree: Path, tmp_path: Path) -> None:
    source = tmp_path / "x.json"
    source.write_text('{"year": 2028, "days": []}', encoding="utf-8")
    code, out = run("2027", "--from", str(source), "--catalog", str(tree))
    assert code == 2 and "not 2027" in out
    source.write_text("not json", encoding="utf-8")
    code, out = run("2027", "--from", str(source), "--catalog", str(tree))
    assert code == 2 and "holiday-cn" in out
