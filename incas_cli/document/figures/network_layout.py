"""Where the network's actors, labels and relation labels go (no drawing)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass

from incas_cli.document.figures.canvas import _badge_rect
from incas_cli.document.figures.text import (
    Align,
    Rect,
    _Block,
    _block,
    _clean,
    _code,
    _font,
    _inside,
    _length,
    _natural,
    _overlaps,
    _SortKey,
)
from incas_cli.document.figures.values import (
    NETWORK_CENTRE_PT,
    NETWORK_EDGE_PT,
    NETWORK_LABEL_PT,
    NETWORK_NUMBER_PT,
    FigureEdge,
    FigureNode,
    _explicit_numbers,
    print_size,
)
from incas_cli.messages import figures as msg

# --- the stakeholder network --------------------------------------------------------------------


@dataclass(frozen=True)
class _Network:
    """The input made tidy: labels cleaned, nodes ordered, bad edges dropped."""

    centre: FigureNode | None
    ring: tuple[FigureNode, ...]
    nodes: tuple[FigureNode, ...]  # centre first, then the ring
    groups: tuple[str, ...]  # distinct groups of the ring, sorted
    edges: tuple[FigureEdge, ...]


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


def _marker_radius(net: _Network, u: float) -> float:
    """The smallest marker that holds the largest actor number at
    :data:`~incas_cli.document.figures.values.NETWORK_NUMBER_PT` (``_draw_marker`` writes
    up to two characters at 0.95 of the radius, more at 0.75)."""
    digits = max((len(str(n.number)) for n in net.ring if n.number is not None), default=1)
    return print_size(NETWORK_NUMBER_PT, u) / (0.95 if digits <= 2 else 0.75) + 1


def _centre_badge(
    net: _Network, cx: float, cy: float, u: float
) -> tuple[_Block | None, Rect | None]:
    if net.centre is None:
        return None, None
    block = _block(net.centre.label, print_size(NETWORK_CENTRE_PT, u), 360 * u, 2, bold=True)
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
    net: _Network,
    u: float,
    *,
    numbered: bool,
    rings: int,
    radius: float | None = None,
    force: bool = False,
) -> _NetLayout | None:
    width = 1600 * u
    margin = 34 * u
    r = _marker_radius(net, u)  # every marker holds the actor's number
    if numbered:
        radius = 560 * u if radius is None else radius
    else:
        radius = _max_label_radius(net, u) if radius is None else radius
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
        if min(gaps, default=4 * r) / 2.9 < r:
            if not force:
                return None  # markers would overlap: two rings, or a larger ring
            r = max(9 * u, min(gaps) / 2.9)  # only past about 75 related actors
        for number, spot in enumerate(spots, start=1):
            spot.number = spot.node.number if spot.node.number is not None else number
    centre_block, centre_rect = _centre_badge(net, cx, cy, u)
    layout = _NetLayout(width, 2 * width, cx, cy, spots, centre_block, centre_rect, numbered)
    if not numbered:
        bounds = (margin / 2, -math.inf, width - margin / 2, math.inf)
        obstacles: list[Rect] = [s.rect for s in spots]
        if centre_rect is not None:
            obstacles.append(centre_rect)
        for spot in spots:
            block = _block(spot.node.label, print_size(NETWORK_LABEL_PT, u), label_w, 2)
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


def _max_label_radius(net: _Network, u: float) -> float:
    """The largest ring that leaves room for labels on both sides of the canvas."""
    return 800 * u - 34 * u - _NODE_LABEL_W * u - 14 * u - _marker_radius(net, u) * 1.3


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
    largest = _max_label_radius(net, u)
    widest = 800 * u - 34 * u - _marker_radius(net, u) * 1.4
    attempts: list[tuple[bool, int, float | None]] = []
    if n <= 24:
        attempts.append((False, 1, min(largest, max(300 * u, (140 + 30 * n) * u))))
        attempts.append((False, 1, largest))
    if 6 <= n <= 40:
        attempts.append((False, 2, largest))
    attempts += [(True, 1, None), (True, 1, widest), (True, 2, widest)]
    for numbered, rings, radius in attempts:
        layout = _try_layout(net, u, numbered=numbered, rings=rings, radius=radius)
        if layout is not None:
            return layout
    forced = _try_layout(net, u, numbered=True, rings=2, radius=widest, force=True)
    assert forced is not None  # a forced layout always succeeds
    return forced


def _node_point(layout: _NetLayout, spots: dict[str, _Spot], node_id: str) -> tuple[float, float]:
    spot = spots.get(node_id)
    return (spot.x, spot.y) if spot is not None else (layout.cx, layout.cy)


Point = tuple[float, float]
EdgePath = tuple[Point, Point | None, Point]
"""From, control point (None: a straight line), to: a quadratic Bézier curve."""


def _path_point(path: EdgePath, t: float) -> Point:
    (x0, y0), control, (x1, y1) = path
    if control is None:
        return x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
    qx, qy = control
    a, b, c = (1 - t) ** 2, 2 * t * (1 - t), t * t
    return a * x0 + b * qx + c * x1, a * y0 + b * qy + c * y1


def path_points(path: EdgePath, steps: int = 32) -> list[Point]:
    """The path as a polyline (one segment for a straight line)."""
    if path[1] is None:
        return [path[0], path[2]]
    return [_path_point(path, i / steps) for i in range(steps + 1)]


def _crosses(path: EdgePath, rect: Rect) -> bool:
    return any(
        rect[0] <= x <= rect[2] and rect[1] <= y <= rect[3]
        for x, y in (_path_point(path, i / 48) for i in range(1, 48))
    )


def _edge_path(layout: _NetLayout, spots: dict[str, _Spot], edge: FigureEdge, u: float) -> EdgePath:
    """A straight line, or a curve around the centre's box for a relation between two
    other actors whose line would run behind it (the reader would lose it there)."""
    p0 = _node_point(layout, spots, edge.source)
    p1 = _node_point(layout, spots, edge.target)
    rect = layout.centre_rect
    if rect is None or edge.source not in spots or edge.target not in spots:
        return p0, None, p1
    pad = 14 * u
    box = (rect[0] - pad, rect[1] - pad, rect[2] + pad, rect[3] + pad)
    if not _crosses((p0, None, p1), box):
        return p0, None, p1
    (x0, y0), (x1, y1) = p0, p1
    length = math.dist(p0, p1) or 1.0
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    side = (mx - layout.cx) * nx + (my - layout.cy) * ny
    if side < 0:
        nx, ny, side = -nx, -ny, -side
    clearance = math.dist((box[0], box[1]), (box[2], box[3])) / 2
    path: EdgePath = (p0, None, p1)
    for _ in range(6):
        bend = 2 * (clearance - side)
        path = (p0, (mx + nx * bend, my + ny * bend), p1)
        if not _crosses(path, box):
            break
        clearance *= 1.25
    return path


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
    size = print_size(NETWORK_EDGE_PT, u)
    font = _font(size)

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
            path = _edge_path(layout, spots, edge, u)
            spoke = edge.source == (net.centre.id if net.centre else None)
            if spoke:
                path = (path[2], path[1], path[0])
            choice: tuple[float, float, Rect] | None = None
            for t in _SPOKE_T if spoke else _EDGE_T:
                x, y = _path_point(path, t)
                if inline:
                    w, h = _length(font, text) + 14 * u, max(30 * u, size * 1.45)
                    rect = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
                else:
                    rect = _badge_rect(text, x, y, u, size)
                if _inside(rect, bounds) and not any(_overlaps(rect, o, 3 * u) for o in taken):
                    choice = (x, y, rect)
                    break
            if choice is None:
                if not force:
                    return None
                x, y = _path_point(path, 0.5)
                choice = (x, y, _badge_rect(text, x, y, u, size))
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
