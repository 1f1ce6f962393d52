"""Due dates agree with an independent calendar library on every day of 2025 and 2026.

tests/data/calendar/find_workday.csv pins `chinese_calendar.find_workday(n, submitted)`
for n = 1..60 (written by benchmarks/make_find_workday_table.py): for a venue closed on
non-working days, the case is accepted on the next working day and the limit counts from
the day after. One pass over the days finds the acceptance days, then one pass per limit
counts; where the library has no data (2027) our date must be provisional."""

from __future__ import annotations

import datetime as dt

import pytest

from catalogkit import load_catalog
from catalogkit.calendar import VenueHours, WorkingCalendar, accepted_on, due_date
from catalogkit.engine import Engine
from catalogkit.model.case import Case
from catalogkit.plugins import Plugins
from tests.conftest import DATA, DEMO

TABLE = DATA / "calendar" / "find_workday.csv"
WORKDAYS_ONLY = VenueHours("示例中心", "17:00", (None,) * 7)


def read_table() -> tuple[list[int], list[tuple[dt.date, list[str]]]]:
    lines = [line for line in TABLE.read_text("utf-8").splitlines() if not line.startswith("#")]
    limits = [int(n) for n in lines[0].split(",")[1:]]
    rows = []
    for line in lines[1:]:
        day, *offsets = line.split(",")
        rows.append((dt.date.fromisoformat(day), offsets))
    return limits, rows


LIMITS, ROWS = read_table()


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    bundle = load_catalog(DEMO, cache=False)
    return WorkingCalendar.for_locality(bundle.calendars, [], from_year=2025)


def test_the_table_covers_every_day_and_limit() -> None:
    assert list(range(1, 61)) == LIMITS
    assert len(ROWS) == 730
    assert ROWS[0][0] == dt.date(2025, 1, 1) and ROWS[-1][0] == dt.date(2026, 12, 31)


def test_due_dates_agree_with_find_workday(calendar: WorkingCalendar) -> None:
    accepted = []
    for day, _ in ROWS:
        found, _ = accepted_on(calendar, day)
        assert accepted_on(calendar, day, None, WORKDAYS_ONLY)[0] == found, day
        accepted.append(found)
    wrong, provisional = [], 0
    for column, n in enumerate(LIMITS):
        for (day, offsets), start in zip(ROWS, accepted, strict=True):
            due = due_date(calendar, start, n, "工作日")
            expected = offsets[column]
            if expected == "-":
                assert due.provisional and due.due.year == 2027, (day, n)
                provisional += 1
            elif (due.due - day).days != int(expected) or due.provisional:
                wrong.append((day, n, due.due, day + dt.timedelta(days=int(expected))))
    assert not wrong, f"{len(wrong)} disagree, e.g. {wrong[:5]}"
    assert provisional > 0


@pytest.mark.parametrize(
    ("day", "code"),
    [
        ("2026-09-26", "accepted-later"),  # Saturday
        ("2026-10-01", "accepted-later"),  # 国庆节
        ("2025-02-01", "accepted-later"),  # 春节
        ("2026-10-10", "accepted-same-day"),  # a Saturday made a working day (调休)
    ],
)
def test_the_engine_counts_the_same(day: str, code: str) -> None:
    """At 清溪镇便民服务中心 (open on working days only) the decision's promised date
    (20 working days) is the table's, and the decision says which day it assumed."""
    bundle = load_catalog(DEMO, cache=False)
    engine = Engine(bundle, Plugins(), missing_plugins="ignore")
    case = Case.model_validate(
        {
            "matter": "MH-MZ-0001",
            "locality": "339901101202",
            "submitted": day,
            "facts": {
                "household_size": 3,
                "marital_status": "已婚",
                "has_disabled_member": False,
                "has_student": False,
                "major_illness": False,
                "monthly_income": 800,
            },
            "materials": [
                "最低生活保障申请书",
                "家庭成员居民身份证",
                "家庭经济状况核对授权书",
                "家庭收入和财产状况申报表",
            ],
        }
    )
    decision = engine.decide(case)
    submitted = dt.date.fromisoformat(day)
    offsets = dict(ROWS)[submitted]
    assert decision.promised_due == submitted + dt.timedelta(days=int(offsets[19]))
    assert decision.due_notes[0].code == code
    assert (decision.accepted_on == submitted) == (code == "accepted-same-day")


def test_the_table_is_what_the_library_says() -> None:
    """Checked live when the library is installed (a dev dependency), on every 14th day."""
    chinese_calendar = pytest.importorskip("chinese_calendar")
    for day, offsets in ROWS[::14]:
        for n in (1, 20, 60):
            try:
                expected = str((chinese_calendar.find_workday(n, day) - day).days)
            except NotImplementedError:
                expected = "-"
            assert offsets[n - 1] == expected, (day, n)
