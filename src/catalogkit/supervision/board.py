"""The lights of a county's open cases as a supervisor reads them, fast at 100,000
cases: one query gives each open case's number and its clock (the columns its light
depends on, as one JSON text made by the database); cases that share a clock are counted
once; the counts per light and per venue are sums over the clocks; only the rows of the
page asked for are read in full, with why (days used and left, the step, the venue)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import text

from ..engine import Engine
from ..ledger import Ledger
from ..ledger.database import transaction
from .lights import RANK, ZH, Light, light_of
from .opencases import OpenCase, cases_numbered, open_where, pauses_from_json
from .reckoner import Reckoner


@dataclass(slots=True)
class Board:
    day: dt.date
    reckoner: Reckoner
    counts: dict[str, int]  # per light
    by_holder: dict[str, dict[str, int]]  # per venue holding the case, most red first
    order: dict[str, list[str]]  # per light, the case numbers, newest first

    def total(self, wanted: Collection[str] | None = None) -> int:
        return sum(n for name, n in self.counts.items() if not wanted or name in wanted)

    def page(
        self, ledger: Ledger, wanted: Collection[str] | None, start: int, size: int
    ) -> list[Light]:
        """`size` lights from `start` (red first, newest first within a light), each read
        in full; a case closed since the board was counted is left out."""
        numbers: list[str] = []
        for name in RANK:
            if wanted and name not in wanted:
                continue
            bucket = self.order[name]
            if start >= len(bucket):
                start -= len(bucket)
                continue
            numbers.extend(bucket[start : start + size - len(numbers)])
            start = 0
            if len(numbers) >= size:
                break
        found = cases_numbered(ledger, numbers)
        return [light_of(found[n], self.reckoner, self.day) for n in numbers if n in found]


def board_of(
    ledger: Ledger, engine: Engine, today: dt.date, *, county: str | None, venue: str | None
) -> Board:
    """The board of `county`'s open cases (and `venue`'s: registered at or held by it)."""
    where, params = open_where(county, venue)
    with transaction(ledger.db, write=False) as conn:
        clock = _clock_sql(conn.dialect.name)
        sql = f"SELECT case_no, {clock} FROM case_state WHERE {where}"
        rows = conn.execute(text(sql), params).all()
        groups: dict[str, list[str]] = {}
        for number, key in rows:
            found = groups.get(key)
            if found is None:
                groups[key] = [number]
            else:
                found.append(number)
    clocks = {key: _clock_case(key) for key in groups}
    known = [c.applied_on.year for c in clocks.values() if c.applied_on != dt.date.min]
    first = min(known, default=today.year)
    reckoner = Reckoner(engine, first)
    counts = dict.fromkeys(ZH, 0)
    by_holder: dict[str, dict[str, int]] = {}
    order: dict[str, list[str]] = {name: [] for name in RANK}
    for key, numbers in groups.items():
        case = clocks[key]
        name = light_of(case, reckoner, today).light
        counts[name] += len(numbers)
        by_holder.setdefault(case.holder, dict.fromkeys(ZH, 0))[name] += len(numbers)
        order[name].extend(numbers)
    for bucket in order.values():  # a case number carries its day: newest first
        bucket.sort(reverse=True)
    ranked = sorted(by_holder.items(), key=lambda kv: (-kv[1]["red"], -kv[1]["yellow"], kv[0]))
    return Board(today, reckoner, counts, dict(ranked), order)


def _clock_sql(dialect: str) -> str:
    """What a light depends on, as one JSON array made by the database (one text per
    row is what is cheapest to fetch): before 受理 the day of application (and of the
    补正告知); after it the clock, its pauses, the due date and the limit."""
    array = "json_build_array" if dialect == "postgresql" else "json_array"
    asked = f"{array}(locality, holder, state, applied_on, last_on)"  # 补正告知 on last_on
    waiting = asked.replace("last_on", "NULL")
    accepted = (
        f"{array}(locality, holder, state, clock_start, paused_since, paused_by, pauses, "
        "promised_due, promised_days)"
    )
    clock = (
        f"CASE WHEN state = 'awaiting-materials' THEN {asked} "
        f"WHEN state IN ('applied', 'prechecked') THEN {waiting} ELSE {accepted} END"
    )
    return f"CAST({clock} AS TEXT)" if dialect == "postgresql" else clock  # ISO dates on both


def _clock_case(key: str) -> OpenCase:
    """A stand-in case with the clock `key` says (enough to count its light)."""
    parts = json.loads(key)
    if len(parts) == 5:  # not yet accepted
        loc, holder, state, applied, asked = parts
        start = since = by = pauses = due = days = None
    else:
        loc, holder, state, start, since, by, pauses, due, days = parts
        applied = asked = None
    applied_on = _day(applied) or _day(start) or dt.date.min
    return OpenCase(
        "", "", state, "", holder, holder, None, "", loc, applied_on, _day(due), _day(start),
        _day(since), by, pauses_from_json(pauses), days, _day(asked),
    )  # fmt: skip


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
