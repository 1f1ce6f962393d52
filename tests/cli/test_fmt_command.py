"""`catalogkit fmt` from the command line: --check, --diff, --force, refusals,
atomic writes that keep permissions, comments that survive, exit codes."""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from catalogkit.cli.fmt_cmd import fmt_command
from catalogkit.format import format_text
from catalogkit.load.located import read_checked
from tests.conftest import DEMO

CALENDAR = "calendars/2026.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(fmt_command, list(args))


def messy(text: str) -> str:
    """The same data laid out badly: deeper indentation, spaces in flow mappings,
    trailing spaces, CRLF line endings and extra blank lines."""
    text = re.sub(r"(?m)^  ", "      ", text).replace("\n\n", "\n\n\n")
    lines = [x if x.lstrip().startswith("#") else x.replace(", ", ",   ") for x in text.split("\n")]
    return "\r\n".join(line + "  " for line in lines)


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "catalogs"
    shutil.copytree(DEMO, root)
    return root


@pytest.fixture()
def untidy(tree: Path) -> Path:
    """The demo tree with one calendar file laid out badly (still valid)."""
    path = tree / CALENDAR
    path.write_bytes(messy(path.read_text(encoding="utf-8")).encode("utf-8"))
    return path


def test_demo_tree_is_already_canonical(tree: Path) -> None:
    result = run(str(tree), "--check")
    assert result.exit_code == 0, result.output
    assert "0 file(s) would be reformatted, 24 unchanged, 0 refused" in result.stderr


def test_check_lists_the_file_and_writes_nothing(untidy: Path) -> None:
    before = untidy.read_bytes()
    result = run(str(untidy.parents[1]), "--check")
    assert result.exit_code == 1
    assert result.stdout.strip().splitlines() == [f"would reformat {os.path.relpath(untidy)}"]
    assert "1 file(s) would be reformatted" in result.stderr
    assert untidy.read_bytes() == before


def test_diff_prints_a_unified_diff_and_writes_nothing(untidy: Path) -> None:
    before = untidy.read_bytes()
    result = run(str(untidy), "--diff")
    assert result.exit_code == 1
    name = os.path.relpath(untidy).replace(os.sep, "/")
    assert f"--- a/{name}\n+++ b/{name}\n" in result.stdout
    assert "\n+  - {name: 元旦, date: 2026-01-01, isOffDay: true}\n" in result.stdout
    assert untidy.read_bytes() == before


def test_write_formats_keeps_data_comments_and_permissions(untidy: Path) -> None:
    original = (DEMO / CALENDAR).read_text(encoding="utf-8")
    os.chmod(untidy, 0o640)
    inode = untidy.stat().st_ino
    result = run(str(untidy.parents[1]))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"reformatted {os.path.relpath(untidy)}"
    assert untidy.read_text(encoding="utf-8") == original  # the canonical text again
    assert stat.S_IMODE(untidy.stat().st_mode) == 0o640
    assert untidy.stat().st_ino != inode  # replaced by rename, not rewritten in place
    assert not [p for p in untidy.parent.iterdir() if p.name.startswith(".")]
    assert "# 元旦" in untidy.read_text(encoding="utf-8")
    again = run(str(untidy.parents[1]))
    assert again.exit_code == 0 and again.stdout == ""
    assert "0 file(s) reformatted, 24 unchanged" in again.stderr


def test_data_read_by_the_checked_reader_is_unchanged(untidy: Path) -> None:
    before = read_checked("f", untidy.read_bytes().decode("utf-8"))
    assert run(str(untidy)).exit_code == 0
    assert read_checked("f", untidy.read_text(encoding="utf-8")) == before


