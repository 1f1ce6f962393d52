"""Conditions in plain words, for people reading a guide rather than YAML."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import FactRule, FormField

_YES_NO = {"zh": {True: "是", False: "否"}, "en": {True: "yes", False: "no"}}


def _value(value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return _YES_NO[lang][value]
    return str(value)


def _one(label: str, rule: FactRule, lang: str) -> list[str]:
    zh = lang == "zh"
    out = []
    if rule.allowed is not None:
        values = ("、" if zh else ", ").join(_value(v, lang) for v in rule.allowed)
        out.append(f"「{label}」为{values}" if zh else f"“{label}” is {values}")
    if rule.forbidden is not None:
        values = ("、" if zh else ", ").join(_value(v, lang) for v in rule.forbidden)
        out.append(f"「{label}」不为{values}" if zh else f"“{label}” is not {values}")
    if rule.min is not None:
        out.append(f"「{label}」不小于 {rule.min}" if zh else f"“{label}” is at least {rule.min}")
    if rule.max is not None:
        out.append(f"「{label}」不大于 {rule.max}" if zh else f"“{label}” is at most {rule.max}")
    if rule.contains is not None:
        wanted = rule.contains if isinstance(rule.contains, list) else [rule.contains]
        values = ("、" if zh else ", ").join(_value(v, lang) for v in wanted)
        out.append(f"「{label}」包括{values}" if zh else f"“{label}” includes {values}")
    if not out:
        out.append(f"已说明「{label}」" if zh else f"“{label}” is given")
    return out


def describe(
    condition: Mapping[str, FactRule] | None, form: Mapping[str, FormField] | None, lang: str = "zh"
) -> str:
    """`{has_disabled_member: {allowed: [true]}}` → 「家庭中是否有残疾人」为是."""
    if not condition:
        return ""
    parts = []
    for fact, rule in condition.items():
        field = (form or {}).get(fact)
        label = field.label if field is not None and field.label else fact
        parts += _one(label, rule, lang)
    return ("且" if lang == "zh" else " and ").join(parts)
