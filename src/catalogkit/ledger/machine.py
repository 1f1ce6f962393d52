"""The life of a case as a table: which event may follow which state, and where it leads.

One row per event kind: the states it may be recorded in, and the state it leads to
(None: the case stays where it is, as a proxy hop or a rating does). Anything not in
the table is refused, so a case that was never 受理 cannot be 办结."""

from __future__ import annotations

from dataclasses import dataclass

STATES: dict[str, str] = {
    "applied": "已申请",
    "prechecked": "已预审",
    "awaiting-materials": "待补正（未受理）",
    "accepted": "已受理，办理中",
    "correcting": "补正中（计时中止）",
    "special": "特别程序中（计时中止）",
    "refused": "不予受理",
    "concluded": "已办结",
    "delivered": "已送达",
    "withdrawn": "已撤回",
}

OPEN = ("applied", "prechecked", "awaiting-materials", "accepted", "correcting", "special")
"""States in which a case still waits for the hall; the others are finished."""

_BEFORE = ("applied", "prechecked")
_RATED = ("refused", "concluded", "delivered", "withdrawn")
_HOPS = ("applied", "prechecked", "awaiting-materials", "accepted", "concluded")


@dataclass(frozen=True)
class Kind:
    code: str
    zh: str
    allowed: tuple[str, ...]
    leads_to: str | dict[str, str] | None


KINDS: dict[str, Kind] = {
    k.code: k
    for k in (
        Kind("apply", "申请", (), "applied"),
        Kind("precheck", "预审", ("applied",), "prechecked"),
        Kind("accept", "受理", _BEFORE, "accepted"),
        Kind("refuse", "不予受理", (*_BEFORE, "awaiting-materials"), "refused"),
        Kind(
            "notify-correction",
            "补正告知",
            (*_BEFORE, "accepted"),
            {
                "applied": "awaiting-materials",
                "prechecked": "awaiting-materials",
                "accepted": "correcting",
            },
        ),
        Kind(
            "complete-correction",
            "补正完成",
            ("awaiting-materials", "correcting"),
            {"awaiting-materials": "prechecked", "correcting": "accepted"},
        ),
        Kind("start-special", "特别程序开始", ("accepted",), "special"),
        Kind("end-special", "特别程序结束", ("special",), "accepted"),
        Kind("forward", "转报", _HOPS, None),
        Kind("send", "送件", _HOPS, None),
        Kind("receive", "接件", _HOPS, None),
        Kind("conclude", "办结", ("accepted",), "concluded"),
        Kind("deliver", "送达", ("concluded",), "delivered"),
        Kind("withdraw", "撤回", OPEN, "withdrawn"),
        Kind("rate", "评价", _RATED, None),
        Kind("correct-rating", "评价更正", _RATED, None),
        Kind("reply", "书面答复", ("accepted",), "concluded"),
        Kind("follow-up", "回访", ("concluded", "delivered"), None),
    )
}


def next_state(state: str | None, kind: str) -> str | None:
    """The state after `kind` in `state` (None for a new case), or None when refused."""
    rule = KINDS.get(kind)
    if rule is None:
        return None
    if state is None:
        return rule.leads_to if kind == "apply" and isinstance(rule.leads_to, str) else None
    if state not in rule.allowed:
        return None
    if rule.leads_to is None:
        return state
    if isinstance(rule.leads_to, dict):
        return rule.leads_to[state]
    return rule.leads_to


def allowed_after(state: str) -> list[str]:
    """The event kinds that may be recorded next, in table order."""
    return [code for code, rule in KINDS.items() if state in rule.allowed]
