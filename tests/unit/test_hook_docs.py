"""docs/plugins.md against hookspecs.py: every hook documented with its exact signature
and a worked example, every hook tested, and every example in the guide runs."""

from __future__ import annotations

import ast
import inspect
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

from catalogkit.plugins import hookspecs

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "plugins.md"
TESTS = ROOT / "tests"

BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
SIGNATURE = re.compile(r"^def (catalogkit_\w+)\(.*?\)(?: -> [^\n]*?)?: \.\.\.$", re.S | re.M)
EXAMPLE_FILE = re.compile(r"^# ((?:plugins|tests)/[\w.-]+\.py)\n")


def spec_hooks() -> dict[str, Callable[..., object]]:
    return {
        name: fn
        for name, fn in vars(hookspecs).items()
        if name.startswith("catalogkit_") and hasattr(fn, "catalogkit_spec")
    }


def code_blocks(text: str) -> list[str]:
    return [m.group(1) for m in BLOCK.finditer(text)]


def sections(text: str) -> dict[str, str]:
    """The text under each `### \\`catalogkit_x\\`` heading, up to the next heading."""
    parts = re.split(r"^(#{2,3} .*)$", text, flags=re.M)
    out: dict[str, str] = {}
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        found = re.fullmatch(r"### `(catalogkit_\w+)`", heading.strip())
        if found:
            out[found.group(1)] = body
    return out


def shape(fn: ast.FunctionDef) -> list[tuple[str, str | None]]:
    """Parameter names with their annotations as written, then the return annotation."""
    args = [(a.arg, ast.unparse(a.annotation) if a.annotation else None) for a in fn.args.args]
    return [*args, ("return", ast.unparse(fn.returns) if fn.returns else None)]


def real_shape(fn: Callable[..., object]) -> list[tuple[str, str | None]]:
    node = ast.parse(textwrap.dedent(inspect.getsource(fn))).body[0]
    assert isinstance(node, ast.FunctionDef)
    names = list(inspect.signature(fn).parameters)
    assert [a.arg for a in node.args.args] == names
    return shape(node)


# -- the checks, as functions of the guide's text, so they can be tested themselves ---------


def undocumented(text: str, hooks: list[str]) -> list[str]:
    """Hooks with neither a `### \\`hook\\`` heading nor a `hook(` signature in the guide."""
    return [h for h in hooks if h not in sections(text) and f"{h}(" not in text]


def signature_differences(text: str, hooks: dict[str, Callable[..., object]]) -> list[str]:
    """Hooks whose documented signature (`def hook(...) -> T: ...`) differs from the spec."""
    documented: dict[str, list[tuple[str, str | None]]] = {}
    for block in code_blocks(text):
        for match in SIGNATURE.finditer(block):
            node = ast.parse(match.group(0)).body[0]
            assert isinstance(node, ast.FunctionDef)
            documented.setdefault(match.group(1), shape(node))
    out = []
    for name, fn in sorted(hooks.items()):
        if name not in documented:
            out.append(f"{name}: no `def {name}(...) -> ...: ...` signature block")
        elif documented[name] != real_shape(fn):
            out.append(f"{name}: documented {documented[name]}, real {real_shape(fn)}")
    return out


def without_example(text: str, hooks: list[str]) -> list[str]:
    """Hooks that no example plugin file of the guide (`# plugins/...`) implements."""
    examples = [b for b in code_blocks(text) if b.startswith("# plugins/")]
    return [
        hook
        for hook in hooks
        if not any(re.search(rf"@hookimpl\s*\ndef {hook}\(", b) for b in examples)
    ]


def untested(sources: dict[str, str], hooks: list[str]) -> list[str]:
    """Hooks that no test file implements with `@hookimpl` (so no test calls them)."""
    out = []
    for hook in hooks:
        pattern = re.compile(rf"@hookimpl[^\n]*\n(?:\s*@[^\n]*\n)*\s*def {hook}\(")
        if not any(pattern.search(text) for text in sources.values()):
            out.append(hook)
    return out


