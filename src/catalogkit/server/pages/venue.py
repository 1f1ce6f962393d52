"""A venue: where it is, when it is open, how to call, and its matter list
(服务事项清单), each matter linked to its guide for the venue's own place."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ...guide import venue_list
from ...guide.build import opening_hours
from ..respond import snapshot
from . import params
from .places import ROLE
from .site import page

router = APIRouter()

TIER = {
    "county-hall": "县行政审批服务中心",
    "branch-hall": "县行政审批服务分厅",
    "town-center": "镇（街道）便民服务中心",
    "village-station": "村（社区）便民服务站",
    "service-point": "村民小组服务点",
}


@router.get("/venue/{venue_id}")
async def venue(request: Request, venue_id: str) -> Response:
    snap = snapshot(request)

    def context() -> dict[str, Any]:
        bundle = snap.bundle
        owned = bundle.venues[params.venue(bundle, venue_id)]
        home = owned.locality
        chain = bundle.chain(home)
        windows: dict[str, list[dict[str, str]]] = {}
        for m in venue_list(bundle, owned.item.id):
            definer = bundle.matters[m.code].locality
            windows.setdefault(m.window, []).append(
                {
                    "code": m.code,
                    "name": m.name,
                    "meta": " · ".join([ROLE.get(m.role, m.role), m.kind, m.promised, m.fee]),
                    "locality": home if definer in chain else definer,
                }
            )
        order = {w.name: i for i, w in enumerate(owned.item.windows)}
        ordered = sorted(windows.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
        served = [
            (c, e.locality.name)
            for c, e in sorted(bundle.localities.items())
            if e.locality.served_by == owned.item.id
        ]
        return {
            "v": owned.item,
            "tier": TIER[owned.item.tier],
            "home": (home, bundle.locality(home).name),
            "trail": [(c, bundle.locality(c)) for c in reversed(chain)],
            "served": served,
            "hours": opening_hours(owned.item),
            "windows": dict(ordered),
            "total": sum(len(x) for x in windows.values()),
        }

    return await page(request, snap, "venue.j2", context)
