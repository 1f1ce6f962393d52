"""Each change in one short phrase, shared by the terminal text and the notice so the
two always describe a change the same way.

A phrase is a sign (`+` added, `-` removed, `~` changed) and words. In the notice
(`notice=True`) a changed value reads "由 A 调整为 B", as published notices say it;
on a terminal it reads "A → B".
"""

from __future__ import annotations

from collections.abc import Iterator

from .marks import marked, worth_marking
from .model import Diff, FieldChange, Json, LocalityChange, MatterChange, Section, fee_label
from .words import ROLE, RULE_TYPE_ZH, key_name, money, show, show_days

Phrase = tuple[str, str]


def field_phrase(
    diff: Diff, kind: str, change: FieldChange, lang: str, notice: bool = False
) -> str:
    label = key_name(kind, change.field, lang)
    if change.field == "days":
        return _days(change, lang)
    old = show(diff, change.field, change.old, lang, ids=not notice)
    new = show(diff, change.field, change.new, lang, ids=not notice)
    if old is None or new is None:
        return f"{label}已修改" if lang == "zh" else f"{label} changed"
    if (old, new) == (change.old, change.new) and worth_marking(old, new):
        old, new = marked(old, new)  # long text: what changed inside it, marked
    if notice:
        return f"{label}由 {old} 调整为 {new}"
    return f"{label}: {old} → {new}" if lang != "zh" else f"{label}：{old} → {new}"


def _days(change: FieldChange, lang: str) -> str:
    """Calendar days hold only the days that differ: say which came and which went."""
    zh = lang == "zh"
    parts = []
    if change.new:
        parts.append(("新增日期：" if zh else "days added: ") + str(show_days(change.new, zh)))
    if change.old:
        parts.append(("删除日期：" if zh else "days removed: ") + str(show_days(change.old, zh)))
    return ("；" if zh else "; ").join(parts)


def fields_phrase(
    diff: Diff, kind: str, fields: tuple[FieldChange, ...], lang: str, notice: bool = False
) -> str:
    sep = "；" if lang == "zh" else "; "
    return sep.join(field_phrase(diff, kind, f, lang, notice) for f in fields)


def matter_phrases(
    diff: Diff, change: MatterChange, lang: str, notice: bool = False
) -> list[Phrase]:
    noun = "办理规则" if lang == "zh" else "rule"
    return [
        *(("~", field_phrase(diff, "matter", f, lang, notice)) for f in change.fields),
        *_fees(diff, change.code, change.fees, lang, notice),
        *_materials(diff, change.materials, lang, notice),
        *_rules(diff, change.rules, lang, notice, noun),
    ]


def _fees(diff: Diff, matter: str, section: Section, lang: str, notice: bool) -> Iterator[Phrase]:
    zh = lang == "zh"
    for item in section.added:
        amount = money(item.get("amount"))
        if zh:
            yield "+", f"新增收费项目：{item['name']}" + (f"（{amount}）" if amount else "")
        else:
            yield "+", f"fee added: {item['name']}" + (f" ({amount})" if amount else "")
    for item in section.removed:
        yield "-", (f"取消收费项目：{item['name']}" if zh else f"fee removed: {item['name']}")
    for fee in section.changed:
        what = fields_phrase(diff, "fee", fee.fields, lang, notice)
        name = diff.labels.get(fee_label(matter, fee.key), fee.key)
        yield "~", (f"收费项目“{name}”：{what}" if zh else f"fee {name}: {what}")


def _materials(diff: Diff, section: Section, lang: str, notice: bool) -> Iterator[Phrase]:
    zh = lang == "zh"
    for item in section.added:
        name, necessity = item["name"], item.get("necessity")
        originals, copies = item.get("originals"), item.get("copies")
        if zh:
            yield "+", f"新增材料：{name}（{necessity}，原件{originals}份，复印件{copies}份）"
        else:
            yield "+", f"material added: {name} ({necessity}, {originals}/{copies} original/copy)"
    for item in section.removed:
        yield "-", (f"取消材料：{item['name']}" if zh else f"material removed: {item['name']}")
    for material in section.changed:
        what = fields_phrase(diff, "material", material.fields, lang, notice)
        yield "~", (f"材料“{material.key}”：{what}" if zh else f"material {material.key}: {what}")


