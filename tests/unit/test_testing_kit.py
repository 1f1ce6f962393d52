"""catalogkit.testing, the kit for plugin authors, and through it every hook: a plugin
enabled for one village changes that village's decisions and not its neighbour's."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from catalogkit import Bundle, Diagnostic
from catalogkit.engine import CaseView
from catalogkit.errors import CatalogError, ConflictError, PluginError, UsageError
from catalogkit.model import Material, TimeLimit
from catalogkit.plugins import (
    Closure,
    FeeCharge,
    FeeWaiver,
    GuideSection,
    LimitChoice,
    MaterialChanges,
    PluginInfo,
    Refusal,
    VenueChoice,
    hookimpl,
    hookspecs,
)
from catalogkit.testing import (
    COUNTY,
    DAY,
    HOOK_ANSWERS,
    MATTER,
    NEIGHBOUR,
    TOWN,
    VILLAGE,
    call_hook,
    check_with,
    engine_with,
    load_bundle,
    make_case,
    make_tree,
    matter,
    plugin_file,
    plugin_name,
    plugins_of,
    to_yaml,
    with_plugin,
)

pytest_plugins = ["catalogkit.testing"]

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "catalogs"
Config = Mapping[str, Any]


class KitTown:
    """A plugin written as a class: its functions are the hooks (pluggy registers any
    namespace). Each hook answers only when its config switch is on."""

    @hookimpl
    def catalogkit_plugin_info() -> PluginInfo:
        schema = {
            "venue": {"type": "string"},
            "extra_material": {"type": "string"},
            "waive": {"type": "string"},
            "charge": {"type": "number"},
            "waive_share": {"type": "float"},
            "limit_days": {"type": "integer"},
            "min_age": {"type": "integer"},
            "closed": {"type": "string"},
            "section": {"type": "string"},
            "phone_label": {"type": "string"},
        }
        return PluginInfo("kit-town", "2.0.1", "兴湖镇的全部钩子", schema)

    @hookimpl
    def catalogkit_route(case: CaseView, config: Config) -> VenueChoice | None:
        return VenueChoice(config["venue"], "测试改派") if "venue" in config else None

    @hookimpl
    def catalogkit_materials(case: CaseView, config: Config) -> MaterialChanges | None:
        extra = config.get("extra_material")
        waive = config.get("waive")
        if extra is None and waive is None:
            return None
        return MaterialChanges(
            extra=(Material(name=extra, necessity="必要", originals=1, copies=0),) if extra else (),
            waived=(waive,) if waive else (),
            reason="测试",
        )

    @hookimpl
    def catalogkit_fees(case: CaseView, config: Config) -> list[FeeCharge]:
        if "charge" not in config:
            return []
        return [FeeCharge("kit-town-extra", "代办费", config["charge"], "测试依据")]

    @hookimpl
    def catalogkit_fee_waivers(
        case: CaseView, config: Config, fees: tuple[str, ...]
    ) -> list[FeeWaiver]:
        share = config.get("waive_share")
        return [FeeWaiver(fee, share, "减免依据") for fee in fees] if share else []

    @hookimpl
    def catalogkit_time_limit(case: CaseView, config: Config) -> LimitChoice | None:
        days = config.get("limit_days")
        return LimitChoice(TimeLimit(value=days, unit="工作日"), "测试") if days else None

    @hookimpl
    def catalogkit_eligibility(case: CaseView, config: Config) -> list[Refusal]:
        if "min_age" in config and case.facts.get("age", 0) < config["min_age"]:
            return [Refusal("年龄不足", "测试办法")]
        return []

    @hookimpl
    def catalogkit_calendar(locality: str, year: int, config: Config) -> list[Closure]:
        day = dt.date.fromisoformat(config["closed"]) if "closed" in config else None
        return [Closure(day, "闭厅")] if day and day.year == year else []

    @hookimpl
    def catalogkit_guide_sections(
        matter: str, locality: str, bundle: Bundle, config: Config
    ) -> list[GuideSection]:
        return [GuideSection("须知", config["section"])] if "section" in config else []

    @hookimpl
    def catalogkit_validate_catalog(
        bundle: Bundle, locality: str, config: Config
    ) -> list[Diagnostic]:
        label = config.get("phone_label")
        if label is None:
            return []
        source = bundle.localities[locality].source
        return [Diagnostic("kit-town", f"no {label}", f"缺少{label}", source.file, source.path)]


def town(tree: Path, **config: Any) -> Any:
    """The engine over `tree` with KitTown enabled for VILLAGE only, with `config`."""
    return engine_with(with_plugin(tree, VILLAGE, "kit-town", config), KitTown)


# -- the tree -----------------------------------------------------------------------------


def test_the_tree_is_valid_and_routes_through_the_tiers(catalog_tree: Path) -> None:
    bundle = load_bundle(catalog_tree)
    assert set(bundle.localities) == {COUNTY, TOWN, VILLAGE, NEIGHBOUR}
    assert check_with(catalog_tree) == []
    route = engine_with(catalog_tree).route(MATTER, NEIGHBOUR)
    assert [(h.locality, h.role, h.venue) for h in route.hops] == [
        (NEIGHBOUR, "proxy", "kit-village-station"),
        (TOWN, "accept", "kit-town-center"),
        (COUNTY, "decide", "kit-county-hall"),
    ]


def test_without_plugins_a_case_is_accepted(catalog_tree: Path) -> None:
    decision = engine_with(catalog_tree).decide(make_case())
    assert decision.outcome == "accept"
    assert decision.total_fee == 10
    assert decision.promised_due == dt.date(2026, 3, 16)
    assert decision.statutory_due == dt.date(2026, 3, 30)
    assert decision.plugins == {}


def test_the_kit_calendar_is_the_demo_calendar(tmp_path: Path) -> None:
    kit = load_bundle(make_tree(tmp_path)).calendars[(2026, None)]
    demo = load_bundle(DEMO).calendars[(2026, None)]
    assert sorted(kit.days, key=repr) == sorted(demo.days, key=repr)
    assert kit.notice is not None and demo.notice is not None
    assert (kit.notice.title, kit.notice.published) == (demo.notice.title, demo.notice.published)


def test_make_tree_takes_matters_rules_and_plugins(tmp_path: Path) -> None:
    second = matter("KIT-0002", name="第二个测试事项", fees={"charged": False})
    rule = {
        "id": "elderly",
        "type": "eligibility",
        "refuse": "太年轻",
        "when": {"age": {"max": 17}},
    }
    tree = make_tree(
        tmp_path,
        matters=[matter(), second],
        rules={TOWN: [rule]},
        plugins={VILLAGE: [("kit-town", {"charge": 5})]},
    )
    engine = engine_with(tree, KitTown)
    assert engine.decide(make_case(matter="KIT-0002")).total_fee == 5
    assert engine.decide(make_case(NEIGHBOUR, matter="KIT-0002")).total_fee == 0
    assert engine.decide(make_case(NEIGHBOUR, facts={"age": 12})).outcome == "refuse"
    with pytest.raises(UsageError, match="no locality 1234"):
        make_tree(tmp_path / "other", plugins={"1234": []})


def test_a_plugin_enabled_but_not_loaded_fails_to_load(catalog_tree: Path) -> None:
    with_plugin(catalog_tree, VILLAGE, "kit-town")
    with pytest.raises(CatalogError, match="unknown-plugin"):
        engine_with(catalog_tree)


def test_with_plugin_keeps_comments_and_replaces_an_earlier_entry(tmp_path: Path) -> None:
    tree = tmp_path / "demo"
    shutil.copytree(DEMO, tree)
    village = "339901101202"  # a village of the demo county, written inline in its town
    town_file = next(p for p in (tree / "towns").glob("*.yaml") if village in p.read_text())
    comments = [
        line for line in town_file.read_text().splitlines() if line.lstrip().startswith("#")
    ]
    with_plugin(tree, village, "kit-town", {"charge": 1})
    with_plugin(tree, village, "kit-town", {"charge": 2})
    after = town_file.read_text()
    assert all(c in after.splitlines() for c in comments)
    uses = load_bundle(tree).locality(village).plugins
    assert [(u.name, dict(u.config)) for u in uses if u.name == "kit-town"] == [
        ("kit-town", {"charge": 2})
    ]
    with pytest.raises(UsageError, match="no locality 999"):
        with_plugin(tree, "999", "kit-town")


def test_to_yaml_keeps_strings_strings() -> None:
    data = {"code": "339901", "opens": "08:30", "no": "no", "list": [{"a": 1, "b": [True]}, []]}
    data |= {"empty": {}, "null": None, "date": "2026-01-01", "1 key": 1.5}
    assert YAML(typ="safe", pure=True).load(to_yaml(data)) == data


# -- the plugin under test ----------------------------------------------------------------


def test_a_plugin_changes_its_village_and_not_the_neighbour(catalog_tree: Path) -> None:
    """The test every plugin should have, with a real plugin written here."""

    class ElderlyWaiver:
        @hookimpl
        def catalogkit_plugin_info() -> PluginInfo:
            schema = {"min_age": {"type": "integer", "required": True}}
            return PluginInfo("elderly-waiver", "1.0.0", "高龄老人免收工本费", schema)

        @hookimpl
        def catalogkit_fee_waivers(
            case: CaseView, config: Config, fees: tuple[str, ...]
        ) -> list[FeeWaiver]:
            if case.facts.get("age", 0) >= config["min_age"]:
                return [FeeWaiver(fee, 1.0, "《兴湖镇敬老办法》（示例）") for fee in fees]
            return []

    with_plugin(catalog_tree, VILLAGE, "elderly-waiver", {"min_age": 80})
    engine = engine_with(catalog_tree, ElderlyWaiver)
    here = engine.decide(make_case(VILLAGE, facts={"age": 85}))
    there = engine.decide(make_case(NEIGHBOUR, facts={"age": 85}))
    assert (here.total_fee, there.total_fee) == (0, 10)
    assert here.plugins == {"elderly-waiver": "1.0.0"} and there.plugins == {}
    assert [t.source for t in here.trace] == ["plugin elderly-waiver 1.0.0"]
    assert engine.decide(make_case(VILLAGE, facts={"age": 60})).total_fee == 10


def test_plugin_info_gives_name_version_and_config_checks(catalog_tree: Path) -> None:
    loaded = plugins_of(KitTown).get("kit-town")
    assert (loaded.version, loaded.description) == ("2.0.1", "兴湖镇的全部钩子")
    assert "catalogkit_route" in loaded.hooks and "catalogkit_plugin_info" not in loaded.hooks
    with_plugin(catalog_tree, VILLAGE, "kit-town", {"charge": "ten"})
    problems = check_with(catalog_tree, KitTown)
    assert [d.rule for d in problems] == ["plugin-config"] and "charge" in problems[0].en


def test_a_plugin_without_schema_takes_no_config(catalog_tree: Path) -> None:
    class Bare:
        @hookimpl
        def catalogkit_fees(case: CaseView) -> list[FeeCharge]:
            return []

    with_plugin(catalog_tree, VILLAGE, "bare", {"anything": 1})
    assert [d.rule for d in check_with(catalog_tree, ("bare", Bare))] == ["plugin-config"]


def test_route(catalog_tree: Path) -> None:
    engine = town(catalog_tree, venue="kit-county-hall")
    assert engine.decide(make_case()).handled_at == "kit-county-hall"
    assert engine.decide(make_case(NEIGHBOUR)).handled_at == "kit-town-center"


def test_route_conflicts_with_a_rule(tmp_path: Path) -> None:
    rule = {"id": "to-town", "type": "routing", "venue": "kit-town-center", "reason": "镇办"}
    tree = make_tree(tmp_path, rules={VILLAGE: [rule]})
    engine = town(tree, venue="kit-county-hall")
    with pytest.raises(ConflictError, match="kit-county-hall"):
        engine.decide(make_case())


def test_materials(catalog_tree: Path) -> None:
    engine = town(catalog_tree, extra_material="户口簿", waive="居民身份证")
    here = engine.decide(make_case(materials=[]))
    assert [m.name for m in here.missing_materials] == ["户口簿"]
    there = engine.decide(make_case(NEIGHBOUR, materials=[]))
    assert [m.name for m in there.missing_materials] == ["居民身份证"]


def test_fees_and_waivers(catalog_tree: Path) -> None:
    engine = town(catalog_tree, charge=4, waive_share=0.5)
    here = engine.decide(make_case())
    assert [(f.id, f.amount, f.net) for f in here.fees] == [
        ("kit-fee", 10, 5),
        ("kit-town-extra", 4, 2),
    ]
    assert engine.decide(make_case(NEIGHBOUR)).total_fee == 10


def test_time_limit_is_never_above_the_statutory_limit(catalog_tree: Path) -> None:
    assert town(catalog_tree, limit_days=3).decide(make_case()).promised_due == dt.date(2026, 3, 5)
    longer = town(catalog_tree, limit_days=30).decide(make_case())
    assert longer.promised_limit is not None and longer.promised_limit.value == 10


def test_eligibility(catalog_tree: Path) -> None:
    engine = town(catalog_tree, min_age=18)
    here = engine.decide(make_case(facts={"age": 16}))
    assert here.outcome == "refuse"
    assert [(r.reason, r.source) for r in here.refusals] == [("年龄不足", "plugin kit-town")]
    assert engine.decide(make_case(NEIGHBOUR, facts={"age": 16})).outcome == "accept"


def test_calendar(catalog_tree: Path) -> None:
    engine = town(catalog_tree, closed="2026-03-03")
    assert engine.decide(make_case()).promised_due == dt.date(2026, 3, 17)
    assert engine.decide(make_case(NEIGHBOUR)).promised_due == dt.date(2026, 3, 16)
    assert call_hook(engine, "catalogkit_calendar", VILLAGE, year=2026) == [
        ("kit-town", Closure(dt.date(2026, 3, 3), "闭厅"))
    ]


def test_guide_sections(catalog_tree: Path) -> None:
    engine = town(catalog_tree, section="请携带身份证")
    found = call_hook(engine, "catalogkit_guide_sections", VILLAGE, matter=MATTER)
    assert found == [("kit-town", GuideSection("须知", "请携带身份证"))]
    assert call_hook(engine, "catalogkit_guide_sections", NEIGHBOUR, matter=MATTER) == []


def test_validate_catalog(catalog_tree: Path) -> None:
    with_plugin(catalog_tree, VILLAGE, "kit-town", {"phone_label": "代办员电话"})
    problems = check_with(catalog_tree, KitTown)
    assert [(d.rule, d.file, d.line is not None) for d in problems] == [
        ("kit-town", "towns/town.yaml", True)
    ]
    with pytest.raises(CatalogError, match="kit-town"):
        engine_with(catalog_tree, KitTown)


# -- order, errors, tracing ---------------------------------------------------------------


def _refuser(name: str) -> object:
    class Refuser:
        @hookimpl
        def catalogkit_eligibility(case: CaseView) -> list[Refusal]:
            return [Refusal(f"{name} 不同意", name)]

        @hookimpl
        def catalogkit_fees(case: CaseView) -> list[FeeCharge]:
            return [FeeCharge(f"{name}-fee", f"{name} 的费用", len(name), name)]

    return Refuser


def test_answers_do_not_depend_on_registration_order(tmp_path: Path) -> None:
    names = ["alpha", "bravo-b", "charlie-cc"]
    tree = make_tree(tmp_path, plugins={TOWN: [(n, {}) for n in names]})
    decisions = [
        engine_with(tree, *[(n, _refuser(n)) for n in order]).decide(make_case())
        for order in (names, names[::-1], [names[1], names[2], names[0]])
    ]
    assert decisions[0] == decisions[1] == decisions[2]
    assert [r.basis for r in decisions[0].refusals] == names
    # fees are listed by id, whatever the order the plugins were registered in
    assert [f.id for f in decisions[0].fees][:3] == ["alpha-fee", "bravo-b-fee", "charlie-cc-fee"]


def test_a_raising_hook_names_plugin_hook_file_and_locality(tmp_path: Path) -> None:
    plugin = tmp_path / "plugins" / "broken-fee.py"
    plugin.parent.mkdir()
    plugin.write_text(
        "from catalogkit.plugins import hookimpl\n\n\n"
        "@hookimpl\ndef catalogkit_fees(case, config):\n    return [config['missing']]\n",
        encoding="utf-8",
    )
    tree = make_tree(tmp_path / "tree", plugins={VILLAGE: [("broken-fee", {})]})
    engine = engine_with(tree, plugin_file(plugin))
    with pytest.raises(PluginError) as caught:
        engine.decide(make_case())
    error = caught.value
    assert (error.plugin, error.hook, error.file, error.locality) == (
        "broken-fee",
        "catalogkit_fees",
        str(plugin),
        VILLAGE,
    )
    assert isinstance(error.__cause__, KeyError)


def test_a_wrong_shape_is_an_error(catalog_tree: Path) -> None:
    class OneNotList:
        @hookimpl
        def catalogkit_eligibility(case: CaseView) -> Refusal:
            return Refusal("x", "y")

    with_plugin(catalog_tree, VILLAGE, "one-not-list")
    with pytest.raises(PluginError, match="expected a list of Refusal"):
        engine_with(catalog_tree, ("one-not-list", OneNotList)).decide(make_case())


def test_tracing(catalog_tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    monkeypatch.setenv("CATALOGKIT_TRACE_HOOKS", "1")
    town(catalog_tree, charge=3).decide(make_case())
    err = capsys.readouterr().err
    assert "catalogkit: kit-town.catalogkit_plugin_info() -> PluginInfo(" in err
    assert "catalogkit: kit-town.catalogkit_fees(case, config) -> [FeeCharge(" in err
    assert "catalogkit: kit-town.catalogkit_route(case, config) -> None" in err


# -- helpers --------------------------------------------------------------------------------


def test_make_case() -> None:
    case = make_case(NEIGHBOUR, facts={"age": 3}, submitted="2026-04-01", channel="proxy")
    assert (case.locality, case.matter, case.submitted, case.channel) == (
        NEIGHBOUR,
        MATTER,
        dt.date(2026, 4, 1),
        "proxy",
    )
    assert make_case().submitted == DAY and make_case().materials == ["居民身份证"]
    assert make_case(pauses=[{"name": "听证", "start": "2026-03-03", "end": "2026-03-04"}]).pauses


def test_plugin_names_and_files(tmp_path: Path) -> None:
    assert plugin_name(KitTown) == "kit-town"
    assert plugin_name(sys.modules["catalogkit.testing"]) == "testing"
    path = tmp_path / "my-plugin.py"
    path.write_text("VALUE = 1\n", encoding="utf-8")
    first, second = plugin_file(path), plugin_file(path)
    assert first[0] == second[0] == "my-plugin" and first[1] is not second[1]


def test_call_hook_knows_every_hook() -> None:
    specs = {n for n in vars(hookspecs) if n.startswith("catalogkit_")}
    assert set(HOOK_ANSWERS) == specs - {"catalogkit_plugin_info"}


def test_call_hook_refuses_an_unknown_hook(catalog_tree: Path) -> None:
    with pytest.raises(UsageError, match="unknown hook"):
        call_hook(engine_with(catalog_tree), "catalogkit_nothing", VILLAGE)


def test_the_pytest11_entry_point_and_pytest_plugins_agree(tmp_path: Path) -> None:
    """With the entry point catalogkit should declare (name `catalogkit.testing`), a test
    that also names the kit in `pytest_plugins` or with `-p` loads it once, not twice."""
    dist = tmp_path / "site" / "catalogkit_kit_probe-0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: probe\nVersion: 0\n")
    (dist / "entry_points.txt").write_text("[pytest11]\ncatalogkit.testing = catalogkit.testing\n")
    (tmp_path / "test_probe.py").write_text(
        'pytest_plugins = ["catalogkit.testing"]\n\n\n'
        "def test_probe(catalog_tree):\n"
        '    assert (catalog_tree / "catalogkit.yaml").is_file()\n',
        encoding="utf-8",
    )
    path = os.pathsep.join([str(ROOT / "src"), str(tmp_path / "site")])
    env = {**os.environ, "PYTHONPATH": path}
    env.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
    for extra in ([], ["-p", "catalogkit.testing"]):
        args = ["-q", "-p", "no:cacheprovider", *extra, "--rootdir", str(tmp_path)]
        run = subprocess.run(
            [sys.executable, "-m", "pytest", *args, "test_probe.py"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 0, run.stdout + run.stderr


def test_two_plugins_charging_one_fee_id_conflict(catalog_tree: Path) -> None:
    from catalogkit.testing import plugin_file

    (catalog_tree / "plugins").mkdir(exist_ok=True)
    for name in ("ferry-a", "ferry-b"):
        (catalog_tree / "plugins" / f"{name.replace('-', '_')}.py").write_text(
            "from catalogkit.plugins import FeeCharge, PluginInfo, hookimpl\n\n\n"
            "@hookimpl\ndef catalogkit_plugin_info():\n"
            f"    return PluginInfo({name!r}, '1.0.0')\n\n\n"
            "@hookimpl\ndef catalogkit_fees(case, config):\n"
            "    return [FeeCharge('ferry', '渡船费', 5.0, '示例')]\n",
            encoding="utf-8",
        )
        with_plugin(catalog_tree, VILLAGE, name, {})
    engine = engine_with(
        catalog_tree,
        plugin_file(catalog_tree / "plugins" / "ferry_a.py")[1],
        plugin_file(catalog_tree / "plugins" / "ferry_b.py")[1],
    )
    with pytest.raises(ConflictError, match=r"plugin ferry-a.*plugin ferry-b"):
        engine.decide(make_case(locality=VILLAGE))
