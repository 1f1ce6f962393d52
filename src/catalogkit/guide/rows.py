"""The rows of a guide as text, made once from the guide's data, so that the Markdown,
the print HTML, the JSON and the residents' pages show the same words for each fact."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..model import FeeItem, Online

_TRAILING = "。；;，,.、 "

ONLINE_DEPTH = {
    "zh": {
        1: "网上查阅办事指南（一级）",
        2: "网上下载申请表格（二级）",
        3: "网上预审（三级）",
        4: "全程网办（四级）",
    },
    "en": {
        1: "guide online (level 1)",
        2: "forms to download (level 2)",
        3: "pre-review online (level 3)",
        4: "entirely online (level 4)",
    },
}


def sentence(text: str) -> str:
    """One clause as a sentence ending in a single 。, whatever it ended with."""
    return text.rstrip(_TRAILING) + "。"


def fee_line(name: str, standard: str) -> str:
    """「证书工本费：每本 10 元。」: a fee item as one sentence."""
    return sentence(f"{name}：{standard}")


def fee_text(items: Iterable[FeeItem]) -> str:
    """Every fee item of a matter as sentences, never 「…元。；…」."""
    return "".join(fee_line(i.name, i.standard) for i in items)


def online_text(online: Online, lang: str) -> str:
    """「可以网上办理：全程网办（四级）」, not 「是（4）」."""
    zh = lang == "zh"
    if not online.available:
        return "暂不能网上办理" if zh else "not online"
    depth = ONLINE_DEPTH[lang].get(online.depth or 0)
    head = "可以网上办理" if zh else "online"
    return f"{head}：{depth}" if depth and zh else f"{head}: {depth}" if depth else head


def fact_rows(g: Mapping[str, Any], labels: Mapping[str, str], lang: str) -> list[dict[str, str]]:
    """The table of basic facts every rendering shows, in order: label and value. A
    field a draft does not give yet shows the guide's unknown text, never a guess."""
    m = g["matter"]
    limits = g["limits"]
    unknown = m.get("unknown") or ()
    u = m.get("unknown_text") or "—"
    visits = (
        u
        if m["visits"] is None
        else f"{m['visits']} 次"
        if lang == "zh"
        else str(m["visits"])
    )
    body = f" · {m['body']}" if m.get("body") else ""
    code = f"（{m['credit_code']}）" if m.get("credit_code") else ""
    objects = m["service_objects"]
    rows = [
        ("code", m["code"]),
        ("implementation_code", m["implementation_code"]),
        ("type", m["type"]),
        ("department", f"{m['department']}{body}{code}"),
        ("service_objects", u if objects is None else "、".join(objects)),
        ("handling_kind", m["handling_kind"] or u),
        ("statutory", limits["statutory"] or (u if "statutoryLimit" in unknown else "—")),
        ("promised", limits["promised"] or (u if "promisedLimit" in unknown else "—")),
        ("counting", limits["counting"]),
        ("provisional", limits["provisional"]),
        ("visits", visits),
        ("across_area", m["across_area"]),
        ("online", u if m["online"] is None else m["online_text"]),
    ]
    return [{"key": k, "label": labels[k], "value": v} for k, v in rows if v]
