"""The ledger's pages: a resident's 「办件进度查询」, today's cases of a venue, and the
printable notices made from the stored decision (on both backends)."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from catalogkit.engine import Engine
from catalogkit.ledger import Ledger
from tests.ledger.helpers import PHONE, event, new_case

TODAY = dt.date(2026, 12, 1)


def lived(ledger: Ledger, engine: Engine) -> str:
    """A case accepted, paused for 补正, completed, forwarded and concluded."""
    number: str = ledger.create(new_case(), engine, actor="t", today=TODAY)[0]["caseNo"]
    steps = [
        ("accept", {"on": "2026-09-24"}),
        ("notify-correction", {"on": "2026-10-09", "materials": ["收入证明"]}),
        ("complete-correction", {"on": "2026-10-12"}),
        ("forward", {"on": "2026-10-13", "toVenue": "minghu-hall"}),
    ]
    for version, (kind, fields) in enumerate(steps, 1):
        ledger.append(number, event(kind, version, **fields), engine, actor="t", today=TODAY)
    return number


def test_a_resident_follows_their_case(client: TestClient, ledger: Ledger, engine: Engine) -> None:
    number = lived(ledger, engine)
    form = client.get("/cases/progress")
    assert form.status_code == 200 and "办件进度查询" in form.text
    assert "default-src 'none'" in form.headers["Content-Security-Policy"]
    page = client.post("/cases/progress", data={"no": number, "phone4": PHONE[-4:]})
    assert page.status_code == 200, page.text
    text = page.text
    assert "承诺于 2026-11-09 前办结" in text  # 补正 restarted the clock on 10-12
    assert "请补正 收入证明" in text and "转报" in text
    assert "张*" in text and "qx-01" not in text and PHONE not in text
    assert page.headers["Cache-Control"] == "no-store"
    wrong = client.post("/cases/progress", data={"no": number, "phone4": "0000"})
    assert wrong.status_code == 404 and "核对" in wrong.text
    assert client.post("/cases/progress", data={"no": "12", "phone4": "x"}).status_code == 422


def test_notices_come_from_the_stored_decision(
    client: TestClient, ledger: Ledger, engine: Engine
) -> None:
    number = lived(ledger, engine)
    ask = {"no": number, "phone4": PHONE[-4:]}
    accepted = client.post("/cases/notice", data={**ask, "kind": "accept"})
    assert accepted.status_code == 200
    assert "受理通知书" in accepted.text and "2026-10-29" in accepted.text
    told = client.post("/cases/notice", data={**ask, "kind": "correction"})
    assert "一次性告知书" in told.text and "收入证明" in told.text
    proxy = client.post("/cases/notice", data={**ask, "kind": "proxy", "seq": "5"})
    assert "代办事项承办单" in proxy.text and f"{number}-5" in proxy.text
    assert client.post("/cases/notice", data={**ask, "kind": "conclude"}).status_code == 404
    assert client.post("/cases/notice", data={**ask, "kind": "other"}).status_code == 404
    refused_no = ledger.create(new_case(), engine, actor="t", today=TODAY)[0]["caseNo"]
    reasons = ["申请人户籍不在本县"]
    ledger.append(refused_no, event("refuse", 1, reasons=reasons), engine, actor="t", today=TODAY)
    refused = client.post(
        "/cases/notice", data={"no": refused_no, "phone4": PHONE[-4:], "kind": "refuse"}
    )
    assert "不予受理通知书" in refused.text and reasons[0] in refused.text
    assert "行政复议" in refused.text


def test_window_staff_see_todays_cases(client: TestClient, ledger: Ledger, engine: Engine) -> None:
    number = lived(ledger, engine)
    token = ledger.make_token("staff", "qingxi-center", "339901", "窗口")
    assert client.get("/cases/today").status_code == 200
    page = client.post("/cases/today", data={"token": token})
    assert page.status_code == 200, page.text
    assert number in page.text and "张三" in page.text and "清溪" in page.text
    notice = client.post("/cases/notice", data={"no": number, "token": token, "kind": "accept"})
    assert "张三" in notice.text
    assert client.post("/cases/today", data={"token": "ckl_x_y"}).status_code == 401
