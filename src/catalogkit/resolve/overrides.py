"""Labelled overrides: a more local rule replaces a named rule of the tier above
(`replaces: id`) only where that rule allows it (`overridable: true`), and only in the
direction its type allows: a shorter limit, a lower fee, a larger waiver. Every
problem names both rules with file:line, since the author of one may not know the other.

The rule replaced is the nearest one of that id above the replacing rule's locality:
its ancestors' rules, nearest first, then the rules of the matters it applies to."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import format_path
from ..load.locate import position
from ..model import FeeRule, LimitRule, Rule, WaiverRule
from .code_index import Index
from .locality_tree import ancestors
from .matter_checks import limit_exceeds, show_limit
from .references import dangling
from .sources import Problems, Source

Found = tuple[Rule, Source]


def check_overrides(index: Index, p: Problems, root: str) -> None:
    for code, entry in index.localities.items():
        replaced: dict[tuple[str, str], Source] = {}  # (matter or "*", rule id) -> first
        for i, rule in enumerate(entry.locality.rules):
            src = entry.source.at("rules", i)
            if rule.replaces is None:
                continue
            found = list(_targets(index, code, rule))
            if not found:
                known = sorted({r.id for r, _ in _above(index, code, rule)})
                dangling(p, "rule", "规则", rule.replaces, known, src.at("replaces"))
                continue
            closer = _replaced_above(index, code, rule)
            for matter, (target, where) in found:
                key = (matter, rule.replaces)
                if key in replaced or closer is not None:
                    _conflict(p, root, rule, src, replaced.get(key) or closer, matter)
                    continue
                replaced[key] = src
                _check_pair(p, root, rule, src, target, where)
    for defined in index.matters.values():
        for i, rule in enumerate(defined.matter.rules):
            if rule.replaces is not None:  # nothing is above a matter's own rules
                src = defined.source.at("rules", i)
                dangling(p, "rule", "规则", rule.replaces, [], src.at("replaces"))


def _above(index: Index, code: str, rule: Rule) -> Iterator[Found]:
    """Rules written above `code` that `rule` could name, nearest first."""
    for up in ancestors(index, code):
        owner = index.localities[up]
        for j, other in enumerate(owner.locality.rules):
            yield other, owner.source.at("rules", j)
    for matter in rule.matters or sorted(index.matters):
        entry = index.matters.get(matter)
        if entry is not None:
            for j, other in enumerate(entry.matter.rules):
                yield other, entry.source.at("rules", j)


def _replaced_above(index: Index, code: str, rule: Rule) -> Source | None:
    """A rule of an ancestor that already replaces the same rule: replace that one instead."""
    for up in ancestors(index, code):
        owner = index.localities[up]
        for j, other in enumerate(owner.locality.rules):
            if other.id == rule.replaces:
                return None  # the rule itself is nearer than any replacement above it
            if other.replaces == rule.replaces:
                return owner.source.at("rules", j)
    return None


def _targets(index: Index, code: str, rule: Rule) -> Iterator[tuple[str, Found]]:
    """The rule replaced, per matter the replacing rule applies to ("*": all)."""
    for up in ancestors(index, code):
        owner = index.localities[up]
        for j, other in enumerate(owner.locality.rules):
            if other.id == rule.replaces:
                yield "*", (other, owner.source.at("rules", j))
                return
    for matter in rule.matters or sorted(index.matters):
        entry = index.matters.get(matter)
        if entry is None:
            continue
        for j, other in enumerate(entry.matter.rules):
            if other.id == rule.replaces:
                yield matter, (other, entry.source.at("rules", j))


def _at(root: str, src: Source) -> str:
    found = position(Path(root), src.file, src.path)
    where = f"{src.file}:{found[0]}" if found else src.file
    return f"{where} {format_path(src.path)}"


def _check_pair(p: Problems, root: str, rule: Rule, src: Source, target: Rule, at: Source) -> None:
    them = f"'{target.id}' ({_at(root, at)})"
    if not target.overridable:
        p.add(
            "override-not-allowed",
            f"rule '{rule.id}' replaces {them}, which does not allow it: the rule above "
            "must say 'overridable: true'",
            f"规则 '{rule.id}' 替换了 {them}，而该规则不允许替换：上级规则须写明 overridable: true",
            src.at("replaces"),
            expected="a rule marked overridable: true",
            found=rule.replaces,
            related=(at.file,),
        )
        return
    why = _wrong_way(rule, target)
    if why is not None:
        p.add(
            "override-direction",
            f"rule '{rule.id}' may not replace {them}: {why[0]}",
            f"规则 '{rule.id}' 不能替换 {them}：{why[1]}",
            src,
            expected=why[2],
            found=why[3],
            related=(at.file,),
        )


def _wrong_way(rule: Rule, target: Rule) -> tuple[str, str, str, str] | None:
    """Why the replacement goes the wrong way: (en, zh, expected, found), else None."""
    if type(rule) is not type(target) or not isinstance(rule, LimitRule | FeeRule | WaiverRule):
        return (
            f"a {rule.type} rule cannot replace a {target.type} rule; only limit, fee and "
            "waiver rules are replaced, each by one of its own type",
            f"{rule.type} 规则不能替换 {target.type} 规则；"
            "只有时限、收费、减免规则可被同类规则替换",
            f"a {target.type} rule",
            f"a {rule.type} rule",
        )
    if isinstance(rule, LimitRule) and isinstance(target, LimitRule):
        longer = limit_exceeds(rule.promised_limit, target.promised_limit)
        if longer is None or longer:
            new, old = show_limit(rule.promised_limit), show_limit(target.promised_limit)
            how, how_zh = (
                ("longer than", "长于") if longer else ("in another unit than", "单位不同于")
            )
            return (
                f"a replacing limit may only be shorter: {new} is {how} {old}",
                f"替换后的时限只能缩短：{new} {how_zh} {old}",
                f"at most {old}",
                new,
            )
    if isinstance(rule, FeeRule) and isinstance(target, FeeRule):
        higher = _higher_fee(rule, target)
        if higher is not None:
            return (
                f"a replacing fee may only be lower and for the same fee: {higher}",
                f"替换后的收费只能降低且须为同一收费项目：{higher}",
                f"fee {target.fee}, no higher",
                higher,
            )
    if (
        isinstance(rule, WaiverRule)
        and isinstance(target, WaiverRule)
        and (rule.fee != target.fee or rule.share < target.share)
    ):
        found = f"{rule.fee} {rule.share:g}"
        return (
            f"a replacing waiver may only waive more of the same fee: {found} against "
            f"{target.fee} {target.share:g}",
            f"替换后的减免只能针对同一收费项目且比例更大：{found}，原为 "
            f"{target.fee} {target.share:g}",
            f"{target.fee} at least {target.share:g}",
            found,
        )
    return None


def _higher_fee(rule: FeeRule, target: FeeRule) -> str | None:
    if rule.fee != target.fee:
        return f"fee {rule.fee} instead of {target.fee}"
    pairs = [(rule.amount, target.amount), (rule.per_unit, target.per_unit)]
    for new, old in pairs:
        if (new is None) != (old is None):
            return "charged another way (amount, perUnit, bands)"
        if new is not None and old is not None and new > old:
            return f"{new:g} > {old:g}"
    if len(rule.bands) != len(target.bands):
        return "other bands"
    for new_band, old_band in zip(rule.bands, target.bands, strict=True):
        if new_band.up_to != old_band.up_to or new_band.amount > old_band.amount:
            return f"band up to {new_band.up_to}: {new_band.amount:g}"
    return None


def _conflict(
    p: Problems, root: str, rule: Rule, src: Source, first: Source | None, matter: str
) -> None:
    if first is None:
        return
    scope = "" if matter == "*" else f" for {matter}"
    scope_zh = "" if matter == "*" else f"（事项 {matter}）"
    other = _at(root, first)
    p.add(
        "override-conflict",
        f"rule '{rule.id}' and the rule at {other} both replace '{rule.replaces}'{scope}; keep one",
        f"规则 '{rule.id}' 与 {other} 的规则都替换了 '{rule.replaces}'{scope_zh}；请只保留一条",
        src.at("replaces"),
        expected="one replacement",
        found="two",
        related=(first.file,),
    )
