from __future__ import annotations

import pytest

from catalogkit.load.located import LocatedDocument, locate, read_located

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


@pytest.fixture()
def tree() -> LocatedDocument:
    doc = read_located("m.yaml", TEXT)
    assert isinstance(doc, LocatedDocument)
    return doc


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
def test_paths_are_located(
    tree: LocatedDocument, path: tuple[str | int, ...], key: bool, where: tuple[int, int]
) -> None:
    assert locate(tree.tree, path, key=key) == where


def test_duplicate_keys_name_both_places() -> None:
    found = read_located("d.yaml", "a: 1\nb: 2\na: 3\n")
    assert not isinstance(found, LocatedDocument)
    assert found.rule == "duplicate-key"
    assert (found.line, found.column) == (3, 1)
    assert "line 1" in found.en


def test_an_alias_bomb_stops_early() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    found = read_located("bomb.yaml", "\n".join(lines) + "\n")
    assert not isinstance(found, LocatedDocument)
    assert found.rule == "alias-expansion"
    assert found.line is not None and found.line <= 6


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    found = read_located("deep.yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert not isinstance(found, LocatedDocument)
    assert found.rule == "too-deep"
