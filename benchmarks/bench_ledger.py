"""The case ledger's speed, each figure beside its target, measured in one run.

    events/s in process, SQLite (WAL) and PostgreSQL    target ≥ 2,000 events/s each
    HTTP append vs the route endpoint (wrk, SQLite)      target ≥ 0.5 of route's req/s
    projection rebuild on PostgreSQL                     target: 1,000,000 events ≤ 60 s

Cases go through a realistic life (申请, 预审, 受理 with the engine's decision, 办结,
送达, 评价). PostgreSQL is a throwaway server started here (initdb as in the tests) with
fsync and synchronous commits ON, as in production; SQLite runs as the ledger opens it
(WAL, synchronous=NORMAL). The rebuild runs on N generated events (default 200,000;
--full for 1,000,000) and reports the time scaled to a million as well.

In process, several writer threads append at once, as a hall's windows do (SQLite: 1
and 4; PostgreSQL: 1, 4 and 16); appends arriving during a commit are committed together
(group commit), and the same run measures the writers with one commit per append too.

    python benchmarks/bench_ledger.py [--cases 300] [--rebuild-events 200000 | --full]
                                      [--duration 5] [--skip-http]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from sqlalchemy import insert  # noqa: E402
from tests.ledger.postgres import Server, binaries  # noqa: E402

from catalogkit import load_catalog  # noqa: E402
from catalogkit.engine import Engine  # noqa: E402
from catalogkit.ledger import Filters, Ledger, NewCase, NewEvent, tables  # noqa: E402
from catalogkit.ledger.jsonable import dumps  # noqa: E402
from catalogkit.plugins import Plugins  # noqa: E402

DEMO = ROOT / "catalogs"
TODAY = dt.date(2026, 12, 1)
LIFE = [
    ("precheck", {}),
    ("accept", {}),
    ("conclude", {"result": "准予", "document": "最低生活保障证"}),
    ("deliver", {"method": "窗口领取"}),
    ("rate", {"score": 5}),
]
CASE = {
    "matter": "MH-MZ-0001",
    "locality": "339901101202",
    "venue": "qingxi-center",
    "applicant": {"name": "张三", "idNumber": "33990119800101123X", "phone": "13812345678"},
    "facts": {
        "household_size": 3,
        "marital_status": "已婚",
        "has_disabled_member": False,
        "has_student": False,
        "major_illness": False,
        "monthly_income": 800,
    },
    "materials": ["最低生活保障申请书", "家庭成员居民身份证"],
    "staff": "bench",
    "on": "2026-09-24",
}


def lives(ledger: Ledger, engine: Engine, cases: int) -> int:
    new = NewCase.model_validate(CASE)
    n = 0
    for _ in range(cases):
        record, _ = ledger.create(new, engine, actor="bench", today=TODAY)
        n += 1
        for version, (kind, extra) in enumerate(LIFE, 1):
            body = {"kind": kind, "version": version, "staff": "b", "on": "2026-10-20", **extra}
            ledger.append(
                record["caseNo"], NewEvent.model_validate(body), engine, actor="bench", today=TODAY
            )
            n += 1
    return n


def events_per_second(
    url: str, engine: Engine, cases: int, writers: int, grouped: bool = True
) -> float:
    """Events/s of `writers` threads each living cases through, as a hall's windows do
    at once; `grouped=False` commits every append alone (no group commit)."""
    ledger = Ledger.open(url)
    if not grouped:
        ledger._appends.most = 1
    lives(ledger, engine, 5)  # warm up
    counts = [0] * writers

    def work(i: int) -> None:
        counts[i] = lives(ledger, engine, cases // writers)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(writers)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    ledger.close()
    return sum(counts) / elapsed


def generated_events(ledger: Ledger, engine: Engine, total: int) -> None:
    """`total` events of generated cases (six events each), written in bulk."""
    template = Ledger.open(f"sqlite:///{tempfile.mkdtemp()}/one.sqlite")
    lives(template, engine, 1)
    sample = template.timeline(template.find(Filters())[0][0]["caseNo"])
    now = dt.datetime.now(dt.UTC)
    batch: list[dict[str, Any]] = []
    with ledger.db.begin() as conn:
        for i in range(total):
            case, step = divmod(i, len(sample))
            e = sample[step]
            number = f"339901{20200101 + case // 999_999:08d}{case % 999_999 + 1:06d}"
            batch.append(
                {
                    "case_no": number, "seq": e.seq, "kind": e.kind, "on_day": e.on,
                    "recorded_at": now, "venue": e.venue, "staff": e.staff,
                    "channel": e.channel, "actor": e.actor, "payload": dumps(e.payload),
                }
            )  # fmt: skip
            if len(batch) == 10_000:
                conn.execute(insert(tables.events), batch)
                batch = []
        if batch:
            conn.execute(insert(tables.events), batch)


def http_ratio(url: str, engine: Engine, seconds: int) -> None:
    if shutil.which("wrk") is None:
        print("HTTP append vs route: skipped (wrk is not installed: apt-get install wrk)")
        return
    import bench_http as bh

    ledger = Ledger.open(url)
    token = ledger.make_token("staff", "qingxi-center", "339901", "bench")
    new = NewCase.model_validate({**CASE, "on": None})
    per_thread = 3000
    numbers = [
        ledger.create(new, engine, actor="bench")[0]["caseNo"] for _ in range(2 * per_thread)
    ]
    ledger.close()
    prefix = numbers[0][:14]
    script = Path(tempfile.mkdtemp()) / "append.lua"
    script.write_text(APPEND_LUA % {"prefix": prefix, "per": per_thread, "token": token})
    port = bh.free_port()
    env = {**os.environ, "CATALOGKIT_DATABASE_URL": url, "PYTHONPATH": f"{ROOT / 'src'}:{ROOT}"}
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "benchmarks" / "bench_http.py"), "--serve", str(port)],
        env=env,
        stdin=subprocess.DEVNULL,
        cwd=ROOT / "benchmarks",
    )
    try:
        base = f"http://127.0.0.1:{port}"
        bh.wait_ready(base, server)
        bh.wrk(base + bh.ROUTE, 1, 2, 16, None)
        route = bh.wrk(base + bh.ROUTE, seconds, 2, 16, None)
        append = bh.wrk(base + "/v1/cases", seconds, 2, 16, script)
        route2 = bh.wrk(base + bh.ROUTE, seconds, 2, 16, None)
    finally:
        server.terminate()
        server.wait(10)
    mean = (route.rps + route2.rps) / 2
    ratio = append.rps / mean
    verdict = "met" if ratio >= 0.5 else "MISSED"
    print(f"HTTP route (cached answer)   {mean:8.0f} req/s   wrk -t2 -c16, {seconds} s")
    print(
        f"HTTP append (预审/转报 events) {append.rps:8.0f} req/s   p99 {append.p99_ms:.1f} ms   "
        f"ratio {ratio:.2f}   (target ≥ 0.50: {verdict})"
    )


APPEND_LUA = """\
local counter = 0
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end
function init(args)
  -- wrk calls request() once on the first thread to check it and never sends that
  -- request: start one early there, so that no case is skipped (and later refused 409)
  if tid == 0 then counter = -1 end
