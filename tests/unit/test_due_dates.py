"""Due dates that never fail for want of next year's calendar: provisional (weekends
only) with the reason, through the Python API (decide) and the calendar functions."""

from __future__ import annotations

import datetime as dt

import pytest

from catalogkit import Bundle, load_catalog
from catalogkit.calendar import WorkingCalendar, accepted_on, due_date
from catalogkit.engine import Engine
from catalogkit.model.case import Case
from catalogkit.plugins import Plugins
from tests.conftest import DEMO

DIBAO = {
    "household_size": 3,
    "marital_status": "已婚",
    "has_disabled_member": False,
    "has_student": False,
    "major_illness": False,
    "monthly_income": 800,
}
MATERIALS = [
    "最低生活保障申请书",
    "家庭成员居民身份证",
    "家庭经济状况核对授权书",
    "家庭收入和财产状况申报表",
]


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load_catalog(DEMO, cache=False)


@pytest.fixture(scope="module")
def engine(bundle: Bundle) -> Engine:
    return Engine(bundle, Plugins(), missing_plugins="ignore")


def dibao(submitted: str, **more: object) -> Case:
    return Case.model_validate(
        {
            "matter": "MH-MZ-0001",
            "locality": "339901101202",
            "submitted": submitted,
            "facts": DIBAO,
            "materials": MATERIALS,
            **more,
        }
    )


@pytest.mark.parametrize("day", range(1, 32))
def test_every_day_of_the_newest_years_december_gets_a_decision(engine: Engine, day: int) -> None:
    decision = engine.decide(dibao(f"2026-12-{day:02d}"))
    assert decision.outcome == "accept"
    assert decision.promised_due is not None and decision.statutory_due is not None
    assert decision.statutory_due.year == 2027
    assert decision.provisional
    provisional = [n for n in decision.due_notes if n.code == "provisional"]
    assert len(provisional) == 1 and "2027" in provisional[0].zh


def test_within_the_data_the_dates_are_final(engine: Engine) -> None:
    decision = engine.decide(dibao("2026-09-24"))
    assert not decision.provisional
    assert decision.promised_due == dt.date(2026, 10, 29)  # the golden case
    assert decision.accepted_on == decision.submitted_on == dt.date(2026, 9, 24)
    assert all(n.code != "provisional" for n in decision.due_notes)


def test_a_year_without_data_rests_on_weekends_and_fixed_holidays(bundle: Bundle) -> None:
    cal = WorkingCalendar.for_locality(bundle.calendars, [], from_year=2026)
    accepted, _ = accepted_on(cal, dt.date(2026, 12, 31))
    found = due_date(cal, accepted, 3, "工作日")
    # 2027-01-01 is a Friday, but 元旦 is fixed by law: 01-04, 01-05, 01-06.
    assert found.due == dt.date(2027, 1, 6)
    assert found.provisional
    # The strict method still refuses, for callers that want no guess at all.
    with pytest.raises(Exception, match="2027"):
        cal.add_working_days(accepted, 3)


def test_acceptance_in_a_year_without_data_is_provisional(engine: Engine) -> None:
    decision = engine.decide(dibao("2027-03-01"))
    assert decision.outcome == "accept"
    assert decision.provisional
    assert decision.promised_due == dt.date(2027, 3, 29)


def test_only_a_case_accepted_now_has_an_acceptance_day(engine: Engine) -> None:
    """不予受理 has no acceptance day, and 材料补齐后受理 is accepted when the materials
    arrive: neither says 「当日受理」."""
    refused = engine.decide(
        Case.model_validate(
            {
                "matter": "MH-MZ-0005",
                "locality": "339901101202",
                "submitted": "2026-09-22",
                "facts": {"age": 75},
            }
        )
    )
    pending = engine.decide(dibao("2026-09-24", materials=MATERIALS[:2]))
    assert (refused.outcome, pending.outcome) == ("refuse", "accept-pending-materials")
    for decision in (refused, pending):
        assert decision.accepted_on is None and decision.due_notes == ()
        assert decision.promised_due is None and not decision.provisional
    assert engine.decide(dibao("2026-09-24")).accepted_on == dt.date(2026, 9, 24)
