"""What a caller sends to open a case or record an event (strict, closed, camelCase)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from ..model import FactName, ServiceObject
from ..model.base import IsoDate, Model, Name, Phone, Slug, Text, doc
from ..model.case import Code, FactAnswer
from .machine import KINDS

ChannelCode = Literal["window", "online", "proxy", "kiosk", "mobile"]
CHANNELS_ZH = {
    "window": "窗口",
    "online": "网上",
    "proxy": "代办",
    "kiosk": "自助终端",
    "mobile": "移动端",
    "evaluator": "评价器",
    "sms": "短信",
    "phone": "电话",
}
EventChannel = Literal[
    "window", "online", "proxy", "kiosk", "mobile", "evaluator", "sms", "phone"
]  # the last three: a rating by the window's evaluator or by text, a follow-up call
GRADES: dict[str, int] = {"非常满意": 5, "满意": 4, "基本满意": 3, "不满意": 2, "非常不满意": 1}
Grade = Literal["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
EventKind = Literal[
    "precheck",
    "accept",
    "refuse",
    "notify-correction",
    "complete-correction",
    "start-special",
    "end-special",
    "forward",
    "send",
    "receive",
    "conclude",
    "deliver",
    "withdraw",
    "rate",
    "correct-rating",
    "reply",
    "follow-up",
]
IdNumber = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z]{6,30}$")]
Result = Literal["准予", "不予"]


def _whole(value: Any) -> Any:
    """JSON has one number type: 3.0 is the integer 3 (3.5 stays refused)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


Whole = Annotated[int, BeforeValidator(_whole)]
Score = Annotated[int, Field(ge=1, le=5), BeforeValidator(_whole)]


class Applicant(Model):
    name: Name = doc("申请人姓名或名称", "applicant's name")
    kind: ServiceObject = doc("申请人类型", "kind of applicant", default="自然人")
    id_number: IdNumber | None = doc(
        "证件号码（只保存掩码和摘要）", "id number (only a mask and a hash are kept)", default=None
    )
    phone: Phone = doc(
        "联系电话（只保存掩码和后四位）", "phone (only a mask and its last four digits are kept)"
    )


class NewCase(Model):
    # built at once, not on first use: the HTTP API takes it as a request body, and
    # its framework's adapters around the model must not be deferred
    model_config = ConfigDict(defer_build=False)

    matter: Code = doc("事项编码", "matter code")
    locality: Code = doc("申请人所在区划", "division code where the applicant lives")
    venue: Slug = doc("登记场所", "venue that registers the case")
    channel: ChannelCode = doc("申请渠道", "channel", default="window")
    applicant: Applicant = doc("申请人", "applicant")
    facts: dict[FactName, FactAnswer] = doc(
        "申请事实", "facts, per the matter's form", default_factory=dict
    )
    materials: list[Name] = doc("已交材料", "materials handed in", default_factory=list)
    staff: Name = doc("经办人", "staff id of who registers it")
    on: IsoDate | None = doc("申请日期", "day of application (default today)", default=None)
    note: Text | None = doc("备注", "note", default=None)

    @field_validator("facts")
    @classmethod
    def _bounded(cls, facts: dict[str, Any]) -> dict[str, Any]:
        """Integers fit in 64 bits, as every database and JSON reader keeps them."""
        for name, value in facts.items():
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 2**63:
                    raise ValueError(f"{name}: {v} is too large for an integer")
        return facts


class NewEvent(Model):
    model_config = ConfigDict(defer_build=False)  # a request body too (see NewCase)

    kind: EventKind = doc("事件", "what happened")
    version: Whole = doc(
        "案件版本", "the case version the caller last read", ge=1, le=1_000_000_000
    )
    staff: Name = doc("经办人", "staff id of who records it")
    on: IsoDate | None = doc("发生日期", "day it happened (default today)", default=None)
    channel: EventChannel | None = doc("渠道", "channel (default the case's)", default=None)
    note: Text | None = doc("备注", "note", default=None)
    reasons: list[Text] = doc("理由", "reasons (不予受理, 不予许可)", default_factory=list)
    basis: list[Text] = doc("依据", "legal basis of the reasons", default_factory=list)
    materials: list[Name] = doc(
        "需补正的材料", "every missing material (补正告知)", default_factory=list
    )
    procedure: Name | None = doc("特别程序", "special procedure (听证, 检验检测 …)", default=None)
    to_venue: Slug | None = doc("送往场所", "venue the file goes to (转报, 送件)", default=None)
    result: Result | None = doc("办理结果", "准予 or 不予 (办结)", default=None)
    document: Name | None = doc("结果文书", "result document (办结)", default=None)
    method: Name | None = doc("送达方式", "how the result was delivered (送达)", default=None)
    score: Score | None = doc("评价分值", "rating 1 (very poor) to 5 (very good)", default=None)
    grade: Grade | None = doc("评价等级", "rating: 非常满意 … 非常不满意 (or score)", default=None)
    reply: Text | None = doc(
        "书面答复", "the written reply that closes a 整改 or 投诉", default=None
    )
    reached: bool | None = doc(
        "是否联系上", "follow-up: whether the resident was reached", default=None
    )

    @model_validator(mode="before")
    @classmethod
    def _graded(cls, data: Any) -> Any:
        """A grade gives the score it stands for (a score alone is enough too)."""
        grade = data.get("grade") if isinstance(data, dict) else None
        if isinstance(grade, str) and grade in GRADES and data.get("score") is None:
            data = {**data, "score": GRADES[grade]}
        return data


REQUIRED: dict[str, tuple[str, ...]] = {
    "refuse": ("reasons",),
    "notify-correction": ("materials",),
    "start-special": ("procedure",),
    "forward": ("to_venue",),
    "send": ("to_venue",),
    "conclude": ("result",),
    "rate": ("score",),
    "correct-rating": ("score", "note"),
    "reply": ("reply",),
}
assert set(REQUIRED) <= set(KINDS)
