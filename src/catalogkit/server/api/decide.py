"""POST /v1/decide: the decision on one case, with the trace of where each part came from."""

from __future__ import annotations

import dataclasses
import logging
import uuid
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from ...engine import with_lines
from ...errors import CaseError
from ...model import Case
from ..present import decision
from ..problems import ApiProblem
from ..respond import fresh, snapshot
from ..schemas import DecisionAnswer
from .case_form import invalid_case, notices
from .params import Lang, need_locality, need_matter, problems

router = APIRouter(tags=["decide"])
log = logging.getLogger("catalogkit.server")

EXAMPLE = {
    "matter": "MH-MZ-0001",
    "locality": "339901101202",
    "submitted": "2026-09-24",
    "facts": {
        "household_size": 3,
        "marital_status": "已婚",
        "has_disabled_member": False,
        "has_student": False,
        "major_illness": False,
        "monthly_income": 800,
    },
    "materials": ["最低生活保障申请书", "家庭成员居民身份证"],
}


def json_body(request: Request) -> None:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json" and not kind.endswith("+json"):
        raise ApiProblem(
            "unsupported-media-type",
            f"send the case as application/json (got {kind or 'no Content-Type'})",
            f"请以 application/json 提交申请信息（收到的是 {kind or '无 Content-Type'}）",
        )


@router.post(
    "/decide",
    response_model=DecisionAnswer,
    responses=problems(
        "invalid-json",
        "unsupported-media-type",
        "body-too-large",
        "unknown-matter",
        "unknown-locality",
        "invalid-case",
        "no-calendar",
    ),
    dependencies=[Depends(json_body)],
    summary="Decide a case",
)
async def post_decide(
    request: Request,
    case: Annotated[Case, Body(examples=[EXAMPLE])],
    trace: Annotated[bool, Query(description="give file:line for each YAML source")] = True,
    lang: Lang = "zh",
) -> Response:
    """Accept, accept once the listed materials arrive (all at once), forward, refuse
    with reasons, or undetermined with the facts still needed; fees, due dates, and
    the revision and plugin versions that produced the answer."""
    snap = snapshot(request)

    def work() -> bytes:
        bundle = snap.bundle
        asked = case.model_copy(update={"matter": need_matter(bundle, case.matter)})
        need_locality(bundle, asked.locality)
        try:
            found = snap.engine.decide(asked)
        except CaseError as exc:  # the engine's one check of the facts, said per field
            raise invalid_case(exc.findings) from None
        if trace:  # lines only from files that are still the version decided on
            lines = with_lines(bundle.root, found.trace, dict(bundle.files))
            found = dataclasses.replace(found, trace=lines)
        decision_id = uuid.uuid4().hex
        log.info(
            "decision %s: %s for %s: %s (revision %s)",
            decision_id,
            asked.matter,
            asked.locality,
            found.outcome,
            snap.revision,
        )
        body = decision(bundle, found, lang, decision_id, notices(snap.engine, asked))
        return body.model_dump_json(by_alias=True).encode()

    return fresh(snap, await run_in_threadpool(work))
