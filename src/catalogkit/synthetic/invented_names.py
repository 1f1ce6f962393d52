"""Invented people, places, roads and telephone numbers."""

from __future__ import annotations

import random
from collections.abc import Sequence

from .county_spec import AREA_CODE

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅兰玉春燕"
NAME_HEAD = "东西南北上下前后新老大小青白金石云山水河溪湖塘桥岭林竹松柏梅杏桃李"
NAME_TAIL = "山口坑田湾坪溪岙岭塘桥岗坞垟埠头圩庄墩洋浦港源坂岩潭渡沙"
ROADS = ("人民路", "中山路", "建设路", "解放路", "文化路", "新华路", "和平路", "府前街", "站前路")
ADMIN_SUFFIXES = (("镇", 70), ("乡", 20), ("街道", 10))


def weighted(rng: random.Random, table: Sequence[tuple[str, int]]) -> str:
    return rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]


def phone(rng: random.Random) -> str:
    return f"{AREA_CODE}-{rng.randint(8100000, 8899999)}"


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))


def place_name(rng: random.Random, taken: set[str]) -> str:
    for attempt in range(1000):
        size = 2 if attempt < 50 else 3
        name = rng.choice(NAME_HEAD) + "".join(rng.choices(NAME_TAIL, k=size - 1))
        if name not in taken:
            taken.add(name)
            return name
    raise RuntimeError("ran out of place names")  # pragma: no cover
