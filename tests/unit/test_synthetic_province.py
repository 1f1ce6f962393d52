"""The province generator: several counties side by side, each as the county generator
makes one, with codes, ids and names that never collide, and a tree that validates."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogkit import check_catalog
from catalogkit.synthetic import generate_province, generate_tree, main, province_counties


def test_a_small_province_validates_with_distinct_counties(tmp_path: Path) -> None:
    generate_province(tmp_path, counties=3, towns=2, villages_per_town=4, matters=20, seed=3)
    report = check_catalog(tmp_path, cache=False)
    assert report.errors == []
    bundle = report.bundle
    assert bundle is not None
    counties = bundle.roots()
    assert counties == ["330101", "330102", "330103"]
    names = {bundle.locality(c).name for c in counties}
    assert len(names) == 3
    assert len(bundle.matters) == 60
    assert {bundle.matters[m].locality for m in bundle.matters} == set(counties)
    assert sum(1 for c in bundle.localities if len(c) == 12) == 3 * 2 * 4
    # shared centers as one county makes them: villages served by their town's center
    served = [e.locality.served_by for e in bundle.localities.values() if e.locality.served_by]
    assert served, "some villages are served by a shared center or station"
    assert all(v.locality[:6] in counties for v in bundle.venues.values())


def test_the_same_seed_gives_the_same_bytes_and_a_county_is_independent_of_the_count(
    tmp_path: Path,
) -> None:
    one, two, three = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate_province(one, counties=2, towns=1, villages_per_town=2, matters=10)
    generate_province(two, counties=2, towns=1, villages_per_town=2, matters=10)
    generate_province(three, counties=3, towns=1, villages_per_town=2, matters=10)
    for path in sorted((one / "counties").rglob("*.yaml")):
        rel = path.relative_to(one)
        assert path.read_bytes() == (two / rel).read_bytes()
        assert path.read_bytes() == (three / rel).read_bytes()


def test_county_codes_and_names_are_distinct_at_province_scale() -> None:
    counties = province_counties(90)
    assert len({c.code for c in counties}) == 90
    assert len({c.name for c in counties}) == 90
    assert all(len(c.code) == 6 and c.tag == f"-{c.code}" for c in counties)


def test_a_province_replaces_an_earlier_county_tree(tmp_path: Path) -> None:
    generate_tree(tmp_path, towns=1, villages_per_town=1, matters=5)
    assert main([str(tmp_path), "--counties", "2", "--towns", "1", "--matters", "5"]) == 0
    assert not list((tmp_path / "county").glob("*.yaml"))
    assert check_catalog(tmp_path, cache=False).errors == []


@pytest.mark.parametrize("count", [0, 901])
def test_a_county_count_out_of_range_is_refused(tmp_path: Path, count: int) -> None:
    assert main([str(tmp_path / "p"), "--counties", str(count)]) == 2
