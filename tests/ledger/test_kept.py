"""A process folds an append from the record it last committed (one query fewer); when
another process moved the case on meanwhile, the database's record decides."""

from __future__ import annotations

import datetime as dt

import pytest

from catalogkit.engine import Engine
from catalogkit.ledger import Conflict, Ledger
from tests.ledger.helpers import event, new_case

TODAY = dt.date(2026, 12, 1)


def test_another_process_moving_the_case_on_is_seen(
    ledger: Ledger, ledger_url: str, engine: Engine
) -> None:
    other = Ledger.open(ledger_url)  # a second server process on the same database
    try:
        number = ledger.create(new_case(), engine, actor="t", today=TODAY)[0]["caseNo"]
        ledger.append(number, event("precheck", 1), engine, actor="t", today=TODAY)
        other.append(number, event("accept", 2), engine, actor="t", today=TODAY)
        with pytest.raises(Conflict) as stale:  # this process last wrote version 2
            ledger.append(number, event("accept", 2), engine, actor="t", today=TODAY)
        assert (stale.value.state, stale.value.version) == ("accepted", 3)
        done = {"result": "准予", "document": "证"}
        after = ledger.append(number, event("conclude", 3, **done), engine, actor="t", today=TODAY)
        assert (after["state"], after["version"]) == ("concluded", 4)
        with pytest.raises(Conflict):  # and the other process sees this one's write
            other.append(number, event("deliver", 3), engine, actor="t", today=TODAY)
        assert (
            other.append(number, event("deliver", 4), engine, actor="t", today=TODAY)["version"]
            == 5
        )
        assert [e.seq for e in ledger.timeline(number)] == [1, 2, 3, 4, 5]
        assert ledger.get(number) == other.get(number)
    finally:
        other.close()
