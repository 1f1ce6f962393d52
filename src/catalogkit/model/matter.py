"""A service matter (事项) with the national field set of an implementation list."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, JsonValue, StringConstraints
from pydantic.config import JsonDict

from .base import Model, Name, Phone, Slug, Text, Url, doc
from .condition import Condition, FormSchema
from .vocab import (
    ExerciseLevel,
    HandlingKind,
    LimitUnit,
    MaterialForm,
    MaterialSource,
    MatterStatus,
    MatterType,
    Necessity,
    PowerSource,
    Publication,
    ResultType,
    ServiceObject,
)

Code = Annotated[str, StringConstraints(min_length=1, max_length=64)]


class TimeLimit(Model):
    value: int = doc("时限数值", "number of days (0 for on the spot)", ge=0, le=3650)
    unit: LimitUnit = doc(
        "时限单位", "unit: 工作日, 自然日 (or 日), 月, 年, or 即时 (or 即办, 当场) for on the spot"
    )
    note: Text | None = doc("时限说明", "note on the limit", default=None)


class LegalBasis(Model):
    title: Name = doc("法律法规名称", "title of the law or regulation")
    article: Name | None = doc("条款", "article", default=None)
    number: Name | None = doc("文号", "document number, only if known for sure", default=None)


class SpecialProcedure(Model):
    name: Name = doc("特别程序名称", "name: 听证, 检验检测, 专家评审 ...")
    limit: TimeLimit | None = doc("特别程序时限", "its own time limit", default=None)
    basis: list[LegalBasis] = doc("依据", "legal basis", default_factory=list)
    counted: bool = doc("是否计入办结时限", "whether its time counts in the limit")


class ProcessStep(Model):
    name: Name = doc("环节名称", "step name: 受理, 审查, 决定, 送达 ...")
    actor: Name = doc("办理人员/岗位", "who does it")
    limit: TimeLimit | None = doc("环节时限", "step time limit", default=None)
    standard: Text | None = doc("审查标准", "review standard", default=None)
    result: Text | None = doc("办理结果", "what the step produces", default=None)


class FeeItem(Model):
    id: Slug | None = doc(
        "收费项目标识", "fee id that waivers name (default: the name)", default=None
    )
    name: Name = doc("收费项目名称", "fee item")
    standard: Text = doc("收费标准", "fee standard as published")
    amount: float | None = doc("金额（元）", "amount in yuan, if fixed", default=None, ge=0)
    basis: list[LegalBasis] = doc("收费依据", "basis of the fee", min_length=1)
    reducible: bool = doc("是否允许减免", "whether it may be reduced or waived", default=False)
    reduction_basis: list[LegalBasis] = doc("减免依据", "basis of reductions", default_factory=list)


class Fees(Model):
    charged: bool = doc("是否收费", "whether the matter is charged")
    items: list[FeeItem] = doc("收费项目", "fee items (empty when free)", default_factory=list)


class Visits(Model):
    count: int = doc("到办事现场次数", "visits to the venue required", ge=0, le=10)
    reason: Text | None = doc("必须现场办理原因", "why a visit is needed", default=None)


class Online(Model):
    available: bool = doc("是否网办", "whether it can be done online")
    depth: int | None = doc("网办深度(1-4)", "online depth, 1 to 4", default=None, ge=1, le=4)
    pc_url: Url | None = doc("PC端网址", "web address", default=None)
    mobile_url: Url | None = doc("移动端网址", "mobile address", default=None)


class Delivery(Model):
    in_hall: bool = doc("是否进驻大厅", "handled in the service hall")
    express: bool = doc("是否支持物流快递", "results by express delivery")
    online_payment: bool = doc("是否支持网上支付", "fees payable online")
    appointment: bool | None = doc("是否支持预约办理", "by appointment", default=None)
    self_service: bool | None = doc("是否支持自助终端", "at a self-service terminal", default=None)


class Material(Model):
    name: Name = doc("材料名称", "name of the material")
    necessity: Necessity = doc("必要性", "必要, 非必要 or 容缺")
    originals: int = doc("原件份数", "number of originals", ge=0, le=99)
    copies: int = doc("复印件份数", "number of copies", ge=0, le=99)
    form: MaterialForm = doc("材料形式", "paper or electronic", default="纸质")
    paper_size: Name | None = doc("纸张规格", "paper size", default=None)
    source: MaterialSource = doc("来源渠道", "where it comes from", default="申请人自备")
    basis: list[LegalBasis] = doc("设定依据", "basis", default_factory=list)
    standard: Text | None = doc("受理标准", "acceptance standard", default=None)
    blank_form: Url | Name | None = doc("空表", "blank form", default=None)
    sample: Url | Name | None = doc("样表", "filled-in sample", default=None)
    notes: Text | None = doc("填报须知", "notes for filling in", default=None)
    when: Condition | None = doc(
        "适用条件（cerberus 规则）",
        "only needed when the case's facts satisfy these rules",
        default=None,
    )


class Result(Model):
    type: ResultType = doc("审批结果类型", "result type: 证照, 批文, 其他")
    name: Name | None = doc("审批结果名称", "result name", default=None)
    sample: Name | Url | None = doc("结果样本", "sample", default=None)
    validity: Name | None = doc("有效期", "validity", default=None)
    collection: Text | None = doc("领取方式", "how it is collected", default=None)


class Faq(Model):
    question: Text = doc("问题", "question")
    answer: Text = doc("解答", "answer")


class Remedies(Model):
    review: Text | None = doc("行政复议", "administrative review", default=None)
    litigation: Text | None = doc("行政诉讼", "administrative litigation", default=None)


_PUBLISHED_KEYS: list[JsonValue] = [
    "levels", "basis", "serviceObjects", "conditions", "handlingKind", "process", "fees",
    "visits", "venue", "online", "delivery", "result",
]  # fmt: skip

_DRAFT: JsonDict = {
    "properties": {"publication": {"const": "draft"}},
    "required": ["publication"],
}


class Matter(Model):
    """One matter as the defining locality (usually the county) publishes it."""

    # editors see the published requirements too: unless `publication: draft`
    model_config = ConfigDict(
        json_schema_extra={
            "if": {"not": _DRAFT},
            "then": {
                "required": _PUBLISHED_KEYS,
                "properties": {str(k): {"not": {"type": "null"}} for k in _PUBLISHED_KEYS},
            },
        }
    )

    code: Code = doc("基本编码", "catalog code of the matter")
    implementation_code: Code | None = doc(
        "实施编码", "implementation code; derived from the codes when omitted", default=None
    )
    name: Name = doc("事项名称", "name of the matter")
    aliases: list[Name] = doc("别名/俗称", "other names people search for", default_factory=list)
    theme: Name | None = doc("主题分类", "theme used to group matters in booklets", default=None)
    type: MatterType = doc("事项类型", "matter type")
    status: MatterStatus = doc("事项状态", "status", default="在用")
    version: int = doc("版本", "version", default=1, ge=1)
    levels: list[ExerciseLevel] | None = doc(
        "行使层级", "levels that exercise it", default=None, min_length=1
    )
    basis: list[LegalBasis] | None = doc("设定依据", "legal basis", default=None, min_length=1)
    department: Slug = doc("实施主体（部门标识）", "implementing body: a department id")
    body: Slug | None = doc(
        "实施主体（部门内机构标识）",
        "implementing body inside the department, when it holds several",
        default=None,
    )
    power_source: PowerSource | None = doc(
        "权力来源", "power source (required except for 公共服务)", default=None
    )
    service_objects: list[ServiceObject] | None = doc(
        "服务对象", "who it serves", default=None, min_length=1
    )
    conditions: Text | None = doc("受理条件", "acceptance conditions", default=None)
    handling_kind: HandlingKind | None = doc("办件类型", "handling kind", default=None)
    statutory_limit: TimeLimit | None = doc(
        "法定办结时限", "statutory limit (required except for 公共服务)", default=None
    )
    promised_limit: TimeLimit | None = doc(
        "承诺办结时限", "promised limit (required except for 公共服务)", default=None
    )
    special_procedures: list[SpecialProcedure] = doc(
        "特别程序", "special procedures (none when omitted)", default_factory=list
    )
    process: list[ProcessStep] | None = doc("办理流程", "process steps", default=None, min_length=1)
    materials: list[Material] = doc("申请材料", "materials", default_factory=list)
    fees: Fees | None = doc("收费", "fees", default=None)
    visits: Visits | None = doc("到现场次数", "visits required", default=None)
    venue: Slug | None = doc(
        "办理地点（场所标识）", "venue id where the defining locality handles it", default=None
    )
    window: Slug | None = doc("窗口标识", "window id at that venue", default=None)
    consultation: list[Phone] = doc(
        "咨询电话", "consultation phones (default: the department's)", default_factory=list
    )
    supervision: list[Phone] = doc(
        "监督投诉电话", "supervision phones (default: the department's)", default_factory=list
    )
    online: Online | None = doc("网上办理", "online handling", default=None)
    delivery: Delivery | None = doc("进驻与送达", "hall, delivery and payment", default=None)
    across_area: Name | None = doc("通办范围", "area it can be handled across", default=None)
    quantity_limit: Text | None = doc("数量限制", "quantity limit", default=None)
    intermediaries: list[Name] = doc("中介服务", "intermediary services", default_factory=list)
    joint_departments: list[Slug] = doc(
        "联办机构", "departments handling it jointly", default_factory=list
    )
    result: Result | None = doc("审批结果", "result", default=None)
    remedies: Remedies | None = doc("救济途径", "review and litigation routes", default=None)
    faq: list[Faq] = doc("常见问题", "frequently asked questions", default_factory=list)
    rules: list[Rule] = doc("办理规则", "declarative rules of this matter", default_factory=list)
    form: FormSchema | None = doc(
        "申请表字段（cerberus 规则）", "application-form fields as cerberus rules", default=None
    )
    publication: Publication = doc(
        "发布状态",
        "draft: national fields may still be missing (each is a warning); published: all required",
        default="published",
    )
    source_url: Url | None = doc(
        "来源网址", "the portal's detail page this matter was taken from", default=None
    )
    illustrative: bool = doc(
        "示例数据（非真实标准）", "marks invented example content", default=False
    )


# Rules are built from the parts above (materials, limits, bases); Matter holds them.
# Matter's validator is built on first use (defer_build), when `Rule` is known here.
from .rules import Rule  # noqa: E402

NATIONAL_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("levels", "levels", "行使层级"),
    ("basis", "basis", "设定依据"),
    ("service_objects", "serviceObjects", "服务对象"),
    ("conditions", "conditions", "受理条件"),
    ("handling_kind", "handlingKind", "办件类型"),
    ("process", "process", "办理流程"),
    ("fees", "fees", "收费"),
    ("visits", "visits", "到办事现场次数"),
    ("venue", "venue", "办理地点"),
    ("online", "online", "是否网办"),
    ("delivery", "delivery", "是否进驻大厅/快递/网上支付"),
    ("result", "result", "审批结果"),
)
"""(attribute, YAML key, 中文) of the national fields a published matter must have."""

TYPED_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("power_source", "powerSource", "权力来源"),
    ("statutory_limit", "statutoryLimit", "法定办结时限"),
    ("promised_limit", "promisedLimit", "承诺办结时限"),
)
"""National fields required except for 公共服务."""


def unknown_fields(matter: Matter) -> list[str]:
    """The YAML keys of the national fields this matter does not give (not known yet)."""
    out = [key for attr, key, _zh in NATIONAL_FIELDS if getattr(matter, attr) is None]
    if matter.type != "公共服务":
        out += [key for attr, key, _zh in TYPED_FIELDS if getattr(matter, attr) is None]
    if matter.publication == "draft" and not matter.materials:
        out.append("materials")  # a draft without materials has not listed them yet
    return out


_DECISIVE = frozenset(
    {"conditions", "materials", "fees", "handlingKind", "venue", "promisedLimit", "statutoryLimit"}
)


def decisive_unknowns(matter: Matter) -> tuple[str, ...]:
    """Unknown fields a decision on a case depends on: with any of them, decide
    answers `undetermined` and names them instead of guessing."""
    if matter.publication != "draft":
        return ()
    return tuple(k for k in unknown_fields(matter) if k in _DECISIVE)
