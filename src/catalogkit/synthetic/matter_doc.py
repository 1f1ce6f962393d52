"""One invented matter with the national field set: its identity, levels and service
objects here; limits, process, materials, service and outcome in their own modules, in
the order they draw from the random stream (the same seed gives the same bytes)."""

from __future__ import annotations

import random

from ..model.vocab import MATTER_TYPE_CODE
from .county_spec import ONE_COUNTY, County, DeptSpec, Doc, MatterSpec
from .invented_names import weighted
from .invented_words import ALIASES, HANDLING_KINDS, TOWN_LEVEL, TYPES, VILLAGE_LEVEL
from .matter_materials import add_materials
from .matter_outcome import add_outcome
from .matter_service import add_service
from .matter_steps import add_process, add_time_limits


def matter_doc(
    rng: random.Random,
    index: int,
    plan: MatterSpec,
    depts: list[tuple[Doc, DeptSpec]],
    d: int,
    place: County = ONE_COUNTY,
) -> Doc:
    name, type_key, law_index = plan
    dept, spec = depts[d]
    mtype = TYPES[type_key]
    public = mtype == "公共服务"
    law = spec[3][law_index]
    code = f"{MATTER_TYPE_CODE[mtype]}{d + 1:03d}{index + 1:05d}{place.tag}"
    kind = weighted(rng, HANDLING_KINDS)
    if len(depts) < 2 and kind == "联办件":
        kind = "承诺件"

    levels = ["县级"]
    if mtype in ("行政给付", "公共服务", "行政确认") and rng.random() < 0.45:
        levels.append(TOWN_LEVEL)
        if mtype != "行政确认" and rng.random() < 0.35:
            levels.append(VILLAGE_LEVEL)
    elif rng.random() < 0.12:
        levels.append(TOWN_LEVEL)

    m: Doc = {"code": code, "name": name}
    base = name.split("（")[0]
    if base in ALIASES and name == base:
        m["aliases"] = ALIASES[base]
    m["theme"] = spec[2]
    m["type"] = mtype
    m["levels"] = levels
    basis: list[Doc] = [{"title": f"《{law}》"}]
    if mtype == "行政许可":
        basis.append({"title": "《中华人民共和国行政许可法》"})
    m["basis"] = basis
    m["department"] = dept["id"]
    if not public:
        m["powerSource"] = "法定本级行使" if rng.random() < 0.85 else "上级下放"
    if mtype == "行政给付":
        objects = ["自然人"]
    elif mtype == "公共服务":
        objects = ["自然人"] if rng.random() < 0.7 else ["自然人", "企业法人", "非法人企业"]
    elif rng.random() < 0.4:
        objects = ["自然人"]
    else:
        objects = ["企业法人", "非法人企业"] + (["自然人"] if rng.random() < 0.5 else [])
    persons = "自然人" in objects
    if name.endswith("（个人）"):
        objects = ["自然人"]
    elif name.endswith("（单位）"):
        objects = ["企业法人", "事业法人", "社会组织法人"]
    m["serviceObjects"] = objects
    who = "申请人" if objects == ["自然人"] else "申请人（单位）"
    where = "户籍或居住地在本县" if persons else "经营或建设地点在本县"
    m["conditions"] = f"{who}符合《{law}》规定的条件，{where}。"
    m["handlingKind"] = kind

    unit, promised_value = add_time_limits(rng, m, mtype, kind, public)
    add_process(m, spec, kind, promised_value, unit)
    used_facts = add_materials(rng, m, base, code, objects, spec, law)
    add_service(rng, m, code, spec, dept, kind, place)
    add_outcome(rng, m, mtype, kind, public, base, dept, depts, used_facts)
    return m
