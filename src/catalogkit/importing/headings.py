"""Column headings of real exports, matched to the fields they fill.

Headings are matched by the national field names and their common variants, after
dropping spaces, brackets and a trailing 「（必填）」; a mapping file names the rest."""

from __future__ import annotations

import re
from pathlib import Path

FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("事项名称", "实施清单名称", "事项名", "服务事项名称"),
    "implementationCode": ("实施编码", "事项实施编码", "实施清单编码", "业务办理项编码"),
    "code": ("基本编码", "事项基本编码", "目录编码", "事项编码", "基本目录编码"),
    "type": ("事项类型", "事项类别", "权力类型"),
    "department": ("部门", "所属部门", "部门名称", "主管部门", "实施部门"),
    "body": ("实施主体", "实施主体名称", "实施机构"),
    "bodyCode": ("实施主体编码", "实施主体统一社会信用代码", "统一社会信用代码", "组织机构代码"),
    "handlingKind": ("办件类型", "办理类型"),
    "statutoryLimit": ("法定办结时限", "法定时限", "法定期限"),
    "promisedLimit": ("承诺办结时限", "承诺时限", "承诺期限"),
    "charged": ("是否收费",),
    "feeStandard": ("收费标准", "收费项目及标准"),
    "feeBasis": ("收费依据",),
    "place": ("办理地点", "办事地点", "受理地点"),
    "hours": ("办公时间", "办理时间", "受理时间"),
    "consultation": ("咨询电话", "咨询方式"),
    "supervision": ("监督电话", "监督投诉电话", "投诉电话", "监督投诉方式"),
    "conditions": ("受理条件", "申请条件", "办理条件"),
    "theme": ("主题分类", "事项主题", "主题"),
    "serviceObjects": ("服务对象", "服务对象类型"),
    "levels": ("行使层级",),
    "basis": ("设定依据", "法律依据"),
    "powerSource": ("权力来源",),
    "visits": ("到办事现场次数", "到现场次数", "跑动次数"),
    "online": ("是否网办", "是否支持网上办理", "网上办理"),
    "onlineUrl": ("网办地址", "在线办理地址", "网上办理地址"),
    "sourceUrl": ("办事指南链接", "详情页", "详情链接", "指南地址", "来源网址"),
    "aliases": ("别名", "俗称"),
    # the materials sheet
    "materialName": ("材料名称", "申请材料名称"),
    "necessity": ("材料必要性", "必要性", "是否必要"),
    "originals": ("原件份数", "原件数量"),
    "copies": ("复印件份数", "复印件数量"),
    "materialForm": ("材料形式",),
    "materialSource": ("来源渠道", "材料来源"),
}
"""Field key → the headings that name it (the first is the national name)."""

NATIONAL = {key: names[0] for key, names in FIELDS.items()}
"""The heading `export --to xlsx` writes for each field."""

_NOISE = re.compile(r"[\s（）()【】\[\]*：:]|必填|选填")


def squeeze(heading: str) -> str:
    return _NOISE.sub("", heading)


_BY_NAME = {squeeze(n): key for key, names in FIELDS.items() for n in names}
KNOWN_HEADINGS = {n for names in FIELDS.values() for n in names}


def match(headings: list[str], mapping: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """heading → field key for the headings that are known or mapped, and the
    headings that are neither (reported, never dropped silently)."""
    found: dict[str, str] = {}
    unmapped: list[str] = []
    for h in headings:
        key = mapping.get(h) or _BY_NAME.get(squeeze(h))
        if key is not None and key not in found.values():
            found[h] = key
        else:
            unmapped.append(h)
    return found, unmapped


def load_mapping(path: Path) -> dict[str, str]:
    """A mapping file: `columns: {原表头: 字段}`; the field is a key of FIELDS or its
    national heading."""
    from ruamel.yaml import YAML

    from .reading import list_bytes

    data = YAML(typ="safe", pure=True).load(list_bytes(path).decode("utf-8")) or {}
    columns = data.get("columns", {}) if isinstance(data, dict) else {}
    out = {}
    for heading, target in columns.items():
        key = str(target) if str(target) in FIELDS else _BY_NAME.get(squeeze(str(target)))
        if key is None:
            raise ValueError(
                f"{path}: column {heading!r} maps to {target!r}, which is not a field; "
                f"fields are: {', '.join(FIELDS)} / 映射目标不是已知字段"
            )
        out[str(heading)] = key
    return out
