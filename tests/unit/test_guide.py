"""Service guides: what they say, and that catalog text can never become markup."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from catalogkit import load_catalog
from catalogkit.engine import Engine
from catalogkit.guide import build_guide, render
from catalogkit.plugins import Plugins
from tests.conftest import DATA, DEMO, ROOT


@pytest.fixture(scope="module")
def engine() -> Engine:
    plugins = Plugins.load(tree=DEMO, folders=[ROOT / "plugins"], autoload=False)
    return Engine(load_catalog(DEMO, cache=False, plugins=plugins), plugins)


def test_the_guide_of_dibao_for_a_village_group(engine: Engine) -> None:
    guide = build_guide(engine, "MH-MZ-0001", "339901101202-5", "zh")
    assert [s.role for s in guide.route] == ["proxy", "proxy", "accept", "decide"]
    assert guide.route[0].proxy_agent == "高山组组长"
    disabled = next(m for m in guide.materials if m["name"] == "残疾人证")
    assert disabled["when"] == "「家庭成员中是否有持证残疾人」为是"
    assert guide.limits["promised"] == "20 工作日"
    assert guide.matter["implementation_code"].startswith("MH-MZ-0001-339901000000-000-")
    assert guide.revision == engine.bundle.revision
    text = render(guide, "md", "zh")
    assert "# 最低生活保障对象认定 · 办事指南" in text
    assert "| 6 | 残疾人证 | 必要 | 1 | 1 | 「家庭成员中是否有持证残疾人」为是 |" in text


def test_english_labels(engine: Engine) -> None:
    text = render(build_guide(engine, "MH-BDC-0001", "339901101202", "en"), "md", "en")
    assert "· Service guide" in text and "## Materials" in text and "Statutory limit" in text


def test_declarative_rules_appear_in_plain_words(engine: Engine) -> None:
    guide = build_guide(engine, "MH-MZ-0005", "339901101202", "zh")
    assert {
        "when": "「老年人年龄」不大于 79",
        "what": "不予受理：未满八十周岁，不符合高龄津贴申领条件",
        "basis": "明湖县高龄津贴发放办法（示例）",
    } in guide.rules


def test_html_is_self_contained_with_print_rules_and_json_ld(engine: Engine) -> None:
    html = render(build_guide(engine, "MH-MZ-0001", "339901101202", "zh"), "html", "zh")
    assert "@page { size: A4" in html and "@media print" in html
    assert not re.search(r"""(src|href)=["']?https?:""", html)  # no external assets
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert block is not None
    data = json.loads(block.group(1))
    assert data["@type"] == "GovernmentService" and data["name"] == "最低生活保障对象认定"
    assert data["serviceOperator"]["name"] == "明湖县民政局"


