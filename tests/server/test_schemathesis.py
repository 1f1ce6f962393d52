"""Schemathesis against the published OpenAPI (/v1/openapi.json), in-process.

Every operation gets generated requests, valid and invalid (bounded and derandomized
so that CI is repeatable and quick), and every answer is checked against the schema:
never a 5xx, only documented status codes, content types, headers and bodies, and
invalid data refused. Generated codes almost never exist, so a second table sends
known-good requests on the demo county through the same checks: that is what puts
the 200 answers' schemas to the test."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import settings
from schemathesis.checks import not_a_server_error

from catalogkit.server import ServeConfig, create_app
from tests.conftest import DEMO
from tests.server.cases import complete_case
from tests.server.ledger_cases import NEW_CASE, ledger_for

ADMIN_TOKEN = "schemathesis-admin-token"

# Built once, at collection: generated tests need the schema before fixtures exist.
# cache=False keeps the compiled cache out of the user's folders (the autouse
# private-cache fixture is not active yet at import time).
APP = create_app(ServeConfig(DEMO, watch=False, cache=False, admin_token=ADMIN_TOKEN))
schema = schemathesis.openapi.from_asgi("/v1/openapi.json", APP)
LEDGER, STAFF, CASE_NO = ledger_for(APP)
SUPERVISOR = LEDGER.make_token("supervisor", None, "339901", "schema tests")
COMPLAINT = {
    "venue": "qingxi-center",
    "aboutVenue": "baisha-station",
    "complainant": {"name": "李四", "phone": "13812345678"},
    "summary": "窗口无人",
    "staff": "qx-01",
}
BOSS_HEADERS = {"Authorization": f"Bearer {LEDGER.make_token('supervisor', None, '339901', 'sv')}"}
OCTOBER = {"from": "2026-10-01", "to": "2026-10-31"}

# Every built-in check is on; the list is here to say so (and a test keeps the 5xx one).
EXCLUDED: list[Any] = []


@schema.parametrize()
@settings(max_examples=30, deadline=None, derandomize=True, database=None)
def test_generated_requests_conform(case: schemathesis.Case) -> None:
    """No 5xx, no schema violation, invalid input refused with a documented 4xx."""
    case.call_and_validate(excluded_checks=EXCLUDED)


CASE = complete_case()
GROUP = "339901101202-5"

# (method, path template, path parameters, query, body, headers, status)
KNOWN: list[tuple[str, str, dict[str, str], dict[str, Any], Any, dict[str, str], int]] = [
    ("GET", "/v1/matters", {}, {}, None, {}, 200),
    ("GET", "/v1/matters", {}, {"q": "低保", "locality": GROUP, "tier": "county"}, None, {}, 200),
    ("GET", "/v1/matters", {}, {"kind": "即办件", "online": "true", "perPage": 5}, None, {}, 200),
    ("GET", "/v1/matters", {}, {"locality": "339999"}, None, {}, 404),
    ("GET", "/v1/search", {}, {"q": "办丧事", "locality": GROUP, "limit": 5}, None, {}, 200),
    ("GET", "/v1/search", {}, {"q": "工伤"}, None, {}, 200),
    ("GET", "/v1/search", {}, {"q": "低保", "locality": "339999"}, None, {}, 404),
    ("GET", "/v1/matters/{matter}", {"matter": "MH-MZ-0001"}, {}, None, {}, 200),
    ("GET", "/v1/matters/{matter}", {"matter": "MH-NO-9999"}, {}, None, {}, 404),
    (
        "GET",
        "/v1/matters/{matter}/route",
        {"matter": "MH-MZ-0001"},
        {"locality": GROUP},
        None,
        {},
        200,
    ),
    (
        "GET",
        "/v1/matters/{matter}/route",
        {"matter": "MH-MZ-0006"},
        {"locality": "339901102201", "lang": "en"},
        None,
        {},
        200,
    ),
    (
        "GET",
        "/v1/matters/{matter}/guide",
        {"matter": "MH-MZ-0001"},
        {"locality": GROUP},
        None,
        {},
        200,
    ),
    (
        "GET",
        "/v1/matters/{matter}/guide",
        {"matter": "MH-MZ-0001"},
        {"locality": GROUP, "format": "md"},
        None,
        {},
        200,
    ),
    (
        "GET",
        "/v1/matters/{matter}/guide",
        {"matter": "MH-MZ-0001"},
        {"locality": GROUP, "format": "html", "lang": "en"},
        None,
        {},
        200,
    ),
    ("POST", "/v1/decide", {}, {}, CASE, {}, 200),
    ("POST", "/v1/decide", {}, {"trace": "false"}, {**CASE, "materials": []}, {}, 200),
    ("POST", "/v1/decide", {}, {}, {**CASE, "submitted": "2027-03-01"}, {}, 200),
    ("GET", "/v1/localities", {}, {}, None, {}, 200),
    ("GET", "/v1/localities/{locality}", {"locality": "339901102"}, {}, None, {}, 200),
    ("GET", "/v1/localities/{locality}", {"locality": "339901102201"}, {}, None, {}, 200),
    (
        "GET",
        "/v1/localities/{locality}/services",
        {"locality": GROUP},
        {"within": "village"},
        None,
        {},
        200,
    ),
    ("GET", "/v1/localities/{locality}/services", {"locality": "339901201"}, {}, None, {}, 200),
    ("GET", "/v1/venues/{venue}", {"venue": "qingxi-center"}, {}, None, {}, 200),
    ("GET", "/v1/venues/{venue}", {"venue": "minghu-hall"}, {}, None, {}, 200),
    ("GET", "/v1/bundle", {}, {}, None, {}, 200),
    ("GET", "/v1/health", {}, {}, None, {}, 200),
    ("GET", "/v1/ready", {}, {}, None, {}, 200),
    (
        "POST",
        "/v1/admin/reload",
        {},
        {},
        None,
        {"Authorization": f"Bearer {ADMIN_TOKEN}"},
        200,
    ),
    ("POST", "/v1/admin/reload", {}, {}, None, {"Authorization": "Bearer wrong"}, 401),
    ("POST", "/v1/cases", {}, {}, NEW_CASE, {"Authorization": f"Bearer {STAFF}"}, 201),
    ("POST", "/v1/cases", {}, {}, NEW_CASE, {}, 401),
    (
        "POST",
        "/v1/cases/{caseNo}/events",
        {"caseNo": CASE_NO},
        {},
        {"kind": "precheck", "version": 1, "staff": "qx-01"},
        {"Authorization": f"Bearer {STAFF}"},
        201,
    ),
    ("GET", "/v1/cases/{caseNo}", {"caseNo": CASE_NO}, {}, None, {"Phone-Last4": "5678"}, 200),
    ("GET", "/v1/cases", {}, {"limit": 1}, None, {"Authorization": f"Bearer {STAFF}"}, 200),
    ("POST", "/v1/complaints", {}, {}, COMPLAINT, {"Authorization": f"Bearer {STAFF}"}, 201),
    ("GET", "/v1/follow-ups", {}, {}, None, {"Authorization": f"Bearer {STAFF}"}, 200),
    (
        "GET",
        "/v1/supervision/satisfaction",
        {},
        {"month": "2026-10"},
        None,
        {"Authorization": f"Bearer {SUPERVISOR}"},
        200,
    ),
    ("GET", "/v1/exchange", {}, {"limit": 5}, None, {"Authorization": f"Bearer {SUPERVISOR}"}, 200),
    ("GET", "/v1/supervision/lights", {}, {"limit": 5}, None, BOSS_HEADERS, 200),
    ("GET", "/v1/supervision/lights", {}, {}, None, {}, 401),
    ("GET", "/v1/supervision/rates", {}, OCTOBER, None, BOSS_HEADERS, 200),
    ("GET", "/v1/supervision/rates", {}, OCTOBER, None, {"Authorization": f"Bearer {STAFF}"}, 403),
    ("GET", "/v1/supervision/monthly", {}, {"month": "2026-10"}, None, BOSS_HEADERS, 200),
    ("GET", "/v1/supervision/monthly", {}, {"month": "2026-10"}, None, {}, 401),
]


@pytest.mark.parametrize(
    ("method", "path", "path_parameters", "query", "body", "headers", "status"),
    KNOWN,
    ids=[
        f"{m} {p} {q or ''}{'' if b is None else ' +body'} → {s}" for m, p, _, q, b, _, s in KNOWN
    ],
)
def test_known_requests_conform(
    method: str,
    path: str,
    path_parameters: dict[str, str],
    query: dict[str, Any],
    body: Any,
    headers: dict[str, str],
    status: int,
) -> None:
    """Real codes from the demo county: the 200 answers match their published schemas."""
    operation = schema[path][method]
    extra: dict[str, Any] = {} if body is None else {"body": body, "media_type": "application/json"}
    case = operation.Case(path_parameters=path_parameters, query=query, headers=headers, **extra)
    response = case.call_and_validate(excluded_checks=EXCLUDED)
    assert response.status_code == status, response.text


def test_the_5xx_check_is_never_excluded() -> None:
    assert not_a_server_error not in EXCLUDED


def test_every_operation_is_exercised_with_real_codes() -> None:
    """The known-good table covers every published operation."""
    published = {
        (method.upper(), path)
        for path, item in schema.raw_schema["paths"].items()
        for method in item
    }
    assert published == {(m, p) for m, p, *_ in KNOWN}
