"""A matter's own consistency: fields its type requires, limits, fees, contacts,
references to departments and venues, conditions and codes."""

from __future__ import annotations

import re

from ..model import LEVEL_TIERS, ON_THE_SPOT_UNITS, Matter, TimeLimit
from .bodies import check_body
from .code_index import Index, MatterEntry
from .condition_checks import check_condition
from .drafts import check_known
from .references import dangling
from .sources import Problems, Source


def _comparable(limit: TimeLimit) -> tuple[str, int]:
    """日 is 自然日 and a year is twelve months, so that such limits compare."""
    if limit.unit == "日":
        return "自然日", limit.value
    if limit.unit == "年":
        return "月", limit.value * 12
    return limit.unit, limit.value


def limit_exceeds(limit: TimeLimit, bound: TimeLimit) -> bool | None:
    """Whether `limit` is longer than `bound`; None when the units cannot be compared."""
    if limit.unit in ON_THE_SPOT_UNITS or limit.value == 0:
        return False
    if bound.unit in ON_THE_SPOT_UNITS:
        return True
    (unit, value), (bound_unit, bound_value) = _comparable(limit), _comparable(bound)
    if unit != bound_unit:
        return None
    return value > bound_value


def show_limit(limit: TimeLimit) -> str:
    return limit.unit if limit.unit in ON_THE_SPOT_UNITS else f"{limit.value} {limit.unit}"


def check_matters(
    index: Index, p: Problems, pats: dict[str, re.Pattern[str]], declared: set[str]
) -> None:
    for doc, src in index.matter_docs:
        if doc.locality not in index.localities and doc.locality not in declared:
            dangling(
                p, "locality", "区划", doc.locality, list(index.localities), src.at("locality")
            )
    for entry in index.matters.values():
        _check_one(index, p, pats, declared, entry)


def _check_one(
    index: Index,
    p: Problems,
    pats: dict[str, re.Pattern[str]],
    declared: set[str],
    entry: MatterEntry,
) -> None:
    m, src = entry.matter, entry.source
    if not pats["matter"].fullmatch(m.code):
        p.add(
            "bad-code",
            f"{m.code!r} is not a valid matter code ({pats['matter'].pattern})",
            f"{m.code!r} 不是有效的事项编码（{pats['matter'].pattern}）",
            src.at("code"),
            expected=pats["matter"].pattern,
            found=m.code,
        )
    if m.implementation_code and not pats["implementation"].fullmatch(m.implementation_code):
        p.add(
            "bad-code",
            f"{m.implementation_code!r} is not a valid implementation code",
            f"{m.implementation_code!r} 不是有效的实施编码",
            src.at("implementationCode"),
            expected=pats["implementation"].pattern,
            found=m.implementation_code,
        )
    check_known(p, m, src)
    _check_limits(p, m, src)
    _check_fees(p, m, src)
    _check_department_and_venue(index, p, declared, entry)
    _check_conditions(p, m, src)
    check_body(index, p, entry)


def _check_limits(p: Problems, m: Matter, src: Source) -> None:
    promised, statutory = m.promised_limit, m.statutory_limit
    for key, limit in (("statutoryLimit", statutory), ("promisedLimit", promised)):
        if limit is not None and limit.unit in ON_THE_SPOT_UNITS and limit.value != 0:
            p.add(
                "bad-limit",
                "an on-the-spot (即时) limit has the value 0",
                "“即时”时限的数值应为 0",
                src.at(key, "value"),
                expected="0",
                found=str(limit.value),
            )
    if promised and statutory and limit_exceeds(promised, statutory):
        p.add(
            "promised-over-statutory",
            f"the promised limit ({show_limit(promised)}) is longer than the statutory "
            f"limit ({show_limit(statutory)})",
            f"承诺时限（{show_limit(promised)}）长于法定时限（{show_limit(statutory)}）",
            src.at("promisedLimit"),
            expected=f"at most {show_limit(statutory)}",
            found=show_limit(promised),
        )
    if m.handling_kind == "即办件" and promised is not None and promised.value != 0:
        p.add(
            "immediate-with-limit",
            "a 即办件 is done on the spot: its promised limit is 即时 (value 0)",
            "即办件应当场办结，承诺时限应为“即时”（数值 0）",
            src.at("promisedLimit"),
            expected="0 / 即时",
            found=show_limit(promised),
        )


