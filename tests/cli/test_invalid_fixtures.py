"""Invalid catalog trees and the exact lines `catalogkit validate` prints for each.

Layout of ``tests/data/invalid/``::

    _base/               a small valid tree (settings, county, matters, a town with two
                         villages, a calendar); every case starts from a copy of it
    <case>/              one folder per case, named after the rule it shows; it holds only
                         what differs from _base:
        <path>           replaces _base/<path>, or adds it when _base has no such file
        <path>.delete    (empty) removes _base/<path>
        big.marker       text: a path inside the tree; the harness writes a YAML file of
                         BIG_FILE_BYTES there (file-too-large), so no 9 MB file is committed
        today.txt        text: YYYY-MM-DD, the day the check runs on (CATALOGKIT_TODAY)
        link.marker      lines `path -> target`: the harness makes each path a symbolic link
                         to target (file-unreadable: a dangling link), as links are not copied
        expected.txt     the diagnostic lines of `catalogkit validate . --lang en`, without
                         the summary line, paths relative to the tree
        expected.zh.txt  the same lines with `--lang zh`

An empty expected.txt means the tree must validate cleanly (exit 0); so must a case whose
lines are all warnings.

For every expected line of a schema-level rule (SCHEMA_RULES), the file it names must also
be rejected by the published JSON Schema; the check is skipped only when that file cannot
be read as YAML at all (bad bytes, syntax errors, duplicate keys ...).

Regenerating: ``CATALOGKIT_UPDATE_FIXTURES=1 pytest tests/cli/test_invalid_fixtures.py -k
<case>`` rewrites the expected files of the selected cases from the current output. Never
keep the result unread: check in ``git diff`` that each line's location (file:line:col
points at the offending key or value), rule and message are right. Some cases record the
output the tool *should* print and fail until the tool is fixed; regenerating them would
hide the bug, so always select cases with -k.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import traceback
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result
from ruamel.yaml import YAML

from catalogkit.cli import cli
from catalogkit.schema import catalog_schema

DATA = Path(__file__).resolve().parent.parent / "data" / "invalid"
BASE = DATA / "_base"
CASES = sorted(p.name for p in DATA.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
EXPECTED = {"en": "expected.txt", "zh": "expected.zh.txt"}
BIG_MARKER = "big.marker"
TODAY_FILE = "today.txt"
BIG_FILE_BYTES = 9 * 1024 * 1024
LINK_MARKER = "link.marker"
CONTROL_FILES = {*EXPECTED.values(), BIG_MARKER, TODAY_FILE, LINK_MARKER}
DELETE_SUFFIX = ".delete"
UPDATE = os.environ.get("CATALOGKIT_UPDATE_FIXTURES") == "1"

SCHEMA_RULES = frozenset(
    {
        "unknown-key",
        "missing-key",
        "wrong-type",
        "bad-value",
        "bad-format",
        "too-short",
        "too-long",
        "out-of-range",
        "unsupported-version",
        "unknown-kind",
    }
)
LINE = re.compile(
    r"^(?P<file>[^:]+?)(?::(?P<line>\d+):(?P<col>\d+))?: (?P<severity>error|warning) "
    r"\[(?P<rule>[a-z0-9-]+)\] (?P<rest>.*)$"
)
SUMMARY = re.compile(r"^(checked \d+ file\(s\)|检查了 \d+ 个文件)")


def build_tree(case: str, dest: Path) -> Path:
    """A copy of _base with the case folder laid over it."""
    shutil.copytree(BASE, dest)
    folder = DATA / case
    for src in sorted(folder.rglob("*")):
        rel = src.relative_to(folder)
        if src.is_dir() or rel.as_posix() in CONTROL_FILES:
            continue
        if src.name.endswith(DELETE_SUFFIX):
            target = dest / rel.with_name(src.name[: -len(DELETE_SUFFIX)])
            assert target.is_file(), f"{case}: {rel} deletes a file _base does not have"
            target.unlink()
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
    marker = folder / BIG_MARKER
    if marker.is_file():
        write_big_file(dest / marker.read_text(encoding="utf-8").strip())
    links = folder / LINK_MARKER
    if links.is_file():
        for line in links.read_text(encoding="utf-8").splitlines():
            name, _, target = line.partition(" -> ")
            (dest / name).symlink_to(target)
    return dest


def write_big_file(path: Path) -> None:
    """A well-formed Matters file of exactly BIG_FILE_BYTES, padded with comment lines
    (as a careless export with a huge comment block would be)."""
    head = (
        "# 从业务系统整体导出的事项清单，未拆分\n"
        'apiVersion: catalogkit/v1\nkind: Matters\nlocality: "339901"\nmatters: []\n'
    ).encode()
    pad_line = b"# " + b"-" * 76 + b"\n"
    fill = BIG_FILE_BYTES - len(head)
    body = pad_line * (fill // len(pad_line))
    rest = fill - len(body)
    if rest:
        body += b"#" * (rest - 1) + b"\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(head + body)
    assert path.stat().st_size == BIG_FILE_BYTES


def run_validate(tree: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> Result:
    monkeypatch.chdir(tree)
    monkeypatch.setenv("CATALOGKIT_NO_CACHE", "1")
    monkeypatch.setenv("CATALOGKIT_CACHE_DIR", str(tree.parent / "cache"))
    return CliRunner().invoke(
        cli, ["validate", ".", "--no-cache", "--no-plugin-autoload", "--lang", lang]
    )


def diagnostic_lines(result: Result) -> list[str]:
    """The printed diagnostics; fails on a crash (a traceback is never a diagnostic)."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        assert result.exc_info is not None
        trace = "".join(traceback.format_exception(*result.exc_info))
        pytest.fail(f"validate crashed instead of reporting a diagnostic:\n{trace}")
    return [
        line
        for line in result.stdout.splitlines()
        if line and not SUMMARY.match(line) and not line.startswith(" ")  # details: elsewhere
    ]


