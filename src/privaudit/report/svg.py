"""Small inline-SVG charts for the HTML report: bars, columns and a local position plot.

Every function returns one ``<svg>`` element as text: no scripts, no external references,
colours by CSS class (the report's stylesheet owns the palette, also for print). Each chart
carries ``role="img"`` with a ``<title>`` and a ``<desc>`` that states its data in words, so
a screen reader (or a text-only print) gets the numbers too. Callers pass plain strings;
everything is escaped here.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""Control characters, lone surrogates and the bidirectional overrides and isolates (which
can make a file name display in an order other than the one it has) become U+FFFD."""


def esc(text: object) -> str:
    """Text made safe for HTML/SVG content and attributes (controls and lone surrogates → �)."""
    return html.escape(_CONTROL.sub("\ufffd", str(text)), quote=True)


def _num(value: float) -> str:
    """A coordinate for SVG: short, never exponent notation."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _open(
    ident: str, width: float, height: float, title: str, desc: str, css: str
) -> tuple[str, str]:
    ident = esc(ident)
    head = (
        f'<svg class="chart {esc(css)}" '
        f'viewBox="0 0 {_num(width)} {_num(height)}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" preserveAspectRatio="xMidYMin meet">'
        f'<title id="{ident}-title">{esc(title)}</title>'
        f'<desc id="{ident}-desc">{esc(desc)}</desc>'
    )
    return head, "</svg>"


@dataclass(frozen=True, slots=True)
class Segment:
    """One coloured part of a bar."""

    value: int
    css: str
    """CSS class that sets the fill (``sev-high``)."""
    label: str
    """What the part counts, for the tooltip ("high")."""


@dataclass(frozen=True, slots=True)
class Bar:
    """One labelled row of a horizontal bar chart."""

    label: str
    segments: tuple[Segment, ...]

    @property
    def total(self) -> int:
        return sum(s.value for s in self.segments)


def hbars(
    bars: Sequence[Bar],
    *,
    ident: str,
    title: str,
    desc: str,
    width: int = 480,
    label_width: int = 150,
    row: int = 28,
) -> str:
    """Horizontal (optionally stacked) bars, one row per label, the total at the bar's end."""
    height = row * max(len(bars), 1) + 8
    head, tail = _open(ident, width, height, title, desc, "hbars")
    parts = [head]
    peak = max((b.total for b in bars), default=0) or 1
    track = width - label_width - 44
    for index, bar in enumerate(bars):
        top = 4 + index * row
        mid = top + row / 2
        parts.append(
            f'<text class="axis-label" x="{label_width - 8}" y="{_num(mid)}" '
            f'text-anchor="end" dominant-baseline="central">{esc(bar.label)}</text>'
        )
        parts.append(
            f'<rect class="track" x="{label_width}" y="{_num(top + 5)}" '
            f'width="{track}" height="{row - 10}" rx="3"/>'
        )
        x = float(label_width)
        for segment in bar.segments:
            if segment.value <= 0:
                continue
            w = max(track * segment.value / peak, 2.0)
            parts.append(
                f'<rect class="{esc(segment.css)}" x="{_num(x)}" y="{_num(top + 5)}" '
                f'width="{_num(w)}" height="{row - 10}">'
                f"<title>{esc(bar.label)}: {segment.value} {esc(segment.label)}</title></rect>"
            )
            x += w
        parts.append(
            f'<text class="value-label" x="{_num(x + 6)}" y="{_num(mid)}" '
            f'dominant-baseline="central">{bar.total}</text>'
        )
    parts.append(tail)
    return "".join(parts)


