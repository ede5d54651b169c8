"""The document's figures: the stakeholder network and the power/interest grid, as PNG bytes.

Pure functions from small value objects to image bytes, so the outline owns the plan
and this module owns the drawing. Same input, same bytes: nodes, groups and edges are put
in a fixed order, nothing reads the clock, and the PNG carries no metadata but its
resolution (set so that the natural width is 16 cm, the text width of an A4 page).

Pillow does not antialias shapes, so everything is drawn at ``_SS`` times the final size
and reduced at the end. Geometry is expressed in "design pixels" for the default width and
multiplied by a unit ``u`` (device pixels per design pixel on the supersampled canvas).

When labels would collide, the figures switch to numbered markers with a numbered legend
(the whole figure at once, so a reader never has to guess which convention a point uses);
relation labels that do not fit along their line become letter codes explained in a
legend. Text is Italian and lives in :mod:`incas_cli.messages.figures`.

The caller may number the actors itself (``FigureNode.number``, ``GridPoint.number``), so
that an actor has the same number in both figures and in the document's tables; without
numbers (or with missing or repeated ones) each figure numbers its actors in its own order.
"""

from __future__ import annotations

import io
import itertools
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from incas_cli.fonts import figure_font
from incas_cli.messages import figures as msg

if TYPE_CHECKING:
    from PIL import Image, ImageDraw, ImageFont


# --- public value objects -------------------------------------------------------------------


@dataclass(frozen=True)
class FigureNode:
    """An actor of the network; ``group`` (actor type or level) sets its colour and shape;
    ``number`` is the actor's number when the figure numbers its nodes (the caller's, so
    that it matches the document's tables)."""

    id: str
    label: str
    group: str
    central: bool = False
    number: int | None = None


@dataclass(frozen=True)
class FigureEdge:
    """A relation between two actors, by id; ``label`` is its short description."""

    source: str
    target: str
    label: str | None = None


@dataclass(frozen=True)
class GridPoint:
    """An actor on the power/interest grid; scores from 1 to 5 (others are clamped);
    ``number`` as for :class:`FigureNode`."""

    label: str
    power: int
    interest: int
    number: int | None = None


# --- public constants -------------------------------------------------------------------------

#: Group colours, in legend order. Each carries white text at a contrast of at least 4.5:1.
PALETTE: tuple[str, ...] = (
    "#1F5A96",  # blue
    "#B34700",  # orange
    "#2E7D32",  # green
    "#7B3FA0",  # purple
    "#B71C1C",  # red
    "#00796B",  # teal
    "#6D4C41",  # brown
    "#AD1457",  # magenta
    "#546E7A",  # blue grey
    "#7A6A00",  # olive
)

#: Marker shapes, so that a group is never told apart by colour alone.
SHAPES: tuple[str, ...] = (
    "circle",
    "square",
    "diamond",
    "triangle",
    "hexagon",
    "triangle-down",
    "pentagon",
)

#: Scores from this value up count as "high" power or interest on the grid.
HIGH_FROM = 4

#: Grid quadrants, in the order the legend and the alt text list them.
QUADRANT_KEYS: tuple[str, ...] = ("manage", "satisfy", "inform", "monitor")

QUADRANT_LABELS: dict[str, str] = {
    "manage": msg.QUADRANT_MANAGE,
    "satisfy": msg.QUADRANT_SATISFY,
    "inform": msg.QUADRANT_INFORM,
    "monitor": msg.QUADRANT_MONITOR,
}

#: Dark ink of each quadrant (titles, markers) and its light background tint; every pair,
#: and white on the ink, has a contrast of at least 4.5:1.
QUADRANT_COLOURS: dict[str, tuple[str, str]] = {
    "manage": ("#8A1F11", "#FDE7E4"),
    "satisfy": ("#6B4500", "#FFF1D6"),
    "inform": ("#134074", "#E3EEF9"),
    "monitor": ("#2F3E36", "#EDF0EE"),
}

INK = "#1A1A1A"
MUTED = "#595959"
WHITE = "#FFFFFF"
CENTRE_FILL = "#14375E"
EDGE_LINE = "#8C8C8C"  # graphics, not text: 3.4:1 on white (WCAG 1.4.11 asks 3:1)
EDGE_TEXT = "#404040"
RULE = "#BFBFBF"
GRID_LINE = "#CFCFCF"
FRAME = "#404040"


