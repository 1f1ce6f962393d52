"""One rate per row as a self-contained SVG bar chart (the style and fonts of
`catalogkit stats --format svg`); every label XML-escaped."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..report.svg import FONTS
from .rates import Rates

WIDTH, ROW, LABEL = 760, 24, 220


def rate_chart(r: Rates, key: str = "completionRate", title: str = "办结率") -> str:
    rows = [(" · ".join(str(row[d]) for d in r.by), row[key]) for row in r.rows]
    height = 70 + ROW * len(rows) + 20
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<g font-family={quoteattr(FONTS)} font-size="13" fill="#222222">',
        f'<text x="24" y="32" font-size="18" font-weight="bold">{escape(title)}</text>',
        f'<text x="24" y="52" fill="#555555">{escape(f"{r.county} {r.first} — {r.last}")}</text>',
    ]
    span = WIDTH - LABEL - 90
    for i, (label, value) in enumerate(rows):
        y = 70 + i * ROW
        out.append(f'<text x="24" y="{y + 13}">{escape(label[:28])}</text>')
        if value is None:
            out.append(f'<text x="{LABEL}" y="{y + 13}" fill="#777777">—</text>')
            continue
        width = max(1, round(span * min(float(value), 1.0)))
        out.append(f'<rect x="{LABEL}" y="{y}" width="{width}" height="16" fill="#2f6fb0"/>')
        out.append(f'<text x="{LABEL + width + 6}" y="{y + 13}">{100 * value:.1f}%</text>')
    out.append("</g></svg>")
    return "\n".join(out) + "\n"
