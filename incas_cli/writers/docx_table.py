"""Data tables of the docx writer: a :class:`~incas_cli.document.model.Table` as ``w:tbl``.

One header row that repeats on every page (``w:tblHeader``), rows that do not split
(``w:cantSplit``), no merged or nested cells, fixed layout at the full text width, a title
for screen readers (``w:tblCaption``); columns sized to their content, never narrower than
their longest word (:mod:`~incas_cli.writers.measure`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

from incas_cli.document.model import Cell, Column, Mark, Table, plain
from incas_cli.writers import package
from incas_cli.writers import styles as st
from incas_cli.writers.measure import ColumnText, column_widths, longest_word_twips, text_twips

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement

    from incas_cli.writers.docx_xml import Styles

NO_CELL_MARGIN = 28  # twips, for narrow calendar columns
CELL_PADDING = 2 * 85 + 30  # the table style's left and right cell margins, and some air
COMPACT_PADDING = 2 * NO_CELL_MARGIN + 30
TABLE_FONT_PT = 9.5  # "Testo tabella" of the reference document
_FILLS = {"active": st.SHADE_FILL, "review": st.REVIEW_FILL}


def table_element(table: Table, styles: Styles, *, width: int, font_pt: float) -> BaseOxmlElement:
    """The ``w:tbl`` of ``table`` for a text ``width`` in twips (without its caption)."""
    widths = _widths(table, width, font_pt)
    tbl = OxmlElement("w:tbl")
    tbl.append(_tbl_pr(table, styles))
    grid = OxmlElement("w:tblGrid")
    for w in widths:
        col = OxmlElement("w:gridCol")
        col.set(qn("w:w"), str(w))
        grid.append(col)
    tbl.append(grid)
    headers: tuple[Cell, ...] = tuple(c.header for c in table.columns)
    tbl.append(_row(headers, table.columns, widths, styles, header=True))
    for row in table.rows:
        tbl.append(_row(row, table.columns, widths, styles, label_column=table.row_headers))
    if table.total is not None:
        tbl.append(_row(table.total, table.columns, widths, styles, bold=True))
    return tbl


def _widths(table: Table, width: int, font_pt: float) -> list[int]:
    """Twips per column, adding up to ``width``, from what each column holds."""
    padding = COMPACT_PADDING if table.compact else CELL_PADDING
    fixed = _fixed_width(table, width, font_pt, padding)
    texts = []
    for index, column in enumerate(table.columns):
        lines = [line for row in table.rows for line in _cell_lines(row[index])]
        bold = _cell_lines(table.total[index]) if table.total is not None else []
        if table.row_headers and index == 0:
            lines, bold = [], [*bold, *lines]
        texts.append(
            ColumnText(
                column.header,
                lines,
                bold_lines=bold,
                fixed_twips=fixed if column.fixed else None,
            )
        )
    return column_widths(texts, width, size_pt=font_pt, padding=padding, max_word_twips=width // 3)


def _fixed_width(table: Table, width: int, font_pt: float, padding: int) -> int:
    """One width for the run of fixed columns (months, periods, actions): the widest word
    of their headers and marks; a chart widens them into the room the first column leaves,
    up to twice that."""
    fixed = [i for i, c in enumerate(table.columns) if c.fixed]
    if not fixed:
        return 0
    labels = [table.columns[i].header for i in fixed]
    labels += sorted({c.symbol for r in table.rows for i in fixed if isinstance(c := r[i], Mark)})
    narrow = padding + max(
        (longest_word_twips(label, font_pt, bold=True) for label in labels), default=0
    )
    if not table.stretch:
        return narrow
    firsts = [_cell_lines(row[0])[:1] for row in table.rows]
    names = max((text_twips(f[0], font_pt) for f in firsts if f), default=0) + padding
    room = (width - min(names, width // 3)) // len(fixed)
    return max(narrow, min(room, 2 * narrow))


def _cell_lines(cell: Cell) -> list[str]:
    """The paragraphs of a cell as printed, for sizing its column."""
    if cell is None:
        return []
    if isinstance(cell, Mark):
        return [cell.symbol]
    if isinstance(cell, tuple):
        return [plain(item) for item in cell]
    return [plain(cell)]


def _tbl_pr(table: Table, styles: Styles) -> BaseOxmlElement:
    pr = OxmlElement("w:tblPr")
    style_id = styles.id(st.TABLE)
    if style_id:
        tstyle = OxmlElement("w:tblStyle")
        tstyle.set(qn("w:val"), style_id)
        pr.append(tstyle)
    tw = OxmlElement("w:tblW")  # the whole text width, whatever the template's margins
    tw.set(qn("w:w"), "5000")
    tw.set(qn("w:type"), "pct")
    pr.append(tw)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    pr.append(layout)
    if table.compact:
        margins = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            m = OxmlElement(f"w:{side}")
            m.set(qn("w:w"), str(NO_CELL_MARGIN))
            m.set(qn("w:type"), "dxa")
            margins.append(m)
        pr.append(margins)
    look = OxmlElement("w:tblLook")
    for attr, value in (
        ("w:val", "0420"),
        ("w:firstRow", "1"),
        ("w:lastRow", "0"),
        ("w:firstColumn", "0"),
        ("w:lastColumn", "0"),
        ("w:noHBand", "1"),
        ("w:noVBand", "1"),
    ):
        look.set(qn(attr), value)
    pr.append(look)
    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), package.clean(table.title))
    pr.append(caption)
    return pr


def _row(
    cells: Sequence[Cell],
    columns: Sequence[Column],
    widths: Sequence[int],
    styles: Styles,
    *,
    header: bool = False,
    bold: bool = False,
    label_column: bool = False,
) -> BaseOxmlElement:
    tr = OxmlElement("w:tr")
    trpr = OxmlElement("w:trPr")
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))
    tr.append(trpr)
    for index, (value, column, width) in enumerate(zip(cells, columns, widths, strict=True)):
        tc = OxmlElement("w:tc")
        tcpr = OxmlElement("w:tcPr")
        tcw = OxmlElement("w:tcW")
        tcw.set(qn("w:w"), str(width))
        tcw.set(qn("w:type"), "dxa")
        tcpr.append(tcw)
        shaded = isinstance(value, Mark) and value.shaded
        if isinstance(value, Mark) and value.shaded:
            shd = OxmlElement("w:shd")
            shd.set(qn("w:val"), "clear")
            shd.set(qn("w:color"), "auto")
            shd.set(qn("w:fill"), _FILLS[value.tone])
            tcpr.append(shd)
        tc.append(tcpr)
        if header or (label_column and index == 0):
            style = st.TABLE_HEADING
        elif shaded:
            style = st.TABLE_MARK
        else:
            style = st.TABLE_TEXT
        if isinstance(value, Mark):
            # A shaded mark is centred in its own style; an unshaded one is text.
            align = "center" if shaded else column.align
            tc.append(styles.paragraph(value.symbol, style, align=align))
        elif isinstance(value, tuple):
            for item in value or ("",):
                tc.append(styles.paragraph(item, style, bold=bold, align=column.align))
        else:
            tc.append(
                styles.paragraph(
                    value if value is not None else "", style, bold=bold, align=column.align
                )
            )
        tr.append(tc)
    return tr
