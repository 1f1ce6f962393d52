"""GET /v1/matters (search and filters, paginated) and GET /v1/matters/{matter}."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ...model import HandlingKind, Matter, MatterType, unknown_fields
from ..problems import ApiProblem
from ..respond import answer, body_of, cached, snapshot
from ..schemas import MatterAnswer, MatterPage, MatterSummary
from ..shared import CODE_PATTERN
from ..snapshot import CachedBody, Snapshot
from ..snapshot_finder import MatterIndex, index_of
from .params import MatterCode, need_locality, need_matter, problems

router = APIRouter(tags=["matters"])


@router.get(
    "/matters",
    response_model=MatterPage,
    responses=problems("unknown-locality", "unknown-department"),
    summary="List and search matters",
)
async def list_matters(
    request: Request,
    q: Annotated[
        str | None,
        Query(max_length=100, description="what the resident says, as GET /v1/search takes it"),
    ] = None,
    locality: Annotated[
        str | None,
        Query(
            pattern=CODE_PATTERN,
            max_length=64,
            description="only matters offered to residents of this locality",
        ),
    ] = None,
    tier: Annotated[
        Literal["county", "town", "village", "group"] | None,
        Query(description="level that decides it (for residents of `locality` when given)"),
    ] = None,
    department: Annotated[str | None, Query(max_length=64, description="department id")] = None,
    type: Annotated[MatterType | None, Query(description="事项类型")] = None,
    online: Annotated[bool | None, Query(description="can be done online")] = None,
    kind: Annotated[HandlingKind | None, Query(description="办件类型")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per_page: Annotated[int, Query(alias="perPage", ge=1, le=100)] = 20,
) -> Response:
    """Matters matching every filter given, best search match first (else by code);
    `q` is searched as `GET /v1/search` does."""
    snap = snapshot(request)

    def make() -> CachedBody:
        bundle = snap.bundle
        if locality is not None:
            need_locality(bundle, locality)
        if department is not None and department not in bundle.departments:
            raise ApiProblem(
                "unknown-department",
                f"there is no department {department!r}; departments are: "
                + ", ".join(sorted(bundle.departments)),
                f"目录中没有部门标识 {department}",
            )
        index = index_of(snap)
        codes = index.find(q) if q and q.strip() else sorted(bundle.matters)
        chosen = []
        for code in codes:
            m = bundle.matters[code].matter
            if locality is not None and not bundle.offers(code, locality):
                continue
            if department is not None and index.department(code, locality) != department:
                continue
            if type is not None and m.type != type:
                continue
            if kind is not None and m.handling_kind != kind:
                continue
            if online is not None and (m.online is None or m.online.available != online):
                continue
            if tier is not None and index.tier(code, locality) != tier:
                continue
            chosen.append(code)
        start = (page - 1) * per_page
        items = [summary(snap, index, c, locality) for c in chosen[start : start + per_page]]
        return cached(
            body_of(
                MatterPage(
                    revision=snap.revision,
                    total=len(chosen),
                    page=page,
                    per_page=per_page,
                    items=items,
                )
            )
        )

    return await answer(request, snap, make)


def matter_body(m: Matter) -> dict[str, Any]:
    """The matter as written, with every field not known yet present as null."""
    body = m.model_dump(mode="json", by_alias=True, exclude_none=True)
    return body | dict.fromkeys(unknown_fields(m))


def summary(snap: Snapshot, index: MatterIndex, code: str, locality: str | None) -> MatterSummary:
    bundle = snap.bundle
    entry = bundle.matters[code]
    m = entry.matter
    body = index.department(code, locality)
    return MatterSummary(
        code=code,
        name=m.name,
        aliases=list(m.aliases),
        theme=m.theme,
        type=m.type,
        handling_kind=m.handling_kind,
        department=body,
        department_name=bundle.departments[body].item.name,
        defined_by=entry.locality,
        tier=index.tier(code, locality),
        online=m.online.available if m.online else None,
        unknown=unknown_fields(m),
    )


@router.get(
    "/matters/{matter}",
    response_model=MatterAnswer,
    responses=problems("unknown-matter"),
    summary="One matter as its defining locality publishes it",
)
async def get_matter(request: Request, matter: MatterCode) -> Response:
    """Every national element the catalog holds for the matter, keys as in the YAML."""
    snap = snapshot(request)

    def make() -> CachedBody:
        bundle = snap.bundle
        code = need_matter(bundle, matter)  # 实施编码 and basic code alike
        entry = bundle.matters[code]
        return cached(
            body_of(
                MatterAnswer(
                    revision=snap.revision,
                    code=code,
                    implementation_code=bundle.implementation_code(code),
                    defined_by=entry.locality,
                    matter=matter_body(entry.matter),
                    unknown=unknown_fields(entry.matter),
                )
            )
        )

    return await answer(request, snap, make)
