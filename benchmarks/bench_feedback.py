"""Ratings, follow-up and the exchange export over a generated SQLite ledger, each timed
beside the ledger's own JSON Lines export of the same events (the baseline) in one run.

Each case lives 申请, 受理, 办结, 送达 and is rated through two channels; one rating in
ten is bad and opens a rectification. Figures: the rates of satisfaction of the whole
county, the follow-up list, and the exchange export of every event, as a ratio to the
baseline export.

    python benchmarks/bench_feedback.py [--cases 1000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from benchmarks._timing import median_seconds, ms  # noqa: E402
from tests.ledger.helpers import new_case  # noqa: E402

from catalogkit import load_catalog  # noqa: E402
from catalogkit.engine import Engine  # noqa: E402
from catalogkit.ledger import Ledger, NewCase, NewEvent, followups  # noqa: E402
from catalogkit.ledger.exchange_export import page  # noqa: E402
from catalogkit.ledger.satisfaction import Scope, rates, ratings  # noqa: E402
from catalogkit.ledger.transfer import export_lines  # noqa: E402
from catalogkit.plugins import Plugins  # noqa: E402

TODAY = dt.date(2026, 12, 1)
GRADES = [
    "非常满意",
    "满意",
    "基本满意",
    "满意",
    "非常满意",
    "满意",
    "不满意",
    "满意",
    "非常满意",
    "基本满意",
]


def fill(ledger: Ledger, engine: Engine, cases: int) -> None:
    case: NewCase = new_case()
    for i in range(cases):
        number = ledger.create(case, engine, actor="bench", today=TODAY)[0]["caseNo"]
        steps = [
            ("accept", {"on": "2026-09-24"}),
            ("conclude", {"on": "2026-10-09", "result": "准予"}),
            ("deliver", {"on": "2026-10-10", "method": "邮寄"}),
            ("rate", {"on": "2026-10-12", "channel": "evaluator", "grade": GRADES[i % 10]}),
            ("rate", {"on": "2026-10-12", "channel": "sms", "grade": "满意"}),
        ]
        for version, (kind, fields) in enumerate(steps, 1):
            new = NewEvent.model_validate(
                {"kind": kind, "version": version, "staff": "b", **fields}
            )
            ledger.append(number, new, engine, actor="bench", today=TODAY)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000)
    args = parser.parse_args()
    engine = Engine(load_catalog(ROOT / "catalogs"), Plugins.load(tree=ROOT / "catalogs"))
    with tempfile.TemporaryDirectory() as folder:
        ledger = Ledger.open(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        start = time.perf_counter()
        fill(ledger, engine, args.cases)
        took = time.perf_counter() - start
        events = sum(1 for _ in export_lines(ledger))
        print(f"{args.cases} cases, {events} events written in {took:.1f} s")
        base = median_seconds(lambda: sum(1 for _ in export_lines(ledger)), 3)
        figures = {
            "satisfaction (county)": lambda: rates(ratings(ledger, Scope(county="339901"))),
            "follow-ups (county)": lambda: followups.find(ledger, followups.Scope("339901")),
            "exchange export (all)": lambda: page(ledger, None, limit=10_000_000),
        }
        print(f"{'baseline: JSON Lines export':<30} {ms(base)}")
        for name, work in figures.items():
            seconds = median_seconds(work, 3)
            print(f"{name:<30} {ms(seconds)}   ratio to baseline {seconds / base:5.2f}")
        ledger.close()


if __name__ == "__main__":
    main()
