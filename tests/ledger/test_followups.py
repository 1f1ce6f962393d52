"""Follow-up (回访) on both backends: every proxied case and a fixed sample of the others
are chosen at 办结; calls are events; unreached residents are called again and counted."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from catalogkit.cli.main import cli
from catalogkit.engine import Engine
from catalogkit.ledger import Conflict, InvalidInput, Ledger, followups
from catalogkit.ledger.feedback_append import follow_up
from catalogkit.ledger.policy import DEFAULTS, policy
from catalogkit.model.locality import Feedback
from catalogkit.model.matter import TimeLimit
from tests.conftest import DATA, DEMO
from tests.ledger.helpers import event, new_case

TODAY = dt.date(2026, 12, 1)
CALLS = [
    line.split("\t")
    for line in (DATA / "ledger" / "follow-up.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
][1:]


def finished(ledger: Ledger, engine: Engine, **changes: Any) -> dict[str, Any]:
    number = ledger.create(new_case(**changes), engine, actor="t", today=TODAY)[0]["caseNo"]
    ledger.append(number, event("accept", 1, on="2026-09-24"), engine, actor="t", today=TODAY)
    return ledger.append(
        number, event("conclude", 2, on="2026-10-09", result="准予"), engine, actor="t",
        today=TODAY,
    )  # fmt: skip


def test_a_proxied_case_is_called_until_reached_or_out_of_attempts(
    ledger: Ledger, engine: Engine
) -> None:
    record = finished(ledger, engine, channel="proxy")
    assert record["followUp"]["selected"] and record["followUp"]["why"] == "proxy"
    assert [r["caseNo"] for r in followups.find(ledger, followups.Scope())] == [record["caseNo"]]
    for reached, status in CALLS:
        new = event("follow-up", record["version"], reached=reached == "yes", channel="phone")
        if status == "409":
            with pytest.raises(Conflict):
                ledger.append(record["caseNo"], new, engine, actor="t", today=TODAY)
            continue
        record = ledger.append(record["caseNo"], new, engine, actor="t", today=TODAY)
        assert record["followUp"]["status"] == status
    every = followups.counts(followups.find(ledger, followups.Scope(status="all")))
    assert (every["unreached"], every["calls"], every["due"]) == (1, 3, 0)
    with pytest.raises(InvalidInput):
        ledger.append(record["caseNo"], event("follow-up", record["version"]), engine,
                      actor="t", today=TODAY)  # fmt: skip


def test_reached_ends_the_task(ledger: Ledger, engine: Engine) -> None:
    record = finished(ledger, engine, channel="proxy")
    new = event("follow-up", record["version"], reached=True, grade="满意", note="很方便")
    done = ledger.append(record["caseNo"], new, engine, actor="t", today=TODAY)
    assert (done["followUp"]["status"], done["followUp"]["grade"]) == ("done", "满意")
    assert followups.find(ledger, followups.Scope()) == []
    assert ledger.rebuild()[0] == 1 and ledger.get(record["caseNo"]) == done


def test_the_sample_is_fixed_by_the_number_and_near_the_rate() -> None:
    base = {"locality": "339901101202", "proxied": False}
    numbers = [f"339901202610{n:08d}" for n in range(2000)]
    drawn = [follow_up({**base, "caseNo": n}, None)["selected"] for n in numbers]
    again = [follow_up({**base, "caseNo": n}, None)["selected"] for n in numbers]
    assert drawn == again
    assert 0.08 < sum(drawn) / len(drawn) < 0.12  # the default rate, 0.1
    assert follow_up({**base, "caseNo": numbers[0], "proxied": True}, None)["why"] == "proxy"


def test_a_locality_sets_its_own_rate_and_limits() -> None:
    town = Feedback(followUpRate=0.5, rectificationLimit=TimeLimit(value=5, unit="工作日"))
    county = Feedback(followUpAttempts=5, rectificationLimit=TimeLimit(value=9, unit="工作日"))
    tree = {"t": SimpleNamespace(feedback=town), "c": SimpleNamespace(feedback=county),
            "v": SimpleNamespace(feedback=None)}  # fmt: skip
    bundle: Any = SimpleNamespace(
        localities={k: SimpleNamespace(locality=v) for k, v in tree.items()},
        chain=lambda code: ["v", "t", "c"][["v", "t", "c"].index(code) :],
    )
    got = policy(bundle, "v")
    assert got["followUpRate"] == 0.5 and got["followUpAttempts"] == 5
    assert got["rectificationLimit"] == {"value": 5, "unit": "工作日"}
    assert got["complaintLimit"] == DEFAULTS["complaintLimit"]
    assert policy(bundle, "c")["rectificationLimit"]["value"] == 9
    assert policy(None, "x") == DEFAULTS


def test_follow_ups_over_http(client: TestClient, ledger: Ledger, engine: Engine) -> None:
    record = finished(ledger, engine, channel="proxy")
    staff = {"Authorization": "Bearer " + ledger.make_token("staff", "qingxi-center", None, "窗")}
    boss = {"Authorization": "Bearer " + ledger.make_token("supervisor", None, "339901", "督")}
    due = client.get("/v1/follow-ups", headers=staff).json()
    assert [c["caseNo"] for c in due["cases"]] == [record["caseNo"]] and due["counts"]["due"] == 1
    call = {"kind": "follow-up", "version": record["version"], "staff": "s", "reached": False,
            "channel": "phone"}  # fmt: skip
    answer = client.post(f"/v1/cases/{record['caseNo']}/events", json=call, headers=staff)
    assert answer.status_code == 201, answer.text
    counted = client.get("/v1/follow-ups?status=all", headers=boss).json()["counts"]
    assert (counted["calls"], counted["due"]) == (1, 1)
    assert client.get("/v1/follow-ups?venue=minghu-hall", headers=staff).status_code == 403
    assert client.get("/v1/follow-ups?status=maybe", headers=boss).status_code == 422


def test_follow_ups_from_the_command_line(tmp_path: Path, engine: Engine) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    ledger = Ledger.open(url)
    number = finished(ledger, engine, channel="proxy")["caseNo"]
    ledger.close()

    def run(*args: str) -> Any:
        return CliRunner().invoke(cli, ["cases", "-c", str(DEMO), "--database-url", url, *args])

    assert number in run("follow-ups").output
    called = run("follow-up", number, "--unreached", "--staff", "w1")
    assert called.exit_code == 0, called.output
    assert json.loads(called.output)["followUp"]["calls"][0]["reached"] is False
    assert run("follow-up", number, "--staff", "w1").exit_code == 2  # --reached/--unreached
