"""The QA report's charts: horizontal bars as inline SVG, their labels whole.

A label is right-aligned before its bar, so the room before the bars must be
as wide as the longest label is drawn; counting characters at an average width
cut off labels of wide capitals ("KOMMUNEN SOM ARBETSGIVARE"). The labels are
measured with the advance widths of the charts' font instead, and the chart
scales down as a whole (qa_html's style) where the page is narrower than it.
"""
from __future__ import annotations

from collections import Counter
from html import escape

from domain.catalog import AREA_MAX_SCORE, TOTAL_MAX_SCORE
from domain.problems import ERROR, INFO, SEVERITIES, WARNING
from domain.records import Row

SEVERITY_COLOURS = {ERROR: "#c62828", WARNING: "#ef8f00", INFO: "#1e88e5"}
FONT = "DejaVu Sans,Verdana,sans-serif"  # named, so that the widths below hold where it is installed
# advance widths of DejaVu Sans in em, rounded up (Verdana's are alike; other sans fonts are narrower)
_WIDTHS = {**dict.fromkeys("ijlIJ", 0.3), **dict.fromkeys(" .,:;/'|!", 0.34), **dict.fromkeys("frt-()[]", 0.42),
           **dict.fromkeys("csz", 0.56), **dict.fromkeys("kLF", 0.58), **dict.fromkeys("EPSTY", 0.64),
           **dict.fromkeys("ABCKRVXZÅÄ", 0.7), "w": 0.82, "M": 0.87, **dict.fromkeys("mW%—", 1.0)}
_LOWER, _UPPER = 0.64, 0.79  # other letters (DHNOU...) and digits


def text_width(text: str, font_size: float) -> float:
    """How wide a text is drawn in the charts' font, at most."""
    return font_size * sum(_WIDTHS.get(c, _UPPER if c.isupper() else _LOWER) for c in text)


def bar_chart(rows: list[tuple[str, list[tuple[float, str, str]]]], scale_max: float, label: str,
              plot_width: int = 300) -> str:
    """An SVG of one bar per row; a row is (label, [(value, colour, tooltip), ...]) with stacked segments.

    The labels are shown whole: the chart is as wide as its longest label needs.
    A row without segments gets no bar and "n/a" for its value.
    """
    label_width = round(max((text_width(row_label, 11) for row_label, _ in rows), default=0)) + 12
    row_height, value_width = 22, 50
    width = label_width + plot_width + value_width
    height = row_height * len(rows) + 24
    scale_max = scale_max or 1
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
              f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}" font-family="{FONT}">')]
    for tick in (0, 0.25, 0.5, 0.75, 1):
        x = label_width + tick * plot_width
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 18}" stroke="#ddd"/>'
                     f'<text x="{x:.1f}" y="{height - 4}" font-size="10" text-anchor="middle" fill="#666">'
                     f'{tick * scale_max:g}</text>')
    for index, (row_label, segments) in enumerate(rows):
        y = index * row_height
        parts.append(f'<text x="{label_width - 6}" y="{y + 15}" font-size="11" text-anchor="end">'
                     f'{escape(row_label)}<title>{escape(row_label)}</title></text>')
        x = float(label_width)
        for value, colour, tooltip in segments:
            bar = max(value, 0) / scale_max * plot_width
            parts.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{bar:.1f}" height="{row_height - 6}" '
                         f'fill="{colour}"><title>{escape(tooltip)}</title></rect>')
            x += bar
        total = f"{sum(value for value, _, _ in segments):g}" if segments else "n/a"
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 15}" font-size="12">{total}</text>')
    parts.append("</svg>")
    return "".join(parts)


def total_scores_chart(totals: list[tuple[str, int | None]]) -> str:
    """A bar per report (report_id, total score or None)."""
    rows = [(report_id, [(float(total), "#3f6fb5", f"{report_id}: {total}")] if total is not None else [])
            for report_id, total in totals]
    return bar_chart(rows, TOTAL_MAX_SCORE, "Total score per report") if rows else "<p>No reports.</p>"


def problems_chart(problems: list[Row]) -> str:
    by_code: dict[str, Counter[str]] = {}
    for problem in problems:
        by_code.setdefault(str(problem["code"]), Counter())[str(problem["severity"])] += 1
    if not by_code:
        return "<p>No problems.</p>"
    rows = [(code, [(float(counts[s]), SEVERITY_COLOURS.get(s, "#888"), f"{code}: {counts[s]} {s}")
                    for s in SEVERITIES if counts[s]])
            for code, counts in sorted(by_code.items(), key=lambda item: (-sum(item[1].values()), item[0]))]
    most = max(sum(counts.values()) for counts in by_code.values())
    # a multiple of 4, so the ticks are whole numbers
    return bar_chart(rows, -(-most // 4) * 4, "Problems by code")


def area_scores_chart(report_id: str, areas: list[Row]) -> str:
    rows = [(f"{a['area_no']} {a['title']}", [(float(a["score"]), "#2e7d5b", f"Område {a['area_no']}: {a['score']}")])
            for a in areas]
    return bar_chart(rows, AREA_MAX_SCORE, f"Area scores of {report_id}", 400) if rows else ""
