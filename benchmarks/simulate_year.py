"""A year of cases for the demo county (明湖县, fictional), written into a case ledger
through the ledger's own calls (`Ledger.create`, `Ledger.append`), as window staff would
record them: windows at the county hall and the town centers, village stations that
proxy cases up (转报 … 接件) and handle some themselves, 补正 before and after 受理,
special procedures, refusals, withdrawals, ratings (bad ones opening rectifications,
most answered in writing), follow-up calls, complaints, and cases concluded late or
still open at the end. Every applicant is made up; nothing here is real data.

    python benchmarks/simulate_year.py [--cases 20000] [--seed 7] [--database-url URL]
    catalogkit report -c catalogs --database-url URL rates \
        --from 2025-12-01 --to 2026-11-30 --by month

Without --database-url it writes a new SQLite file in a temporary folder and prints its URL.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from bisect import bisect_left
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from catalogkit import load_catalog  # noqa: E402
from catalogkit.engine import Engine  # noqa: E402
from catalogkit.ledger import Ledger, LedgerError, NewCase, NewEvent, complaint_cases  # noqa: E402
from catalogkit.ledger.complaint_cases import NewComplaint  # noqa: E402
from catalogkit.plugins import Plugins  # noqa: E402

DEMO = ROOT / "catalogs"
FIRST, LAST = dt.date(2025, 12, 1), dt.date(2026, 11, 30)
TODAY = dt.date(2026, 12, 4)
MATTERS = {  # matters with limits in working days and no form to fill (or its facts)
    "MH-MZ-0001": {
        "household_size": 3, "marital_status": "已婚", "has_disabled_member": False,
        "has_student": False, "major_illness": False, "monthly_income": 800,
    },
    "MH-MZ-0009": {}, "MH-BDC-0001": {}, "MH-BDC-0003": {}, "MH-BDC-0004": {},
    "MH-NY-0004": {}, "MH-NY-0005": {}, "MH-RS-0005": {},
}  # fmt: skip
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"


class Days:
    """The county's working days as a list, to step n working days forward or back."""

    def __init__(self, engine: Engine) -> None:
        cal = engine.calendar("339901", FIRST.year)
        span = (dt.date(2027, 12, 31) - FIRST).days
        every = (FIRST + dt.timedelta(days=i) for i in range(span))
        self.days = [d for d in every if cal.works_on(d)]

    def shift(self, day: dt.date, n: int) -> dt.date:
        i = bisect_left(self.days, day)
        return self.days[max(0, min(len(self.days) - 1, i + n))]


class Writer:
    def __init__(self, ledger: Ledger, engine: Engine) -> None:
        self.ledger, self.engine, self.events = ledger, engine, 0

    def new(self, rng: random.Random, venue: str, locality: str, matter: str, on: dt.date,
            channel: str) -> dict[str, Any]:  # fmt: skip
        phone = f"13{rng.randrange(10**9):09d}"
        new = NewCase.model_validate({
            "matter": matter, "locality": locality, "venue": venue, "channel": channel,
            "applicant": {"name": rng.choice(SURNAMES) + "某", "phone": phone},
            "facts": MATTERS[matter], "staff": f"{venue}-w1", "on": on.isoformat(),
        })  # fmt: skip
        record, _ = self.ledger.create(new, self.engine, actor=f"staff@{venue}/sim", today=TODAY)
        self.events += 1
        return record

    def add(self, record: dict[str, Any], kind: str, on: dt.date, venue: str | None = None,
            **fields: Any) -> dict[str, Any]:  # fmt: skip
        new = NewEvent.model_validate(
            {"kind": kind, "version": record["version"], "staff": "sim", "on": on.isoformat(),
             **fields}
        )  # fmt: skip
        if on > TODAY:  # what would happen after the simulated year's end does not
            return record
        actor = f"staff@{venue or record['holder']}/sim"
        self.events += 1
        return self.ledger.append(record["caseNo"], new, self.engine, actor=actor, today=TODAY)

    def answer(self, number: str, on: dt.date) -> None:
        """The written reply (书面答复) closing a rectification or a complaint."""
        if on <= TODAY:
            self.add(self.ledger.get(number), "reply", on, reply="已核实，整改完毕并书面答复")

    def complain(self, rng: random.Random, about: dict[str, Any], on: dt.date) -> str:
        """A complaint about a case, taken by the county hall's complaint line."""
        new = NewComplaint.model_validate({
            "venue": "minghu-hall", "aboutCase": about["caseNo"], "channel": "phone",
            "complainant": {"name": rng.choice(SURNAMES) + "某",
                            "phone": f"13{rng.randrange(10**9):09d}"},
            "summary": "办理时间过长，答复不清", "staff": "minghu-hall-desk",
            "on": min(on, TODAY).isoformat(),
        })  # fmt: skip
        record, _ = complaint_cases.file(
            self.ledger, new, self.engine, actor="staff@minghu-hall/sim", today=TODAY
        )
        self.events += 2
        return str(record["caseNo"])


