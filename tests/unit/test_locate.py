from __future__ import annotations

import pytest

from catalogkit.errors import Diagnostic
from catalogkit.load.located import Marks, read_checked, scan

TEXT = """\
apiVersion: catalogkit/v1
kind: Matters
locality: "339901"
matters:
  - code: A
    name: 甲
    materials:
      - name: 身份证
        copies: 1
  - code: B
    fees: {charged: false, items: []}
"""


@pytest.mark.parametrize(
    ("path", "key", "where"),
    [
        (("locality",), False, (3, 11)),
        (("matters", 0, "name"), False, (6, 11)),
        (("matters", 0, "name"), True, (6, 5)),
        (("matters", 0, "materials", 0, "copies"), False, (9, 17)),
        (("matters", 1), False, (10, 5)),
        (("matters", 1, "fees", "charged"), False, (11, 21)),
        (("matters", 1, "missing"), False, (10, 5)),
        (("matters", 7), False, (5, 3)),
        ((), False, (1, 1)),
    ],
)
def test_paths_are_located(path: tuple[str | int, ...], key: bool, where: tuple[int, int]) -> None:
    marks = scan("m.yaml", TEXT, {path})
    assert isinstance(marks, Marks)
    assert marks.locate(path, key=key) == where


def test_only_wanted_paths_are_recorded() -> None:
    marks = scan("m.yaml", TEXT, {("locality",)})
    assert isinstance(marks, Marks)
    assert set(marks.values) == {(), ("locality",)}


def test_duplicate_keys_name_both_places() -> None:
    found = read_checked("d.yaml", "a: 1\nb: 2\na: 3\n")
    assert isinstance(found, Diagnostic)
    assert found.rule == "duplicate-key"
    assert (found.line, found.column) == (3, 1)
    assert "line 1" in found.en


def test_an_alias_bomb_stops_early() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    found = read_checked("bomb.yaml", "\n".join(lines) + "\n")
    assert isinstance(found, Diagnostic)
    assert found.rule == "alias-expansion"
    assert found.line is not None and found.line <= 6


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    found = read_checked("deep.yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert isinstance(found, Diagnostic)
    assert found.rule == "too-deep"


def test_complex_keys_are_refused() -> None:
    found = read_checked("k.yaml", "? [a, b]\n: c\n")
    assert isinstance(found, Diagnostic) and found.rule == "bad-key"


def test_did_you_mean_inside_list_items_and_conditions() -> None:
    from catalogkit.load.translate import allowed_keys, model_at
    from catalogkit.model import MattersDocument
    from catalogkit.model.condition import FactRule
    from catalogkit.model.matter import Material

    matter = model_at(MattersDocument, ("matters", 3))
    assert matter is not None and "conditions" in allowed_keys(matter)
    assert model_at(MattersDocument, ("matters", 0, "materials", 2)) is Material
    assert model_at(MattersDocument, ("matters", 0, "materials", 2, "when", "age")) is FactRule
