"""Localities, their venues, departments, claims of matters and village profiles."""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

from .base import Clock, Model, Name, Phone, Slug, Text, doc
from .matter import TimeLimit
from .rules import PluginUse, Rule
from .vocab import BodyNature, ClaimRole, Level, VenueTier, Weekday

DivisionCode = Annotated[str, StringConstraints(min_length=1, max_length=20)]
CreditCode = Annotated[str, StringConstraints(min_length=1, max_length=20)]


class PhoneEntry(Model):
    label: Name = doc("用途", "what the number is for: 咨询, 投诉, 值班 ...")
    number: Phone = doc("号码", "phone number")


class OpeningHours(Model):
    days: list[Weekday] = doc("日期", "days: 工作日 or 周一 … 周日", min_length=1)
    opens: Clock = doc("开始时间", "opening time, HH:MM")
    closes: Clock = doc("结束时间", "closing time, HH:MM")
    note: Text | None = doc("说明", "note", default=None)


class Window(Model):
    id: Slug = doc("窗口标识", "window id, unique within the venue")
    name: Name = doc("窗口名称", "window name")
    number: Name | None = doc("窗口号", "window number shown on the sign", default=None)
    departments: list[Slug] = doc("进驻部门", "departments at this window", default_factory=list)
    phone: Phone | None = doc("窗口电话", "window phone", default=None)


class Venue(Model):
    id: Slug = doc("场所标识", "venue id, unique in the whole tree")
    name: Name = doc("场所名称", "venue name")
    tier: VenueTier = doc("场所层级", "tier of the venue")
    topic: Name | None = doc("分厅业务", "what a branch hall handles", default=None)
    address: Text = doc("地址", "address")
    hours: list[OpeningHours] = doc("办公时间", "opening hours", min_length=1)
    phones: list[PhoneEntry] = doc("电话", "phones", min_length=1)
    windows: list[Window] = doc("窗口", "windows", default_factory=list)
    note: Text | None = doc("说明", "note", default=None)


class Body(Model):
    """One of several implementing bodies (实施主体) a department holds: a bureau's
    office, station or centre that is named on the matters it implements."""

    id: Slug = doc("实施主体标识", "body id, unique within the department")
    name: Name = doc("实施主体名称", "full name of the body")
    credit_code: CreditCode | None = doc(
        "实施主体编码", "the body's credit or organisation code", default=None
    )
    nature: BodyNature | None = doc("实施主体性质", "nature of the body", default=None)


class Department(Model):
    """An implementing body (实施主体)."""

    id: Slug = doc("部门标识", "department id used by matters")
    name: Name = doc("部门全称", "full name")
    credit_code: CreditCode | None = doc(
        "统一社会信用代码",
        "unified social credit code (18 characters; older 9-, 10- or 17-character "
        "organisation codes are accepted with a warning); leave out only when not known",
        default=None,
    )
    nature: BodyNature = doc("实施主体性质", "nature of the body", default="法定机关")
    entrusted_by: Slug | None = doc(
        "委托部门", "entrusting department (when the nature is 受委托组织)", default=None
    )
    consultation: list[Phone] = doc("咨询电话", "consultation phones", default_factory=list)
    supervision: list[Phone] = doc("监督投诉电话", "supervision phones", default_factory=list)
    bodies: list[Body] = doc(
        "下属实施主体", "implementing bodies this department holds", default_factory=list
    )


