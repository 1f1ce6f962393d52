"""A case as each reader may see it: staff and supervisors see the masked numbers and
the decision; a resident sees their own case with the name masked too and no staff ids.
Hashes never leave the ledger. Also: what happens next and by when, in plain Chinese."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from .inputs import CHANNELS_ZH
from .machine import KINDS, OPEN, STATES, allowed_after
from .privacy import mask_name
from .projection import Event

Audience = Literal["staff", "resident"]
_HIDDEN = {"decision", "idHash", "phoneHash"}


def case_view(
    record: dict[str, Any],
    events: list[Event] | None,
    audience: Audience,
    today: dt.date,
) -> dict[str, Any]:
    a = record["applicant"]
    applicant = {
        "name": a["name"] if audience == "staff" else mask_name(a["name"]),
        "kind": a["kind"],
        "idMasked": a.get("idMasked"),
        "phoneMasked": a["phoneMasked"],
    }
    due = record["due"]
    out: dict[str, Any] = {
        k: record.get(k)
        for k in (
            "caseNo", "version", "state", "county", "venue", "holder", "inTransitTo", "matter",
            "matterName", "locality", "channel", "appliedOn", "acceptedOn", "revision", "limits",
            "clock", "missing", "reasons", "result", "document", "finishedOn", "deliveredOn",
            "rating", "caseKind", "about", "ratings", "reply", "followUp",
        )
    }  # fmt: skip
    out["caseKind"] = out["caseKind"] or "application"
    out.update(
        stateZh=STATES[record["state"]],
        channelZh=CHANNELS_ZH.get(record["channel"], record["channel"]),
        applicant=applicant,
        due=due,
        overdue=is_overdue(record, today),
        allowedNext=allowed_next(record) if audience == "staff" else [],
        next=next_step(record),
    )
    if audience == "staff":
        out["materials"] = record.get("materials", [])
    if events is not None:
        out["timeline"] = [entry(e, audience) for e in events]
        if audience == "staff":
            accepted = [e for e in events if e.kind == "accept"]
            out["decision"] = accepted[-1].payload.get("decision") if accepted else None
    return out


def allowed_next(record: dict[str, Any]) -> list[str]:
    """The state table's next events, less those the case's kind refuses (feedback.py)."""
    replied = record.get("caseKind") in ("rectification", "complaint")
    skip = {"conclude"} if replied else {"reply"}
    return [k for k in allowed_after(record["state"]) if k not in skip]


def entry(event: Event, audience: Audience) -> dict[str, Any]:
    details = {k: v for k, v in event.payload.items() if k not in _HIDDEN}
    if event.kind == "apply":
        details = {"matterName": details.get("matterName"), "materials": details.get("materials")}
    staff = audience == "staff"
    return {
        "seq": event.seq,
        "kind": event.kind,
        "kindZh": KINDS[event.kind].zh,
        "on": event.on.isoformat(),
        "recordedAt": event.recorded_at.isoformat(),
        "venue": event.venue,
        "staff": event.staff if staff else None,
        "channel": event.channel,
        "actor": event.actor if staff else None,
        "details": details,
    }


def is_overdue(record: dict[str, Any], today: dt.date) -> bool:
    promised = record["due"].get("promised")
    return record["state"] in OPEN and promised is not None and promised < today.isoformat()


def next_step(record: dict[str, Any]) -> dict[str, Any]:
    """What happens next and by when, in words a resident understands."""
    state = record["state"]
    due = record["due"]
    missing = "、".join(record.get("missing") or [])
    clock = record["clock"]
    if state in ("applied", "prechecked"):
        return _next("窗口正在审查申请材料，审查后决定是否受理。", None)
    if state == "awaiting-materials":
        return _next(
            f"请补齐以下材料：{missing}。材料补齐后予以受理，办理时限从受理之日起计算。", None
        )
    if state == "accepted":
        if due.get("promised"):
            return _next(f"正在办理，承诺于 {due['promised']} 前办结。", due["promised"])
        return _next("正在办理。" + ("（办结日期暂无法计算）" if due.get("note") else ""), None)
    if state == "correcting":
        return _next(f"请补正以下材料：{missing}。补正材料齐全之日起重新计算办理时限。", None)
    if state == "special":
        return _next(
            f"正在进行{clock.get('pausedBy') or '特别程序'}，所需时间不计入办理时限。", None
        )
    if state == "concluded" and record.get("reply"):
        return _next("已书面答复。", None)
    if state == "concluded":
        return _next(f"已办结（{record.get('result') or ''}），请按约定方式领取办理结果。", None)
    if state == "delivered":
        return _next("办理结果已送达。欢迎对本次服务作出评价。", None)
    if state == "refused":
        reasons = "；".join(record.get("reasons") or [])
        return _next(f"不予受理。理由：{reasons}。", None)
    return _next("申请已撤回。", None)


def _next(text: str, by: str | None) -> dict[str, Any]:
    return {"text": text, "by": by}
