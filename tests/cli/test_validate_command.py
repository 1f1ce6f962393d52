"""`catalogkit validate` from the command line: formats, exit codes, quiet and verbose."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogkit.cli import cli
from tests.conftest import DEMO


@pytest.fixture()
def broken(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    shutil.copytree(DEMO, root)
    (root / "extra.yaml").write_text(
        "apiVersion: catalogkit/v1\nkind: Settings\nnmae: 错误\n", encoding="utf-8"
    )
    return root


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_demo_is_clean() -> None:
    code, out = run("validate", str(DEMO), "--no-cache")
    assert code == 0, out
    assert "0 error(s)" in out


def test_errors_exit_1_with_located_lines(broken: Path) -> None:
    code, out = run("validate", str(broken), "--no-cache")
    assert code == 1
    lines = [line for line in out.splitlines() if "extra.yaml" in line]
    assert any(
        ":3:1: error [unknown-key] nmae: unknown key 'nmae'; did you mean 'name'?" in x
        for x in lines
    ), out
    assert any("[missing-key] name:" in x for x in lines)
    assert "2 error(s)" in out or "error(s)" in out


def test_chinese_messages(broken: Path) -> None:
    code, out = run("validate", str(broken), "--no-cache", "--lang", "zh")
    assert code == 1
    assert "未知字段 'nmae'；是否应为 'name'？" in out
    assert "个错误" in out


def test_json_format(broken: Path) -> None:
    code, out = run("validate", str(broken), "--no-cache", "--format", "json")
    assert code == 1
    body = json.loads(out)
    assert body["errors"] == len(body["diagnostics"]) >= 2
    first = next(d for d in body["diagnostics"] if d["rule"] == "unknown-key")
    assert (first["line"], first["column"], first["path"]) == (3, 1, "nmae")
    assert first["expected"] and first["found"] == "nmae" and first["message_zh"]


def test_github_format(broken: Path) -> None:
    code, out = run("validate", str(broken), "--no-cache", "--format", "github")
    assert code == 1
    assert any(
        line.startswith("::error file=") and ",line=3,col=1,title=unknown-key::" in line
        for line in out.splitlines()
    ), out


def test_quiet_prints_only_errors(broken: Path) -> None:
    code, out = run("validate", str(broken), "--no-cache", "-q")
    assert code == 1
    assert all("error [" in line for line in out.splitlines() if line)


def test_verbose_lists_files() -> None:
    code, out = run("validate", str(DEMO), "--no-cache", "-v")
    assert code == 0
    assert "read catalogkit.yaml" in out


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    code, _ = run("validate", str(tmp_path / "nowhere"))
    assert code == 2
    code, _ = run("validate", "--format", "xml", str(DEMO))
    assert code == 2


def test_no_progress_when_piped(broken: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(broken), "--no-cache"])
    assert "\r" not in result.output


def test_files_stand_for_their_whole_tree(broken: Path) -> None:
    # as pre-commit calls it: with changed files; cross-file checks still see the tree
    code, out = run("validate", str(broken / "catalogkit.yaml"), str(broken / "extra.yaml"))
    assert code == 1
    assert out.count("[unknown-key]") == 1
    assert "checked " in out and out.count("checked ") == 1


def test_a_lone_file_gets_document_checks_only(tmp_path: Path) -> None:
    lone = tmp_path / "matters.yaml"
    lone.write_text(
        'apiVersion: catalogkit/v1\nkind: Settings\nname: 单独文件\nprovince: "浙江"\n',
        encoding="utf-8",
    )
    code, out = run("validate", str(lone))
    assert code == 0, out


def test_rules_command_lists_every_rule() -> None:
    from catalogkit.check_registry import CHECKS

    code, out = run("rules")
    assert code == 0
    assert all(r.id in out for r in CHECKS)
    code, out = run("rules", "--json")
    assert json.loads(out)[0]["id"] == CHECKS[0].id


def test_route_command_in_chinese_and_json() -> None:
    args = ["route", "MH-MZ-0001", "-l", "339901101202-5", "-c", str(DEMO)]
    code, out = run(*args, "--lang", "zh")
    assert code == 0, out
    assert "最低生活保障对象认定 (MH-MZ-0001) · 石门坎村高山组 · 承诺件" in out
    assert "代办" in out and "办理决定" in out
    code, out = run(*args, "--json")
    assert json.loads(out)[0]["hops"][-1]["venue"] == "minghu-hall"
    hops = json.loads(out)[0]["hops"]  # limits as fields, never Python text
    assert hops[-1]["promised_limit"] == {"value": 20, "unit": "工作日", "note": None}
    assert hops[0]["leg_limit"] == {"value": 1, "unit": "工作日", "note": None}


def test_route_command_applies_routing_plugins_on_the_date_given() -> None:
    """上礁村 on a Monday: island-ferry sends the pension case to the center open that
    day, and the proxy station closed on Mondays is named with the reason."""
    args = ["route", "MH-RS-0001", "MH-MZ-0001", "-l", "339901102202", "-c", str(DEMO)]
    code, out = run(*args, "--date", "2026-03-02", "--json")
    assert code == 0, out
    pension, dibao = json.loads(out)
    assert pension["date"] == "2026-03-02"
    assert [h["venue"] for h in pension["hops"]] == ["xiajiao-center"]
    assert [h["closed"] for h in dibao["hops"]] == ["周一", None, None]
    code, out = run(*args, "--date", "2026-03-02", "--lang", "zh")
    shown = "上东礁镇村共用便民服务中心 (驻岛代办员)  代办时限未载明  （2026-03-02 周一不开放）"
    assert shown in out
    code, out = run(*args, "--date", "2026-03-03", "--json")
    assert [h["venue"] for h in json.loads(out)[0]["hops"]] == ["shangjiao-center"]
    code, out = run(*args, "--date", "2026-3-x")
    assert code == 2 and "--date" in out


def test_decide_lists_missing_facts_by_label_and_question(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(
        "apiVersion: catalogkit/v1\nkind: Case\nmatter: MH-MZ-0005\n"
        'locality: "339901101202"\nsubmitted: 2026-09-24\nfacts: {age: 85}\n',
        encoding="utf-8",
    )
    code, out = run("decide", str(case), "-c", str(DEMO), "--lang", "zh")
    assert code == 0, out
    assert "尚需说明（一次性告知）：\n  - 是否由家属或代办员代为申请？（是否由家属代办）" in out
    assert "by_agent" not in out


def test_decide_says_when_the_venue_it_names_is_closed(tmp_path: Path) -> None:
    """A Saturday case at 上东礁 (open Tuesdays and Thursdays): named, and said closed."""
    case = tmp_path / "case.yaml"
    case.write_text(
        "apiVersion: catalogkit/v1\nkind: Case\nmatter: MH-RS-0001\n"
        'locality: "339901102202"\nsubmitted: 2026-03-07\n'
        "facts: {age: 45, is_student: false, by_agent: false}\n",
        encoding="utf-8",
    )
    code, out = run("decide", str(case), "-c", str(DEMO), "--lang", "zh")
    assert code == 0, out
    assert "受理：上东礁镇村共用便民服务中心（2026-03-07 周六不开放）" in out


def test_route_command_unknown_code_is_an_error_not_a_usage_error() -> None:
    code, out = run("route", "NO-SUCH", "-l", "339901101202", "-c", str(DEMO))
    assert code == 1
    assert "no matter 'NO-SUCH' in this catalog" in out


def test_progress_is_shown_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from catalogkit.cli.validate import ProgressLine

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    line = ProgressLine(enabled=True)
    for i in range(1, 101):
        line(i, 100, 2)
    line.clear()
    err = capsys.readouterr().err
    assert "\r100/100 files, 2 problem(s) so far" in err
    assert err.endswith("\r\033[K")


def test_demo_decision_tests_pass() -> None:
    from tests.conftest import ROOT

    code, out = run(
        "test", str(DEMO / "tests"), "--no-plugin-autoload", "--plugins-dir", str(ROOT / "plugins")
    )
    assert code == 0, out
    assert out.strip().endswith("20 passed, 0 failed")


def test_decide_command_text_json_and_trace() -> None:
    from tests.conftest import ROOT

    args = [
        "decide",
        str(DEMO / "tests" / "example-case.yaml"),
        "-c",
        str(DEMO),
        "--no-plugin-autoload",
        "--plugins-dir",
        str(ROOT / "plugins"),
    ]
    code, out = run(*args, "--lang", "zh")
    assert code == 0, out
    assert "结果：材料补齐后受理（一次性告知）" in out
    assert "  - 残疾人证（原件1份，复印件1份）" in out
    code, out = run(*args, "--json")
    body = json.loads(out)
    assert body["outcome"] == "accept-pending-materials"
    assert body["plugins"] == {"hardship-waiver": "1.0.0"}
    assert [m["name"] for m in body["missing_materials"]][-1] == "残疾人证"


def test_a_catalog_enabling_plugins_that_are_missing_is_refused() -> None:
    code, out = run("test", str(DEMO / "tests"), "--no-plugin-autoload")
    assert code == 1
    assert "[unknown-plugin]" in out


def test_decision_trace_names_the_yaml_rule_with_its_line(tmp_path: Path) -> None:
    import re

    from tests.conftest import ROOT

    case = tmp_path / "case.yaml"
    case.write_text(
        "apiVersion: catalogkit/v1\nkind: Case\nmatter: MH-NY-0001\nlocality: '339901101202'\n"
        "submitted: 2026-09-24\nfacts: {build_type: 新建, household_size: 4, "
        "occupies_farmland: false, floor_area: 120}\n",
        encoding="utf-8",
    )
    code, out = run(
        "decide",
        str(case),
        "-c",
        str(DEMO),
        "--json",
        "--no-plugin-autoload",
        "--plugins-dir",
        str(ROOT / "plugins"),
    )
    assert code == 0, out
    trace = json.loads(out)["trace"]
    limit = next(t for t in trace if t["part"] == "promised limit")
    assert re.fullmatch(
        r"county/matters/nongye\.yaml:\d+:\d+ matters\[0\]\.rules\[0\]", limit["source"]
    ), limit
    line = int(limit["source"].split(":")[1])
    text = (DEMO / "county" / "matters" / "nongye.yaml").read_text(encoding="utf-8")
    assert "id: no-farmland-faster" in text.splitlines()[line - 1]


def test_guide_command_is_chinese_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import ROOT

    monkeypatch.setenv("CATALOGKIT_LANG", "en")
    args = [
        "guide",
        "MH-MZ-0001",
        "-l",
        "339901101202",
        "-c",
        str(DEMO),
        "--no-plugin-autoload",
        "--plugins-dir",
        str(ROOT / "plugins"),
    ]
    code, out = run(*args)
    assert code == 0, out
    assert out.startswith("# 最低生活保障对象认定 · 办事指南")
    code, out = run(*args, "--lang", "en", "--format", "html")
    assert "· Service guide</h1>" in out


@pytest.mark.parametrize(
    "args",
    [
        ["venue-list", "qingxi-center"],
        ["booklet", "339901101"],
        ["export", "--to", "json"],
        ["guide", "MH-MZ-0001", "-l", "339901101202", "--no-plugin-autoload"],
    ],
    ids=lambda a: a[0],
)
def test_publishing_commands_report_a_broken_tree_like_validate(
    broken: Path, args: list[str]
) -> None:
    code, out = run(*args, "-c", str(broken))
    assert code == 1
    assert re.search(r"extra\.yaml:3:1: error \[unknown-key\] nmae:", out), out


@pytest.mark.parametrize(
    ("today", "warned"), [("2026-10-31", False), ("2026-11-01", True), ("2026-12-07", True)]
)
def test_next_years_calendar_is_asked_for_from_november(
    today: str, warned: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo's newest calendar is 2026: from 1 November a warning (not an error) says
    that 2027 is missing, located on the 2026 file, on the cached path too."""
    monkeypatch.setenv("CATALOGKIT_TODAY", today)
    for args in (["--no-cache"], [], []):  # the second run fills the cache, the third reads it
        code, out = run("validate", str(DEMO), "--lang", "en", *args)
        assert code == 0, out
        lines = [line for line in out.splitlines() if "[next-calendar-missing]" in line]
        if warned:
            assert len(lines) == 1
            assert "calendars/2026.yaml:9:7: warning" in lines[0]
            assert "warning" in lines[0] and "calendars/2027.yaml" in lines[0]
        else:
            assert lines == []
    if warned:
        code, out = run("validate", str(DEMO), "--lang", "zh", "--no-cache")
        assert "缺少 2027 年工作日历" in out
