"""`validate` of an unchanged tree answers from its remembered verdict and prints exactly
what the full check printed, in every format and language (cases in
tests/data/verdict/cases.yaml); any change of what the verdict depends on runs the
full check again."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from catalogkit.cli import cli, loading
from catalogkit.load import verdict_key
from catalogkit.load.cache import cache_dir
from tests.conftest import DATA, ROOT

CASES: dict[str, Any] = YAML(typ="safe").load((DATA / "verdict" / "cases.yaml").read_text("utf-8"))
FULL_CHECK = loading.open_door
TIME_TAKEN = re.compile(r" \(\d+ ms(, cached)?\)$", re.M)


def make_tree(spec: dict[str, Any], where: Path) -> Path:
    root = where / "tree"
    shutil.copytree(ROOT / spec["base"], root)
    if "overlay" in spec:
        shutil.copytree(ROOT / spec["overlay"], root, dirs_exist_ok=True)
        (root / "expected.txt").unlink(missing_ok=True)
        (root / "expected.zh.txt").unlink(missing_ok=True)
    for name, (old, new) in spec.get("edits", {}).items():
        text = (root / name).read_text("utf-8")
        assert old in text, (name, old)
        (root / name).write_text(text.replace(old, new), "utf-8")
    for name, text in spec.get("add", {}).items():
        (root / name).write_text(text, "utf-8")
    return root


def validate(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["validate", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    out, err = (TIME_TAKEN.sub(" (… ms)", text) for text in (result.stdout, result.stderr))
    return result.exit_code, out, err


def no_full_check(*args: object, **kwargs: object) -> object:
    raise AssertionError("the full check ran: the verdict was not used")


def forget_verdicts() -> None:
    for path in cache_dir().glob("verdict-*.json"):
        path.unlink()


@pytest.mark.parametrize("name", sorted(CASES["trees"]))
def test_the_verdict_prints_what_the_full_check_printed(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = CASES["trees"][name]
    make_tree(spec, tmp_path)
    monkeypatch.chdir(tmp_path)
    if "today" in spec:
        monkeypatch.setenv("CATALOGKIT_TODAY", spec["today"])
    for args in CASES["runs"]:
        forget_verdicts()
        monkeypatch.setattr(loading, "open_door", FULL_CHECK)
        checked = validate("tree", *args)
        assert list(cache_dir().glob("verdict-*.json")), "the full check kept no verdict"
        monkeypatch.setattr(loading, "open_door", no_full_check)
        assert validate("tree", *args) == checked, args


@pytest.fixture()
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_tree(CASES["trees"]["drafts"], tmp_path)
    (root / "plugins").mkdir()
    (root / "plugins" / "notes.txt").write_text("a plugin folder\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    validate("tree")  # the full check, which keeps the verdict
    monkeypatch.setattr(loading, "open_door", no_full_check)
    assert validate("tree")[0] == 0  # and the verdict answers
    return root


def full_check_runs(monkeypatch: pytest.MonkeyPatch, *args: str) -> bool:
    """Whether `validate tree ARGS` ran the full check (else its verdict answered)."""
    ran: list[bool] = []

    def counting(*a: Any, **k: Any) -> Any:
        ran.append(True)
        return FULL_CHECK(*a, **k)

    monkeypatch.setattr(loading, "open_door", counting)
    validate("tree", *args)
    return bool(ran)


def edit(root: Path) -> None:
    path = root / "county" / "matters.yaml"
    path.write_text(path.read_text("utf-8").replace("高龄津贴申领", "高龄津贴办理"), "utf-8")


CHANGES = {
    "a file edited": edit,
    "a file added": lambda root: (root / "towns" / "notes.yaml").write_text("# 备注\n", "utf-8"),
    "a plugin folder file changed": lambda root: (root / "plugins" / "notes.txt").write_text(
        "changed\n", "utf-8"
    ),
    "a plugin folder file added": lambda root: (root / "plugins" / "more.txt").write_text(
        "more\n", "utf-8"
    ),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_change_in_the_tree_runs_the_full_check(
    change: str, tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    CHANGES[change](tree)
    assert full_check_runs(monkeypatch)
    assert not full_check_runs(monkeypatch)  # which kept the verdict again


def test_an_edit_is_reported_not_the_old_verdict(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tree / "county" / "matters.yaml"
    path.write_text(path.read_text("utf-8").replace("    name: 高龄津贴申领\n", "    name: 123\n"))
    monkeypatch.setattr(loading, "open_door", FULL_CHECK)
    code, out, _ = validate("tree")
    assert code == 1 and "error" in out


@pytest.mark.parametrize(
    "options",
    [["--strict"], ["--no-plugin-autoload"], ["--block", "island-ferry"], ["--plugins-dir", "."]],
)
def test_another_option_runs_the_full_check(
    options: list[str], tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert full_check_runs(monkeypatch, *options)


def test_presentation_options_share_the_verdict(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CATALOGKIT_LANG", "zh")
    assert not full_check_runs(monkeypatch, "--format", "json", "--lang", "zh", "--quiet")


def test_another_date_runs_the_full_check(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CATALOGKIT_TODAY", "2026-06-02")
    assert full_check_runs(monkeypatch)


def test_no_cache_neither_reads_nor_keeps_a_verdict(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert full_check_runs(monkeypatch, "--no-cache")
    monkeypatch.setenv("CATALOGKIT_NO_CACHE", "1")
    assert full_check_runs(monkeypatch)


def test_plugins_named_by_module_are_never_answered_from_a_verdict(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert full_check_runs(monkeypatch, "-p", "json")
    assert full_check_runs(monkeypatch, "-p", "json")


def test_a_plugin_folder_given_is_part_of_the_key(tmp_path: Path) -> None:
    folder = tmp_path / "more-plugins"
    folder.mkdir()
    (folder / "extra.py").write_text("X = 1\n", "utf-8")
    before = verdict_key.verdict_key(tmp_path, [folder], ())
    (folder / "extra.py").write_text("X = 2\n", "utf-8")
    assert verdict_key.verdict_key(tmp_path, [folder], ()) != before


def test_catalogkit_code_by_size_and_time(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("A = 1\n", "utf-8")
    before = verdict_key._stat_digest(tmp_path)
    (tmp_path / "a.py").write_text("A = 22\n", "utf-8")
    assert verdict_key._stat_digest(tmp_path) != before
    assert verdict_key.code_stamp() == verdict_key.code_stamp()


def test_installed_plugins_code_is_part_of_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "demo_plugin").mkdir()
    module = tmp_path / "demo_plugin" / "__init__.py"
    module.write_text("X = 1\n", "utf-8")
    info = tmp_path / "demo_plugin-1.0.dist-info"
    info.mkdir()
    (info / "entry_points.txt").write_text(
        "[console_scripts]\nx = other:main\n\n[catalogkit]\ndemo = demo_plugin:plugin\n", "utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert verdict_key.plugin_modules(info / "entry_points.txt") == ["demo_plugin"]
    before = verdict_key.installed_stamp()
    assert before is not None and "demo_plugin-1.0.dist-info" in before
    module.write_text("X = 22\n", "utf-8")
    assert verdict_key.installed_stamp() != before
    info.rename(tmp_path / "demo_plugin-1.1.dist-info")
    module.write_text("X = 1\n", "utf-8")
    assert verdict_key.installed_stamp() != before


HEAVY = ("pydantic", "catalogkit.model", "catalogkit.engine", "catalogkit.resolve", "pluggy")
PROBE = (
    "import atexit, sys\n"
    "atexit.register(lambda: print(sorted(m for m in {heavy!r} if m in sys.modules), "
    "file=sys.__stderr__))\n"
    "sys.argv = ['catalogkit', 'validate', {tree!r}]\n"
    "from catalogkit.cli import main\n"
    "main()\n"
)


def test_the_verdict_is_read_without_the_checking_machinery(tmp_path: Path) -> None:
    """The point of the verdict: a process that answers from it imports neither
    pydantic nor the models, the engine, the resolver or the plugin manager."""
    root = make_tree(CASES["trees"]["demo"], tmp_path)
    probe = [sys.executable, "-c", PROBE.format(heavy=HEAVY, tree=str(root))]
    first = subprocess.run(probe, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    assert "pydantic" in first.stderr  # the full check needs it
    second = subprocess.run(probe, capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    assert second.stderr.strip().splitlines()[-1] == "[]", second.stderr
    same = [TIME_TAKEN.sub(" (… ms)", run.stdout) for run in (first, second)]
    assert same[0] == same[1] and "0 error(s)" in same[1], same