def columns(
    values: Sequence[int],
    labels: Sequence[str],
    *,
    ident: str,
    title: str,
    desc: str,
    css: str,
    highlight: frozenset[int] = frozenset(),
    width: int = 480,
    height: int = 170,
    label_every: int = 1,
    unit: str = "items",
) -> str:
    """Vertical columns (an hour-of-day or weekday histogram); ``highlight`` marks indexes."""
    left, bottom, top_pad = 34, 24, 12
    plot_h = height - bottom - top_pad
    head, tail = _open(ident, width, height, title, desc, "columns")
    parts = [head]
    peak = max(values, default=0) or 1
    slot = (width - left - 4) / max(len(values), 1)
    base = height - bottom
    for tick in sorted({peak, peak // 2} - {0}):
        y = base - plot_h * tick / peak
        parts.append(
            f'<line class="grid" x1="{left}" x2="{width - 4}" y1="{_num(y)}" y2="{_num(y)}"/>'
            f'<text class="tick" x="{left - 6}" y="{_num(y)}" text-anchor="end" '
            f'dominant-baseline="central">{tick}</text>'
        )
    parts.append(
        f'<line class="baseline" x1="{left}" x2="{width - 4}" y1="{base}" y2="{base}"/>'
        f'<text class="tick" x="{left - 6}" y="{base}" text-anchor="end" '
        f'dominant-baseline="central">0</text>'
    )
    for index, (value, label) in enumerate(zip(values, labels, strict=True)):
        x = left + index * slot
        h = plot_h * value / peak
        klass = f"{css} peak" if index in highlight else css
        if value > 0:
            parts.append(
                f'<rect class="{esc(klass)}" x="{_num(x + slot * 0.14)}" y="{_num(base - h)}" '
                f'width="{_num(slot * 0.72)}" height="{_num(max(h, 1.5))}" rx="1.5">'
                f"<title>{esc(label)}: {value} {esc(unit)}</title></rect>"
            )
        if index % label_every == 0:
            parts.append(
                f'<text class="tick" x="{_num(x + slot / 2)}" y="{height - 8}" '
                f'text-anchor="middle">{esc(label)}</text>'
            )
    parts.append(tail)
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Dot:
    """Positions at one spot of the plot, in metres east/north of the centre."""

    east_m: float
    north_m: float
    count: int
    css: str
    """CSS class for the fill (the most exposed audience of these positions)."""
    title: str
    """Tooltip text (no coordinates unless the report reveals them)."""


@dataclass(frozen=True, slots=True)
class Marker:
    """A named place on the plot (probable home at the centre, probable workplace)."""

    east_m: float
    north_m: float
    label: str
    kind: str
    """``home`` (a ring) or ``work`` (a square)."""


def dot_radius(n: int) -> float:
    """Pixel radius of a dot of ``n`` positions: the area grows with the count, capped."""
    return min(6.0 + 2.6 * math.sqrt(max(n, 1) - 1), 22.0)


def _short_count(n: int) -> str:
    return str(n) if n < 1000 else f"{n / 1000:.0f}k" if n < 100_000 else "99k+"


def nice_step(span_m: float) -> float:
    """The 1-2-5 step (metres) that divides ``span_m`` into about three rings."""
    target = max(span_m / 3.0, 10.0)
    power = 10.0 ** math.floor(math.log10(target))
    for factor in (1.0, 2.0, 5.0, 10.0):
        if factor * power >= target:
            return factor * power
    return 10.0 * power


def distance_label(metres: float) -> str:
    """ "200 m", "1 km", "2.5 km", "20 km"."""
    if metres < 1000:
        return f"{round(metres)} m"
    km = metres / 1000
    return f"{km:g} km"


def position_plot(
    dots: Sequence[Dot],
    markers: Sequence[Marker],
    *,
    reach_m: float,
    ident: str,
    title: str,
    desc: str,
    size: int = 440,
) -> str:
    """Positions around a centre in a local flat projection: rings, north arrow, scale bar.

    No map tiles and no coordinates: only distances and directions from the centre.
    """
    step = nice_step(reach_m)
    rings = max(1, math.ceil(reach_m / step - 1e-9))
    outer_m = rings * step
    centre = size / 2
    radius = size / 2 - 34
    scale = radius / outer_m
    head, tail = _open(ident, size, size, title, desc, "positions")
    parts = [head, f'<rect class="plot-bg" x="0" y="0" width="{size}" height="{size}" rx="8"/>']
    parts.append(
        f'<line class="axis" x1="{_num(centre - radius)}" x2="{_num(centre + radius)}" '
        f'y1="{_num(centre)}" y2="{_num(centre)}"/>'
        f'<line class="axis" y1="{_num(centre - radius)}" y2="{_num(centre + radius)}" '
        f'x1="{_num(centre)}" x2="{_num(centre)}"/>'
    )
    for ring in range(1, rings + 1):
        r = ring * step * scale
        parts.append(
            f'<circle class="ring" cx="{_num(centre)}" cy="{_num(centre)}" r="{_num(r)}"/>'
            f'<text class="ring-label" x="{_num(centre + r * 0.7071 + 3)}" '
            f'y="{_num(centre - r * 0.7071 - 3)}">{esc(distance_label(ring * step))}</text>'
        )
    # North arrow (top right) and scale bar (bottom left).
    nx, ny = size - 26, 30
    parts.append(
        f'<path class="north" d="M{nx} {ny - 16} L{nx + 7} {ny + 4} L{nx} {ny} '
        f'L{nx - 7} {ny + 4} Z"/>'
        f'<text class="north-label" x="{nx}" y="{ny + 18}" text-anchor="middle">N</text>'
    )
    bar_px = step * scale
    sy = size - 16
    parts.append(
        f'<path class="scalebar" d="M16 {sy - 5} V{sy} H{_num(16 + bar_px)} V{sy - 5}"/>'
        f'<text class="tick" x="{_num(16 + bar_px / 2)}" y="{sy - 8}" '
        f'text-anchor="middle">{esc(distance_label(step))}</text>'
    )

    def at(east: float, north: float) -> tuple[float, float]:
        return centre + east * scale, centre - north * scale

    drawn: list[tuple[float, float, float]] = []
    for dot in sorted(dots, key=lambda d: -d.count):
        x, y = at(dot.east_m, dot.north_m)
        r = dot_radius(dot.count)
        drawn.append((x, y, r))
        parts.append(
            f'<circle class="dot {esc(dot.css)}" cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}">'
            f"<title>{esc(dot.title)}</title></circle>"
        )
        if dot.count > 1:
            parts.append(
                f'<text class="dot-count" x="{_num(x)}" y="{_num(y)}" text-anchor="middle" '
                f'dominant-baseline="central" aria-hidden="true">{_short_count(dot.count)}</text>'
            )
    for marker in markers:
        x, y = at(marker.east_m, marker.north_m)
        # The marker rings whatever dot sits on the place, so the dot's count stays readable.
        under = max((r for dx, dy, r in drawn if math.hypot(dx - x, dy - y) < r), default=0.0)
        r = max(under + 5.0, 12.0)
        if marker.kind == "home":
            shape = f'<circle class="marker" cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}"/>'
        else:
            shape = (
                f'<rect class="marker" x="{_num(x - r)}" y="{_num(y - r)}" width="{_num(2 * r)}" '
                f'height="{_num(2 * r)}" rx="4"/>'
            )
        label = marker.label if len(marker.label) <= 44 else marker.label[:43] + "…"
        half = len(label) * 4.6  # about half the label's width in bold 15 px text
        lx = min(max(x, half + 6), size - half - 6)
        ly = y + r + 16 if y + r + 22 < size else y - r - 8
        parts.append(
            f'{shape}<text class="marker-label" x="{_num(lx)}" y="{_num(ly)}" '
            f'text-anchor="middle">{esc(label)}</text>'
        )
    parts.append(tail)
    return "".join(parts)
