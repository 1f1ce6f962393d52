"""Recording one event on a case: the version the caller read must still be current, the
state machine must allow the event, and what the event does to the clock is computed
now (with the engine) and written into the event, so the projection never needs the
catalog again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ..engine import Engine
from ..errors import CatalogkitError
from ..model import Case
from . import days, feedback_append
from . import row_access as rows
from .clock import STOPPED, due_dates, limits_of, pauses_of
from .hot import Stale, Writer
from .inputs import REQUIRED, NewEvent
from .jsonable import plain
from .ledger_errors import Conflict, Forbidden, InvalidInput, LedgerError
from .machine import KINDS, STATES, allowed_after, next_state
from .projection import Event, fold

ENGINE_CHANNELS = {"window": "window", "proxy": "proxy"}  # the others apply online
_OWN = {"kind", "version", "staff", "on", "channel"}


def check_event(
    record: dict[str, Any], new: NewEvent, engine: Engine | None, today: dt.date
) -> dt.date:
    """The day of the event, after every check that does not need the database."""
    state = record["state"]
    if new.version != record["version"]:
        raise rows.stale(record["caseNo"], new.version, state, record["version"])
    if next_state(state, new.kind) is None:
        kind = KINDS[new.kind]
        allowed = allowed_after(state)
        raise Conflict(
            f"{new.kind} ({kind.zh}) cannot be recorded on case {record['caseNo']}, which is "
            f"{state} ({STATES[state]}); allowed next: {', '.join(allowed) or 'nothing'}",
            f"办件 {record['caseNo']} 当前状态为「{STATES[state]}」，不能登记「{kind.zh}」；"
            f"可登记：{'、'.join(KINDS[k].zh for k in allowed) or '无'}",
            state,
            record["version"],
        )
    for name in REQUIRED.get(new.kind, ()):
        if not getattr(new, name):
            field = "".join(w.title() if i else w for i, w in enumerate(name.split("_")))
            raise InvalidInput(
                field, f"{new.kind} needs {field}", f"登记「{KINDS[new.kind].zh}」须填写 {field}"
            )
    on = new.on or today
    if on > today:
        raise InvalidInput("on", f"{on} is in the future", f"日期 {on} 晚于今天")
    if on.isoformat() < record["lastOn"]:
        raise InvalidInput(
            "on",
            f"{on} is before the case's last event ({record['lastOn']})",
            f"日期 {on} 早于该办件上一次登记的日期 {record['lastOn']}",
        )
    if engine is not None and new.to_venue is not None and new.to_venue not in engine.bundle.venues:
        raise InvalidInput(
            "toVenue", f"no venue {new.to_venue!r} in the catalog", f"目录中没有场所 {new.to_venue}"
        )
    return on


def clock_payload(
    record: dict[str, Any], kind: str, on: dt.date, engine: Engine | None
) -> dict[str, Any]:
    """What the event does to the due dates (see clock.py), with the decision at 受理."""
    state = record["state"]
    moves = kind in ("accept", "end-special") or (
        kind == "complete-correction" and state == "correcting"
    )
    if moves and engine is None:
        raise InvalidInput("catalog", "this event needs the catalog", "登记该事件需要事项目录")
    if kind == "accept":
        assert engine is not None
        decision, limits = decide(engine, record, on)
        return {
            "decision": decision,
            "revision": engine.bundle.revision,
            "limits": limits,
            "due": due_dates(engine, record["locality"], on, limits),
        }
    if kind == "complete-correction" and state == "correcting":
        assert engine is not None
        return {"due": due_dates(engine, record["locality"], on, record["limits"])}
    if kind == "end-special":
        assert engine is not None
        clock = record["clock"]
        start = dt.date.fromisoformat(clock["start"])
        return {
            "due": due_dates(
                engine, record["locality"], start, record["limits"], pauses_of(clock, on)
            )
        }
    if kind == "start-special" or (kind == "notify-correction" and state == "accepted"):
        return {"due": STOPPED}
    return {}


def decide(engine: Engine, record: dict[str, Any], on: dt.date) -> tuple[Any, dict[str, Any]]:
    """The engine's decision on the case as accepted; a case the engine cannot decide
    (its form changed since) keeps the failure, and the matter's own limits.

    At 受理 the case is at the venue accepting it: where it should go is past. A case a
    village station carried there (转报, 接件) for a matter its village offers no proxy
    service for is decided as handed in at the window, and a decision that still sends
    it elsewhere (`forward`, which carries no limits) is kept beside the matter's own
    limits: the case is held to them wherever it was accepted."""
    channel = ENGINE_CHANNELS.get(record["channel"], "online")
    case = Case(
        matter=record["matter"],
        locality=record["locality"],
        applicant=record["applicant"]["kind"],
        facts=record.get("facts", {}),
        materials=record.get("materials", []),
        submitted=on,
        channel=channel,  # type: ignore[arg-type]
    )
    try:
        found = engine.decide(case)
        if found.outcome == "forward" and channel == "proxy":
            found = engine.decide(case.model_copy(update={"channel": "window"}))
    except CatalogkitError as exc:
        return {"error": str(exc)}, limits_of(engine.bundle.matter(record["matter"]))
    if found.outcome == "forward":
        return plain(found), limits_of(engine.bundle.matter(record["matter"]))
    return plain(found), limits_of(found)


def append(
    conn: Writer,
    case_no: str,
    new: NewEvent,
    engine: Engine | None,
    actor: str,
    may_write: Callable[[dict[str, Any]], bool] | None,
    today: dt.date,
) -> dict[str, Any]:
    """The case's record after the event. It is folded from the record this process
    last committed, if any (one query fewer); the write checks that version against the
    database, and any refusal is decided again on the database's record."""
    try:
        return _append(conn, case_no, new, engine, actor, may_write, today, kept=True)
    except (LedgerError, Stale):
        if not conn.from_kept:
            raise
        conn.forget(case_no)  # another process moved the case on: ask the database
        return _append(conn, case_no, new, engine, actor, may_write, today, kept=False)


