"""/v1/cases over HTTP on both backends: tokens per venue and role, idempotent
registration, 409 with the current state, 422 naming the field, residents reading their
own case, cursors, and 503 with Retry-After while the catalog API keeps answering."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from catalogkit.ledger import Ledger
from tests.ledger.helpers import FACTS, ID_NUMBER, PHONE

NEW = {
    "matter": "MH-MZ-0001",
    "locality": "339901101202",
    "venue": "qingxi-center",
    "applicant": {"name": "张三", "idNumber": ID_NUMBER, "phone": PHONE},
    "facts": FACTS,
    "materials": ["最低生活保障申请书", "家庭成员居民身份证"],
    "staff": "qx-window-01",
    "on": "2026-09-24",
}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def register(client: TestClient, token: str, **changes: Any) -> dict[str, Any]:
    answer = client.post("/v1/cases", json={**NEW, **changes}, headers=bearer(token))
    assert answer.status_code == 201, answer.text
    body: dict[str, Any] = answer.json()
    return body


def test_register_accept_and_conflicts(client: TestClient, ledger: Ledger) -> None:
    staff = ledger.make_token("staff", "qingxi-center", "339901", "窗口")
    headers = {**bearer(staff), "Idempotency-Key": "req-1"}
    first = client.post("/v1/cases", json=NEW, headers=headers)
    assert first.status_code == 201, first.text
    number = first.json()["caseNo"]
    assert first.headers["Location"] == f"/v1/cases/{number}"
    again = client.post("/v1/cases", json=NEW, headers=headers)
    assert (again.status_code, again.json()["caseNo"]) == (200, number)
    assert PHONE not in first.text and ID_NUMBER not in first.text
    url = f"/v1/cases/{number}/events"
    accepted = client.post(
        url,
        json={"kind": "accept", "version": 1, "staff": "qx-01", "on": "2026-09-24"},
        headers=bearer(staff),
    )
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["due"] == {
        "promised": "2026-10-29",
        "statutory": "2026-11-12",
        "note": None,
    }
    stale = client.post(
        url,
        json={"kind": "conclude", "version": 1, "staff": "qx-01", "result": "准予"},
        headers=bearer(staff),
    )
    assert stale.status_code == 409
    assert stale.headers["content-type"] == "application/problem+json"
    assert stale.json()["code"] == "case-conflict"
    assert stale.json()["errors"][0]["found"] == "accepted"
    refused = client.post(
        url, json={"kind": "deliver", "version": 2, "staff": "qx-01"}, headers=bearer(staff)
    )
    assert refused.status_code == 409 and "已受理" in refused.json()["detailZh"]
    shown = client.get(f"/v1/cases/{number}", headers=bearer(staff)).json()
    assert [e["kind"] for e in shown["timeline"]] == ["apply", "accept"]
    assert shown["decision"]["revision"] == shown["revision"]
    assert shown["next"]["by"] == "2026-10-29"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "refuse", "version": 1, "staff": "s"}, "body.reasons"),
        ({"kind": "approve", "version": 1, "staff": "s"}, "body.kind"),
        ({"kind": "rate", "version": 1, "staff": "s", "score": 9}, "body.score"),
        ({"kind": "precheck", "staff": "s"}, "body.version"),
    ],
)
def test_bad_events_are_422_naming_the_field(
    client: TestClient, ledger: Ledger, body: dict[str, Any], field: str
) -> None:
    staff = ledger.make_token("staff", "qingxi-center", "339901", "窗口")
    number = register(client, staff)["caseNo"]
    answer = client.post(f"/v1/cases/{number}/events", json=body, headers=bearer(staff))
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["location"] == field


def test_unknown_codes_in_a_new_case_are_422(client: TestClient, ledger: Ledger) -> None:
    staff = ledger.make_token("staff", "qingxi-center", "339901", "窗口")
    answer = client.post("/v1/cases", json={**NEW, "matter": "MH-NO-9999"}, headers=bearer(staff))
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["location"] == "body.matter"


def test_tokens_per_venue_and_role(client: TestClient, ledger: Ledger) -> None:
    staff = ledger.make_token("staff", "qingxi-center", "339901", "清溪窗口")
    other = ledger.make_token("staff", "minghu-hall", "339901", "县大厅窗口")
    boss = ledger.make_token("supervisor", None, "339901", "县督查")
    elsewhere = ledger.make_token("supervisor", None, "339902", "邻县督查")
    assert client.post("/v1/cases", json=NEW).status_code == 401
    assert client.post("/v1/cases", json=NEW, headers=bearer("ckl_x_y")).status_code == 401
    assert client.post("/v1/cases", json=NEW, headers=bearer(other)).status_code == 403
    assert client.post("/v1/cases", json=NEW, headers=bearer(boss)).status_code == 403
    number = register(client, staff)["caseNo"]
    event = {"kind": "precheck", "version": 1, "staff": "x"}
    url = f"/v1/cases/{number}"
    assert client.post(url + "/events", json=event, headers=bearer(other)).status_code == 403
    assert client.get(url, headers=bearer(boss)).status_code == 200
    assert client.get(url, headers=bearer(elsewhere)).status_code == 403
    assert client.get(url, headers=bearer(other)).status_code == 403
    assert client.get("/v1/cases", headers=bearer(other)).json()["cases"] == []
    assert len(client.get("/v1/cases", headers=bearer(boss)).json()["cases"]) == 1
    assert client.get("/v1/cases", headers=bearer(elsewhere)).json()["cases"] == []
    ledger.revoke_token(ledger.token(staff).id)  # type: ignore[union-attr]
    assert client.post(url + "/events", json=event, headers=bearer(staff)).status_code == 401


def test_a_resident_reads_their_own_case(client: TestClient, ledger: Ledger) -> None:
    staff = ledger.make_token("staff", "qingxi-center", "339901", "窗口")
    number = register(client, staff)["caseNo"]
    url = f"/v1/cases/{number}"
    assert client.get(url).status_code == 401
    mine = client.get(url, headers={"Phone-Last4": PHONE[-4:]})
    assert mine.status_code == 200
    body = mine.json()
    assert body["applicant"]["name"] == "张*"
    assert all(e["staff"] is None and e["actor"] is None for e in body["timeline"])
    assert body["allowedNext"] == [] and body.get("decision") is None
    assert client.get(url, headers={"Phone-Last4": "0000"}).status_code == 401
    missing = client.get("/v1/cases/33990120260924999999", headers={"Phone-Last4": "5678"})
    assert missing.status_code == 401  # the same answer: no way to probe for numbers


def test_lists_page_by_cursor(client: TestClient, ledger: Ledger) -> None:
    staff = ledger.make_token("staff", "qingxi-center", "339901", "窗口")
    made = {register(client, staff, on=f"2026-09-2{d}")["caseNo"] for d in range(1, 6)}
    seen: list[str] = []
    query: dict[str, Any] = {"limit": 2}
    while True:
        page = client.get("/v1/cases", params=query, headers=bearer(staff)).json()
        seen += [c["caseNo"] for c in page["cases"]]
        if page["next"] is None:
            break
        query["cursor"] = page["next"]
    assert len(seen) == 5 and set(seen) == made
    some = client.get(
        "/v1/cases",
        params={"from": "2026-09-22", "to": "2026-09-23", "state": ["applied"]},
        headers=bearer(staff),
    )
    assert len(some.json()["cases"]) == 2
    bad = client.get("/v1/cases", params={"cursor": "zz"}, headers=bearer(staff))
    assert bad.status_code == 422 and bad.json()["errors"][0]["location"] == "query.cursor"


def test_a_database_that_is_down_is_503_and_the_catalog_still_answers(
    app: FastAPI, ledger_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    down = (
        "sqlite:////proc/no-such-folder/ledger.sqlite"
        if ledger_url.startswith("sqlite")
        else ledger_url.replace("?host=", "?host=/nonexistent")
    )
    monkeypatch.setenv("CATALOGKIT_DATABASE_URL", down)
    app.state.ledger = None
    with TestClient(app) as client:
        answer = client.post("/v1/cases", json=NEW, headers=bearer("ckl_a_b"))
        assert answer.status_code == 503
        assert answer.headers["Retry-After"] == "5"
        assert answer.json()["code"] == "ledger-unavailable"
        assert client.get("/v1/matters/MH-MZ-0001").status_code == 200
