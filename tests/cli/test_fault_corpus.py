"""Every command, and a live reload, over every case of the fault corpus
(tests/data/faults/cases.txt): named pipes, sockets, devices, broken and looping links,
unreadable and sparse huge files, deep nesting of every YAML construct, lone
surrogates, odd encodings.

Each case runs in a process of its own (tests/cli/fault_driver.py): each step ends
(never blocks) and costs under 5 s of CPU, with exit 0, 1 or 2 and no traceback; the
reload fails with the expected rule and keeps the last good revision; the process's
peak memory stays under 200 MB."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from tests.conftest import ROOT

CASES_FILE = ROOT / "tests" / "data" / "faults" / "cases.txt"
MAX_RSS_KB = 200 * 1024
STEPS = 18  # the reload and the commands of fault_driver.commands
SECONDS = 5  # CPU seconds a step may cost
WALL = 30  # seconds a step may wait before the driver's alarm stops it


class Case(NamedTuple):
    name: str
    how: str
    at: str
    rule: str


def read_cases() -> list[Case]:
    out = []
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(Case(*line.split()))
    return out


CASES = read_cases()


def run_case(case: Case, work: Path) -> tuple[list[dict[str, Any]], int]:
    """The steps the driver reported, and its peak resident memory in KB."""
    log = work / "steps.jsonl"
    env = {**os.environ, "CATALOGKIT_CACHE_DIR": str(work / "cache"), "PYTHONPATH": str(ROOT)}
    env.pop("CATALOGKIT_DEBUG", None)
    with log.open("w", encoding="utf-8") as out:
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.cli.fault_driver", str(work), *case[:3]],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            env=env,
        )
    deadline = time.monotonic() + WALL * STEPS + 30  # the driver's own alarms come first
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            child.kill()
            os.wait4(child.pid, 0)
            child.returncode = -9
            pytest.fail(f"{case.name}: the driver hung\n{log.read_text(encoding='utf-8')}")
        time.sleep(0.05)
    child.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8")
    assert child.returncode == 0, f"{case.name}: the driver died ({child.returncode})\n{text}"
    steps = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    assert len(steps) == STEPS, text
    # the driver's own high-water mark (VmHWM starts afresh at exec; ru_maxrss would
    # carry over the test process's, copied at fork)
    peaks = [int(line.split()[1]) for line in text.splitlines() if line.startswith("peak-kb ")]
    return steps, peaks[-1] if peaks else usage.ru_maxrss


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fault(case: Case, tmp_path: Path) -> None:
    if case.how == "make:mode-000" and os.geteuid() == 0:
        pytest.skip("root reads a file of mode 000")
    steps, peak = run_case(case, tmp_path)
    assert peak < MAX_RSS_KB, f"{case.name}: peak memory {peak // 1024} MB"
    for step in steps:
        assert not step.get("hung"), f"{case.name}: {step['step']} blocked for {WALL} s"
        assert step["cpu"] < SECONDS, f"{case.name}: {step['step']} cost {step['cpu']:.1f} s"
    reload, *commands = steps
    if case.rule == "-":
        assert reload["status"] == "ok", reload
    else:
        assert reload["status"] == "failed" and case.rule in reload["rules"], reload
        assert reload["kept"], "the last good revision must stay in service"
    for step in commands:
        where = f"{case.name}: {step['step']}"
        assert step["traceback"] is None, f"{where} crashed:\n{step['traceback']}"
        assert step["exit"] in (0, 1, 2), f"{where}: exit {step['exit']}\n{step['output']}"
        assert "Traceback" not in step["output"] and "internal error" not in step["output"]
    validate = commands[0]
    if case.rule == "-":
        assert validate["exit"] == 0, validate["output"]
    else:
        assert validate["exit"] == 1 and f"[{case.rule}]" in validate["output"], validate["output"]
