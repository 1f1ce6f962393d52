"""Rows of an export to matters, departments (with their implementing bodies) and
venues, as plain YAML data; every cell filled, empty or unreadable is counted."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import normalise as n
from .headings import match
from .sheets import Place, Sheet

MATTER_FIELDS = (
    "name", "implementationCode", "code", "type", "department", "body", "bodyCode",
    "handlingKind", "statutoryLimit", "promisedLimit", "charged", "feeStandard", "feeBasis",
    "place", "hours", "consultation", "supervision", "conditions", "theme", "serviceObjects",
    "levels", "basis", "powerSource", "visits", "online", "onlineUrl", "sourceUrl", "aliases",
)  # fmt: skip
MATERIAL_FIELDS = ("materialName", "necessity", "originals", "copies", "materialForm")


@dataclass
class Problem:
    place: Place
    expected: str
    found: str


@dataclass
class Imported:
    """What the sources say, keyed by 实施编码 (or 基本编码 when a list has none)."""

    matters: dict[str, dict[str, Any]] = field(default_factory=dict)
    department_of: dict[str, str] = field(default_factory=dict)
    departments: dict[str, dict[str, Any]] = field(default_factory=dict)
    venues: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    unmapped: list[tuple[str, str, str]] = field(default_factory=list)
    filled: Counter[str] = field(default_factory=Counter)
    empty: Counter[str] = field(default_factory=Counter)
    unreadable: Counter[str] = field(default_factory=Counter)
    rows: int = 0


def slug(prefix: str, code: str | None, name: str) -> str:
    """A stable id: from the code when there is one, else from the name's digest."""
    if code and re.fullmatch(r"[0-9A-Za-z-]{1,60}", code):
        return f"{prefix}-{code.lower()}"
    return f"{prefix}-{hashlib.blake2b(name.encode(), digest_size=5).hexdigest()}"


_READERS: dict[str, Callable[[str], Any]] = {
    "implementationCode": n.code,
    "code": n.code,
    "bodyCode": n.code,
    "type": n.matter_type,
    "handlingKind": n.handling_kind,
    "statutoryLimit": n.limit,
    "promisedLimit": n.limit,
    "charged": n.charged,
    "consultation": n.phones,
    "supervision": n.phones,
    "serviceObjects": n.service_objects,
    "levels": n.levels,
    "basis": n.basis,
    "powerSource": n.power_source,
    "visits": n.count,
    "online": n.yes_no,
    "onlineUrl": n.url,
    "sourceUrl": n.url,
    "aliases": lambda t: [a.strip() for a in re.split(r"[、，,；;]", t) if a.strip()],
    "necessity": n.necessity,
    "originals": n.count,
    "copies": n.count,
    "materialForm": n.material_form,
}


class Reading:
    """Reads the cells of one record, counting and reporting as it goes."""

    def __init__(self, out: Imported, sheet: Sheet, row: int, columns: dict[str, str]):
        self.out, self.sheet, self.row, self.columns = out, sheet, row, columns
        self.by_key = {key: heading for heading, key in columns.items()}

    def get(self, record: dict[str, str | None], key: str) -> Any:
        heading = self.by_key.get(key)
        raw = record.get(heading) if heading else None
        if raw is None:
            if heading:
                self.out.empty[key] += 1
            return None
        try:
            value = _READERS.get(key, n.text)(raw)
        except n.Unreadable as exc:
            place = Place(self.sheet.file, self.sheet.name, self.row, heading or key)
            self.out.problems.append(Problem(place, str(exc), raw))
            self.out.unreadable[key] += 1
            return None
        if value is None or value == []:
            self.out.empty[key] += 1
            return None
        self.out.filled[key] += 1
        return value


