"""Words of the statistics in Chinese and English, in one place so that the table and
the chart always say the same thing."""

from __future__ import annotations

import unicodedata

TIER = {
    "zh": {
        "county-hall": "县行政审批服务中心",
        "branch-hall": "分厅",
        "town-center": "乡镇（街道）便民服务中心",
        "village-station": "村（社区）便民服务站",
        "service-point": "村民小组服务点",
    },
    "en": {
        "county-hall": "county hall",
        "branch-hall": "branch halls",
        "town-center": "town centers",
        "village-station": "village stations",
        "service-point": "group service points",
    },
}

WORDS = {
    "zh": {
        "title": "事项统计",
        "colon": "：",
        "revision_of": "（版本 {r}）",
        "revision": "版本",
        "total": "事项总数",
        "cancelled": "另有已取消事项 {n} 项，不计入统计",
        "tiers": "按办结层级（每项只计一次，计入办结该事项的最基层一级）",
        "sum": "合计",
        "venues": "按场所（办结 / 受理的事项数）",
        "departments": "按实施部门",
        "types": "按事项类型",
        "kinds": "按办件类型",
        "figures": "主要指标",
        "immediate": "即办件",
        "online": "可网上办理",
        "visits": "最多跑一次",
        "no_visit": "（其中零跑腿 {n} 项）",
        "compression": "承诺时限压缩",
        "compression_detail": (
            "较法定时限平均 {avg}（计入 {n} 项：两者单位相同且法定时限大于 0；未计入 {m} 项）"
        ),
        "villages": "不出村可办（第一步在本村办理，含代办）",
        "county": (
            "全县 {v} 个村平均 {avg} 项（最少 {least}，最多 {most}）；"
            "至少一个村可办 {anywhere} 项，每个村都可办 {everywhere} 项"
        ),
        "items": "{n} 项",
        "coverage": "（已知 {k} 项，未填 {u} 项）",
        "quarantined": "另有 {n} 项因错误被隔离，未计入：{items}",
        "unknown": "待补充",
        "none": "无",
        "chart": "事项统计图",
        "shares": "主要比例（%）",
        "h_tier": "层级",
        "h_venue": "场所",
        "h_department": "部门",
        "h_type": "事项类型",
        "h_kind": "办件类型",
        "h_figure": "指标",
        "h_village": "村（社区）",
        "h_matters": "事项数",
        "h_decides": "办结",
        "h_accepts": "受理",
        "h_share": "占比",
        "h_detail": "说明",
    },
    "en": {
        "title": "catalog statistics",
        "colon": ": ",
        "revision_of": " (revision {r})",
        "revision": "revision",
        "total": "matters",
        "cancelled": "{n} cancelled matter(s) not counted",
        "tiers": "by tier (each matter once, at the most local tier that decides it for someone)",
        "sum": "total",
        "venues": "by venue (matters decided / accepted)",
        "departments": "by department",
        "types": "by matter type",
        "kinds": "by handling kind",
        "figures": "headline figures",
        "immediate": "immediate (即办件)",
        "online": "online",
        "visits": "at most one visit",
        "no_visit": "({n} with no visit)",
        "compression": "limit compression",
        "compression_detail": (
            "{avg} on average, promised against statutory ({n} counted: same unit, "
            "statutory above 0; {m} not counted)"
        ),
        "villages": "without leaving the village (first step in the village, proxy included)",
        "county": (
            "{v} villages, {avg} on average (least {least}, most {most}); "
            "{anywhere} in at least one village, {everywhere} in every village"
        ),
        "items": "{n}",
        "coverage": "({k} known, {u} not filled in)",
        "quarantined": "{n} item(s) quarantined because of errors, not counted: {items}",
        "unknown": "not known yet",
        "none": "none",
        "chart": "catalog statistics",
        "shares": "headline shares (%)",
        "h_tier": "tier",
        "h_venue": "venue",
        "h_department": "department",
        "h_type": "matter type",
        "h_kind": "handling kind",
        "h_figure": "figure",
        "h_village": "village",
        "h_matters": "matters",
        "h_decides": "decided",
        "h_accepts": "accepted",
        "h_share": "share",
        "h_detail": "detail",
    },
}


def percent(share: float | None) -> str:
    return "-" if share is None else f"{share * 100:.1f}%"


def cut(share: float | None) -> str:
    """A reduction as administrators write it: 0.475 is "−47.5%" (with a minus sign)."""
    return "-" if share is None else f"−{share * 100:.1f}%"


def width(text: str) -> int:
    """Columns on a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(1, columns - width(text))