def clamp_score(value: int) -> int:
    """A power or interest score brought into 1-5, as the grid draws it."""
    return max(1, min(5, int(value)))


def power_interest_quadrant_key(power: int, interest: int) -> str:
    """``manage``, ``satisfy``, ``inform`` or ``monitor`` (see :data:`HIGH_FROM`)."""
    high_power = clamp_score(power) >= HIGH_FROM
    high_interest = clamp_score(interest) >= HIGH_FROM
    if high_power:
        return "manage" if high_interest else "satisfy"
    return "inform" if high_interest else "monitor"


def power_interest_quadrant(power: int, interest: int) -> str:
    """The Italian name of the grid quadrant of an actor, e.g. "Gestire da vicino"."""
    return QUADRANT_LABELS[power_interest_quadrant_key(power, interest)]


# --- fonts and text -----------------------------------------------------------------------------

_SS = 2  # supersampling factor
_MAX_TEXT = 400  # characters kept of a label: only two lines are ever shown

Align = Literal["left", "centre", "right"]
Rect = tuple[float, float, float, float]


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu Sans, shipped in the package: the same glyphs on every machine."""
    return figure_font(size, bold)


def _clean(text: str | None) -> str:
    """One line of printable text: whitespace collapsed, control characters dropped."""
    if not text:
        return ""
    out: list[str] = []
    for ch in text[: _MAX_TEXT * 2]:
        category = unicodedata.category(ch)
        if ch.isspace() or category in ("Zl", "Zp"):
            out.append(" ")
        elif category in ("Cc", "Cs"):
            continue
        else:
            out.append(ch)
    return " ".join("".join(out).split())[:_MAX_TEXT]


def _length(font: ImageFont.FreeTypeFont, text: str) -> float:
    return float(font.getlength(text)) if text else 0.0


def _fit_prefix(text: str, font: ImageFont.FreeTypeFont, max_w: float, suffix: str = "") -> int:
    """The longest prefix length of ``text`` that, with ``suffix``, fits ``max_w`` (at least 1)."""
    lo, hi = 1, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if _length(font, text[:mid].rstrip() + suffix) <= max_w:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _ellipsize(text: str, font: ImageFont.FreeTypeFont, max_w: float) -> str:
    if _length(font, text) <= max_w:
        return text
    cut = _fit_prefix(text, font, max_w, msg.ELLIPSIS)
    return text[:cut].rstrip() + msg.ELLIPSIS


def _wrap(
    text: str, font: ImageFont.FreeTypeFont, max_w: float, max_lines: int
) -> tuple[list[str], bool]:
    """Greedy word wrap into at most ``max_lines``; the last line ends with "…" if cut."""
    words = text.split(" ") if text else []
    lines: list[str] = []
    current = ""
    i = 0
    while i < len(words) and len(lines) < max_lines:
        word = words[i]
        candidate = f"{current} {word}" if current else word
        if _length(font, candidate) <= max_w:
            current = candidate
            i += 1
        elif current:
            lines.append(current)
            current = ""
        else:  # a single word wider than the line: break it
            cut = _fit_prefix(word, font, max_w)
            lines.append(word[:cut])
            words[i] = word[cut:]
    if current and len(lines) < max_lines:
        lines.append(current)
    elif current:
        words.insert(i, current)
    rest = " ".join(words[i:]) if i < len(words) else ""
    if rest and lines:
        lines[-1] = _ellipsize(f"{lines[-1]} {rest}", font, max_w)
    return lines, bool(rest)


@dataclass(frozen=True)
class _Block:
    """Some lines of text in one font, measured."""

    lines: tuple[str, ...]
    font: ImageFont.FreeTypeFont
    line_h: float
    cut: bool = False  # the text did not fit and ends with "…"

    @property
    def width(self) -> float:
        return max((_length(self.font, line) for line in self.lines), default=0.0)

    @property
    def height(self) -> float:
        return self.line_h * len(self.lines)


def _block(text: str, size: int, max_w: float, max_lines: int = 2, *, bold: bool = False) -> _Block:
    font = _font(size, bold)
    lines, cut = _wrap(text, font, max_w, max_lines)
    return _Block(tuple(lines or [""]), font, round(size * 1.24), cut)


def _draw_block(
    draw: ImageDraw.ImageDraw,
    block: _Block,
    x: float,
    top: float,
    align: Align,
    fill: str,
    *,
    halo: int = 0,
) -> None:
    """Draw ``block`` with its top at ``top``; ``x`` is its left, centre or right edge."""
    anchor = {"left": "lm", "centre": "mm", "right": "rm"}[align]
    for n, line in enumerate(block.lines):
        if not line:
            continue
        y = top + block.line_h * (n + 0.5)
        draw.text(
            (x, y),
            line,
            font=block.font,
            fill=fill,
            anchor=anchor,
            stroke_width=halo,
            stroke_fill=WHITE if halo else None,
        )


def _overlaps(a: Rect, b: Rect, pad: float = 0.0) -> bool:
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


def _inside(a: Rect, bounds: Rect) -> bool:
    return a[0] >= bounds[0] and a[1] >= bounds[1] and a[2] <= bounds[2] and a[3] <= bounds[3]


def _code(index: int, alphabet: str) -> str:
    """0 → a, 25 → z, 26 → aa, ... (bijective base-26)."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, len(alphabet))
        out = alphabet[rest] + out
    return out


