from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "catalogs"
DATA = Path(__file__).resolve().parent / "data"

pytest_plugins = ["catalogkit.testing"]


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test gets its own compiled-cache folder, never the user's, and the same
    "today" (tests that need another set CATALOGKIT_TODAY themselves)."""
    monkeypatch.setenv("CATALOGKIT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("CATALOGKIT_NO_CACHE", raising=False)
    monkeypatch.setenv("CATALOGKIT_LANG", "en")
    monkeypatch.setenv("CATALOGKIT_TODAY", "2026-06-01")  # date-dependent checks: a fixed day


@pytest.fixture(scope="session")
def synthetic_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated county: 3 towns, 3 villages each, 60 matters."""
    from catalogkit.synthetic import generate_tree

    root = tmp_path_factory.mktemp("synthetic")
    generate_tree(root, towns=3, villages_per_town=3, matters=60, seed=7)
    return root


def yaml_files(root: Path) -> list[Path]:
    """Catalog files: decision tests and cases under tests/ follow the case schema."""
    return sorted(
        p for p in root.rglob("*.yaml") if "plugins" not in p.parts and "tests" not in p.parts
    )


os.environ.setdefault("CATALOGKIT_LANG", "en")
