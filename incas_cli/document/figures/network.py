"""The stakeholder network as PNG bytes: the layout drawn, with its legends."""

from __future__ import annotations

from collections.abc import Sequence

from incas_cli.document.figures.canvas import (
    _LEGEND_MARKER_W,
    _draw_badge,
    _draw_legends,
    _draw_marker,
    _encode,
    _layout_legends,
    _Legend,
    _LegendItem,
    _message_png,
    check_width,
    new_canvas,
)
from incas_cli.document.figures.network_layout import (
    _edge_path,
    _layout_network,
    _Network,
    _place_edge_labels,
    _prepare_network,
    path_points,
)
from incas_cli.document.figures.text import _block, _draw_block, _font
from incas_cli.document.figures.values import (
    CENTRE_FILL,
    EDGE_LINE,
    EDGE_TEXT,
    INK,
    NETWORK_EDGE_PT,
    NETWORK_LEGEND_PT,
    NETWORK_LEGEND_TITLE_PT,
    PALETTE,
    RULE,
    SHAPES,
    WHITE,
    FigureEdge,
    FigureNode,
    print_size,
)
from incas_cli.messages import figures as msg

SUPERSAMPLING = 1
"""The network is drawn at its final size, not at a multiple of it reduced at the end: the
document asks for it at 300 dpi of its printed width (``document.outline.rete``), where
the steps of lines Pillow does not smooth are 0.08 mm, below what print shows (a screen
scales the picture down, and smooths it), and the canvas is the picture itself."""


def _group_style(net: _Network, group: str) -> tuple[str, str, str]:
    """Shape and colour of a group (its legend marker holds no text: the markers of the
    diagram hold the actors' numbers)."""
    index = net.groups.index(group)
    return SHAPES[index % len(SHAPES)], PALETTE[index % len(PALETTE)], ""


def _network_legends(
    net: _Network, relations: dict[str, str], width: float, u: float
) -> list[_Legend]:
    """The types of actor (shape and colour) and the relations' codes. The actors are
    named beside their markers, or by number in the table of the network's actors."""
    legends: list[_Legend] = []
    size = print_size(NETWORK_LEGEND_PT, u)
    title = print_size(NETWORK_LEGEND_TITLE_PT, u)
    if net.groups:
        col_w = width / 3 - _LEGEND_MARKER_W * u - 16 * u
        items = [
            _LegendItem(_block(group, size, col_w, 2), _group_style(net, group))
            for group in net.groups
        ]
        legends.append(_Legend(msg.NETWORK_LEGEND_GROUPS, items, 3, title_size=title))
    if relations:
        col_w = width / 2 - _LEGEND_MARKER_W * u - 16 * u
        items = [
            _LegendItem(_block(label, size, col_w, 3), badge=code)
            for code, label in relations.items()
        ]
        legends.append(
            _Legend(
                msg.NETWORK_LEGEND_RELATIONS,
                items,
                2,
                title_size=title,
                badge_size=print_size(NETWORK_EDGE_PT, u),
            )
        )
    return legends


def network_png(
    nodes: Sequence[FigureNode], edges: Sequence[FigureEdge], *, width_px: int = 1600
) -> bytes:
    """The stakeholder network: the central actor in the middle, the others on one or two
    rings grouped by ``group``, relations as labelled straight lines, and a legend.

    Edges with an unknown endpoint, self-loops and duplicates are ignored. When node labels
    cannot be placed without overlapping, nodes are numbered and listed in the legend.
    """
    width_px = check_width(width_px, 400)
    u = width_px * SUPERSAMPLING / 1600
    net = _prepare_network(nodes, edges)
    if not net.nodes:
        return _message_png(msg.NETWORK_EMPTY, width_px)
    layout = _layout_network(net, u)
    placed_labels, relations = _place_edge_labels(net, layout, u)
    margin = 34 * u
    legend_w = layout.width - 2 * margin
    legends = _network_legends(net, relations, legend_w, u)
    legends_h = _layout_legends(legends, legend_w, u)
    image, draw = new_canvas(layout.width, layout.height + legends_h + margin / 2, SUPERSAMPLING)

    spots = {s.node.id: s for s in layout.spots}
    line_w = max(1, round(2.6 * u))
    for edge in net.edges:
        points = path_points(_edge_path(layout, spots, edge, u))
        draw.line(points, fill=EDGE_LINE, width=line_w, joint="curve")
    edge_size = print_size(NETWORK_EDGE_PT, u)
    edge_font = _font(edge_size)
    for _edge, text, x, y, rect in placed_labels:
        if relations:
            _draw_badge(draw, text, x, y, u, edge_size)
        else:
            draw.rounded_rectangle(
                rect, radius=6 * u, fill=WHITE, outline=RULE, width=max(1, round(1.5 * u))
            )
            draw.text((x, y), text, font=edge_font, fill=EDGE_TEXT, anchor="mm")
    for spot in layout.spots:
        shape, colour, _ = _group_style(net, spot.node.group)
        number = spot.number if spot.number is not None else spot.node.number
        _draw_marker(draw, shape, colour, spot.x, spot.y, spot.r, str(number or ""), u)
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
    del draw  # it holds the canvas, which _encode frees once reduced
    return _encode(image, width_px, SUPERSAMPLING)
