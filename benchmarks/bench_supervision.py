"""Supervision's speed, each figure beside its target and a baseline of the same run.

    lights for 100,000 open cases, from projection rows      target ≤ 1 s
    a monthly report over 1,000,000 events, PostgreSQL       target ≤ 5 s

The cases are those of `simulate_year.py` (a few hundred written through the ledger's
calls), copied under new case numbers until there are enough: for the lights, every
copy is made open (its clock, pauses and due date kept); for the report, the events
and projection rows are loaded into a throwaway PostgreSQL (as in the tests) with COPY,
the 受理 payloads without the stored decision (the report never reads it).

The first page a supervisor asks for (`GET /v1/supervision/lights?limit=50` and the
HTML page, each on a fresh server and ledger) is timed in wall and processor seconds
beside the same page with the open cases read as before the light columns (each case's
whole record, with its stored decision, fetched and parsed). Baselines: lights with no
working-day positions kept (each case counts its own), and that record-parsing read;
the report beside a bare count of the month's events (the floor) and the same figures
summed in Python over rows fetched from the database.

    python benchmarks/bench_supervision.py [--open 100000] [--events 1000000]
                                           [--skip-postgres] [--skip-lights]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "benchmarks")]

from sqlalchemy import text  # noqa: E402
from tests.ledger.postgres import Server, binaries  # noqa: E402

from _timing import median_seconds  # noqa: E402
from catalogkit import load_catalog  # noqa: E402
from catalogkit.engine import Engine  # noqa: E402
from catalogkit.ledger import Ledger, tables  # noqa: E402
from catalogkit.ledger.jsonable import dumps, loads  # noqa: E402
from catalogkit.supervision import OpenCase, lights_of, open_cases, rates  # noqa: E402
from catalogkit.supervision.board import Board  # noqa: E402
from catalogkit.supervision.facts import facts_sql  # noqa: E402
from catalogkit.supervision.kept import current_board  # noqa: E402
from catalogkit.supervision.lights import RANK, light_of  # noqa: E402
from catalogkit.supervision.reckoner import Reckoner  # noqa: E402
from catalogkit.supervision.workdays import DayCounts  # noqa: E402
from simulate_year import TODAY, simulate  # noqa: E402

DEMO = ROOT / "catalogs"
COUNTY = "339901"
OCTOBER = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
COLUMNS = ", ".join(c.name for c in tables.cases.columns)
EVENT_COLUMNS = "case_no, seq, kind, on_day, recorded_at, venue, staff, channel, actor, payload"


class Uncached(Reckoner):
    """The baseline: every case counts its working days afresh (no positions kept)."""

    def days(self, locality: str) -> DayCounts | None:
        found = super().days(locality)
        return None if found is None else DayCounts(found.calendar)


def template(engine: Engine, cases: int) -> Ledger:
    ledger = Ledger.open(f"sqlite:///{_scratch()}/t.sqlite")
    simulate(ledger, engine, cases, seed=11)
    return ledger


def bench_lights(engine: Engine, tmpl: Ledger, n: int) -> None:
    with tmpl.db.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(text(f"SELECT {COLUMNS} FROM case_state"))]
    url = f"sqlite:///{_scratch()}/open.sqlite"
    ledger = Ledger.open(url)
    copies = []
    for i in range(n):
        r = dict(rows[i % len(rows)])
        r["case_no"] = f"{r['case_no']}{i // len(rows):04d}"
        r["state"] = "accepted" if r["promised_due"] else "applied"
        copies.append(r)
    with ledger.db.begin() as conn:
        names = COLUMNS.replace(" ", "").split(",")
        conn.execute(
            text(
                f"INSERT INTO case_state ({COLUMNS}) VALUES ({', '.join(':' + c for c in names)})"
            ),
            copies,
        )
    boss = ledger.make_token("supervisor", None, COUNTY, "bench")
    ledger.close()
    bearer = {"Authorization": f"Bearer {boss}"}

    def api_page(c: Any) -> Any:
        return c.get("/v1/supervision/lights?limit=50", headers=bearer)

    def html_page(c: Any) -> Any:
        return c.post("/supervision", data={"token": boss})

    api, api_cpu = _first(url, api_page)
    page, page_cpu = _first(url, html_page)
    with _records_parsed():
        old_api, old_api_cpu = _first(url, api_page)
        old_page, old_page_cpu = _first(url, html_page)
    ledger = Ledger.open(url)
    start, cold_cpu = time.perf_counter(), time.process_time()
    cases = open_cases(ledger, county=COUNTY)
    cold, cold_cpu = time.perf_counter() - start, time.process_time() - cold_cpu
    start, parsed_cpu = time.perf_counter(), time.process_time()
    _open_cases_from_records(ledger, COUNTY)
    parsed, parsed_cpu = time.perf_counter() - start, time.process_time() - parsed_cpu
    compute = median_seconds(lambda: lights_of(cases, Reckoner(engine, 2025), TODAY), 3)
    cpu = time.process_time()
    lights_of(cases, Reckoner(engine, 2025), TODAY)
    cpu = time.process_time() - cpu
    alone = Uncached(engine, 2025)
    naive = median_seconds(lambda: [light_of(c, alone, TODAY) for c in cases], 1, 0)
    current_board(ledger, engine, TODAY, county=COUNTY, venue=None)
    again = median_seconds(
        lambda: current_board(ledger, engine, TODAY, county=COUNTY, venue=None).page(
            ledger, None, 50, 50
        ),
        3,
        0,
    )
    load = os.getloadavg()[0]
    print(f"lights, {len(cases):,} open cases (SQLite; the machine's load {load:.1f})")
    print("                                       wall       processor")
    print(f"  first GET /v1/supervision/lights   {api:7.3f} s  {api_cpu:7.3f} s  {_met(api_cpu)}")
    print(f"    baseline: every record parsed    {old_api:7.3f} s  {old_api_cpu:7.3f} s  "
          f"ratio {old_api_cpu / api_cpu:.1f} ×")  # fmt: skip
    print(f"  first supervisor page (HTML)       {page:7.3f} s  {page_cpu:7.3f} s  "
          f"{_met(page_cpu)}")  # fmt: skip
    print(f"    baseline: every record parsed    {old_page:7.3f} s  {old_page_cpu:7.3f} s  "
          f"ratio {old_page_cpu / page_cpu:.1f} ×")  # fmt: skip
    print(f"  read, first time (narrow columns)  {cold:7.3f} s  {cold_cpu:7.3f} s")
    print(f"    baseline: every record parsed    {parsed:7.3f} s  {parsed_cpu:7.3f} s  "
          f"ratio {parsed_cpu / cold_cpu:.1f} ×")  # fmt: skip
    print(f"  lights computed from the rows      {compute:7.3f} s  {cpu:7.3f} s  "
          f"target ≤ 1 s: {_met(compute)}")  # fmt: skip
    print(f"    baseline: each case on its own   {naive:7.3f} s            ratio "
          f"{naive / compute:.1f} ×")  # fmt: skip
    print(f"  the next page (lights kept)        {again:7.3f} s  {_met(again)}")


_SCRATCH: list[str] = []


def _scratch() -> str:
    """A temporary directory, removed when the benchmark ends (the 100,000 cases take
    200 MB)."""
    _SCRATCH.append(tempfile.mkdtemp(prefix="bench-sv-"))
    return _SCRATCH[-1]


def _first(url: str, ask: Any) -> tuple[float, float]:
    """(wall, processor) seconds of a request to a fresh server on a fresh ledger: the
    first page a supervisor asks for (the server's catalog is loaded before)."""
    from fastapi.testclient import TestClient

    from catalogkit.server import ServeConfig, create_app

    app = create_app(ServeConfig(DEMO, watch=False, cache=False))
    ledger = Ledger.open(url)
    app.state.ledger = ledger
    with TestClient(app) as client:
        assert client.get("/supervision").status_code == 200  # the catalog loaded
        start, cpu = time.perf_counter(), time.process_time()
        answer = ask(client)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        assert answer.status_code == 200, answer.text[:300]
    ledger.close()
    return wall, cpu


@contextlib.contextmanager
def _records_parsed() -> Iterator[None]:
    """The baseline: the board made as before the light columns, each open case's whole
    record (with its stored decision) fetched and parsed, and its light counted."""
    from catalogkit.supervision import board

    was = board.board_of
    board.board_of = _board_from_records
    try:
        yield
    finally:
        board.board_of = was


def _board_from_records(
    ledger: Ledger, engine: Engine, today: dt.date, *, county: str | None, venue: str | None
) -> Board:
    from catalogkit.supervision.shapes import counts, counts_by_holder

    cases = _open_cases_from_records(ledger, county)
    first = min((c.applied_on.year for c in cases), default=today.year)
    reckoner = Reckoner(engine, first)
    found = lights_of(cases, reckoner, today)
    order: dict[str, list[str]] = {name: [] for name in RANK}
    for lt in found:
        order[lt.light].append(lt.case.case_no)
    return Board(today, reckoner, counts(found), counts_by_holder(found), order)


def _open_cases_from_records(ledger: Ledger, county: str | None) -> list[OpenCase]:
    from catalogkit.ledger import OPEN

    states = ", ".join(f"'{s}'" for s in OPEN)
    sql = (
        "SELECT case_no, state, county, venue, holder, matter, locality, applied_on, "
        f"promised_due, doc FROM case_state WHERE state IN ({states}) AND county = :county"
    )
    out = []
    with ledger.db.connect() as conn:
        for row in conn.execute(text(sql), {"county": county}):
            r = loads(row[9])
            clock = r.get("clock") or {}
            promised = (r.get("limits") or {}).get("promised") or {}
            out.append(OpenCase(
                row[0], r.get("caseKind") or "application", row[1], row[2], row[3], row[4],
                r.get("inTransitTo"), row[5], row[6], _day(row[7]), _day(row[8]),
                _day(clock.get("start")), _day(clock.get("pausedSince")), clock.get("pausedBy"),
                tuple((_day(a), _day(b)) for a, b in clock.get("pauses") or ()),
                promised.get("value") if promised.get("unit") == "工作日" else None,
                _day(r.get("lastOn")),
            ))  # fmt: skip
    return out


def _day(value: Any) -> Any:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _met(seconds: float, target: float = 1) -> str:
    return "met" if seconds <= target else "MISSED"


def bench_report(engine: Engine, tmpl: Ledger, total: int, server: Server) -> None:
    from sqlalchemy import create_engine

    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE bench_supervision"))
    admin.dispose()
    ledger = Ledger.open(server.url("bench_supervision"))
    with tmpl.db.connect() as conn:
        events = [tuple(r) for r in conn.execute(text(f"SELECT {EVENT_COLUMNS} FROM events"))]
        states = [tuple(r) for r in conn.execute(text(f"SELECT {COLUMNS} FROM case_state"))]
    copies = -(-total // len(events))
    start = time.perf_counter()
    raw = ledger.db.raw_connection()
    try:
        cur = raw.driver_connection.cursor()  # type: ignore[union-attr]
        with cur.copy(f"COPY events ({EVENT_COLUMNS}) FROM STDIN") as copy:
            for k in range(copies):
                for e in events:
                    payload = e[9]
                    if e[2] == "accept":
                        p = loads(payload)
                        payload = dumps({x: p[x] for x in ("limits", "due", "revision") if x in p})
                    copy.write_row((f"{e[0]}{k:04d}", *e[1:9], payload))
        with cur.copy(f"COPY case_state ({COLUMNS}) FROM STDIN") as copy:
            for k in range(copies):
                for s in states:
                    copy.write_row((f"{s[0]}{k:04d}", *s[1:]))
        cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
    loaded = time.perf_counter() - start
    n_events = copies * len(events)
    month = median_seconds(lambda: rates(ledger, engine, COUNTY, *OCTOBER, ("venue",)), 3)
    year = median_seconds(
        lambda: rates(ledger, engine, COUNTY, dt.date(2025, 12, 1), dt.date(2026, 11, 30),
                      ("venue", "matter", "month")), 1)  # fmt: skip
    floor = median_seconds(lambda: _count(ledger), 3)
    python = median_seconds(lambda: _in_python(ledger), 1)
    print(f"monthly report, PostgreSQL, {n_events:,} events of {copies * len(states):,} cases "
          f"(loaded in {loaded:.0f} s; the machine's load {os.getloadavg()[0]:.1f})")  # fmt: skip
    print(f"  October by venue                   {month:7.3f} s  target ≤ 5 s: {_met(month, 5)}")
    print(f"  the year by venue, matter, month   {year:7.3f} s")
    print(f"  floor: count the month's events    {floor:7.3f} s  ratio {month / floor:.1f}")
    print(f"  baseline: rows summed in Python    {python:7.3f} s  ratio {python / month:.1f} ×")


def _count(ledger: Ledger) -> int:
    with ledger.db.connect() as conn:
        sql = "SELECT count(*) FROM events WHERE on_day BETWEEN :a AND :b"
        return int(conn.execute(text(sql), {"a": OCTOBER[0], "b": OCTOBER[1]}).scalar_one())


def _in_python(ledger: Ledger) -> dict[Any, int]:
    """The baseline: the same rows fetched, summed by a Python loop."""
    from catalogkit.supervision.daytable import load_days

    sums: dict[Any, int] = {}
    with ledger.db.begin() as conn:
        load_days(conn, ENGINE, ["339901101202"], dt.date(2025, 9, 1), dt.date(2027, 12, 1))
        params = {"county": COUNTY, "first": OCTOBER[0], "last": OCTOBER[1]}
        for row in conn.execute(text(facts_sql("postgresql", False)), params):
            key = (row.venue, row.matter, row.month)
            sums[key] = sums.get(key, 0) + row.received + row.accepted + row.completed
    return sums


ENGINE: Engine


def main() -> int:
    global ENGINE
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--open", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--template-cases", type=int, default=400)
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-lights", action="store_true")
    args = parser.parse_args()
    ENGINE = engine = Engine(load_catalog(DEMO), Plugins.load(tree=DEMO))
    tmpl = template(engine, args.template_cases)
    if not args.skip_lights:
        bench_lights(engine, tmpl, args.open)
    bin_dir = None if args.skip_postgres else binaries()
    if bin_dir is None:
        print("PostgreSQL: skipped (--skip-postgres, or initdb and pg_ctl not found)")
        return 0
    server = Server(bin_dir)
    server.start()
    try:
        bench_report(engine, tmpl, args.events, server)
    finally:
        server.stop()
    return 0


from catalogkit.plugins import Plugins  # noqa: E402

if __name__ == "__main__":
    try:
        raise SystemExit(main())
    finally:
        for folder in _SCRATCH:
            shutil.rmtree(folder, ignore_errors=True)
