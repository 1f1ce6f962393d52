"""Complaints (投诉) on both backends: a case of their own kind about a case or a venue,
with its own limit and due date, answered in writing to close; over HTTP and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from catalogkit.cli.main import cli
from catalogkit.engine import Engine
from catalogkit.ledger import Conflict, InvalidInput, Ledger, UnknownCase
from catalogkit.ledger.complaint_cases import NewComplaint, file
from tests.conftest import DEMO
from tests.ledger.helpers import PHONE, event, new_case

TODAY = dt.date(2026, 12, 1)


def complaint(**changes: Any) -> NewComplaint:
    body = {
        "venue": "minghu-hall",
        "complainant": {"name": "李四", "phone": PHONE},
        "channel": "phone",
        "summary": "窗口人员态度生硬，材料一次没说清",
        "staff": "mh-desk-01",
        "on": "2026-10-12",
        **changes,
    }
    return NewComplaint.model_validate(body)


def test_a_complaint_about_a_case(ledger: Ledger, engine: Engine) -> None:
    case = ledger.create(new_case(), engine, actor="t", today=TODAY)[0]
    record, created = file(ledger, complaint(aboutCase=case["caseNo"]), engine, actor="t",
                           key="k1", today=TODAY)  # fmt: skip
    assert created and record["caseKind"] == "complaint" and record["matter"] == "complaint"
    assert record["about"]["caseNo"] == case["caseNo"]
    assert (record["venue"], record["holder"]) == ("minghu-hall", "qingxi-center")
    assert record["applicant"]["phoneMasked"] == "138****5678"
    assert "idHash" not in json.dumps(record["about"])
    assert record["acceptedOn"] == "2026-10-12" and record["due"]["promised"] == "2026-11-02"
    again, created_again = file(ledger, complaint(aboutCase=case["caseNo"]), engine, actor="t",
                                key="k1", today=TODAY)  # fmt: skip
    assert not created_again and again["caseNo"] == record["caseNo"]
    number = record["caseNo"]
    with pytest.raises(Conflict):
        ledger.append(number, event("conclude", 2, result="准予"), engine, actor="t", today=TODAY)
    closed = ledger.append(number, event("reply", 2, reply="已核实并批评教育，向投诉人致歉"),
                           engine, actor="t", today=TODAY)  # fmt: skip
    assert closed["state"] == "concluded" and closed["reply"].startswith("已核实")
    assert ledger.rebuild()[0] == 2 and ledger.get(number) == closed


def test_a_complaint_about_a_venue_and_bad_ones(ledger: Ledger, engine: Engine) -> None:
    record, _ = file(ledger, complaint(aboutVenue="baisha-station"), engine, actor="t",
                     today=TODAY)  # fmt: skip
    assert record["holder"] == "baisha-station" and record["about"]["venue"] == "baisha-station"
    with pytest.raises(InvalidInput):
        file(ledger, complaint(), engine, actor="t", today=TODAY)
    with pytest.raises(InvalidInput):
        file(ledger, complaint(aboutVenue="nowhere"), engine, actor="t", today=TODAY)
    with pytest.raises(UnknownCase):
        file(ledger, complaint(aboutCase="33990120260101999999"), engine, actor="t", today=TODAY)


def test_complaints_over_http(client: TestClient, ledger: Ledger) -> None:
    desk = {"Authorization": "Bearer " + ledger.make_token("staff", "minghu-hall", None, "投诉")}
    station = {
        "Authorization": "Bearer " + ledger.make_token("staff", "baisha-station", None, "站")
    }
    body = complaint(aboutVenue="baisha-station").model_dump(mode="json", by_alias=True)
    assert client.post("/v1/complaints", json=body, headers=station).status_code == 403
    answer = client.post("/v1/complaints", json=body, headers={**desk, "Idempotency-Key": "c1"})
    assert answer.status_code == 201, answer.text
    number = answer.json()["caseNo"]
    assert answer.json()["caseKind"] == "complaint" and "reply" in answer.json()["allowedNext"]
    assert client.post("/v1/complaints", json=body, headers={**desk, "Idempotency-Key": "c1"}
                       ).status_code == 200  # fmt: skip
    reply = {"kind": "reply", "version": 2, "staff": "bs-01", "reply": "已整改"}
    replied = client.post(f"/v1/cases/{number}/events", json=reply, headers=station)
    assert replied.status_code == 201, replied.text
    bad = client.post("/v1/complaints", json={**body, "aboutVenue": None}, headers=desk)
    assert bad.status_code == 422


def test_complaints_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    source = tmp_path / "complaint.json"
    body = complaint(aboutVenue="baisha-station").model_dump(mode="json", by_alias=True)
    source.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    args = ["cases", "-c", str(DEMO), "--database-url", url, "complain", str(source)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["caseKind"] == "complaint"
    source.write_text("{}", encoding="utf-8")
    broken = CliRunner().invoke(cli, args)
    assert broken.exit_code == 1 and "Traceback" not in broken.output
