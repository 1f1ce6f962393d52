"""How a matter is served: fees, visits, the window, online service and delivery."""

from __future__ import annotations

import random

from .county_spec import County, DeptSpec, Doc
from .invented_words import BRANCH_DEPTS


def add_service(
    rng: random.Random, m: Doc, code: str, spec: DeptSpec, dept: Doc, kind: str, place: County
) -> None:
    # fees
    if rng.random() < 0.15:
        if spec[0] == "ziran":
            fee: Doc = {
                "name": "不动产登记费",
                "standard": "住宅类每件80元，非住宅类每件550元",
                "amount": 80,
            }
        else:
            fee = {"name": "证书工本费", "standard": "每证10元", "amount": 10}
        fee["basis"] = [{"title": "《示例省行政事业性收费目录清单》"}]
        if rng.random() < 0.5:
            fee["reducible"] = True
            fee["reductionBasis"] = [{"title": "《社会救助暂行办法》"}]
        m["fees"] = {"charged": True, "items": [fee]}
    else:
        m["fees"] = {"charged": False}

    online = rng.random() < 0.7
    depth = rng.choice((2, 3, 3, 4)) if online else None
    visits = 0 if depth == 4 else 1
    if kind == "联办件" and rng.random() < 0.5:
        visits = 2
    m["visits"] = (
        {"count": visits}
        if visits == 0
        else {
            "count": visits,
            "reason": "需现场勘验"
            if visits == 2
            else rng.choice(("需核验原件", "需本人现场签字确认", "需现场采集照片")),
        }
    )
    at_branch = spec[0] in BRANCH_DEPTS
    m["venue"] = ("county-branch-realestate" if at_branch else "county-hall") + place.tag
    m["window"] = f"w-{dept['id']}"
    if online:
        o: Doc = {
            "available": True,
            "depth": depth,
            "pcUrl": f"https://zwfw.example.org/item/{code}",
        }
        if rng.random() < 0.6:
            o["mobileUrl"] = f"https://m.zwfw.example.org/item/{code}"
        m["online"] = o
    else:
        m["online"] = {"available": False}
    m["delivery"] = {
        "inHall": True,
        "express": rng.random() < 0.5,
        "onlinePayment": bool(m["fees"]["charged"]) and rng.random() < 0.7,
        "appointment": rng.random() < 0.6,
    }
