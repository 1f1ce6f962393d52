"""Server-rendered pages for residents and window staff (Chinese, no external assets).

One module per page: home (search), place (the "I live in …" picker and what can be
done there), guide (办事指南), venue; site holds the Jinja2 environment and responses."""

from __future__ import annotations

import os
from os import PathLike

from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response
from starlette.types import Scope

from . import cases, guide, home, place, supervision, venue
from .site import STATIC_DIR

router = APIRouter(include_in_schema=False)
for _module in (home, place, guide, venue, cases):
    router.include_router(_module.router, include_in_schema=False)
router.include_router(supervision.router, include_in_schema=False)


class VersionedFiles(StaticFiles):
    """Static files; those asked for with their content hash (`?v=…`) never change,
    so browsers may keep them for a year."""

    def file_response(
        self,
        full_path: PathLike[str] | str,
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        if scope.get("query_string", b"").startswith(b"v="):
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def mount_static(app: FastAPI) -> None:
    """Static files (CSS, the print script) served from the package."""
    app.mount("/static", VersionedFiles(directory=STATIC_DIR), name="static")
