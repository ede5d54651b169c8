"""The fonts of the figures: DejaVu Sans 2.37, shipped in the package (licence in ``LICENSE``).

The figures never look for fonts on the system, so a figure is the same picture, with the
same accented letters, on every machine. The files are those of Debian's
``fonts-dejavu-core`` 2.37, which LibreOffice and Word see when they open the document.
"""

from __future__ import annotations

import io
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from incas_cli.errors import ExternalToolError
from incas_cli.messages import figures as msg

if TYPE_CHECKING:
    from PIL import ImageFont

FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
"""File name of the regular (``False``) and bold (``True``) face, in this package."""


@lru_cache(maxsize=2)
def _font_bytes(bold: bool) -> bytes:
    return (resources.files(__name__) / FONT_FILES[bold]).read_bytes()


@lru_cache(maxsize=128)
def figure_font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu Sans (bold or not) at ``size`` pixels, from the package's own files."""
    from PIL import ImageFont

    try:
        return ImageFont.truetype(io.BytesIO(_font_bytes(bold)), max(6, size))
    except ImportError as exc:  # Pillow built without FreeType
        raise ExternalToolError(msg.NO_FREETYPE, hint=msg.NO_FREETYPE_HINT) from exc