def read_sheets(sheets: list[Sheet], mapping: dict[str, str], county: str) -> Imported:
    out = Imported()
    material_sheets = []
    for sheet in sheets:
        columns, unmapped = match(sheet.headings, mapping)
        keys = set(columns.values())
        if "materialName" in keys:
            material_sheets.append((sheet, columns))
            out.unmapped += [(sheet.file, sheet.name, h) for h in unmapped]
            continue
        if not keys & {"name", "implementationCode", "code"}:  # not a sheet of the list
            place = Place(sheet.file, sheet.name, 1, "")
            want = "a heading row with 事项名称 and 实施编码 (or a mapping file)"
            out.problems.append(Problem(place, want, "、".join(sheet.headings[:6])))
            continue
        out.unmapped += [(sheet.file, sheet.name, h) for h in unmapped]
        for row, record in sheet.records():
            _matter(out, Reading(out, sheet, row, columns), record, county)
    for sheet, columns in material_sheets:
        for row, record in sheet.records():
            _material(out, Reading(out, sheet, row, columns), record)
    return out


def _matter(out: Imported, r: Reading, record: dict[str, str | None], county: str) -> None:
    v = {key: r.get(record, key) for key in MATTER_FIELDS}
    out.rows += 1
    key = v["implementationCode"] or v["code"]
    if key is None or v["name"] is None:
        place = Place(r.sheet.file, r.sheet.name, r.row, "实施编码/事项名称")
        out.problems.append(Problem(place, "a matter with 事项名称 and 实施编码 or 基本编码", "-"))
        return
    m: dict[str, Any] = {"code": v["code"] or key.split("-")[0]}
    if v["implementationCode"]:
        m["implementationCode"] = v["implementationCode"]
    m["name"] = v["name"]
    for k in ("aliases", "theme", "type", "levels", "basis"):
        if v[k] is not None:
            m[k] = v[k]
    dept_id, body_id = _department(out, v)
    m["department"] = dept_id
    if body_id:
        m["body"] = body_id
    for k in ("powerSource", "serviceObjects", "conditions", "handlingKind"):
        if v[k] is not None:
            m[k] = v[k]
    for k in ("statutoryLimit", "promisedLimit"):
        if v[k] is not None:
            m[k] = v[k]
    fees = _fees(out, r, v)
    if fees is not None:
        m["fees"] = fees
    if v["visits"] is not None:
        m["visits"] = {"count": v["visits"]}
    venue = _venue(out, r, v)
    if venue:
        m["venue"] = venue
    for k in ("consultation", "supervision"):
        if v[k]:
            m[k] = v[k]
    if v["online"] is not None:
        m["online"] = {"available": v["online"]} | (
            {"pcUrl": v["onlineUrl"]} if v["onlineUrl"] else {}
        )
    if v["sourceUrl"]:
        m["sourceUrl"] = v["sourceUrl"]
    if "type" not in m:  # the model needs it, and it is never guessed
        place = Place(r.sheet.file, r.sheet.name, r.row, r.by_key.get("type", "事项类型"))
        out.problems.append(Problem(place, "事项类型 (needed to import a matter)", "-"))
        return
    if key in out.matters:
        place = Place(
            r.sheet.file, r.sheet.name, r.row, r.by_key.get("implementationCode", "实施编码")
        )
        out.problems.append(Problem(place, "each 实施编码 once", f"{key} again"))
        return
    out.matters[key] = m
    out.department_of[key] = dept_id


def _department(out: Imported, v: dict[str, Any]) -> tuple[str, str | None]:
    body, code, dept = v["body"], v["bodyCode"], v["department"]
    if dept is None or dept == body:  # the body is the department
        name = body or "未填写实施主体"
        did = slug("d", code, name)
        entry = out.departments.setdefault(did, {"id": did, "name": name})
        if code and "creditCode" not in entry:
            entry["creditCode"] = code
        return did, None
    did = slug("d", None, dept)
    entry = out.departments.setdefault(did, {"id": did, "name": dept})
    if body is None:
        return did, None
    bid = slug("b", code, body)
    bodies = entry.setdefault("bodies", [])
    if not any(b["id"] == bid for b in bodies):
        bodies.append({"id": bid, "name": body} | ({"creditCode": code} if code else {}))
    return did, bid


