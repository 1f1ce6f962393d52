"""JSON records as portals publish them: a list of objects, or an object holding
one under `data`, `records`, `list`, `rows` or `items`."""

from __future__ import annotations

import json
from typing import Any

from ..errors import CatalogkitError
from .sheets import Sheet, cell_text

_HOLDERS = ("data", "records", "list", "rows", "items", "result")


class NotRecords(CatalogkitError, ValueError):
    pass


def _records(data: Any) -> list[Any]:
    while isinstance(data, dict):
        inner = next((data[k] for k in _HOLDERS if k in data), None)
        if inner is None:
            raise NotRecords("no list of records found (expected a list, or data/records: [...])")
        data = inner
    if not isinstance(data, list):
        raise NotRecords("no list of records found")
    return data


def read_json(name: str, raw: bytes, known: set[str]) -> list[Sheet]:
    records = _records(json.loads(raw.decode("utf-8-sig")))
    headings: list[str] = []
    for record in records:
        if isinstance(record, dict):
            headings += [str(k) for k in record if str(k) not in headings]
    sheet = Sheet(name, "", headings)
    for i, record in enumerate(records, start=1):
        if isinstance(record, dict):
            sheet.rows.append((i, [_text(record.get(h)) for h in headings]))
    return [sheet]


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        return "、".join(t for t in (cell_text(v) for v in value) if t) or None
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return cell_text(value)
