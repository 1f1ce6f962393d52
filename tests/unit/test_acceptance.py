"""When the clock starts: the acceptance day by venue hours, day and time, pinned by
tests/data/calendar/acceptance.yaml, and what a decision says about it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from ruamel.yaml import YAML

from catalogkit import Bundle, load_catalog
from catalogkit.calendar import Closure, VenueHours, WorkingCalendar, accepted_on
from catalogkit.engine import Engine
from catalogkit.model.case import Case
from catalogkit.model.locality import OpeningHours
from catalogkit.plugins import Plugins
from tests.conftest import DATA, DEMO

TABLE: dict[str, Any] = YAML(typ="safe", pure=True).load(
    (DATA / "calendar" / "acceptance.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load_catalog(DEMO, cache=False)


def hours(name: str) -> VenueHours:
    return VenueHours.of(name, [OpeningHours.model_validate(h) for h in TABLE["venues"][name]])


@pytest.mark.parametrize("case", TABLE["cases"], ids=lambda c: str(c["id"]))
def test_acceptance_day(bundle: Bundle, case: dict[str, Any]) -> None:
    closures = [Closure(day, name) for day, name in case.get("closures", ())]
    calendar = WorkingCalendar.for_locality(bundle.calendars, [], closures, from_year=2026)
    venue = hours(case["venue"]) if "venue" in case else None
    day, notes = accepted_on(calendar, case["submitted"], case.get("time"), venue)
    assert day == case["accepted"]
    assert [n.code for n in notes] == [case["note"]]
    assert notes[0].zh and notes[0].en
    if day != case["submitted"]:
        assert day.isoformat() in notes[0].zh and "期限自该日起算" in notes[0].zh


def test_a_decision_says_which_acceptance_day_it_assumed(bundle: Bundle) -> None:
    """明湖县行政审批服务中心 has Saturday-morning service: an unemployment-benefit claim
    handed in there on a Saturday morning is accepted that day, in the afternoon on
    Monday, and the 3-working-day promise counts from the day assumed."""
    engine = Engine(bundle, Plugins(), missing_plugins="ignore")

    def decide(time: str) -> Any:
        case = {
            "matter": "MH-RS-0005",
            "locality": "339901101202",
            "submitted": "2026-03-07",
            "time": time,
            "materials": ["居民身份证或社会保障卡", "解除或终止劳动关系证明"],
        }
        return engine.decide(Case.model_validate(case))

    morning, afternoon = decide("10:00"), decide("15:00")
    assert morning.outcome == afternoon.outcome == "accept"
    assert morning.handled_at == "minghu-hall"
    assert morning.accepted_on == dt.date(2026, 3, 7)
    assert morning.due_notes[0].code == "weekend-service"
    assert morning.promised_due == dt.date(2026, 3, 11)  # 03-09 (1) 03-10 (2) 03-11 (3)
    assert afternoon.accepted_on == dt.date(2026, 3, 9)
    assert afternoon.due_notes[0].code == "after-hours"
    assert afternoon.promised_due == dt.date(2026, 3, 12)
    assert "明湖县行政审批服务中心" in afternoon.due_notes[0].zh