def places(engine: Engine) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """(window venue, a locality it serves) and (village station, its locality, its
    town's center)."""
    b = engine.bundle
    windows, stations = [], []
    for venue, owned in b.venues.items():
        tier = owned.item.tier
        if tier in ("county-hall", "town-center"):
            kids = [c for c in b.localities if c.startswith(owned.locality) and len(c) == 12]
            windows.extend((venue, k) for k in kids[:4])
        elif tier == "village-station":
            town = owned.locality[:9]
            centers = [v for v, o in b.venues.items() if o.locality == town]
            if centers and len(owned.locality) == 12:
                stations.append((venue, owned.locality, centers[0]))
    return windows, stations


def one_case(w: Writer, days: Days, rng: random.Random, windows: list[Any],
             stations: list[Any]) -> None:  # fmt: skip
    on = days.shift(FIRST + dt.timedelta(days=rng.randrange((LAST - FIRST).days)), 0)
    matter = rng.choice(list(MATTERS))
    roll = rng.random()
    if roll < 0.15:  # a village station carries the case to the town (代办)
        station, locality, center = rng.choice(stations)
        r = w.new(rng, station, locality, matter, on, "proxy")
        r = w.add(r, "forward", on, toVenue=center)
        on = days.shift(on, rng.choice((0, 1, 1, 2)))
        r = w.add(r, "receive", on, venue=center)
        back: tuple[str, str] | None = (station, center)
    elif roll < 0.21:  # handled at the village station
        station, locality, _ = rng.choice(stations)
        r, back = w.new(rng, station, locality, matter, on, "window"), None
    else:
        venue, locality = rng.choice(windows)
        r, back = w.new(rng, venue, locality, matter, on, rng.choice(("window", "online"))), None
    if rng.random() < 0.10:  # 补正 before acceptance
        r = w.add(r, "notify-correction", on, materials=["补充材料"])
        on = days.shift(on, rng.randint(1, 6))
        if on > LAST:
            return
        r = w.add(r, "complete-correction", on)
    if rng.random() < 0.02:
        w.add(r, "refuse", on, reasons=["不符合受理条件"])
        return
    r = w.add(r, "accept", on)
    roll = rng.random()
    if roll < 0.05:  # 补正 after acceptance: the clock starts again when materials arrive
        on = days.shift(on, rng.randint(1, 3))
        r = w.add(r, "notify-correction", on, materials=["补充证明"])
        on = days.shift(on, rng.randint(1, 8))
        if on > LAST:
            return
        r = w.add(r, "complete-correction", on)
    elif roll < 0.08:  # a special procedure (not counted)
        on = days.shift(on, rng.randint(1, 3))
        r = w.add(r, "start-special", on, procedure=rng.choice(("公告", "现场勘验", "专家评审")))
        on = days.shift(on, rng.randint(3, 12))
        if on > LAST:
            return
        r = w.add(r, "end-special", on)
    elif roll < 0.09:
        w.add(r, "withdraw", days.shift(on, 1))
        return
    due = r["due"]["promised"]
    limit = ((r.get("limits") or {}).get("promised") or {}).get("value")
    if due is None or limit is None:  # the decision gave no limit here: no due date
        due_day, limit = days.shift(on, rng.randint(3, 15)), 0
    else:
        due_day = dt.date.fromisoformat(due)
    roll = rng.random()
    if roll < 0.85:
        done = days.shift(due_day, -rng.randint(0, max(limit - 1, 0)))
    elif roll < 0.92:
        done = due_day
    else:  # late
        done = days.shift(due_day, rng.randint(1, 6))
    done = max(done, on)
    if done > LAST:
        return  # still open at the end of the year
    r = w.add(r, "conclude", done, result="准予" if rng.random() < 0.97 else "不予")
    if back is not None:
        station, center = back
        r = w.add(r, "send", done, venue=center, toVenue=station)
        done = days.shift(done, 1)
        r = w.add(r, "receive", done, venue=station)
    done = days.shift(done, rng.randint(0, 2))
    r = w.add(r, "deliver", done, method="窗口领取")
    feedback(w, days, rng, r, done)


