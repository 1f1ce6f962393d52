"""The vocabulary of invented matters: handling kinds, name variants, aliases, remedies,
questions, the facts a form asks and the materials that apply to some cases."""

from __future__ import annotations

from .county_spec import Doc

TYPES = {
    "许可": "行政许可",
    "给付": "行政给付",
    "确认": "行政确认",
    "征收": "行政征收",
    "裁决": "行政裁决",
    "奖励": "行政奖励",
    "其他": "其他行政权力",
    "服务": "公共服务",
}

BRANCH_TOPIC = "不动产登记"
BRANCH_DEPTS = ("ziran", "shuiwu")
"""Departments seated at the branch hall (分厅) rather than the county hall."""

HANDLING_KINDS = (
    ("即办件", 30),
    ("承诺件", 45),
    ("联办件", 8),
    ("上报件", 7),
    ("协办件", 5),
    ("代办件", 5),
)
TOWN_LEVEL = "镇（乡、街道）级"
VILLAGE_LEVEL = "村（社区）级"
VARIANTS = (
    "",
    "（新办）",
    "（变更）",
    "（延续）",
    "（注销）",
    "（补办）",
    "（个人）",
    "（单位）",
    "（首次申请）",
    "（复核）",
)
ALIASES = {
    "最低生活保障审核确认": ["低保申请"],
    "内地居民结婚登记": ["领结婚证"],
    "社会保障卡申领": ["办社保卡"],
    "异地就医备案": ["异地医保备案"],
    "居民身份证申领": ["办身份证"],
    "农村村民宅基地审批": ["建房审批", "宅基地申请"],
    "个体工商户登记": ["办营业执照"],
    "不动产转移登记": ["过户"],
}
SPECIAL = ("专家评审", "现场勘验", "检验检测", "听证")
REVIEW = "六十日内向示例县人民政府申请行政复议"
LITIGATION = "六个月内向示例县人民法院提起行政诉讼"
FAQS = (
    ("可以委托他人代为办理吗？", "可以。受托人须携带授权委托书和本人有效身份证件。"),
    (
        "可以在村（社区）便民服务站提交材料吗？",
        "可以。村（社区）代办员负责收件并代为送达镇便民服务中心。",
    ),
    ("办理进度如何查询？", "可通过政务服务网、便民服务热线12345或受理窗口查询办理进度。"),
    ("材料不齐全怎么办？", "窗口将一次性告知需补正的全部材料，补齐后即可受理。"),
)

FACTS: dict[str, Doc] = {
    "by_agent": {"type": "boolean", "label": "是否委托他人办理"},
    "applicant_kind": {
        "type": "string",
        "label": "申请人类型",
        "allowed": ["自然人", "企业法人", "非法人企业", "社会组织法人"],
    },
    "disabled": {"type": "boolean", "label": "是否持有残疾人证"},
    "local_household": {"type": "boolean", "label": "是否本县户籍"},
    "age": {"type": "integer", "label": "申请人年龄", "min": 0, "max": 150},
    "married": {"type": "boolean", "label": "是否已婚"},
}
# Materials that apply only to some cases: (name, source, condition)
CONDITIONAL: tuple[tuple[str, str, Doc], ...] = (
    ("授权委托书", "申请人自备", {"by_agent": {"allowed": [True]}}),
    ("受托人有效身份证件", "政府部门核发", {"by_agent": {"allowed": [True]}}),
    ("营业执照", "政府部门核发", {"applicant_kind": {"allowed": ["企业法人", "非法人企业"]}}),
    ("残疾人证", "政府部门核发", {"disabled": {"allowed": [True]}}),
    ("居住证或居住证明", "政府部门核发", {"local_household": {"allowed": [False]}}),
    ("年满八十周岁的户籍证明", "政府部门核发", {"age": {"min": 80}}),
    ("结婚证", "政府部门核发", {"married": {"allowed": [True]}}),
)
GENERAL = (
    ("申请人承诺书", "申请人自备"),
    ("近期一寸免冠照片", "申请人自备"),
    ("现场照片", "申请人自备"),
    ("其他相关证明材料", "其他"),
    ("检测报告", "中介机构出具"),
    ("场所平面布置图", "申请人自备"),
)
GOVERNMENT_ISSUED = ("证", "证书", "执照", "户口簿", "证明")


# ---------------------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------------------
