"""What ratings and follow-up calls do to a case's record (part of the pure fold).

Ratings are kept per channel (at most one each): a correction (评价更正) replaces the
grade that counts and keeps the earlier ones under `corrected`, as the events do."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .projection import Event


def rated(record: dict[str, Any], event: Event) -> None:
    p = event.payload
    ratings = dict(record.get("ratings") or {})
    earlier = ratings.get(event.channel)
    one: dict[str, Any] = {
        "score": p.get("score"),
        "grade": p.get("grade"),
        "on": event.on.isoformat(),
        "seq": event.seq,
        "rectification": p.get("rectification") or (earlier or {}).get("rectification"),
        "corrected": [],
    }
    if event.kind == "correct-rating" and earlier is not None:
        was = {k: earlier[k] for k in ("score", "grade", "on", "seq")}
        one["corrected"] = [*earlier.get("corrected", []), was]
    ratings[event.channel] = one
    record["ratings"] = ratings


def followed(record: dict[str, Any], event: Event) -> None:
    """One follow-up call: reached ends the task; unreached counts an attempt, and the
    last allowed attempt leaves the resident counted as unreached."""
    p = event.payload
    task = dict(record.get("followUp") or {"selected": False, "why": None, "attempts": 3})
    calls = [*task.get("calls", []), {"on": event.on.isoformat(), "reached": p.get("reached")}]
    task["calls"] = calls
    if p.get("reached"):
        task.update(status="done", score=p.get("score"), grade=p.get("grade"))
    else:
        misses = sum(1 for c in calls if not c["reached"])
        task["status"] = "unreached" if misses >= task.get("attempts", 3) else "due"
    record["followUp"] = task
