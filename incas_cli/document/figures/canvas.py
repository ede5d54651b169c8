"""Drawing shared by both figures: markers, legends, badges and the PNG encoding."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from incas_cli.document.figures.text import _SS, Rect, _Block, _block, _draw_block, _font, _length
from incas_cli.document.figures.values import (
    CENTRE_FILL,
    EDGE_LINE,
    EDGE_TEXT,
    FRAME,
    GRID_LINE,
    INK,
    MUTED,
    PALETTE,
    QUADRANT_COLOURS,
    RULE,
    WHITE,
)

if TYPE_CHECKING:
    from PIL import Image, ImageDraw


# --- markers ----------------------------------------------------------------------------------


def _shape_points(shape: str, x: float, y: float, r: float) -> list[tuple[float, float]]:
    def regular(
        sides: int, radius: float, start: float, dy: float = 0.0
    ) -> list[tuple[float, float]]:
        return [
            (
                x + radius * math.cos(start + 2 * math.pi * k / sides),
                y + dy + radius * math.sin(start + 2 * math.pi * k / sides),
            )
            for k in range(sides)
        ]

    if shape == "square":
        return regular(4, r * 1.22, math.pi / 4)
    if shape == "diamond":
        return regular(4, r * 1.3, 0.0)
    if shape == "triangle":
        return regular(3, r * 1.6, -math.pi / 2, r * 0.25)
    if shape == "triangle-down":
        return regular(3, r * 1.6, math.pi / 2, -r * 0.25)
    if shape == "hexagon":
        return regular(6, r * 1.12, 0.0)
    if shape == "pentagon":
        return regular(5, r * 1.18, -math.pi / 2, r * 0.08)
    return []


def _text_offset(shape: str, r: float) -> float:
    """Where the centre of the text sits, below the marker centre, to look centred."""
    return {"triangle": r * 0.3, "triangle-down": -r * 0.3}.get(shape, 0.0)


def _draw_marker(
    draw: ImageDraw.ImageDraw,
    shape: str,
    colour: str,
    x: float,
    y: float,
    r: float,
    text: str,
    u: float,
) -> None:
    outline = max(1, round(2 * u))
    points = _shape_points(shape, x, y, r)
    if points:
        draw.polygon(points, fill=colour, outline=WHITE, width=outline)
    else:
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour, outline=WHITE, width=outline)
    if text:
        size = round(r * (0.95 if len(text) <= 2 else 0.75))
        draw.text(
            (x, y + _text_offset(shape, r)),
            text,
            font=_font(size, bold=True),
            fill=WHITE,
            anchor="mm",
        )


# --- legends ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _LegendItem:
    """A row of a legend: an optional marker, then text; ``header`` rows start a group."""

    block: _Block
    marker: tuple[str, str, str] | None = None  # shape, colour, text inside
    header: bool = False
    badge: str | None = None  # a relation code, drawn as a white box
    colour: str = INK


@dataclass
class _Legend:
    title: str
    items: list[_LegendItem]
    columns: int
    placed: list[tuple[_LegendItem, float, float]] = field(default_factory=list)
    height: float = 0.0
    title_size: int | None = None
    """The title's font size (25 design units unless given); ``badge_size`` likewise for
    relation codes (see :func:`_badge_rect`)."""
    badge_size: int | None = None


_LEGEND_MARKER_W = 56.0  # design px reserved left of the text for the marker


def _legend_item_height(item: _LegendItem, u: float) -> float:
    if item.header:
        return item.block.height + 16 * u
    return max(item.block.height, 40 * u) + 6 * u


def _flow(items: Sequence[_LegendItem], columns: int, u: float) -> tuple[list[int], float]:
    """Column-major flow: the column of each item and the height, balanced and no orphans."""
    heights = [_legend_item_height(item, u) for item in items]

    def pack(limit: float) -> list[int] | None:
        cols: list[int] = []
        col, used = 0, 0.0
        for n, h in enumerate(heights):
            need = h
            if items[n].header and n + 1 < len(items) and not items[n + 1].header:
                need += heights[n + 1]  # keep a header with its first entry
            if used > 0 and used + need > limit:
                col, used = col + 1, 0.0
            cols.append(col)
            used += h
        return cols if col < columns else None

    lo = max([sum(heights) / max(columns, 1), *heights], default=0.0)
    hi = sum(heights) + 1.0
    best = pack(hi) or [0] * len(items)
    for _ in range(40):
        mid = (lo + hi) / 2
        packed = pack(mid)
        if packed is None:
            lo = mid
        else:
            hi, best = mid, packed
        if hi - lo < 0.5:
            break
    height = 0.0
    for col in set(best):
        height = max(height, sum(h for h, c in zip(heights, best, strict=True) if c == col))
    return best, height


def _layout_legends(legends: Sequence[_Legend], width: float, u: float) -> float:
    """Fix the item positions of each legend (relative to its top); return the total height."""
    total = 0.0
    for legend in legends:
        title_h = max(48 * u, (legend.title_size or 0) * 1.24 + 24 * u)
        col_w = width / legend.columns
        cols, body = _flow(legend.items, legend.columns, u)
        used = [0.0] * legend.columns
        legend.placed = []
        for item, col in zip(legend.items, cols, strict=True):
            legend.placed.append((item, col * col_w, title_h + used[col]))
            used[col] += _legend_item_height(item, u)
        legend.height = title_h + body + 18 * u
        total += legend.height
    return total


def _draw_legends(
    draw: ImageDraw.ImageDraw,
    legends: Sequence[_Legend],
    left: float,
    top: float,
    width: float,
    u: float,
) -> None:
    y = top
    for legend in legends:
        draw.line((left, y, left + width, y), fill=RULE, width=max(1, round(1.5 * u)))
        title = _block(legend.title, legend.title_size or round(25 * u), width, 1, bold=True)
        _draw_block(draw, title, left, y + 12 * u, "left", INK)
        for item, dx, dy in legend.placed:
            x0, y0 = left + dx, y + dy
            if item.header:
                _draw_block(draw, item.block, x0, y0 + 10 * u, "left", item.colour)
                continue
            row_h = max(item.block.height, 40 * u)
            cy = y0 + row_h / 2
            if item.marker is not None:
                shape, colour, text = item.marker
                _draw_marker(draw, shape, colour, x0 + 20 * u, cy, 17 * u, text, u)
            if item.badge is not None:
                _draw_badge(draw, item.badge, x0 + 20 * u, cy, u, legend.badge_size)
            _draw_block(
                draw, item.block, x0 + _LEGEND_MARKER_W * u, cy - item.block.height / 2, "left", INK
            )
        y += legend.height


def _legend_columns(texts: Sequence[str], width: float, size: int, u: float) -> int:
    """Three columns when every entry fits one line of a third of the width, else two."""
    col_w = width / 3 - _LEGEND_MARKER_W * u - 16 * u
    font = _font(size)
    return 3 if all(_length(font, t) <= col_w for t in texts) else 2


def _badge_rect(code: str, x: float, y: float, u: float, size: int | None = None) -> Rect:
    """The box of a relation code; ``size`` the font's (21 design units unless given)."""
    size = size or round(21 * u)
    font = _font(size, bold=True)
    h = max(30 * u, size * 1.45)
    w = max(_length(font, code) + 14 * u, h)
    return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def _draw_badge(
    draw: ImageDraw.ImageDraw, code: str, x: float, y: float, u: float, size: int | None = None
) -> None:
    rect = _badge_rect(code, x, y, u, size)
    draw.rounded_rectangle(
        rect, radius=8 * u, fill=WHITE, outline=MUTED, width=max(1, round(2 * u))
    )
    font = _font(size or round(21 * u), bold=True)
    draw.text((x, y), code, font=font, fill=INK, anchor="mm")