def _append(
    conn: Writer,
    case_no: str,
    new: NewEvent,
    engine: Engine | None,
    actor: str,
    may_write: Callable[[dict[str, Any]], bool] | None,
    today: dt.date,
    *,
    kept: bool,
) -> dict[str, Any]:
    record = conn.current(case_no, kept=kept)
    if may_write is not None and not may_write(record):
        raise Forbidden(
            f"this token may not write case {case_no} (venue {record['venue']})",
            f"该令牌无权登记办件 {case_no}（登记场所 {record['venue']}）",
        )
    on = check_event(record, new, engine, today)
    channel = new.channel or record["channel"]
    feedback_append.check(record, new, channel)
    payload = new.model_dump(mode="json", by_alias=True, exclude_none=True, exclude=_OWN)
    payload = {k: v for k, v in payload.items() if v != []}
    payload.update(clock_payload(record, new.kind, on, engine))
    payload.update(feedback_append.extra(conn, record, new, channel, on, engine))
    event = Event(
        case_no,
        record["version"] + 1,
        new.kind,
        on,
        days.now(),
        _venue(record, new, actor),
        new.staff,
        channel,
        actor,
        payload,
    )
    after = fold(record, event)
    conn.record_event(event, after, record["version"])
    feedback_append.after(conn, after, payload, on, engine, new.staff, channel, actor)
    return after


def _venue(record: dict[str, Any], new: NewEvent, actor: str) -> str:
    """Where the event happened: the writing token's venue, else the case's holder."""
    if actor.startswith("staff@"):
        return actor.split("@", 1)[1].split("/", 1)[0]
    if new.kind == "receive" and record.get("inTransitTo"):
        return str(record["inTransitTo"])
    return str(record["holder"])
