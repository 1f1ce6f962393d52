"""The ledger's pages: 「办件进度查询」 for residents (case number and the phone's last
four digits), today's cases of one venue for window staff (with their token), and the
printable notices of a case (受理通知书, 一次性告知书, 不予受理通知书, 代办事项承办单,
办结通知), all made from the events, the notices from the decision stored at 受理.

Forms are posted, so neither digits nor tokens end up in addresses or logs; answers are
never kept (no-store)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from ...ledger import OPEN, Filters, Ledger, LedgerError
from ...ledger.days import today
from ...ledger.numbers import looks_like_case_number
from ...ledger.reader_views import case_view
from ...ledger.tokens import Token
from ..respond import snapshot
from ..shared import SECURITY, ledger_of
from .notices import NOTICES, available, notice_context
from .site import HTML, render

router = APIRouter()
MISS = "没有找到办件编号与联系电话后四位都相符的办件，请核对后重试。"
DOWN = "办件查询暂时不可用，请稍后再试，或拨打窗口电话咨询。"


async def form(request: Request) -> dict[str, str]:
    body = (await request.body())[:8192].decode("utf-8", "replace")
    return {k: v[0].strip() for k, v in parse_qs(body).items()}


def html(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    text = render(snapshot(request), template, context)
    headers = {**SECURITY, "Cache-Control": "no-store"}
    return Response(text, status_code=status, media_type=HTML, headers=headers)


@router.get("/cases/progress")
async def progress_form(request: Request) -> Response:
    return html(request, "cases_progress.j2", {"case": None, "error": None, "no": ""})


@router.post("/cases/progress")
async def progress(request: Request) -> Response:
    fields = await form(request)
    number, digits = fields.get("no", ""), fields.get("phone4", "")
    found = await _resident_case(request, number, digits)
    if isinstance(found, Response):
        return found
    record, events = found
    view = case_view(record, events, "resident", today())
    notices = available(events)
    context = {"case": view, "error": None, "no": number, "phone4": digits, "notices": notices}
    return html(request, "cases_progress.j2", context)


async def _resident_case(
    request: Request, number: str, digits: str
) -> tuple[dict[str, Any], list[Any]] | Response:
    def miss(status: int = 404, why: str = MISS) -> Response:
        context = {"case": None, "error": why, "no": number[:40]}
        return html(request, "cases_progress.j2", context, status)

    if not looks_like_case_number(number) or not (len(digits) == 4 and digits.isdigit()):
        return miss(422, "请输入完整的办件编号（20 位数字）和联系电话后四位。")

    def work() -> tuple[dict[str, Any], list[Any]] | None:
        ledger = ledger_of(request)
        record = ledger.get(number)
        if record["applicant"]["phoneLast4"] != digits:
            return None
        return record, ledger.timeline(number)

    try:
        found = await run_in_threadpool(work)
    except LedgerError as exc:
        return miss(503, DOWN) if _down(exc) else miss()
    return miss() if found is None else found


def _down(exc: LedgerError) -> bool:
    from ...ledger import LedgerUnavailable

    return isinstance(exc, LedgerUnavailable)


@router.get("/cases/today")
async def today_form(request: Request) -> Response:
    return html(request, "cases_today.j2", {"error": None, "cases": None})


@router.post("/cases/today")
async def today_cases(request: Request) -> Response:
    fields = await form(request)
    secret = fields.get("token", "")

    def work() -> tuple[Token | None, list[dict[str, Any]]]:
        ledger = ledger_of(request)
        token = ledger.token(secret) if secret else None
        if token is None or token.role != "staff":
            return None, []
        return token, _today_of(ledger, token)

    try:
        token, cases = await run_in_threadpool(work)
    except LedgerError:
        return html(request, "cases_today.j2", {"error": DOWN, "cases": None}, 503)
    if token is None:
        why = "令牌无效或已吊销，请向管理员申领窗口人员令牌。"
        return html(request, "cases_today.j2", {"error": why, "cases": None}, 401)
    bundle = snapshot(request).bundle
    owned = bundle.venues.get(token.venue or "")
    venue = owned.item.name if owned is not None else token.venue
    context = {"error": None, "cases": cases, "venue": venue, "token": secret, "day": today()}
    return html(request, "cases_today.j2", context)


def _today_of(ledger: Ledger, token: Token) -> list[dict[str, Any]]:
    """Open cases the venue registered or holds, and today's finished ones, with their
    notices; the most urgent (earliest promised date) first."""
    day = today()
    open_, _ = ledger.find(Filters(venue=token.venue, states=OPEN), None, 500)
    done, _ = ledger.find(Filters(venue=token.venue, since=day), None, 500)
    seen: dict[str, dict[str, Any]] = {r["caseNo"]: r for r in [*open_, *done]}
    out = []
    for record in seen.values():
        view = case_view(record, None, "staff", day)
        view["notices"] = available(ledger.timeline(record["caseNo"]))
        out.append(view)
    return sorted(out, key=lambda v: (v["due"]["promised"] or "9999", v["caseNo"]))


@router.post("/cases/notice")
async def notice(request: Request) -> Response:
    """One printable notice of a case, for its applicant (case number and digits) or for
    window staff (their token)."""
    fields = await form(request)
    number, kind = fields.get("no", ""), fields.get("kind", "")
    seq = int(fields["seq"]) if fields.get("seq", "").isdigit() else 0
    if kind not in NOTICES:
        return html(
            request, "cases_progress.j2", {"case": None, "error": "没有这种通知书。", "no": ""}, 404
        )
    if fields.get("token"):
        found = await _staff_case(request, number, fields["token"])
    else:
        found = await _resident_notice_case(request, number, fields.get("phone4", ""))
    if isinstance(found, Response):
        return found
    record, events, audience = found
    context = notice_context(snapshot(request).bundle, record, events, kind, seq, audience)
    if context is None:
        why = "该办件还没有这份通知书。"
        return html(request, "cases_progress.j2", {"case": None, "error": why, "no": ""}, 404)
    return html(request, "notice.j2", context)


async def _staff_case(request: Request, number: str, secret: str) -> Any:
    def work() -> Any:
        ledger = ledger_of(request)
        token = ledger.token(secret)
        if token is None or not looks_like_case_number(number):
            return None
        record = ledger.get(number)
        return (record, ledger.timeline(number), "staff") if token.may_read(record) else None

    try:
        found = await run_in_threadpool(work)
    except LedgerError:
        found = None
    if found is None:
        why = "令牌无效，或无权查看该办件。"
        return html(request, "cases_today.j2", {"error": why, "cases": None}, 403)
    return found


async def _resident_notice_case(request: Request, number: str, digits: str) -> Any:
    found = await _resident_case(request, number, digits)
    return found if isinstance(found, Response) else (*found, "resident")
