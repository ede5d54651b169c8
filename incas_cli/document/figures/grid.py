"""The power/interest grid as PNG bytes: four quadrants, actors by score."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from incas_cli.document.figures.canvas import (
    _LEGEND_MARKER_W,
    _draw_legends,
    _draw_marker,
    _encode,
    _layout_legends,
    _Legend,
    _legend_columns,
    _LegendItem,
    check_width,
    new_canvas,
)
from incas_cli.document.figures.text import (
    _SS,
    Rect,
    _Block,
    _block,
    _clean,
    _draw_block,
    _font,
    _length,
    _natural,
)
from incas_cli.document.figures.values import (
    FRAME,
    GRID_LINE,
    HIGH_FROM,
    INK,
    QUADRANT_COLOURS,
    QUADRANT_KEYS,
    QUADRANT_LABELS,
    WHITE,
    GridPoint,
    _explicit_numbers,
    clamp_score,
    power_interest_quadrant_key,
)
from incas_cli.messages import figures as msg

if TYPE_CHECKING:
    from PIL import Image, ImageDraw


# --- the power/interest grid --------------------------------------------------------------------


@dataclass(frozen=True)
class _Point:
    label: str
    power: int
    interest: int
    quadrant: str
    number: int


def _prepare_points(points: Iterable[GridPoint]) -> list[_Point]:
    """The points by quadrant, then power and interest (high first), then number or name;
    numbered by the caller when it gives usable numbers, else in this order."""
    given = list(points)
    explicit = _explicit_numbers([p.number for p in given])
    tidy = []
    for p in given:
        power, interest = clamp_score(p.power), clamp_score(p.interest)
        label = _clean(p.label) or msg.UNNAMED
        number = p.number if explicit and p.number is not None else 0
        tidy.append((label, power, interest, power_interest_quadrant_key(power, interest), number))
    order = {key: n for n, key in enumerate(QUADRANT_KEYS)}
    tidy.sort(key=lambda t: (order[t[3]], -t[1], -t[2], t[4], _natural(t[0])))
    return [
        _Point(label, pw, it, q, number if explicit else n)
        for n, (label, pw, it, q, number) in enumerate(tidy, start=1)
    ]


@dataclass(frozen=True)
class _GridGeometry:
    u: float
    left: float
    top: float
    cell: float
    band: float

    def cell_rect(self, power: int, interest: int) -> Rect:
        x0 = self.left + (interest - 1) * self.cell
        y0 = self.top + (5 - power) * self.cell
        return (x0, y0, x0 + self.cell, y0 + self.cell)

    def content_rect(self, power: int, interest: int) -> Rect:
        """The part of a cell points may use (a quadrant's top row leaves room for its title)."""
        x0, y0, x1, y1 = self.cell_rect(power, interest)
        pad = 8 * self.u
        if power in (5, HIGH_FROM - 1):
            y0 += self.band
        return (x0 + pad, y0 + pad, x1 - pad, y1 - pad)

    def quadrant_rect(self, key: str) -> Rect:
        high_p = key in ("manage", "satisfy")
        high_i = key in ("manage", "inform")
        i0, i1 = (HIGH_FROM, 5) if high_i else (1, HIGH_FROM - 1)
        p0, p1 = (HIGH_FROM, 5) if high_p else (1, HIGH_FROM - 1)
        a = self.cell_rect(p1, i0)
        b = self.cell_rect(p0, i1)
        return (a[0], a[1], b[2], b[3])


def _grid_name_blocks(members: Sequence[_Point], width: float, u: float) -> list[_Block]:
    return [_block(p.label, round(24 * u), width, 2) for p in members]


def _grid_slot_h(block: _Block, u: float) -> float:
    """Height of a named point: the dot, then its name."""
    return 24 * u + block.height + 8 * u


def _grid_labels_fit(cells: dict[tuple[int, int], list[_Point]], geo: _GridGeometry) -> bool:
    for (power, interest), pts in cells.items():
        x0, y0, x1, y1 = geo.content_rect(power, interest)
        blocks = _grid_name_blocks(pts, x1 - x0, geo.u)
        if any(b.cut for b in blocks) or sum(_grid_slot_h(b, geo.u) for b in blocks) > y1 - y0:
            return False
    return True


def power_interest_png(points: Sequence[GridPoint], *, width_px: int = 1400) -> bytes:
    """The power/interest grid: 5×5 cells, four named quadrants, one mark per actor.

    Scores outside 1-5 are clamped. Actors sharing a cell are spread inside it; if any cell
    is too crowded for names, every actor gets a number and a legend lists them.
    """
    width_px = check_width(width_px, 400)
    u = width_px * _SS / 1400
    width = width_px * _SS
    pts = _prepare_points(points)
    left, right, top = 150 * u, 36 * u, 30 * u
    cell = (width - left - right) / 5
    geo = _GridGeometry(u, left, top, cell, 46 * u)
    plot_bottom = top + 5 * cell

    cells: dict[tuple[int, int], list[_Point]] = {}
    for p in pts:
        cells.setdefault((p.power, p.interest), []).append(p)
    numbered = not _grid_labels_fit(cells, geo)

    legends: list[_Legend] = []
    legend_w = width - 2 * 34 * u
    size = round(24 * u)
    if numbered:
        columns = _legend_columns([p.label for p in pts], legend_w, round(24 * u), u)
        col_w = legend_w / columns - _LEGEND_MARKER_W * u - 16 * u
        items: list[_LegendItem] = []
        for key in QUADRANT_KEYS:
            members = sorted((p for p in pts if p.quadrant == key), key=lambda p: p.number)
            if not members:
                continue
            ink = QUADRANT_COLOURS[key][0]
            title = _block(QUADRANT_LABELS[key], size, col_w, 1, bold=True)
            items.append(_LegendItem(title, header=True, colour=ink))
            items += [
                _LegendItem(_block(p.label, size, col_w, 3), ("circle", ink, str(p.number)))
                for p in members
            ]
        legends.append(_Legend(msg.GRID_LEGEND_TITLE, items, columns))
    elif not pts:
        legends.append(_Legend(msg.GRID_EMPTY, [], 1))
    axis_bottom = plot_bottom + 120 * u
    legends_h = _layout_legends(legends, legend_w, u)
    image, draw = new_canvas(width, axis_bottom + legends_h + 20 * u)

    # quadrants, cells, frame
    for key in QUADRANT_KEYS:
        draw.rectangle(geo.quadrant_rect(key), fill=QUADRANT_COLOURS[key][1])
    thin = max(1, round(1.5 * u))
    for k in range(1, 5):
        x = left + k * cell
        y = top + k * cell
        draw.line((x, top, x, plot_bottom), fill=GRID_LINE, width=thin)
        draw.line((left, y, left + 5 * cell, y), fill=GRID_LINE, width=thin)
    split_x = left + (HIGH_FROM - 1) * cell
    split_y = top + (5 - HIGH_FROM + 1) * cell
    thick = max(2, round(4 * u))
    draw.line((split_x, top, split_x, plot_bottom), fill=FRAME, width=thick)
    draw.line((left, split_y, left + 5 * cell, split_y), fill=FRAME, width=thick)
    draw.rectangle((left, top, left + 5 * cell, plot_bottom), outline=FRAME, width=thick)
    for key in QUADRANT_KEYS:
        x0, y0, x1, _y1 = geo.quadrant_rect(key)
        title = _block(QUADRANT_LABELS[key], round(27 * u), x1 - x0 - 20 * u, 1, bold=True)
        _draw_block(
            draw,
            title,
            (x0 + x1) / 2,
            y0 + (geo.band + 8 * u - title.height) / 2,
            "centre",
            QUADRANT_COLOURS[key][0],
        )

    # ticks and axis titles
    tick_font = round(26 * u)
    for k in range(1, 6):
        tick = _block(str(k), tick_font, 60 * u, 1)
        x = left + (k - 0.5) * cell
        _draw_block(draw, tick, x, plot_bottom + 12 * u, "centre", INK)
        y = top + (5 - k + 0.5) * cell
        _draw_block(draw, tick, left - 16 * u, y - tick.height / 2, "right", INK)
    x_title = _block(msg.AXIS_INTEREST, round(27 * u), 5 * cell, 1, bold=True)
    _draw_block(draw, x_title, left + 2.5 * cell, plot_bottom + 62 * u, "centre", INK)
    _draw_rotated_title(image, msg.AXIS_POWER, round(27 * u), 5 * cell, (50 * u, top + 2.5 * cell))

    # points
    for (power, interest), members in sorted(cells.items()):
        _draw_cell(draw, geo, power, interest, members, numbered)

    _draw_legends(draw, legends, 34 * u, axis_bottom, legend_w, u)
    return _encode(image, width_px)


def _draw_rotated_title(
    image: Image.Image, text: str, size: int, max_w: float, centre: tuple[float, float]
) -> None:
    from PIL import Image, ImageDraw

    block = _block(text, size, max_w, 1, bold=True)
    w, h = math.ceil(block.width) + 8, math.ceil(block.height) + 8
    layer = Image.new("L", (w, h), 0)
    _draw_block(ImageDraw.Draw(layer), block, w / 2, 4, "centre", "#FFFFFF")
    layer = layer.rotate(90, expand=True)
    ink = Image.new("RGB", layer.size, INK)
    image.paste(
        ink, (round(centre[0] - layer.width / 2), round(centre[1] - layer.height / 2)), layer
    )


def _draw_cell(
    draw: ImageDraw.ImageDraw,
    geo: _GridGeometry,
    power: int,
    interest: int,
    members: Sequence[_Point],
    numbered: bool,
) -> None:
    u = geo.u
    x0, y0, x1, y1 = geo.content_rect(power, interest)
    ink = QUADRANT_COLOURS[members[0].quadrant][0]
    if not numbered:
        blocks = _grid_name_blocks(members, x1 - x0, u)
        y = y0 + ((y1 - y0) - sum(_grid_slot_h(b, u) for b in blocks)) / 2
        cx, r = (x0 + x1) / 2, 10 * u
        for block in blocks:
            box = (cx - r, y + 2 * u, cx + r, y + 2 * u + 2 * r)
            draw.ellipse(box, fill=ink, outline=WHITE, width=max(1, round(2 * u)))
            _draw_block(draw, block, cx, y + 24 * u, "centre", INK)
            y += _grid_slot_h(block, u)
        return
    k = len(members)
    w, h = x1 - x0, y1 - y0
    cols = max(1, math.ceil(math.sqrt(k * w / h)))
    rows = math.ceil(k / cols)
    slot_w, slot_h = w / cols, h / rows
    r = min(24 * u, min(slot_w, slot_h) / 2 - 3 * u)
    if r < 15 * u:
        # too many for legible marks: one mark with the numbers, which the legend resolves
        # (a range when they are consecutive, as they are when the figure numbers them)
        text = _numbers_text(sorted(p.number for p in members))
        font = _font(round(26 * u), bold=True)
        tw = _length(font, text) + 28 * u
        if tw > x1 - x0:
            text = msg.GRID_CELL_COUNT.format(count=len(members))
            tw = _length(font, text) + 28 * u
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        box = (cx - tw / 2, cy - 22 * u, cx + tw / 2, cy + 22 * u)
        draw.rounded_rectangle(
            box, radius=22 * u, fill=ink, outline=WHITE, width=max(1, round(2 * u))
        )
        draw.text((cx, cy), text, font=font, fill=WHITE, anchor="mm")
        return
    for n, p in enumerate(members):
        row, col = divmod(n, cols)
        in_row = min(cols, k - row * cols)
        offset = (cols - in_row) * slot_w / 2  # centre a short last row
        cx = x0 + offset + (col + 0.5) * slot_w
        cy = y0 + (row + 0.5) * slot_h
        _draw_marker(draw, "circle", ink, cx, cy, r, str(p.number), u)


def _numbers_text(numbers: Sequence[int]) -> str:
    """ "3–12" for consecutive numbers, else "3, 7, 12" (runs of three or more as ranges)."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(msg.GRID_RANGE.format(first=run[0], last=run[-1]))
        else:
            parts.extend(str(n) for n in run)
    return msg.GRID_NUMBERS_SEPARATOR.join(parts)
