"""Engine answers (dataclasses, pydantic models, dates) as plain JSON data, and JSON text
as the ledger writes it (UTF-8 Chinese kept readable, no spaces). orjson reads and writes
it: a projection rebuild is mostly JSON, and it is several times faster than `json`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import orjson
from pydantic import BaseModel

_AS_IS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    kind = type(value)  # the common exact types first: a decision has thousands of them
    if kind in _AS_IS:
        return value
    if kind is dict:
        return {str(k): plain(v) for k, v in value.items()}
    if kind is list or kind is tuple:
        return [plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_none=True)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return value


def dumps(value: Any) -> str:
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # an integer beyond 64 bits, which only `json` writes
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes) -> Any:
    return orjson.loads(text)
