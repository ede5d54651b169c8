"""An indicator over time as PNG bytes: its values by month, the straight line from
baseline to target and the target itself (the *Relazione di monitoraggio*).

Same conventions as the other figures: drawn at ``_SS`` times the size and reduced, DejaVu
Sans from the package, no clock, a natural width of 16 cm. The values are never told
apart by colour alone: observed values are solid dots joined by a solid line and labelled
with their number; the expected line is dashed; the target a dotted rule with its label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from incas_cli import formats as fmt
from incas_cli.document.figures.canvas import _canvas, _check_width, _encode
from incas_cli.document.figures.text import _SS, _clean, _font, _length
from incas_cli.document.figures.values import FRAME, GRID_LINE, INK, MUTED, PALETTE
from incas_cli.messages import figures as msg

if TYPE_CHECKING:
    from PIL import ImageDraw

    from incas_cli.models.month import YearMonth

__all__ = ["SeriesPoint", "series_alt_text", "series_png"]

_TARGET = "#8A1F11"


@dataclass(frozen=True)
class SeriesPoint:
    month: YearMonth
    value: Decimal


def _ticks(lo: Decimal, hi: Decimal) -> list[Decimal]:
    """About five round values covering ``lo``-``hi``."""
    span = hi - lo if hi > lo else Decimal(1)
    raw = span / 4
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
    if length == 0:
        return
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


def series_png(
    points: Sequence[SeriesPoint],
    *,
    baseline: Decimal | None,
    target: Decimal | None,
    start: YearMonth,
    end: YearMonth,
    width_px: int = 1200,
) -> bytes:
    """The chart of one indicator from ``start`` to ``end`` (months of its line)."""
    width_px = _check_width(width_px, 400)
    u = width_px * _SS / 1600
    width, height = width_px * _SS, 720 * u
    image, draw = _canvas(width, height)
    months = [p.month for p in points]
    first = min([start, *months])
    last = max([end, *months])
    values = [p.value for p in points] + [v for v in (baseline, target) if v is not None]
    lo = min([Decimal(0), *values])
    hi = max([Decimal(1), *values])
    ticks = _ticks(lo, hi)
    lo, hi = ticks[0], ticks[-1]
    left, right, top, bottom = 150 * u, width - 60 * u, 40 * u, height - 190 * u
    span_m = max(1, last.index - first.index)

    def x(month: YearMonth) -> float:
        return left + (right - left) * (month.index - first.index) / span_m

    def y(value: Decimal) -> float:
        return bottom - (bottom - top) * float((value - lo) / (hi - lo))

    small = _font(round(24 * u))
    line_w = max(1, round(3 * u))
    for tick in ticks:
        draw.line((left, y(tick), right, y(tick)), fill=GRID_LINE, width=max(1, round(u)))
        draw.text((left - 12 * u, y(tick)), fmt.number(tick), font=small, fill=MUTED, anchor="rm")
    draw.line((left, bottom, right, bottom), fill=FRAME, width=line_w)
    for year in range(first.year, last.year + 1):
        at = max(first.index, year * 12)
        if at > last.index:
            continue
        px = left + (right - left) * (at - first.index) / span_m
        draw.line((px, bottom, px, bottom + 10 * u), fill=FRAME, width=line_w)
        label = str(year) if at == year * 12 else f"{fmt.month_abbr(first.month)} {year}"
        draw.text((px, bottom + 16 * u), label, font=small, fill=MUTED, anchor="ma")
    if baseline is not None and target is not None:
        _dashed(draw, (x(start), y(baseline)), (x(end), y(target)), MUTED, line_w, 16 * u)
    if target is not None:
        _dashed(draw, (left, y(target)), (right, y(target)), _TARGET, line_w, 5 * u)
        label = msg.SERIES_TARGET_LABEL.format(value=fmt.number(target))
        draw.text((right, y(target) - 8 * u), label, font=small, fill=_TARGET, anchor="rd")
    colour = PALETTE[0]
    coords = [(x(p.month), y(p.value)) for p in points]
    if len(coords) > 1:
        draw.line(coords, fill=colour, width=round(5 * u), joint="curve")
    r = 9 * u
    for (px, py), p in zip(coords, points, strict=True):
        draw.ellipse((px - r, py - r, px + r, py + r), fill=colour, outline=INK)
        draw.text((px, py - 16 * u), fmt.number(p.value), font=small, fill=INK, anchor="md")
    _legend(draw, u, height - 110 * u, left, colour)
    return _encode(image, width_px)


def _legend(draw: ImageDraw.ImageDraw, u: float, top: float, left: float, colour: str) -> None:
    font = _font(round(24 * u))
    x = left
    mid = top + 15 * u
    items = (
        (msg.SERIES_LEGEND_VALUES, colour, "solid"),
        (msg.SERIES_LEGEND_LINE, MUTED, "dash"),
        (msg.SERIES_LEGEND_TARGET, _TARGET, "dot"),
    )
    for text, ink, style in items:
        w = max(1, round(3 * u))
        if style == "solid":
            draw.line((x, mid, x + 50 * u, mid), fill=ink, width=round(5 * u))
            draw.ellipse((x + 16 * u, mid - 9 * u, x + 34 * u, mid + 9 * u), fill=ink, outline=INK)
        else:
            _dashed(draw, (x, mid), (x + 50 * u, mid), ink, w, (16 if style == "dash" else 5) * u)
        draw.text((x + 62 * u, mid), text, font=font, fill=INK, anchor="lm")
        x += 62 * u + _length(font, text) + 40 * u


def series_alt_text(
    name: str,
    points: Sequence[SeriesPoint],
    *,
    baseline: Decimal | None,
    target: Decimal | None,
    start: YearMonth,
    end: YearMonth,
) -> str:
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
        name=_clean(name),
        baseline=fmt.number(baseline) if baseline is not None else "–",
        target=fmt.number(target) if target is not None else "–",
        start=fmt.month(start),
        end=fmt.month(end),
        values=values,
    )
