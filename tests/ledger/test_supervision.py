"""Lights and rates against cases counted by hand (tests/data/supervision/), written
through the ledger's real API, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from catalogkit.engine import Engine
from catalogkit.ledger import Ledger
from catalogkit.supervision import lights_of, open_cases, rates
from catalogkit.supervision.rates import trace
from catalogkit.supervision.reckoner import Reckoner
from tests.supervision.replay import load, replay

COUNTY = "339901"
CASES = load()
EXPECTED = load("expected.yaml")
OCTOBER = [dt.date.fromisoformat(str(d)) for d in EXPECTED["october"]["period"]]


@pytest.fixture
def written(ledger: Ledger, engine: Engine) -> dict[str, str]:
    return replay(ledger, engine, CASES)


def test_lights(ledger: Ledger, engine: Engine, written: dict[str, str]) -> None:
    today = dt.date.fromisoformat(str(CASES["today"]))
    letters = {v: k for k, v in written.items()}
    found = lights_of(open_cases(ledger, county=COUNTY), Reckoner(engine, 2026), today)
    got = {letters[lt.case.case_no]: [lt.light, lt.limit, lt.used, lt.left] for lt in found}
    assert got == EXPECTED["lights"]
    assert [letters[lt.case.case_no] for lt in found][:2] == ["C", "J"]  # red, then yellow
    assert "已超期2个工作日" in found[0].why_zh and "qingxi-center" in found[0].why_zh


@pytest.mark.parametrize("measure", sorted(EXPECTED["october"]["traces"]))
def test_traces(ledger: Ledger, engine: Engine, written: dict[str, str], measure: str) -> None:
    letters = {v: k for k, v in written.items()}
    rows = trace(ledger, engine, COUNTY, *OCTOBER, measure)
    assert sorted(letters[r["case_no"]] for r in rows) == EXPECTED["october"]["traces"][measure]


def test_rates(ledger: Ledger, engine: Engine, written: dict[str, str]) -> None:
    by_venue = rates(ledger, engine, COUNTY, *OCTOBER, by=("venue",))
    rows = {r["venue"]: r for r in by_venue.rows}
    for venue, figures in EXPECTED["october"]["by_venue"].items():
        assert _subset(rows[venue], figures), venue
    assert _subset(by_venue.total, EXPECTED["october"]["total"])
    by_tier = rates(ledger, engine, COUNTY, *OCTOBER, by=("tier", "month"))
    assert {(r["tier"], r["month"]) for r in by_tier.rows} == {
        ("town-center", "2026-10"),
        ("village-station", "2026-10"),
    }
    assert by_tier.total == by_venue.total


def _subset(row: dict[str, Any], expected: dict[str, Any]) -> bool:
    return {k: row[k] for k in expected} == expected
