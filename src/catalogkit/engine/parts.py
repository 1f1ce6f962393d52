"""The parts of a decision, one function each: eligibility, materials, fees, limits.
Each returns its answer and the trace entries that explain it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..errors import ConflictError
from ..model import (
    EligibilityRule,
    FeeRule,
    LimitRule,
    Material,
    MaterialRule,
    TimeLimit,
    WaiveMaterialRule,
    WaiverRule,
)
from ..plugins.case_view import CaseView
from ..plugins.hooks import Hooks
from ..resolve.matter_checks import limit_exceeds, show_limit
from .conditions import holds
from .decision import FeeLine, MissingMaterial, RefusalLine
from .placed import Placed
from .provenance import TraceEntry

Version = Callable[[str], str]


def _basis(rule: Any) -> str:
    return "；".join(b.title + (f" {b.article}" if b.article else "") for b in rule.basis)


def eligibility(
    case: CaseView, rules: tuple[Placed, ...], hooks: Hooks, version: Version
) -> tuple[list[RefusalLine], list[TraceEntry]]:
    out, trace = [], []
    for placed in rules:
        rule = placed.rule
        if isinstance(rule, EligibilityRule) and holds(rule.when, case.facts):
            out.append(RefusalLine(rule.refuse, _basis(rule), placed.source.file))
            trace.append(TraceEntry.of_rule("refusal", rule.refuse, placed.source))
    for name, refusal in hooks.eligibility(case):
        out.append(RefusalLine(refusal.reason, refusal.basis, f"plugin {name}"))
        trace.append(TraceEntry.of_plugin("refusal", refusal.reason, name, version(name)))
    return out, trace


def materials(
    case: CaseView, rules: tuple[Placed, ...], hooks: Hooks, version: Version
) -> tuple[list[MissingMaterial], list[TraceEntry]]:
    """Every required material that applies and was not handed in: all at once."""
    needed: list[tuple[Material, str]] = [
        (m, "")
        for m in case.matter.materials
        if m.necessity == "必要" and holds(m.when, case.facts)
    ]
    waived: dict[str, str] = {}
    trace: list[TraceEntry] = []
    for placed in rules:
        rule = placed.rule
        if not holds(rule.when, case.facts):
            continue
        if isinstance(rule, MaterialRule):
            needed.append((rule.material, rule.note or ""))
            trace.append(TraceEntry.of_rule("material", rule.material.name, placed.source))
        elif isinstance(rule, WaiveMaterialRule):
            waived[rule.material] = rule.note or rule.id
            trace.append(TraceEntry.of_rule("waived material", rule.material, placed.source))
    for name, change in hooks.materials(case):
        needed.extend((m, change.reason) for m in change.extra)
        waived.update({w: change.reason for w in change.waived})
        detail = ", ".join([*(m.name for m in change.extra), *(f"-{w}" for w in change.waived)])
        trace.append(TraceEntry.of_plugin("materials", detail, name, version(name)))
    missing, seen = [], set()
    for material, reason in needed:
        if material.name in waived or material.name in case.materials or material.name in seen:
            continue
        seen.add(material.name)
        missing.append(MissingMaterial(material.name, material.originals, material.copies, reason))
    return missing, trace


def fees(
    case: CaseView, rules: tuple[Placed, ...], hooks: Hooks, version: Version
) -> tuple[list[FeeLine], list[TraceEntry]]:
    """COLLECT fee items; one fee id charged by two contributors is a conflict."""
    items: dict[str, tuple[str, float, str, str]] = {}  # id -> name, amount, basis, source
    trace: list[TraceEntry] = []

    def charge(fid: str, name: str, amount: float, basis: str, source: str) -> None:
        if fid in items:
            raise ConflictError(f"the fee {fid!r} of {case.matter_code}", items[fid][3], source)
        items[fid] = (name, amount, basis, source)

    for item in case.matter.fees.items if case.matter.fees else []:
        if item.amount is not None:
            charge(
                item.id or item.name,
                item.name,
                float(item.amount),
                _basis(item),
                f"matter {case.matter_code}",
            )
    for placed in rules:
        rule = placed.rule
        if isinstance(rule, FeeRule) and holds(rule.when, case.facts):
            amount = _fee_amount(rule, case.facts)
            if amount == 0 and rule.amount is None:
                continue  # no units of a per-unit or tiered fee: nothing to charge
            entry = TraceEntry.of_rule("fee", rule.name, placed.source)
            charge(rule.fee, rule.name, amount, _basis(rule), entry.source)
            trace.append(entry)
    for name, fee in hooks.fees(case):
        charge(fee.id, fee.name, float(fee.amount), fee.basis, f"plugin {name}")
        trace.append(TraceEntry.of_plugin("fee", fee.name, name, version(name)))
    shares: dict[str, list[tuple[float, str]]] = {fid: [] for fid in items}
    for placed in rules:
        rule = placed.rule
        if isinstance(rule, WaiverRule) and rule.fee in items and holds(rule.when, case.facts):
            shares[rule.fee].append((float(rule.share), _basis(rule) or rule.id))
            trace.append(TraceEntry.of_rule("waiver", rule.fee, placed.source))
    charged = tuple(sorted(items))
    for name, waiver in hooks.fee_waivers(case, charged):
        if waiver.fee in shares:
            shares[waiver.fee].append((min(max(waiver.share, 0.0), 1.0), waiver.basis))
            trace.append(TraceEntry.of_plugin("waiver", waiver.fee, name, version(name)))
    lines = []
    for fid in charged:
        label, amount, basis, _ = items[fid]
        share = max((s for s, _ in shares[fid]), default=0.0)
        waived = round(amount * share, 2)
        lines.append(
            FeeLine(
                fid,
                label,
                amount,
                waived,
                round(amount - waived, 2),
                basis,
                tuple(b for _, b in shares[fid]),
            )
        )
    return lines, trace


def _fee_amount(rule: FeeRule, facts: Mapping[str, Any]) -> float:
    if rule.amount is not None:
        return float(rule.amount)
    units = float(facts.get(rule.unit_fact or "", 0) or 0)
    if rule.per_unit is not None:
        return round(units * float(rule.per_unit), 2)
    for band in rule.bands:
        if band.up_to is None or units <= band.up_to:
            return float(band.amount)
    return 0.0


def promised_limit(
    case: CaseView, rules: tuple[Placed, ...], hooks: Hooks, version: Version
) -> tuple[TimeLimit | None, list[TraceEntry]]:
    """The shortest promised limit that applies, never above the statutory one."""
    best = case.promised_limit
    trace: list[TraceEntry] = []
    candidates: list[tuple[TimeLimit, TraceEntry]] = []
    for placed in rules:
        rule = placed.rule
        if isinstance(rule, LimitRule) and holds(rule.when, case.facts):
            candidates.append(
                (
                    rule.promised_limit,
                    TraceEntry.of_rule(
                        "promised limit", show_limit(rule.promised_limit), placed.source
                    ),
                )
            )
    for name, choice in hooks.time_limit(case):
        candidates.append(
            (
                choice.limit,
                TraceEntry.of_plugin(
                    "promised limit",
                    f"{show_limit(choice.limit)} ({choice.reason})",
                    name,
                    version(name),
                ),
            )
        )
    statutory = case.statutory_limit
    for limit, entry in candidates:
        if statutory is not None and limit_exceeds(limit, statutory):
            continue  # never above the statutory limit
        if best is None or limit_exceeds(best, limit):
            best = limit
            trace.append(entry)
    return best, trace