# --- encoding ---------------------------------------------------------------------------------


def new_canvas(
    width: float, height: float, factor: int = _SS
) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """A white canvas of ``width`` by ``height`` device pixels, and its drawing context;
    ``factor`` is its supersampling (the height rounded up to a multiple of it)."""
    from PIL import Image, ImageDraw

    w = round(width)
    h = math.ceil(height / factor) * factor
    image = Image.new("RGB", (w, h), WHITE)
    return image, ImageDraw.Draw(image)


def _encode(image: Image.Image, width_px: int, factor: int = _SS) -> bytes:
    """Reduce the canvas supersampled ``factor`` times (1: drawn at its final size) and
    write a PNG with no metadata but the resolution."""
    from PIL import Image

    # a flat-colour drawing fits a 256-colour palette: a third of the size, and faster
    if factor > 1:
        small = image.reduce(factor)
        image.close()  # the supersampled canvas (tens of MB) goes before the palette and the PNG
        small = small.quantize(
            colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
        small.putpalette(_snap_palette(small.getpalette() or []))
        return _png(small, width_px)
    # Drawn at its final size: the octree's tables take twice the canvas, so the palette
    # comes from every other pixel (the same colours: nothing is blended) and the canvas
    # is then mapped to it, which needs no more than the result.
    sample = image.resize((image.width // 2, image.height // 2), Image.Resampling.NEAREST)
    palette = sample.quantize(
        colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    sample.close()
    palette.putpalette(_snap_palette(palette.getpalette() or []))
    mapped = image.quantize(palette=palette, dither=Image.Dither.NONE)
    image.close()
    return _png(mapped, width_px)


def encode_web_png(image: Image.Image, width_px: int) -> bytes:
    """A canvas drawn at its final size in web-safe colours, as a PNG of the fixed web
    palette: no palette to compute (the charts of the monitoring report are many)."""
    from PIL import Image

    small = image.convert("P", palette=Image.Palette.WEB, dither=Image.Dither.NONE)
    # zlib's level 3: half the time of 6 for a file about a third larger
    return _png(small, width_px, compress_level=3)


def _png(image: Image.Image, width_px: int, *, compress_level: int = 6) -> bytes:
    dpi = round(width_px / (16 / 2.54), 3)  # natural width: 16 cm
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False, compress_level=compress_level, dpi=(dpi, dpi))
    return buffer.getvalue()


def _key_colours() -> list[tuple[int, int, int]]:
    named = [WHITE, INK, MUTED, CENTRE_FILL, EDGE_LINE, EDGE_TEXT, RULE, GRID_LINE, FRAME]
    named += PALETTE
    named += [c for pair in QUADRANT_COLOURS.values() for c in pair]
    return [(int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16)) for c in named]


def _snap_palette(palette: list[int], tolerance: int = 6) -> list[int]:
    """Put back the exact colours the octree averaged (white must stay white)."""
    keys = _key_colours()
    out = list(palette)
    for i in range(0, len(out) - 2, 3):
        entry = (out[i], out[i + 1], out[i + 2])
        for key in keys:
            if max(abs(a - b) for a, b in zip(entry, key, strict=True)) <= tolerance:
                out[i : i + 3] = key
                break
    return out


def check_width(width_px: int, minimum: int) -> int:
    """``width_px`` as an int; a figure narrower than ``minimum`` pixels is refused."""
    if int(width_px) < minimum:
        raise ValueError(f"width_px must be at least {minimum}, got {width_px}")
    return int(width_px)


def _message_png(text: str, width_px: int) -> bytes:
    u = width_px * _SS / 1600
    image, draw = new_canvas(width_px * _SS, 260 * u)
    block = _block(text, round(30 * u), width_px * _SS - 80 * u, 2)
    draw.rectangle(
        (10 * u, 10 * u, width_px * _SS - 10 * u, 250 * u), outline=RULE, width=round(2 * u)
    )
    _draw_block(draw, block, width_px * _SS / 2, 130 * u - block.height / 2, "centre", MUTED)
    return _encode(image, width_px)
