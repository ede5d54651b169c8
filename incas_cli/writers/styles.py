"""The styles the document uses, by name, and the colours the docx writer applies directly.

Styles live in ``templates/reference.docx`` (made by ``scripts/make_reference_docx.py``),
not in code. A Comune's own template (``--template``) must define the built-in styles in
:data:`REQUIRED`, which carry its look; the document's own auxiliary styles
(:data:`AUXILIARY`) are copied from the reference document when the template lacks them.

Colours here are the few that depend on data (shaded calendar cells): each is checked for
contrast by the tests, as are the colours of every style of the reference document.
"""

from __future__ import annotations

from typing import Final

NORMAL: Final = "Normal"
TITLE: Final = "Title"
SUBTITLE: Final = "Subtitle"
HEADING: Final = ("Heading 1", "Heading 2", "Heading 3")
LIST_BULLET: Final = "List Bullet"
LIST_NUMBER: Final = "List Number"
CAPTION: Final = "Caption"
TOC_HEADING: Final = "TOC Heading"
HEADER: Final = "Header"
FOOTER: Final = "Footer"

TABLE_TEXT: Final = "Testo tabella"
TABLE_HEADING: Final = "Intestazione tabella"
TABLE_MARK: Final = "Segno tabella"
COVER: Final = "Dati copertina"
DRAFT_MARK: Final = "Marca bozza"
NOTE: Final = "Nota"
FIGURE: Final = "Figura"
PLACEHOLDER: Final = "Segnaposto"  # character style
TABLE: Final = "Tabella incas"  # table style

REQUIRED: Final = (NORMAL, TITLE, *HEADING, LIST_BULLET, LIST_NUMBER, CAPTION)
"""Built-in styles a template must define: they carry the Comune's look."""

AUXILIARY: Final = (
    SUBTITLE,
    TOC_HEADING,
    HEADER,
    FOOTER,
    TABLE_TEXT,
    TABLE_HEADING,
    TABLE_MARK,
    COVER,
    DRAFT_MARK,
    NOTE,
    FIGURE,
    PLACEHOLDER,
    TABLE,
)
"""Styles of the document's own making, copied from the reference when a template lacks them."""

SHADE_FILL: Final = "9DC3E6"
"""Fill of an active month or period in the crop calendar and the Gantt table."""
SHADE_MARK_COLOR: Final = "000000"
"""Colour of the text mark in a shaded cell (so the meaning is not carried by colour alone)."""
REVIEW_FILL: Final = "FFE699"
"""Fill of a monitoring review in the Gantt table."""

WHITE: Final = "FFFFFF"
MIN_TEXT_CONTRAST: Final = 4.5


def relative_luminance(hex_color: str) -> float:
    """WCAG 2.x relative luminance of an ``RRGGBB`` colour."""
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str = WHITE) -> float:
    """WCAG contrast ratio between two ``RRGGBB`` colours (1 to 21)."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)
