"""The order of a booklet's themes: the order of a resident's life, as the national
government service platform groups its services for individuals (生育 → 户籍 → 教育
→ 就业 → 婚姻 → 住房 → 医疗 → 社保 → 救助 → 养老 → 身后事), businesses and land
after them, 其他 last. A theme is placed by the first life event its name contains;
themes that name none keep the order they first appear in, after the known ones.
"""

from __future__ import annotations

from collections.abc import Iterable

LIFE_EVENTS: tuple[tuple[str, ...], ...] = (
    ("生育", "收养", "出生"),
    ("儿童", "未成年"),
    ("户籍", "户口", "身份证"),
    ("教育", "入学", "学籍"),
    ("出入境", "证件"),
    ("就业", "创业", "职业"),
    ("婚姻", "婚育"),
    ("住房", "房地产", "不动产", "租房"),
    ("交通", "出行"),
    ("医疗", "卫生", "健康"),
    ("社会保险", "社会保障", "社保"),
    ("社会救助", "救助", "残疾"),
    ("退役军人", "优待", "抚恤", "兵役"),
    ("法律", "司法", "公证", "调解"),
    ("养老", "退休", "老年"),
    ("殡葬", "死亡"),
    ("市场准入", "设立", "准营", "经营"),
    ("农业", "渔业", "林业", "畜牧"),
    ("乡村建设", "用地", "规划", "工程建设", "建设"),
)
OTHER = "其他"


def rank(theme: str) -> int | None:
    for i, words in enumerate(LIFE_EVENTS):
        if any(word in theme for word in words):
            return i
    return None


def ordered(themes: Iterable[str]) -> list[str]:
    """Themes in life-event order; unknown ones after, as first seen; 其他 last."""
    seen = list(dict.fromkeys(themes))
    known = sorted((t for t in seen if rank(t) is not None), key=lambda t: (rank(t), seen.index(t)))
    unknown = [t for t in seen if rank(t) is None and t != OTHER]
    return known + unknown + ([OTHER] if OTHER in seen else [])
