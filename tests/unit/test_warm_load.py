"""A warm load touches only what a command needs: checking plugins and making an
engine look at the localities that enable plugins, not at every locality."""

from __future__ import annotations

from pathlib import Path

from catalogkit.catalog import check_catalog
from catalogkit.engine import Engine
from catalogkit.load.lazy import LazyMap
from catalogkit.plugins import Plugins

DEMO = Path(__file__).resolve().parents[2] / "catalogs"


def test_a_warm_load_with_plugins_and_an_engine_unpickles_no_locality(
    synthetic_tree: Path,
) -> None:
    assert check_catalog(synthetic_tree, cache=True).bundle is not None
    report = check_catalog(synthetic_tree, cache=True, plugins=Plugins())
    assert report.from_cache and report.bundle is not None
    Engine(report.bundle, Plugins())
    for name in ("localities", "matters", "claims", "venues"):
        lazy = getattr(report.bundle, name)
        assert isinstance(lazy, LazyMap)
        assert not lazy._done, name
    assert report.bundle.roots() == ["339901"]


def test_the_bundle_knows_its_roots_and_the_localities_that_enable_plugins() -> None:
    bundle = check_catalog(DEMO, cache=False).bundle
    assert bundle is not None
    walked = [c for c, e in bundle.localities.items() if e.locality.plugins]
    assert walked and list(bundle.plugged) == walked
    assert [c for c, _ in bundle.plugin_uses()] == walked
    tops = sorted(c for c, e in bundle.localities.items() if e.parent not in bundle.localities)
    assert bundle.roots() == tops


def test_cached_entries_stay_views_of_the_mapped_file_until_asked_for(
    synthetic_tree: Path,
) -> None:
    cold = check_catalog(synthetic_tree, cache=True).bundle
    warm = check_catalog(synthetic_tree, cache=True).bundle
    assert cold is not None and warm is not None
    assert isinstance(warm.matters, LazyMap)
    assert all(isinstance(v, memoryview) for v in warm.matters._raw.values())
    assert {c: warm.matters[c] for c in warm.matters} == dict(cold.matters)
    assert warm.compacted().revision == cold.revision  # a mapped bundle pickles again
