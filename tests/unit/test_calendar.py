"""Working days and due dates, pinned by hand-counted cases in
tests/data/calendar/due_dates.yaml, plus a randomized check against a day-by-day count."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from catalogkit import Bundle, CalendarError, UsageError, load_catalog
from catalogkit.calendar import Closure, WorkingCalendar, add_calendar_days
from catalogkit.model import CalendarDocument
from tests.conftest import DATA, DEMO

DATA_FILE: dict[str, Any] = YAML(typ="safe", pure=True).load(
    (DATA / "calendar" / "due_dates.yaml").read_text(encoding="utf-8")
)
CASES: list[dict[str, Any]] = DATA_FILE["cases"]
LOCAL = [CalendarDocument.model_validate(doc) for doc in DATA_FILE["local"]]


def day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load_catalog(DEMO, cache=False)


def calendar_for(bundle: Bundle, locality: str | None, closures: Any = ()) -> WorkingCalendar:
    calendars = dict(bundle.calendars) | {(doc.year, doc.scope): doc for doc in LOCAL}
    chain = bundle.chain(locality) if locality else []
    return WorkingCalendar.for_locality(calendars, chain, [Closure(day(d), n) for d, n in closures])


@pytest.fixture(scope="module")
def national(bundle: Bundle) -> WorkingCalendar:
    return calendar_for(bundle, None)


@pytest.mark.parametrize("case", CASES, ids=lambda c: str(c["id"]))
def test_due_date(bundle: Bundle, case: dict[str, Any]) -> None:
    cal = calendar_for(bundle, case.get("locality"), case.get("closures", ()))
    add = cal.add_calendar_days if case.get("unit") == "calendar" else cal.add_working_days

    def due() -> dt.date:
        return add(
            day(case["start"]),
            case["n"],
            count_from_next_day=case.get("count_from_next_day", True),
            pauses=[(day(a), day(b)) for a, b in case.get("pauses", ())],
        )

    if "error" in case:
        with pytest.raises(CalendarError, match=str(case["error"])):
            due()
    else:
        assert due() == day(case["expected"])


@pytest.mark.parametrize("row", DATA_FILE["between"], ids=lambda r: f"{r['from']}..{r['to']}")
def test_working_days_between(national: WorkingCalendar, row: dict[str, Any]) -> None:
    assert national.working_days_between(day(row["from"]), day(row["to"])) == row["expected"]


@pytest.mark.parametrize("when", sorted(DATA_FILE["days"]), ids=str)
def test_is_working_day(national: WorkingCalendar, when: dt.date) -> None:
    assert national.is_working_day(day(when)) is DATA_FILE["days"][when]


def test_missing_year_message_says_what_to_do(national: WorkingCalendar) -> None:
    with pytest.raises(CalendarError) as err:
        national.is_working_day(dt.date(2027, 1, 4))
    message = str(err.value)
    assert "catalogs/calendars/2027.yaml" in message
    assert "国务院办公厅关于2027年部分节假日安排的通知" in message
    assert "缺少 2027 年工作日历" in message
    with pytest.raises(CalendarError, match="2027"):
        national.working_days_between(dt.date(2026, 12, 1), dt.date(2027, 1, 10))


def test_gap_between_years_is_refused(bundle: Bundle) -> None:
    # A made-up 2028 file next to 2025 and 2026: counting from late 2026 must not jump
    # over the missing 2027 to the first working day of 2028.
    fake = CalendarDocument.model_validate(
        {
            "apiVersion": "catalogkit/v1",
            "kind": "Calendar",
            "year": 2028,
            "days": [{"name": "元旦（示例）", "date": "2028-01-03", "isOffDay": True}],
        }
    )
    cal = WorkingCalendar([*bundle.calendars.values(), fake])
    assert cal.years == {2025, 2026, 2028}
    with pytest.raises(CalendarError, match="2027"):
        cal.add_working_days(dt.date(2026, 12, 24), 10)
    assert cal.is_working_day(dt.date(2028, 1, 4))
    assert not cal.is_working_day(dt.date(2028, 1, 3))


def test_most_specific_local_calendar_wins(bundle: Bundle) -> None:
    # The county makes Sat 2026-03-07 a working day; the township keeps it off.
    def local(scope: str, off: bool) -> CalendarDocument:
        return CalendarDocument.model_validate(
            {
                "apiVersion": "catalogkit/v1",
                "kind": "Calendar",
                "year": 2026,
                "scope": scope,
                "days": [{"name": "示例", "date": "2026-03-07", "isOffDay": off}],
            }
        )

    calendars = dict(bundle.calendars) | {
        (2026, "339901"): local("339901", False),
        (2026, "339901201"): local("339901201", True),
    }
    saturday = dt.date(2026, 3, 7)
    village = WorkingCalendar.for_locality(calendars, bundle.chain("339901201201"))
    town = WorkingCalendar.for_locality(calendars, bundle.chain("339901101"))
    assert not village.is_working_day(saturday)
    assert town.is_working_day(saturday)
    assert town.day_name(saturday) == "示例"


def test_day_names(bundle: Bundle) -> None:
    cal = calendar_for(bundle, "339901201", [("2026-03-04", "大厅停电检修（示例）")])
    assert cal.day_name(dt.date(2026, 10, 10)) == "国庆节"
    assert cal.day_name(dt.date(2026, 4, 20)) == "民族节日（示例）"
    assert cal.day_name(dt.date(2026, 3, 4)) == "大厅停电检修（示例）"
    assert cal.day_name(dt.date(2026, 3, 5)) is None


def test_bad_requests(national: WorkingCalendar, bundle: Bundle) -> None:
    start = dt.date(2026, 3, 2)
    with pytest.raises(UsageError, match="negative"):
        national.add_working_days(start, -1)
    with pytest.raises(UsageError, match="negative"):
        add_calendar_days(start, -1)
    with pytest.raises(UsageError, match="before it starts"):
        national.add_working_days(start, 5, pauses=[(dt.date(2026, 3, 5), dt.date(2026, 3, 4))])
    docs = list(bundle.calendars.values())
    with pytest.raises(UsageError, match="two national calendars"):
        WorkingCalendar([*docs, docs[0]])
    with pytest.raises(UsageError, match="local, not national"):
        WorkingCalendar(LOCAL)
    with pytest.raises(UsageError, match="national, not local"):
        WorkingCalendar(docs, local=docs)


def test_immutable(national: WorkingCalendar) -> None:
    with pytest.raises(AttributeError):
        national._years = frozenset()
    with pytest.raises(AttributeError):
        del national._ordinals


# --- the fast count agrees with a plain day-by-day count -----------------------------

YEAR_2025 = dt.date(2025, 1, 1)


def slow_due(
    cal: WorkingCalendar,
    start: dt.date,
    n: int,
    next_day: bool,
    pauses: list[tuple[dt.date, dt.date]],
) -> dt.date:
    if n == 0:
        return start
    current = start + dt.timedelta(days=1) if next_day else start
    counted = 0
    while True:
        paused = any(a <= current <= b for a, b in pauses)
        if not paused and cal.is_working_day(current):
            counted += 1
            if counted == n:
                return current
        current += dt.timedelta(days=1)


dates_2025_2026 = st.integers(0, 729).map(lambda k: YEAR_2025 + dt.timedelta(days=k))
pause = st.tuples(dates_2025_2026, st.integers(0, 20)).map(
    lambda p: (p[0], p[0] + dt.timedelta(days=p[1]))
)


@settings(max_examples=300, deadline=None)
@given(
    start=dates_2025_2026,
    n=st.integers(0, 45),
    next_day=st.booleans(),
    pauses=st.lists(pause, max_size=3),
)
def test_matches_day_by_day_count(
    national: WorkingCalendar,
    start: dt.date,
    n: int,
    next_day: bool,
    pauses: list[tuple[dt.date, dt.date]],
) -> None:
    try:
        expected: dt.date | str = slow_due(national, start, n, next_day, pauses)
    except CalendarError:
        expected = "refused"
    try:
        found: dt.date | str = national.add_working_days(
            start, n, count_from_next_day=next_day, pauses=pauses
        )
    except CalendarError:
        found = "refused"
    assert found == expected
    if isinstance(found, dt.date) and next_day and not pauses:
        assert national.working_days_between(start, found) == n


@settings(max_examples=200, deadline=None)
@given(start=dates_2025_2026, n=st.integers(0, 90), pauses=st.lists(pause, max_size=3))
def test_calendar_days_match_day_by_day_count(
    start: dt.date, n: int, pauses: list[tuple[dt.date, dt.date]]
) -> None:
    current, counted = start, 0
    while counted < n:
        current += dt.timedelta(days=1)
        if not any(a <= current <= b for a, b in pauses):
            counted += 1
    assert add_calendar_days(start, n, pauses=pauses) == current
