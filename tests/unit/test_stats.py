"""`catalogkit.report`: the figures administrators report, pinned on a small tree and
checked for consistency on the demo county.

``tests/data/stats/tree/`` is a copy of ``tests/data/invalid/_base/`` with a branch
hall, three more county matters (one of them cancelled) and a matter the town defines
itself; ``expected.json`` holds its figures (without the revision, which depends on
the catalogkit version). Every number in it was checked by hand against the tree's
comments. ``CATALOGKIT_UPDATE_FIXTURES=1`` rewrites it from the current output: read
the diff before keeping it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from catalogkit import Bundle, load_catalog
from catalogkit.engine import within
from catalogkit.plugins import Plugins
from catalogkit.report import FORMAT, Stats, as_dict, as_json, as_svg, as_table, compute_stats
from tests.conftest import DATA, DEMO

TREE = DATA / "stats" / "tree"
EXPECTED = DATA / "stats" / "expected.json"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def demo() -> Bundle:
    return load_catalog(DEMO, cache=False, plugins=Plugins.load(tree=DEMO))


@pytest.fixture(scope="module")
def demo_stats(demo: Bundle) -> Stats:
    return compute_stats(demo)


@pytest.fixture(scope="module")
def small() -> Stats:
    return compute_stats(load_catalog(TREE, cache=False))


def test_small_tree_figures_are_the_expected_ones(small: Stats) -> None:
    found = json.loads(as_json(small))
    assert found.pop("revision") == small.revision
    if os.environ.get("CATALOGKIT_UPDATE_FIXTURES") == "1":
        EXPECTED.write_text(json.dumps(found, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert found == json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_small_tree_headline_figures(small: Stats) -> None:
    """The same figures, spelled out: what a reader of the tree counts by hand."""
    assert (small.total, small.cancelled) == (6, 1)
    assert {t.key: t.matters for t in small.tiers if t.matters} == {
        "county-hall": 3,  # MZ-0001, MZ-0005, RS-0002
        "branch-hall": 1,  # MZ-0006 at the marriage hall
        "town-center": 2,  # RS-0001 (the town decides it), XH-0001 (the town's own)
    }
    assert small.compression.counted == 2  # 30→20 and 20→10 工作日
    assert small.compression.average == pytest.approx((1 / 3 + 1 / 2) / 2, abs=1e-4)
    assert [r.matters for r in small.villages.per_village] == [2, 3]


def _total(rows: Any) -> int:
    return sum(r.matters for r in rows)


def test_demo_totals_add_up(demo: Bundle, demo_stats: Stats) -> None:
    s = demo_stats
    in_force = [e for e in demo.matters.values() if e.matter.status != "取消"]
    assert s.total == len(in_force) and s.total + s.cancelled == len(demo.matters)
    assert _total(s.tiers) == s.total
    assert _total(s.departments) == s.total
    assert _total(s.types) == s.total
    assert _total(s.handling_kinds) == s.total
    assert s.compression.counted + s.compression.not_counted == s.total
    assert s.no_visit.matters <= s.at_most_one_visit.matters <= s.total
    assert s.immediate.matters == next(k.matters for k in s.handling_kinds if k.key == "即办件")
    assert s.compression.average is not None and 0 < s.compression.average < 1


def test_branch_halls_keep_their_own_matters(demo: Bundle, demo_stats: Stats) -> None:
    """A branch hall decides exactly the matters whose venue it is (none is delegated)."""
    for v in demo_stats.venues:
        if v.tier == "branch-hall":
            own = sum(e.matter.venue == v.id for e in demo.matters.values())
            assert v.decides == own


def test_villages_follow_the_engine(demo: Bundle, demo_stats: Stats) -> None:
    v = demo_stats.villages
    villages = [c for c, e in demo.localities.items() if e.locality.level == "village"]
    assert [r.code for r in v.per_village] == sorted(villages)
    for row in v.per_village:
        assert row.matters == len(within(demo, row.code, "village"))
    assert v.least is not None and v.most is not None and v.average is not None
    assert v.everywhere <= v.least <= v.average <= v.most <= v.anywhere <= demo_stats.total


def test_json_shape_is_stable(small: Stats, demo_stats: Stats) -> None:
    keys = [
        "format",
        "catalog",
        "revision",
        "total",
        "cancelled",
        "tiers",
        "venues",
        "departments",
        "types",
        "handling_kinds",
        "unknown_handling_kind",
        "immediate",
        "online",
        "compression",
        "at_most_one_visit",
        "no_visit",
        "villages",
        "quarantined",
    ]
    for stats in (small, demo_stats):
        body = as_dict(stats)
        assert list(body) == keys and body["format"] == FORMAT
        assert [t["key"] for t in body["types"]][:2] == [
            "行政许可",
            "行政处罚",
        ]  # all 11, zeros too
        assert len(body["types"]) == 11 and len(body["handling_kinds"]) == 6
    assert as_json(demo_stats) == as_json(demo_stats)


def test_table_reads_in_chinese_and_english(demo_stats: Stats) -> None:
    zh = as_table(demo_stats, "zh")
    for words in (
        f"事项总数 {demo_stats.total}",
        "县行政审批服务中心",
        "即办件",
        "−",
        "不出村可办",
    ):
        assert words in zh
    en = as_table(demo_stats, "en")
    assert f"matters {demo_stats.total}" in en and "limit compression" in en and "county hall" in en


def test_svg_is_self_contained_and_escaped(demo_stats: Stats) -> None:
    hostile = dataclasses.replace(demo_stats, catalog='<script>"&</script>')
    text = as_svg(hostile, "zh")
    root = ET.fromstring(text)  # well-formed: every catalog text is escaped
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title") is not None
    assert root.find(f"{SVG}title").text == '<script>"&</script>：事项统计图'  # type: ignore[union-attr]
    assert "<script>" not in text
    assert text.count("http") == 1  # the namespace only: no external fonts, images or CSS
    assert "href" not in text and "url(" not in text and "@import" not in text
    assert "sans-serif" in text
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "县行政审批服务中心" in labels and "明湖县民政局" in labels


def test_cancelled_matters_are_left_out(tmp_path: Path) -> None:
    """Cancelling a matter in the tree takes it out of every figure."""
    import shutil

    tree = tmp_path / "tree"
    shutil.copytree(TREE, tree)
    path = tree / "county" / "matters.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("    name: 高龄津贴申领\n", "    name: 高龄津贴申领\n    status: 取消\n"),
        encoding="utf-8",
    )
    stats = compute_stats(load_catalog(tree, cache=False))
    assert (stats.total, stats.cancelled) == (5, 2)
    assert _total(stats.tiers) == 5
    assert [r.matters for r in stats.villages.per_village] == [2, 2]
