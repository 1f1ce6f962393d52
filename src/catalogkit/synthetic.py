"""Synthetic catalog trees of any size, for benchmarks, load tests and demos.

`generate_tree` writes a tree in the layout of the demo county (`catalogkit.yaml`,
`county/county.yaml`, `county/matters.yaml`, `towns/<n>.yaml`, `calendars/`), filled
with realistic-looking but invented content: every matter is marked
`illustrative: true`. The same seed always gives the same bytes.

The YAML is written as text, not through a YAML library, so that a province-scale
tree takes seconds: every string goes through `json.dumps(..., ensure_ascii=False)`,
which is a valid YAML 1.2 double-quoted scalar, so no value can change type or
break the document whatever it contains. Keys are our own identifiers.

    python -m catalogkit.synthetic OUTDIR --towns 100 --villages 30 --matters 2000

`generate_province` (`--counties N`) writes N such counties side by side under
`counties/<code>/`, each with its own code, name, departments, venues and matter codes.

    python -m catalogkit.synthetic OUTDIR --counties 90 --towns 15 --villages 19
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .codes import make_credit_code
from .model import MATTER_TYPE_CODE

COUNTY_CODE = "339901"
COUNTY_NAME = "示例县"
AREA_CODE = "0570"
MARKER = "Synthetic catalog tree made by catalogkit.synthetic"
DEMO_CALENDARS = Path(__file__).resolve().parents[2] / "catalogs" / "calendars"
"""The demo's calendar files, copied into a generated tree when they are present."""

MAX_TOWNS = 899  # town codes 339901001 … 339901899
MAX_VILLAGES = 599  # village codes <town>201 … <town>799
TOWN_CLAIMS = 120  # a town center claims a fifth of the county's matters, at most this many

Doc = dict[str, Any]


@dataclass(frozen=True)
class County:
    """The county a generated catalog belongs to; `tag` makes its ids and matter codes
    unique in a province (empty for a tree of one county, which keeps its old bytes)."""

    code: str = COUNTY_CODE
    name: str = COUNTY_NAME
    tag: str = ""


ONE_COUNTY = County()

# ---------------------------------------------------------------------------------------
# YAML text
# ---------------------------------------------------------------------------------------

WIDTH = 120
_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_RESERVED_KEYS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def _key(key: str) -> str:
    if _PLAIN_KEY.match(key) and key.lower() not in _RESERVED_KEYS:
        return key
    return json.dumps(key, ensure_ascii=False)


