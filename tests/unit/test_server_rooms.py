"""The JSON API and the pages never import each other; what both need is in
server/shared.py. Checked on the source, so no web stack is imported."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

SERVER = ROOT / "src" / "catalogkit" / "server"


def _imported(path: Path) -> set[str]:
    """The absolute names of the modules `path` imports from."""
    package = path.relative_to(ROOT / "src").with_suffix("").parts[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return found


def _crossing(room: str, other: str) -> dict[str, set[str]]:
    banned = f"catalogkit.server.{other}"
    crossing: dict[str, set[str]] = {}
    for path in sorted((SERVER / room).rglob("*.py")):
        hits = {m for m in _imported(path) if m == banned or m.startswith(banned + ".")}
        if hits:
            crossing[path.name] = hits
    return crossing


def test_the_api_does_not_import_the_pages() -> None:
    assert _crossing("api", "pages") == {}


def test_the_pages_do_not_import_the_api() -> None:
    assert _crossing("pages", "api") == {}


def test_the_scan_sees_relative_imports() -> None:
    assert "catalogkit.server.shared" in _imported(SERVER / "pages" / "params.py")
