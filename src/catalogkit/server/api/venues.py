"""GET /v1/venues/{venue}: a hall, center or station with the matters it handles."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ...guide import venue_list
from ..present import venue
from ..problems import ApiProblem
from ..respond import answer, body_of, cached, snapshot
from ..schemas import ListedMatterBody, VenueAnswer
from ..snapshot import CachedBody
from .params import VenueId, problems

router = APIRouter(tags=["venues"])


@router.get(
    "/venues/{venue}",
    response_model=VenueAnswer,
    responses=problems("unknown-venue"),
    summary="A venue: address, hours, phones and its matter list (服务事项清单)",
)
async def get_venue(request: Request, venue_id: VenueId) -> Response:
    snap = snapshot(request)

    def make() -> CachedBody:
        bundle = snap.bundle
        if venue_id not in bundle.venues:
            raise ApiProblem(
                "unknown-venue",
                f"there is no venue {venue_id!r} in revision {bundle.revision}",
                f"目录中没有场所标识 {venue_id}",
            )
        listed = [
            ListedMatterBody(
                code=m.code,
                name=m.name,
                theme=m.theme,
                department_name=m.department,
                window=m.window,
                handling_kind=m.kind,
                promised_text=m.promised,
                fee_text=m.fee,
                role=m.role,
            )
            for m in venue_list(bundle, venue_id)
        ]
        return cached(
            body_of(VenueAnswer(revision=snap.revision, matters=listed, **venue(bundle, venue_id)))
        )

    return await answer(request, snap, make)