_SortKey = tuple[tuple[tuple[int, int, str], ...], str]


def _natural(text: str) -> _SortKey:
    """Sort key: case-insensitive, numbers by value ("Soggetto 2" before "Soggetto 10")."""
    parts = re.split(r"(\d+)", text.casefold())
    return (
        tuple((1, int(p), "") if p.isdigit() and p.isascii() else (0, 0, p) for p in parts if p),
        text,
    )


def _count_phrase(count: int, one: str, many: str) -> str:
    return one if count == 1 else many.format(count=count)


def _join(items: Sequence[str]) -> str:
    from babel.lists import format_list

    return str(format_list(list(items), locale="it_IT"))


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
        title_h = 48 * u
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
        title = _block(legend.title, round(25 * u), width, 1, bold=True)
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
                _draw_badge(draw, item.badge, x0 + 20 * u, cy, u)
            _draw_block(
                draw, item.block, x0 + _LEGEND_MARKER_W * u, cy - item.block.height / 2, "left", INK
            )
        y += legend.height


def _legend_columns(texts: Sequence[str], width: float, size: int, u: float) -> int:
    """Three columns when every entry fits one line of a third of the width, else two."""
    col_w = width / 3 - _LEGEND_MARKER_W * u - 16 * u
    font = _font(size)
    return 3 if all(_length(font, t) <= col_w for t in texts) else 2


def _badge_rect(code: str, x: float, y: float, u: float) -> Rect:
    font = _font(round(21 * u), bold=True)
    w = max(_length(font, code) + 14 * u, 30 * u)
    h = 30 * u
    return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def _draw_badge(draw: ImageDraw.ImageDraw, code: str, x: float, y: float, u: float) -> None:
    rect = _badge_rect(code, x, y, u)
    draw.rounded_rectangle(
        rect, radius=8 * u, fill=WHITE, outline=MUTED, width=max(1, round(2 * u))
    )
    draw.text((x, y), code, font=_font(round(21 * u), bold=True), fill=INK, anchor="mm")


# --- encoding ---------------------------------------------------------------------------------


def _canvas(width: float, height: float) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    from PIL import Image, ImageDraw

    w = round(width)
    h = math.ceil(height / _SS) * _SS
    image = Image.new("RGB", (w, h), WHITE)
    return image, ImageDraw.Draw(image)


def _encode(image: Image.Image, width_px: int) -> bytes:
    """Reduce the supersampled canvas and write a PNG with no metadata but the resolution."""
    from PIL import Image

    small = image.reduce(_SS)
    # a flat-colour drawing fits a 256-colour palette: a third of the size, and faster
    small = small.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    small.putpalette(_snap_palette(small.getpalette() or []))
    dpi = round(width_px / (16 / 2.54), 3)  # natural width: 16 cm
    buffer = io.BytesIO()
    small.save(buffer, format="PNG", optimize=False, compress_level=6, dpi=(dpi, dpi))
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


def _check_width(width_px: int, minimum: int) -> int:
    if int(width_px) < minimum:
        raise ValueError(f"width_px must be at least {minimum}, got {width_px}")
    return int(width_px)


def _message_png(text: str, width_px: int) -> bytes:
    u = width_px * _SS / 1600
    image, draw = _canvas(width_px * _SS, 260 * u)
    block = _block(text, round(30 * u), width_px * _SS - 80 * u, 2)
    draw.rectangle(
        (10 * u, 10 * u, width_px * _SS - 10 * u, 250 * u), outline=RULE, width=round(2 * u)
    )
    _draw_block(draw, block, width_px * _SS / 2, 130 * u - block.height / 2, "centre", MUTED)
    return _encode(image, width_px)


