"""The terminal writer: document-model tables and paragraphs as rich renderables.

``plan status``, ``plan diff``, ``plan build``, ``incas catalog`` and the wizard's summary
build their tables as document-model tables (what they say) and print them through
:func:`rich_table` (how they look in a terminal): the same blocks the Word document is made
of, so a table reads alike on paper and on screen. This is the only module that builds a
rich table; :mod:`incas_cli.console` prints what it returns.

Layout rules, fit for 80 columns: numbers (right-aligned columns) and fixed columns (ids,
codes, states) never wrap, text folds; the caption is the table's title, left-aligned; a
total row is set apart and bold; a mark shows its symbol; a placeholder is styled so an
open field stands out; a tone is a colour (dropped under ``NO_COLOR``: the words say it);
a compact table leaves no padding between columns (rich's head box still draws a space).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from incas_cli.document.model import (
    Cell,
    Mark,
    Paragraph,
    ParagraphStyle,
    Placeholder,
    Run,
    Table,
    Tone,
    plain,
)

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table as RichTable
    from rich.text import Text

__all__ = ["PLACEHOLDER_STYLE", "TONE_STYLES", "rich_block", "rich_table", "rich_text"]

PLACEHOLDER_STYLE = "italic yellow"
MARK_STYLE = "bold"
TITLE_STYLE = "bold"
TONE_STYLES: dict[Tone, str] = {
    "ok": "green",
    "warning": "yellow",
    "error": "bold red",
    "info": "cyan",
    "quiet": "dim",
}
PARAGRAPH_STYLES: dict[ParagraphStyle, str] = {
    "title": "bold",
    "subtitle": "bold",
    "draft": "bold",
    "note": "italic",
}


def rich_text(cell: Cell) -> Text:
    """One cell as rich text (never parsed as markup: plan text may hold brackets)."""
    from rich.text import Text

    if cell is None:
        return Text("")
    if isinstance(cell, str):
        return Text(cell)
    if isinstance(cell, Run):
        styles = [s for s, on in (("bold", cell.bold), ("italic", cell.italic)) if on]
        if cell.tone is not None:
            styles.append(TONE_STYLES[cell.tone])
        return Text(cell.text, style=" ".join(styles))
    if isinstance(cell, Placeholder):
        return Text(plain(cell), style=PLACEHOLDER_STYLE)
    if isinstance(cell, Mark):
        return Text(cell.symbol, style=MARK_STYLE if cell.shaded else "")
    lines = [rich_text(part) for part in cell]
    return Text("\n").join(lines)


def rich_table(table: Table) -> RichTable:
    """``table`` as a rich table, ready for ``Console.print``."""
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    title = table.title if table.caption else ""
    out = RichTable(
        # a Text title keeps its own style (rich ignores title_style for it): bold here
        title=Text(title, style=TITLE_STYLE) if title else None,
        min_width=len(title) or None,  # a narrow table must not fold its title
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 0) if table.compact else (0, 1),
        show_header=table.header_row,
    )
    for i, column in enumerate(table.columns):
        numeric = column.align == "right"
        out.add_column(
            rich_text(column.header),
            justify=column.align,
            no_wrap=numeric or column.fixed,
            overflow="fold",
            style="bold" if table.row_headers and i == 0 else None,
        )
    for row in table.rows:
        out.add_row(*(rich_text(cell) for cell in row))
    if table.total is not None:
        out.add_section()
        out.add_row(*(rich_text(cell) for cell in table.total), style="bold")
    return out


def rich_block(block: Table | Paragraph) -> RenderableType:
    """A table or a paragraph as a rich renderable (a paragraph is one block of text,
    styled by its role: a note in italics, a title in bold)."""
    if isinstance(block, Table):
        return rich_table(block)
    from rich.text import Text

    base = Text("", style=PARAGRAPH_STYLES.get(block.style, ""))
    return base.join(rich_text(part) for part in block.content)
