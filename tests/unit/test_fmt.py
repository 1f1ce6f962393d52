"""`catalogkit fmt`'s formatter: the fixture cases, the guard, and the two properties
the issue asks for (data never changes; formatting twice equals formatting once)
over the demo tree, a generated tree and hypothesis-generated documents."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from catalogkit.errors import Diagnostic
from catalogkit.format import format_text
from catalogkit.format.guard import format_checked, same_data
from catalogkit.format.layout import scan_layout
from catalogkit.format.reformat import format_once
from catalogkit.format.roundtrip import round_trip
from catalogkit.load.located import read_checked
from catalogkit.synthetic import generate_tree, to_yaml
from tests.conftest import DATA, DEMO

CASES = DATA / "fmt"
CASE_NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir())
DEMO_FILES = sorted(DEMO.rglob("*.yaml"))


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _data(text: str) -> dict[str, Any]:
    data = read_checked("doc.yaml", text)
    assert not isinstance(data, Diagnostic), data
    return data


def _comments(text: str) -> list[str]:
    return [c.text for c in scan_layout(text.replace("\r\n", "\n")).comments]


def assert_formats_safely(text: str) -> str:
    """The two properties, and that every comment survives in its order."""
    once = format_text(text)
    assert same_data(_data(text), _data(once))
    assert format_text(once) == once
    assert _comments(once) == _comments(text)
    return once


# ---------------------------------------------------------------------------------------
# fixture cases: tests/data/fmt/<case>/{input,expected}.yaml
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASE_NAMES)
def test_case_formats_to_expected(case: str) -> None:
    text = _read(CASES / case / "input.yaml")
    expected = _read(CASES / case / "expected.yaml")
    assert format_checked("input.yaml", text) == expected
    assert assert_formats_safely(text) == expected


@pytest.mark.parametrize("case", CASE_NAMES)
def test_one_pass_is_enough(case: str) -> None:
    once = format_once(_read(CASES / case / "input.yaml"))
    assert format_once(once) == once


@pytest.mark.parametrize("case", CASE_NAMES)
def test_expected_is_canonical(case: str) -> None:
    expected = _read(CASES / case / "expected.yaml")
    assert format_text(expected) == expected
    assert "\r" not in expected and expected.endswith("\n") and not expected.endswith("\n\n")
    assert all(line == line.rstrip() for line in expected.split("\n"))


def test_crlf_input_really_has_crlf() -> None:
    raw = (CASES / "crlf-line-endings" / "input.yaml").read_bytes()
    assert b"\r\n" in raw
    assert b"\r" not in (CASES / "crlf-line-endings" / "expected.yaml").read_bytes()


def test_schema_line_stays_first() -> None:
    for case in CASE_NAMES:
        text = _read(CASES / case / "input.yaml")
        if text.startswith("# yaml-language-server:"):
            first = text.split("\n", 1)[0].rstrip("\r")
            assert format_text(text).split("\n", 1)[0] == first, case


def test_long_lines_are_not_wrapped() -> None:
    out = _read(CASES / "chinese-long-lines" / "expected.yaml")
    assert max(len(line) for line in out.splitlines()) > 120
    assert "    wrapped: 作者手工折行的长文本 在这里继续， 格式化后合并为一行。\n" in out


# ---------------------------------------------------------------------------------------
# the guard: what may not be written
# ---------------------------------------------------------------------------------------


def test_guard_returns_canonical_text_unchanged() -> None:
    text = "apiVersion: catalogkit/v1\nkind: Settings\n"
    assert format_checked("a.yaml", text) == text


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("a: [1\n", "yaml-syntax"),
        ("a: 1\na: 2\nb:   3\n", "duplicate-key"),
        ("a:  !!str 1\n", "yaml-tag"),
        ("- a\n-   b\n", "not-a-mapping"),
        ("a:  1\n---\nb: 2\n", "multiple-documents"),
    ],
)
def test_unreadable_documents_are_refused(text: str, rule: str) -> None:
    found = format_checked("bad.yaml", text)
    assert isinstance(found, Diagnostic) and found.rule == rule


def test_comment_inside_a_multiline_flow_list_is_refused_not_lost() -> None:
    from catalogkit.format import reformat as core

    text = "a: [1,\n  # a comment ruamel cannot keep\n  2]\nb:  1\n"
    with pytest.raises(core.CommentsMoved):
        format_text(text)
    found = format_checked("flow.yaml", text)
    assert isinstance(found, Diagnostic) and found.rule == "fmt-comments"
    assert (found.line, found.column) == (2, 3)


def test_a_data_change_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever goes wrong inside the formatter, changed data is never returned."""
    from catalogkit.format import guard

    monkeypatch.setattr(guard, "format_text", lambda text: text.replace("1", "2"))
    found = guard.format_checked("a.yaml", "a:  1\n")
    assert isinstance(found, Diagnostic) and found.rule == "fmt-data-changed"