def feedback(w: Writer, days: Days, rng: random.Random, r: dict[str, Any], done: dt.date) -> None:
    """What residents say afterwards: ratings (a bad one opens a rectification, most of
    them answered in writing), follow-up calls of the chosen cases, a few complaints."""
    last = done  # events of a case come in order of their days
    for channel, share in (("evaluator", 0.4), ("sms", 0.1)):
        if rng.random() < share:
            score = rng.choices((5, 4, 3, 2, 1), (70, 20, 6, 3, 1))[0]
            on = last = days.shift(done, 0 if channel == "evaluator" else rng.randint(1, 3))
            r = w.add(r, "rate", on, channel=channel, score=score)
            fixing = ((r.get("ratings") or {}).get(channel) or {}).get("rectification")
            if fixing and rng.random() < 0.8:
                w.answer(fixing, days.shift(on, rng.randint(2, 18)))
    task = r.get("followUp") or {}
    if task.get("selected"):
        on = last = max(last, days.shift(done, rng.randint(2, 10)))
        for _ in range(task.get("attempts", 3)):
            reached = rng.random() < 0.7
            r = w.add(r, "follow-up", on, channel="phone", reached=reached)
            if reached or (r.get("followUp") or {}).get("status") != "due":
                break
            on = days.shift(on, rng.randint(1, 3))
    if rng.random() < 0.004 and done + dt.timedelta(days=3) <= TODAY:
        on = days.shift(done, rng.randint(1, 5))
        number = w.complain(rng, r, on)
        if rng.random() < 0.9:
            w.answer(number, days.shift(on, rng.randint(3, 18)))


def simulate(ledger: Ledger, engine: Engine, cases: int, seed: int) -> int:
    """Write `cases` cases; the number of events written."""
    rng = random.Random(seed)
    days = Days(engine)
    windows, stations = places(engine)
    w = Writer(ledger, engine)
    for _ in range(cases):
        try:
            one_case(w, days, rng, windows, stations)
        except LedgerError as exc:  # a step the catalog refuses: the case stops there
            print(f"  skipped a step: {exc.en}", file=sys.stderr)
    return w.events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp(prefix='sim-')}/ledger.sqlite"
    engine = Engine(load_catalog(DEMO), Plugins.load(tree=DEMO))
    ledger = Ledger.open(url)
    start = time.perf_counter()
    events = simulate(ledger, engine, args.cases, args.seed)
    took = time.perf_counter() - start
    print(f"{args.cases:,} cases, {events:,} events in {took:.1f} s ({events / took:,.0f}/s)")
    print(url)
    ledger.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