class Claim(Model):
    """A locality takes up a matter defined above it (认领), and says what it does."""

    matter: Annotated[str, StringConstraints(min_length=1, max_length=64)] = doc(
        "事项基本编码", "code of the claimed matter"
    )
    role: ClaimRole = doc("职责", "accept, decide or proxy")
    venue: Slug | None = doc(
        "办理场所", "venue id (default: the venue that serves this locality)", default=None
    )
    window: Slug | None = doc("窗口标识", "window id", default=None)
    department: Slug | None = doc("承办部门/站所", "local office that handles it", default=None)
    promised_limit: TimeLimit | None = doc(
        "本级承诺时限", "local promised limit: may only be shorter", default=None
    )
    visits: int | None = doc(
        "本级到现场次数", "local visits: may only be fewer", default=None, ge=0
    )
    proxy_agent: Name | None = doc("代办员", "who offers proxy service here", default=None)
    proxy_limit: TimeLimit | None = doc(
        "代办时限",
        "proxy claims only: how long the agent takes to carry the file to the next venue",
        default=None,
    )
    note: Text | None = doc("说明", "note", default=None)


class Profile(Model):
    """A named set of claims that many villages share."""

    id: Name = doc("模板名称", "profile name")
    description: Text | None = doc("说明", "description", default=None)
    claims: list[Claim] = doc("认领事项", "claims", min_length=1)


class Feedback(Model):
    """Limits and follow-up of 好差评 and 投诉 here and below (docs/ledger.md, section
    Ratings, rectifications, complaints and follow-up); unset: the nearest ancestor's,
    then catalogkit's default."""

    rectification_limit: TimeLimit | None = doc(
        "差评整改时限", "limit of a rectification opened by a bad rating", default=None
    )
    complaint_limit: TimeLimit | None = doc("投诉办理时限", "limit of a complaint", default=None)
    follow_up_rate: float | None = doc(
        "回访抽样比例",
        "share of cases not proxied that are followed up, 0 to 1",
        default=None,
        ge=0,
        le=1,
    )
    follow_up_attempts: int | None = doc(
        "回访尝试次数", "calls before a resident counts as unreached", default=None, ge=1, le=10
    )


class WarningLights(Model):
    """When an open case's light turns yellow (红灯 is always: past the limit). Set on a
    locality, it holds there and below unless a lower locality sets its own."""

    yellow_days_left: int = doc(
        "黄灯剩余工作日",
        "yellow when this many working days or fewer are left",
        default=1,
        ge=0,
        le=60,
    )
    yellow_percent_used: int = doc(
        "黄灯已用时限百分比",
        "yellow when this share of the limit (in %) is used",
        default=80,
        ge=1,
        le=100,
    )
    acceptance_days: int = doc(
        "受理决定时限",
        "working days to decide on acceptance (行政许可法 art. 32: five)",
        default=5,
        ge=0,
        le=60,
    )


class Locality(Model):
    code: DivisionCode = doc("区划代码", "division code (6, 9 or 12 digits by default)")
    name: Name = doc("名称", "name")
    level: Level = doc("层级", "county, town, village or group")
    parent: DivisionCode | None = doc(
        "上级区划代码", "parent code (implied for children written inline)", default=None
    )
    aliases: list[Name] = doc("别名", "other names", default_factory=list)
    served_by: Slug | None = doc(
        "服务场所", "venue of another locality that serves this one (几村一中心)", default=None
    )
    venues: list[Venue] = doc("场所", "venues of this locality", default_factory=list)
    departments: list[Department] = doc("部门", "implementing bodies", default_factory=list)
    profiles: list[Profile] = doc(
        "村级模板", "profiles offered to lower tiers", default_factory=list
    )
    use_profiles: list[Name] = doc("使用模板", "profiles this locality uses", default_factory=list)
    claims: list[Claim] = doc("认领事项", "matters this locality claims", default_factory=list)
    rules: list[Rule] = doc(
        "本地规则", "declarative rules for this locality and below", default_factory=list
    )
    plugins: list[PluginUse] = doc(
        "启用的插件", "plugins enabled here and below", default_factory=list
    )
    warning_lights: WarningLights | None = doc(
        "预警规则",
        "when open cases turn yellow, here and below (default: national style)",
        default=None,
    )
    children: list[Locality] = doc("下级", "lower localities written inline", default_factory=list)
    feedback: Feedback | None = doc(
        "好差评与投诉", "limits of rectifications and complaints, follow-up sampling", default=None
    )
