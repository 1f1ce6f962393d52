"""route and decide on the demo county with its plugins enabled, in-process, each
against a floor measured in the same run:

    route  vs a plain dict lookup of the matter's venue       (target ≤ 20 µs median)
    decide vs the same due-date computation alone              (target ≤ 200 µs median)
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from catalogkit import load_catalog
from catalogkit.calendar import WorkingCalendar
from catalogkit.engine import Engine
from catalogkit.model.case import Case
from catalogkit.plugins import Plugins

ROOT = Path(__file__).resolve().parent.parent
DIBAO = {
    "household_size": 3,
    "marital_status": "已婚",
    "has_disabled_member": False,
    "has_student": False,
    "major_illness": False,
    "monthly_income": 800,
}
MATERIALS = [
    "最低生活保障申请书",
    "家庭成员居民身份证",
    "家庭经济状况核对授权书",
    "家庭收入和财产状况申报表",
]


def median_us(work: Callable[[], object], calls: int = 2000, rounds: int = 7) -> float:
    work()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            work()
        samples.append((time.perf_counter() - start) / calls * 1e6)
    return statistics.median(samples)


def main() -> int:
    plugins = Plugins.load(tree=ROOT / "catalogs", folders=[ROOT / "plugins"])
    bundle = load_catalog(ROOT / "catalogs", cache=False, plugins=plugins)
    engine = Engine(bundle, plugins)
    village = "339901101202"
    case = Case.model_validate(
        {
            "matter": "MH-MZ-0001",
            "locality": village,
            "submitted": dt.date(2026, 9, 24),
            "facts": DIBAO,
            "materials": MATERIALS,
        }
    )
    decision = engine.decide(case)
    assert decision.outcome == "accept" and decision.promised_due == dt.date(2026, 10, 29)
    plain = {code: entry.matter.venue for code, entry in bundle.matters.items()}
    calendar = WorkingCalendar.for_locality(bundle.calendars, bundle.chain(village))
    start = dt.date(2026, 9, 24)

    t_dict = median_us(lambda: plain["MH-MZ-0001"], calls=200_000)
    t_route = median_us(lambda: engine.route("MH-MZ-0001", village), calls=20_000)
    t_due = median_us(
        lambda: (calendar.add_working_days(start, 20), calendar.add_working_days(start, 30)),
        calls=20_000,
    )
    t_decide = median_us(lambda: engine.decide(case))
    print(f"plugins enabled in the demo: {', '.join(plugins.names()) or 'none'}")
    print(f"dict lookup (floor)     {t_dict:8.3f} µs")
    print(
        f"route                   {t_route:8.3f} µs   ratio {t_route / t_dict:7.1f}   "
        f"(target ≤ 20 µs)"
    )
    print(f"due dates alone (floor) {t_due:8.3f} µs")
    print(
        f"decide                  {t_decide:8.3f} µs   ratio {t_decide / t_due:7.1f}   "
        f"(target ≤ 200 µs)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