def test_an_unstable_result_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from catalogkit.format import reformat as core

    monkeypatch.setattr(core, "format_once", lambda text: text + "# again\n")
    with pytest.raises(core.Unstable):
        core.format_text("a: 1\n")
    found = format_checked("a.yaml", "a: 1\n")
    assert isinstance(found, Diagnostic) and found.rule == "fmt-unstable"


def test_end_of_line_comments_after_bare_dashes_settle_in_a_second_pass() -> None:
    """The one layout where a single pass is not a fixed point: ruamel moves an
    end-of-line comment after a bare `-` above its item, one nesting level per
    pass; `format_text` repeats the pass until nothing changes."""
    text = "A: # e1\n  - # e2\n    - # e3\n      - null # e4\n"
    once = format_once(text)
    assert format_once(once) != once
    out = assert_formats_safely(text)
    assert out == "A: # e1\n  # e2\n  # e3\n  -   -   - null # e4\n"


def test_types_and_key_order_count_as_data() -> None:
    assert not same_data({"a": 1}, {"a": True})
    assert not same_data({"a": 1, "b": 2}, {"b": 2, "a": 1})
    assert not same_data({"a": "1"}, {"a": 1})
    assert same_data({"a": [1, {"b": None}]}, {"a": [1, {"b": None}]})


# ---------------------------------------------------------------------------------------
# ruamel corners that the formatter keeps (see format/fixes.py)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comment above a flow item that has an end-of-line comment
        (
            "a:\n- {g: 7}\n# c1\n- {h: 1}  # e\n",
            "a:\n  - {g: 7}\n  # c1\n  - {h: 1}  # e\n",
        ),
        # a comment after a nested list that ends in a flow collection
        ("x:\n- - 1\n  - [1]\n# c2\n- b\n", "x:\n  -   - 1\n      - [1]\n  # c2\n  - b\n"),
        ("x:\n- - 1\n  - [1]\n# c2\ny: 1\n", "x:\n  -   - 1\n      - [1]\n# c2\ny: 1\n"),
        # an empty {} item after a key with an end-of-line comment
        ("Y: # e\n  - {}\n  - a\n  - {}\n", "Y: # e\n  - {}\n  - a\n  - {}\n"),
        # a {...} item with an end-of-line comment, then a list in the list
        (
            "l:\n  # c\n- {a: 1}   # e\n- x\n- - y\n",
            "l:\n  # c\n  - {a: 1}   # e\n  - x\n  -   - y\n",
        ),
        # nulls as written
        ("a: ~\nb: null\nc:\nd: [~, NULL]\n", "a: ~\nb: null\nc:\nd: [~, NULL]\n"),
        # a comment after a block scalar may not be indented into it
        ("a:\n  - |\n    x\n    # c3\n  - b\n", None),
        # a no-break space is text, not trailing white space
        ("A:\n- \xa0\nB: \xa0  # c\n", "A:\n  - \xa0\nB: \xa0  # c\n"),
        # the --- marker goes; comments above and on it stay
        ("# top\n--- # on marker\na: 1\n", "# top\n# on marker\na: 1\n"),
        ("---\na: 1\n", "a: 1\n"),
    ],
)
def test_ruamel_corners(text: str, expected: str | None) -> None:
    out = assert_formats_safely(text)
    if expected is not None:
        assert out == expected


# ---------------------------------------------------------------------------------------
# properties over real and generated documents
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda p: p.relative_to(DEMO).as_posix())
def test_demo_file_properties(path: Path) -> None:
    text = _read(path)
    assert assert_formats_safely(text) == format_once(text)


@pytest.mark.parametrize("shape", [(4, 6, 2), (3, 3, 1), (4, 4, 2)])
@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda p: p.relative_to(DEMO).as_posix())
def test_demo_file_comes_back_from_other_indentation(
    path: Path, shape: tuple[int, int, int]
) -> None:
    """The demo file re-indented (ruamel keeps each comment at its old column, so
    they no longer line up), with CRLF and doubled blank lines: formatting keeps
    the data and every comment and gives the canonical text back, up to the gap
    before end-of-line comments, which the messy version changed."""
    text = _read(path)
    messy = _reindented(text, *shape).replace("\n\n", "\n\n\n").replace("\n", "\r\n")
    assert same_data(_data(messy), _data(text))
    assert _squeezed(assert_formats_safely(messy)) == _squeezed(format_text(text))


