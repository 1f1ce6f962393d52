"""The villages (or communities) of a town: each with its own service station, one shared
with a neighbour, or served by the town's center."""

from __future__ import annotations

import random

from .county_spec import County, Doc
from .county_venues import opening_hours
from .invented_names import person, phone, place_name


def village_docs(
    rng: random.Random,
    villages: int,
    town: tuple[str, str, str],
    center: str,
    claimed: list[Doc],
    names: set[str],
    place: County,
) -> list[Doc]:
    """`villages` villages of the town (code, name, administrative suffix)."""
    code, name, suffix = town
    children: list[Doc] = []
    stations: list[str] = []
    village_kind = "社区" if suffix == "街道" else "村"
    for v in range(villages):
        vcode = f"{code}{201 + v:03d}"
        vname = place_name(rng, names) + village_kind
        village: Doc = {"code": vcode, "name": vname, "level": "village"}
        roll = rng.random()
        if v > 0 and roll < 0.12:
            village["servedBy"] = center  # close to the town seat: served by the center
        elif stations and roll < 0.25:
            village["servedBy"] = rng.choice(stations)  # several villages, one station
        else:
            station = f"vs-{vcode}"
            stations.append(station)
            village["venues"] = [
                {
                    "id": station,
                    "name": f"{vname}便民服务站",
                    "tier": "village-station",
                    "address": f"{place.name}{name}{vname}村委会一楼",
                    "hours": opening_hours(rng, "village-station"),
                    "phones": [{"label": "代办员", "number": phone(rng)}],
                }
            ]
        village["useProfiles"] = ["偏远村" if rng.random() < 0.3 else "标准村"]
        if rng.random() < 0.1 and claimed:
            m = rng.choice(claimed)
            village["claims"] = [
                {
                    "matter": m["code"],
                    "role": "proxy",
                    "proxyAgent": f"{person(rng)}（村代办员）",
                    "note": "本村单独认领的代办事项",
                }
            ]
        children.append(village)
    return children
