"""The ledger on both backends: numbers, idempotency, optimistic versions under
concurrent writers, append-only events, masked personal data, filters and cursors,
tokens, and a database that cannot be reached."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from catalogkit.engine import Engine
from catalogkit.ledger import (
    Conflict,
    Filters,
    InvalidInput,
    Ledger,
    LedgerUnavailable,
    UnknownCase,
    tables,
)
from catalogkit.ledger.numbers import looks_like_case_number
from tests.ledger.helpers import ID_NUMBER, PHONE, event, new_case

TODAY = dt.date(2026, 12, 1)


def test_case_numbers_are_national_style_unique_and_in_order(
    ledger: Ledger, engine: Engine
) -> None:
    numbers = [
        ledger.create(new_case(), engine, actor="t", today=TODAY)[0]["caseNo"] for _ in range(3)
    ]
    other_day = ledger.create(new_case(on="2026-09-25"), engine, actor="t", today=TODAY)[0]
    assert numbers == [f"33990120260924{n:06d}" for n in (1, 2, 3)]
    assert other_day["caseNo"] == "33990120260925000001"
    assert all(looks_like_case_number(n) for n in numbers)


def test_a_repeated_idempotency_key_returns_the_same_case(ledger: Ledger, engine: Engine) -> None:
    first, created = ledger.create(new_case(), engine, actor="t", key="k-1", today=TODAY)
    again, created_again = ledger.create(new_case(), engine, actor="t", key="k-1", today=TODAY)
    assert (created, created_again) == (True, False)
    assert again["caseNo"] == first["caseNo"]
    with pytest.raises(InvalidInput) as reused:
        ledger.create(new_case(staff="someone-else"), engine, actor="t", key="k-1", today=TODAY)
    assert reused.value.field == "Idempotency-Key"
    assert len(ledger.find(Filters())[0]) == 1


def test_a_stale_version_is_a_conflict_naming_the_current_state(
    ledger: Ledger, engine: Engine
) -> None:
    number = ledger.create(new_case(), engine, actor="t", today=TODAY)[0]["caseNo"]
    ledger.append(number, event("precheck", 1), engine, actor="t", today=TODAY)
    with pytest.raises(Conflict) as stale:
        ledger.append(number, event("accept", 1), engine, actor="t", today=TODAY)
    assert (stale.value.state, stale.value.version) == ("prechecked", 2)


def test_concurrent_writers_one_wins_the_others_conflict(ledger: Ledger, engine: Engine) -> None:
    number = ledger.create(new_case(), engine, actor="t", today=TODAY)[0]["caseNo"]
    results: list[str] = []
    start = threading.Barrier(6)

    def write(i: int) -> None:
        start.wait()
        try:
            ledger.append(
                number, event("precheck", 1, note=f"w{i}"), engine, actor="t", today=TODAY
            )
            results.append("won")
        except Conflict:
            results.append("conflict")

    threads = [threading.Thread(target=write, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(results) == ["conflict"] * 5 + ["won"]
    assert [e.kind for e in ledger.timeline(number)] == ["apply", "precheck"]
    assert ledger.get(number)["version"] == 2


def test_events_cannot_be_updated_or_deleted(ledger: Ledger, engine: Engine) -> None:
    ledger.create(new_case(), engine, actor="t", today=TODAY)
    for statement in (update(tables.events).values(staff="x"), delete(tables.events)):
        with pytest.raises(Exception, match="append-only"), ledger.db.begin() as conn:
            conn.execute(statement)
    with ledger.db.connect() as conn:
        assert conn.execute(select(tables.events.c.staff)).scalars().all() == ["qx-window-01"]


def test_personal_numbers_are_never_stored_whole(ledger: Ledger, engine: Engine) -> None:
    record = ledger.create(new_case(), engine, actor="t", today=TODAY)[0]
    applicant = record["applicant"]
    assert applicant["idMasked"] == "3399**********123X"
    assert applicant["phoneMasked"] == "138****5678"
    assert applicant["phoneLast4"] == "5678"
    with ledger.db.connect() as conn:
        for table in (tables.events, tables.cases):
            for row in conn.execute(select(table)):
                text_ = " ".join(str(v) for v in row)
                assert ID_NUMBER not in text_ and PHONE not in text_


def test_filters_and_cursor_pages(ledger: Ledger, engine: Engine) -> None:
    made = []
    for day in ("2026-09-21", "2026-09-22", "2026-09-23", "2026-09-24", "2026-09-24"):
        made.append(ledger.create(new_case(on=day), engine, actor="t", today=TODAY)[0]["caseNo"])
    accepted = ledger.append(
        made[0], event("accept", 1, on="2026-09-21"), engine, actor="t", today=TODAY
    )
    assert accepted["due"]["promised"] == "2026-10-26"
    seen, cursor = [], None
    while True:
        page, cursor = ledger.find(Filters(venue="qingxi-center"), cursor, limit=2)
        seen += [r["caseNo"] for r in page]
        if cursor is None:
            break
    assert seen == sorted(made, key=lambda n: (n[6:14], n), reverse=True)
    assert [r["caseNo"] for r in ledger.find(Filters(states=("accepted",)))[0]] == [made[0]]
    overdue = Filters(overdue=True, today=dt.date(2026, 10, 27))
    assert [r["caseNo"] for r in ledger.find(overdue)[0]] == [made[0]]
    assert ledger.find(Filters(overdue=True, today=dt.date(2026, 10, 26)))[0] == []
    window = Filters(since=dt.date(2026, 9, 22), until=dt.date(2026, 9, 23))
    assert len(ledger.find(window)[0]) == 2
    assert ledger.find(Filters(venue="minghu-hall"))[0] == []
    assert ledger.find(Filters(matter="MH-MZ-0006"))[0] == []
    with pytest.raises(InvalidInput):
        ledger.find(Filters(), cursor="not a cursor")


def test_bad_input_names_its_field(ledger: Ledger, engine: Engine) -> None:
    with pytest.raises(InvalidInput) as matter:
        ledger.create(new_case(matter="MH-NO-9999"), engine, actor="t", today=TODAY)
    assert matter.value.field == "matter"
    with pytest.raises(InvalidInput) as future:
        ledger.create(new_case(on="2026-12-02"), engine, actor="t", today=TODAY)
    assert future.value.field == "on"
    number = ledger.create(new_case(), engine, actor="t", today=TODAY)[0]["caseNo"]
    with pytest.raises(InvalidInput) as reasons:
        ledger.append(number, event("refuse", 1), engine, actor="t", today=TODAY)
    assert reasons.value.field == "reasons"
    with pytest.raises(InvalidInput) as before:
        ledger.append(number, event("precheck", 1, on="2026-09-01"), engine, actor="t", today=TODAY)
    assert before.value.field == "on"
    with pytest.raises(UnknownCase):
        ledger.get("33990120260924999999")


def test_tokens_are_stored_hashed_and_can_be_revoked(ledger: Ledger) -> None:
    staff = ledger.make_token("staff", "qingxi-center", "339901", "窗口一")
    token = ledger.token(staff)
    assert token is not None and (token.role, token.venue) == ("staff", "qingxi-center")
    with ledger.db.connect() as conn:
        stored = conn.execute(select(tables.tokens.c.digest)).scalar_one()
    assert staff.split("_", 2)[2] not in stored
    assert ledger.token(staff + "x") is None
    assert ledger.revoke_token(token.id)
    assert ledger.token(staff) is None
    assert ledger.tokens()[0]["revoked"] is True


def test_a_database_that_cannot_be_reached_is_unavailable(ledger_url: str) -> None:
    if ledger_url.startswith("sqlite"):
        url = "sqlite:////proc/no-such-folder/ledger.sqlite"
    else:
        url = ledger_url.replace("?host=", "?host=/nonexistent")
    with pytest.raises(LedgerUnavailable) as down:
        Ledger.open(url)
    assert "稍后重试" in str(down.value)


def test_a_locked_sqlite_file_is_unavailable_not_an_error(
    tmp_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CATALOGKIT_LEDGER_BUSY_MS", "50")
    url = f"sqlite:///{tmp_path / 'locked.sqlite'}"
    ledger, other = Ledger.open(url), Ledger.open(url)
    number = ledger.create(new_case(), engine, actor="t", today=TODAY)[0]["caseNo"]
    with ledger.db.connect() as holder:
        holder.execution_options(ledger_write=True)
        with holder.begin(), pytest.raises(LedgerUnavailable):  # BEGIN IMMEDIATE: locked
            other.append(number, event("precheck", 1), engine, actor="t", today=TODAY)
    assert (
        other.append(number, event("precheck", 1), engine, actor="t", today=TODAY)["version"] == 2
    )


def test_the_migrations_make_the_tables_the_code_uses(ledger: Ledger) -> None:
    from sqlalchemy import inspect

    found = inspect(ledger.db)
    for table in tables.metadata.sorted_tables:
        columns = {c["name"]: c["nullable"] for c in found.get_columns(table.name)}
        assert columns == {c.name: c.nullable for c in table.columns}, table.name
        indexes = {i["name"] for i in found.get_indexes(table.name)}
        assert {i.name for i in table.indexes} <= indexes, table.name
