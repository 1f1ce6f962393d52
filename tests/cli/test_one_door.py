"""Every command that reads a catalog comes in through the one door (`Catalog.open`):
run against a subfolder of a tree whose plugins sit only in the tree's `plugins/`
folder, with installed plugins turned off, each finds the tree's root and loads its
plugins the same way (`guide`, `decide`, `serve` and `plugins` once failed there with
`unknown-plugin`). The commands and what they must print: tests/data/one_door/."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from catalogkit.catalog import Catalog, PluginChoice
from catalogkit.cli import cli
from tests.conftest import DATA, DEMO, ROOT
from tests.ledger.test_http import NEW

CASES: list[dict[str, Any]] = YAML(typ="safe", pure=True).load(
    (DATA / "one_door" / "commands.yaml").read_text(encoding="utf-8")
)
NO_AUTOLOAD = "--no-plugin-autoload"


def tree_with_local_plugins(tmp_path: Path) -> Path:
    """A copy of the demo with the demo plugins' sources in its own plugins/ folder."""
    tree = tmp_path / "tree"
    shutil.copytree(DEMO, tree)
    for package in sorted((ROOT / "plugins").iterdir()):
        if (package / "pyproject.toml").is_file():
            shutil.copytree(package, tree / "plugins" / package.name, ignore=_built)
    return tree


def _built(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if n in {"build", "__pycache__"} or n.endswith(".egg-info")]


def takes_plugin_options(name: str) -> bool:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None, name
    return any(NO_AUTOLOAD in getattr(p, "opts", ()) for p in command.params)


@pytest.mark.parametrize("case", CASES, ids=lambda c: " ".join(c["args"][:2]))
def test_every_command_from_a_subfolder_with_tree_local_plugins(
    case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CATALOGKIT_DISABLE_PLUGIN_AUTOLOAD", "1")  # `cases` has no option
    monkeypatch.delenv("CATALOGKIT_DATABASE_URL", raising=False)
    tree = tree_with_local_plugins(tmp_path)
    (tmp_path / "case.json").write_text(json.dumps(NEW, ensure_ascii=False), encoding="utf-8")
    places = {"{sub}": str(tree / "towns"), "{tree}": str(tree), "{tmp}": str(tmp_path)}
    args = []
    for arg in case["args"]:
        for key, value in places.items():
            arg = arg.replace(key, value)
        args.append(arg)
    if takes_plugin_options(args[0]):
        args.append(NO_AUTOLOAD)
    result = CliRunner().invoke(cli, [*args, "--lang", "en"] if args[0] != "cases" else args)
    assert result.exit_code == 0, result.output
    for fragment in case["out"]:
        assert fragment in result.output, result.output


def test_the_door_finds_the_root_and_the_plugins_once(tmp_path: Path) -> None:
    tree = tree_with_local_plugins(tmp_path)
    catalog = Catalog.open(tree / "towns" / "qingxi.yaml", plugins=PluginChoice(autoload=False))
    assert catalog.root == tree
    assert catalog.plugins is not None and "island-ferry" in catalog.plugins
    assert catalog.bundle is not None and not catalog.report.errors
    assert catalog.engine is catalog.engine  # built once, when first asked for
    assert catalog.engine.bundle is catalog.bundle


def test_without_the_tree_plugins_the_door_reports_them_unknown(tmp_path: Path) -> None:
    tree = tree_with_local_plugins(tmp_path)
    shutil.rmtree(tree / "plugins")
    catalog = Catalog.open(tree / "towns", plugins=PluginChoice(autoload=False))
    assert catalog.bundle is None
    assert "unknown-plugin" in {d.rule for d in catalog.report.errors}
