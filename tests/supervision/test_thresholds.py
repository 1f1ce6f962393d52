"""Warning-light thresholds are catalog data: inherited from the nearest locality above
that sets them, the national-style default elsewhere, and a bad value a located error."""

from __future__ import annotations

import shutil
from pathlib import Path

from catalogkit.catalog import check_catalog
from catalogkit.supervision import DEFAULT, thresholds_for
from tests.conftest import DEMO


def _tree(tmp_path: Path, county: str, town: str = "") -> Path:
    root = tmp_path / "tree"
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns("plugins", "tests"))
    for name, extra in (("county/county.yaml", county), ("towns/qingxi.yaml", town)):
        if extra:
            path = root / name
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("\nvenues:\n", f"\n{extra}\nvenues:\n", 1), "utf-8")
    return root


def test_inherited_from_the_county_and_overridden_by_a_town(tmp_path: Path) -> None:
    county = "warningLights:\n  yellowDaysLeft: 2\n  yellowPercentUsed: 75"
    town = "warningLights:\n  yellowDaysLeft: 3"
    report = check_catalog(_tree(tmp_path, county, town))
    assert not report.errors, report.errors
    bundle = report.bundle
    assert bundle is not None
    assert thresholds_for(bundle, "339901").yellow_days_left == 2
    village = thresholds_for(bundle, "339901201201")  # 云岭: the county's
    assert (village.yellow_days_left, village.yellow_percent_used) == (2, 75)
    own = thresholds_for(bundle, "339901101202")  # 清溪's village: the town's, defaults
    assert (own.yellow_days_left, own.yellow_percent_used, own.acceptance_days) == (3, 80, 5)


def test_the_default_where_nobody_sets_them(tmp_path: Path) -> None:
    report = check_catalog(_tree(tmp_path, ""))
    assert report.bundle is not None
    assert thresholds_for(report.bundle, "339901101202") == DEFAULT
    assert (DEFAULT.yellow_days_left, DEFAULT.yellow_percent_used) == (1, 80)


def test_a_bad_value_is_a_located_error(tmp_path: Path) -> None:
    report = check_catalog(_tree(tmp_path, "warningLights:\n  yellowPercentUsed: 180"))
    (error,) = report.errors
    assert error.file.endswith("county.yaml") and error.line is not None
    assert "yellowPercentUsed" in error.path
