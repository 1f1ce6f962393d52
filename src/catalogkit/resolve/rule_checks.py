"""Declarative rules, checked when the catalog loads: ids unique where written,
conditions cerberus accepts, references that exist, fee rules that say how much, and
limits no longer than the statutory one."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import FeeRule, LimitRule, RoutingRule, Rule, TimeLimit, WaiverRule
from .code_index import Index
from .condition_checks import check_condition
from .matter_checks import limit_exceeds, show_limit
from .references import dangling
from .sources import Problems, Source


def check_rules(index: Index, p: Problems, declared: set[str]) -> None:
    for entry in index.matters.values():
        fees = entry.matter.fees
        fee_ids = {i.id or i.name for i in (fees.items if fees else [])}
        fee_ids |= {r.fee for r in entry.matter.rules if isinstance(r, FeeRule)}
        _check_list(
            index,
            p,
            declared,
            entry.matter.rules,
            entry.source,
            fee_ids,
            statutory=entry.matter.statutory_limit,
            on_matter=True,
        )
    for loc in index.localities.values():
        _check_list(index, p, declared, loc.locality.rules, loc.source, None, None, False)


def _check_list(
    index: Index,
    p: Problems,
    declared: set[str],
    rules: Sequence[Rule],
    owner: Source,
    fee_ids: set[str] | None,
    statutory: TimeLimit | None,
    on_matter: bool,
) -> None:
    seen: dict[str, Source] = {}
    for i, rule in enumerate(rules):
        src = owner.at("rules", i)
        if rule.id in seen:
            p.duplicate("rule", "规则", rule.id, seen[rule.id], src.at("id"))
        seen.setdefault(rule.id, src)
        if rule.when:
            check_condition(p, dict(rule.when), src.at("when"))
        if on_matter and rule.matters:
            p.add(
                "rule-scope",
                "a rule written on a matter applies to that matter: remove 'matters'",
                "写在事项中的规则只适用于该事项，请删除 matters",
                src.at("matters"),
            )
        for j, code in enumerate(rule.matters):
            if code not in index.matters and code not in declared:
                dangling(p, "matter", "事项", code, list(index.matters), src.at("matters", j))
        _check_one(index, p, declared, rule, src, fee_ids, statutory)


def _check_one(
    index: Index,
    p: Problems,
    declared: set[str],
    rule: Rule,
    src: Source,
    fee_ids: set[str] | None,
    statutory: TimeLimit | None,
) -> None:
    known_venues = index.venues.keys() | declared
    if isinstance(rule, RoutingRule) and rule.venue not in known_venues:
        dangling(p, "venue", "场所", rule.venue, list(index.venues), src.at("venue"))
    if isinstance(rule, WaiverRule) and fee_ids is not None and rule.fee not in fee_ids:
        dangling(p, "fee", "收费项目", rule.fee, sorted(fee_ids), src.at("fee"))
    if isinstance(rule, FeeRule):
        ways = [rule.amount is not None, rule.per_unit is not None, bool(rule.bands)]
        if sum(ways) != 1:
            p.add(
                "fee-rule",
                "a fee rule gives exactly one of 'amount', 'perUnit' or 'bands'",
                "收费规则须且只能填写 amount、perUnit、bands 之一",
                src,
                expected="one of amount, perUnit, bands",
                found=f"{sum(ways)}",
            )
        elif (rule.per_unit is not None or rule.bands) and rule.unit_fact is None:
            p.add(
                "fee-rule",
                "'perUnit' and 'bands' need 'unitFact', the fact that counts units",
                "perUnit 与 bands 需要 unitFact（计量所依据的事实）",
                src,
                expected="unitFact",
                found="nothing",
            )
    if isinstance(rule, LimitRule):
        _check_limit(p, rule, src, statutory)


def _check_limit(p: Problems, rule: LimitRule, src: Source, statutory: TimeLimit | None) -> None:
    if statutory is None or not limit_exceeds(rule.promised_limit, statutory):
        return
    p.add(
        "promised-over-statutory",
        f"the rule's promised limit ({show_limit(rule.promised_limit)}) is longer than "
        f"the statutory limit ({show_limit(statutory)})",
        f"规则的承诺时限（{show_limit(rule.promised_limit)}）长于法定时限"
        f"（{show_limit(statutory)}）",
        src.at("promisedLimit"),
        expected=f"at most {show_limit(statutory)}",
        found=show_limit(rule.promised_limit),
    )
