"""`export --to xlsx`: the tree back as the platform's implementation list, with the
headings the importer reads, so import → export → import gives the same tree.
Unknown fields are empty cells, never a default."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..model import TimeLimit
from ..resolve import Bundle
from ..resolve.bodies import body_of
from .headings import NATIONAL

COLUMNS = (
    "name", "implementationCode", "code", "type", "department", "body", "bodyCode",
    "handlingKind", "statutoryLimit", "promisedLimit", "charged", "feeStandard", "feeBasis",
    "place", "hours", "consultation", "supervision", "conditions", "theme", "serviceObjects",
    "levels", "basis", "powerSource", "visits", "online", "onlineUrl", "sourceUrl", "aliases",
)  # fmt: skip
MATERIAL_COLUMNS = (
    "implementationCode",
    "materialName",
    "necessity",
    "originals",
    "copies",
    "materialForm",
)


def limit_text(limit: TimeLimit | None) -> str | None:
    if limit is None:
        return None
    if limit.unit == "即时":
        return "即办"
    return f"{limit.value}{ {'工作日': '个工作日', '自然日': '日', '月': '个月'}[limit.unit] }"


def _yes(value: bool | None) -> str | None:
    return None if value is None else ("是" if value else "否")


def rows(bundle: Bundle) -> tuple[list[list[Any]], list[list[Any]]]:
    matters, materials = [], []
    for code, entry in bundle.matters.items():  # file order, as the tree keeps them
        m = entry.matter
        dept = bundle.department_of(m)
        body = body_of(dept, m)
        venue = bundle.venues[m.venue].item if m.venue and m.venue in bundle.venues else None
        item = m.fees.items[0] if m.fees and m.fees.items else None
        key = m.implementation_code or code
        v: dict[str, Any] = {
            "name": m.name,
            "implementationCode": m.implementation_code,
            "code": m.code,
            "type": m.type,
            "department": dept.name if body else None,
            "body": body.name if body else dept.name,
            "bodyCode": body.credit_code if body else dept.credit_code,
            "handlingKind": m.handling_kind,
            "statutoryLimit": limit_text(m.statutory_limit),
            "promisedLimit": limit_text(m.promised_limit),
            "charged": _yes(m.fees.charged if m.fees else None),
            "feeStandard": item.standard if item else None,
            "feeBasis": item.basis[0].title if item else None,
            "place": venue.address if venue else None,
            "hours": "；".join(f"工作日 {h.opens}-{h.closes}" for h in venue.hours)
            if venue
            else None,
            "consultation": "；".join(m.consultation) or None,
            "supervision": "；".join(m.supervision) or None,
            "conditions": m.conditions,
            "theme": m.theme,
            "serviceObjects": "、".join(m.service_objects) if m.service_objects else None,
            "levels": "、".join(m.levels) if m.levels else None,
            "basis": "；".join(b.title for b in m.basis) if m.basis else None,
            "powerSource": m.power_source,
            "visits": str(m.visits.count) if m.visits else None,
            "online": _yes(m.online.available if m.online else None),
            "onlineUrl": m.online.pc_url if m.online else None,
            "sourceUrl": m.source_url,
            "aliases": "、".join(m.aliases) or None,
        }
        matters.append([v[c] for c in COLUMNS])
        for x in m.materials:
            materials.append([key, x.name, x.necessity, str(x.originals), str(x.copies), x.form])
    return matters, materials


def write_xlsx(bundle: Bundle, path: Path) -> None:
    """Every cell is written as text (a code never becomes a number)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "实施清单"
    matters, materials = rows(bundle)
    sheet.append([NATIONAL[c] for c in COLUMNS])
    for row in matters:
        sheet.append(row)
    extra = book.create_sheet("申请材料")
    extra.append([NATIONAL[c] for c in MATERIAL_COLUMNS])
    for row in materials:
        extra.append(row)
    for ws in (sheet, extra):
        for line in ws.iter_rows(min_row=2):
            for cell in line:
                cell.number_format = "@"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    book.save(tmp)
    tmp.replace(path)
