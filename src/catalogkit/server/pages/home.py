"""The home page (search box and the first step of "I live in …") and search results."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..api.matters import index_of
from ..respond import snapshot
from . import params
from .places import towns
from .site import page

router = APIRouter()

# What residents most often come for; shown as one-tap searches on the home page.
POPULAR = ("结婚", "低保", "户口", "社保", "医保", "建房", "残疾", "营业执照")


@router.get("/")
async def home(request: Request) -> Response:
    snap = snapshot(request)
    return await page(
        request,
        snap,
        "home.j2",
        lambda: {"towns": towns(snap.bundle), "popular": POPULAR},
    )


@router.get("/search")
async def search(request: Request, q: str | None = None, locality: str | None = None) -> Response:
    """Matters whose names or aliases hold every keyword. With `locality` (searching
    from a place page), only what its residents are offered, linked to their guides."""
    snap = snapshot(request)

    def context() -> dict[str, Any]:
        bundle = snap.bundle
        words = params.query(q)
        place = params.locality(bundle, locality) if locality is not None else None
        index = index_of(snap)
        found = index.find(words) if words else []
        results = []
        for code in found:
            entry = bundle.matters[code]
            if place is not None and not snap.bundle.offers(code, place):
                continue
            m = entry.matter
            results.append(
                {
                    "code": code,
                    "name": m.name,
                    "aliases": m.aliases,
                    "department": bundle.departments[index.department(code, place)].item.name,
                    "theme": m.theme or "其他",
                    "locality": place or entry.locality,
                }
            )
        return {
            "q": words,
            "place": None if place is None else bundle.locality(place),
            "place_code": place,
            "results": results,
            "popular": POPULAR,
        }

    return await page(request, snap, "search.j2", context)
