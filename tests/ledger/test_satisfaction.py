"""Rates of satisfaction on both backends, against figures counted by hand in
tests/data/ledger/satisfaction*.tsv, in the library and over HTTP."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from fastapi.testclient import TestClient

from catalogkit.engine import Engine
from catalogkit.ledger import Filters, Ledger
from catalogkit.ledger.satisfaction import Scope, rates, ratings
from tests.conftest import DATA, DEMO
from tests.ledger.helpers import event, new_case

TODAY = dt.date(2026, 12, 1)


def table(name: str) -> list[list[str]]:
    text = (DATA / "ledger" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def fill(ledger: Ledger, engine: Engine) -> None:
    for venue, matter, rated_on, pairs in table("satisfaction.tsv")[1:]:
        number = ledger.create(
            new_case(venue=venue, matter=matter), engine, actor="t", today=TODAY
        )[0]["caseNo"]
        ledger.append(number, event("accept", 1, on="2026-09-24"), engine, actor="t", today=TODAY)
        record = ledger.append(
            number, event("conclude", 2, on="2026-10-09", result="准予"), engine, actor="t",
            today=TODAY,
        )  # fmt: skip
        for pair in pairs.split():
            channel, grade = pair.lstrip(">").split(":")
            kind = "correct-rating" if pair.startswith(">") else "rate"
            fields: dict[str, Any] = {"channel": channel, "grade": grade, "on": rated_on}
            if kind == "correct-rating":
                fields["note"] = "更正"
            new = event(kind, record["version"], **fields)
            record = ledger.append(number, new, engine, actor="t", today=TODAY)


def expected() -> dict[tuple[str, str], dict[str, Any]]:
    header, *rows = table("satisfaction-expected.tsv")
    out = {}
    for row in rows:
        values = dict(zip(header, row, strict=True))
        out[(values["venue"], values["matter"])] = values
    return out


def same(figures: dict[str, Any], want: dict[str, str]) -> None:
    for key in ("rated", "satisfied", "bad", "rectifications"):
        assert figures[key] == int(want[key]), key
    for grade, count in figures["grades"].items():
        assert count == int(want[grade]), grade
    assert figures["satisfaction"] == float(want["satisfaction"])


def test_rates_per_venue_and_matter_match_the_hand_count(ledger: Ledger, engine: Engine) -> None:
    fill(ledger, engine)
    body = rates(ratings(ledger, Scope(county="339901", month="2026-10")))
    want = expected()
    assert {(r["venue"], r["matter"]) for r in body["rows"]} == set(want) - {("(total)", "")}
    for row in body["rows"]:
        same(row, want[(row["venue"], row["matter"])])
    same(body["total"], want[("(total)", "")])
    only = rates(ratings(ledger, Scope(venue="minghu-hall", matter="MH-MZ-0001")))
    assert only["total"]["rated"] == 3  # no month: November's too


def test_satisfaction_over_http_needs_a_supervisor(
    client: TestClient, ledger: Ledger, engine: Engine
) -> None:
    fill(ledger, engine)
    boss = ledger.make_token("supervisor", None, "339901", "县督查")
    staff = ledger.make_token("staff", "qingxi-center", "339901", "窗口")
    url = "/v1/supervision/satisfaction?month=2026-10&venue=qingxi-center"
    assert client.get(url).status_code == 401
    assert client.get(url, headers={"Authorization": f"Bearer {staff}"}).status_code == 403
    answer = client.get(url, headers={"Authorization": f"Bearer {boss}"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["total"]["rated"] == 5
    bad = client.get(url.replace("2026-10", "2026-13"), headers={"Authorization": f"Bearer {boss}"})
    assert bad.status_code == 422


def test_a_second_rating_over_http_is_409_with_the_first(
    client: TestClient, ledger: Ledger, engine: Engine
) -> None:
    fill(ledger, engine)
    staff = ledger.make_token("staff", "qingxi-center", "339901", "窗口")
    number = ledger.find(Filters(venue="qingxi-center", matter="MH-MZ-0001"))[0][-1]["caseNo"]
    record = ledger.get(number)
    answer = client.post(
        f"/v1/cases/{number}/events",
        json={"kind": "rate", "version": record["version"], "staff": "s", "grade": "满意"},
        headers={"Authorization": f"Bearer {staff}"},
    )
    assert answer.status_code == 409, answer.text
    errors = answer.json()["errors"]
    assert '"grade": "非常满意"' in errors[-1]["found"]


def test_rate_and_satisfaction_from_the_command_line(tmp_path: Any, engine: Engine) -> None:
    from click.testing import CliRunner

    from catalogkit.cli.main import cli

    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    ledger = Ledger.open(url)
    number = ledger.create(new_case(), engine, actor="t", today=TODAY)[0]["caseNo"]
    ledger.append(number, event("accept", 1, on="2026-09-24"), engine, actor="t", today=TODAY)
    ledger.append(number, event("conclude", 2, on="2026-10-09", result="准予"), engine, actor="t",
                  today=TODAY)  # fmt: skip
    ledger.close()

    def run(*args: str) -> Any:
        return CliRunner().invoke(cli, ["cases", "-c", str(DEMO), "--database-url", url, *args])

    rated = run("rate", number, "--grade", "不满意", "--channel", "evaluator", "--staff", "w1",
                "--on", "2026-10-12")  # fmt: skip
    assert rated.exit_code == 0, rated.output
    again = run("rate", number, "--grade", "满意", "--channel", "evaluator", "--staff", "w1")
    assert again.exit_code == 1 and "不满意" in again.output and "Traceback" not in again.output
    table = run("satisfaction", "--month", "2026-10")
    assert table.exit_code == 0 and "0.00%" in table.output, table.output
    assert json.loads(run("satisfaction", "--format", "json").output)["total"]["bad"] == 1
    assert run("satisfaction", "--month", "10/2026").exit_code == 1
