"""Indicators over time as PNG bytes (the *Relazione di monitoraggio*): small multiples, a
panel per indicator with its values by month, the straight line from baseline to target
and the target itself, several panels to a figure.

Same conventions as the other figures (DejaVu Sans from the package, no clock, a natural
width of 16 cm), except that the panels are drawn at their final size in web-safe colours
and written with the fixed web palette: the charts are many (one panel per indicator), and
supersampling them and computing their palettes cost more than the rest of the report
(FreeType antialiases the text anyway).
Values are never told apart by colour alone: observed values are dots joined by a solid
line and labelled with their number; the expected line is dashed; the target a dotted rule
with its label. One legend under the panels says so.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from incas_cli import formats as fmt
from incas_cli.document.figures.canvas import check_width, encode_web_png, new_canvas
from incas_cli.document.figures.text import _clean, _font, _length, _wrap
from incas_cli.messages import figures as msg

if TYPE_CHECKING:
    from PIL import Image, ImageDraw, ImageFont

    from incas_cli.models.month import YearMonth

__all__ = [
    "PANELS_PER_FIGURE",
    "SeriesPanel",
    "SeriesPoint",
    "series_alt_text",
    "series_png",
    "series_titles",
]

PANELS_PER_FIGURE = 8
"""At most this many panels (two columns) in one figure."""

_COLUMNS = 2

# Web-safe colours, so that the fixed web palette keeps them exact (see canvas.encode_web_png);
# text and lines keep at least 4.5:1 (3:1 for the grid) against white.
INK = "#000000"
MUTED = "#666666"
FRAME = "#333333"
GRID_LINE = "#CCCCCC"
_VALUES = "#336699"
_TARGET = "#993300"
_PANEL_H = 380  # design pixels (1600 wide)
_LEGEND_H = 90
_TITLE_LINES = 2
_TITLE_LINE_H = 36  # design pixels: a second line of a panel's title


@dataclass(frozen=True)
class SeriesPoint:
    month: YearMonth
    value: Decimal


@dataclass(frozen=True)
class SeriesPanel:
    """One indicator: its title, values, baseline and target over ``start``-``end``."""

    title: str
    points: tuple[SeriesPoint, ...]
    baseline: Decimal | None
    target: Decimal | None
    start: YearMonth
    end: YearMonth


@functools.lru_cache(maxsize=4096)
def _stamp(text: str, size: int, bold: bool, anchor: str) -> tuple[Image.Image, int, int]:
    """``text`` as a mask and its offset from the anchor point: the same labels (ticks,
    years, values) recur in every panel, and FreeType renders each of them once."""
    from PIL import Image, ImageDraw

    font = _font(size, bold)
    left, top, right, bottom = (int(v) for v in font.getbbox(text, anchor=anchor))
    mask = Image.new("L", (max(1, right - left), max(1, bottom - top)), 0)
    ImageDraw.Draw(mask).text((-left, -top), text, font=font, fill=255, anchor=anchor)
    return mask, left, top


def _label(
    image: Image.Image,
    at: tuple[float, float],
    text: str,
    *,
    size: int,
    fill: str,
    anchor: str,
    bold: bool = False,
) -> None:
    mask, left, top = _stamp(text, size, bold, anchor)
    image.paste(fill, (round(at[0]) + left, round(at[1]) + top), mask)


def _number(value: Decimal) -> str:
    """As :func:`incas_cli.formats.number`, whole numbers without Babel (most labels)."""
    if value == value.to_integral_value():
        return fmt.integer(int(value))
    return fmt.number(value)


def _ticks(lo: Decimal, hi: Decimal) -> list[Decimal]:
    """About four round values covering ``lo``-``hi``."""
    span = hi - lo if hi > lo else Decimal(1)
    raw = span / 3
    magnitude = Decimal(10) ** (raw.adjusted())
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    first = (lo / step).to_integral_value(rounding="ROUND_FLOOR") * step
    ticks = [first]
    while ticks[-1] < hi:
        ticks.append(ticks[-1] + step)
    return ticks


def _dashed(
    draw: ImageDraw.ImageDraw,
    a: tuple[float, float],
    b: tuple[float, float],
    colour: str,
    width: int,
    dash: float,
) -> None:
    length = ((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5
    steps = max(1, int(length / dash))
    for k in range(0, steps, 2):
        t0, t1 = k / steps, min(1.0, (k + 1) / steps)
        draw.line(
            (
                a[0] + (b[0] - a[0]) * t0,
                a[1] + (b[1] - a[1]) * t0,
                a[0] + (b[0] - a[0]) * t1,
                a[1] + (b[1] - a[1]) * t1,
            ),
            fill=colour,
            width=width,
        )


def series_titles(panels: Sequence[SeriesPanel], *, width_px: int = 1000) -> list[list[str]]:
    """Each panel's title as :func:`series_png` draws it: on one line, or on two when it is
    longer than its panel is wide (then every panel of the figure leaves room for two);
    cut with "…" only beyond two lines."""
    width_px = check_width(width_px, 500)
    u = width_px / 1600
    font = _title_font(u)
    max_w = width_px / _COLUMNS - 40 * u
    return [_wrap(_clean(p.title), font, max_w, _TITLE_LINES)[0] for p in panels]


def _title_font(u: float) -> ImageFont.FreeTypeFont:
    return _font(round(30 * u), bold=True)


def series_png(panels: Sequence[SeriesPanel], *, width_px: int = 1000) -> bytes:
    """Up to :data:`PANELS_PER_FIGURE` indicators in one figure, two to a row."""
    if not panels or len(panels) > PANELS_PER_FIGURE:
        raise ValueError(f"1 to {PANELS_PER_FIGURE} panels, got {len(panels)}")
    width_px = check_width(width_px, 500)
    u = width_px / 1600
    titles = series_titles(panels, width_px=width_px)
    extra = (max(len(t) for t in titles) - 1) * _TITLE_LINE_H * u
    panel_h = _PANEL_H * u + extra
    rows = (len(panels) + _COLUMNS - 1) // _COLUMNS
    width = width_px
    image, draw = new_canvas(width, rows * panel_h + _LEGEND_H * u)
    panel_w = width / _COLUMNS
    for index, (panel, title) in enumerate(zip(panels, titles, strict=True)):
        row, column = divmod(index, _COLUMNS)
        frame = (column * panel_w, row * panel_h, panel_w, panel_h)
        _panel(image, draw, panel, title, frame, u, extra)
    _legend(draw, u, rows * panel_h + 20 * u)
    return encode_web_png(image, width_px)


def _panel(
    image: Image.Image,
    draw: ImageDraw.ImageDraw,
    panel: SeriesPanel,
    title: Sequence[str],
    frame: tuple[float, float, float, float],
    u: float,
    extra: float,
) -> None:
    """One panel in ``frame`` (x, y, width, height), its plot ``extra`` lower than a
    one-line title leaves it, when a title of the figure takes two lines."""
    x0, y0, w, h = frame
    title_font = _title_font(u)
    small = round(26 * u)
    for line_number, line in enumerate(title):
        where = (x0 + 20 * u, y0 + 20 * u + line_number * _TITLE_LINE_H * u)
        draw.text(where, line, font=title_font, fill=INK, anchor="la")
    points = panel.points
    months = [p.month for p in points]
    first = min([panel.start, *months])
    last = max([panel.end, *months])
    values = [p.value for p in points] + [
        v for v in (panel.baseline, panel.target) if v is not None
    ]
    ticks = _ticks(min([Decimal(0), *values]), max([Decimal(1), *values]))
    lo, hi = ticks[0], ticks[-1]
    left, right = x0 + 130 * u, x0 + w - 40 * u
    top, bottom = y0 + 95 * u + extra, y0 + h - 70 * u
    span_m = max(1, last.index - first.index)

    def x(month: YearMonth) -> float:
        return left + (right - left) * (month.index - first.index) / span_m

    def y(value: Decimal) -> float:
        return bottom - (bottom - top) * float((value - lo) / (hi - lo))

    thin, line_w = max(1, round(u)), max(1, round(3 * u))
    for tick in ticks:
        draw.line((left, y(tick), right, y(tick)), fill=GRID_LINE, width=thin)
        _label(image, (left - 10 * u, y(tick)), _number(tick), size=small, fill=MUTED, anchor="rm")
    draw.line((left, bottom, right, bottom), fill=FRAME, width=line_w)
    for year in range(first.year, last.year + 1):
        at = max(first.index, year * 12)
        partial = at != year * 12
        if at > last.index or (partial and (year + 1) * 12 - at < span_m / 5):
            continue  # no room before the next January's label
        px = left + (right - left) * (at - first.index) / span_m
        label = f"{fmt.month_abbr(first.month)} {year}" if partial else str(year)
        draw.line((px, bottom, px, bottom + 8 * u), fill=FRAME, width=line_w)
        _label(image, (px, bottom + 12 * u), label, size=small, fill=MUTED, anchor="ma")
    if panel.baseline is not None and panel.target is not None:
        start = (x(panel.start), y(panel.baseline))
        _dashed(draw, start, (x(panel.end), y(panel.target)), MUTED, line_w, 16 * u)
    if panel.target is not None:
        _dashed(draw, (left, y(panel.target)), (right, y(panel.target)), _TARGET, line_w, 5 * u)
        label = msg.SERIES_TARGET_LABEL.format(value=_number(panel.target))
        rule = (right, y(panel.target) - 6 * u)
        _label(image, rule, label, size=small, fill=_TARGET, anchor="rd")
    coords = [(x(p.month), y(p.value)) for p in points]
    if len(coords) > 1:
        draw.line(coords, fill=_VALUES, width=round(5 * u), joint="curve")
    r = 9 * u
    for (px, py), p in zip(coords, points, strict=True):
        draw.ellipse((px - r, py - r, px + r, py + r), fill=_VALUES, outline=INK)
        _label(image, (px, py - 14 * u), _number(p.value), size=small, fill=INK, anchor="md")


def _legend(draw: ImageDraw.ImageDraw, u: float, top: float) -> None:
    font = _font(round(26 * u))
    x, mid = 20 * u, top + 20 * u
    items = (
        (msg.SERIES_LEGEND_VALUES, _VALUES, 0.0),
        (msg.SERIES_LEGEND_LINE, MUTED, 16.0),
        (msg.SERIES_LEGEND_TARGET, _TARGET, 5.0),
    )
    for text, ink, dash in items:
        if not dash:
            draw.line((x, mid, x + 50 * u, mid), fill=ink, width=round(5 * u))
            draw.ellipse((x + 16 * u, mid - 9 * u, x + 34 * u, mid + 9 * u), fill=ink, outline=INK)
        else:
            _dashed(draw, (x, mid), (x + 50 * u, mid), ink, max(1, round(3 * u)), dash * u)
        draw.text((x + 62 * u, mid), text, font=font, fill=INK, anchor="lm")
        x += 62 * u + _length(font, text) + 40 * u


def series_alt_text(panel: SeriesPanel) -> str:
    """What one panel shows, in words (a figure's alt text joins its panels')."""
    points = panel.points
    values = (
        msg.SERIES_ALT_VALUES.format(
            values=fmt.join_and(
                [
                    msg.SERIES_ALT_VALUE.format(month=fmt.month(p.month), value=fmt.number(p.value))
                    for p in points
                ]
            )
        )
        if points
        else msg.SERIES_ALT_NO_VALUES
    )
    return msg.SERIES_ALT.format(
        name=_clean(panel.title),
        baseline=fmt.number(panel.baseline) if panel.baseline is not None else "–",
        target=fmt.number(panel.target) if panel.target is not None else "–",
        start=fmt.month(panel.start),
        end=fmt.month(panel.end),
        values=values,
    )
