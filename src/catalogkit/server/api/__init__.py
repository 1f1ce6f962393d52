"""The /v1 JSON API, one module per resource."""

from fastapi import APIRouter, Depends

from . import (
    admin,
    complaints,
    decide,
    exchange,
    feedback,
    guides,
    ledger,
    localities,
    matters,
    routes,
    search,
    status,
    supervision,
    venues,
)
from .known import known_query

router = APIRouter(prefix="/v1", dependencies=[Depends(known_query)])
for module in (matters, routes, guides, decide, localities, venues, status, admin, ledger, search):
    router.include_router(module.router)
router.include_router(feedback.router)
router.include_router(exchange.router)
router.include_router(complaints.router)
router.include_router(supervision.router)

__all__ = ["router"]
