"""What a town claims of the county's matters (decide what the town level may exercise,
accept or proxy the rest) and the village profiles made of those claims."""

from __future__ import annotations

import random

from .county_spec import TOWN_CLAIMS, Doc
from .invented_names import person
from .invented_words import TOWN_LEVEL, VILLAGE_LEVEL
from .matter_plan import time_limit


def claim(rng: random.Random, matter: Doc, role: str, window: str | None = None) -> Doc:
    c: Doc = {"matter": matter["code"], "role": role}
    if window:
        c["window"] = window
    promised = matter.get("promisedLimit")
    if (
        role != "proxy"
        and promised
        and promised["unit"] == "工作日"
        and promised["value"] >= 2
        and rng.random() < 0.3
    ):
        c["promisedLimit"] = time_limit(rng.randint(1, promised["value"] - 1), "工作日")
    if matter["visits"]["count"] > 0 and rng.random() < 0.15:
        c["visits"] = matter["visits"]["count"] - 1
    return c


def town_claims(rng: random.Random, matters: list[Doc]) -> tuple[list[Doc], list[Doc]]:
    """The town's claims, and the matters they claim."""
    share = min(len(matters), max(8, min(len(matters) // 5, TOWN_CLAIMS)))
    chosen = sorted(rng.sample(range(len(matters)), share))
    claims: list[Doc] = []
    for i in chosen:
        m = matters[i]
        if TOWN_LEVEL in m["levels"]:
            role, window = "decide", "shehui"
        elif m["handlingKind"] in ("上报件", "代办件") or rng.random() < 0.25:
            role, window = "proxy", "daiban"
        else:
            role, window = "accept", "zonghe"
        c = claim(rng, m, role, window)
        if role == "proxy":
            c["proxyAgent"] = f"{person(rng)}（代办员）"
        claims.append(c)
    claimed = [matters[i] for i in chosen]
    return claims, claimed


def village_profiles(rng: random.Random, claimed: list[Doc]) -> list[Doc]:
    profiles: list[Doc] = []
    for pid, desc, size in (
        ("标准村", "一般行政村的代办与收件事项", 12),
        ("偏远村", "离镇较远的行政村：更多事项由村代办员全程代办", 20),
    ):
        picks = rng.sample(claimed, min(len(claimed), size))
        profile_claims = [
            {"matter": m["code"], "role": "accept" if VILLAGE_LEVEL in m["levels"] else "proxy"}
            for m in sorted(picks, key=lambda x: str(x["code"]))
        ]
        profiles.append({"id": pid, "description": desc, "claims": profile_claims})
    return profiles
