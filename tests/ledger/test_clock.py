"""Due dates moved by acceptance, 补正 and special procedures, on both backends, as
tests/data/ledger/clock.yaml pins them; a refused transition is a conflict that names
the current state and leaves the case as it was."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from ruamel.yaml import YAML

from catalogkit.engine import Engine
from catalogkit.ledger import Conflict, Ledger
from tests.conftest import DATA
from tests.ledger.helpers import event, new_case

SCENARIOS = YAML(typ="safe").load((DATA / "ledger" / "clock.yaml").read_text(encoding="utf-8"))
TODAY = dt.date(2026, 12, 1)
EXPECT = ("promised", "statutory", "refused")


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_due_dates_move_as_the_law_says(
    ledger: Ledger, engine: Engine, scenario: dict[str, Any]
) -> None:
    record, _ = ledger.create(new_case(on=scenario["applied"]), engine, actor="test", today=TODAY)
    number = record["caseNo"]
    for step in scenario["events"]:
        fields = {k: v for k, v in step.items() if k not in EXPECT and k != "kind"}
        version = record["version"]
        new = event(step["kind"], version, **fields)
        if step.get("refused"):
            with pytest.raises(Conflict) as refused:
                ledger.append(number, new, engine, actor="test", today=TODAY)
            assert refused.value.state == record["state"]
            assert ledger.get(number)["version"] == version
            continue
        record = ledger.append(number, new, engine, actor="test", today=TODAY)
        for key in ("promised", "statutory"):
            if key in step:
                assert record["due"][key] == step[key], f"{step['kind']}: {key}"
    ledger.rebuild()  # (a bad rating opened a rectification: a second case)
    assert len(ledger.timeline(number)) == record["version"]
    assert ledger.get(number) == record


def test_a_case_carried_up_by_a_village_station_keeps_its_limits(
    ledger: Ledger, engine: Engine
) -> None:
    """Qingxi community offers no proxy service for 不动产首次登记: asked as a proxy
    application the engine says "go to the venue" (`forward`, no limits). Once the station
    has carried the case up and the town center has accepted it, the case is held to the
    matter's limits like any other, and has its due dates (never an unknown light)."""
    case = new_case(
        matter="MH-BDC-0001", locality="339901101001", venue="qingxi-community-station",
        channel="proxy", facts={}, materials=[], on="2026-11-16",
    )  # fmt: skip
    record, _ = ledger.create(case, engine, actor="test", today=TODAY)
    number = record["caseNo"]
    steps = [
        ("forward", "2026-11-16", {"toVenue": "qingxi-center"}),
        ("receive", "2026-11-17", {}),
        ("accept", "2026-11-17", {}),
    ]
    for kind, on, fields in steps:
        new = event(kind, record["version"], on=on, **fields)
        record = ledger.append(number, new, engine, actor="staff@qingxi-center/t", today=TODAY)
    assert record["limits"] == {
        "statutory": {"value": 30, "unit": "工作日"},
        "promised": {"value": 5, "unit": "工作日"},
    }
    assert record["due"]["promised"] == "2026-11-24"
    assert record["holder"] == "qingxi-center"