def read_expected(case: str, lang: str) -> list[str]:
    path = DATA / case / EXPECTED[lang]
    assert path.is_file(), f"{case}: {EXPECTED[lang]} is missing"
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line]


def check_case(case: str, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = build_tree(case, tmp_path / "tree")
    if (DATA / case / TODAY_FILE).is_file():
        monkeypatch.setenv("CATALOGKIT_TODAY", (DATA / case / TODAY_FILE).read_text().strip())
    result = run_validate(tree, lang, monkeypatch)
    lines = diagnostic_lines(result)
    if UPDATE:
        text = "".join(f"{line}\n" for line in lines)
        (DATA / case / EXPECTED[lang]).write_text(text, encoding="utf-8")
    expected = read_expected(case, lang)
    assert lines == expected
    errors = [line for line in expected if " error [" in line or " 错误 [" in line]
    assert result.exit_code == (1 if errors else 0), result.output


@pytest.mark.parametrize("case", CASES)
def test_case_en(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_case(case, "en", tmp_path, monkeypatch)


@pytest.mark.parametrize("case", CASES)
def test_case_zh(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_case(case, "zh", tmp_path, monkeypatch)


def test_expected_files_agree() -> None:
    """Every case has both files, with the same locations and rules in the same order."""
    for case in CASES:
        en = [LINE.match(line) for line in read_expected(case, "en")]
        zh = [LINE.match(line) for line in read_expected(case, "zh")]
        assert all(en) and all(zh), f"{case}: a line is not a diagnostic line"
        assert [m.group("file", "line", "col", "rule") for m in en if m] == [
            m.group("file", "line", "col", "rule") for m in zh if m
        ], case


def test_base_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(BASE, tree)
    for lang in EXPECTED:
        result = run_validate(tree, lang, monkeypatch)
        assert diagnostic_lines(result) == []
        assert result.exit_code == 0, result.output


# ------------------------------------------------------------------ the published schema


def _json_like(value: Any) -> Any:
    """YAML data as a JSON document carries it: dates become ISO strings."""
    if isinstance(value, dict):
        return {k if isinstance(k, str) else str(k): _json_like(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_like(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def read_yaml(path: Path) -> tuple[bool, Any]:
    """(True, data), or (False, None) when the file cannot be read as YAML."""
    try:
        text = path.read_bytes().decode("utf-8")
        return True, _json_like(YAML(typ="safe", pure=True).load(text))
    except Exception:  # bad bytes or bad YAML: validate reports it; the schema cannot
        return False, None


def _validator() -> jsonschema.Draft202012Validator:
    """Formats (date, ...) are checked too, as editors that use the schema do."""
    return jsonschema.Draft202012Validator(
        catalog_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_base_matches_schema() -> None:
    """The schema accepts every _base file, so a rejection below is about the case."""
    validator = _validator()
    for path in sorted(BASE.rglob("*.yaml")):
        ok, data = read_yaml(path)
        assert ok, path
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, f"{path.relative_to(BASE)}: {errors}"


@pytest.mark.parametrize("case", CASES)
def test_case_schema(case: str, tmp_path: Path) -> None:
    files = sorted(
        {
            m.group("file")
            for line in read_expected(case, "en")
            if (m := LINE.match(line)) and m.group("rule") in SCHEMA_RULES
        }
    )
    if not files:
        pytest.skip("no schema-level rule in this case")
    tree = build_tree(case, tmp_path / "tree")
    validator = _validator()
    checked = 0
    for name in files:
        ok, data = read_yaml(tree / name)
        if not ok:
            continue
        checked += 1
        assert not validator.is_valid(data), (
            f"{name}: validate reports a schema-level problem, but the published JSON Schema "
            "accepts the file"
        )
    if not checked:
        pytest.skip("the file cannot be read as YAML")