def _check_fees(p: Problems, m: Matter, src: Source) -> None:
    if m.fees is None:
        return
    if m.fees.charged and not m.fees.items:
        p.add(
            "fees-inconsistent",
            "the matter is charged but lists no fee item",
            "事项标明收费，但未列出收费项目",
            src.at("fees"),
            expected="fee items",
            found="none",
        )
    if not m.fees.charged and m.fees.items:
        p.add(
            "fees-inconsistent",
            "the matter is free ('charged: false') but lists fee items",
            "事项标明不收费，却列出了收费项目",
            src.at("fees", "items"),
            expected="no items",
            found=f"{len(m.fees.items)} items",
        )
    for i, item in enumerate(m.fees.items):
        if item.reduction_basis and not item.reducible:
            p.add(
                "fees-inconsistent",
                "a reduction basis is given but 'reducible' is false",
                "填写了减免依据，但 reducible 为 false",
                src.at("fees", "items", i, "reducible"),
                expected="true",
                found="false",
            )


def _check_department_and_venue(
    index: Index, p: Problems, declared: set[str], entry: MatterEntry
) -> None:
    m, src = entry.matter, entry.source
    dept = index.departments.get(m.department)
    if dept is None and m.department not in declared:
        dangling(
            p, "department", "部门", m.department, list(index.departments), src.at("department")
        )
    for i, d in enumerate(m.joint_departments):
        if d not in index.departments and d not in declared:
            dangling(
                p, "department", "部门", d, list(index.departments), src.at("jointDepartments", i)
            )
    contact_severity = "warning" if m.publication == "draft" else "error"
    if dept is not None and not (m.consultation or dept.item.consultation):
        p.add(
            "missing-contact",
            "no consultation phone: give 'consultation' here or on the department",
            "缺少咨询电话：请在事项或部门中填写 consultation",
            src,
            expected="consultation",
            found="nothing",
            severity=contact_severity,
        )
    if dept is not None and not (m.supervision or dept.item.supervision):
        p.add(
            "missing-contact",
            "no supervision phone: give 'supervision' here or on the department",
            "缺少监督投诉电话：请在事项或部门中填写 supervision",
            src,
            expected="supervision",
            found="nothing",
            severity=contact_severity,
        )
    if m.venue is None:
        return
    venue = index.venues.get(m.venue)
    if venue is None:
        if m.venue not in declared:
            dangling(p, "venue", "场所", m.venue, list(index.venues), src.at("venue"))
        return
    definer = index.localities.get(entry.locality)
    if definer is not None and venue.item.tier not in LEVEL_TIERS[definer.locality.level]:
        p.add(
            "venue-tier",
            f"the venue {m.venue!r} is a {venue.item.tier}, not a venue of the "
            f"{definer.locality.level} that defines this matter",
            f"场所 {m.venue!r} 属于 {venue.item.tier}，不是定义本事项的层级的场所",
            src.at("venue"),
            found=venue.item.tier,
        )
    if m.window is not None and m.window not in {w.id for w in venue.item.windows}:
        dangling(
            p, "window", "窗口", m.window, [w.id for w in venue.item.windows], src.at("window")
        )


def _check_conditions(p: Problems, m: Matter, src: Source) -> None:
    if m.form is not None:
        check_condition(p, dict(m.form), src.at("form"), form=True)
    fields = set(m.form or {})
    for i, material in enumerate(m.materials):
        if material.when is None:
            continue
        where = src.at("materials", i, "when")
        check_condition(p, dict(material.when), where)
        if m.form is None:
            continue
        for fact in material.when:
            if fact not in fields:
                dangling(
                    p, "form field", "申请表字段", fact, sorted(fields), where.at(fact), at_key=True
                )
