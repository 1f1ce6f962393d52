"""A pytest kit for plugin authors: a small valid catalog tree in a temporary folder, a
plugin enabled for one locality, and an Engine running the plugin under test.

    from catalogkit.testing import NEIGHBOUR, VILLAGE, engine_with, make_case, with_plugin

    def test_waives_fee_for_dibao(catalog_tree):
        with_plugin(catalog_tree, VILLAGE, "dibao-waiver", {"households": ["低保户"]})
        engine = engine_with(catalog_tree, dibao_waiver)
        facts = {"household_type": "低保户"}
        assert engine.decide(make_case(facts=facts)).total_fee == 0
        assert engine.decide(make_case(NEIGHBOUR, facts=facts)).total_fee == 10

The tree (see `make_tree`) is a county with one hall, a town with a centre and two
villages, one matter (`MATTER`) that villages take in by proxy, and the 2026 calendar.
The fixture `catalog_tree` makes this module a pytest plugin: it is active wherever
catalogkit is installed with its `pytest11` entry point (named `catalogkit.testing`, so
that naming it again is harmless), or name it with `pytest_plugins =
["catalogkit.testing"]` or `pytest -p catalogkit.testing`. Guide: docs/plugins.md.
"""

from __future__ import annotations

import datetime as dt
import inspect
import itertools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, cast

import pytest

from .catalog import check_catalog, load_catalog
from .engine import Engine
from .engine.placed import enabled_plugins
from .errors import Diagnostic, UsageError
from .load.tree import catalog_files
from .model import Case
from .plugins import Plugins
from .plugins.discovery import Found
from .plugins.hooks import ANSWERS, INFO, SPECS
from .resolve import Bundle

__all__ = [
    "COUNTY",
    "DAY",
    "FEE",
    "HOOK_ANSWERS",
    "MATTER",
    "NEIGHBOUR",
    "TOWN",
    "VILLAGE",
    "call_hook",
    "catalog_tree",
    "check_with",
    "engine_with",
    "load_bundle",
    "make_case",
    "make_tree",
    "matter",
    "plugin_file",
    "plugin_name",
    "plugins_of",
    "to_yaml",
    "with_plugin",
]

COUNTY = "339901"
TOWN = "339901101"
VILLAGE = "339901101201"  # 东岙村, has its own service station
NEIGHBOUR = "339901101202"  # 西岙村, served by 东岙村's station
MATTER = "KIT-0001"
DAY = dt.date(2026, 3, 2)  # a Monday with working days on either side
FEE = "kit-fee"  # the id of the matter's one fee item (10 yuan)

# A plugin under test: a module (or any namespace of hook functions), optionally with
# the name it is enabled under in YAML.
PluginArg = object | tuple[str, object]

# What each hook answers: (type of one answer, whether it returns a list of them).
HOOK_ANSWERS: dict[str, tuple[type, bool]] = {
    name: (answer.type, answer.many) for name, answer in ANSWERS.items() if name != INFO
}

_BASIS = [{"title": "《catalogkit 测试目录说明》（虚构）"}]
_HOURS = [{"days": ["工作日"], "opens": "08:30", "closes": "17:00"}]


def matter(code: str = MATTER, **fields: Any) -> dict[str, Any]:
    """A valid matter as YAML data (camelCase keys), defined by the county, handled at the
    county hall, taken in by the town and by proxy in the villages; `fields` replace keys.

    It has one required material (居民身份证), one fee (`FEE`, 10 yuan), a statutory limit
    of 20 and a promised limit of 10 working days, and no form: any facts are accepted."""
    out: dict[str, Any] = {
        "code": code,
        "name": f"测试事项 {code}",
        "type": "行政确认",
        "levels": ["县级", "镇（乡、街道）级", "村（社区）级"],
        "basis": _BASIS,
        "department": "kit-dept",
        "powerSource": "法定本级行使",
        "serviceObjects": ["自然人"],
        "conditions": "测试用受理条件。",
        "handlingKind": "承诺件",
        "statutoryLimit": {"value": 20, "unit": "工作日"},
        "promisedLimit": {"value": 10, "unit": "工作日"},
        "process": [{"name": "受理", "actor": "综合受理窗口工作人员"}],
        "materials": [{"name": "居民身份证", "necessity": "必要", "originals": 1, "copies": 0}],
        "fees": {
            "charged": True,
            "items": [
                {
                    "id": FEE,
                    "name": "证明工本费",
                    "standard": "每件 10 元（虚构）",
                    "amount": 10,
                    "basis": _BASIS,
                    "reducible": True,
                }
            ],
        },
        "visits": {"count": 1},
        "venue": "kit-county-hall",
        "online": {"available": False},
        "delivery": {"inHall": True, "express": False, "onlinePayment": False},
        "result": {"type": "其他", "name": "测试结果"},
        "illustrative": True,
    }
    out.update(fields)
    return out


