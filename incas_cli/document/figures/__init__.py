"""The document's figures: the stakeholder network and the power/interest grid, as PNG bytes.

Pure functions from small value objects to image bytes, so the outline owns the plan
and this module owns the drawing. Same input, same bytes: nodes, groups and edges are put
in a fixed order, nothing reads the clock, and the PNG carries no metadata but its
resolution (set so that the natural width is 16 cm, the text width of an A4 page).

Pillow does not antialias shapes, so the grid is drawn at ``_SS`` times the final size and
reduced at the end; the network is drawn at its final size, which the document sets at
300 dpi of its printed width, where unsmoothed steps do not show (``network.SUPERSAMPLING``).
Geometry is expressed in "design pixels" for the default width and multiplied by a unit
``u`` (device pixels per design pixel on the canvas).

When labels would collide, the figures switch to numbered markers with a numbered legend
(the whole figure at once, so a reader never has to guess which convention a point uses);
relation labels that do not fit along their line become letter codes explained in a
legend. Text is Italian and lives in :mod:`incas_cli.messages.figures`.

The caller may number the actors itself (``FigureNode.number``, ``GridPoint.number``), so
that an actor has the same number in both figures and in the document's tables; without
numbers (or with missing or repeated ones) each figure numbers its actors in its own order.
"""

from incas_cli.document.figures.alt_text import network_alt_text, power_interest_alt_text
from incas_cli.document.figures.grid import power_interest_png
from incas_cli.document.figures.network import network_png
from incas_cli.document.figures.values import (
    CENTRE_FILL,
    EDGE_LINE,
    EDGE_TEXT,
    FRAME,
    GRID_LINE,
    HIGH_FROM,
    INK,
    MUTED,
    PALETTE,
    QUADRANT_COLOURS,
    QUADRANT_KEYS,
    QUADRANT_LABELS,
    RULE,
    SHAPES,
    WHITE,
    FigureEdge,
    FigureNode,
    GridPoint,
    clamp_score,
    power_interest_quadrant,
    power_interest_quadrant_key,
)

__all__ = [
    "CENTRE_FILL",
    "EDGE_LINE",
    "EDGE_TEXT",
    "FRAME",
    "GRID_LINE",
    "HIGH_FROM",
    "INK",
    "MUTED",
    "PALETTE",
    "QUADRANT_COLOURS",
    "QUADRANT_KEYS",
    "QUADRANT_LABELS",
    "RULE",
    "SHAPES",
    "WHITE",
    "FigureEdge",
    "FigureNode",
    "GridPoint",
    "clamp_score",
    "network_alt_text",
    "network_png",
    "power_interest_alt_text",
    "power_interest_png",
    "power_interest_quadrant",
    "power_interest_quadrant_key",
]
