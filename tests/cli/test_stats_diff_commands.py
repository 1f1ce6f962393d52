"""`catalogkit stats` and `catalogkit diff` from the command line: formats, files,
languages, exit codes, and diffs between git revisions of a tree."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from catalogkit import load_catalog
from catalogkit.cli.diff_cmd import diff_command
from catalogkit.cli.stats_cmd import stats_command
from catalogkit.diff import as_dict, diff_bundles
from catalogkit.report import as_json, compute_stats
from tests.conftest import DATA, DEMO
from tests.unit.test_diff import build_side

STATS_TREE = DATA / "stats" / "tree"
NO_AUTOLOAD = "--no-plugin-autoload"  # the small trees enable no plugin


def run(command: click.Command, *args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(command, list(args), env=env)


def test_command_names() -> None:
    assert (stats_command.name, diff_command.name) == ("stats", "diff")


# ---- stats -------------------------------------------------------------------------


def test_stats_table_follows_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CATALOGKIT_LANG", "zh")
    zh = run(stats_command, "-c", str(STATS_TREE), NO_AUTOLOAD)
    assert zh.exit_code == 0, zh.output
    assert "事项总数 6" in zh.output and "另有已取消事项 1 项" in zh.output
    en = run(stats_command, "-c", str(STATS_TREE), NO_AUTOLOAD, "--lang", "en")
    assert "matters 6" in en.output and "1 cancelled matter(s) not counted" in en.output


def test_stats_json_is_the_library_json() -> None:
    result = run(stats_command, "-c", str(STATS_TREE), NO_AUTOLOAD, "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.output == as_json(compute_stats(load_catalog(STATS_TREE, cache=False)))


def test_stats_svg_written_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "charts" / "stats.svg"
    result = run(stats_command, "-c", str(DEMO), "--format", "svg", "-o", str(out), "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert result.output == ""
    root = ET.fromstring(out.read_text(encoding="utf-8"))
    assert root.tag.endswith("svg")
    assert sorted(p.name for p in out.parent.iterdir()) == ["stats.svg"]  # no temporary left


def test_stats_on_a_broken_tree_prints_diagnostics(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(STATS_TREE, tree)
    (tree / "extra.yaml").write_text(
        "apiVersion: catalogkit/v1\nkind: Settings\nnmae: 错误\n", encoding="utf-8"
    )
    result = run(stats_command, "-c", str(tree), NO_AUTOLOAD)
    assert result.exit_code == 1
    assert "extra.yaml:3:1: error [unknown-key]" in result.stderr


# ---- diff between folders ------------------------------------------------------------


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    return (
        build_side("matters", "old", tmp_path / "old"),
        build_side("matters", "new", tmp_path / "new"),
    )


def test_diff_exit_codes(pair: tuple[Path, Path]) -> None:
    old, new = (str(p) for p in pair)
    assert run(diff_command, old, new, NO_AUTOLOAD).exit_code == 0
    assert run(diff_command, old, new, NO_AUTOLOAD, "--exit-code").exit_code == 1
    assert run(diff_command, old, old, NO_AUTOLOAD, "--exit-code").exit_code == 0


def test_diff_json_is_the_library_json(pair: tuple[Path, Path]) -> None:
    old, new = pair
    result = run(diff_command, str(old), str(new), NO_AUTOLOAD, "--format", "json")
    assert result.exit_code == 0, result.output
    expected = diff_bundles(
        load_catalog(old, cache=False), load_catalog(new, cache=False), str(old), str(new)
    )
    assert json.loads(result.output) == as_dict(expected)


def test_diff_markdown_notice(pair: tuple[Path, Path]) -> None:
    old, new = (str(p) for p in pair)
    result = run(diff_command, old, new, NO_AUTOLOAD, "--format", "md", "--lang", "en")
    assert result.exit_code == 0, result.output
    text = result.output  # a notice is Chinese whatever --lang says
    for heading in ("## 一、新增事项", "## 二、取消事项", "## 三、变更事项"):
        assert heading in text
    assert "特此公告。\n\n明湖县行政审批服务中心\n" in text  # the county hall issues it


def test_diff_text_in_both_languages(pair: tuple[Path, Path]) -> None:
    old, new = (str(p) for p in pair)
    zh = run(diff_command, old, new, NO_AUTOLOAD, "--lang", "zh").output
    assert "+ MH-MZ-0006 内地居民结婚登记" in zh and "- MH-MZ-0005 高龄津贴申领" in zh
    en = run(diff_command, old, new, NO_AUTOLOAD, "--lang", "en").output
    assert "4 change(s)" in en and "renamed: 最低生活保障对象认定 → 最低生活保障审核确认" in en


def test_diff_of_a_broken_tree_exits_2_with_diagnostics(pair: tuple[Path, Path]) -> None:
    old, new = pair
    (new / "county" / "matters.yaml").write_text(
        (new / "county" / "matters.yaml")
        .read_text(encoding="utf-8")
        .replace("handlingKind: 即办件", "handlingKind: 即办"),
        encoding="utf-8",
    )
    result = run(diff_command, str(old), str(new), NO_AUTOLOAD, "--exit-code", "--lang", "en")
    assert result.exit_code == 2
    assert "matters.yaml:" in result.stderr and "error [bad-value]" in result.stderr
    assert result.stdout == ""


def test_diff_of_a_missing_tree_exits_2(pair: tuple[Path, Path], tmp_path: Path) -> None:
    result = run(diff_command, str(pair[0]), str(tmp_path / "nowhere"), NO_AUTOLOAD)
    assert result.exit_code == 2
    assert "neither a catalog folder nor REV:PATH" in result.stderr


# ---- diff between git revisions ----------------------------------------------------


def git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A repository whose `catalogs/` holds the old side in HEAD~1 and the new side in
    HEAD; the working tree is at HEAD."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    build_side("matters", "old", root / "catalogs")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "old")
    shutil.rmtree(root / "catalogs")
    build_side("matters", "new", root / "catalogs")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "new")
    return root


def test_diff_between_revisions(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    result = run(diff_command, "HEAD~1:catalogs", "HEAD:catalogs", NO_AUTOLOAD, "--format", "json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert (body["old"]["source"], body["new"]["source"]) == ("HEAD~1:catalogs", "HEAD:catalogs")
    old = load_catalog(build_side("matters", "old", tmp_path / "o"), cache=False)
    new = load_catalog(build_side("matters", "new", tmp_path / "n"), cache=False)
    expected = as_dict(diff_bundles(old, new))
    for side in ("old", "new"):
        del body[side], expected[side]
    assert body == expected


def test_revision_against_the_working_tree(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "sub").mkdir()
    monkeypatch.chdir(repo / "sub")  # ./PATH is read from the current folder, as git does
    same = run(diff_command, "HEAD:./../catalogs", "../catalogs", NO_AUTOLOAD, "--exit-code")
    assert same.exit_code == 0, same.output
    changed = run(diff_command, "HEAD~1:catalogs", "../catalogs", NO_AUTOLOAD, "--exit-code")
    assert changed.exit_code == 1, changed.output
    assert "MH-MZ-0006" in changed.output


def test_broken_revision_is_reported_with_its_name(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    matters = repo / "catalogs" / "county" / "matters.yaml"
    matters.write_text(matters.read_text(encoding="utf-8") + "  - nmae: x\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "broken")
    monkeypatch.chdir(repo)
    result = run(diff_command, "HEAD~1:catalogs", "HEAD:catalogs", NO_AUTOLOAD, "--lang", "en")
    assert result.exit_code == 2
    assert "HEAD:catalogs/county/matters.yaml:" in result.stderr


def test_unknown_revision_exits_2(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    result = run(diff_command, "no-such-rev:catalogs", "HEAD:catalogs", NO_AUTOLOAD)
    assert result.exit_code == 2
    assert "git cannot read no-such-rev:catalogs" in result.stderr
