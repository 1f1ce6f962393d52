"""YAML decision tests: a case in, the expected outcome, fees, due dates and missing
materials out (`catalogkit test PATH`). Each expected key is compared; others are not."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .engine import Decision, Engine
from .errors import CatalogkitError, Diagnostic
from .load.locate import locate_all
from .load.one_document import read_document
from .load.opening import read_input
from .load.tree import catalog_files
from .model import CASE_KINDS, DecisionTest, DecisionTestsDocument


@dataclass(frozen=True)
class TestResult:
    file: str
    name: str
    passed: bool
    differences: tuple[str, ...]
    decision: Decision | None = None


def read_tests(path: Path) -> tuple[list[tuple[str, DecisionTest]], list[Diagnostic]]:
    files = [path] if path.is_file() else catalog_files(path)
    tests: list[tuple[str, DecisionTest]] = []
    problems: list[Diagnostic] = []
    base = path.parent if path.is_file() else path
    for file in files:
        name = file.relative_to(base).as_posix()
        raw = read_input(file, name)
        loaded = read_document(name, raw, hashlib.blake2b(raw).hexdigest(), CASE_KINDS)
        problems += loaded.diagnostics
        if isinstance(loaded.document, DecisionTestsDocument):
            tests += [(name, t) for t in loaded.document.tests]
    return tests, locate_all(base, problems) if problems else []


def run_tests(engine: Engine, tests: list[tuple[str, DecisionTest]]) -> list[TestResult]:
    out = []
    for file, test in tests:
        try:
            decision = engine.decide(test.case)
        except CatalogkitError as exc:
            out.append(TestResult(file, test.name, False, (f"error: {exc}",)))
            continue
        diffs = tuple(compare(decision, test.expect.model_dump(exclude_none=True)))
        out.append(TestResult(file, test.name, not diffs, diffs, decision))
    return out


def observed(decision: Decision) -> dict[str, Any]:
    return {
        "outcome": decision.outcome,
        "missing_materials": [m.name for m in decision.missing_materials],
        "missing_facts": list(decision.missing_facts),
        "refusals": [r.reason for r in decision.refusals],
        "total_fee": decision.total_fee,
        "fees": {f.id: f.net for f in decision.fees},
        "promised_due": decision.promised_due,
        "statutory_due": decision.statutory_due,
        "accepted_on": decision.accepted_on,
        "provisional": decision.provisional,
        "decided_at": decision.route.decided_at.venue if decision.route else None,
        "accepted_at": decision.handled_at,
        "forward_to": decision.forward_to,
        "plugins": sorted(decision.plugins),
    }


def compare(decision: Decision, expected: dict[str, Any]) -> list[str]:
    seen = observed(decision)
    diffs = []
    for key, want in expected.items():
        got = seen[key]
        if isinstance(want, float | int) and isinstance(got, float | int):
            same = abs(float(want) - float(got)) < 0.005
        elif isinstance(want, dict):
            same = {k: float(v) for k, v in want.items()} == {
                k: float(v) for k, v in (got or {}).items()
            }
        else:
            same = want == got
        if not same:
            diffs.append(f"{key}: expected {want!r}, got {got!r}")
    return diffs
