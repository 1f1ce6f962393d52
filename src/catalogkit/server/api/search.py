"""GET /v1/search: matters as residents ask for them, each saying why it matched and
(for a locality) where they can do it; life events above single matters."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ..respond import answer, body_of, cached, snapshot
from ..schemas import ApiModel
from ..shared import CODE_PATTERN
from ..snapshot import CachedBody
from ..snapshot_finder import finder_of
from .params import need_locality, problems

router = APIRouter(tags=["search"])


class SearchWhy(ApiModel):
    kind: str  # term, synonym, pinyin, typo, code, event
    matched: str
    to: str | None
    text: str


class SearchItem(ApiModel):
    code: str
    implementation_code: str
    name: str
    score: float
    where: str | None
    why: list[SearchWhy]


class SearchEventStep(ApiModel):
    name: str
    code: str | None
    note: str | None


class SearchEvent(ApiModel):
    id: str
    name: str
    party: str
    matched: str
    steps: list[SearchEventStep]


class SearchAnswer(ApiModel):
    revision: str
    query: str
    total: int
    events: list[SearchEvent]
    items: list[SearchItem]
    suggestions: list[str]
    hotline: str | None


@router.get(
    "/search",
    response_model=SearchAnswer,
    responses=problems("unknown-locality"),
    summary="Search matters in residents' own words",
)
async def get_search(
    request: Request,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=100,
            description="what the resident says: 低保, 过户, 办丧事, dibao, a code …",
        ),
    ],
    locality: Annotated[
        str | None,
        Query(
            pattern=CODE_PATTERN,
            max_length=64,
            description="only matters offered to residents of this locality, with where",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Response:
    """Ranked matters with why each matched (term, synonym, pinyin, typo, code, event);
    with nothing found, nearby terms or life events and the hotline."""
    snap = snapshot(request)

    def make() -> CachedBody:
        if locality is not None:
            need_locality(snap.bundle, locality)
        found = finder_of(snap).search(q, locality=locality, limit=limit)
        bundle = snap.bundle
        return cached(
            body_of(
                SearchAnswer(
                    revision=snap.revision,
                    query=found.query,
                    total=found.total,
                    events=[
                        SearchEvent(
                            id=e.id,
                            name=e.name,
                            party=e.party,
                            matched=e.matched,
                            steps=[
                                SearchEventStep(name=s.name, code=s.code, note=s.note)
                                for s in e.steps
                            ],
                        )
                        for e in found.events
                    ],
                    items=[
                        SearchItem(
                            code=h.code,
                            implementation_code=bundle.implementation_code(h.code),
                            name=h.name,
                            score=h.score,
                            where=h.where,
                            why=[
                                SearchWhy(kind=w.kind, matched=w.matched, to=w.to, text=w.text())
                                for w in h.why
                            ],
                        )
                        for h in found.hits
                    ],
                    suggestions=found.suggestions,
                    hotline=found.hotline,
                )
            )
        )

    return await answer(request, snap, make)
