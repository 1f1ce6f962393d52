"""Commands end in one clean line whatever fails underneath (a plugin raising in a hook,
an I/O error), and `fmt` never replaces what it should not: a read-only file, a file
outside the tree reached through a symbolic link; it syncs what it writes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogkit.cli import cli
from catalogkit.testing import COUNTY, make_tree

BASE = Path(__file__).resolve().parent.parent / "data" / "invalid" / "_base"
CRASHY = """
from catalogkit.plugins import hookimpl

@hookimpl
def catalogkit_validate_catalog(bundle, locality, config):
    raise RuntimeError("the plugin's own bug")
"""


def run(*args: str) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(cli, list(args))
    crash = None if isinstance(result.exception, SystemExit) else result.exception
    return result.exit_code, result.output, crash


def test_a_plugin_raising_in_its_validation_hook_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CATALOGKIT_NO_CACHE", "1")
    monkeypatch.delenv("CATALOGKIT_DEBUG", raising=False)
    tree = make_tree(tmp_path / "tree", plugins={COUNTY: [("crashy", {})]})
    (tree / "plugins").mkdir()
    (tree / "plugins" / "crashy.py").write_text(CRASHY, encoding="utf-8")
    code, output, crash = run("validate", str(tree), "--no-plugin-autoload", "--lang", "en")
    assert crash is None and code == 1
    (line,) = output.strip().splitlines()
    assert line.startswith("Error: plugin 'crashy'") and "crashy.py" in line
    assert "catalogkit_validate_catalog" in line and "the plugin's own bug" in line


def test_an_io_error_in_a_command_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", "/srv/catalogs/county/matters.yaml")

    monkeypatch.delenv("CATALOGKIT_DEBUG", raising=False)
    monkeypatch.setattr("catalogkit.catalog.Catalog.open", fail)  # the one door
    code, output, crash = run("validate", str(BASE), "--lang", "en")
    assert crash is None and code == 1
    assert output.strip() == (
        "Error: /srv/catalogs/county/matters.yaml: cannot read or write the file: permission denied"
    )


UGLY = "apiVersion:   catalogkit/v1\nkind: Matters\n"


def ugly_tree(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    shutil.copytree(BASE, tree)
    path = tree / "county" / "matters.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: Matters", "kind:   Matters"))
    return tree


def test_fmt_refuses_a_read_only_file_unless_forced(tmp_path: Path) -> None:
    tree = ugly_tree(tmp_path)
    path = tree / "county" / "matters.yaml"
    before = path.read_bytes()
    path.chmod(0o444)
    code, output, crash = run("fmt", str(path), "--lang", "en")
    assert crash is None and code == 1
    assert "not writing the file: the file is read-only (--force writes it)" in output
    assert path.read_bytes() == before
    code, output, _ = run("fmt", str(path), "--force", "--lang", "en")
    assert code == 0 and path.read_bytes() != before
    assert path.stat().st_mode & 0o777 == 0o444  # its mode is kept


def test_fmt_refuses_a_link_leaving_the_tree_unless_forced(tmp_path: Path) -> None:
    tree = ugly_tree(tmp_path)
    outside = tmp_path / "elsewhere.yaml"
    (tree / "county" / "matters.yaml").rename(outside)
    (tree / "county" / "matters.yaml").symlink_to(outside)
    before = outside.read_bytes()
    code, output, crash = run("fmt", str(tree), "--lang", "zh")
    assert crash is None and code == 1
    assert "不写入该文件：这是指向目录文件夹之外的符号链接（确需写入请加 --force）" in output
    assert outside.read_bytes() == before
    code, _, _ = run("fmt", str(tree / "county" / "matters.yaml"), "--force")
    assert code == 0 and outside.read_bytes() != before
    assert (tree / "county" / "matters.yaml").is_symlink()  # written through, not over


def test_fmt_syncs_the_file_and_its_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = ugly_tree(tmp_path)
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append("folder" if os.path.isdir(f"/proc/self/fd/{fd}") else "file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    code, _, _ = run("fmt", str(tree / "county" / "matters.yaml"))
    assert code == 0 and synced == ["file", "folder"]
