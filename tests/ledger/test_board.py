"""The board the supervisor's page and `GET /v1/supervision/lights` read (each case's
clock in one query, the page's rows in full) gives the hand-counted lights of
tests/data/supervision/, in the same order and with the same why as each case counted on
its own, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from catalogkit.engine import Engine
from catalogkit.ledger import Ledger
from catalogkit.supervision import lights_of, open_cases
from catalogkit.supervision.board import board_of
from catalogkit.supervision.reckoner import Reckoner
from catalogkit.supervision.shapes import counts, counts_by_holder, light_json
from tests.supervision.replay import load, replay

COUNTY = "339901"
CASES = load()
EXPECTED = load("expected.yaml")


def test_the_board_gives_the_hand_counted_lights(ledger: Ledger, engine: Engine) -> None:
    written = replay(ledger, engine, CASES)
    letters = {v: k for k, v in written.items()}
    today = dt.date.fromisoformat(str(CASES["today"]))
    board = board_of(ledger, engine, today, county=COUNTY, venue=None)
    each = lights_of(open_cases(ledger, county=COUNTY), Reckoner(engine, 2026), today)
    assert board.counts == counts(each) and board.by_holder == counts_by_holder(each)
    shown = board.page(ledger, None, 0, 50)
    assert [light_json(lt) for lt in shown] == [light_json(lt) for lt in each]
    got = {letters[lt.case.case_no]: [lt.light, lt.limit, lt.used, lt.left] for lt in shown}
    assert got == EXPECTED["lights"]
    pages = range(0, len(each), 2)
    paged = [lt.case.case_no for s in pages for lt in board.page(ledger, None, s, 2)]
    assert paged == [lt.case.case_no for lt in each]
    green = board.page(ledger, ("green",), 1, 5)
    assert [letters[lt.case.case_no] for lt in green] == ["H", "I"]  # F, H, I: newest first
    warned = [k for k, (light, *_) in EXPECTED["lights"].items() if light in ("red", "yellow")]
    assert board.total(("red", "yellow")) == len(warned) == 4
    mine = board_of(ledger, engine, today, county=None, venue="baisha-station")
    held = [letters.get(lt.case.case_no, lt.case.case_no) for lt in mine.page(ledger, None, 0, 50)]
    assert mine.total() == 1 and held == ["R1"]  # the rectification its bad rating opened