end
function request()
  local i = counter %% %(per)d
  local pass = math.floor(counter / %(per)d)
  counter = counter + 1
  local serial = tid * %(per)d + i + 1
  local path = string.format("/v1/cases/%(prefix)s%%06d/events", serial)
  local body = string.format(
    '{"kind":"forward","version":%%d,"staff":"b","toVenue":"minghu-hall"}', pass + 1)
  return wrk.format("POST", path, {["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer %(token)s"}, body)
end
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=300, help="case lives per backend")
    parser.add_argument("--rebuild-events", type=int, default=200_000)
    parser.add_argument("--full", action="store_true", help="rebuild 1,000,000 events")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--skip-http", action="store_true")
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    total = 1_000_000 if args.full else args.rebuild_events
    engine = Engine(load_catalog(DEMO), Plugins.load(tree=DEMO))
    folder = Path(tempfile.mkdtemp(prefix="bench-ledger-"))
    sqlite = f"sqlite:///{folder / 'ledger.sqlite'}"
    floor = floor_sqlite(folder / "floor.sqlite", 3000)
    rate = events_per_second(sqlite, engine, args.cases, 1)
    print(f"{'floor: bare sqlite3, same 3 statements':<38} {floor:8.0f} events/s   (no target)")
    report("in process, SQLite (WAL), 1 writer", rate)
    print(f"{'':<38} {rate / floor:8.2f} of the floor")
    alone = events_per_second(f"{sqlite}-alone", engine, args.cases, 4, grouped=False)
    rate = events_per_second(f"{sqlite}-4", engine, args.cases, 4)
    report("in process, SQLite (WAL), 4 writers", rate)
    print(f"{'':<38} {rate / floor:8.2f} of the floor; {rate / alone:.2f} × one commit each")
    bin_dir = None if args.skip_postgres else binaries()
    server = None
    if bin_dir is None:
        print("PostgreSQL: skipped (--skip-postgres, or initdb and pg_ctl not found)")
    else:
        server = Server(bin_dir, durable=True)
        server.start()
    try:
        if server is not None:
            alone = events_per_second(_database(server, "alone"), engine, args.cases, 16, False)
            for writers in (1, 4, 16):
                url = _database(server, f"bench_{writers}")
                rate = events_per_second(url, engine, args.cases, writers)
                report(f"in process, PostgreSQL, {writers} writer(s)", rate)
            print(f"{'':<38} 16 writers: {rate / alone:.2f} × one commit each ({alone:.0f}/s)")
            url = _database(server, "bench_async", "SET synchronous_commit = off")
            rate = events_per_second(url, engine, args.cases, 4)
            report("  the same, 4 writers, no fsync wait", rate)
            print(f"{'':<38} (synchronous_commit=off: shows what the disk costs; no target)")
        if not args.skip_http:
            http_ratio(f"sqlite:///{folder / 'http.sqlite'}", engine, args.duration)
        if server is not None:
            url = _database(server, "bench_rebuild")
            ledger = Ledger.open(url)
            start = time.perf_counter()
            generated_events(ledger, engine, total)
            loaded = time.perf_counter() - start
            start = time.perf_counter()
            cases, events = ledger.rebuild()
            took = time.perf_counter() - start
            per_million = took * 1_000_000 / events
            verdict = "met" if per_million <= 60 else "MISSED"
            print(
                f"rebuild on PostgreSQL: {events:,} events of {cases:,} cases in {took:.1f} s "
                f"(loading them took {loaded:.1f} s); {per_million:.1f} s per million "
                f"(target ≤ 60 s: {verdict})"
            )
    finally:
        if server is not None:
            server.stop()
    return 0