def _fees(out: Imported, r: Reading, v: dict[str, Any]) -> dict[str, Any] | None:
    if v["charged"] is None:
        return None
    if not v["charged"]:
        return {"charged": False}
    if v["feeStandard"] and v["feeBasis"]:
        item = {
            "name": v["name"],
            "standard": v["feeStandard"],
            "basis": [{"title": v["feeBasis"]}],
        }
        return {"charged": True, "items": [item]}
    place = Place(r.sheet.file, r.sheet.name, r.row, r.by_key.get("charged", "是否收费"))
    out.problems.append(Problem(place, "收费标准 and 收费依据 for a charged matter", "是"))
    return None


_CLOCK = re.compile(r"(\d{1,2})[:：](\d{2})\s*[-—–~至到]+\s*(\d{1,2})[:：](\d{2})")
_WEEKDAYS = re.compile(r"工作日|周一至周五|星期一至星期五|法定工作日")


def hours(text: str) -> list[dict[str, Any]]:
    """「工作日 08:30—12:00；14:00—17:30」 (the form guides print) and the usual
    variants; days must be said, never assumed."""
    spans = _CLOCK.findall(text)
    if not spans or not _WEEKDAYS.search(text):
        raise n.Unreadable("opening hours such as 工作日 08:30—12:00；14:00—17:30")
    return [
        {"days": ["工作日"], "opens": f"{int(a):02d}:{b}", "closes": f"{int(c):02d}:{d}"}
        for a, b, c, d in spans
    ]


def _venue(out: Imported, r: Reading, v: dict[str, Any]) -> str | None:
    if v["place"] is None:
        return None
    vid = slug("v", None, v["place"])
    if vid in out.venues:  # the same address on another row
        return vid
    heading = r.by_key.get("hours", "办公时间")
    if v["hours"] is None:
        place = Place(r.sheet.file, r.sheet.name, r.row, heading)
        out.problems.append(Problem(place, "办公时间 with the 办理地点 (a venue needs both)", "-"))
        return None
    try:
        opening = hours(v["hours"])
    except n.Unreadable as exc:
        out.problems.append(
            Problem(Place(r.sheet.file, r.sheet.name, r.row, heading), str(exc), v["hours"])
        )
        return None
    phones = v["consultation"] or v["supervision"]
    if not phones:
        place = Place(r.sheet.file, r.sheet.name, r.row, r.by_key.get("place", "办理地点"))
        out.problems.append(Problem(place, "a phone on the row of a new 办理地点", v["place"]))
        return None
    out.venues.setdefault(
        vid,
        {
            "id": vid,
            "name": v["place"][:200],
            "tier": "county-hall",
            "address": v["place"],
            "hours": opening,
            "phones": [{"label": "咨询电话", "number": p} for p in phones[:1]],
        },
    )
    return vid


def _material(out: Imported, r: Reading, record: dict[str, str | None]) -> None:
    raw = [record.get(r.by_key.get(k, "")) for k in ("implementationCode", "code")]
    key = next((k.strip() for k in raw if k), None)
    name = r.get(record, "materialName")
    if key is None or key not in out.matters or name is None:
        place = Place(
            r.sheet.file, r.sheet.name, r.row, r.by_key.get("implementationCode", "实施编码")
        )
        out.problems.append(
            Problem(place, "the 实施编码 of an imported matter and 材料名称", key or "-")
        )
        return
    values = {k: r.get(record, k) for k in MATERIAL_FIELDS[1:]}
    if None in (values["necessity"], values["originals"], values["copies"]):
        place = Place(r.sheet.file, r.sheet.name, r.row, "材料必要性/原件份数/复印件份数")
        out.problems.append(Problem(place, "必要性, 原件份数 and 复印件份数 of the material", name))
        return
    material = {"name": name, "necessity": values["necessity"]}
    material |= {"originals": values["originals"], "copies": values["copies"]}
    if values["materialForm"]:
        material["form"] = values["materialForm"]
    out.matters[key].setdefault("materials", []).append(material)
