"""How wide text is on the page, and how wide table columns should be.

Word and LibreOffice lay tables out themselves, but a fixed-layout table (the only kind
whose columns do not jump around between office suites) takes its column widths from the
document. They are computed here from the content: a column is never narrower than its
longest word (so no word is broken in the middle, "Coinvolgim/ento") and the rest of the
page width goes to the columns with the most text.

Widths are estimated with the Helvetica metrics (Arial and Liberation Sans, the fonts of
the reference document, share them); characters outside ASCII use the metrics of their
base letter (``à`` as ``a``) or a generous default, so the estimate errs on the wide side.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

_BREAKS = re.compile("[ \t\n]+")  # not the no-break space: "1.000,00\u00a0€" is one word
TWIPS_PER_POINT = 20
TWIPS_PER_CM = 567

# Advance widths (1/1000 em) of ASCII 32..126, from the Adobe Helvetica AFM files.
_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)  # fmt: skip
_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
)  # fmt: skip
_SPECIAL = {
    "€": 556,
    "–": 556,
    "—": 1000,
    "«": 556,
    "»": 556,
    "°": 400,
    "×": 584,
    "’": 278,
    "‘": 278,
    "…": 1000,
    "●": 750,
    "○": 750,
    "◆": 750,
    "\u00a0": 278,
}
_WIDE = 1000  # CJK, emoji and other wide characters
_DEFAULT = 600  # any other character: a little wider than an average letter
SAFETY = 1.06
"""Estimates are multiplied by this: better a column a little too wide than a broken word."""


@lru_cache(maxsize=4096)
def _char_width(char: str, bold: bool) -> int:
    table = _BOLD if bold else _REGULAR
    code = ord(char)
    if 32 <= code <= 126:
        return table[code - 32]
    if char in _SPECIAL:
        return _SPECIAL[char]
    base = unicodedata.normalize("NFD", char)[:1]
    if base and base != char and 32 <= ord(base) <= 126:
        return table[ord(base) - 32]
    if unicodedata.east_asian_width(char) in ("W", "F") or unicodedata.category(char) == "So":
        return _WIDE
    return _DEFAULT


@lru_cache(maxsize=16384)
def text_twips(text: str, size_pt: float, *, bold: bool = False) -> int:
    """Estimated width of ``text`` on one line, in twips (1/20 pt)."""
    units = sum(_char_width(c, bold) for c in text)
    return round(units * size_pt * TWIPS_PER_POINT * SAFETY / 1000)


QUALIFIER_CHARS = 6
"""A short parenthesised qualifier of a header ("(1-5)", "(€)") stays on the line of the
word before it: "Interesse (1-5)" never breaks as "Interesse (1-" / "5)"."""

WORD_FLOOR = 500
"""A word is taken as at least this wide per character (1/1000 em), 570 in bold: words of
narrow letters ("Partecipanti") still get the room of an average word, so a template with
a slightly wider font than Arial does not break them."""
WORD_FLOOR_BOLD = 570


@lru_cache(maxsize=16384)
def longest_word_twips(text: str, size_pt: float, *, bold: bool = False) -> int:
    """Width of the widest word of ``text`` (words break only at spaces and hyphens)."""
    floor = (WORD_FLOOR_BOLD if bold else WORD_FLOOR) * size_pt * TWIPS_PER_POINT / 1000
    widest = 0
    for word in _BREAKS.split(text):
        for piece in _hyphen_pieces(word):
            width = max(text_twips(piece, size_pt, bold=bold), round(len(piece) * floor))
            widest = max(widest, width)
    return widest


def header_unit_twips(header: str, size_pt: float) -> int:
    """Width (bold) of the widest unit of a header that must not break: a word, or a word
    with the short parenthesised qualifier that follows it."""
    units: list[str] = []
    for token in _BREAKS.split(header):
        if units and token.startswith("(") and len(token) <= QUALIFIER_CHARS:
            units[-1] = f"{units[-1]} {token}"
        else:
            units.append(token)
    floor = WORD_FLOOR_BOLD * size_pt * TWIPS_PER_POINT / 1000
    return max(
        (max(text_twips(u, size_pt, bold=True), round(len(u) * floor)) for u in units),
        default=0,
    )


def _hyphen_pieces(word: str) -> list[str]:
    """Office suites may break after a hyphen: ``socio-lavorativa`` -> ``socio-``, ``lavorativa``.

    A hyphen between digits (``1-5``) or a leading one is not a break.
    """
    pieces: list[str] = []
    start = 0
    for i, char in enumerate(word):
        if (
            char == "-"
            and 0 < i < len(word) - 1
            and not (word[i - 1].isdigit() and word[i + 1].isdigit())
        ):
            pieces.append(word[start : i + 1])
            start = i + 1
    pieces.append(word[start:])
    return pieces


@dataclass(frozen=True)
class ColumnText:
    """What a column holds: its header and the lines of its cells, for sizing."""

    header: str
    lines: Sequence[str] = ()
    bold_lines: Sequence[str] = ()
    """Cells written in bold (a total row, the label column of a card)."""
    fixed_twips: int | None = None
    """A width chosen by the caller (calendar months, marks), not from the content."""


def column_widths(
    columns: Sequence[ColumnText],
    total: int,
    *,
    size_pt: float,
    padding: int,
    max_word_twips: int | None = None,
) -> list[int]:
    """Column widths in twips summing exactly to ``total``, sized to the content.

    Like a browser's automatic table layout: each column gets at least its widest word
    (header in bold, with a short qualifier such as "(1-5)") plus ``padding``; the rest of
    the width is shared by what each column still lacks to put its longest line on one line
    (damped, see :func:`_fill`), and what is left after that by width. Words longer
    than ``max_word_twips`` (a pasted URL, a 500-letter test string) do not claim their
    whole width. If even the widest words do not fit, every column shrinks in proportion.
    """
    if not columns:
        return []
    cap = max_word_twips if max_word_twips is not None else total // 2
    minimum: list[float] = []
    desired: list[float] = []
    for column in columns:
        if column.fixed_twips is not None:
            minimum.append(column.fixed_twips)
            desired.append(column.fixed_twips)
            continue
        bold = [column.header, *column.bold_lines]
        word = max(
            [header_unit_twips(column.header, size_pt)]
            + [longest_word_twips(text, size_pt, bold=True) for text in bold]
            + [longest_word_twips(text, size_pt) for text in column.lines]
        )
        line = max(
            [text_twips(text, size_pt, bold=True) for text in bold]
            + [text_twips(text, size_pt) for text in column.lines]
        )
        low = min(word, cap) + padding
        minimum.append(low)
        desired.append(max(low, line + padding))
    if sum(minimum) >= total:
        return _integers([m * total / sum(minimum) for m in minimum], total)
    widths = _fill(minimum, desired, total, damped=True)
    spare = total - sum(widths)
    if spare > 0:  # everything fits on one line: the text columns share the rest
        flexible = [c.fixed_twips is None for c in columns]
        weight = sum(w for w, f in zip(widths, flexible, strict=True) if f)
        if weight:
            widths = [
                w + spare * w / weight if f else w for w, f in zip(widths, flexible, strict=True)
            ]
    return _integers(widths, total)


def _fill(
    current: Sequence[float], target: Sequence[float], total: int, *, damped: bool = False
) -> list[float]:
    """Grow each column towards its target with the width left, never past it.

    Undamped, each column gets the same fraction of what it lacks. Damped, shares follow
    the square root of what is lacking, so one column of long text does not take the whole
    page from columns that need a little more to fit their lines.
    """
    widths = list(current)
    for _ in range(len(widths) + 1):
        spare = total - sum(widths)
        lacking = [max(0.0, t - w) for w, t in zip(widths, target, strict=True)]
        if spare <= 0.5 or not any(lacking):
            break
        if sum(lacking) <= spare:
            return [max(w, t) for w, t in zip(widths, target, strict=True)]
        weights = [math.sqrt(x) if damped else x for x in lacking]
        whole = sum(weights)
        grown = [
            w + min(x, spare * k / whole) for w, x, k in zip(widths, lacking, weights, strict=True)
        ]
        widths = grown
    return widths


def _integers(widths: Sequence[float], total: int) -> list[int]:
    """Whole twips that add up to ``total`` (largest remainders get the leftovers)."""
    floors = [int(w) for w in widths]
    left = total - sum(floors)
    order = sorted(range(len(widths)), key=lambda i: (-(widths[i] - floors[i]), i))
    for i in order[: max(0, left)]:
        floors[i] += 1
    return floors
