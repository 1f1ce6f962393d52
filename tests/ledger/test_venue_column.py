"""The projection's `venue` column keeps the venue that registered the case when later
events happen elsewhere (a 转报 received at the town), as a rebuild writes it: ratings,
follow-ups and lists by venue read that column."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from catalogkit.engine import Engine
from catalogkit.ledger import Ledger, database, tables
from tests.ledger.helpers import event, new_case

TODAY = dt.date(2026, 12, 1)


def _columns(ledger: Ledger, number: str) -> tuple[str, str]:
    c = tables.cases.c
    with database.transaction(ledger.db, write=False) as conn:
        row = conn.execute(select(c.venue, c.holder).where(c.case_no == number)).one()
    return row.venue, row.holder


def test_the_registering_venue_stays(ledger: Ledger, engine: Engine) -> None:
    case = new_case(venue="qingxi-community-station", channel="proxy", on="2026-10-12")
    number = ledger.create(case, engine, actor="t", today=TODAY)[0]["caseNo"]
    steps = [
        ("staff@qingxi-community-station/t", event("forward", 1, on="2026-10-12",
                                                    toVenue="qingxi-center")),
        ("staff@qingxi-center/t", event("receive", 2, on="2026-10-13")),
        ("staff@qingxi-center/t", event("accept", 3, on="2026-10-13")),
    ]  # fmt: skip
    for actor, made in steps:
        ledger.append(number, made, engine, actor=actor, today=TODAY)
    assert _columns(ledger, number) == ("qingxi-community-station", "qingxi-center")
    ledger.rebuild()
    assert _columns(ledger, number) == ("qingxi-community-station", "qingxi-center")