def _reindented(text: str, mapping: int, sequence: int, offset: int) -> str:
    yaml = round_trip()
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    out = io.StringIO()
    yaml.dump(yaml.load(text), out)
    return out.getvalue()


def _squeezed(text: str) -> str:
    return re.sub(r"(?<=\S) +#", " #", text)


def test_generated_tree_properties(tmp_path: Path) -> None:
    generate_tree(tmp_path, towns=2, villages_per_town=2, matters=40, seed=11)
    files = sorted(tmp_path.rglob("*.yaml"))
    assert len(files) >= 5
    for path in files:
        assert_formats_safely(_read(path))


keys = st.one_of(
    st.from_regex(r"[a-zA-Z_][a-zA-Z0-9_]{0,8}", fullmatch=True),
    st.text(alphabet="键值中文ab :#-'\"", min_size=1, max_size=6),
)
texts = st.one_of(
    st.text(alphabet="ab 中文：:#-'\"[]{},&*!|>%@`?\\\n", max_size=20),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["no", "yes", "~", "null", "true", "2026-09-24", "017", "1.50", "- a", "#x"]),
)
scalars = st.one_of(texts, st.integers(-(10**9), 10**9), st.booleans(), st.none())
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=20,
)
documents = st.dictionaries(keys, values, min_size=1, max_size=5)
styles = st.fixed_dictionaries(
    {
        "dumper": st.sampled_from(["ruamel", "synthetic", "json"]),
        "flow": st.sampled_from([False, None, True]),
        "mapping": st.sampled_from([2, 3, 4]),
        "offset": st.sampled_from([0, 2]),
        "width": st.sampled_from([30, 80, 4096]),
        "comments": st.lists(st.integers(0, 12), max_size=6),
        "crlf": st.booleans(),
    }
)


def _dump(document: dict[str, Any], style: dict[str, Any]) -> str:
    if style["dumper"] == "synthetic":
        text = to_yaml(document, "generated\n第二行注释")
    elif style["dumper"] == "json":
        text = json.dumps(document, ensure_ascii=False, indent=2 if style["flow"] else None)
    else:
        yaml = YAML(typ="safe", pure=True)
        yaml.default_flow_style = style["flow"]
        yaml.indent(
            mapping=style["mapping"],
            sequence=style["mapping"] + style["offset"],
            offset=style["offset"],
        )
        yaml.width = style["width"]
        yaml.allow_unicode = True
        out = io.StringIO()
        yaml.dump(document, out)
        text = out.getvalue()
    return _with_comments(text, style["comments"]).replace("\n", "\r\n" if style["crlf"] else "\n")


def _with_comments(text: str, columns: list[int]) -> str:
    """Full-line comments before every third line, at assorted columns."""
    lines = text.split("\n")
    for n, column in enumerate(columns):
        at = min(len(lines), 1 + 3 * n)
        lines.insert(at, " " * column + f"# 注释 {n}")
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, styles)
def test_generated_documents_properties(document: dict[str, Any], style: dict[str, Any]) -> None:
    try:
        text = _dump(document, style)
    except Exception:  # a document the dumper cannot write is no input
        assume(False)
        raise
    assume(not isinstance(read_checked("doc.yaml", text), Diagnostic))
    try:
        once = format_text(text)
    except Exception:
        # ruamel cannot keep a comment written inside a multi-line [...] or {...},
        # nor print some exotic flow keys it reads (`[:a: 1]`): such files are
        # refused by the guard and never written
        refusal = format_checked("doc.yaml", text)
        assert isinstance(refusal, Diagnostic) and refusal.rule.startswith("fmt-")
        return
    assert same_data(_data(text), _data(once))
    assert format_text(once) == once
    assert _comments(once) == _comments(text)


@settings(max_examples=60, deadline=None)
@given(documents)
def test_generated_block_documents_always_format(document: dict[str, Any]) -> None:
    """Block style with comments between lines, as administrators write: never refused."""
    text = _with_comments(to_yaml(document), [0, 2, 4, 6])
    assume(not isinstance(read_checked("doc.yaml", text), Diagnostic))
    result = format_checked("doc.yaml", text)
    assert isinstance(result, str), result
    assert same_data(_data(text), _data(result))
