"""The home page (search box and the first step of "I live in …") and search results."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..respond import snapshot
from ..snapshot_finder import finder_of, index_of
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
    """Matters for what the resident typed, life events first, each saying why it was
    found. With `locality` (searching from a place page), only what its residents are
    offered, with where they can do it, linked to their guides."""
    snap = snapshot(request)

    def context() -> dict[str, Any]:
        bundle = snap.bundle
        words = params.query(q)
        place = params.locality(bundle, locality) if locality is not None else None
        found = finder_of(snap).search(words, locality=place, limit=50) if words else None
        index = index_of(snap)
        results = []
        for hit in found.hits if found else []:
            entry = bundle.matters[hit.code]
            m = entry.matter
            results.append(
                {
                    "code": hit.code,
                    "name": m.name,
                    "aliases": m.aliases,
                    "department": bundle.departments[index.department(hit.code, place)].item.name,
                    "theme": m.theme or "其他",
                    "locality": place or entry.locality,
                    "why": [w.text() for w in hit.why[:2]],
                    "where": hit.where,
                }
            )
        return {
            "q": words,
            "place": None if place is None else bundle.locality(place),
            "place_code": place,
            "results": results,
            "events": found.events if found else [],
            "suggestions": found.suggestions if found else [],
            "hotline": (found.hotline if found else None) or "12345",
            "popular": POPULAR,
        }

    return await page(request, snap, "search.j2", context)
