"""Declarative rules administrators write in YAML, on a matter or on a locality.

Each rule has an id, an optional `when:` condition over the case's facts (a cerberus
rule set, compiled once when the catalog loads) and its legal basis. How answers of
several rules combine is fixed per type, never by their order:
- material / waive-material: collect all that apply;
- fee: collect items; waiver: names the fee it reduces, largest share wins;
- limit: the shortest promised limit that applies, never above the statutory one;
- eligibility: any refusal wins, every refusal is listed with its basis;
- routing: exactly one venue may answer; two that disagree are a conflict.

A more local rule may replace a named rule of the tier above (`replaces: id`) only
where that rule says `overridable: true`, and only in the direction its type allows:
a shorter limit, a lower fee, a larger waiver (resolve/overrides.py checks it).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import Model, Name, Slug, Text, doc
from .condition import Condition, FactName
from .matter import LegalBasis, Material, TimeLimit

Code = Annotated[str, Field(min_length=1, max_length=64)]


class RuleBase(Model):
    id: Slug = doc("规则标识", "rule id, unique where it is written")
    when: Condition | None = doc(
        "适用条件", "applies only when the facts satisfy this", default=None
    )
    matters: list[Code] = doc(
        "适用事项", "on a locality: the matters it applies to (empty: all)", default_factory=list
    )
    basis: list[LegalBasis] = doc("依据", "legal basis", default_factory=list)
    note: Text | None = doc("说明", "note", default=None)
    overridable: bool = doc(
        "允许下级替换",
        "a more local rule may replace this one (limit, fee and waiver rules only)",
        default=False,
    )
    replaces: Slug | None = doc(
        "替换的上级规则",
        "id of an overridable rule written above (on the matter or a higher locality) "
        "that this one replaces for the residents it applies to",
        default=None,
    )


class MaterialRule(RuleBase):
    type: Literal["material"]
    material: Material = doc("增加的材料", "the extra material required")


class WaiveMaterialRule(RuleBase):
    type: Literal["waive-material"]
    material: Name = doc("免交的材料名称", "name of the material no longer required")


class Band(Model):
    up_to: float | None = doc("上限（含）", "upper bound, inclusive; none: no bound")
    amount: float = doc("金额（元）", "amount in yuan", ge=0)


class FeeRule(RuleBase):
    """A fee item charged when it applies: fixed, per unit of a fact, or tiered."""

    type: Literal["fee"]
    fee: Slug = doc("收费项目标识", "fee id, named by waivers")
    name: Name = doc("收费项目名称", "fee item name")
    standard: Text = doc("收费标准", "fee standard as published")
    amount: float | None = doc("固定金额（元）", "fixed amount", default=None, ge=0)
    per_unit: float | None = doc("单价（元）", "price per unit of `unitFact`", default=None, ge=0)
    unit_fact: FactName | None = doc("计量事实", "fact giving the number of units", default=None)
    bands: list[Band] = doc("分档", "tiers over `unitFact`", default_factory=list)


class WaiverRule(RuleBase):
    type: Literal["waiver"]
    fee: Slug = doc("减免的收费项目", "the fee id it reduces")
    share: float = doc("减免比例", "share waived: 1 waives it whole", default=1, gt=0, le=1)


class LimitRule(RuleBase):
    type: Literal["limit"]
    promised_limit: TimeLimit = doc("承诺时限", "promised limit when it applies")


class EligibilityRule(RuleBase):
    type: Literal["eligibility"]
    refuse: Text = doc("不予受理/不予批准理由", "reason for refusal when the condition holds")


class RoutingRule(RuleBase):
    type: Literal["routing"]
    venue: Slug = doc("办理场所", "venue the case goes to")
    reason: Text = doc("理由", "why")


Rule = Annotated[
    MaterialRule
    | WaiveMaterialRule
    | FeeRule
    | WaiverRule
    | LimitRule
    | EligibilityRule
    | RoutingRule,
    Field(discriminator="type"),
]


class PluginUse(Model):
    """A plugin enabled on a locality, for it and everything below it."""

    name: Name = doc("插件名称", "plugin name")
    config: dict[FactName, object] = doc(
        "插件配置", "config, checked against the plugin's schema", default_factory=dict
    )
