"""The county's to-do list: per field and per department, how many matters still
lack a national field. Fields come in the order of how many matters they keep from
publication (most first); departments likewise."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from xml.sax.saxutils import escape

from ..model import NATIONAL_FIELDS, TYPED_FIELDS, unknown_fields
from ..resolve import Bundle
from .labels import pad

FORMAT = "catalogkit-completeness/1"
ZH = {key: zh for _attr, key, zh in (*NATIONAL_FIELDS, *TYPED_FIELDS)} | {"materials": "申请材料"}


@dataclass(frozen=True)
class FieldGap:
    field: str
    name: str
    matters: int


@dataclass(frozen=True)
class DepartmentGaps:
    department: str
    name: str
    matters: int
    incomplete: int
    fields: tuple[FieldGap, ...]


@dataclass(frozen=True)
class Completeness:
    revision: str
    total: int
    drafts: int
    incomplete: int
    fields: tuple[FieldGap, ...]
    departments: tuple[DepartmentGaps, ...]
    quarantined: tuple[str, ...]


def _gaps(counts: Counter[str]) -> tuple[FieldGap, ...]:
    order = sorted(counts, key=lambda k: (-counts[k], list(ZH).index(k)))
    return tuple(FieldGap(k, ZH[k], counts[k]) for k in order)


def compute_completeness(bundle: Bundle) -> Completeness:
    overall: Counter[str] = Counter()
    per: dict[str, Counter[str]] = {}
    sizes: Counter[str] = Counter()
    incomplete: Counter[str] = Counter()
    for entry in bundle.matters.values():
        m = entry.matter
        missing = unknown_fields(m)
        sizes[m.department] += 1
        incomplete[m.department] += bool(missing)
        overall.update(missing)
        per.setdefault(m.department, Counter()).update(missing)
    departments = [
        DepartmentGaps(
            d,
            bundle.departments[d].item.name if d in bundle.departments else d,
            sizes[d],
            incomplete[d],
            _gaps(per[d]),
        )
        for d in sizes
    ]
    departments.sort(key=lambda g: (-g.incomplete, -sum(f.matters for f in g.fields), g.department))
    drafts = sum(e.matter.publication == "draft" for e in bundle.matters.values())
    return Completeness(
        bundle.revision,
        len(bundle.matters),
        drafts,
        sum(incomplete.values()),
        _gaps(overall),
        tuple(departments),
        tuple(f"{q.kind} {q.key}" for q in bundle.quarantined),
    )


def as_json(c: Completeness) -> str:
    return json.dumps({"format": FORMAT, **asdict(c)}, ensure_ascii=False, indent=2) + "\n"


def as_table(c: Completeness, lang: str) -> str:
    zh = lang == "zh"
    head = (
        f"共 {c.total} 项事项，{c.incomplete} 项尚缺字段（草稿 {c.drafts} 项）"
        if zh
        else f"{c.total} matters, {c.incomplete} still lack fields ({c.drafts} drafts)"
    )
    lines = [
        head,
        "",
        "按字段（缺少的事项数，先列最多的）：" if zh else "by field (matters lacking it):",
    ]
    lines += [f"  {pad(f.name if zh else f.field, 28)}{f.matters}" for f in c.fields]
    lines += ["", "按部门：" if zh else "by department:"]
    for d in c.departments:
        if not d.incomplete:
            continue
        what = "、".join(f"{f.name if zh else f.field} {f.matters}" for f in d.fields)
        lines.append(f"  {d.name}（{d.incomplete}/{d.matters}）：{what}")
    if c.quarantined:
        label = "另有因错误被隔离的：" if zh else "quarantined because of errors: "
        lines += ["", label + "、".join(c.quarantined)]
    return "\n".join(lines) + "\n"


def as_svg(c: Completeness, lang: str) -> str:
    """A bar per field: how many matters lack it (self-contained, text escaped)."""
    rows = c.fields or ()
    height = 40 + 24 * len(rows)
    top = max((f.matters for f in rows), default=1) or 1
    title = "缺少字段的事项数" if lang == "zh" else "matters lacking each field"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="760" height="{height}" '
        f'viewBox="0 0 760 {height}" font-family="sans-serif" font-size="13">',
        f'<text x="24" y="24">{escape(title)}</text>',
    ]
    for i, f in enumerate(rows):
        y = 40 + 24 * i
        width = round(480 * f.matters / top)
        label = escape(f.name if lang == "zh" else f.field)
        out.append(f'<text x="24" y="{y + 13}">{label}</text>')
        out.append(f'<rect x="220" y="{y}" width="{width}" height="16" fill="#b04a4a"/>')
        out.append(f'<text x="{226 + width}" y="{y + 13}">{f.matters}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
