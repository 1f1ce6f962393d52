"""`catalogkit new-plugin NAME`: a ready package whose own test passes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogkit.cli.new_plugin import new_plugin_command, render

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(new_plugin_command, list(args))
    return result.exit_code, result.output


def environment(package: Path) -> dict[str, str]:
    path = os.pathsep.join([str(package / "src"), str(ROOT / "src")])
    return {**os.environ, "PYTHONPATH": path, "CATALOGKIT_DISABLE_PLUGIN_AUTOLOAD": "1"}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("new")
    code, out = run("xinghu-ferry-2", "--dir", str(where))
    assert code == 0, out
    assert f"created {where / 'xinghu-ferry-2'}" in out
    return where / "xinghu-ferry-2"


def test_writes_a_package(package: Path) -> None:
    files = sorted(p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file())
    assert files == [
        "README.md",
        "pyproject.toml",
        "src/xinghu_ferry_2/__init__.py",
        "src/xinghu_ferry_2/py.typed",
        "tests/test_xinghu_ferry_2.py",
    ]
    project = tomllib.loads((package / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["name"] == "catalogkit-xinghu-ferry-2"
    assert project["project"]["entry-points"]["catalogkit"] == {"xinghu-ferry-2": "xinghu_ferry_2"}
    assert not [p for p in package.parent.iterdir() if p.name.startswith(".")]  # no staging left
    assert "$" not in "".join(render("xinghu-ferry-2").values())


def test_the_generated_test_passes(package: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=package,
        env=environment(package),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout


def test_it_loads_under_its_name_from_a_plugins_folder(package: Path) -> None:
    """In a catalog's plugins/ folder, uninstalled, it has the name of its entry point."""
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from catalogkit.plugins import Plugins\n"
        "found = Plugins.load(folders=[Path(sys.argv[1])], autoload=False)\n"
        "print(json.dumps([(p.name, p.version, list(p.hooks)) for p in found]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(package.parent)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [["xinghu-ferry-2", "0.1.0", ["catalogkit_fee_waivers"]]]


def test_the_generated_code_is_lint_clean(package: Path) -> None:
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        pytest.skip("ruff is not installed next to this Python")
    rules = ["--select", "E,F,W,I,B,UP,SIM,RUF", "--ignore", "RUF001,RUF002,RUF003"]
    done = subprocess.run(
        [str(ruff), "check", "--no-cache", *rules, "."],
        cwd=package,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_refuses_an_existing_folder(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "keep.txt").write_text("mine")
    code, out = run("taken", "--dir", str(tmp_path))
    assert code == 1
    assert "exists already" in out
    assert [p.name for p in (tmp_path / "taken").iterdir()] == ["keep.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


@pytest.mark.parametrize(
    "name",
    ["Ferry", "ferry_fee", "-ferry", "ferry-", "9ferry", "ferry--fee", "渡船", "a" * 65, "json"],
)
def test_refuses_a_bad_name(tmp_path: Path, name: str) -> None:
    code, out = run(name, "--dir", str(tmp_path))
    assert code == 2, out
    assert "NAME" in out
    assert list(tmp_path.iterdir()) == []


def test_registered_in_the_cli() -> None:
    import click

    from catalogkit.cli import cli

    assert cli.get_command(click.Context(cli), "new-plugin") is new_plugin_command
