"""The written notices of a case, made from its events and the decision stored at 受理
(never from today's catalog, which may say something else by now)."""

from __future__ import annotations

from typing import Any

from ...ledger.machine import STATES
from ...ledger.privacy import mask_name
from ...ledger.projection import Event
from ...ledger.reader_views import Audience
from ...resolve import Bundle

# kind: (title, the event that makes it, one per event or one per case)
NOTICES: dict[str, tuple[str, str]] = {
    "accept": ("受理通知书", "accept"),
    "correction": ("一次性告知书", "notify-correction"),
    "refuse": ("不予受理通知书", "refuse"),
    "proxy": ("代办事项承办单", "forward send"),
    "conclude": ("办结通知", "conclude"),
}
REMEDY = (
    "如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，"
    "或者在六个月内依法向人民法院提起行政诉讼。"
)


def available(events: list[Event]) -> list[dict[str, Any]]:
    """Each notice the case has so far: (kind, title, event seq)."""
    out = []
    for event in events:
        for kind, (title, made_by) in NOTICES.items():
            if event.kind in made_by.split():
                out.append(
                    {"kind": kind, "title": title, "seq": event.seq, "on": event.on.isoformat()}
                )
    return out


def notice_context(
    bundle: Bundle,
    record: dict[str, Any],
    events: list[Event],
    kind: str,
    seq: int,
    audience: Audience,
) -> dict[str, Any] | None:
    title, made_by = NOTICES[kind]
    chosen = [e for e in events if e.kind in made_by.split() and (seq == 0 or e.seq == seq)]
    if not chosen:
        return None
    event = chosen[-1]
    accepted = [e for e in events if e.kind == "accept"]
    decision = accepted[-1].payload.get("decision") if accepted else None
    name = record["applicant"]["name"]
    return {
        "kind": kind,
        "title": title,
        "event": event,
        "p": event.payload,
        "case": record,
        "applicant": name if audience == "staff" else mask_name(name),
        "venue": _venue_name(bundle, event.venue),
        "to_venue": _venue_name(bundle, event.payload.get("toVenue")),
        "case_venue": _venue_name(bundle, record["venue"]),
        "decision": decision or {},
        "due": (accepted[-1].payload.get("due") if accepted else None) or {},
        "state": STATES[record["state"]],
        "remedy": REMEDY,
    }


def _venue_name(bundle: Bundle, venue: str | None) -> str:
    if venue is None:
        return ""
    owned = bundle.venues.get(venue)
    return owned.item.name if owned is not None else venue
