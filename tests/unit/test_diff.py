"""`catalogkit.diff`: semantic diffs between catalog trees, pinned by data.

Layout of ``tests/data/diff/``::

    _base/                a small valid tree (a copy of tests/data/invalid/_base/)
    <case>/
        old/              files that differ from _base on the old side (may be absent)
        new/              files that differ from _base on the new side (may be absent)
            <path>        replaces _base/<path>, or adds it
            <path>.delete (empty) removes _base/<path>
        expected.json     the JSON diff from old to new, without the two sides' names
                          and revisions (they depend on where the trees are and on the
                          catalogkit version)

Both sides are built from _base, so a later change of _base that a case does not
touch cancels out of its diff. ``CATALOGKIT_UPDATE_FIXTURES=1`` rewrites the expected
files from the current output; read ``git diff`` before keeping them.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from catalogkit import Bundle, load_catalog
from catalogkit.diff import FORMAT, Diff, as_dict, diff_bundles
from catalogkit.diff.markdown import as_markdown, md
from catalogkit.diff.text import as_text
from tests.conftest import DATA

CASES_DIR = DATA / "diff"
BASE = CASES_DIR / "_base"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir() and not p.name.startswith("_"))
UPDATE = os.environ.get("CATALOGKIT_UPDATE_FIXTURES") == "1"


def build_side(case: str, side: str, dest: Path) -> Path:
    shutil.copytree(BASE, dest)
    overlay = CASES_DIR / case / side
    if overlay.is_dir():
        for path in sorted(p for p in overlay.rglob("*") if p.is_file()):
            rel = path.relative_to(overlay)
            if rel.name.endswith(".delete"):
                (dest / rel.with_name(rel.name.removesuffix(".delete"))).unlink()
            else:
                (dest / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, dest / rel)
    return dest


def load_case(case: str, tmp_path: Path) -> tuple[Bundle, Bundle]:
    old = load_catalog(build_side(case, "old", tmp_path / "old"), cache=False)
    new = load_catalog(build_side(case, "new", tmp_path / "new"), cache=False)
    return old, new


def comparable(diff: Diff) -> dict[str, Any]:
    body = as_dict(diff)
    del body["old"], body["new"]
    return body


@pytest.mark.parametrize("case", CASES)
def test_case(case: str, tmp_path: Path) -> None:
    old, new = load_case(case, tmp_path)
    found = comparable(diff_bundles(old, new, "old", "new"))
    expected_file = CASES_DIR / case / "expected.json"
    if UPDATE:
        text = json.dumps(found, ensure_ascii=False, indent=2) + "\n"
        expected_file.write_text(text, encoding="utf-8")
    assert found == json.loads(expected_file.read_text(encoding="utf-8"))


def test_a_tree_against_itself_has_no_change(tmp_path: Path) -> None:
    old, new = load_case("no-change", tmp_path)
    diff = diff_bundles(old, new)
    assert diff.changes == 0
    assert as_text(diff, "zh").endswith("没有差异\n")
    assert as_text(diff, "en").endswith("no differences\n")


def test_json_shape(tmp_path: Path) -> None:
    old, new = load_case("matter-details", tmp_path)
    body = as_dict(diff_bundles(old, new, "a", "b"))
    assert list(body) == [
        "format",
        "changes",
        "old",
        "new",
        "settings",
        "matters",
        "localities",
        "venues",
        "departments",
        "calendars",
    ]
    assert body["format"] == FORMAT
    assert list(body["matters"]) == ["added", "removed", "renamed", "recoded", "changed"]
    assert body["old"] == {"source": "a", "name": old.settings.name, "revision": old.revision}  # type: ignore[union-attr]
    change = body["matters"]["changed"][0]
    assert list(change) == ["code", "name", "fields", "fees", "materials", "rules"]
    assert json.loads(json.dumps(body)) == body  # plain JSON all the way down


def test_recoded_matter_brings_no_claim_noise(tmp_path: Path) -> None:
    old, new = load_case("recoded", tmp_path)
    diff = diff_bundles(old, new)
    assert [(r.old, r.new) for r in diff.matters.recoded] == [("MH-MZ-0005", "MH-MZ-0015")]
    assert not diff.matters.added and not diff.matters.removed
    assert diff.localities.size() == 0  # the town's claim followed the new code


def test_changed_profile_shows_in_every_village(tmp_path: Path) -> None:
    old, new = load_case("claims-rules-plugins", tmp_path)
    diff = diff_bundles(old, new)
    changed = {c.code: c for c in diff.localities.changed}
    for village in ("339901101201", "339901101202"):
        added = changed[village].claims.added
        assert {
            "matter": "MH-MZ-0005",
            "role": "proxy",
            "proxyAgent": "村文书（综合代办员）",
        } in added
        # the town's shorter promise reaches the village's proxy claim too
        limits = [f for c in changed[village].claims.changed for f in c.fields]
        assert any(f.field == "promisedLimit" and f.new["value"] == 10 for f in limits)
    county, town = changed["339901"], changed["339901101"]
    assert [p.key for p in county.plugins.changed] == ["hardship-waiver"]  # a new config
    assert [p["name"] for p in town.plugins.added] == ["ethnic-festival"]  # enabled
    assert [p["name"] for p in town.plugins.removed] == ["limit-compression"]  # disabled
    assert [r["id"] for r in town.rules.added] == ["gaoling-mian-hukou"]
    assert [r["id"] for r in town.rules.removed] == ["gaoling-kuaiban"]
    [rule] = town.rules.changed
    assert (rule.key, [(f.field, f.old, f.new) for f in rule.fields]) == (
        "hukou-gongxiang",
        [("material", "户口簿", "居民身份证")],
    )


def test_text_lists_changes_in_both_languages(tmp_path: Path) -> None:
    old, new = load_case("matter-details", tmp_path)
    diff = diff_bundles(old, new, "old", "new")
    zh = as_text(diff, "zh")
    assert "~ 承诺办结时限：20 工作日 → 18 工作日" in zh
    assert "~ 办件类型：承诺件 → 即办件" in zh
    assert (
        "~ 办理地点：明湖县行政审批服务中心 (county-hall) → 明湖县社会保险服务分厅 (shebao-hall)"
        in zh
    )
    assert "~ 申请表字段已修改" in zh  # too large to show in a line
    assert "+ 新增收费项目：邮寄费（12 元）" in zh
    assert "~ 收费项目“证明工本费”：" in zh and "；金额：10 → 15" in zh
    assert "+ 新增材料：户口簿（必要，原件1份，复印件1份）" in zh
    assert "- 取消材料：残疾人证" in zh
    assert "材料“最低生活保障申请书”：必要性：必要 → 容缺" in zh
    assert "+ 新增办理规则 mingxia-cheliang：受理条件“共同生活家庭成员名下有机动车" in zh
    en = as_text(diff, "en")
    assert "promisedLimit: 20 工作日 → 18 工作日" in en
    assert "handlingKind: 承诺件 → 即办件" in en


def test_markdown_notice_has_the_three_sections(tmp_path: Path) -> None:
    old, new = load_case("matters", tmp_path)
    text = as_markdown(diff_bundles(old, new), issuer="明湖县行政审批服务中心")
    lines = text.splitlines()
    assert lines[0] == "# 明湖县政务服务事项目录（测试）事项变更公告"
    headings = [line for line in lines if line.startswith("## ")]
    assert headings[:3] == ["## 一、新增事项", "## 二、取消事项", "## 三、变更事项"]
    assert (
        "| 1 | MH-MZ-0006 | 内地居民结婚登记 | 行政确认 | 明湖县民政局 | 即办件 | 即时 | " in text
    )
    assert "| 1 | MH-MZ-0005 | 高龄津贴申领 | 明湖县民政局 | 从目录中删除 |" in text
    assert "事项名称由“最低生活保障对象认定”调整为“最低生活保障审核确认”" in text
    assert "不再办理：MH-MZ-0005 高龄津贴申领（受理）" in text  # the town's claim went too
    assert lines[-3:] == ["明湖县行政审批服务中心", "", "　　年　　月　　日"]


def test_markdown_notice_without_changes_says_none(tmp_path: Path) -> None:
    old, new = load_case("no-change", tmp_path)
    text = as_markdown(diff_bundles(old, new))
    assert text.count("无。") == 3
    assert "## 四" not in text


def test_markdown_escapes_catalog_text() -> None:
    assert md("A|B*C_<x>\nD") == "A\\|B\\*C\\_\\<x\\> D"
