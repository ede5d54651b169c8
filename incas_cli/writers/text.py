"""The text writer: a :class:`~incas_cli.document.model.Document` as Markdown.

Headings with ``#``, paragraphs, lists, tables as pipe tables (a mark says its text, not
its symbol; a cell of several lines joins them with `` / ``), figures as their alt text
followed by their data table. For previews and for tests that check what a document says
without opening a .docx.
"""

from __future__ import annotations

from collections.abc import Sequence

from incas_cli.document.model import (
    Annex,
    Block,
    Cell,
    Document,
    Figure,
    Heading,
    HeadingNumbers,
    Inline,
    ItemList,
    Paragraph,
    Section,
    Table,
    Toc,
    plain,
)
from incas_cli.messages import render as msg


def write_text(document: Document) -> str:
    """The whole document as Markdown, annexes included; headings numbered as in the
    docx (``# 4. Rete territoriale e governance``)."""
    numbers = HeadingNumbers()
    chunks = _blocks(document.blocks, numbers)
    for annex in document.annexes:
        chunks.extend(_block(annex, numbers))
    return "\n\n".join(chunks) + "\n"


def _blocks(blocks: Sequence[Block], numbers: HeadingNumbers) -> list[str]:
    return [chunk for block in blocks for chunk in _block(block, numbers)]


def _block(block: Block, numbers: HeadingNumbers) -> list[str]:
    if isinstance(block, Heading):
        return [f"{'#' * block.level} {numbers.text(block)}"]
    if isinstance(block, Paragraph):
        text = _inline(block.content)
        return [f"_{text}_" if block.style == "note" else text]
    if isinstance(block, ItemList):
        return [
            "\n".join(
                f"{f'{n}.' if block.ordered else '-'} {_inline(item)}"
                for n, item in enumerate(block.items, start=1)
            )
        ]
    if isinstance(block, Table):
        return [_table(block)]
    if isinstance(block, Figure):
        figure = [f"[{block.title}: {block.alt}]"]
        return figure + ([_table(block.data)] if block.data is not None else [])
    if isinstance(block, Toc):
        return [f"[{block.title}]"]
    if isinstance(block, Section):
        return _blocks(block.blocks, numbers)
    if isinstance(block, Annex):
        title = msg.ANNEX_HEADING.format(letter=block.letter, title=block.title)
        return [
            *_block(Heading(1, title, numbered=False), numbers),
            *_blocks(block.blocks, numbers),
        ]
    raise TypeError(f"not a block: {block!r}")


def _inline(content: Sequence[Inline]) -> str:
    """Inline pieces one after the other, as a paragraph prints them."""
    return "".join(plain(part) for part in content)


def _table(table: Table) -> str:
    lines = [f"**{table.title}**", ""] if table.caption else []
    lines.append(_row(tuple(c.header for c in table.columns)))
    lines.append(
        "|"
        + "|".join(
            {"left": " --- ", "center": " :-: ", "right": " --: "}[c.align] for c in table.columns
        )
        + "|"
    )
    lines.extend(_row(row) for row in table.rows)
    if table.total is not None:
        lines.append(_row(table.total, bold=True))
    return "\n".join(lines)


def _row(cells: Sequence[Cell], *, bold: bool = False) -> str:
    texts = [_cell(cell) for cell in cells]
    if bold:
        texts = [f"**{t}**" if t else t for t in texts]
    return "| " + " | ".join(texts) + " |"


def _cell(cell: Cell) -> str:
    text = " / ".join(plain(line) for line in cell) if isinstance(cell, tuple) else plain(cell)
    return " ".join(text.replace("|", "\\|").split())
