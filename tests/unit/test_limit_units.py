"""Limits in 工作日, 自然日/日, 月, 年 and on the spot (即时, 即办, 当场), pinned by the
hand-counted table tests/data/calendar/limit_units.yaml."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from ruamel.yaml import YAML

from catalogkit import load_catalog
from catalogkit.calendar import UNITS, WorkingCalendar, due_date
from catalogkit.model.vocab import LimitUnit
from tests.conftest import DATA, DEMO

CASES: list[dict[str, Any]] = YAML(typ="safe", pure=True).load(
    (DATA / "calendar" / "limit_units.yaml").read_text(encoding="utf-8")
)["cases"]


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return WorkingCalendar.for_locality(
        load_catalog(DEMO, cache=False).calendars, [], from_year=2025
    )


@pytest.mark.parametrize("case", CASES, ids=lambda c: str(c["id"]))
def test_due_date_in_unit(calendar: WorkingCalendar, case: dict[str, Any]) -> None:
    found = due_date(
        calendar,
        case["accepted"],
        case["value"],
        case["unit"],
        pauses=[(a, b) for a, b in case.get("pauses", ())],
    )
    assert found.due == case["expected"]
    assert [n.code for n in found.notes] == case["notes"]
    assert found.provisional == ("provisional" in case["notes"])
    for note in found.notes:
        assert note.zh and note.en


def test_every_catalog_unit_is_counted() -> None:
    assert set(LimitUnit.__args__) == set(UNITS)  # type: ignore[attr-defined]
    assert {c["unit"] for c in CASES} == set(UNITS)


def test_rest_day_end_note_cites_the_civil_code(calendar: WorkingCalendar) -> None:
    found = due_date(calendar, dt.date(2026, 9, 16), 15, "自然日")
    assert "民法典第二百零三条" in found.notes[0].zh
    assert "国庆节" in found.notes[0].zh and "2026-10-08" in found.notes[0].en
