"""The statistics as one self-contained SVG bar chart, for slides and reports.

Self-contained means no external fonts, stylesheets or images: the file renders the
same offline, in a browser or pasted into an office document. Every piece of catalog
text is XML-escaped (names are written by administrators and may hold `<` or `&`).
Chinese needs a CJK font, so a fixed list of common ones is named, ending in the
generic `sans-serif`; label widths are estimated (a Chinese character is one em)
because an SVG file cannot measure text.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from .labels import TIER, WORDS, cut, percent
from .stats import Stats

FONTS = (
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', "
    "'WenQuanYi Micro Hei', 'SimHei', sans-serif"
)
WIDTH = 760
MARGIN = 24
ROW = 24
BAR = 16
FONT = 13
MAX_LABEL = 18  # characters; longer labels are cut with "…"
COLORS = ("#2f6fb0", "#3f9f6f", "#c07a2c", "#7a5bb0", "#b04a4a")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str


def as_svg(stats: Stats, lang: str) -> str:
    w = WORDS[lang]
    sections = _sections(stats, lang)
    labels = [_short(bar.label) for _, bars in sections for bar in bars]
    label_width = min(max((_text_width(t) for t in labels), default=60), 280) + 12
    height = 84 + sum(ROW + 8 + len(bars) * ROW for _, bars in sections) + MARGIN
    title = stats.catalog + w["colon"] + w["chart"]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<g font-family={quoteattr(FONTS)} font-size="{FONT}" fill="#222222">',
        f'<text x="{MARGIN}" y="36" font-size="20" font-weight="bold">{escape(title)}</text>',
        f'<text x="{MARGIN}" y="60" fill="#555555">'
        f"{escape(w['total'])} {stats.total} · {escape(w['revision'])} {escape(stats.revision)}"
        "</text>",
    ]
    y = 84
    for i, (heading, bars) in enumerate(sections):
        out.append(
            f'<text x="{MARGIN}" y="{y + 16}" font-size="15" font-weight="bold">'
            f"{escape(heading)}</text>"
        )
        y += ROW + 8
        most = 100.0 if i == len(sections) - 1 else max((b.value for b in bars), default=0)
        out += _bars(bars, y, label_width, COLORS[i % len(COLORS)], most or 1)
        y += len(bars) * ROW
    out += ["</g>", "</svg>"]
    return "\n".join(out) + "\n"


def _sections(stats: Stats, lang: str) -> list[tuple[str, list[Bar]]]:
    w = WORDS[lang]

    def counts(rows: list[tuple[str, int]]) -> list[Bar]:
        return [Bar(label, n, str(n)) for label, n in rows]

    c, v = stats.compression, stats.at_most_one_visit
    shares = [
        (w["immediate"], stats.immediate.share, percent(stats.immediate.share)),
        (w["online"], stats.online.share, percent(stats.online.share)),
        (w["visits"], v.share, percent(v.share)),
        (w["compression"], c.average, cut(c.average)),
    ]
    return [
        (w["tiers"], counts([(TIER[lang][t.key], t.matters) for t in stats.tiers])),
        (w["departments"], counts([(d.name, d.matters) for d in stats.departments])),
        (w["types"], counts([(t.name, t.matters) for t in stats.types if t.matters])),
        (
            w["shares"],
            [Bar(label, (share or 0) * 100, shown) for label, share, shown in shares],
        ),
    ]


def _bars(bars: list[Bar], top: int, label_width: int, color: str, most: float) -> list[str]:
    """One row per bar; lengths relative to `most` (the largest count, or 100 for
    shares, so that a share's bar is its part of the whole width)."""
    x0 = MARGIN + label_width
    room = WIDTH - MARGIN - 64 - x0
    out = []
    for n, bar in enumerate(bars):
        y = top + n * ROW
        length = round(room * bar.value / most, 1)
        label = _short(bar.label)
        out += [
            f'<text x="{x0 - 8}" y="{y + 12}" text-anchor="end">{escape(label)}</text>',
            f'<rect x="{x0}" y="{y}" width="{length}" height="{BAR}" fill="{color}">'
            f"<title>{escape(bar.label)}: {escape(bar.shown)}</title></rect>",
            f'<text x="{x0 + length + 6}" y="{y + 12}">{escape(bar.shown)}</text>',
        ]
    return out


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def _text_width(text: str) -> int:
    """Estimated pixels: a CJK character is one em, anything else about 0.6 em."""
    return round(sum(FONT if ord(c) > 0x2E7F else FONT * 0.6 for c in text))
