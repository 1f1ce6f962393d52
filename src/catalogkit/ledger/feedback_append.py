"""Ratings (好差评), rectifications, replies and follow-up as the append path sees them:
checks before an event is written, what is added to its payload, and the rectification
a bad rating opens in the same transaction (so a bad rating is never without one)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from ..engine import Engine
from .hot import Writer
from .inputs import CHANNELS_ZH, GRADES, NewEvent
from .ledger_errors import Conflict, InvalidInput
from .linked import Linked, number, register
from .policy import policy

GRADE_OF = {score: grade for grade, score in GRADES.items()}
BAD = (1, 2)  # 不满意, 非常不满意
_RATING_ONLY = {"evaluator": ("rate", "correct-rating"), "sms": ("rate", "correct-rating")}
_PHONE = ("rate", "correct-rating", "follow-up")
REPLIED = ("rectification", "complaint")  # kinds closed only by a written reply


class RatingExists(Conflict):
    """A second rating on the same case and channel: the first one stands."""

    def __init__(self, record: dict[str, Any], channel: str, existing: dict[str, Any]) -> None:
        zh_channel = CHANNELS_ZH.get(channel, channel)
        super().__init__(
            f"case {record['caseNo']} was already rated through {channel} on {existing['on']}: "
            f"{existing['grade']} ({existing['score']}); a rating is never replaced (a "
            "correction is a correct-rating event)",
            f"办件 {record['caseNo']} 已于 {existing['on']} 通过{zh_channel}评价为"
            f"「{existing['grade']}」，同一渠道只能评价一次（更正请登记「评价更正」）",
            record["state"],
            record["version"],
        )
        self.existing = existing


def check(record: dict[str, Any], new: NewEvent, channel: str) -> None:
    """Refuse what the state table alone does not: see the module's docstring."""
    kind, case_kind = new.kind, record.get("caseKind", "application")
    given = new.channel  # a case's own channel (a complaint by phone) serves every event
    if (given in _RATING_ONLY and kind not in _RATING_ONLY[given]) or (
        given == "phone" and kind not in _PHONE
    ):
        raise InvalidInput(
            "channel",
            f"the {channel} channel records ratings only"
            + (" and follow-up" * (channel == "phone")),
            f"渠道「{CHANNELS_ZH[channel]}」只能用于登记评价" + ("和回访" * (channel == "phone")),
        )
    if new.grade is not None and new.score != GRADES[new.grade]:
        raise InvalidInput(
            "grade",
            f"grade {new.grade} is score {GRADES[new.grade]}, not {new.score}",
            f"评价等级「{new.grade}」对应分值 {GRADES[new.grade]}，与 score {new.score} 不符",
        )
    if kind == "conclude" and case_kind in REPLIED:
        raise _refused(record, "conclude", "a written reply (reply) closes it", "须以书面答复办结")
    if kind == "reply" and case_kind not in REPLIED:
        raise _refused(record, "reply", "only rectifications and complaints take a reply",
                       "只有整改和投诉以书面答复办结")  # fmt: skip
    existing = (record.get("ratings") or {}).get(channel)
    if kind == "rate" and existing is not None:
        raise RatingExists(record, channel, existing)
    if kind == "correct-rating" and existing is None:
        raise InvalidInput(
            "channel", f"no rating through {channel} to correct", "该渠道没有可更正的评价"
        )
    if kind == "follow-up":
        if new.reached is None:
            raise InvalidInput("reached", "follow-up needs reached", "登记「回访」须填写 reached")
        task = record.get("followUp") or {}
        if task.get("status") in ("done", "unreached"):
            raise _refused(record, "follow-up", f"its follow-up is {task['status']}",
                           "回访已结束")  # fmt: skip


def _refused(record: dict[str, Any], kind: str, why: str, why_zh: str) -> Conflict:
    return Conflict(
        f"{kind} cannot be recorded on case {record['caseNo']} "
        f"({record.get('caseKind', 'application')}): {why}",
        f"办件 {record['caseNo']} 不能登记该事件：{why_zh}",
        record["state"],
        record["version"],
    )


def extra(
    conn: Writer, record: dict[str, Any], new: NewEvent, channel: str, on: dt.date,
    engine: Engine | None,
) -> dict[str, Any]:  # fmt: skip
    """What the event's payload carries besides its input: the grade of a rating, the
    number of the rectification a bad one opens, the follow-up chosen at 办结."""
    if new.kind in ("rate", "correct-rating") and new.score is not None:
        out: dict[str, Any] = {"grade": GRADE_OF[new.score]}
        existing = (record.get("ratings") or {}).get(channel) or {}
        if new.score in BAD and not existing.get("rectification"):
            if engine is None:
                raise InvalidInput(
                    "catalog", "a bad rating needs the catalog", "登记差评需要事项目录"
                )
            out["rectification"] = number(conn, record["county"], on)
        return out
    if new.kind == "conclude" and record.get("caseKind", "application") == "application":
        return {"followUp": follow_up(record, engine)}
    return {}


def follow_up(record: dict[str, Any], engine: Engine | None) -> dict[str, Any]:
    """Every proxied case, and a fixed share of the others chosen by their number (the
    same case is always chosen or not: sha256 of the number against the rate)."""
    rules = policy(engine.bundle if engine else None, record["locality"])
    draw = int(hashlib.sha256(record["caseNo"].encode()).hexdigest()[:8], 16) / 2**32
    why = "proxy" if record.get("proxied") else "sample" if draw < rules["followUpRate"] else None
    return {
        "selected": why is not None,
        "why": why,
        "attempts": rules["followUpAttempts"],
        "status": "due" if why else None,
        "calls": [],
    }


def after(
    conn: Writer, record: dict[str, Any], payload: dict[str, Any], on: dt.date,
    engine: Engine | None, staff: str, channel: str, actor: str,
) -> None:  # fmt: skip
    """Open the rectification a bad rating asked for, in the same transaction."""
    case_no = payload.get("rectification")  # only when this event asked for one
    if not case_no or engine is None:
        return
    linked = Linked(
        kind="rectification",
        county=record["county"],
        venue=record["holder"],
        holder=record["holder"],
        locality=record["locality"],
        applicant=record["applicant"],
        about={
            "caseNo": record["caseNo"],
            "seq": record["version"],
            "channel": channel,
            "grade": payload["grade"],
            "matter": record["matter"],
            "matterName": record.get("matterName"),
            "venue": record["venue"],
        },
        limit=policy(engine.bundle, record["locality"])["rectificationLimit"],
        channel=channel,
        staff=staff,
        note=record.get("rating", {}).get("comment"),
    )
    register(conn, case_no, linked, on, engine, actor)
