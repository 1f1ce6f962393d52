"""A case: one application for one matter by a resident of one locality.

Cases are not catalog documents: they are what applications, window staff and
decision tests send to the engine (`catalogkit decide CASE.yaml`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, StringConstraints

from .base import Clock, IsoDate, Model, Name, doc
from .condition import FactName, FactValue
from .vocab import ServiceObject

Code = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Channel = Literal["window", "online", "proxy"]
Outcome = Literal["accept", "accept-pending-materials", "forward", "refuse", "undetermined"]
FactAnswer = FactValue | list[FactValue] | None


class Pause(Model):
    """A special procedure (hearing, testing, expert review) that stopped the clock."""

    name: Name = doc("特别程序", "special procedure")
    start: IsoDate = doc("开始日期", "first day, inclusive")
    end: IsoDate = doc("结束日期", "last day, inclusive")


class Case(Model):
    # built at once, not on first use: the HTTP API takes a case as a request body,
    # and its framework's adapters around the model must not be deferred
    model_config = ConfigDict(defer_build=False)

    matter: Code = doc("事项编码", "matter code")
    locality: Code = doc("申请人所在区划", "division code where the applicant lives")
    applicant: ServiceObject = doc("申请人类型", "kind of applicant", default="自然人")
    facts: dict[FactName, FactAnswer] = doc(
        "申请事实", "facts, per the matter's form", default_factory=dict
    )
    materials: list[Name] = doc(
        "已交材料", "names of the materials handed in", default_factory=list
    )
    submitted: IsoDate = doc("申请日期", "date the application was made")
    time: Clock | None = doc("申请时间", "time of day, HH:MM", default=None)
    channel: Channel = doc("渠道", "window, online or proxy", default="window")
    pauses: list[Pause] = doc("特别程序", "special procedures so far", default_factory=list)


class CaseDocument(Case):
    api_version: Literal["catalogkit/v1"] = Field(alias="apiVersion")
    kind: Literal["Case"]


class Expectation(Model):
    """What a decision test expects; every key given is compared, others are not."""

    outcome: Outcome | None = doc("结果", "expected outcome", default=None)
    missing_materials: list[Name] | None = doc("缺少的材料", "in order", default=None)
    missing_facts: list[FactName] | None = doc("缺少的事实", "sorted", default=None)
    refusals: list[str] | None = doc("不予理由", "reasons, in order", default=None)
    total_fee: float | None = doc("应缴费用合计（元）", "total to pay", default=None)
    fees: dict[str, float] | None = doc("各项应缴（元）", "net per fee id", default=None)
    promised_due: IsoDate | None = doc("承诺办结日期", "promised due date", default=None)
    statutory_due: IsoDate | None = doc("法定办结日期", "statutory due date", default=None)
    accepted_on: IsoDate | None = doc("受理日期", "acceptance day assumed", default=None)
    provisional: bool | None = doc(
        "日期是否暂定",
        "whether the dates are provisional (next year's calendar missing)",
        default=None,
    )
    decided_at: str | None = doc("决定场所", "venue id that decides", default=None)
    accepted_at: str | None = doc("受理场所", "venue id that accepts", default=None)
    forward_to: str | None = doc("告知它处办理的场所", "venue to go to instead", default=None)
    plugins: list[str] | None = doc("参与的插件", "plugins that took part", default=None)


class DecisionTest(Model):
    name: Name = doc("用例名称", "test name")
    case: Case = doc("申请", "the case")
    expect: Expectation = doc("期望", "what the decision must say")


class DecisionTestsDocument(Model):
    api_version: Literal["catalogkit/v1"] = Field(alias="apiVersion")
    kind: Literal["DecisionTests"]
    tests: list[DecisionTest] = doc("用例", "decision tests", min_length=1)


CASE_KINDS: dict[str, Any] = {"Case": CaseDocument, "DecisionTests": DecisionTestsDocument}