# --- the stakeholder network --------------------------------------------------------------------


@dataclass(frozen=True)
class _Network:
    """The input made tidy: labels cleaned, nodes ordered, bad edges dropped."""

    centre: FigureNode | None
    ring: tuple[FigureNode, ...]
    nodes: tuple[FigureNode, ...]  # centre first, then the ring
    groups: tuple[str, ...]  # distinct groups of the ring, sorted
    edges: tuple[FigureEdge, ...]


def _explicit_numbers(numbers: Sequence[int | None]) -> bool:
    """The caller's numbers are usable: all given, all different."""
    given = [n for n in numbers if n is not None]
    return len(given) == len(numbers) and len(set(given)) == len(given)


def _prepare_network(nodes: Iterable[FigureNode], edges: Iterable[FigureEdge]) -> _Network:
    seen: dict[str, FigureNode] = {}
    for node in nodes:
        if node.id in seen:
            continue
        seen[node.id] = FigureNode(
            id=node.id,
            label=_clean(node.label) or msg.UNNAMED,
            group=_clean(node.group) or msg.NO_GROUP,
            central=bool(node.central),
            number=node.number,
        )
    centre = next((n for n in seen.values() if n.central), None)
    others = [n for n in seen.values() if n is not centre]
    explicit = _explicit_numbers([n.number for n in others])

    def key(node: FigureNode) -> tuple[_SortKey, int, _SortKey, str]:
        # within a group, the caller's order when it numbers the actors
        number = node.number if explicit and node.number is not None else 0
        return (_natural(node.group), number, _natural(node.label), node.id)

    ring = tuple(sorted(others, key=key))
    if not explicit:
        ring = tuple(
            FigureNode(n.id, n.label, n.group, n.central, i) for i, n in enumerate(ring, start=1)
        )
    ordered = ((centre,) if centre else ()) + ring
    rank = {n.id: i for i, n in enumerate(ordered)}
    groups = tuple(sorted({n.group for n in ring}, key=_natural))

    clean: dict[tuple[str, str, str], FigureEdge] = {}
    for edge in edges:
        if edge.source not in rank or edge.target not in rank or edge.source == edge.target:
            continue
        a, b = sorted((edge.source, edge.target), key=rank.__getitem__)
        label = _clean(edge.label)
        clean.setdefault((a, b, label.casefold()), FigureEdge(a, b, label or None))
    ordered_edges = tuple(
        sorted(
            clean.values(),
            key=lambda e: (
                rank[e.source],
                rank[e.target],
                (e.label or "").casefold(),
                e.label or "",
            ),
        )
    )
    return _Network(centre, ring, ordered, groups, ordered_edges)


@dataclass
class _Spot:
    """A ring node placed on the canvas."""

    node: FigureNode
    x: float
    y: float
    angle: float
    r: float
    number: int | None = None
    label: _Block | None = None
    label_rect: Rect | None = None
    label_align: Align = "left"

    @property
    def rect(self) -> Rect:
        pad = self.r * 1.35
        return (self.x - pad, self.y - pad, self.x + pad, self.y + pad)


@dataclass
class _NetLayout:
    width: float
    height: float  # of the diagram, legends excluded
    cx: float
    cy: float
    spots: list[_Spot]
    centre_block: _Block | None
    centre_rect: Rect | None
    numbered: bool


def _angles(net: _Network) -> list[float]:
    """Clockwise from the top, with a gap between groups so that they read as clusters."""
    gap = 0.8 if len(net.groups) > 1 else 0.0
    positions: list[float] = []
    pos = 0.0
    previous: str | None = None
    for node in net.ring:
        if previous is not None and node.group != previous:
            pos += gap
        positions.append(pos)
        pos += 1.0
        previous = node.group
    total = pos + gap
    return [-math.pi / 2 + 2 * math.pi * p / total for p in positions]