def _scalar(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def _width(text: str) -> int:
    """Display width: CJK characters (three UTF-8 bytes) take two columns."""
    return (len(text) + len(text.encode("utf-8"))) // 2


def _flow(value: object, budget: int) -> str | None:
    """`value` in flow style if it fits in `budget` characters, else None."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        parts: list[str] = []
        used = 2
        for k, x in value.items():
            inner = _flow(x, budget - used) if isinstance(x, dict | list) else _scalar(x)
            if inner is None:
                return None
            part = f"{_key(k)}: {inner}"
            used += _width(part) + 2
            if used > budget + 2:
                return None
            parts.append(part)
        return "{" + ", ".join(parts) + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        items: list[str] = []
        used = 2
        for x in value:
            inner = _flow(x, budget - used) if isinstance(x, dict | list) else _scalar(x)
            if inner is None:
                return None
            used += _width(inner) + 2
            if used > budget + 2:
                return None
            items.append(inner)
        return "[" + ", ".join(items) + "]"
    return _scalar(value)


def _mapping(out: list[str], value: Doc, indent: int, first: str | None = None) -> None:
    """A block mapping; `first` replaces the indentation of its first line ("- ")."""
    pad = " " * indent
    for k, x in value.items():
        lead = pad
        if first is not None:
            lead, first = first, None
        key = _key(k)
        if isinstance(x, dict | list):
            flow = _flow(x, WIDTH - indent - len(key) - 2)
            if flow is not None:
                out.append(f"{lead}{key}: {flow}\n")
            elif isinstance(x, dict):
                out.append(f"{lead}{key}:\n")
                _mapping(out, x, indent + 2)
            else:
                out.append(f"{lead}{key}:\n")
                _sequence(out, x, indent + 2)
        else:
            out.append(f"{lead}{key}: {_scalar(x)}\n")


def _sequence(out: list[str], items: list[Any], indent: int) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict | list):
            flow = _flow(item, WIDTH - indent - 2)
            if flow is not None:
                out.append(f"{pad}- {flow}\n")
            elif isinstance(item, dict):
                _mapping(out, item, indent + 2, first=f"{pad}- ")
            else:
                out.append(f"{pad}-\n")
                _sequence(out, item, indent + 2)
        else:
            out.append(f"{pad}- {_scalar(item)}\n")


def to_yaml(document: Doc, comment: str = "") -> str:
    """A document as block-style YAML text (short leaves in flow style)."""
    out: list[str] = [f"# {line}\n" for line in comment.splitlines()]
    _mapping(out, document, 0)
    return "".join(out)


# ---------------------------------------------------------------------------------------
# Vocabulary of invented content
# ---------------------------------------------------------------------------------------

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

# (id, name, theme, laws, matters as (name, type, index of its law), specific materials).
# The laws are real titles; which matter cites which is a plausible guess, not a
# checked legal basis: every generated matter is marked illustrative.
MatterSpec = tuple[str, str, int]
DeptSpec = tuple[str, str, str, tuple[str, ...], tuple[MatterSpec, ...], tuple[str, ...]]
DEPARTMENTS: tuple[DeptSpec, ...] = (
    (
        "minzheng",
        "民政局",
        "社会救助",
        (
            "社会救助暂行办法",
            "婚姻登记条例",
            "社会团体登记管理条例",
            "民办非企业单位登记管理暂行条例",
            "中华人民共和国老年人权益保障法",
            "中华人民共和国残疾人保障法",
        ),
        (
            ("最低生活保障审核确认", "给付", 0),
            ("特困人员认定", "确认", 0),
            ("临时救助", "给付", 0),
            ("困难残疾人生活补贴发放", "给付", 5),
            ("重度残疾人护理补贴发放", "给付", 5),
            ("内地居民结婚登记", "确认", 1),
            ("内地居民离婚登记", "确认", 1),
            ("补领婚姻登记证", "确认", 1),
            ("社会团体成立登记", "许可", 2),
            ("民办非企业单位成立登记", "许可", 3),
            ("高龄津贴发放", "服务", 4),
            ("养老服务补贴申领", "给付", 4),
        ),
        ("户口簿", "家庭收入情况声明", "家庭财产状况申报表", "居民身份证复印件（家庭成员）"),
    ),
    (
        "renshe",
        "人力资源和社会保障局",
        "就业社保",
        (
            "中华人民共和国社会保险法",
            "中华人民共和国就业促进法",
            "工伤保险条例",
            "劳务派遣行政许可实施办法",
            "人力资源市场暂行条例",
            "失业保险条例",
        ),
        (
            ("城乡居民养老保险参保登记", "服务", 0),
            ("城乡居民养老保险待遇申领", "给付", 0),
            ("失业保险金申领", "给付", 5),
            ("就业创业证申领", "服务", 1),
            ("工伤认定", "确认", 2),
            ("劳动能力鉴定申请", "确认", 2),
            ("职业技能培训补贴申领", "给付", 1),
            ("灵活就业人员社会保险补贴申领", "给付", 1),
            ("劳务派遣经营许可", "许可", 3),
            ("人力资源服务许可", "许可", 4),
            ("社会保障卡申领", "服务", 0),
        ),
        ("劳动合同", "解除或终止劳动关系证明", "职业资格证书", "银行账户信息"),
    ),
    (
        "ziran",
        "自然资源和规划局",
        "不动产与规划",
        ("不动产登记暂行条例", "中华人民共和国土地管理法", "中华人民共和国城乡规划法"),
        (
            ("不动产首次登记", "确认", 0),
            ("不动产转移登记", "确认", 0),
            ("不动产抵押登记", "确认", 0),
            ("不动产变更登记", "确认", 0),
            ("不动产注销登记", "确认", 0),
            ("乡村建设规划许可", "许可", 2),
            ("建设工程规划许可", "许可", 2),
            ("农村村民宅基地审批", "许可", 1),
            ("临时用地审批", "许可", 1),
            ("不动产登记资料查询", "服务", 0),
        ),
        ("不动产权证书", "房屋买卖合同", "宗地图", "房产测绘报告"),
    ),
    (
        "zhujian",
        "住房和城乡建设局",
        "住房建设",
        (
            "中华人民共和国建筑法",
            "建设工程质量管理条例",
            "城镇排水与污水处理条例",
            "城市房地产开发经营管理条例",
            "公共租赁住房管理办法",
            "城市建筑垃圾管理规定",
        ),
        (
            ("建筑工程施工许可", "许可", 0),
            ("城镇污水排入排水管网许可", "许可", 2),
            ("商品房预售许可", "许可", 3),
            ("建设工程竣工验收备案", "其他", 1),
            ("公共租赁住房保障资格确认", "确认", 4),
            ("建筑业企业资质核准", "许可", 0),
            ("房屋交易合同网签备案", "其他", 3),
            ("城市建筑垃圾处置核准", "许可", 5),
        ),
        ("施工图设计文件审查合格书", "中标通知书", "施工合同", "排水设施平面图"),
    ),
    (
        "nongye",
        "农业农村局",
        "农业农村",
        (
            "中华人民共和国动物防疫法",
            "农药管理条例",
            "中华人民共和国种子法",
            "中华人民共和国农村土地承包法",
            "兽药管理条例",
            "中华人民共和国农业机械化促进法",
            "乳品质量安全监督管理条例",
            "农业机械安全监督管理条例",
        ),
        (
            ("动物防疫条件合格证核发", "许可", 0),
            ("农药经营许可", "许可", 1),
            ("农作物种子生产经营许可", "许可", 2),
            ("兽药经营许可", "许可", 4),
            ("农村土地经营权流转合同备案", "其他", 3),
            ("农机购置补贴申领", "给付", 5),
            ("拖拉机和联合收割机驾驶证申领", "许可", 7),
            ("生鲜乳收购站许可", "许可", 6),
        ),
        ("土地承包经营权证", "场所产权证明或租赁合同", "技术人员资格证明", "农机购置发票"),
    ),
    (
        "weijian",
        "卫生健康局",
        "卫生健康",
        (
            "医疗机构管理条例",
            "中华人民共和国母婴保健法",
            "公共场所卫生管理条例",
            "中华人民共和国医师法",
            "中华人民共和国人口与计划生育法",
            "护士条例",
            "生活饮用水卫生监督管理办法",
        ),
        (
            ("医疗机构执业登记", "许可", 0),
            ("医师执业注册", "许可", 3),
            ("公共场所卫生许可", "许可", 2),
            ("出生医学证明补发", "服务", 1),
            ("生育登记服务", "服务", 4),
            ("计划生育家庭特别扶助金发放", "给付", 4),
            ("饮用水供水单位卫生许可", "许可", 6),
            ("护士执业注册", "许可", 5),
        ),
        ("医师资格证书", "健康证明", "卫生检测报告", "结婚证"),
    ),
    (
        "shichang",
        "市场监督管理局",
        "市场准入",
        (
            "中华人民共和国食品安全法",
            "中华人民共和国市场主体登记管理条例",
            "中华人民共和国药品管理法",
            "中华人民共和国特种设备安全法",
            "医疗器械监督管理条例",
            "中华人民共和国农民专业合作社法",
        ),
        (
            ("个体工商户登记", "许可", 1),
            ("食品经营许可", "许可", 0),
            ("食品小作坊登记", "许可", 0),
            ("药品零售企业许可", "许可", 2),
            ("特种设备使用登记", "许可", 3),
            ("企业设立登记", "许可", 1),
            ("农民专业合作社登记", "许可", 5),
            ("医疗器械经营备案", "其他", 4),
        ),
        ("经营场所使用证明", "公司章程", "食品安全管理制度", "从业人员健康证明"),
    ),
    (
        "gongan",
        "公安局",
        "户籍治安",
        (
            "中华人民共和国居民身份证法",
            "中华人民共和国户口登记条例",
            "中华人民共和国道路交通安全法",
            "旅馆业治安管理办法",
            "印铸刻字业暂行管理规则",
            "居住证暂行条例",
        ),
        (
            ("居民身份证申领", "服务", 0),
            ("户口迁移", "确认", 1),
            ("出生登记", "确认", 1),
            ("死亡注销户口", "确认", 1),
            ("机动车驾驶证补领", "许可", 2),
            ("旅馆业特种行业许可", "许可", 3),
            ("公章刻制业特种行业许可", "许可", 4),
            ("居住证申领", "服务", 5),
        ),
        ("户口簿", "出生医学证明", "准予迁入证明", "房屋租赁合同"),
    ),
    (
        "jiaotong",
        "交通运输局",
        "交通运输",
        (
            "中华人民共和国道路运输条例",
            "中华人民共和国公路法",
            "巡游出租汽车经营服务管理规定",
            "超限运输车辆行驶公路管理规定",
            "机动车维修管理规定",
        ),
        (
            ("道路货物运输经营许可", "许可", 0),
            ("道路旅客运输经营许可", "许可", 0),
            ("出租汽车经营许可", "许可", 2),
            ("公路超限运输许可", "许可", 3),
            ("涉路施工许可", "许可", 1),
            ("机动车维修经营备案", "其他", 4),
            ("道路运输从业人员从业资格证补发", "许可", 0),
        ),
        ("机动车行驶证", "驾驶证", "车辆技术等级评定证明", "安全生产管理制度"),
    ),
    (
        "shuili",
        "水利局",
        "水利",
        (
            "中华人民共和国水法",
            "取水许可和水资源费征收管理条例",
            "中华人民共和国水土保持法",
            "中华人民共和国河道管理条例",
            "中华人民共和国防洪法",
        ),
        (
            ("取水许可", "许可", 1),
            ("河道管理范围内建设项目工程建设方案审批", "许可", 3),
            ("生产建设项目水土保持方案审批", "许可", 2),
            ("农村集体经济组织修建水库审批", "许可", 0),
            ("洪水影响评价审批", "许可", 4),
            ("水资源费征收", "征收", 1),
        ),
        ("水资源论证报告", "水土保持方案报告书", "工程位置图", "防洪评价报告"),
    ),
    (
        "jiaoyu",
        "教育局",
        "教育",
        (
            "中华人民共和国教育法",
            "中华人民共和国民办教育促进法",
            "中华人民共和国义务教育法",
            "中华人民共和国教师法",
            "教师资格条例",
        ),
        (
            ("教师资格认定", "许可", 4),
            ("民办学校办学许可", "许可", 1),
            ("义务教育入学登记", "服务", 2),
            ("学籍转接", "服务", 2),
            ("家庭经济困难学生资助", "给付", 0),
            ("优秀教师表彰", "奖励", 3),
        ),
        ("学历证书", "普通话水平测试等级证书", "学生学籍信息", "办学场所证明"),
    ),
    (
        "wenlv",
        "文化和广电旅游体育局",
        "文化旅游",
        (
            "娱乐场所管理条例",
            "营业性演出管理条例",
            "互联网上网服务营业场所管理条例",
            "全民健身条例",
            "旅行社条例",
            "中华人民共和国公共文化服务保障法",
        ),
        (
            ("娱乐场所经营许可", "许可", 0),
            ("营业性演出审批", "许可", 1),
            ("互联网上网服务营业场所经营许可", "许可", 2),
            ("高危险性体育项目经营许可", "许可", 3),
            ("旅行社设立许可", "许可", 4),
            ("公共文化场馆预约", "服务", 5),
        ),
        ("演出合同", "消防安全检查意见", "场所平面图", "安全保障措施"),
    ),
    (
        "yibao",
        "医疗保障局",
        "医疗保障",
        ("中华人民共和国社会保险法", "医疗保障基金使用监督管理条例", "社会救助暂行办法"),
        (
            ("城乡居民基本医疗保险参保登记", "服务", 0),
            ("医疗费用手工报销", "给付", 0),
            ("异地就医备案", "服务", 0),
            ("门诊慢特病待遇认定", "确认", 0),
            ("生育医疗费用报销", "给付", 0),
            ("医疗救助", "给付", 2),
        ),
        ("医疗费用票据", "费用明细清单", "出院小结", "诊断证明"),
    ),
    (
        "tuijun",
        "退役军人事务局",
        "退役军人",
        ("中华人民共和国退役军人保障法", "军人抚恤优待条例", "烈士褒扬条例"),
        (
            ("退役军人优待证申领", "服务", 0),
            ("伤残抚恤关系接收", "给付", 1),
            ("烈士褒扬金发放", "给付", 2),
            ("退役军人创业贷款贴息", "给付", 0),
            ("光荣牌悬挂", "服务", 0),
        ),
        ("退役证", "残疾军人证", "烈士证明书", "贷款合同"),
    ),
    (
        "linye",
        "林业局",
        "林业",
        ("中华人民共和国森林法", "中华人民共和国野生动物保护法", "森林防火条例"),
        (
            ("林木采伐许可", "许可", 0),
            ("使用林地审核", "许可", 0),
            ("森林防火期内野外用火审批", "许可", 2),
            ("野生动物人工繁育许可", "许可", 1),
            ("公益林补偿发放", "给付", 0),
        ),
        ("林权证明", "伐区调查设计", "用火安全措施", "繁育场所证明"),
    ),
    (
        "shengtai",
        "生态环境分局",
        "生态环境",
        (
            "中华人民共和国环境影响评价法",
            "排污许可管理条例",
            "中华人民共和国固体废物污染环境防治法",
        ),
        (
            ("建设项目环境影响报告表审批", "许可", 0),
            ("排污许可证核发", "许可", 1),
            ("建设项目环境影响登记表备案", "其他", 0),
            ("危险废物经营许可", "许可", 2),
        ),
        ("环境影响报告表", "排污许可申请表", "监测报告", "污染防治设施说明"),
    ),
    (
        "shuiwu",
        "税务局",
        "税费",
        (
            "中华人民共和国税收征收管理法",
            "中华人民共和国发票管理办法",
            "中华人民共和国契税法",
            "中华人民共和国社会保险法",
        ),
        (
            ("发票领用", "其他", 1),
            ("契税申报", "征收", 2),
            ("纳税证明开具", "服务", 0),
            ("城乡居民基本养老保险费缴纳", "征收", 3),
            ("清税证明开具", "服务", 0),
        ),
        ("不动产权证书", "完税凭证", "营业执照", "银行账户信息"),
    ),
    (
        "sifa",
        "司法局",
        "法律服务",
        (
            "中华人民共和国法律援助法",
            "中华人民共和国人民调解法",
            "基层法律服务工作者管理办法",
            "中华人民共和国社区矫正法",
        ),
        (
            ("法律援助申请", "服务", 0),
            ("人民调解申请", "服务", 1),
            ("基层法律服务工作者执业核准", "许可", 2),
            ("社区矫正对象外出审批", "许可", 3),
        ),
        ("经济困难状况说明", "案件相关材料", "执业申请书", "调解申请书"),
    ),
    (
        "yingji",
        "应急管理局",
        "安全生产",
        (
            "安全生产许可证条例",
            "烟花爆竹安全管理条例",
            "危险化学品安全管理条例",
            "生产安全事故应急条例",
            "自然灾害救助条例",
        ),
        (
            ("烟花爆竹经营（零售）许可", "许可", 1),
            ("危险化学品经营许可", "许可", 2),
            ("生产安全事故应急预案备案", "其他", 3),
            ("受灾人员救助", "给付", 4),
        ),
        ("安全评价报告", "应急预案", "主要负责人安全培训合格证明", "储存场所证明"),
    ),
    (
        "renfang",
        "人民防空办公室",
        "人民防空",
        ("中华人民共和国人民防空法",),
        (
            ("应建防空地下室的民用建筑项目审批", "许可", 0),
            ("人防工程拆除审批", "许可", 0),
            ("防空地下室易地建设费征收", "征收", 0),
        ),
        ("建设项目批准文件", "人防工程竣工图", "拆除方案", "设计图纸"),
    ),
)
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
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅兰玉春燕"
NAME_HEAD = "东西南北上下前后新老大小青白金石云山水河溪湖塘桥岭林竹松柏梅杏桃李"
NAME_TAIL = "山口坑田湾坪溪岙岭塘桥岗坞垟埠头圩庄墩洋浦港源坂岩潭渡沙"
ROADS = ("人民路", "中山路", "建设路", "解放路", "文化路", "新华路", "和平路", "府前街", "站前路")
ADMIN_SUFFIXES = (("镇", 70), ("乡", 20), ("街道", 10))

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


def _weighted(rng: random.Random, table: Sequence[tuple[str, int]]) -> str:
    return rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]


def _phone(rng: random.Random) -> str:
    return f"{AREA_CODE}-{rng.randint(8100000, 8899999)}"


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))


def _place_name(rng: random.Random, taken: set[str]) -> str:
    for attempt in range(1000):
        size = 2 if attempt < 50 else 3
        name = rng.choice(NAME_HEAD) + "".join(rng.choices(NAME_TAIL, k=size - 1))
        if name not in taken:
            taken.add(name)
            return name
    raise RuntimeError("ran out of place names")  # pragma: no cover


def _hours(rng: random.Random, tier: str) -> list[Doc]:
    if tier in ("county-hall", "branch-hall"):
        hours: list[Doc] = [
            {"days": ["工作日"], "opens": "08:30", "closes": "12:00"},
            {"days": ["工作日"], "opens": "13:30", "closes": "17:30"},
        ]
        if tier == "county-hall":
            hours.append(
                {
                    "days": ["周六"],
                    "opens": "09:00",
                    "closes": "12:00",
                    "note": "延时服务，仅办理部分即办事项",
                }
            )
        return hours
    if tier == "town-center":
        return [
            {
                "days": ["工作日"],
                "opens": "08:30",
                "closes": "17:00",
                "note": "中午不休息，轮岗值守",
            }
        ]
    if rng.random() < 0.7:
        return [
            {"days": ["工作日"], "opens": "08:30", "closes": "11:30"},
            {"days": ["工作日"], "opens": "14:00", "closes": "17:00"},
        ]
    days = sorted(
        rng.sample(["周一", "周二", "周三", "周四", "周五"], 3), key="周一周二周三周四周五".index
    )
    return [{"days": days, "opens": "09:00", "closes": "16:00", "note": "其余时间可电话预约代办"}]


def _departments(
    rng: random.Random, count: int, place: County = ONE_COUNTY
) -> list[tuple[Doc, DeptSpec]]:
    out: list[tuple[Doc, DeptSpec]] = []
    for i in range(count):
        spec = DEPARTMENTS[i % len(DEPARTMENTS)]
        round_ = i // len(DEPARTMENTS)
        dept_id = (spec[0] if round_ == 0 else f"{spec[0]}-{round_ + 1}") + place.tag
        name = f"{place.name}{spec[1]}" + ("" if round_ == 0 else f"第{round_ + 1}分局")
        org8 = f"{rng.randint(0, 99_999_999):08d}"
        out.append(
            (
                {
                    "id": dept_id,
                    "name": name,
                    "creditCode": make_credit_code("1", "1", place.code, org8),
                    "consultation": [_phone(rng)],
                    "supervision": [_phone(rng), "12345"],
                },
                spec,
            )
        )
    return out


def _county(
    rng: random.Random, depts: list[tuple[Doc, DeptSpec]], place: County = ONE_COUNTY
) -> Doc:
    hall_windows: list[Doc] = [
        {"id": "w-zonghe", "name": "综合受理窗口", "number": "01", "phone": _phone(rng)},
    ]
    branch_windows: list[Doc] = [{"id": "w-zonghe", "name": "综合受理窗口", "number": "01"}]
    for dept, spec in depts:
        at_branch = spec[0] in BRANCH_DEPTS
        windows = branch_windows if at_branch else hall_windows
        windows.append(
            {
                "id": f"w-{dept['id']}",
                "name": f"{spec[1].removesuffix('局')}窗口",
                "number": f"{len(windows) + 1:02d}",
                "departments": [dept["id"]],
                "phone": _phone(rng),
            }
        )
    number = f"{len(hall_windows) + 1:02d}"
    hall_windows.append({"id": "w-shoufei", "name": "收费窗口", "number": number})
    return {
        "apiVersion": "catalogkit/v1",
        "kind": "Locality",
        "code": place.code,
        "name": place.name,
        "level": "county",
        "venues": [
            {
                "id": f"county-hall{place.tag}",
                "name": f"{place.name}行政审批服务中心",
                "tier": "county-hall",
                "address": f"{place.name}{ROADS[0]}1号",
                "hours": _hours(rng, "county-hall"),
                "phones": [
                    {"label": "咨询", "number": _phone(rng)},
                    {"label": "投诉", "number": "12345"},
                ],
                "windows": hall_windows,
            },
            {
                "id": f"county-branch-realestate{place.tag}",
                "name": f"{place.name}行政审批服务中心{BRANCH_TOPIC}分厅",
                "tier": "branch-hall",
                "topic": BRANCH_TOPIC,
                "address": f"{place.name}{ROADS[2]}88号",
                "hours": _hours(rng, "branch-hall"),
                "phones": [{"label": "咨询", "number": _phone(rng)}],
                "windows": branch_windows,
            },
        ],
        "departments": [dept for dept, _ in depts],
    }


def _matter_plan(depts: list[tuple[Doc, DeptSpec]], count: int) -> list[tuple[MatterSpec, int]]:
    """(name, type key, law index) and department index of `count` matters: departments
    interleaved, then the same names again as sub-items (（新办）, （变更）, …)."""
    base: list[tuple[MatterSpec, int]] = []
    longest = max(len(spec[4]) for _, spec in depts)
    for j in range(longest):
        for d, (_, spec) in enumerate(depts):
            if j < len(spec[4]):
                base.append((spec[4][j], d))
    out: list[tuple[MatterSpec, int]] = []
    for i in range(count):
        (name, kind, law), d = base[i % len(base)]
        round_ = i // len(base)
        suffix = VARIANTS[round_] if round_ < len(VARIANTS) else f"（第{round_}类）"
        copy = d // len(DEPARTMENTS)  # departments beyond the table reuse its matters
        if copy:
            suffix += f"（第{copy + 1}分局）"
        out.append(((name + suffix, kind, law), d))
    return out


def _limit(value: int, unit: str, note: str | None = None) -> Doc:
    out: Doc = {"value": value, "unit": unit}
    if note:
        out["note"] = note
    return out


def _material(rng: random.Random, name: str, source: str, law: str | None) -> Doc:
    necessity = "必要"
    roll = rng.random()
    if name.startswith("其他"):
        necessity = "非必要"
    elif roll < 0.12:
        necessity = "容缺"
    issued = source == "政府部门核发"
    m: Doc = {
        "name": name,
        "necessity": necessity,
        "originals": 1 if issued or rng.random() < 0.6 else 0,
        "copies": 1 if issued else rng.choice((0, 0, 1, 2)),
    }
    if m["originals"] == 0 and m["copies"] == 0:
        m["copies"] = 1
    if rng.random() < 0.3:
        m["form"] = rng.choice(("纸质或电子", "电子"))
    if source != "申请人自备":
        m["source"] = source
    if rng.random() < 0.25:
        m["paperSize"] = "A4"
    if law and rng.random() < 0.2:
        m["basis"] = [{"title": f"《{law}》"}]
    if rng.random() < 0.2:
        m["standard"] = "内容完整、真实有效，复印件与原件一致"
    return m


def _matter(
    rng: random.Random,
    index: int,
    plan: MatterSpec,
    depts: list[tuple[Doc, DeptSpec]],
    d: int,
    place: County = ONE_COUNTY,
) -> Doc:
    name, type_key, law_index = plan
    dept, spec = depts[d]
    mtype = TYPES[type_key]
    public = mtype == "公共服务"
    law = spec[3][law_index]
    code = f"{MATTER_TYPE_CODE[mtype]}{d + 1:03d}{index + 1:05d}{place.tag}"
    kind = _weighted(rng, HANDLING_KINDS)
    if len(depts) < 2 and kind == "联办件":
        kind = "承诺件"

    levels = ["县级"]
    if mtype in ("行政给付", "公共服务", "行政确认") and rng.random() < 0.45:
        levels.append(TOWN_LEVEL)
        if mtype != "行政确认" and rng.random() < 0.35:
            levels.append(VILLAGE_LEVEL)
    elif rng.random() < 0.12:
        levels.append(TOWN_LEVEL)

    m: Doc = {"code": code, "name": name}
    base = name.split("（")[0]
    if base in ALIASES and name == base:
        m["aliases"] = ALIASES[base]
    m["theme"] = spec[2]
    m["type"] = mtype
    m["levels"] = levels
    basis: list[Doc] = [{"title": f"《{law}》"}]
    if mtype == "行政许可":
        basis.append({"title": "《中华人民共和国行政许可法》"})
    m["basis"] = basis
    m["department"] = dept["id"]
    if not public:
        m["powerSource"] = "法定本级行使" if rng.random() < 0.85 else "上级下放"
    if mtype == "行政给付":
        objects = ["自然人"]
    elif mtype == "公共服务":
        objects = ["自然人"] if rng.random() < 0.7 else ["自然人", "企业法人", "非法人企业"]
    elif rng.random() < 0.4:
        objects = ["自然人"]
    else:
        objects = ["企业法人", "非法人企业"] + (["自然人"] if rng.random() < 0.5 else [])
    persons = "自然人" in objects
    if name.endswith("（个人）"):
        objects = ["自然人"]
    elif name.endswith("（单位）"):
        objects = ["企业法人", "事业法人", "社会组织法人"]
    m["serviceObjects"] = objects
    who = "申请人" if objects == ["自然人"] else "申请人（单位）"
    where = "户籍或居住地在本县" if persons else "经营或建设地点在本县"
    m["conditions"] = f"{who}符合《{law}》规定的条件，{where}。"
    m["handlingKind"] = kind

    # time limits: promised at most the statutory limit, in the same unit
    unit = "工作日" if rng.random() < 0.9 else "自然日"
    if mtype == "行政许可":
        statutory = rng.choice((20, 20, 15, 30, 60))
    else:
        statutory = rng.choice((10, 15, 20, 30))
    if kind == "联办件":
        statutory = 45 if mtype == "行政许可" else max(statutory, 30)
    if not public or rng.random() < 0.5:
        m["statutoryLimit"] = _limit(statutory, unit)
    if kind == "即办件":
        promised_value = 0
        m["promisedLimit"] = _limit(0, "即时", "材料齐全的当场办结")
    else:
        choices = [v for v in (1, 2, 3, 5, 7, 10, 12, 15, 20) if v <= max(1, statutory // 2)]
        promised_value = rng.choice(choices)
        m["promisedLimit"] = _limit(promised_value, unit)
        if rng.random() < 0.25:
            sp = rng.choice(SPECIAL)
            m["specialProcedures"] = [
                {
                    "name": sp,
                    "limit": _limit(rng.choice((5, 10, 15, 20, 30)), "工作日"),
                    "basis": [{"title": "《中华人民共和国行政许可法》", "article": "第四十五条"}],
                    "counted": False,
                }
            ]

    # process
    clerk = f"{spec[1].removesuffix('局')}窗口工作人员"
    if kind == "即办件":
        m["process"] = [
            {
                "name": "受理",
                "actor": clerk,
                "limit": _limit(0, "即时"),
                "standard": "材料齐全、符合法定形式",
            },
            {"name": "办结", "actor": clerk, "result": "当场出具办理结果"},
        ]
    else:
        steps: list[Doc] = [
            {
                "name": "受理",
                "actor": clerk,
                "limit": _limit(0, "即时"),
                "standard": "材料不齐全的一次性告知",
            }
        ]
        review: Doc = {"name": "审查", "actor": "业务科室经办人"}
        if promised_value >= 3:
            review["limit"] = _limit(promised_value - 1, unit)
        steps.append(review)
        if kind == "上报件":
            steps.append(
                {
                    "name": "上报",
                    "actor": "业务科室负责人",
                    "result": "初审意见连同申请材料报上级主管部门",
                }
            )
        decide: Doc = {"name": "决定", "actor": "分管负责人"}
        if promised_value >= 3:
            decide["limit"] = _limit(1, unit)
        steps.append(decide)
        steps.append({"name": "送达", "actor": clerk, "result": "窗口领取或邮寄送达"})
        m["process"] = steps

    # materials: 3–8, some conditional
    n_materials = rng.randint(3, 8)
    materials: list[Doc] = [
        {
            "name": f"《{base}申请表》",
            "necessity": "必要",
            "originals": 1,
            "copies": 0,
        }
    ]
    if rng.random() < 0.3:
        materials[0]["blankForm"] = f"https://zwfw.example.org/forms/{code}.docx"
    if "自然人" in objects:
        materials.append(
            {
                "name": "申请人有效身份证件",
                "necessity": "必要",
                "originals": 1,
                "copies": 1,
                "source": "政府部门核发",
                "notes": "可由电子证照库调取的免交",
            }
        )
    pool: list[tuple[str, str, Doc | None]] = [
        (x, "政府部门核发" if x.endswith(GOVERNMENT_ISSUED) else "申请人自备", None)
        for x in spec[5]
    ]
    pool += [(x, s, None) for x, s in GENERAL]
    if rng.random() < 0.45:  # some matters have materials that apply only to some cases
        pool += [(x, s, dict(c)) for x, s, c in CONDITIONAL]
    if "企业法人" not in objects:
        pool = [x for x in pool if x[0] != "营业执照"]
    rng.shuffle(pool)
    used_facts: list[str] = []
    names = {x["name"] for x in materials}
    for x, source, cond in pool:
        if len(materials) >= n_materials:
            break
        if x in names:
            continue
        if cond is not None and len(used_facts) >= 2 and not set(cond) <= set(used_facts):
            continue
        names.add(x)
        item = _material(rng, x, source, law)
        if cond is not None:
            item["when"] = cond
            used_facts += [f for f in cond if f not in used_facts]
        materials.append(item)
    m["materials"] = materials
    intermediaries = [x["name"] for x in materials if x.get("source") == "中介机构出具"]

    # fees
    if rng.random() < 0.15:
        if spec[0] == "ziran":
            fee: Doc = {
                "name": "不动产登记费",
                "standard": "住宅类每件80元，非住宅类每件550元",
                "amount": 80,
            }
        else:
            fee = {"name": "证书工本费", "standard": "每证10元", "amount": 10}
        fee["basis"] = [{"title": "《示例省行政事业性收费目录清单》"}]
        if rng.random() < 0.5:
            fee["reducible"] = True
            fee["reductionBasis"] = [{"title": "《社会救助暂行办法》"}]
        m["fees"] = {"charged": True, "items": [fee]}
    else:
        m["fees"] = {"charged": False}

    online = rng.random() < 0.7
    depth = rng.choice((2, 3, 3, 4)) if online else None
    visits = 0 if depth == 4 else 1
    if kind == "联办件" and rng.random() < 0.5:
        visits = 2
    m["visits"] = (
        {"count": visits}
        if visits == 0
        else {
            "count": visits,
            "reason": "需现场勘验"
            if visits == 2
            else rng.choice(("需核验原件", "需本人现场签字确认", "需现场采集照片")),
        }
    )
    at_branch = spec[0] in BRANCH_DEPTS
    m["venue"] = ("county-branch-realestate" if at_branch else "county-hall") + place.tag
    m["window"] = f"w-{dept['id']}"
    if online:
        o: Doc = {
            "available": True,
            "depth": depth,
            "pcUrl": f"https://zwfw.example.org/item/{code}",
        }
        if rng.random() < 0.6:
            o["mobileUrl"] = f"https://m.zwfw.example.org/item/{code}"
        m["online"] = o
    else:
        m["online"] = {"available": False}
    m["delivery"] = {
        "inHall": True,
        "express": rng.random() < 0.5,
        "onlinePayment": bool(m["fees"]["charged"]) and rng.random() < 0.7,
        "appointment": rng.random() < 0.6,
    }
    if rng.random() < 0.1:
        m["acrossArea"] = rng.choice(("全市通办", "全省通办", "跨省通办"))
    if mtype == "行政许可" and rng.random() < 0.1:
        m["quantityLimit"] = "本县行政区域内按规划布局控制数量"
    if intermediaries:
        m["intermediaries"] = [f"{x}编制" for x in intermediaries]
    if kind == "联办件":
        others = [x["id"] for x, _ in depts if x["id"] != dept["id"]]
        m["jointDepartments"] = rng.sample(others, min(len(others), rng.choice((1, 2))))

    if mtype == "行政许可":
        result: Doc = {
            "type": "证照",
            "name": f"{base.removesuffix('许可')}许可证"
            if base.endswith("许可")
            else f"{base}决定书",
            "validity": rng.choice(("5年", "3年", "长期")),
        }
    elif mtype == "行政确认" and rng.random() < 0.5:
        result = {"type": "证照", "name": f"{base}证明"}
    elif mtype in ("行政给付", "行政征收"):
        result = {"type": "批文", "name": f"{base}核定通知书"}
    else:
        result = {"type": "其他", "name": f"{base}办理结果"}
    result["collection"] = "窗口领取或邮寄送达" if m["delivery"]["express"] else "窗口领取"
    m["result"] = result
    if not public:
        m["remedies"] = {"review": REVIEW, "litigation": LITIGATION}
    if rng.random() < 0.25:
        m["faq"] = [{"question": q, "answer": a} for q, a in rng.sample(FAQS, rng.choice((1, 2)))]
    if used_facts or rng.random() < 0.15:
        form: Doc = {"applicant_name": {"type": "string", "required": True, "label": "申请人"}}
        for fact in used_facts:
            form[fact] = dict(FACTS[fact])
        m["form"] = form
    m["illustrative"] = True
    return m


def _claim(rng: random.Random, matter: Doc, role: str, window: str | None = None) -> Doc:
    c: Doc = {"matter": matter["code"], "role": role}
    if window:
        c["window"] = window
    promised = matter.get("promisedLimit")
    if (
        role != "proxy"
        and promised
        and promised["unit"] == "工作日"
        and promised["value"] >= 2
        and rng.random() < 0.3
    ):
        c["promisedLimit"] = _limit(rng.randint(1, promised["value"] - 1), "工作日")
    if matter["visits"]["count"] > 0 and rng.random() < 0.15:
        c["visits"] = matter["visits"]["count"] - 1
    return c


def _town(
    rng: random.Random,
    number: int,
    villages: int,
    matters: list[Doc],
    names: set[str],
    place: County = ONE_COUNTY,
) -> Doc:
    code = f"{place.code}{number:03d}"
    suffix = _weighted(rng, ADMIN_SUFFIXES)
    name = _place_name(rng, names) + suffix
    center = f"tc-{code}"
    windows: list[Doc] = [
        {"id": "zonghe", "name": "综合受理窗口", "number": "1"},
        {"id": "shehui", "name": "社会事务窗口", "number": "2"},
        {"id": "daiban", "name": "代办服务窗口", "number": "3"},
    ]
    # claims of the town: decide what the town level may exercise, accept or proxy the rest
    share = min(len(matters), max(8, min(len(matters) // 5, TOWN_CLAIMS)))
    chosen = sorted(rng.sample(range(len(matters)), share))
    claims: list[Doc] = []
    for i in chosen:
        m = matters[i]
        if TOWN_LEVEL in m["levels"]:
            role, window = "decide", "shehui"
        elif m["handlingKind"] in ("上报件", "代办件") or rng.random() < 0.25:
            role, window = "proxy", "daiban"
        else:
            role, window = "accept", "zonghe"
        c = _claim(rng, m, role, window)
        if role == "proxy":
            c["proxyAgent"] = f"{_person(rng)}（代办员）"
        claims.append(c)
    claimed = [matters[i] for i in chosen]
    profiles: list[Doc] = []
    for pid, desc, size in (
        ("标准村", "一般行政村的代办与收件事项", 12),
        ("偏远村", "离镇较远的行政村：更多事项由村代办员全程代办", 20),
    ):
        picks = rng.sample(claimed, min(len(claimed), size))
        profile_claims = [
            {"matter": m["code"], "role": "accept" if VILLAGE_LEVEL in m["levels"] else "proxy"}
            for m in sorted(picks, key=lambda x: str(x["code"]))
        ]
        profiles.append({"id": pid, "description": desc, "claims": profile_claims})

    children: list[Doc] = []
    stations: list[str] = []
    village_kind = "社区" if suffix == "街道" else "村"
    for v in range(villages):
        vcode = f"{code}{201 + v:03d}"
        vname = _place_name(rng, names) + village_kind
        village: Doc = {"code": vcode, "name": vname, "level": "village"}
        roll = rng.random()
        if v > 0 and roll < 0.12:
            village["servedBy"] = center  # close to the town seat: served by the center
        elif stations and roll < 0.25:
            village["servedBy"] = rng.choice(stations)  # several villages, one station
        else:
            station = f"vs-{vcode}"
            stations.append(station)
            village["venues"] = [
                {
                    "id": station,
                    "name": f"{vname}便民服务站",
                    "tier": "village-station",
                    "address": f"{place.name}{name}{vname}村委会一楼",
                    "hours": _hours(rng, "village-station"),
                    "phones": [{"label": "代办员", "number": _phone(rng)}],
                }
            ]
        village["useProfiles"] = ["偏远村" if rng.random() < 0.3 else "标准村"]
        if rng.random() < 0.1 and claimed:
            m = rng.choice(claimed)
            village["claims"] = [
                {
                    "matter": m["code"],
                    "role": "proxy",
                    "proxyAgent": f"{_person(rng)}（村代办员）",
                    "note": "本村单独认领的代办事项",
                }
            ]
        children.append(village)

    return {
        "apiVersion": "catalogkit/v1",
        "kind": "Locality",
        "code": code,
        "name": name,
        "level": "town",
        "parent": place.code,
        "venues": [
            {
                "id": center,
                "name": f"{name}便民服务中心",
                "tier": "town-center",
                "address": f"{place.name}{name}{rng.choice(ROADS)}{rng.randint(1, 200)}号",
                "hours": _hours(rng, "town-center"),
                "phones": [
                    {"label": "咨询", "number": _phone(rng)},
                    {"label": "值班", "number": _phone(rng)},
                ],
                "windows": windows,
            }
        ],
        "profiles": profiles,
        "claims": claims,
        "children": children,
    }


# ---------------------------------------------------------------------------------------
# The tree
# ---------------------------------------------------------------------------------------


def _prepare(root: Path, folders: Sequence[str]) -> None:
    """Refuse to write into a folder that holds anything but an earlier synthetic tree."""
    settings = root / "catalogkit.yaml"
    if root.exists() and any(root.iterdir()):
        made_here = settings.is_file() and settings.read_text(encoding="utf-8").startswith(
            f"# {MARKER}"
        )
        if not made_here:
            raise FileExistsError(
                f"{root} is not empty and was not made by catalogkit.synthetic; "
                "choose an empty or new folder"
            )
        for sub in ("county", "towns", "calendars"):
            folder = root / sub
            if folder.is_dir():
                for old in folder.glob("*.yaml"):
                    old.unlink()
        if (root / "counties").is_dir():
            for old in (root / "counties").glob("*/**/*.yaml"):
                old.unlink()
    for sub in folders:
        (root / sub).mkdir(parents=True, exist_ok=True)


def _check_sizes(towns: int, villages_per_town: int, matters: int, departments: int) -> None:
    if not 1 <= towns <= MAX_TOWNS:
        raise ValueError(f"towns must be between 1 and {MAX_TOWNS}")
    if not 0 <= villages_per_town <= MAX_VILLAGES:
        raise ValueError(f"villages_per_town must be between 0 and {MAX_VILLAGES}")
    if matters < 1 or departments < 1:
        raise ValueError("matters and departments must be at least 1")


def _note(seed: int) -> str:
    return (
        f"{MARKER} (seed {seed}).\n"
        "Invented content for tests and benchmarks, not real service standards."
    )


def generate_tree(
    root: Path,
    *,
    towns: int = 4,
    villages_per_town: int = 3,
    matters: int = 400,
    departments: int = 10,
    seed: int = 0,
) -> None:
    """Write a synthetic catalog tree under `root` (deterministic for a given seed).

    `root` must be empty, new, or an earlier synthetic tree (whose files are replaced).
    """
    _check_sizes(towns, villages_per_town, matters, departments)
    rng = random.Random(seed)
    root = Path(root)
    _prepare(root, ("county", "towns"))
    note = _note(seed)
    settings = {
        "apiVersion": "catalogkit/v1",
        "kind": "Settings",
        "name": f"合成目录：{COUNTY_NAME}（{towns}个乡镇，{matters}项事项）",
    }
    _write(root / "catalogkit.yaml", to_yaml(settings, note))
    _write_county(root, rng, ONE_COUNTY, towns, villages_per_town, matters, departments, note)
    _copy_calendars(root)


PROVINCE_NAME = "示例省"
MAX_COUNTIES = 900
COUNTIES_PER_CITY = 12


def province_counties(count: int, seed: int = 0) -> list[County]:
    """`count` counties with distinct codes (33CCNN: city CC, county NN), names and tags."""
    if not 1 <= count <= MAX_COUNTIES:
        raise ValueError(f"counties must be between 1 and {MAX_COUNTIES}")
    rng = random.Random(f"province:{seed}")
    names: set[str] = set()
    out: list[County] = []
    for i in range(count):
        city, n = divmod(i, COUNTIES_PER_CITY)
        code = f"33{city + 1:02d}{n + 1:02d}"
        name = _place_name(rng, names) + ("区" if n == 0 else "县")
        out.append(County(code, name, f"-{code}"))
    return out


def generate_province(
    root: Path,
    *,
    counties: int,
    towns: int = 4,
    villages_per_town: int = 3,
    matters: int = 400,
    departments: int = 10,
    seed: int = 0,
) -> None:
    """Write a province: `counties/<code>/` holds each county as `generate_tree` makes one
    (own departments, venues and matter codes, tagged with the county's code), under one
    settings file and the calendars. Each county has its own random stream, so adding
    counties leaves the earlier ones' files as they were."""
    _check_sizes(towns, villages_per_town, matters, departments)
    places = province_counties(counties, seed)
    root = Path(root)
    _prepare(root, ("counties",))
    note = _note(seed)
    settings = {
        "apiVersion": "catalogkit/v1",
        "kind": "Settings",
        "name": f"合成目录：{PROVINCE_NAME}（{counties}个县，每县{towns}个乡镇、{matters}项事项）",
        "province": PROVINCE_NAME,
    }
    _write(root / "catalogkit.yaml", to_yaml(settings, note))
    for place in places:
        folder = root / "counties" / place.code
        for sub in ("county", "towns"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        rng = random.Random(f"{seed}:{place.code}")
        _write_county(folder, rng, place, towns, villages_per_town, matters, departments, note)
    _copy_calendars(root)


def _write_county(
    folder: Path,
    rng: random.Random,
    place: County,
    towns: int,
    villages_per_town: int,
    matters: int,
    departments: int,
    note: str,
) -> None:
    """One county's files: `county/county.yaml`, `county/matters.yaml`, `towns/<n>.yaml`."""
    depts = _departments(rng, departments, place)
    _write(folder / "county" / "county.yaml", to_yaml(_county(rng, depts, place), note))

    matter_docs = [
        _matter(rng, i, plan, depts, d, place)
        for i, (plan, d) in enumerate(_matter_plan(depts, matters))
    ]
    doc = {
        "apiVersion": "catalogkit/v1",
        "kind": "Matters",
        "locality": place.code,
        "matters": matter_docs,
    }
    _write(folder / "county" / "matters.yaml", to_yaml(doc, note))

    names: set[str] = set()
    width = max(3, len(str(towns)))
    for t in range(1, towns + 1):
        town = _town(rng, t, villages_per_town, matter_docs, names, place)
        _write(folder / "towns" / f"{t:0{width}d}.yaml", to_yaml(town, note))


def _copy_calendars(root: Path) -> None:
    if DEMO_CALENDARS.is_dir():
        calendars = sorted(DEMO_CALENDARS.glob("*.yaml"))
        if calendars:
            (root / "calendars").mkdir(exist_ok=True)
            for path in calendars:
                shutil.copyfile(path, root / "calendars" / path.name)


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def _size(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m catalogkit.synthetic",
        description="Write a synthetic catalog tree (invented content) for tests and benchmarks.",
    )
    parser.add_argument("outdir", type=Path, help="folder to write (empty, new or synthetic)")
    parser.add_argument("--towns", type=int, default=4, help="number of towns (default 4)")
    parser.add_argument("--villages", type=int, default=3, help="villages per town (default 3)")
    parser.add_argument(
        "--matters", type=int, default=400, help="matters defined by the county (default 400)"
    )
    parser.add_argument(
        "--departments", type=int, default=10, help="county departments (default 10)"
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--counties",
        type=int,
        default=None,
        help="write a province of this many counties, each with these towns, villages "
        "and matters, under counties/<code>/ (default: one county, as before)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    sizes = {
        "towns": args.towns,
        "villages_per_town": args.villages,
        "matters": args.matters,
        "departments": args.departments,
        "seed": args.seed,
    }
    try:
        if args.counties is None:
            generate_tree(args.outdir, **sizes)
        else:
            generate_province(args.outdir, counties=args.counties, **sizes)
    except (ValueError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    root: Path = args.outdir
    files = sorted(root.rglob("*.yaml"))
    print(f"wrote {len(files)} files, {_size(files) / 1024:,.1f} KiB, to {root} in {seconds:.2f} s")
    if args.counties is not None:
        n = args.counties
        print(
            f"  counties/: {n} counties, {n * args.towns} towns, "
            f"{n * args.towns * args.villages} villages, {n * args.matters} matters"
        )
    else:
        matters_file = root / "county" / "matters.yaml"
        towns_files = sorted((root / "towns").glob("*.yaml"))
        print(
            f"  county/matters.yaml: {args.matters} matters, "
            f"{matters_file.stat().st_size / 1024:,.1f} KiB"
        )
        print(
            f"  towns/: {len(towns_files)} files, {args.towns * args.villages} villages, "
            f"{_size(towns_files) / 1024:,.1f} KiB"
        )
    from .load.source import MAX_FILE_BYTES

    for path in files:
        if path.stat().st_size > MAX_FILE_BYTES:
            print(
                f"warning: {path} is larger than the {MAX_FILE_BYTES:,} bytes a catalog file "
                "may have; the tree will not load (use fewer matters)",
                file=sys.stderr,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
