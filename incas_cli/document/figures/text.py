"""Text in the figures: the font, cleaning, measuring, wrapping and fitting labels."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from incas_cli.document.figures.values import WHITE
from incas_cli.fonts import figure_font
from incas_cli.formats import join_and
from incas_cli.messages import figures as msg

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont


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
    return join_and(items)