def test_a_failed_write_leaves_the_file_whole(
    untidy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = untidy.read_bytes()

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    result = run(str(untidy))
    assert result.exit_code == 1
    assert "error: cannot write the file: No space left on device" in result.stderr
    assert untidy.read_bytes() == before
    assert not [p for p in untidy.parent.iterdir() if p.name.startswith(".")]


def test_formatted_files_are_not_touched(tree: Path) -> None:
    path = tree / CALENDAR
    os.utime(path, (1_000_000_000, 1_000_000_000))
    assert run(str(tree)).exit_code == 0
    assert path.stat().st_mtime == 1_000_000_000


def test_a_symlink_stays_a_symlink(untidy: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(untidy)
    assert run(str(link)).exit_code == 0
    assert link.is_symlink()
    assert untidy.read_text(encoding="utf-8") == (DEMO / CALENDAR).read_text(encoding="utf-8")


def test_comments_survive_in_place(tree: Path) -> None:
    """Every full-line comment pushed to column 0 goes back above the line it
    precedes, at that line's indentation."""
    path = tree / "towns" / "yunling.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^ +# ", "# ", text), encoding="utf-8")
    assert run(str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8") == text


def test_invalid_file_is_refused_with_validate_diagnostics(tree: Path) -> None:
    path = tree / CALENDAR
    text = path.read_text(encoding="utf-8").replace("year: 2026", "yaer: 2026")
    path.write_text(messy(text), encoding="utf-8", newline="")
    before = path.read_bytes()
    result = run(str(tree))
    assert result.exit_code == 1
    assert re.search(r"2026\.yaml:\d+:\d+: error \[unknown-key\] yaer: ", result.stderr)
    assert "0 file(s) reformatted, 23 unchanged, 1 refused" in result.stderr
    assert path.read_bytes() == before


def test_force_writes_an_invalid_file(tree: Path) -> None:
    path = tree / CALENDAR
    text = path.read_text(encoding="utf-8").replace("year: 2026", "yaer: 2026")
    path.write_text(messy(text), encoding="utf-8", newline="")
    result = run(str(path), "--force")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == format_text(text) == text


def test_broken_yaml_is_never_written(tree: Path) -> None:
    path = tree / CALENDAR
    path.write_text("apiVersion:   catalogkit/v1\nkind: [Calendar\n", encoding="utf-8")
    before = path.read_bytes()
    for flags in ([], ["--force"]):
        result = run(str(path), *flags)
        assert result.exit_code == 1
        assert "[yaml-syntax]" in result.stderr
        assert path.read_bytes() == before


def test_a_change_of_data_is_refused(untidy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from catalogkit.format import guard

    real = guard.format_text
    monkeypatch.setattr(guard, "format_text", lambda t: real(t).replace("2026-01-01", "2026-01-02"))
    before = untidy.read_bytes()
    result = run(str(untidy), "--force")
    assert result.exit_code == 1
    assert "[fmt-data-changed]" in result.stderr
    assert untidy.read_bytes() == before


def test_byte_order_mark_needs_force(tree: Path) -> None:
    path = tree / CALENDAR
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = run(str(path))
    assert result.exit_code == 1 and "[byte-order-mark]" in result.stderr
    result = run(str(path), "--force")
    assert result.exit_code == 0
    assert path.read_bytes() == text.encode("utf-8")


def test_case_files_under_tests_are_formatted_and_checked(tree: Path) -> None:
    case = tree / "tests" / "example-case.yaml"
    text = case.read_text(encoding="utf-8")
    case.write_text(messy(text), encoding="utf-8", newline="")
    result = run(str(tree))
    assert result.exit_code == 0, result.output
    assert case.read_text(encoding="utf-8") == text
    case.write_text(messy(text.replace("channel:", "chanel:")), encoding="utf-8", newline="")
    result = run(str(tree))
    assert result.exit_code == 1
    assert "[unknown-key] chanel:" in result.stderr


def test_lone_file_outside_a_tree(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("apiVersion:   catalogkit/v1\nkind: Settings\nname:    独立文件\n", "utf-8")
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == (
        "apiVersion: catalogkit/v1\nkind: Settings\nname: 独立文件\n"
    )


def test_chinese_messages(untidy: Path) -> None:
    result = run(str(untidy), "--check", "--lang", "zh")
    assert result.exit_code == 1
    assert result.stdout.startswith("需要格式化 ")
    assert "需要格式化 1 个文件，0 个无需改动，0 个被拒绝" in result.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run(str(tmp_path / "missing.yaml")).exit_code == 2
    assert run("--no-such-option").exit_code == 2


def test_empty_folder_is_nothing_to_do(tmp_path: Path) -> None:
    result = run(str(tmp_path), "--check")
    assert result.exit_code == 0