def _rules(diff: Diff, section: Section, lang: str, notice: bool, noun: str) -> Iterator[Phrase]:
    """Rules by what they do; the id, which only the catalog's authors use, is left
    out of the notice."""
    zh = lang == "zh"
    for sign, items in (("+", section.added), ("-", section.removed)):
        verb = (
            ("新增" if sign == "+" else "取消") if zh else ("added" if sign == "+" else "removed")
        )
        for item in items:
            what = _rule_says(diff, item, lang)
            if notice:
                yield sign, f"{verb}{noun}：{what}"
            elif zh:
                yield sign, f"{verb}{noun} {item['id']}：{what}"
            else:
                yield sign, f"{noun} {verb}: {item['id']}: {what}"
    for rule in section.changed:
        what = fields_phrase(diff, "rule", rule.fields, lang, notice)
        yield "~", (f"{noun} {rule.key}：{what}" if zh else f"{noun} {rule.key}: {what}")


def _rule_says(diff: Diff, rule: dict[str, Json], lang: str) -> str:
    """A rule in a few words: its kind, and the fee, material, limit, reason or venue."""
    kind = str(rule.get("type"))
    material = rule.get("material")
    detail = {
        "fee": rule.get("name"),
        "waiver": rule.get("fee"),
        "material": material.get("name") if isinstance(material, dict) else material,
        "waive-material": material,
        "limit": show(diff, "promisedLimit", rule.get("promisedLimit"), lang),
        "eligibility": rule.get("refuse"),
        "routing": diff.label(rule["venue"]) if rule.get("venue") else None,
    }.get(kind)
    name = RULE_TYPE_ZH.get(kind, kind) if lang == "zh" else kind
    if not detail:
        return name
    return f"{name}“{detail}”" if lang == "zh" else f"{name} {detail!s}"


def locality_phrases(
    diff: Diff, change: LocalityChange, lang: str, notice: bool = False
) -> list[Phrase]:
    zh = lang == "zh"
    out: list[Phrase] = [
        ("~", field_phrase(diff, "locality", f, lang, notice)) for f in change.fields
    ]
    for item in change.claims.added:
        out.append(("+", _claim(diff, item, lang, "新增可办事项" if zh else "claims")))
    for item in change.claims.removed:
        out.append(("-", _claim(diff, item, lang, "不再办理" if zh else "no longer claims")))
    for claim in change.claims.changed:
        what = fields_phrase(diff, "claim", claim.fields, lang, notice)
        name = f"{claim.key} {diff.label(claim.key)}"
        out.append(("~", f"{name}：{what}" if zh else f"{name}: {what}"))
    out += _rules(diff, change.rules, lang, notice, "本地办理规则" if zh else "local rule")
    for item in change.plugins.added:
        out.append(("+", f"启用插件 {item['name']}" if zh else f"plugin enabled: {item['name']}"))
    for item in change.plugins.removed:
        out.append(("-", f"停用插件 {item['name']}" if zh else f"plugin disabled: {item['name']}"))
    for plugin in change.plugins.changed:
        out.append(
            ("~", f"插件 {plugin.key} 配置已修改" if zh else f"plugin {plugin.key}: config changed")
        )
    return out


def _claim(diff: Diff, item: dict[str, Json], lang: str, verb: str) -> str:
    """A claim: the matter, the role, and where and by whom when the claim says so."""
    matter = str(item["matter"])
    role = ROLE[lang].get(str(item.get("role")), str(item.get("role")))
    venue, agent = item.get("venue"), item.get("proxyAgent")
    if lang == "zh":
        extra = (f"，{diff.label(venue)}" if venue else "") + (
            f"，代办员：{agent}" if agent else ""
        )
        return f"{verb}：{matter} {diff.label(matter)}（{role}{extra}）"
    extra = (f" at {diff.label(venue)}" if venue else "") + (f", agent {agent}" if agent else "")
    return f"{verb} {matter} {diff.label(matter)} ({role}{extra})"


def owned_phrases(
    diff: Diff, kind: str, section: Section, lang: str, notice: bool = False
) -> list[Phrase]:
    """Venues, departments and calendars: named by id, with a name when they have one."""
    zh = lang == "zh"
    out: list[Phrase] = []
    for sign, items in (("+", section.added), ("-", section.removed)):
        for item in items:
            key = item.get("id") or _calendar_key(item)
            name = item.get("name", "")
            out.append((sign, f"{key} {name}".strip()))
    for change in section.changed:
        what = fields_phrase(diff, kind, change.fields, lang, notice)
        out.append(("~", f"{change.key}：{what}" if zh else f"{change.key}: {what}"))
    return out


def _calendar_key(item: dict[str, Json]) -> str:
    scope = item.get("scope")
    return f"{item.get('year')}" + (f"@{scope}" if scope else "")