def floor_sqlite(path: Path, n: int) -> float:
    """What one event costs with nothing of ours: the sqlite3 module alone, one
    transaction per event reading a row, adding an event row and rewriting the row."""
    import sqlite3

    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE e (id INTEGER PRIMARY KEY, k TEXT, s INT, p TEXT, UNIQUE (k, s))")
    db.execute("CREATE TABLE c (k TEXT PRIMARY KEY, v INT, doc TEXT)")
    db.execute("INSERT INTO c VALUES ('a', 0, '')")
    doc = "x" * 1500
    start = time.perf_counter()
    for i in range(n):
        db.execute("BEGIN IMMEDIATE")
        db.execute("SELECT doc FROM c WHERE k = 'a'").fetchone()
        db.execute("INSERT INTO e (k, s, p) VALUES ('a', ?, ?)", (i + 1, doc[:300]))
        db.execute("UPDATE c SET v = ?, doc = ? WHERE k = 'a' AND v = ?", (i + 1, doc, i))
        db.execute("COMMIT")
    elapsed = time.perf_counter() - start
    db.close()
    return n / elapsed


def report(label: str, rate: float) -> None:
    verdict = "met" if rate >= 2000 else "MISSED"
    print(f"{label:<38} {rate:8.0f} events/s   (target ≥ 2,000: {verdict})")


def _database(server: Server, name: str, setting: str = "") -> str:
    from sqlalchemy import create_engine, text

    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
        if setting:
            conn.execute(text(f"ALTER DATABASE {name} {setting}"))
    admin.dispose()
    return server.url(name)


if __name__ == "__main__":
    sys.exit(main())
