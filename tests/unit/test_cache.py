"""The compiled cache: a hit gives the same bundle; any change of a file misses."""

from __future__ import annotations

import shutil
from pathlib import Path

from catalogkit import check_catalog
from tests.conftest import DEMO


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    shutil.copytree(DEMO, root)
    return root


def test_second_load_comes_from_the_cache_and_is_equal(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    cold = check_catalog(root, cache=True)
    warm = check_catalog(root, cache=True)
    assert cold.bundle is not None and not cold.from_cache
    assert warm.from_cache
    assert warm.bundle == cold.bundle


def test_any_change_of_a_file_invalidates(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    first = check_catalog(root, cache=True)
    settings = root / "catalogkit.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n# 注释\n", encoding="utf-8")
    again = check_catalog(root, cache=True)
    assert not again.from_cache
    assert again.bundle is not None and first.bundle is not None
    assert again.bundle.revision != first.bundle.revision


def test_a_broken_cache_file_is_a_miss(tmp_path: Path, monkeypatch: object) -> None:
    from catalogkit.load import cache

    root = _copy(tmp_path)
    check_catalog(root, cache=True)
    for slot in cache.cache_dir().glob("bundle-*.pickle"):
        slot.write_bytes(b"not a pickle")
    again = check_catalog(root, cache=True)
    assert not again.from_cache and again.bundle is not None


def test_an_invalid_tree_is_never_cached(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "catalogkit.yaml").write_text(
        "apiVersion: catalogkit/v1\nkind: Settings\n", encoding="utf-8"
    )
    assert check_catalog(root, cache=True).errors
    assert not check_catalog(root, cache=True).from_cache
