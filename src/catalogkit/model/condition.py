"""Conditions over a case's facts and application-form fields, as cerberus rule sets.

Only a safe subset of cerberus rules is accepted: no `regex` (a hostile catalog
could make a pattern that takes exponential time), no `coerce`/`check_with`
(they name Python callables). The subset is modelled here so that a bad rule is
a located error with a suggestion, and the published schema lists what is allowed.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .base import Model, Name, Text, doc

FactName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
FactValue = str | int | float | bool

FACT_TYPES = ("string", "integer", "number", "boolean", "date", "list")


class FactRule(Model):
    """Rules one fact must satisfy (a cerberus rule set for one field)."""

    type: Annotated[str, Field(pattern=r"^(string|integer|number|boolean|date|list)$")] | None = (
        doc("取值类型", "value type: string, integer, number, boolean, date or list", default=None)
    )
    allowed: list[FactValue] | None = doc("允许的取值", "allowed values", default=None)
    forbidden: list[FactValue] | None = doc("禁止的取值", "forbidden values", default=None)
    min: int | float | None = doc("最小值", "minimum", default=None)
    max: int | float | None = doc("最大值", "maximum", default=None)
    minlength: int | None = doc("最短长度", "minimum length", default=None, ge=0)
    maxlength: int | None = doc("最长长度", "maximum length", default=None, ge=0)
    contains: FactValue | list[FactValue] | None = doc(
        "列表须包含", "a list must contain these", default=None
    )
    nullable: bool | None = doc("可为空值", "may be null", default=None)
    required: bool | None = doc("必须提供", "must be present", default=None)
    empty: bool | None = doc("可为空串", "may be empty", default=None)


class FormField(FactRule):
    """One field of a matter's application form."""

    label: Name | None = doc("字段中文名", "label shown to applicants", default=None)
    question: Text | None = doc(
        "询问语", "how the applicant is asked for it when it is missing", default=None
    )


Condition = dict[FactName, FactRule]
FormSchema = dict[FactName, FormField]


def to_cerberus(rules: dict[str, FactRule]) -> dict[str, dict[str, object]]:
    """The cerberus schema for a condition or form (labels become `meta`)."""
    out: dict[str, dict[str, object]] = {}
    for fact, rule in rules.items():
        spec: dict[str, object] = {}
        meta: dict[str, object] = {}
        for key, value in rule.model_dump(exclude_none=True).items():
            if key in ("label", "question"):
                meta[key] = value
            else:
                spec[key] = value
        if meta:
            spec["meta"] = meta
        out[fact] = spec
    return out
