"""`catalogkit search`: text and JSON answers, a locality, nothing found, bad input."""

from __future__ import annotations

import json

from click.testing import CliRunner

from catalogkit.cli import cli
from tests.conftest import DEMO

GROUP = "339901101202-5"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["search", *args, "-c", str(DEMO)])
    return result.exit_code, result.output


def test_text_in_chinese_says_why_and_where() -> None:
    code, out = run("低保", "-l", GROUP, "--lang", "zh")
    assert code == 0
    lines = out.splitlines()
    assert lines[1].startswith(" 1. 最低生活保障对象认定 (MH-MZ-0001)  村里可代办")
    assert lines[2] == "    匹配：群众说法：低保 → 最低生活保障；词语：低保"


def test_json_is_the_api_answer() -> None:
    code, out = run("办丧事", "--json", "-n", "1")
    assert code == 0
    answer = json.loads(out)
    assert answer["events"][0]["id"] == "afterlife"
    assert answer["items"][0]["code"] == "MH-GA-0005"
    assert answer["items"][0]["implementationCode"].startswith("MH-GA-0005-339901000000-000-")
    assert {"kind", "matched", "to", "text"} <= set(answer["items"][0]["why"][0])


def test_nothing_found_suggests_and_gives_the_hotline() -> None:
    code, out = run("工伤", "--lang", "zh")
    assert code == 0
    assert "没有找到与「工伤」相关的事项。" in out
    assert "您可以试试：工伤认定" in out
    assert "12345" in out


def test_an_unknown_locality_is_a_usage_error() -> None:
    code, out = run("低保", "-l", "999999")
    assert code == 2
    assert "unknown locality code '999999'" in out
