"""A matter's time limits (promised at most the statutory limit, in the same unit) and
its process steps."""

from __future__ import annotations

import random

from .county_spec import DeptSpec, Doc
from .invented_words import SPECIAL
from .matter_plan import time_limit


def add_time_limits(
    rng: random.Random, m: Doc, mtype: str, kind: str, public: bool
) -> tuple[str, int]:
    """Set the limits; the unit and the promised number of days, which the process uses."""
    unit = "工作日" if rng.random() < 0.9 else "自然日"
    if mtype == "行政许可":
        statutory = rng.choice((20, 20, 15, 30, 60))
    else:
        statutory = rng.choice((10, 15, 20, 30))
    if kind == "联办件":
        statutory = 45 if mtype == "行政许可" else max(statutory, 30)
    if not public or rng.random() < 0.5:
        m["statutoryLimit"] = time_limit(statutory, unit)
    if kind == "即办件":
        promised_value = 0
        m["promisedLimit"] = time_limit(0, "即时", "材料齐全的当场办结")
    else:
        choices = [v for v in (1, 2, 3, 5, 7, 10, 12, 15, 20) if v <= max(1, statutory // 2)]
        promised_value = rng.choice(choices)
        m["promisedLimit"] = time_limit(promised_value, unit)
        if rng.random() < 0.25:
            sp = rng.choice(SPECIAL)
            m["specialProcedures"] = [
                {
                    "name": sp,
                    "limit": time_limit(rng.choice((5, 10, 15, 20, 30)), "工作日"),
                    "basis": [{"title": "《中华人民共和国行政许可法》", "article": "第四十五条"}],
                    "counted": False,
                }
            ]
    return unit, promised_value


def add_process(m: Doc, spec: DeptSpec, kind: str, promised_value: int, unit: str) -> None:
    clerk = f"{spec[1].removesuffix('局')}窗口工作人员"
    if kind == "即办件":
        m["process"] = [
            {
                "name": "受理",
                "actor": clerk,
                "limit": time_limit(0, "即时"),
                "standard": "材料齐全、符合法定形式",
            },
            {"name": "办结", "actor": clerk, "result": "当场出具办理结果"},
        ]
    else:
        steps: list[Doc] = [
            {
                "name": "受理",
                "actor": clerk,
                "limit": time_limit(0, "即时"),
                "standard": "材料不齐全的一次性告知",
            }
        ]
        review: Doc = {"name": "审查", "actor": "业务科室经办人"}
        if promised_value >= 3:
            review["limit"] = time_limit(promised_value - 1, unit)
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
            decide["limit"] = time_limit(1, unit)
        steps.append(decide)
        steps.append({"name": "送达", "actor": clerk, "result": "窗口领取或邮寄送达"})
        m["process"] = steps