def _centre_badge(
    net: _Network, cx: float, cy: float, u: float
) -> tuple[_Block | None, Rect | None]:
    if net.centre is None:
        return None, None
    block = _block(net.centre.label, round(28 * u), 330 * u, 2, bold=True)
    w = block.width + 44 * u
    h = block.height + 30 * u
    return block, (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def _label_box(spot: _Spot, block: _Block, gap: float) -> tuple[Rect, Align]:
    """Put a label outside the ring, on the side the node faces."""
    ux, uy = math.cos(spot.angle), math.sin(spot.angle)
    ax = spot.x + (spot.r * 1.3 + gap) * ux
    ay = spot.y + (spot.r * 1.3 + gap) * uy
    sx = max(-1.0, min(1.0, ux * 2.2))
    sy = max(-1.0, min(1.0, uy * 2.2))
    w, h = block.width, block.height
    cx = ax + sx * w / 2
    cy = ay + sy * h / 2
    rect = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
    if sx >= 1.0:
        return rect, "left"
    if sx <= -1.0:
        return rect, "right"
    return rect, "centre"


def _try_layout(
    net: _Network, u: float, *, numbered: bool, rings: int, radius: float | None = None
) -> _NetLayout | None:
    width = 1600 * u
    margin = 34 * u
    if numbered:
        r = 24 * u
        radius = 560 * u if radius is None else radius
    else:
        r = 21 * u
        radius = _max_label_radius(u) if radius is None else radius
    # labels take the room the ring leaves, up to a comfortable line length
    label_w = min(_NODE_LABEL_W_MAX * u, width / 2 - margin - radius - 14 * u - r * 1.3)
    cx = width / 2
    cy = width  # provisional: the layout is moved up to its content at the end
    inner = radius * 0.64
    spots: list[_Spot] = []
    for k, (node, angle) in enumerate(zip(net.ring, _angles(net), strict=True)):
        rad = inner if rings == 2 and k % 2 == 1 else radius
        spots.append(_Spot(node, cx + rad * math.cos(angle), cy + rad * math.sin(angle), angle, r))
    if numbered:
        # shrink the markers if the ring is too crowded for them
        neighbours = list(itertools.pairwise(spots))
        if len(spots) > 2:
            neighbours.append((spots[-1], spots[0]))
        if rings == 2:
            neighbours += list(zip(spots, spots[2:], strict=False))
        gaps = [math.dist((a.x, a.y), (b.x, b.y)) for a, b in neighbours]
        r = max(9 * u, min(r, min(gaps, default=4 * r) / 2.9))
        for number, spot in enumerate(spots, start=1):
            spot.r = r
            spot.number = spot.node.number if spot.node.number is not None else number
    centre_block, centre_rect = _centre_badge(net, cx, cy, u)
    layout = _NetLayout(width, 2 * width, cx, cy, spots, centre_block, centre_rect, numbered)
    if not numbered:
        bounds = (margin / 2, -math.inf, width - margin / 2, math.inf)
        obstacles: list[Rect] = [s.rect for s in spots]
        if centre_rect is not None:
            obstacles.append(centre_rect)
        for spot in spots:
            block = _block(spot.node.label, round(26 * u), label_w, 2)
            rect, align = _label_box(spot, block, 8 * u)
            if not _inside(rect, bounds):
                return None
            if any(_overlaps(rect, other, 4 * u) for other in obstacles if other != spot.rect):
                return None
            spot.label, spot.label_rect, spot.label_align = block, rect, align
            obstacles.append(rect)
    _fit_height(layout, margin)
    return layout


_NODE_LABEL_W = 270.0
_NODE_LABEL_W_MAX = 340.0


def _max_label_radius(u: float) -> float:
    """The largest ring that leaves room for labels on both sides of the canvas."""
    return 800 * u - 34 * u - _NODE_LABEL_W * u - 14 * u - 21 * u * 1.3


def _fit_height(layout: _NetLayout, margin: float) -> None:
    """Move everything up so that the content starts at ``margin``; set the height."""
    rects = [s.rect for s in layout.spots]
    rects += [s.label_rect for s in layout.spots if s.label_rect is not None]
    if layout.centre_rect is not None:
        rects.append(layout.centre_rect)
    top = min(r[1] for r in rects)
    bottom = max(r[3] for r in rects)
    dy = margin - top
    layout.cy += dy
    for spot in layout.spots:
        spot.y += dy
        if spot.label_rect is not None:
            x0, y0, x1, y1 = spot.label_rect
            spot.label_rect = (x0, y0 + dy, x1, y1 + dy)
    if layout.centre_rect is not None:
        x0, y0, x1, y1 = layout.centre_rect
        layout.centre_rect = (x0, y0 + dy, x1, y1 + dy)
    layout.height = bottom - top + 2 * margin


def _layout_network(net: _Network, u: float) -> _NetLayout:
    """Names next to the nodes if they fit (small ring first), else numbered nodes."""
    n = len(net.ring)
    largest = _max_label_radius(u)
    attempts: list[tuple[bool, int, float | None]] = []
    if n <= 24:
        attempts.append((False, 1, min(largest, max(300 * u, (140 + 30 * n) * u))))
        attempts.append((False, 1, largest))
    if 6 <= n <= 40:
        attempts.append((False, 2, largest))
    attempts.append((True, 1 if n <= 30 else 2, None))
    for numbered, rings, radius in attempts:
        layout = _try_layout(net, u, numbered=numbered, rings=rings, radius=radius)
        if layout is not None:
            return layout
    raise AssertionError("the numbered layout always succeeds")  # pragma: no cover


def _node_point(layout: _NetLayout, spots: dict[str, _Spot], node_id: str) -> tuple[float, float]:
    spot = spots.get(node_id)
    return (spot.x, spot.y) if spot is not None else (layout.cx, layout.cy)


# Where along an edge its label may go, in order of preference. Spokes from the centre are
# measured from the ring, where they are far apart and a label clearly belongs to one.
_EDGE_T = (0.5, 0.42, 0.58, 0.34, 0.66, 0.38, 0.62, 0.46, 0.54, 0.28, 0.72, 0.24, 0.76)
_SPOKE_T = (0.38, 0.3, 0.46, 0.24, 0.54, 0.34, 0.42, 0.2, 0.5, 0.6, 0.16, 0.66)


def _place_edge_labels(
    net: _Network, layout: _NetLayout, u: float
) -> tuple[list[tuple[FigureEdge, str, float, float, Rect]], dict[str, str]]:
    """Where each edge label goes: inline text if all fit, else letter codes."""
    spots = {s.node.id: s for s in layout.spots}
    base: list[Rect] = [s.rect for s in layout.spots]
    base += [s.label_rect for s in layout.spots if s.label_rect is not None]
    if layout.centre_rect is not None:
        base.append(layout.centre_rect)
    bounds = (0.0, 0.0, layout.width, layout.height)
    labelled = [e for e in net.edges if e.label]
    font = _font(round(21 * u))

    def attempt(
        inline: bool, force: bool
    ) -> list[tuple[FigureEdge, str, float, float, Rect]] | None:
        codes: dict[str, str] = {}
        placed: list[tuple[FigureEdge, str, float, float, Rect]] = []
        taken = list(base)
        for edge in labelled:
            assert edge.label is not None
            if inline:
                text = edge.label
                if _length(font, text) > 230 * u:
                    return None
            else:
                text = codes.setdefault(
                    edge.label.casefold(), _code(len(codes), "abcdefghijklmnopqrstuvwxyz")
                )
            x0, y0 = _node_point(layout, spots, edge.source)
            x1, y1 = _node_point(layout, spots, edge.target)
            spoke = edge.source == (net.centre.id if net.centre else None)
            if spoke:
                x0, y0, x1, y1 = x1, y1, x0, y0
            choice: tuple[float, float, Rect] | None = None
            for t in _SPOKE_T if spoke else _EDGE_T:
                x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
                if inline:
                    w, h = _length(font, text) + 14 * u, 30 * u
                    rect = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
                else:
                    rect = _badge_rect(text, x, y, u)
                if _inside(rect, bounds) and not any(_overlaps(rect, o, 3 * u) for o in taken):
                    choice = (x, y, rect)
                    break
            if choice is None:
                if not force:
                    return None
                x, y = x0 + (x1 - x0) * 0.5, y0 + (y1 - y0) * 0.5
                choice = (x, y, _badge_rect(text, x, y, u))
            placed.append((edge, text, *choice))
            taken.append(choice[2])
        return placed

    inline = attempt(inline=True, force=False)
    if inline is not None:
        return inline, {}
    coded = attempt(inline=False, force=True)
    assert coded is not None
    legend: dict[str, str] = {}
    for edge, code, *_ in coded:
        assert edge.label is not None
        legend.setdefault(code, edge.label)
    return coded, legend


def _group_style(net: _Network, group: str) -> tuple[str, str, str]:
    """Shape, colour and letter of a group."""
    index = net.groups.index(group)
    return (
        SHAPES[index % len(SHAPES)],
        PALETTE[index % len(PALETTE)],
        _code(index, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    )


def _network_legends(
    net: _Network, layout: _NetLayout, relations: dict[str, str], width: float, u: float
) -> list[_Legend]:
    legends: list[_Legend] = []
    size = round(24 * u)
    if layout.numbered:
        col_w = width / 3 - _LEGEND_MARKER_W * u - 16 * u
        items: list[_LegendItem] = []
        previous: str | None = None
        for spot in layout.spots:
            shape, colour, _letter = _group_style(net, spot.node.group)
            if spot.node.group != previous:
                header = _block(spot.node.group, size, col_w + _LEGEND_MARKER_W * u, 2, bold=True)
                items.append(_LegendItem(header, header=True))
                previous = spot.node.group
            items.append(
                _LegendItem(
                    _block(spot.node.label, size, col_w, 3), (shape, colour, str(spot.number))
                )
            )
        legends.append(_Legend(msg.NETWORK_LEGEND_ACTORS, items, 3))
    elif net.groups:
        col_w = width / 3 - _LEGEND_MARKER_W * u - 16 * u
        items = [
            _LegendItem(_block(group, size, col_w, 2), _group_style(net, group))
            for group in net.groups
        ]
        legends.append(_Legend(msg.NETWORK_LEGEND_GROUPS, items, 3))
    if relations:
        col_w = width / 2 - _LEGEND_MARKER_W * u - 16 * u
        items = [
            _LegendItem(_block(label, size, col_w, 3), badge=code)
            for code, label in relations.items()
        ]
        legends.append(_Legend(msg.NETWORK_LEGEND_RELATIONS, items, 2))
    return legends


def network_png(
    nodes: Sequence[FigureNode], edges: Sequence[FigureEdge], *, width_px: int = 1600
) -> bytes:
    """The stakeholder network: the central actor in the middle, the others on one or two
    rings grouped by ``group``, relations as labelled straight lines, and a legend.

    Edges with an unknown endpoint, self-loops and duplicates are ignored. When node labels
    cannot be placed without overlapping, nodes are numbered and listed in the legend.
    """
    width_px = _check_width(width_px, 400)
    u = width_px * _SS / 1600
    net = _prepare_network(nodes, edges)
    if not net.nodes:
        return _message_png(msg.NETWORK_EMPTY, width_px)
    layout = _layout_network(net, u)
    placed_labels, relations = _place_edge_labels(net, layout, u)
    margin = 34 * u
    legend_w = layout.width - 2 * margin
    legends = _network_legends(net, layout, relations, legend_w, u)
    legends_h = _layout_legends(legends, legend_w, u)
    image, draw = _canvas(layout.width, layout.height + legends_h + margin / 2)

    spots = {s.node.id: s for s in layout.spots}
    line_w = max(1, round(2.6 * u))
    for edge in net.edges:
        draw.line(
            (*_node_point(layout, spots, edge.source), *_node_point(layout, spots, edge.target)),
            fill=EDGE_LINE,
            width=line_w,
        )
    edge_font = _font(round(21 * u))
    for _edge, text, x, y, rect in placed_labels:
        if relations:
            _draw_badge(draw, text, x, y, u)
        else:
            draw.rounded_rectangle(
                rect, radius=6 * u, fill=WHITE, outline=RULE, width=max(1, round(1.5 * u))
            )
            draw.text((x, y), text, font=edge_font, fill=EDGE_TEXT, anchor="mm")
    for spot in layout.spots:
        shape, colour, letter = _group_style(net, spot.node.group)
        text = str(spot.number) if spot.number is not None else letter
        _draw_marker(draw, shape, colour, spot.x, spot.y, spot.r, text, u)
        if spot.label is not None and spot.label_rect is not None:
            x = {"left": spot.label_rect[0], "right": spot.label_rect[2]}.get(
                spot.label_align, (spot.label_rect[0] + spot.label_rect[2]) / 2
            )
            _draw_block(
                draw, spot.label, x, spot.label_rect[1], spot.label_align, INK, halo=round(3 * u)
            )
    if layout.centre_block is not None and layout.centre_rect is not None:
        draw.rounded_rectangle(
            layout.centre_rect, radius=16 * u, fill=CENTRE_FILL, outline=WHITE, width=round(3 * u)
        )
        _draw_block(
            draw,
            layout.centre_block,
            layout.cx,
            layout.cy - layout.centre_block.height / 2,
            "centre",
            WHITE,
        )
    _draw_legends(draw, legends, margin, layout.height, legend_w, u)
    return _encode(image, width_px)


def network_alt_text(nodes: Sequence[FigureNode], edges: Sequence[FigureEdge]) -> str:
    """Italian alt text: counts, the actor at the centre, groups and the main relations."""
    net = _prepare_network(nodes, edges)
    if not net.nodes:
        return msg.NETWORK_ALT_EMPTY
    relations = (
        _count_phrase(len(net.edges), msg.RELATIONS_ONE, msg.RELATIONS_MANY)
        if net.edges
        else msg.RELATIONS_NONE
    )
    actors = _count_phrase(len(net.nodes), msg.ACTORS_ONE, msg.ACTORS_MANY)
    sentences = [msg.NETWORK_ALT_INTRO.format(actors=actors, relations=relations)]
    if net.centre is not None:
        centre_id = net.centre.id
        linked = {
            e.target if e.source == centre_id else e.source
            for e in net.edges
            if centre_id in (e.source, e.target)
        }
        if linked:
            sentences.append(
                msg.NETWORK_ALT_CENTRE.format(
                    centre=_shorten(net.centre.label),
                    linked=_count_phrase(len(linked), msg.ACTORS_ONE, msg.ACTORS_MANY),
                )
            )
        else:
            sentences.append(msg.NETWORK_ALT_CENTRE_ALONE.format(centre=_shorten(net.centre.label)))
    else:
        sentences.append(msg.NETWORK_ALT_NO_CENTRE)
    counts: dict[str, int] = {}
    for node in net.nodes:
        counts[node.group] = counts.get(node.group, 0) + 1
    by_size = sorted(counts.items(), key=lambda kv: (-kv[1], _natural(kv[0])))
    sentences.append(
        msg.NETWORK_ALT_GROUPS.format(
            groups=_join([msg.NETWORK_ALT_GROUP.format(group=g, count=c) for g, c in by_size])
        )
    )
    if net.edges:
        labels: dict[str, str] = {n.id: n.label for n in net.nodes}
        hub = net.centre.id if net.centre else None
        main = sorted(net.edges, key=lambda e: hub not in (e.source, e.target))[:5]
        described = []
        for edge in main:
            values = {
                "source": _shorten(labels[edge.source]),
                "target": _shorten(labels[edge.target]),
            }
            if edge.label:
                described.append(
                    msg.NETWORK_ALT_RELATION_LABEL.format(label=_shorten(edge.label), **values)
                )
            else:
                described.append(msg.NETWORK_ALT_RELATION.format(**values))
        more = len(net.edges) - len(main)
        if more:
            described.append(
                msg.NETWORK_ALT_MORE_RELATION
                if more == 1
                else msg.NETWORK_ALT_MORE_RELATIONS.format(count=more)
            )
        sentences.append(msg.NETWORK_ALT_RELATIONS.format(relations=_join(described)))
    return " ".join(sentences)


def _shorten(text: str, limit: int = 60) -> str:
    """A name cut for the alt text, which should stay short (the table has it whole)."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + msg.ELLIPSIS


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
    width_px = _check_width(width_px, 400)
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
    image, draw = _canvas(width, axis_bottom + legends_h + 20 * u)

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


def power_interest_alt_text(points: Sequence[GridPoint]) -> str:
    """Italian alt text: how many actors, and who is in each quadrant."""
    pts = _prepare_points(points)
    if not pts:
        return msg.GRID_ALT_EMPTY
    sentences = [
        msg.GRID_ALT_INTRO.format(
            actors=_count_phrase(len(pts), msg.ACTORS_ONE, msg.ACTORS_MANY), threshold=HIGH_FROM
        )
    ]
    for key in QUADRANT_KEYS:
        members = [_shorten(p.label) for p in pts if p.quadrant == key]
        name = msg.GRID_ALT_QUADRANTS[key]
        if not members:
            sentences.append(msg.GRID_ALT_QUADRANT_EMPTY.format(quadrant=name))
            continue
        shown = members[:6]
        names = list(shown)
        more = len(members) - len(shown)
        if more:
            names.append(
                msg.GRID_ALT_MORE_ACTOR
                if more == 1
                else msg.GRID_ALT_MORE_ACTORS.format(count=more)
            )
        sentences.append(
            msg.GRID_ALT_QUADRANT.format(
                quadrant=name,
                actors=_count_phrase(len(members), msg.ACTORS_ONE, msg.ACTORS_MANY),
                names=_join(names),
            )
        )
    return " ".join(sentences)
