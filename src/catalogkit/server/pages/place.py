"""The "I live in …" picker: a town or street, then a village or community, then
what can be done there, in the town, and at the county."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from ..respond import snapshot
from ..shared import SECURITY
from . import params
from .places import nearby, sections, towns
from .site import PageError, error_page, page

router = APIRouter()


@router.get("/place")
async def pick(request: Request, town: str | None = None, code: str | None = None) -> Response:
    """No parameter: choose a town. `town`: choose a village in it. `code`: go there."""
    snap = snapshot(request)
    bundle = snap.bundle
    entry = bundle.localities.get(town) if town is not None else None
    if code is None and entry is not None and entry.locality.level != "town":
        code = town  # a village or the county: nothing to pick, go there
    if code is not None:
        try:
            found = params.locality(bundle, code)
        except PageError as exc:
            return error_page(snap, exc)
        headers = {"Catalog-Revision": snap.revision, **SECURITY}
        return RedirectResponse(f"/place/{quote(found)}", status_code=303, headers=headers)

    def context() -> dict[str, Any]:
        if town is None:
            return {"town": None, "towns": towns(bundle), "children": []}
        chosen = params.locality(bundle, town)
        kids = [(c, bundle.locality(c).name) for c in bundle.children.get(chosen, ())]
        return {"town": bundle.locality(chosen), "town_code": chosen, "children": kids}

    return await page(request, snap, "pick.j2", context)


@router.get("/place/{code}")
async def place(request: Request, code: str) -> Response:
    """Every matter a resident of `code` can do, grouped by where the first step is."""
    snap = snapshot(request)

    def context() -> dict[str, Any]:
        bundle = snap.bundle
        here = params.locality(bundle, code)
        chain = bundle.chain(here)
        return {
            "code": here,
            "place": bundle.locality(here),
            "trail": [(c, bundle.locality(c)) for c in reversed(chain[1:])],
            "children": [(c, bundle.locality(c).name) for c in bundle.children.get(here, ())],
            "nearby": nearby(bundle, here),
            "sections": sections(bundle, here),
        }

    return await page(request, snap, "place.j2", context)
