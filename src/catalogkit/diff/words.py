"""How changed keys and values are shown to people.

Key names come from the models themselves: every field carries its Chinese name in
its description (the one the JSON Schema and the format docs show), so the diff
calls a key what the rest of catalogkit calls it. English output uses the YAML key,
which is what an English reader will find in the file.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel

from ..model import (
    Claim,
    Department,
    EligibilityRule,
    FeeItem,
    FeeRule,
    LimitRule,
    Locality,
    Material,
    MaterialRule,
    Matter,
    PluginUse,
    RoutingRule,
    SettingsDocument,
    Venue,
    WaiveMaterialRule,
    WaiverRule,
)
from ..model.documents import CalendarDocument
from .model import Diff, Json

KINDS: dict[str, tuple[type[BaseModel], ...]] = {
    "matter": (Matter,),
    "fee": (FeeItem,),
    "material": (Material,),
    "rule": (
        MaterialRule,
        WaiveMaterialRule,
        FeeRule,
        WaiverRule,
        LimitRule,
        EligibilityRule,
        RoutingRule,
    ),
    "claim": (Claim,),
    "locality": (Locality,),
    "plugin": (PluginUse,),
    "venue": (Venue,),
    "department": (Department,),
    "calendar": (CalendarDocument,),
    "settings": (SettingsDocument,),
}

_EXTRA_ZH = {
    ("matter", "fees.charged"): "是否收费",
    ("matter", "locality"): "定义事项的区划",
    ("locality", "parent"): "上级区划",
    ("venue", "locality"): "所属区划",
    ("department", "locality"): "所属区划",
    ("claim", "promisedLimit"): "承诺时限",
    ("claim", "visits"): "到现场次数",
    # keys that several rule types share, with different meanings per type
    ("rule", "material"): "材料",
    ("rule", "fee"): "收费项目",
    ("rule", "promisedLimit"): "承诺时限",
    ("rule", "amount"): "金额",
}

RULE_TYPE_ZH = {
    "material": "增加材料",
    "waive-material": "免交材料",
    "fee": "收费",
    "waiver": "费用减免",
    "limit": "承诺时限",
    "eligibility": "受理条件",
    "routing": "办理地点",
}

ROLE = {
    "zh": {"proxy": "代办", "accept": "受理", "decide": "办结"},
    "en": {"proxy": "proxy", "accept": "accept", "decide": "decide"},
}


def key_name(kind: str, key: str, lang: str) -> str:
    if lang != "zh":
        return key
    return _EXTRA_ZH.get((kind, key)) or _zh_names(kind).get(key, key)


_HINT = re.compile(r"（[^（）]*）$")  # "办理地点（场所标识）": the hint is for authors


@cache
def _zh_names(kind: str) -> dict[str, str]:
    """YAML key → the Chinese name in the field's description ("承诺办结时限 / ...")."""
    out: dict[str, str] = {}
    for model in KINDS[kind]:
        for name, info in model.model_fields.items():
            alias = info.alias or name
            if info.description and alias not in out:
                out[alias] = _HINT.sub("", info.description.split(" / ", 1)[0])
    return out


def show(diff: Diff, key: str, value: Json, lang: str, ids: bool = True) -> str | None:
    """A value in a few words, or None when it is too large to show in a line
    (lists, mappings): the reader is then told that the key changed. Venues,
    departments and localities are shown by name, with their code unless `ids` is
    false (a notice for the public names places, not their ids)."""
    zh = lang == "zh"
    if value is None:
        return "（无）" if zh else "(none)"
    if isinstance(value, bool):
        return ("是" if value else "否") if zh else ("yes" if value else "no")
    if isinstance(value, dict) and set(value) >= {"value", "unit"}:
        return "即时" if value["unit"] == "即时" else f"{value['value']} {value['unit']}"
    if key == "visits" and isinstance(value, dict):
        return f"{value.get('count')} 次" if zh else f"{value.get('count')}"
    if key == "online" and isinstance(value, dict):
        return _online(value, zh)
    if key in ("venue", "department", "locality", "parent", "servedBy", "entrustedBy"):
        name = diff.label(value)
        return name if name == str(value) or not ids else f"{name} ({value})"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str | int):
        return str(value)
    return None


def _online(value: dict[str, Json], zh: bool) -> str:
    if not value.get("available"):
        return "不可网办" if zh else "not online"
    depth = value.get("depth")
    if zh:
        return "可网办" + (f"（深度 {depth}）" if depth else "")
    return "online" + (f" (depth {depth})" if depth else "")


def show_days(days: list[Json], zh: bool) -> str:
    """Calendar days that differ: "2026-02-16 春节 休息"."""
    if not days:
        return "（无）" if zh else "(none)"
    shown = []
    for d in days:
        off = d.get("isOffDay")
        kind = ("休息" if off else "上班") if zh else ("off" if off else "working")
        shown.append(f"{d.get('date')} {d.get('name')} {kind}")
    return ("、" if zh else ", ").join(shown)


def money(amount: Json) -> str:
    if isinstance(amount, int | float):
        return f"{amount:g} 元"
    return ""
