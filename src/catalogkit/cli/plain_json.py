"""JSON for command output: catalog models as their fields (a time limit as
{"value", "unit", "note"}, never its Python text) and dates as YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any


def plain(value: Any) -> Any:
    """`json.dumps` default for what `dataclasses.asdict` leaves as objects (pydantic
    is imported here, when there is output to write, not with the command's module)."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def dumps(body: Any) -> str:
    return json.dumps(body, ensure_ascii=False, indent=2, default=plain)
