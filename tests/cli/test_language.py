"""The command line speaks the administrator's language: every command's help, click's
own words, and answers to wrong or ambiguous names, in Chinese with --lang zh,
CATALOGKIT_LANG=zh or a zh_* locale, and never an English-only message there."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result
from ruamel.yaml import YAML

from catalogkit.cli import cli, help_text
from catalogkit.cli.bilingual import first_sentence
from tests.conftest import DATA, DEMO

NAME_CASES: list[dict[str, Any]] = YAML(typ="safe", pure=True).load(
    (DATA / "names" / "cases.yaml").read_text(encoding="utf-8")
)
CHINESE = re.compile(r"[\u4e00-\u9fff]")
# three English words in a row: an English sentence (option names, metavars and
# choices are not sentences)
ENGLISH = re.compile(r"\b[A-Za-z][a-z]+ [a-z]{2,} [a-z]{2,}\b")


def commands() -> list[str]:
    return cli.list_commands(click.Context(cli))


def invoke(args: list[str], env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(cli, args, env=env)


def english_sentences(text: str) -> list[str]:
    return ENGLISH.findall(text)


@pytest.mark.parametrize("command", commands())
def test_help_in_chinese(command: str) -> None:
    result = invoke([command, "--help", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("用法："), out
    assert "选项" in out and "显示本帮助并退出" in out
    zh = help_text.COMMANDS[command][1]
    assert first_sentence(zh).replace(" ", "") in out.replace("\n", "").replace(" ", "")
    assert not english_sentences(out), english_sentences(out)


@pytest.mark.parametrize("command", commands())
def test_help_in_english(command: str) -> None:
    result = invoke([command, "--help", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Usage:")
    assert "Show this message and exit." in result.output


def test_the_group_help_lists_every_command_in_chinese() -> None:
    result = invoke(["--help", "--lang", "zh"])
    assert result.exit_code == 0
    for command in commands():
        assert first_sentence(help_text.COMMANDS[command][1])[:8] in result.output
    assert not english_sentences(result.output)


@pytest.mark.parametrize(
    "env",
    [
        {"CATALOGKIT_LANG": "zh"},
        {"CATALOGKIT_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "zh_CN.UTF-8"},
        {"CATALOGKIT_LANG": None, "LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"},
    ],
)
def test_the_environment_chooses_chinese(env: dict[str, str | None]) -> None:
    result = invoke(["booklet", "--help"], env=env)
    assert result.output.startswith("用法："), result.output
    assert "区划代码或名称" in result.output


def test_lang_beats_the_environment() -> None:
    result = invoke(["booklet", "--help", "--lang", "en"], env={"CATALOGKIT_LANG": "zh"})
    assert result.output.startswith("Usage:")
    assert "division code or name" in result.output


def test_the_table_speaks_after_english_runs() -> None:
    """A run in one language leaves nothing behind for the next one."""
    assert invoke(["route", "--help", "--lang", "zh"]).output.startswith("用法：")
    assert invoke(["route", "--help", "--lang", "en"]).output.startswith("Usage:")
    assert invoke(["route", "--help", "--lang", "zh"]).output.startswith("用法：")


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["route", "MH-MZ-0001"], ["错误：缺少选项 '-l' / '--locality'"]),
        (["guide"], ["错误：缺少参数 'MATTER'"]),
        (["validate", "--nope"], ["错误：没有选项 '--nope'"]),
        (["stats", "--format", "xls"], ["'--format' 的取值无效", "不是以下取值之一"]),
        (["nosuch"], ["错误：没有命令 'nosuch'"]),
    ],
)
def test_usage_errors_in_chinese(args: list[str], fragments: list[str]) -> None:
    result = invoke([*args, "--lang", "zh"])
    assert result.exit_code == 2
    for fragment in fragments:
        assert fragment in result.output, result.output
    assert "运行 '" in result.output and "查看帮助" in result.output
    assert not english_sentences(result.output), result.output


def _case_id(case: dict[str, Any]) -> str:
    return " ".join(case["args"])


@pytest.mark.parametrize("case", NAME_CASES, ids=_case_id)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_names(case: dict[str, Any], lang: str, tmp_path: Path) -> None:
    args = [*case["args"], "--catalog", str(DEMO), "--lang", lang]
    result = invoke(args)
    assert result.exit_code == case["exit"], result.output
    for fragment in case[lang]:
        assert fragment in result.output, result.output
    if lang == "zh" and case["exit"]:
        assert not english_sentences(result.output), result.output
        assert CHINESE.search(result.output.splitlines()[0])


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["test", str(DEMO / "tests"), "-c", str(DEMO)], "失败 0 个"),
        (["rules"], "文件超过大小上限"),
        (
            ["schema", "--check", "-o", str(DEMO.parent / "schemas/catalog-v1.schema.json")],
            "是最新的",
        ),
        (["plugins", "-c", str(DEMO)], "钩子"),
        (["route", "-l", "339901101202", "-c", str(DEMO)], "请写出一个或多个事项"),
        (["decide", str(DEMO / "tests" / "example-case.yaml"), "-c", str(DEMO)], "目录版本"),
        (["stats", "-c", str(DEMO)], "办结"),
    ],
    ids=lambda a: a[0] if isinstance(a, list) else None,
)
def test_answers_in_chinese(args: list[str], fragment: str) -> None:
    result = invoke([*args, "--lang", "zh"])
    assert fragment in result.output, result.output
    assert not english_sentences(result.output), english_sentences(result.output)
