"""Opening hours of each tier of venue, and the county's locality document: its hall,
its branch hall and the windows of its departments."""

from __future__ import annotations

import random

from .county_spec import ONE_COUNTY, County, DeptSpec, Doc
from .invented_names import ROADS, phone
from .invented_words import BRANCH_DEPTS, BRANCH_TOPIC


def opening_hours(rng: random.Random, tier: str) -> list[Doc]:
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


def county_locality(
    rng: random.Random, depts: list[tuple[Doc, DeptSpec]], place: County = ONE_COUNTY
) -> Doc:
    hall_windows: list[Doc] = [
        {"id": "w-zonghe", "name": "综合受理窗口", "number": "01", "phone": phone(rng)},
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
                "phone": phone(rng),
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
                "hours": opening_hours(rng, "county-hall"),
                "phones": [
                    {"label": "咨询", "number": phone(rng)},
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
                "hours": opening_hours(rng, "branch-hall"),
                "phones": [{"label": "咨询", "number": phone(rng)}],
                "windows": branch_windows,
            },
        ],
        "departments": [dept for dept, _ in depts],
    }
