"""The exchange export on both backends: stages pinned by tests/data/ledger/exchange.tsv,
masked personal data, and the cursor: export, append, export since the cursor gives
exactly the new events; over HTTP for supervisors, and from the command line."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from catalogkit.cli.main import cli
from catalogkit.engine import Engine
from catalogkit.ledger import InvalidInput, Ledger
from catalogkit.ledger.exchange_export import COLUMNS, as_csv, page
from tests.conftest import DATA, DEMO
from tests.ledger.helpers import event, new_case

TODAY = dt.date(2026, 12, 1)
ROWS = [
    line.split("\t")
    for line in (DATA / "ledger" / "exchange.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
][1:]


def fields_of(text: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in filter(None, text.split(";")):
        key, value = pair.split("=", 1)
        out[key] = [value] if key == "materials" else value
    return out


def run_case(ledger: Ledger, engine: Engine) -> str:
    number = ledger.create(new_case(), engine, actor="t", today=TODAY)[0]["caseNo"]
    for version, (kind, fields, _, _) in enumerate(ROWS, 1):
        new = event(kind, version, **fields_of(fields))
        ledger.append(number, new, engine, actor="t", today=TODAY)
    return number


def test_stages_fields_and_masking(ledger: Ledger, engine: Engine) -> None:
    number = run_case(ledger, engine)
    records, _ = page(ledger, None)
    mine = [r for r in records if r["caseNo"] == number]
    want = [("application", "")] + [(stage, result) for _, _, stage, result in ROWS if stage != "-"]
    assert [(r["stage"], r["result"] or "") for r in mine] == want
    assert all(r["applicantName"] == "张*" and "*" in r["applicantIdMasked"] for r in mine)
    accepted = mine[1]
    assert accepted["promisedDue"] and accepted["promisedLimit"].endswith("工作日")
    assert mine[2]["procedure"] == "入户调查"
    assert all(r["caseNo"] == number for r in records)  # the rectification is not exported
    table = list(csv.reader(io.StringIO(as_csv(mine))))
    assert table[0] == list(COLUMNS) and len(table) == len(mine) + 1


def test_since_a_cursor_gives_exactly_the_new_events(ledger: Ledger, engine: Engine) -> None:
    number = ledger.create(new_case(), engine, actor="t", today=TODAY)[0]["caseNo"]
    first, cursor = page(ledger, None)
    assert [r["stage"] for r in first] == ["application"]
    assert page(ledger, cursor) == ([], cursor)  # nothing new: the same cursor
    ledger.append(number, event("accept", 1, on="2026-09-24"), engine, actor="t", today=TODAY)
    other = ledger.create(new_case(), engine, actor="t", today=TODAY)[0]["caseNo"]
    second, cursor2 = page(ledger, cursor)
    assert [(r["caseNo"], r["stage"]) for r in second] == [
        (number, "acceptance"),
        (other, "application"),
    ]
    one, step = page(ledger, cursor, limit=1)  # a page of one, then the rest
    rest, end = page(ledger, step)
    assert one + rest == second and end == cursor2
    assert page(ledger, cursor2)[0] == []
    with pytest.raises(InvalidInput):
        page(ledger, "not-a-cursor")


def test_exchange_over_http(client: TestClient, ledger: Ledger, engine: Engine) -> None:
    run_case(ledger, engine)
    boss = {"Authorization": "Bearer " + ledger.make_token("supervisor", None, "339901", "督查")}
    other = {"Authorization": "Bearer " + ledger.make_token("supervisor", None, "339902", "外县")}
    staff = ledger.make_token("staff", "qingxi-center", "339901", "窗口")
    assert client.get("/v1/exchange").status_code == 401
    assert (
        client.get("/v1/exchange", headers={"Authorization": f"Bearer {staff}"}).status_code == 403
    )
    answer = client.get("/v1/exchange", headers=boss)
    assert answer.status_code == 200, answer.text
    lines = [json.loads(line) for line in answer.text.splitlines()]
    assert len(lines) == 6 and lines[0]["stageZh"] == "申请"
    cursor = answer.headers["Exchange-Cursor"]
    assert client.get(f"/v1/exchange?since={cursor}", headers=boss).text == ""
    assert client.get("/v1/exchange", headers=other).text == ""  # another county's cases
    as_csv_ = client.get("/v1/exchange?format=csv", headers=boss)
    assert as_csv_.headers["content-type"].startswith("text/csv")
    assert len(as_csv_.text.splitlines()) == 7
    bad = client.get("/v1/exchange?since=zzz", headers=boss)
    assert bad.status_code == 422 and bad.json()["errors"][0]["location"] == "query.since"


def test_exchange_from_the_command_line(tmp_path: Path, engine: Engine) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    ledger = Ledger.open(url)
    number = ledger.create(new_case(), engine, actor="t", today=TODAY)[0]["caseNo"]
    out, cursor_file = tmp_path / "out" / "ex.jsonl", tmp_path / "cursor"

    def export() -> list[dict[str, Any]]:
        args = ["exchange", "--cursor-file", str(cursor_file), "-o", str(out)]
        result = CliRunner().invoke(cli, ["cases", "-c", str(DEMO), "--database-url", url, *args])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]

    assert [r["stage"] for r in export()] == ["application"]
    ledger.append(number, event("accept", 1, on="2026-09-24"), engine, actor="t", today=TODAY)
    assert [r["stage"] for r in export()] == ["acceptance"]
    assert export() == []
    ledger.close()
