"""National and catalogkit vocabularies.

National code lists (matter type, handling kind, necessity ...) use the Chinese
terms as published, because administrators write them; catalogkit's own structure
(levels, venue tiers, claim roles) uses short English ids.
"""

from __future__ import annotations

from typing import Literal

MatterType = Literal[
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政征收",
    "行政给付",
    "行政检查",
    "行政确认",
    "行政奖励",
    "行政裁决",
    "其他行政权力",
    "公共服务",
]
"""事项类型; the national two-digit codes are in MATTER_TYPE_CODE."""

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


HandlingKind = Literal[
    "即办件",
    "承诺件",
    "联办件",
    "上报件",
    "协办件",
    "代办件",
]
"""办件类型."""

LimitUnit = Literal[
    "工作日",
    "自然日",
    "日",
    "月",
    "年",
    "即时",
    "即办",
    "当场",
]
"""时限单位: 日 is 自然日; 即时, 即办 and 当场 all mean on the spot (value 0)."""

ON_THE_SPOT_UNITS = frozenset({"即时", "即办", "当场"})

Necessity = Literal[
    "必要",
    "非必要",
    "容缺",
]

MaterialForm = Literal[
    "纸质",
    "电子",
    "纸质或电子",
]

MaterialSource = Literal[
    "申请人自备",
    "政府部门核发",
    "中介机构出具",
    "其他",
]

ServiceObject = Literal[
    "自然人",
    "企业法人",
    "事业法人",
    "社会组织法人",
    "非法人企业",
    "行政机关",
    "其他组织",
]

PowerSource = Literal[
    "法定本级行使",
    "上级下放",
    "上级授权",
    "同级授权",
    "上级委托",
    "同级委托",
]

BodyNature = Literal[
    "法定机关",
    "授权组织",
    "受委托组织",
]

ExerciseLevel = Literal[
    "国家级",
    "省级",
    "市级",
    "县级",
    "镇（乡、街道）级",
    "村（社区）级",
]

Publication = Literal[
    "draft",
    "published",
]
"""A matter's publication state: a draft may miss national fields (not known yet)."""

MatterStatus = Literal[
    "在用",
    "暂停",
    "取消",
]

ResultType = Literal[
    "证照",
    "批文",
    "其他",
]

Weekday = Literal[
    "工作日",
    "周一",
    "周二",
    "周三",
    "周四",
    "周五",
    "周六",
    "周日",
]

Level = Literal[
    "county",
    "town",
    "village",
    "group",
]
"""A locality's tier: county/district, town/street, village/community, village group."""

VenueTier = Literal[
    "county-hall",
    "branch-hall",
    "town-center",
    "village-station",
    "service-point",
]

ClaimRole = Literal[
    "accept",
    "decide",
    "proxy",
]
"""What a locality does with a matter it claims: take it in and pass it up,
    decide it itself, or carry it for the applicant to the next tier (代办)."""

LEVEL_TIERS: dict[str, frozenset[str]] = {
    "county": frozenset({"county-hall", "branch-hall"}),
    "town": frozenset({"town-center"}),
    "village": frozenset({"village-station"}),
    "group": frozenset({"service-point"}),
}
LEVEL_ORDER = {"county": 0, "town": 1, "village": 2, "group": 3}
