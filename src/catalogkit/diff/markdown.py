"""The diff as a publication notice (事项变更公告) in Markdown, in Chinese whatever the
language of the terminal: it is what a county posts when its catalog changes.

The three sections every notice has come first and are always present (新增事项,
取消事项, 变更事项, with 无 when empty), so readers find them in the same place each
time; changes of local handling and of the catalog's structure follow only when
there are any. All catalog text is escaped, so a name holding `|` or `*` cannot
break a table or turn into formatting.
"""

from __future__ import annotations

import dataclasses

from ..resolve import Bundle
from .marks import for_markdown
from .model import Diff, Json, MatterChange
from .phrases import field_phrase, locality_phrases, matter_phrases, owned_phrases
from .words import show

_NUMBERS = "一二三四五六七八九十"
_SPECIAL = "\\`*_[]<>|#~!"


def md(text: Json) -> str:
    """Catalog text made safe inside Markdown (and inside a table cell)."""
    out = str(text).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return for_markdown("".join("\\" + c if c in _SPECIAL else c for c in out))


def issuer_of(bundle: Bundle) -> str | None:
    """Who posts the notice: the county hall of the county, when the tree has one."""
    for entry in bundle.localities.values():
        if entry.locality.level == "county":
            for venue in entry.locality.venues:
                if venue.tier == "county-hall":
                    return venue.name
    return None


def as_markdown(diff: Diff, issuer: str | None = None) -> str:
    title = diff.new.name or diff.old.name
    lines = [
        f"# {md(title)}事项变更公告",
        "",
        "现将本次政务服务事项目录调整情况公告如下。",
        "",
        f"目录版本：{md(diff.old.revision)} → {md(diff.new.revision)}",
    ]
    sections = [
        ("新增事项", _added(diff)),
        ("取消事项", _cancelled(diff)),
        ("变更事项", _changed(diff)),
    ]
    local = _local(diff)
    if local:
        sections.append(("各地办理调整", local))
    other = _other(diff)
    if other:
        sections.append(("其他调整", other))
    for i, (heading, body) in enumerate(sections):
        lines += ["", f"## {_NUMBERS[i]}、{heading}", "", *body]
    lines += ["", "特此公告。", ""]
    if issuer:
        lines += [md(issuer), ""]
    lines.append("　　年　　月　　日")
    return "\n".join(lines) + "\n"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    if not rows:
        return ["无。"]
    out = [f"共 {len(rows)} 项。", "", "| 序号 | " + " | ".join(header) + " |"]
    out.append("|---:|" + "---|" * len(header))
    for n, row in enumerate(rows, 1):
        out.append(f"| {n} | " + " | ".join(row) + " |")
    return out


def _added(diff: Diff) -> list[str]:
    rows = [
        [
            md(item["code"]),
            md(item["name"]),
            md(item.get("type", "")),
            md(diff.label(item.get("department", ""))),
            md(item.get("handlingKind", "")),
            md(show(diff, "promisedLimit", item.get("promisedLimit"), "zh")),
            md(diff.label(item.get("venue", ""))),
        ]
        for item in diff.matters.added
    ]
    header = ["事项编码", "事项名称", "事项类型", "实施主体", "办件类型", "承诺时限", "办理地点"]
    return _table(header, rows)


def _to_cancelled(change: MatterChange) -> bool:
    return any(f.field == "status" and f.new == "取消" for f in change.fields)


def _cancelled(diff: Diff) -> list[str]:
    rows = [
        [
            md(item["code"]),
            md(item["name"]),
            md(diff.label(item.get("department", ""))),
            "从目录中删除",
        ]
        for item in diff.matters.removed
    ]
    rows += [
        [md(c.code), md(c.name), "", "事项状态调整为取消"]
        for c in diff.matters.changed
        if _to_cancelled(c)
    ]
    return _table(["事项编码", "事项名称", "实施主体", "说明"], rows)


def _changed(diff: Diff) -> list[str]:
    """One row per matter: a new code, a new name and other changes of one matter are
    one entry of the notice."""
    rows: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for c in diff.matters.recoded:
        rows.setdefault(c.new, []).append(f"事项编码由 {c.old} 调整为 {c.new}")
        names[c.new] = c.name
    for r in diff.matters.renamed:
        rows.setdefault(r.code, []).append(f"事项名称由“{r.old}”调整为“{r.new}”")
        names[r.code] = r.new
    for change in diff.matters.changed:
        if _to_cancelled(change):  # announced under 取消事项; its other changes stay here
            kept = tuple(f for f in change.fields if f.field != "status")
            change = dataclasses.replace(change, fields=kept)
        phrases = [text for _sign, text in matter_phrases(diff, change, "zh", notice=True)]
        if phrases:
            rows.setdefault(change.code, []).extend(phrases)
            names[change.code] = change.name
    table = [[md(code), md(names[code]), md("；".join(what))] for code, what in rows.items()]
    return _table(["事项编码", "事项名称", "变更内容"], table)


def _local(diff: Diff) -> list[str]:
    out: list[str] = []
    for change in diff.localities.changed:
        phrases = locality_phrases(diff, change, "zh", notice=True)
        out += ["", f"### {md(change.name)}（{md(change.code)}）", ""]
        out += [f"- {md(text)}" for _sign, text in phrases]
    return out[1:]


def _other(diff: Diff) -> list[str]:
    out: list[str] = []
    for item in diff.localities.added:
        out.append(f"- 新增区划：{md(item['name'])}（{md(item['code'])}）")
    for item in diff.localities.removed:
        out.append(f"- 撤销区划：{md(item['name'])}（{md(item['code'])}）")
    for kind, noun, section in (
        ("venue", "服务场所", diff.venues),
        ("department", "实施主体", diff.departments),
        ("calendar", "节假日安排", diff.calendars),
    ):
        for sign, text in owned_phrases(diff, kind, section, "zh", notice=True):
            verb = {"+": "新增", "-": "撤销", "~": "调整"}[sign]
            out.append(f"- {verb}{noun}：{md(text)}")
    for f in diff.settings:
        out.append(f"- 目录设置：{md(field_phrase(diff, 'settings', f, 'zh', notice=True))}")
    return out
