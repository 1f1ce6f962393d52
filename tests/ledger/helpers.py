"""Cases and events for the ledger tests, on the demo county."""

from __future__ import annotations

from typing import Any

from catalogkit.ledger import NewCase, NewEvent

FACTS = {
    "household_size": 3,
    "marital_status": "已婚",
    "has_disabled_member": False,
    "has_student": False,
    "major_illness": False,
    "monthly_income": 800,
}
ID_NUMBER = "33990119800101123X"
PHONE = "13812345678"


def new_case(**changes: Any) -> NewCase:
    body: dict[str, Any] = {
        "matter": "MH-MZ-0001",
        "locality": "339901101202",
        "venue": "qingxi-center",
        "applicant": {"name": "张三", "idNumber": ID_NUMBER, "phone": PHONE},
        "facts": FACTS,
        "materials": ["最低生活保障申请书", "家庭成员居民身份证"],
        "staff": "qx-window-01",
        "on": "2026-09-24",
        **changes,
    }
    return NewCase.model_validate(body)


def event(kind: str, version: int, **fields: Any) -> NewEvent:
    return NewEvent.model_validate({"kind": kind, "version": version, "staff": "qx-01", **fields})
