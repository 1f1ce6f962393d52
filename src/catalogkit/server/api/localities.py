"""The locality tree, one locality, and what its residents can do without leaving it."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ...engine import route, within
from ...resolve import Bundle
from ..present import hop, place, venue
from ..respond import answer, body_of, cached, snapshot
from ..schemas import (
    LocalityAnswer,
    LocalityNode,
    LocalityTree,
    Service,
    ServicesAnswer,
    VenueBody,
)
from ..snapshot import CachedBody
from .params import LocalityPath, need_locality, problems

router = APIRouter(tags=["localities"])


@router.get("/localities", response_model=LocalityTree, summary="The locality tree")
async def get_tree(request: Request) -> Response:
    """Every locality from the county down to village groups, nested."""
    snap = snapshot(request)

    def make() -> CachedBody:
        bundle = snap.bundle
        roots = [node(bundle, c) for c in bundle.roots()]
        return cached(body_of(LocalityTree(revision=snap.revision, roots=roots)))

    return await answer(request, snap, make)


def node(bundle: Bundle, code: str) -> LocalityNode:
    loc = bundle.locality(code)
    kids = [node(bundle, c) for c in bundle.children.get(code, ())]
    return LocalityNode(code=code, name=loc.name, level=loc.level, children=kids)


@router.get(
    "/localities/{locality}",
    response_model=LocalityAnswer,
    responses=problems("unknown-locality"),
    summary="One locality: its chain, children and venues",
)
async def get_locality(request: Request, code: LocalityPath) -> Response:
    snap = snapshot(request)

    def make() -> CachedBody:
        bundle = snap.bundle
        need_locality(bundle, code)
        loc = bundle.locality(code)
        own = [VenueBody(**venue(bundle, v.id)) for v in loc.venues]
        shared = VenueBody(**venue(bundle, loc.served_by)) if loc.served_by else None
        return cached(
            body_of(
                LocalityAnswer(
                    revision=snap.revision,
                    code=code,
                    name=loc.name,
                    level=loc.level,
                    parent=bundle.parent(code),
                    chain=[place(bundle, c) for c in bundle.chain(code)],
                    children=[place(bundle, c) for c in bundle.children.get(code, ())],
                    venues=own,
                    served_by=shared,
                )
            )
        )

    return await answer(request, snap, make)


@router.get(
    "/localities/{locality}/services",
    response_model=ServicesAnswer,
    responses=problems("unknown-locality"),
    summary="What residents can do, and where the first step is taken",
)
async def get_services(
    request: Request,
    code: LocalityPath,
    within_: Annotated[
        Literal["village", "town", "anywhere"],
        Query(
            alias="within",
            description="only what can be done without leaving the village (or the town)",
        ),
    ] = "anywhere",
) -> Response:
    """Every matter offered to residents of the locality with its first stop (proxy
    service included) and where it is decided; `within=village` keeps those a
    resident can start without leaving the village (or the station it shares)."""
    snap = snapshot(request)

    def make() -> CachedBody:
        bundle = snap.bundle
        need_locality(bundle, code)
        if within_ == "anywhere":
            chain = bundle.chain(code)
            routes = [
                route(bundle, m, code)
                for m, e in sorted(bundle.matters.items())
                if e.locality in chain
            ]
        else:
            routes = within(bundle, code, within_)
        items = []
        for r in routes:
            first = hop(bundle, r.hops[0])
            items.append(
                Service(
                    matter=r.matter,
                    matter_name=r.matter_name,
                    theme=bundle.matter(r.matter).theme,
                    handling_kind=r.handling_kind,
                    first_level=first.level,
                    first_stop=first,
                    decided_at=hop(bundle, r.decided_at),
                )
            )
        return cached(
            body_of(
                ServicesAnswer(
                    revision=snap.revision,
                    locality=code,
                    locality_name=bundle.locality(code).name,
                    within=within_,
                    total=len(items),
                    items=items,
                )
            )
        )

    return await answer(request, snap, make)
