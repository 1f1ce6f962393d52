"""The hand-counted cases of tests/data/supervision/ written into a ledger through its
real API, as window staff would record them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from catalogkit.engine import Engine
from catalogkit.ledger import Ledger
from tests.ledger.helpers import PHONE, event, new_case

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
            skip = ("kind", "venue", "answer", "rectification")
            fields = {_key(k): _text(v) for k, v in step.items() if k not in skip}
            venue = step.get("venue", record["holder"])
            made = event(step["kind"], record["version"], **fields)
            record = ledger.append(
                record["caseNo"], made, engine, actor=f"staff@{venue}/t", today=today
            )
            if "rectification" in step:  # the rectification the bad rating opened
                fixing = record["ratings"][step["channel"]]["rectification"]
                numbers[step["rectification"]] = fixing
                if "answer" in step:
                    _answer(ledger, engine, fixing, step["answer"], today)
    for letter, spec in (data.get("complaints") or {}).items():
        numbers[letter] = _complain(ledger, engine, spec, numbers, today)
    return numbers


def _complain(
    ledger: Ledger, engine: Engine, spec: dict[str, Any], numbers: dict[str, str], today: dt.date
) -> str:
    from catalogkit.ledger.complaint_cases import NewComplaint, file

    body = {
        "venue": spec["venue"],
        "complainant": {"name": "李四", "phone": PHONE, "idNumber": "339901198502021234"},
        "channel": "phone",
        "summary": "窗口人员态度生硬，材料一次没说清",
        "staff": "mh-desk-01",
        "on": _text(spec["day"]),
    }
    if "aboutCase" in spec:
        body["aboutCase"] = numbers[spec["aboutCase"]]
    if "aboutVenue" in spec:
        body["aboutVenue"] = spec["aboutVenue"]
    record, _ = file(ledger, NewComplaint.model_validate(body), engine, actor="t", today=today)
    if "answer" in spec:
        _answer(ledger, engine, record["caseNo"], spec["answer"], today)
    return str(record["caseNo"])


def _answer(ledger: Ledger, engine: Engine, number: str, day: Any, today: dt.date) -> None:
    """The written reply (书面答复) that closes a rectification or a complaint."""
    record = ledger.get(number)
    made = event("reply", record["version"], reply="已核实并整改，书面答复", on=_text(day))
    ledger.append(number, made, engine, actor=f"staff@{record['holder']}/t", today=today)


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _text(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _key(name: str) -> str:
    return "on" if name == "day" else name  # `on:` is a boolean to YAML 1.1 readers
