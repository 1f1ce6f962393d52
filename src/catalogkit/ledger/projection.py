"""The current state of a case, folded from its events and nothing else.

`fold` is pure: the same events always give the same record, so the projection table
can be dropped and rebuilt at any time (`catalogkit cases rebuild`). Every date the
projection shows was written into an event when it was recorded; nothing is recomputed
from a catalog that may have changed since."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from .feedback_fold import followed, rated
from .jsonable import dumps
from .machine import next_state


@dataclass(frozen=True)
class Event:
    case_no: str
    seq: int
    kind: str
    on: dt.date
    recorded_at: dt.datetime
    venue: str
    staff: str
    channel: str
    actor: str
    payload: dict[str, Any]


_FIELDS = tuple(f.name for f in fields(Event))


def fold(record: dict[str, Any] | None, event: Event, *, in_place: bool = False) -> dict[str, Any]:
    """The record after `event` (record None for the case's first event, `apply`);
    `in_place` changes `record` itself (a rebuild, which keeps no earlier record)."""
    state = next_state(None if record is None else record["state"], event.kind)
    if state is None:  # events in the table were checked when written
        raise ValueError(f"{event.case_no}#{event.seq}: {event.kind} cannot follow")
    if record is None:
        r = _opened(event)
    elif in_place:
        r = record
    else:
        r = {**record, "clock": dict(record["clock"])}
    p = event.payload
    on = event.on.isoformat()
    kind = event.kind
    if kind == "accept":
        r.update(acceptedOn=on, revision=p.get("revision"), limits=p.get("limits"))
        r["clock"] = {"start": on, "pauses": [], "pausedSince": None, "pausedBy": None}
    elif kind == "notify-correction":
        r["missing"] = list(p.get("materials", []))
        if state == "correcting":
            r["clock"].update(pausedSince=on, pausedBy="补正")
    elif kind == "complete-correction":
        r["materials"] = [*r["materials"], *(m for m in r["missing"] if m not in r["materials"])]
        r["missing"] = []
        if state == "accepted":  # 补正 restarts the clock from this day
            r["clock"] = {"start": on, "pauses": [], "pausedSince": None, "pausedBy": None}
    elif kind == "start-special":
        r["clock"].update(pausedSince=on, pausedBy=p.get("procedure"))
    elif kind == "end-special":
        pauses = [*r["clock"]["pauses"], [r["clock"]["pausedSince"], on]]
        r["clock"] = {**r["clock"], "pauses": pauses, "pausedSince": None, "pausedBy": None}
    elif kind in ("forward", "send"):
        r["inTransitTo"] = p.get("toVenue")
    elif kind == "receive":
        r.update(holder=event.venue, inTransitTo=None)
    elif kind in ("refuse", "conclude", "withdraw"):
        r.update(finishedOn=on, reasons=list(p.get("reasons", [])))
        if kind == "conclude":
            r.update(result=p.get("result"), document=p.get("document"))
    elif kind == "deliver":
        r["deliveredOn"] = on
    elif kind in ("rate", "correct-rating"):
        r["rating"] = {"score": p.get("score"), "comment": p.get("note")}
        rated(r, event)
    elif kind == "reply":
        r.update(finishedOn=on, reply=p.get("reply"))
    elif kind == "follow-up":
        followed(r, event)
    if kind in ("forward", "send"):
        r["proxied"] = True
    if "followUp" in p and kind == "conclude":
        r["followUp"] = dict(p["followUp"])
    if "due" in p:
        r["due"] = dict(p["due"])
    r["version"], r["state"], r["lastOn"] = event.seq, state, on
    r["updatedAt"] = event.recorded_at  # as text below, or at the end of a rebuild
    if not in_place:
        r["updatedAt"] = event.recorded_at.isoformat()
    return r


def event_of(row: tuple[Any, ...], payload: dict[str, Any]) -> Event:
    """An Event of a row (case_no … actor) without the frozen dataclass's checks, one
    `object.__setattr__` per field: a rebuild makes a million of them."""
    event = object.__new__(Event)
    event.__dict__.update(zip(_FIELDS, (*row, payload), strict=True))
    return event


def _opened(event: Event) -> dict[str, Any]:
    p = event.payload
    return {
        "caseNo": event.case_no,
        "version": 0,
        "state": "applied",
        "county": p["county"],
        "venue": event.venue,
        "holder": p.get("holder", event.venue),
        "inTransitTo": None,
        "matter": p["matter"],
        "matterName": p.get("matterName"),
        "locality": p["locality"],
        "channel": event.channel,
        "applicant": p["applicant"],
        "facts": p.get("facts", {}),
        "materials": list(p.get("materials", [])),
        "appliedOn": event.on.isoformat(),
        "lastOn": event.on.isoformat(),
        "acceptedOn": None,
        "revision": None,
        "limits": None,
        "clock": {"start": None, "pauses": [], "pausedSince": None, "pausedBy": None},
        "due": {"promised": None, "statutory": None, "note": None},
        "missing": [],
        "finishedOn": None,
        "result": None,
        "document": None,
        "reasons": [],
        "deliveredOn": None,
        "rating": None,
        "caseKind": p.get("caseKind", "application"),
        "about": p.get("about"),
        "ratings": {},
        "reply": None,
        "proxied": event.channel == "proxy",
        "followUp": None,
    }


def row_of(record: dict[str, Any]) -> dict[str, Any]:
    """The projection table's columns of a record (`doc` is added by the writer)."""
    due = record["due"]
    return {
        "case_no": record["caseNo"],
        "version": record["version"],
        "state": record["state"],
        "county": record["county"],
        "venue": record["venue"],
        "holder": record["holder"],
        "matter": record["matter"],
        "locality": record["locality"],
        "phone_last4": record["applicant"]["phoneLast4"],
        "applied_on": dt.date.fromisoformat(record["appliedOn"]),
        "promised_due": _day(due.get("promised")),
        "statutory_due": _day(due.get("statutory")),
        "finished_on": _day(record["finishedOn"]),
        **light_columns(record),
    }


def light_columns(record: dict[str, Any]) -> dict[str, Any]:
    """What a warning light needs of the record, as columns (supervision reads only
    these for every open case)."""
    clock = record["clock"]
    promised = (record.get("limits") or {}).get("promised")
    days = None
    if isinstance(promised, dict) and promised.get("unit") == "工作日":
        value = promised.get("value")
        days = value if isinstance(value, int) and not isinstance(value, bool) else None
    pauses = clock.get("pauses")
    return {
        "case_kind": record.get("caseKind") or "application",
        "clock_start": _day(clock.get("start")),
        "paused_since": _day(clock.get("pausedSince")),
        "paused_by": clock.get("pausedBy"),
        "pauses": dumps(pauses) if pauses else None,
        "promised_days": days,
        "in_transit_to": record.get("inTransitTo"),
        "last_on": _day(record["lastOn"]),
    }


def _day(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)
