"""GET /v1/matters/{matter}/guide: the effective 办事指南 at a locality."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ...guide import build_guide, render
from ...guide.render import csp_hashes
from ..present import camel_keys
from ..respond import answer, body_of, cached, snapshot
from ..schemas import GuideAnswer
from ..shared import SECURITY
from ..snapshot import CachedBody
from .params import Lang, LocalityQuery, MatterCode, need_offered, problems

router = APIRouter(tags=["guides"])

MEDIA = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}


@router.get(
    "/matters/{matter}/guide",
    response_model=GuideAnswer,
    responses={
        **problems("unknown-matter", "unknown-locality", "not-served"),
        200: {
            "content": {
                "application/json": {},
                "text/markdown": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
            },
            "description": "the guide as JSON, Markdown or print-ready HTML",
        },
    },
    summary="The service guide (办事指南) of a matter for residents of a locality",
)
async def get_guide(
    request: Request,
    matter: MatterCode,
    locality: LocalityQuery,
    format: Annotated[Literal["json", "md", "html"], Query(description="json, md or html")] = (
        "json"
    ),
    lang: Lang = "zh",
) -> Response:
    """The county's definition after the claims, rules and plugins that apply at the
    locality: materials in plain words, fees, limits, the venue chain and contacts."""
    snap = snapshot(request)

    def make() -> CachedBody:
        code = need_offered(snap.bundle, matter, locality)  # 实施编码 and basic code alike
        guide = build_guide(snap.engine, code, locality, lang)
        if format == "json":
            return cached(
                body_of(
                    GuideAnswer(
                        revision=snap.revision,
                        matter=code,
                        locality=locality,
                        guide=camel_keys(guide.as_dict()),
                    )
                )
            )
        return cached(render(guide, format, lang).encode(), MEDIA[format])

    response = await answer(request, snap, make)
    if format == "html":  # a page a browser may open: the pages' CSP applies
        response.headers.update(SECURITY)
        # ... and the guide's own stylesheet and print script, allowed by their hashes
        style, script = csp_hashes()
        policy = SECURITY["Content-Security-Policy"]
        policy = policy.replace("style-src 'self'", f"style-src 'self' {style}")
        policy = policy.replace("script-src 'self'", f"script-src 'self' {script}")
        response.headers["Content-Security-Policy"] = policy
    return response
