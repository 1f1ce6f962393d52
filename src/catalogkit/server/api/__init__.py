"""The /v1 JSON API, one module per resource."""

from fastapi import APIRouter

from . import admin, decide, guides, localities, matters, routes, status, venues

router = APIRouter(prefix="/v1")
for module in (matters, routes, guides, decide, localities, venues, status, admin):
    router.include_router(module.router)

__all__ = ["router"]
