"""A town's locality document: its center and windows, its claims and profiles, and its
villages."""

from __future__ import annotations

import random

from .county_spec import ONE_COUNTY, County, Doc
from .county_venues import opening_hours
from .invented_names import ADMIN_SUFFIXES, ROADS, phone, place_name, weighted
from .town_claims import town_claims, village_profiles
from .village_docs import village_docs


def town_locality(
    rng: random.Random,
    number: int,
    villages: int,
    matters: list[Doc],
    names: set[str],
    place: County = ONE_COUNTY,
) -> Doc:
    code = f"{place.code}{number:03d}"
    suffix = weighted(rng, ADMIN_SUFFIXES)
    name = place_name(rng, names) + suffix
    center = f"tc-{code}"
    windows: list[Doc] = [
        {"id": "zonghe", "name": "综合受理窗口", "number": "1"},
        {"id": "shehui", "name": "社会事务窗口", "number": "2"},
        {"id": "daiban", "name": "代办服务窗口", "number": "3"},
    ]
    claims, claimed = town_claims(rng, matters)
    profiles = village_profiles(rng, claimed)
    children = village_docs(rng, villages, (code, name, suffix), center, claimed, names, place)

    return {
        "apiVersion": "catalogkit/v1",
        "kind": "Locality",
        "code": code,
        "name": name,
        "level": "town",
        "parent": place.code,
        "venues": [
            {
                "id": center,
                "name": f"{name}便民服务中心",
                "tier": "town-center",
                "address": f"{place.name}{name}{rng.choice(ROADS)}{rng.randint(1, 200)}号",
                "hours": opening_hours(rng, "town-center"),
                "phones": [
                    {"label": "咨询", "number": phone(rng)},
                    {"label": "值班", "number": phone(rng)},
                ],
                "windows": windows,
            }
        ],
        "profiles": profiles,
        "claims": claims,
        "children": children,
    }
