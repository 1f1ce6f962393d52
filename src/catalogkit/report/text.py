"""The statistics as a table for a terminal (in Chinese or English) and as JSON.

The JSON is the stable form other programs read: `format` names its version, every
vocabulary is listed in full (zeros included) and every list has a fixed order, so
two runs on the same catalog give the same bytes.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from .labels import TIER, WORDS, cut, pad, percent, width
from .stats import FORMAT, Count, Share, Stats


def as_dict(stats: Stats) -> dict[str, Any]:
    return {"format": FORMAT, **dataclasses.asdict(stats)}


def as_json(stats: Stats) -> str:
    return json.dumps(as_dict(stats), ensure_ascii=False, indent=2) + "\n"


def as_table(stats: Stats, lang: str) -> str:
    w = WORDS[lang]
    revision = w["revision_of"].format(r=stats.revision)
    lines = [stats.catalog + w["colon"] + w["title"] + revision, ""]
    lines.append(f"{w['total']} {stats.total}")
    if stats.quarantined:
        lines.append(
            "  "
            + w["quarantined"].format(n=len(stats.quarantined), items="、".join(stats.quarantined))
        )
    if stats.cancelled:
        lines.append("  " + w["cancelled"].format(n=stats.cancelled))
    matters = [w["h_matters"]]
    tiers = [(TIER[lang][c.key], [str(c.matters)]) for c in stats.tiers]
    tiers.append((w["sum"], [str(stats.total)]))
    lines += _section(w["tiers"], tiers, (w["h_tier"], matters))
    venues = [(v.name, [str(v.decides), str(v.accepts)]) for v in stats.venues]
    lines += _section(w["venues"], venues, (w["h_venue"], [w["h_decides"], w["h_accepts"]]))
    lines += _section(w["departments"], _counts(stats.departments), (w["h_department"], matters))
    lines += _section(w["types"], _counts(stats.types), (w["h_type"], matters))
    kinds = _counts(stats.handling_kinds)
    if stats.unknown_handling_kind:
        kinds.append((w["unknown"], [str(stats.unknown_handling_kind)]))
    lines += _section(w["kinds"], kinds, (w["h_kind"], matters))
    figures = (w["h_figure"], [w["h_matters"], w["h_share"], w["h_detail"]])
    lines += _section(w["figures"], _figures(stats, lang), figures)
    lines += _villages(stats, lang)
    return "\n".join(lines) + "\n"


def _counts(counts: tuple[Count, ...]) -> list[tuple[str, list[str]]]:
    return [(c.name, [str(c.matters)]) for c in counts if c.matters]


def _figures(stats: Stats, lang: str) -> list[tuple[str, list[str]]]:
    w = WORDS[lang]

    def items(n: int) -> str:
        return w["items"].format(n=n)

    visits = stats.at_most_one_visit
    c = stats.compression

    def coverage(s: Share) -> list[str]:
        return [w["coverage"].format(k=f"{s.known:,}", u=f"{s.unknown:,}")] if s.unknown else []

    return [
        (
            w["immediate"],
            [
                items(stats.immediate.matters),
                percent(stats.immediate.share),
                *coverage(stats.immediate),
            ],
        ),
        (
            w["online"],
            [items(stats.online.matters), percent(stats.online.share), *coverage(stats.online)],
        ),
        (
            w["visits"],
            [
                items(visits.matters),
                percent(visits.share),
                w["no_visit"].format(n=stats.no_visit.matters),
                *coverage(visits),
            ],
        ),
        (
            w["compression"],
            [
                "",
                "",
                w["compression_detail"].format(avg=cut(c.average), n=c.counted, m=c.not_counted),
            ],
        ),
    ]


def _villages(stats: Stats, lang: str) -> list[str]:
    w = WORDS[lang]
    v = stats.villages
    rows = [(f"{r.town_name or ''} {r.name}".strip(), [str(r.matters)]) for r in v.per_village]
    lines = _section(w["villages"], rows, (w["h_village"], [w["h_matters"]]))
    if not v.per_village:
        return lines
    average = "-" if v.average is None else f"{v.average:.1f}"
    lines.append(
        "  "
        + w["county"].format(
            v=len(v.per_village),
            avg=average,
            least=v.least,
            most=v.most,
            anywhere=v.anywhere,
            everywhere=v.everywhere,
        )
    )
    return lines


Header = tuple[str, list[str]]


def _section(title: str, rows: list[tuple[str, list[str]]], header: Header) -> list[str]:
    """A heading, a line naming the columns, and rows: labels padded to one column
    (Chinese characters count double), numbers right-aligned under each other and
    under their column's name, free text left as it is."""
    lines = ["", title]
    if not rows:
        return [*lines, "  -"]
    label_width = max(width(label) for label, _ in [header, *rows]) + 2
    cells = max(len(values) for _, values in rows)
    numeric = [any(i < len(v) and _numeric(v[i]) for _, v in rows) for i in range(cells)]
    widths = [max(width(v[i]) for _, v in [header, *rows] if i < len(v)) for i in range(cells)]
    names = header[1][:cells]
    lines.append(_row(header[0], names, label_width, widths, numeric))
    for label, values in rows:
        lines.append(_row(label, values, label_width, widths, numeric))
    return lines


def _row(
    label: str, values: list[str], label_width: int, widths: list[int], right: list[bool]
) -> str:
    """Numbers right-aligned, text left-aligned, each in its column."""
    shown = [
        " " * (widths[i] - width(v)) + v
        if right[i]
        else pad(v, widths[i]).rstrip()
        if i == len(values) - 1
        else pad(v, widths[i])
        for i, v in enumerate(values)
    ]
    return ("  " + pad(label, label_width) + "  ".join(shown)).rstrip()


def _numeric(text: str) -> bool:
    return text.replace(".", "").replace("%", "").replace(" 项", "").isdigit()