def make_tree(
    root: Path,
    *,
    matters: Sequence[Mapping[str, Any]] | None = None,
    plugins: Mapping[str, Iterable[tuple[str, Mapping[str, Any]]]] | None = None,
    rules: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
) -> Path:
    """Write a small valid catalog tree into `root` and return `root`.

    `matters` replace the default `[matter()]` (build them with `matter(...)`);
    `plugins` maps a locality code to the (name, config) pairs enabled there;
    `rules` maps a locality code to declarative rules (YAML data) written there."""
    plugins = plugins or {}
    rules = rules or {}
    codes = {COUNTY, TOWN, VILLAGE, NEIGHBOUR}
    unknown = sorted((set(plugins) | set(rules)) - codes)
    if unknown:
        raise UsageError(f"no locality {', '.join(unknown)} in the kit's tree: use {codes}")
    all_matters = [dict(m) for m in (matters if matters is not None else [matter()])]
    extra: dict[str, dict[str, Any]] = {
        code: {
            **({"rules": [dict(r) for r in rules[code]]} if rules.get(code) else {}),
            **(
                {"plugins": [{"name": n, "config": dict(c)} for n, c in plugins[code]]}
                if plugins.get(code)
                else {}
            ),
        }
        for code in codes
    }
    files = {
        "catalogkit.yaml": {
            "apiVersion": "catalogkit/v1",
            "kind": "Settings",
            "name": "catalogkit 测试目录（虚构）",
            "province": "浙江省",
        },
        "county/county.yaml": _county(extra[COUNTY]),
        "county/matters.yaml": {
            "apiVersion": "catalogkit/v1",
            "kind": "Matters",
            "locality": COUNTY,
            "matters": all_matters,
        },
        "towns/town.yaml": _town([str(m["code"]) for m in all_matters], extra),
        "calendars/2026.yaml": _calendar_2026(),
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(to_yaml(data), encoding="utf-8")
    return root


def _venue(vid: str, name: str, tier: str, phone: str) -> dict[str, Any]:
    return {
        "id": vid,
        "name": name,
        "tier": tier,
        "address": f"{name}（虚构地址）",
        "hours": _HOURS,
        "phones": [{"label": "咨询电话", "number": phone}],
    }


def _county(extra: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "apiVersion": "catalogkit/v1",
        "kind": "Locality",
        "code": COUNTY,
        "name": "明湖县",
        "level": "county",
        "venues": [
            _venue("kit-county-hall", "明湖县行政审批服务中心", "county-hall", "0571-65310000")
        ],
        "departments": [
            {
                "id": "kit-dept",
                "name": "明湖县民政局",
                "creditCode": "11339901002610013N",
                "consultation": ["0571-65310007"],
                "supervision": ["12345"],
            }
        ],
        **extra,
    }


def _town(codes: list[str], extra: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    village_claims = [
        {"matter": c, "role": "proxy", "proxyAgent": "村文书（综合代办员）"} for c in codes
    ]
    return {
        "apiVersion": "catalogkit/v1",
        "kind": "Locality",
        "code": TOWN,
        "name": "兴湖镇",
        "level": "town",
        "parent": COUNTY,
        "venues": [_venue("kit-town-center", "兴湖镇便民服务中心", "town-center", "0571-65410000")],
        "claims": [{"matter": c, "role": "accept"} for c in codes],
        **extra[TOWN],
        "children": [
            {
                "code": VILLAGE,
                "name": "东岙村",
                "level": "village",
                "venues": [
                    _venue(
                        "kit-village-station",
                        "东岙村便民服务站",
                        "village-station",
                        "0571-65410101",
                    )
                ],
                "claims": village_claims,
                **extra[VILLAGE],
            },
            {
                "code": NEIGHBOUR,
                "name": "西岙村",
                "level": "village",
                "servedBy": "kit-village-station",
                "claims": village_claims,
                **extra[NEIGHBOUR],
            },
        ],
    }


def _calendar_2026() -> dict[str, Any]:
    """The 2026 national calendar as published (State Council notice of 2025-11-04)."""
    spans = [
        ("元旦", "2026-01-01", 3, ["2026-01-04"]),
        ("春节", "2026-02-15", 9, ["2026-02-14", "2026-02-28"]),
        ("清明节", "2026-04-04", 3, []),
        ("劳动节", "2026-05-01", 5, ["2026-05-09"]),
        ("端午节", "2026-06-19", 3, []),
        ("中秋节", "2026-09-25", 3, []),
        ("国庆节", "2026-10-01", 7, ["2026-09-20", "2026-10-10"]),
    ]
    days: list[dict[str, Any]] = []
    for name, first, count, workdays in spans:
        start = dt.date.fromisoformat(first)
        days += [
            {"name": name, "date": (start + dt.timedelta(i)).isoformat(), "isOffDay": True}
            for i in range(count)
        ]
        days += [{"name": name, "date": w, "isOffDay": False} for w in workdays]
    return {
        "apiVersion": "catalogkit/v1",
        "kind": "Calendar",
        "year": 2026,
        "notice": {
            "title": "国务院办公厅关于2026年部分节假日安排的通知",
            "published": "2025-11-04",
        },
        "days": days,
    }


# -- enabling plugins in an existing tree -------------------------------------------------


def with_plugin(
    tree: Path, locality: str, name: str, config: Mapping[str, Any] | None = None
) -> Path:
    """Enable plugin `name` with `config` on `locality` (and so below it) in the YAML of
    `tree`, keeping comments; returns `tree`. Any tree works, not only the kit's: use it on
    a copy in `tmp_path`, so the change lasts for one test."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    for path in catalog_files(tree):
        text = path.read_text(encoding="utf-8")
        if locality not in text:
            continue
        data = yaml.load(text)
        if not isinstance(data, dict) or data.get("kind") != "Locality":
            continue
        place = _find_locality(data, locality)
        if place is None:
            continue
        uses = place.setdefault("plugins", [])
        uses[:] = [u for u in uses if not (isinstance(u, dict) and u.get("name") == name)]
        uses.append({"name": name, "config": dict(config or {})})
        with path.open("w", encoding="utf-8") as out:
            yaml.dump(data, out)
        return tree
    raise UsageError(f"no locality {locality} in the catalog tree {tree}")


def _find_locality(data: dict[str, Any], code: str) -> dict[str, Any] | None:
    if str(data.get("code")) == code:
        return data
    for child in data.get("children") or []:
        if isinstance(child, dict):
            found = _find_locality(child, code)
            if found is not None:
                return found
    return None


# -- plugins, bundles and engines ---------------------------------------------------------

_files = itertools.count()


def plugin_file(path: Path | str) -> tuple[str, ModuleType]:
    """Import a single-file plugin (`plugins/<name>.py` of a catalog tree) afresh, and
    return it with the name it is enabled under in YAML: its file name without `.py`."""
    import importlib.util

    path = Path(path)
    module_name = f"catalogkit_testing_{re.sub(r'[^0-9A-Za-z_]', '_', path.stem)}_{next(_files)}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise UsageError(f"{path} is not a Python file")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return path.stem, module


def plugin_name(plugin: object) -> str:
    """The name a plugin is enabled under when none is given: the name in its
    `catalogkit_plugin_info`, else its module name with `_` read as `-`."""
    info = getattr(plugin, INFO, None)
    if callable(info):
        found = getattr(info(), "name", None)
        if isinstance(found, str):
            return found
    name = str(getattr(plugin, "__name__", type(plugin).__name__))
    return name.rsplit(".", 1)[-1].replace("_", "-")


def plugins_of(*plugins: PluginArg) -> Plugins:
    """A `Plugins` of exactly these plugins (nothing installed is loaded): each a module,
    a class or object with hook functions, or a `(name, plugin)` pair."""
    found = []
    for one in plugins:
        name, plugin = one if isinstance(one, tuple) else (plugin_name(one), one)
        file = str(getattr(plugin, "__file__", None) or f"<{name}>")
        found.append(Found(name, cast(ModuleType, plugin), "catalogkit.testing", file))
    return Plugins(found)


def check_with(tree: Path, *plugins: PluginArg) -> list[Diagnostic]:
    """Every problem `catalogkit validate` finds in `tree` with these plugins: plugin
    configs that do not fit their schema and the plugins' own catalog checks included."""
    return check_catalog(tree, cache=False, plugins=plugins_of(*plugins)).diagnostics


def load_bundle(tree: Path, *plugins: PluginArg) -> Bundle:
    """The bundle of `tree` (CatalogError if it has errors), checked with these plugins."""
    return load_catalog(tree, cache=False, plugins=plugins_of(*plugins) if plugins else None)


def engine_with(tree: Path, *plugins: PluginArg) -> Engine:
    """An Engine over `tree` with exactly these plugins, checked as `validate` would."""
    loaded = plugins_of(*plugins)
    return Engine(load_catalog(tree, cache=False, plugins=loaded), loaded)


def call_hook(engine: Engine, hook: str, locality: str, /, **kwargs: Any) -> list[tuple[str, Any]]:
    """Call one hook as the engine does for `locality`: on each plugin enabled there, with
    its config, answers checked and paired with plugin names, sorted by name. A hook's
    `locality` and `bundle` arguments default to `locality` and the engine's bundle."""
    if hook not in HOOK_ANSWERS:
        raise UsageError(f"unknown hook {hook!r}; hooks: {', '.join(sorted(HOOK_ANSWERS))}")
    takes = inspect.signature(SPECS[hook]).parameters
    defaults = {"locality": locality, "bundle": engine.bundle}
    kwargs = {**{k: v for k, v in defaults.items() if k in takes}, **kwargs}
    enabled = enabled_plugins(engine.bundle, tuple(engine.bundle.chain(locality)))
    return engine.plugins.at(enabled, locality).call(hook, **kwargs)


def make_case(
    locality: str = VILLAGE,
    matter: str = MATTER,
    *,
    facts: Mapping[str, Any] | None = None,
    materials: Iterable[str] = ("居民身份证",),
    submitted: dt.date | str = DAY,
    channel: str = "window",
    **fields: Any,
) -> Case:
    """A case for `matter` from a resident of `locality`, with every material of the
    kit's matter handed in; `fields` are further Case keys as written in YAML."""
    if isinstance(submitted, str):
        submitted = dt.date.fromisoformat(submitted)
    return Case.model_validate(
        {
            "matter": matter,
            "locality": locality,
            "facts": dict(facts or {}),
            "materials": list(materials),
            "submitted": submitted,
            "channel": channel,
            **fields,
        }
    )


# -- YAML without a YAML library: block style, every string quoted ------------------------

_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def to_yaml(data: Any) -> str:
    """YAML text of plain data, block style, every string double-quoted (so `08:30`,
    `339901` and `no` stay strings under any YAML version)."""
    return "\n".join(_lines(data, 0)) + "\n"


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        value = value.isoformat()
    if isinstance(value, Mapping) and not value:
        return "{}"
    if isinstance(value, list | tuple) and not value:
        return "[]"
    return json.dumps(str(value), ensure_ascii=False)


def _nested(value: Any) -> bool:
    return isinstance(value, Mapping | list | tuple) and bool(value)


def _lines(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, Mapping) and value:
        out = []
        for key, item in value.items():
            k = str(key)
            k = k if _PLAIN_KEY.match(k) and k not in ("true", "false", "null") else json.dumps(k)
            if _nested(item):
                out += [f"{pad}{k}:", *_lines(item, indent + 2)]
            else:
                out.append(f"{pad}{k}: {_scalar(item)}")
        return out
    if isinstance(value, list | tuple) and value:
        out = []
        for item in value:
            if _nested(item):
                inner = _lines(item, indent + 2)
                out += [f"{pad}- {inner[0][indent + 2 :]}", *inner[1:]]
            else:
                out.append(f"{pad}- {_scalar(item)}")
        return out
    return [pad + _scalar(value)]


# -- pytest fixtures ----------------------------------------------------------------------


@pytest.fixture
def catalog_tree(tmp_path: Path) -> Path:
    """The kit's small valid catalog tree (see `make_tree`), fresh for each test."""
    return make_tree(tmp_path / "catalog")
