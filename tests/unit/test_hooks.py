"""The typed hook facade against hookspecs.py: one method per hook, its parameters and
answer type as the spec declares them, and no hook called by a name in a string."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from catalogkit.plugins import Hooks, hookspecs
from catalogkit.plugins.hooks import ANSWERS, INFO, SPECS

ROOT = Path(__file__).resolve().parents[2]


def test_every_hook_has_one_typed_method_agreeing_with_its_spec() -> None:
    prefix = hookspecs.PROJECT + "_"
    for name, spec in SPECS.items():
        if name == INFO:
            continue  # asked once per plugin while loading, not through the facade
        method = getattr(Hooks, name.removeprefix(prefix))
        wanted = [p for p in inspect.signature(spec).parameters if p != "config"]
        assert list(inspect.signature(method).parameters)[1:] == wanted, name
        answer = ANSWERS[name].type.__name__
        assert inspect.signature(method).return_annotation == f"list[tuple[str, {answer}]]"


def test_answers_are_read_from_the_spec_annotations() -> None:
    assert ANSWERS["catalogkit_route"].describe() == "VenueChoice or None"
    assert ANSWERS["catalogkit_fees"].describe() == "a list of FeeCharge"
    assert set(ANSWERS) == {n for n in vars(hookspecs) if n.startswith("catalogkit_")}


def hook_name_strings(roots: list[Path]) -> list[str]:
    """Every string literal naming a hook, as file:line, in the Python files under `roots`."""
    found = []
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and node.value in SPECS:
                    found.append(f"{path}:{node.lineno}")
    return found


def test_no_hook_is_named_in_a_string_in_the_library_or_the_example_plugins() -> None:
    roots = [ROOT / "src" / "catalogkit", *sorted((ROOT / "plugins").glob("*/src"))]
    assert hook_name_strings(roots) == []


def test_the_scan_finds_a_hook_name(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text('x = 1\ncall("catalogkit_fees")\n', encoding="utf-8")
    assert hook_name_strings([tmp_path]) == [f"{tmp_path / 'm.py'}:2"]
