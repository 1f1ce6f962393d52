"""A case ledger for the server's schema tests: an SQLite file in a temporary folder,
a window-staff token and one registered case (built at import, like the app)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from catalogkit.ledger import Ledger, NewCase

NEW_CASE: dict[str, Any] = {
    "matter": "MH-MZ-0001",
    "locality": "339901101202",
    "venue": "qingxi-center",
    "applicant": {"name": "张三", "idNumber": "33990119800101123X", "phone": "13812345678"},
    "materials": ["最低生活保障申请书"],
    "staff": "qx-window-01",
    "on": "2026-09-24",
}


def ledger_for(app: FastAPI) -> tuple[Ledger, str, str]:
    """(the ledger now serving `app`, a staff token of qingxi-center, a case number)."""
    folder = Path(tempfile.mkdtemp(prefix="catalogkit-ledger-"))
    ledger = app.state.ledger = Ledger.open(f"sqlite:///{folder / 'ledger.sqlite'}")
    staff = ledger.make_token("staff", "qingxi-center", "339901", "schema tests")
    engine = app.state.live.current.engine
    record, _ = ledger.create(NewCase.model_validate(NEW_CASE), engine, actor="test")
    return ledger, staff, record["caseNo"]
