"""Lights and rates as JSON data, CSV and a plain-text table: the shapes the command
line, the HTTP API and the pages share. Nothing personal: case numbers, venues,
matters and days, never applicants."""

from __future__ import annotations

import csv
import io
from typing import Any

from .lights import ZH, Light
from .rates import Rates

RATE_COLUMNS = (
    ("received", "收件"),
    ("accepted", "受理"),
    ("completed", "办结"),
    ("completionRate", "办结率"),
    ("onTime", "按时办结"),
    ("onTimeRate", "按时办结率"),
    ("early", "提前办结"),
    ("speedUpPromised", "提速率（承诺）"),
    ("speedUpStatutory", "提速率（法定）"),
    ("averageWorkingDays", "平均办理工作日"),
    ("proxiedByVillage", "村站代办"),
    ("handledInVillage", "办事不出村"),
)


def light_json(lt: Light) -> dict[str, Any]:
    c = lt.case
    return {
        "caseNo": c.case_no,
        "kind": c.kind,
        "light": lt.light,
        "lightZh": ZH[lt.light],
        "state": c.state,
        "matter": c.matter,
        "venue": c.venue,
        "holder": c.holder,
        "inTransitTo": c.in_transit_to,
        "appliedOn": c.applied_on.isoformat(),
        "due": None if c.promised_due is None else c.promised_due.isoformat(),
        "measured": lt.measured,
        "limit": lt.limit,
        "used": lt.used,
        "left": lt.left,
        "percentUsed": lt.percent,
        "pausedBy": lt.paused_by,
        "why": lt.why_en,
        "whyZh": lt.why_zh,
    }


def lights_table(lights: list[Light]) -> str:
    lines = [f"{'light':8} {'case':22} {'holder':26} why"]
    for lt in lights:
        lines.append(f"{lt.light:8} {lt.case.case_no:22} {lt.case.holder:26} {lt.why_zh}")
    return "\n".join(lines) + "\n"


def counts(lights: list[Light]) -> dict[str, int]:
    out = dict.fromkeys(ZH, 0)
    for lt in lights:
        out[lt.light] += 1
    return out


def rates_json(r: Rates) -> dict[str, Any]:
    return {
        "county": r.county,
        "from": r.first.isoformat(),
        "to": r.last.isoformat(),
        "by": list(r.by),
        "rows": r.rows,
        "total": r.total,
    }


def rates_csv(r: Rates) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*r.by, *(key for key, _ in RATE_COLUMNS)])
    for row in [*r.rows, {**dict.fromkeys(r.by, "合计"), **r.total}]:
        writer.writerow([*(row[d] for d in r.by), *(_cell(row[k]) for k, _ in RATE_COLUMNS)])
    return out.getvalue()


def rates_table(r: Rates) -> str:
    head = [*r.by, *(zh for _, zh in RATE_COLUMNS)]
    body = [
        [*(str(row[d]) for d in r.by), *(_shown(k, row[k]) for k, _ in RATE_COLUMNS)]
        for row in [*r.rows, {**dict.fromkeys(r.by, "合计"), **r.total}]
    ]
    title = f"{r.county} {r.first} — {r.last}"
    return title + "\n" + "\n".join("\t".join(line) for line in [head, *body]) + "\n"


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _shown(key: str, value: Any) -> str:
    """Rates as percentages; an undefined rate (nothing to divide by) as —."""
    if value is None:
        return "—"
    if key.endswith("Rate") or key.startswith("speedUp"):
        return f"{100 * value:.1f}%"
    return str(value)


def summary_zh(r: Rates) -> str:
    """The sentence the halls' reports open with (共受理 … 件，办结 … 件，办结率 …)."""
    t = r.total
    return (
        f"{r.first} 至 {r.last}，共收件 {t['received']} 件，受理 {t['accepted']} 件，"
        f"办结 {t['completed']} 件，办结率 {_shown('completionRate', t['completionRate'])}，"
        f"按时办结率 {_shown('onTimeRate', t['onTimeRate'])}；村站代办 {t['proxiedByVillage']} 件，"
        f"办事不出村 {t['handledInVillage']} 件。"
    )


def counts_by_holder(lights: list[Light]) -> dict[str, dict[str, int]]:
    """Lights per venue holding the case, most red first."""
    out: dict[str, dict[str, int]] = {}
    for lt in lights:
        out.setdefault(lt.case.holder, dict.fromkeys(ZH, 0))[lt.light] += 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1]["red"], -kv[1]["yellow"], kv[0])))
