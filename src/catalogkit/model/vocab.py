"""National and catalogkit vocabularies.

National code lists (matter type, handling kind, necessity ...) use the Chinese
terms as published, because administrators write them; catalogkit's own structure
(levels, venue tiers, claim roles) uses short English ids.
"""

from __future__ import annotations

from enum import Enum


class MatterType(str, Enum):
    """事项类型, with the national two-digit code in `CODE`."""

    LICENSING = "行政许可"
    PENALTY = "行政处罚"
    COERCION = "行政强制"
    LEVY = "行政征收"
    BENEFIT = "行政给付"
    INSPECTION = "行政检查"
    CONFIRMATION = "行政确认"
    REWARD = "行政奖励"
    ADJUDICATION = "行政裁决"
    OTHER_POWER = "其他行政权力"
    PUBLIC_SERVICE = "公共服务"


MATTER_TYPE_CODE = {
    "行政许可": "01",
    "行政处罚": "02",
    "行政强制": "03",
    "行政征收": "04",
    "行政给付": "05",
    "行政检查": "06",
    "行政确认": "07",
    "行政奖励": "08",
    "行政裁决": "09",
    "其他行政权力": "10",
    "公共服务": "20",
}


class HandlingKind(str, Enum):
    """办件类型."""

    IMMEDIATE = "即办件"
    PROMISED = "承诺件"
    JOINT = "联办件"
    ESCALATED = "上报件"
    ASSISTED = "协办件"
    PROXY = "代办件"


class LimitUnit(str, Enum):
    WORKING_DAYS = "工作日"
    CALENDAR_DAYS = "自然日"
    ON_THE_SPOT = "即时"


class Necessity(str, Enum):
    REQUIRED = "必要"
    OPTIONAL = "非必要"
    DEFERRABLE = "容缺"


class MaterialForm(str, Enum):
    PAPER = "纸质"
    ELECTRONIC = "电子"
    PAPER_OR_ELECTRONIC = "纸质或电子"


class MaterialSource(str, Enum):
    APPLICANT = "申请人自备"
    GOVERNMENT = "政府部门核发"
    INTERMEDIARY = "中介机构出具"
    OTHER = "其他"


class ServiceObject(str, Enum):
    PERSON = "自然人"
    ENTERPRISE = "企业法人"
    PUBLIC_INSTITUTION = "事业法人"
    SOCIAL_ORGANISATION = "社会组织法人"
    UNINCORPORATED = "非法人企业"
    ORGAN = "行政机关"
    OTHER = "其他组织"


class PowerSource(str, Enum):
    OWN = "法定本级行使"
    DELEGATED_DOWN = "上级下放"
    AUTHORISED_BY_SUPERIOR = "上级授权"
    AUTHORISED_BY_PEER = "同级授权"
    ENTRUSTED_BY_SUPERIOR = "上级委托"
    ENTRUSTED_BY_PEER = "同级委托"


class BodyNature(str, Enum):
    STATUTORY = "法定机关"
    AUTHORISED = "授权组织"
    ENTRUSTED = "受委托组织"


class ExerciseLevel(str, Enum):
    NATIONAL = "国家级"
    PROVINCIAL = "省级"
    CITY = "市级"
    COUNTY = "县级"
    TOWN = "镇（乡、街道）级"
    VILLAGE = "村（社区）级"


class MatterStatus(str, Enum):
    IN_USE = "在用"
    SUSPENDED = "暂停"
    CANCELLED = "取消"


class ResultType(str, Enum):
    LICENCE = "证照"
    APPROVAL = "批文"
    OTHER = "其他"


class Weekday(str, Enum):
    WORKING_DAYS = "工作日"
    MON = "周一"
    TUE = "周二"
    WED = "周三"
    THU = "周四"
    FRI = "周五"
    SAT = "周六"
    SUN = "周日"


class Level(str, Enum):
    """A locality's tier: county/district, town/street, village/community, village group."""

    COUNTY = "county"
    TOWN = "town"
    VILLAGE = "village"
    GROUP = "group"


class VenueTier(str, Enum):
    COUNTY_HALL = "county-hall"
    BRANCH_HALL = "branch-hall"
    TOWN_CENTER = "town-center"
    VILLAGE_STATION = "village-station"
    SERVICE_POINT = "service-point"


class ClaimRole(str, Enum):
    """What a locality does with a matter it claims: take it in and pass it up,
    decide it itself, or carry it for the applicant to the next tier (代办)."""

    ACCEPT = "accept"
    DECIDE = "decide"
    PROXY = "proxy"


LEVEL_TIERS: dict[str, frozenset[str]] = {
    "county": frozenset({"county-hall", "branch-hall"}),
    "town": frozenset({"town-center"}),
    "village": frozenset({"village-station"}),
    "group": frozenset({"service-point"}),
}
LEVEL_ORDER = {"county": 0, "town": 1, "village": 2, "group": 3}
