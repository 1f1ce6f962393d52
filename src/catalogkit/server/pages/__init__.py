"""Server-rendered pages for residents and window staff (Chinese, no external assets).

One module per page: home (search), place (the "I live in …" picker and what can be
done there), guide (办事指南), venue; site holds the Jinja2 environment and responses."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles

from . import guide, home, place, venue
from .site import STATIC_DIR

router = APIRouter(include_in_schema=False)
for _module in (home, place, guide, venue):
    router.include_router(_module.router, include_in_schema=False)


def mount_static(app: FastAPI) -> None:
    """Static files (CSS, the print script) served from the package."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
