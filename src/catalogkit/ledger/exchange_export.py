"""The exchange export: a county's cases in the stages the provincial e-supervision
system takes (申请 application, 受理 acceptance, 特别程序 special procedure, 办结
completion, 送达 result delivery), one record per event, read incrementally since a
cursor (docs/exchange.md has the field mapping and what each choice means).

The cursor is the position of the last event examined in the event log (its id), so
an export since a cursor gives exactly the events recorded after it: never one twice,
never one missed. Ids are given out when an event is written, and on PostgreSQL two
transactions may commit out of id order; the export therefore reads only up to a mark
below which every write has committed (it takes the events table's SHARE lock for an
instant to find it). SQLite has one writer at a time, so its ids commit in order."""

from __future__ import annotations

import base64
import csv
import io
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select, text

from . import database, row_access, tables
from .jsonable import dumps, loads
from .ledger_errors import InvalidInput
from .privacy import mask_name
from .projection import Event

if TYPE_CHECKING:
    from .book import Ledger

STAGES: dict[str, tuple[str, str]] = {
    "apply": ("application", "申请"),
    "accept": ("acceptance", "受理"),
    "refuse": ("acceptance", "受理"),
    "start-special": ("special-procedure", "特别程序"),
    "end-special": ("special-procedure", "特别程序"),
    "conclude": ("completion", "办结"),
    "withdraw": ("completion", "办结"),
    "deliver": ("delivery", "送达"),
}
COLUMNS = (
    "cursor", "stage", "stageZh", "event", "eventZh", "caseNo", "matter", "matterName",
    "county", "locality", "venue", "channel", "on", "recordedAt", "staff",
    "applicantName", "applicantKind", "applicantIdMasked", "applicantPhoneMasked",
    "promisedLimit", "statutoryLimit", "promisedDue", "statutoryDue", "revision",
    "procedure", "result", "reasons", "document", "deliveryMethod",
)  # fmt: skip
_ZH = {
    "apply": "申请", "accept": "受理", "refuse": "不予受理", "start-special": "特别程序开始",
    "end-special": "特别程序结束", "conclude": "办结", "withdraw": "撤回", "deliver": "送达",
}  # fmt: skip


def encode(position: int) -> str:
    return base64.urlsafe_b64encode(f"ex1:{position}".encode()).decode().rstrip("=")


def decode(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        text_ = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        tag, position = text_.split(":", 1)
        if tag != "ex1" or not position.isdigit():
            raise ValueError(cursor)
        return int(position)
    except (ValueError, UnicodeDecodeError):
        raise InvalidInput(
            "since", "not a cursor this export gave out", "since 无效：请使用上次导出返回的游标"
        ) from None


def page(
    ledger: Ledger, since: str | None, limit: int = 1000, county: str | None = None
) -> tuple[list[dict[str, Any]], str]:
    """The records after `since` (at most `limit` events examined) and the next cursor."""
    after = decode(since)
    mark = _committed_mark(ledger)
    e, c = tables.events.c, tables.cases.c
    query = (
        select(tables.events, c.doc, c.county)
        .join(tables.cases, c.case_no == e.case_no)
        .where(e.id > after, e.id <= mark)
        .order_by(e.id)
        .limit(limit)
    )
    out: list[dict[str, Any]] = []
    last = after
    with database.transaction(ledger.db, write=False) as conn:
        found = conn.execute(query).all()
    for row in found:
        last = row.id
        doc = loads(row.doc)
        wanted = row.kind in STAGES and doc.get("caseKind", "application") == "application"
        if wanted and (county is None or row.county == county):
            out.append(record(row.id, row_access.event_of(row), doc))
    if len(found) < limit:
        last = max(last, mark)  # nothing else below the mark: start there next time
    return out, encode(last)


def _committed_mark(ledger: Ledger) -> int:
    """The highest event id below which every write has committed."""
    postgres = ledger.dialect == "postgresql"
    with database.transaction(ledger.db, write=postgres) as conn:
        if postgres:
            conn.execute(text("LOCK TABLE events IN SHARE MODE"))  # waits out writers
        return int(_max_id(conn))


def _max_id(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(tables.events.c.id), 0))).scalar_one())


def record(position: int, event: Event, doc: dict[str, Any]) -> dict[str, Any]:
    """One exchange record: the stage, the case, the applicant masked, the event's facts."""
    p = event.payload
    stage, stage_zh = STAGES[event.kind]
    applicant = doc["applicant"]
    limits = p.get("limits") or {}
    due = p.get("due") or {}
    return {
        "cursor": encode(position),
        "stage": stage,
        "stageZh": stage_zh,
        "event": event.kind,
        "eventZh": _ZH[event.kind],
        "caseNo": event.case_no,
        "matter": doc["matter"],
        "matterName": doc.get("matterName"),
        "county": doc["county"],
        "locality": doc["locality"],
        "venue": event.venue,
        "channel": event.channel,
        "on": event.on.isoformat(),
        "recordedAt": event.recorded_at.isoformat(),
        "staff": event.staff,
        "applicantName": mask_name(applicant["name"]),
        "applicantKind": applicant.get("kind"),
        "applicantIdMasked": applicant.get("idMasked"),
        "applicantPhoneMasked": applicant.get("phoneMasked"),
        "promisedLimit": _limit(limits.get("promised")),
        "statutoryLimit": _limit(limits.get("statutory")),
        "promisedDue": due.get("promised"),
        "statutoryDue": due.get("statutory"),
        "revision": p.get("revision"),
        "procedure": p.get("procedure") if event.kind == "start-special" else None,
        "result": p.get("result")
        or ("不予受理" if event.kind == "refuse" else None)
        or ("撤回" if event.kind == "withdraw" else None),
        "reasons": list(p.get("reasons", [])),
        "document": p.get("document"),
        "deliveryMethod": p.get("method"),
    }


def _limit(limit: dict[str, Any] | None) -> str | None:
    return None if limit is None else f"{limit['value']}{limit['unit']}"


def as_lines(records: list[dict[str, Any]]) -> str:
    return "".join(dumps(r) + "\n" for r in records)


def as_csv(records: list[dict[str, Any]]) -> str:
    """UTF-8 CSV with a header row of COLUMNS; lists joined with "；"."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in records:
        writer.writerow([_cell(r[k]) for k in COLUMNS])
    return out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "；".join(value)
    return "" if value is None else value
