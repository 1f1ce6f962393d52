"""The county's departments: the invented table, repeated as numbered branch offices when
more departments are asked for than it holds."""

from __future__ import annotations

import random

from ..codes import make_credit_code
from .county_spec import ONE_COUNTY, County, DeptSpec, Doc
from .invented_names import phone
from .table_farms_health import FARMS_HEALTH
from .table_safety import SAFETY
from .table_transport_culture import TRANSPORT_CULTURE
from .table_welfare import WELFARE

DEPARTMENTS: tuple[DeptSpec, ...] = (*WELFARE, *FARMS_HEALTH, *TRANSPORT_CULTURE, *SAFETY)


def county_departments(
    rng: random.Random, count: int, place: County = ONE_COUNTY
) -> list[tuple[Doc, DeptSpec]]:
    out: list[tuple[Doc, DeptSpec]] = []
    for i in range(count):
        spec = DEPARTMENTS[i % len(DEPARTMENTS)]
        round_ = i // len(DEPARTMENTS)
        dept_id = (spec[0] if round_ == 0 else f"{spec[0]}-{round_ + 1}") + place.tag
        name = f"{place.name}{spec[1]}" + ("" if round_ == 0 else f"第{round_ + 1}分局")
        org8 = f"{rng.randint(0, 99_999_999):08d}"
        out.append(
            (
                {
                    "id": dept_id,
                    "name": name,
                    "creditCode": make_credit_code("1", "1", place.code, org8),
                    "consultation": [phone(rng)],
                    "supervision": [phone(rng), "12345"],
                },
                spec,
            )
        )
    return out