def test_catalog_text_is_escaped_everywhere(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(DATA / "invalid" / "_base", tree)
    matters = tree / "county" / "matters.yaml"
    evil = "<script>alert(1)</script></script>|**粗体**#"
    text = matters.read_text(encoding="utf-8")
    first = re.search(r"^    name: (.*)$", text, re.M)
    assert first is not None
    matters.write_text(
        text.replace(first.group(0), f"    name: {json.dumps(evil)}", 1), encoding="utf-8"
    )
    engine = Engine(load_catalog(tree, cache=False))
    code = next(iter(engine.bundle.matters))
    village = next(c for c, e in engine.bundle.localities.items() if e.locality.level == "village")
    guide = build_guide(engine, code, village, "zh")
    html = render(guide, "html", "zh")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert ld is not None and json.loads(ld.group(1))["name"] == evil
    md = render(guide, "md", "zh")
    assert "\\<script\\>" in md and "\\|" in md and "\\*\\*" in md


def test_venue_list_of_a_town_center(engine: Engine) -> None:
    from catalogkit.guide import venue_list

    listed = venue_list(engine.bundle, "qingxi-center")
    codes = {m.code for m in listed}
    assert "MH-MZ-0001" in codes  # accepted here for the county
    assert "MH-MZ-0006" not in codes  # marriage: only at the county's branch hall
    assert listed == sorted(listed, key=lambda m: (m.window, m.department, m.code))
    dibao = next(m for m in listed if m.code == "MH-MZ-0001")
    assert (dibao.kind, dibao.promised, dibao.fee) == ("承诺件", "20 工作日", "不收费")


def test_booklet_groups_every_matter_of_the_town_by_theme(engine: Engine) -> None:
    from catalogkit.guide import booklet, render_page

    themes = booklet(engine.bundle, "339901101")
    assert sum(len(v) for v in themes.values()) == len(engine.bundle.matters)
    marriage = next(m for m in themes["婚姻登记"] if m.code == "MH-MZ-0006")
    assert marriage.where == "明湖县婚姻登记处" and not marriage.proxy_in_villages
    dibao = next(m for items in themes.values() for m in items if m.code == "MH-MZ-0001")
    assert dibao.proxy_in_villages
    town = booklet(engine.bundle, "339901102")  # 东礁镇 decides 临时救助 itself
    relief = next(m for items in town.values() for m in items if m.code == "MH-MZ-0003")
    assert relief.department == "明湖县东礁镇人民政府"
    html = render_page(
        "booklet.html.j2",
        town="清溪镇",
        themes=themes,
        total=65,
        revision="r",
        generated="2026-11-23",
    )
    assert html.count('<section class="theme"') == len(themes)
    assert "break-before: page" in html


def test_remedies_special_procedures_and_online_in_both_formats(engine: Engine) -> None:
    guide = build_guide(engine, "MH-GA-0006", "339901101202", "zh")
    for fmt in ("md", "html"):
        text = render(guide, fmt, "zh")
        assert "救济途径" in text and "申请行政复议" in text and "网上办理" in text


def test_a_claims_own_implementing_body_is_shown(engine: Engine) -> None:
    """东礁镇 decides 临时救助 itself (its claim names dongjiao-zf): the guide names the
    town government, with its credit code in the implementation code and its phones."""
    guide = build_guide(engine, "MH-MZ-0003", "339901102201", "zh")
    town = engine.bundle.departments["dongjiao-zf"].item
    assert guide.matter["department"] == "明湖县东礁镇人民政府"
    assert guide.matter["credit_code"] == town.credit_code
    assert guide.matter["implementation_code"] == (
        f"MH-MZ-0003-339901102000-000-{town.credit_code}-1-00"
    )
    assert guide.contacts == {
        "consultation": ["0571-65510000"],
        "supervision": ["0571-65510099", "12345"],
    }
    # where the county bureau decides, it stays the implementing body
    county = build_guide(engine, "MH-MZ-0001", "339901102201", "zh")
    assert county.matter["department"] == "明湖县民政局"
    assert county.matter["implementation_code"].startswith("MH-MZ-0001-339901000000-000-")


def test_proxy_legs_carry_their_own_limit(engine: Engine) -> None:
    """高山组 hands the file on within 1 working day, the village agent within 2: the
    guide shows those, not the matter's 20 working days, at the proxy stops."""
    guide = build_guide(engine, "MH-MZ-0001", "339901101202-5", "zh")
    assert [s.leg_limit for s in guide.route] == ["1 工作日", "2 工作日", None, None]
    assert "- 代办时限：1 工作日" in render(guide, "md", "zh")
    assert "代办时限：2 工作日" in render(guide, "html", "zh")


def test_booklet_themes_follow_a_residents_life(engine: Engine) -> None:
    from catalogkit.guide import booklet
    from catalogkit.guide.life_events import ordered

    themes = list(booklet(engine.bundle, "339901101"))
    assert themes.index("生育服务") < themes.index("户籍办理") < themes.index("婚姻登记")
    assert themes.index("婚姻登记") < themes.index("社会保险") < themes.index("养老服务")
    assert ordered(["自定主题", "其他", "殡葬服务", "生育收养"]) == [
        "生育收养",
        "殡葬服务",
        "自定主题",
        "其他",
    ]


def test_booklet_on_screen_is_centred_without_a_blank_band(engine: Engine) -> None:
    from catalogkit.guide import booklet, render_page

    html = render_page(
        "booklet.html.j2",
        town="清溪镇",
        themes=booklet(engine.bundle, "339901101"),
        total=1,
        revision="r",
        generated="2026-01-01",
    )
    screen = html[html.index("@media screen") :]
    assert "max-width" in screen and "margin: 1.5em auto" in screen
    assert "h1 { margin-top: 0.5em; }" in screen
