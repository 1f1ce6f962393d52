"""The service guide (办事指南) of a matter for residents of a place, with the venue
chain drawn as boxes and arrows (村代办 → 镇受理 → 县决定) and a print button."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from ...engine import Hop, route
from ...guide import build_guide
from ...guide.labels import LABELS
from ...guide.render import json_ld
from ...resolve import Bundle
from ..respond import snapshot
from . import params
from .places import ROLE, short_level
from .site import page

router = APIRouter()


@dataclass(frozen=True)
class Box:
    """One box of the diagram: who does what, where."""

    label: str  # 村代办, 镇受理, 县决定
    role: str
    venue: str | None
    venue_name: str
    place: str
    agent: str | None


def box(bundle: Bundle, hop: Hop) -> Box:
    word = short_level(bundle.locality(hop.locality))
    verb = "决定" if hop.role == "decide" else ROLE[hop.role]
    venue = hop.venue if hop.venue is not None and hop.venue in bundle.venues else None
    name = hop.venue_name or hop.locality_name
    return Box(word + verb, hop.role, venue, name, hop.locality_name, hop.proxy_agent)


@router.get("/guide/{matter}")
async def guide(request: Request, matter: str, locality: str | None = None) -> Response:
    snap = snapshot(request)
    if not (locality or "").strip() and matter in snap.bundle.matters:
        # a shared link without a place: the guide as its defining locality publishes it
        definer = snap.bundle.matters[matter].locality
        target = f"/guide/{quote(matter, safe='')}?locality={definer}"
        return RedirectResponse(target, status_code=303)

    def context() -> dict[str, Any]:
        bundle = snap.bundle
        code = params.matter(bundle, matter)
        here = params.locality(bundle, locality)
        params.offered(bundle, code, here)
        found = route(bundle, code, here)
        g = build_guide(snap.engine, code, here, "zh")
        place = bundle.locality(here)
        boxes = [box(bundle, h) for h in found.hops]
        return {
            "g": g,
            "L": LABELS["zh"],
            "jsonld": json_ld(g),
            "boxes": boxes,
            "stops": list(zip(boxes, g.route, strict=True)),
            "place": place,
            "trail": [(c, bundle.locality(c)) for c in reversed(bundle.chain(here))],
            "general": place.level in ("county", "town"),
        }

    return await page(request, snap, "guide.j2", context)
