"""The hand-counted cases of tests/data/supervision/ written into a ledger through its
real API, as window staff would record them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from catalogkit.engine import Engine
from catalogkit.ledger import Ledger
from tests.ledger.helpers import event, new_case

DATA = Path(__file__).parents[1] / "data" / "supervision"


def load(name: str = "cases.yaml") -> dict[str, Any]:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def replay(ledger: Ledger, engine: Engine, data: dict[str, Any]) -> dict[str, str]:
    """Letter → case number, every case and event written with the ledger's calls."""
    today = _day(data["today"])
    numbers: dict[str, str] = {}
    for letter, spec in data["cases"].items():
        case = {_key(k): _text(v) for k, v in spec["case"].items()}
        record, _ = ledger.create(new_case(**case), engine, actor="test", today=today)
        numbers[letter] = record["caseNo"]
        for step in spec["events"]:
            fields = {_key(k): _text(v) for k, v in step.items() if k not in ("kind", "venue")}
            venue = step.get("venue", record["holder"])
            made = event(step["kind"], record["version"], **fields)
            record = ledger.append(
                record["caseNo"], made, engine, actor=f"staff@{venue}/t", today=today
            )
    return numbers


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _text(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _key(name: str) -> str:
    return "on" if name == "day" else name  # `on:` is a boolean to YAML 1.1 readers
