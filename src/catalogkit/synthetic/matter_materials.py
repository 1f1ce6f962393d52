"""A matter's materials: its application form, an identity document for persons, then
3 to 8 in all from the department's, the general and (for some matters) the
conditional materials, whose conditions become the facts its form asks."""

from __future__ import annotations

import random

from .county_spec import DeptSpec, Doc
from .invented_words import CONDITIONAL, GENERAL, GOVERNMENT_ISSUED


def material_item(rng: random.Random, name: str, source: str, law: str | None) -> Doc:
    necessity = "必要"
    roll = rng.random()
    if name.startswith("其他"):
        necessity = "非必要"
    elif roll < 0.12:
        necessity = "容缺"
    issued = source == "政府部门核发"
    m: Doc = {
        "name": name,
        "necessity": necessity,
        "originals": 1 if issued or rng.random() < 0.6 else 0,
        "copies": 1 if issued else rng.choice((0, 0, 1, 2)),
    }
    if m["originals"] == 0 and m["copies"] == 0:
        m["copies"] = 1
    if rng.random() < 0.3:
        m["form"] = rng.choice(("纸质或电子", "电子"))
    if source != "申请人自备":
        m["source"] = source
    if rng.random() < 0.25:
        m["paperSize"] = "A4"
    if law and rng.random() < 0.2:
        m["basis"] = [{"title": f"《{law}》"}]
    if rng.random() < 0.2:
        m["standard"] = "内容完整、真实有效，复印件与原件一致"
    return m


def add_materials(
    rng: random.Random,
    m: Doc,
    base: str,
    code: str,
    objects: list[str],
    spec: DeptSpec,
    law: str,
) -> list[str]:
    """Set the materials; the facts their conditions use, in order."""
    n_materials = rng.randint(3, 8)
    materials: list[Doc] = [
        {
            "name": f"《{base}申请表》",
            "necessity": "必要",
            "originals": 1,
            "copies": 0,
        }
    ]
    if rng.random() < 0.3:
        materials[0]["blankForm"] = f"https://zwfw.example.org/forms/{code}.docx"
    if "自然人" in objects:
        materials.append(
            {
                "name": "申请人有效身份证件",
                "necessity": "必要",
                "originals": 1,
                "copies": 1,
                "source": "政府部门核发",
                "notes": "可由电子证照库调取的免交",
            }
        )
    pool: list[tuple[str, str, Doc | None]] = [
        (x, "政府部门核发" if x.endswith(GOVERNMENT_ISSUED) else "申请人自备", None)
        for x in spec[5]
    ]
    pool += [(x, s, None) for x, s in GENERAL]
    if rng.random() < 0.45:  # some matters have materials that apply only to some cases
        pool += [(x, s, dict(c)) for x, s, c in CONDITIONAL]
    if "企业法人" not in objects:
        pool = [x for x in pool if x[0] != "营业执照"]
    rng.shuffle(pool)
    used_facts: list[str] = []
    names = {x["name"] for x in materials}
    for x, source, cond in pool:
        if len(materials) >= n_materials:
            break
        if x in names:
            continue
        if cond is not None and len(used_facts) >= 2 and not set(cond) <= set(used_facts):
            continue
        names.add(x)
        item = material_item(rng, x, source, law)
        if cond is not None:
            item["when"] = cond
            used_facts += [f for f in cond if f not in used_facts]
        materials.append(item)
    m["materials"] = materials
    return used_facts