def read_tests() -> dict[str, str]:
    return {str(p): p.read_text(encoding="utf-8") for p in sorted(TESTS.rglob("*.py"))}


# -- the guide as it is -----------------------------------------------------------------


def test_every_hook_is_found() -> None:
    names = {n for n in vars(hookspecs) if n.startswith("catalogkit_")}
    assert set(spec_hooks()) == names and "catalogkit_route" in names


def test_every_hook_is_documented() -> None:
    assert undocumented(GUIDE.read_text(encoding="utf-8"), sorted(spec_hooks())) == []


def test_documented_signatures_are_the_real_ones() -> None:
    assert signature_differences(GUIDE.read_text(encoding="utf-8"), spec_hooks()) == []


def test_every_hook_has_a_worked_example() -> None:
    assert without_example(GUIDE.read_text(encoding="utf-8"), sorted(spec_hooks())) == []


def test_every_hook_has_a_test() -> None:
    assert untested(read_tests(), sorted(spec_hooks())) == []


def test_the_worked_examples_run(tmp_path: Path) -> None:
    """Write every `# plugins/...` and `# tests/...` block of the guide to its file and run
    the tests with pytest, as a town programmer would."""
    written = []
    for block in code_blocks(GUIDE.read_text(encoding="utf-8")):
        found = EXAMPLE_FILE.match(block)
        if found:
            path = tmp_path / found.group(1)
            assert not path.exists(), f"{found.group(1)} appears twice in the guide"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(block, encoding="utf-8")
            written.append(found.group(1))
    tests = [w for w in written if w.startswith("tests/")]
    assert len(tests) >= len(spec_hooks())
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
        "CATALOGKIT_DISABLE_PLUGIN_AUTOLOAD": "1",
    }
    pytest_args = ["-q", "-p", "catalogkit.testing", "-p", "no:cacheprovider"]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", *pytest_args, "--rootdir", str(tmp_path), "tests"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert re.search(r"\b\d+ passed\b", run.stdout) and "failed" not in run.stdout


# -- the checks catch what they should ---------------------------------------------------


def _spec(a: int, b: str) -> list[str]:  # stands for a hookspec in the tests below
    return []


GOOD = """
### `catalogkit_x`

```python
def catalogkit_x(a: int, b: str) -> list[str]: ...
```

```python
# plugins/x.py
@hookimpl
def catalogkit_x(a, b):
    return []
```
"""


def test_checks_pass_a_good_guide() -> None:
    assert undocumented(GOOD, ["catalogkit_x"]) == []
    assert signature_differences(GOOD, {"catalogkit_x": _spec}) == []
    assert without_example(GOOD, ["catalogkit_x"]) == []


def test_a_missing_hook_is_found() -> None:
    assert undocumented(GOOD, ["catalogkit_x", "catalogkit_y"]) == ["catalogkit_y"]
    assert without_example(GOOD, ["catalogkit_y"]) == ["catalogkit_y"]


def test_a_changed_signature_is_found() -> None:
    def renamed(a: int, c: str) -> list[str]:
        return []

    def retyped(a: int, b: bytes) -> list[str]:
        return []

    assert "'c'" in signature_differences(GOOD, {"catalogkit_x": renamed})[0]
    assert "bytes" in signature_differences(GOOD, {"catalogkit_x": retyped})[0]
    assert "no `def" in signature_differences("", {"catalogkit_x": _spec})[0]


def test_an_untested_hook_is_found() -> None:
    tested = {"t.py": "@hookimpl\ndef catalogkit_x(a, b):\n    return []\n"}
    assert untested(tested, ["catalogkit_x", "catalogkit_y"]) == ["catalogkit_y"]
    mentioned = {"t.py": "hooks = ['catalogkit_y']\ndef catalogkit_y(a): ...\n"}
    assert untested(mentioned, ["catalogkit_y"]) == ["catalogkit_y"]
