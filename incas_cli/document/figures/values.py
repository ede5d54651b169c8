"""What the figures draw: actors, relations and grid points, the palette, the quadrants."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from incas_cli.messages import figures as msg

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


# --- print size -----------------------------------------------------------------------------

#: The width the document gives a figure (``writers/docx.py``: 16 cm), in points: a figure is
#: drawn on a canvas ``NETWORK_DESIGN_WIDTH`` design units wide that prints this wide.
PRINT_WIDTH_PT = 16 / 2.54 * 72
#: No text of a figure prints smaller than this (labels, numbers in markers, legends).
MIN_TEXT_PT = 8.0
NETWORK_DESIGN_WIDTH = 1600

#: Print sizes of the network's texts, in points (all at least :data:`MIN_TEXT_PT`).
NETWORK_LABEL_PT = 9.0
NETWORK_CENTRE_PT = 9.5
NETWORK_EDGE_PT = 8.5
NETWORK_LEGEND_PT = 8.5
NETWORK_LEGEND_TITLE_PT = 9.0
NETWORK_NUMBER_PT = 8.5
"""The actor's number inside its marker."""


def print_size(points: float, u: float, design_width: int = NETWORK_DESIGN_WIDTH) -> int:
    """The font size, in canvas pixels, of text that prints at ``points`` when the figure
    (``design_width`` units of ``u`` pixels) is :data:`PRINT_WIDTH_PT` wide."""
    return math.ceil(points / PRINT_WIDTH_PT * design_width * u)


def printed_points(size_px: float, canvas_px: float, printed_width_pt: float) -> float:
    """How large text of ``size_px`` on a canvas ``canvas_px`` wide prints, in points, when
    the picture is ``printed_width_pt`` wide (the check of :data:`MIN_TEXT_PT`)."""
    return size_px / canvas_px * printed_width_pt


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


def _explicit_numbers(numbers: Sequence[int | None]) -> bool:
    """The caller's numbers are usable: all given, all different."""
    given = [n for n in numbers if n is not None]
    return len(given) == len(numbers) and len(set(given)) == len(given)
