"""Residents' feedback per venue (venue_feedback.py) as JSON, CSV and a plain-text
table, and the month's table that sets it beside the rates: the shapes the monthly
report, its HTTP form and the pages share. Counts only, nothing personal."""

from __future__ import annotations

import csv
import io
from typing import Any

from .rates import Rates
from .shapes import RATE_COLUMNS, _cell, _shown
from .venue_feedback import Feedback

GRADES = ("非常满意", "满意", "基本满意", "不满意", "非常不满意")
FEEDBACK_COLUMNS = (
    ("rated", "评价"),
    *((f"grades.{g}", g) for g in GRADES),
    ("satisfaction", "满意率"),
    ("bad", "差评"),
    ("rectifications", "整改"),
    ("rectificationsAnswered", "整改已答复"),
    ("complaints", "投诉"),
    ("complaintsAnswered", "投诉已答复"),
    ("followUps", "回访"),
    ("followUpsDone", "回访完成"),
    ("followUpsUnreached", "未联系上"),
)


def value(row: dict[str, Any], key: str) -> Any:
    """A figure of a feedback row; `grades.满意` reaches into the counts per grade."""
    if key.startswith("grades."):
        return row["grades"][key[7:]]
    return row[key]


def shown(key: str, figure: Any) -> str:
    return _shown("satisfactionRate" if key == "satisfaction" else key, figure)


def feedback_json(f: Feedback) -> dict[str, Any]:
    return {"month": f.month, "rows": [{"venue": v, **r} for v, r in f.rows.items()],
            "total": f.total}  # fmt: skip


def feedback_table(f: Feedback) -> str:
    head = ["venue", *(zh for _, zh in FEEDBACK_COLUMNS)]
    body = [
        [venue, *(shown(k, value(row, k)) for k, _ in FEEDBACK_COLUMNS)]
        for venue, row in [*f.rows.items(), ("合计", f.total)]
    ]
    return "\n".join("\t".join(line) for line in [head, *body]) + "\n"


def summary_zh(f: Feedback) -> str:
    """The month's feedback in one sentence, as the halls' reports put it."""
    t = f.total
    return (
        f"收到评价 {t['rated']} 个，满意率 {shown('satisfaction', t['satisfaction'])}，"
        f"差评 {t['bad']} 个，整改 {t['rectifications']} 件（已答复 {t['rectificationsAnswered']} "
        f"件）；受理投诉 {t['complaints']} 件（已答复 {t['complaintsAnswered']} 件）；"
        f"回访 {t['followUps']} 件，完成 {t['followUpsDone']} 件，"
        f"未联系上 {t['followUpsUnreached']} 件。"
    )


def empty_row(f: Feedback) -> dict[str, Any]:
    """A venue's row when nothing was said of it in the month: zeros, no rate."""
    return {**{k: 0 for k in f.total if k != "grades"},
            "grades": dict.fromkeys(GRADES, 0), "satisfaction": None}  # fmt: skip


def _ratio(key: str) -> bool:
    return key.endswith("Rate") or key.startswith("speedUp") or key == "averageWorkingDays"


def monthly_csv(r: Rates, f: Feedback) -> str:
    """One row per venue (the rates' and the feedback's), rates then feedback, and 合计."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    keys = [k for k, _ in FEEDBACK_COLUMNS]
    writer.writerow(["venue", *(k for k, _ in RATE_COLUMNS), *keys])
    by_venue = {row["venue"]: row for row in r.rows}
    for venue in sorted(set(by_venue) | set(f.rows)):
        rates = by_venue.get(venue) or {k: None if _ratio(k) else 0 for k, _ in RATE_COLUMNS}
        said = f.rows.get(venue) or empty_row(f)
        writer.writerow([venue, *(_cell(rates.get(k)) for k, _ in RATE_COLUMNS),
                         *(_cell(value(said, k)) for k in keys)])  # fmt: skip
    writer.writerow(["合计", *(_cell(r.total[k]) for k, _ in RATE_COLUMNS),
                     *(_cell(value(f.total, k)) for k in keys)])  # fmt: skip
    return out.getvalue()
