"""Data tables of the docx writer: a :class:`~incas_cli.document.model.Table` as ``w:tbl``.

One header row that repeats on every page (``w:tblHeader``), rows that do not split
(``w:cantSplit``) and never leave one row alone on a page (:func:`_keepers`), no merged
or nested cells, fixed layout at the full text width, a title for screen readers
(``w:tblCaption``) and, when cells hold symbols, what they stand for (``w:tblDescription``:
Word has no alt text for a run); columns sized to their content, never narrower than their
longest word (:mod:`~incas_cli.writers.measure`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from incas_cli.document.model import Cell, Column, Mark, Table, plain
from incas_cli.messages import render as msg
from incas_cli.writers import package
from incas_cli.writers import styles as st
from incas_cli.writers.docx_xml import W_VAL, element, sub
from incas_cli.writers.measure import ColumnText, column_widths, longest_word_twips, text_twips

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement

    from incas_cli.writers.docx_xml import Styles

NO_CELL_MARGIN = 28  # twips, for narrow calendar columns
CELL_PADDING = 2 * 85 + 30  # the table style's left and right cell margins, and some air
COMPACT_PADDING = 2 * NO_CELL_MARGIN + 30
TABLE_FONT_PT = 9.5  # "Testo tabella" of the reference document
_FILLS = {"active": st.SHADE_FILL, "review": st.REVIEW_FILL}


def table_element(
    table: Table, styles: Styles, *, width: int, font_pt: float, keep_last: bool = False
) -> BaseOxmlElement:
    """The ``w:tbl`` of ``table`` for a text ``width`` in twips (without its caption);
    ``keep_last``: its last row keeps with what follows (the note that explains it)."""
    widths = table_widths(table, table.rows, width=width, font_pt=font_pt)
    tbl = table_start(table, styles, widths)
    rows = table_rows(tbl, table, table.rows, len(table.rows), widths, styles, keep_last=keep_last)
    for _ in rows:
        pass
    return tbl


def table_start(
    table: Table,
    styles: Styles,
    widths: Sequence[int],
    rows: Iterable[Sequence[Cell]] | None = None,
) -> BaseOxmlElement:
    """A ``w:tbl`` up to its header row: properties, column grid, header (no data rows);
    ``rows``: the data rows when they stream (else ``table.rows``), read for the symbols
    the alt text explains."""
    tbl = element("w:tbl")
    _tbl_pr(tbl, table, styles, table.rows if rows is None else rows)
    grid = sub(tbl, "w:tblGrid")
    for w in widths:
        sub(grid, "w:gridCol", {"w:w": str(w)})
    if table.header_row:
        headers: tuple[Cell, ...] = tuple(c.header for c in table.columns)
        _row(tbl, headers, table.columns, widths, styles, header=True)
    return tbl


def table_rows(
    tbl: BaseOxmlElement,
    table: Table,
    rows: Iterable[Sequence[Cell]],
    count: int,
    widths: Sequence[int],
    styles: Styles,
    *,
    keep_last: bool = False,
) -> Iterator[BaseOxmlElement]:
    """Append the data rows (``count`` of them, from ``rows``) and the total row of
    ``table`` to ``tbl`` one at a time, yielding each ``w:tr`` once appended: a caller
    that streams the document may serialize it and take it out again. With
    ``keep_last`` the table's last row keeps with the paragraph after the table."""
    keepers = _keepers(count, total=table.total is not None)
    if keep_last and table.total is None:
        keepers.add(count - 1)
    for index, row in enumerate(rows):
        yield _row(
            tbl,
            row,
            table.columns,
            widths,
            styles,
            label_column=table.row_headers,
            keep_with_next=index in keepers,
        )
    if table.total is not None:
        yield _row(
            tbl, table.total, table.columns, widths, styles, bold=True, keep_with_next=keep_last
        )


def _keepers(count: int, *, total: bool) -> set[int]:
    """The data rows (0-based) that keep with the next row, so that no page holds a table's
    header with one row, or one row alone (the total counts as a row).

    Rows never split (``w:cantSplit``), and a row whose first paragraph keeps with the next
    is moved with the row after it, in Word and in LibreOffice (its "table row keep", on
    for Word documents: it reads the first cell's first paragraph). The first row keeps
    with the second; the two rows before the last keep with it, since LibreOffice, once
    a page is laid out, may pull one kept row back to the page before.
    """
    last = count if total else count - 1  # index of the table's last row
    return {0, last - 2, last - 1} & set(range(last))


def table_widths(
    table: Table, rows: Iterable[Sequence[Cell]], *, width: int, font_pt: float
) -> list[int]:
    """Twips per column of ``table`` with the data ``rows`` (``table.rows``, or rows that
    stream), adding up to ``width``, from what each column holds. One pass over the rows,
    keeping per column only the lines that decide its width (the widest line and the line
    with the widest word, regular and bold): the widths are those of all the lines."""
    padding = COMPACT_PADDING if table.compact else CELL_PADDING
    columns = table.columns
    regular = [_Widest(font_pt, bold=False) for _ in columns]
    bold = [_Widest(font_pt, bold=True) for _ in columns]
    symbols: set[str] = set()
    first = _Widest(font_pt, bold=table.row_headers)  # row labels are bold
    fixed = [i for i, c in enumerate(columns) if c.fixed]
    for row in rows:
        for index, cell in enumerate(row):
            lines = _cell_lines(cell)
            (bold if table.row_headers and index == 0 else regular)[index].add(lines)
        symbols.update(c.symbol for i in fixed if isinstance(c := row[i], Mark))
        if table.stretch:
            first.add(_cell_lines(row[0])[:1])
    if table.total is not None:
        for index, cell in enumerate(table.total):
            bold[index].add(_cell_lines(cell))
    if _is_card(table):
        return _card_widths(bold[0], width, padding)
    fixed_twips = _fixed_width(table, width, font_pt, padding, symbols, first.line)
    texts = [
        ColumnText(
            column.header,
            regular[index].lines,
            bold_lines=bold[index].lines,
            fixed_twips=fixed_twips if column.fixed else None,
        )
        for index, column in enumerate(columns)
    ]
    return column_widths(texts, width, size_pt=font_pt, padding=padding, max_word_twips=width // 3)


CARD_LABEL_SHARE = 0.32
"""The label column of every key-value card: this share of the text width (the longest
labels, «Responsabile dell'attuazione», on one line; longer ones wrap)."""


def _is_card(table: Table) -> bool:
    """A key-value card: two columns, labels as row headers, no header row."""
    return not table.header_row and table.row_headers and len(table.columns) == 2


def _card_widths(labels: _Widest, width: int, padding: int) -> list[int]:
    """A card's two columns: the labels' :data:`CARD_LABEL_SHARE` of the width (never
    narrower than the longest word of a label, nor wider than half), the values' the rest.
    Neither the values nor the labels a card happens to have move the line between them,
    so every card of the document (each measure's, each need's, the steering body's) lines
    up with the others, page after page."""
    label = max(int(width * CARD_LABEL_SHARE), labels.word_twips + padding)
    label = min(label, width // 2)
    return [label, width - label]


class _Widest:
    """Of the lines seen, the widest one and the one with the widest word (what
    :func:`~incas_cli.writers.measure.column_widths` reads of a column's lines)."""

    def __init__(self, font_pt: float, *, bold: bool) -> None:
        self.font_pt = font_pt
        self.bold = bold
        self.line: tuple[int, str] | None = None
        self.word: tuple[int, str] | None = None

    def add(self, lines: Iterable[str]) -> None:
        for text in lines:
            line = text_twips(text, self.font_pt, bold=self.bold)
            if self.line is None or line > self.line[0]:
                self.line = (line, text)
            word = longest_word_twips(text, self.font_pt, bold=self.bold)
            if self.word is None or word > self.word[0]:
                self.word = (word, text)

    @property
    def word_twips(self) -> int:
        """The widest word seen, in twips (0 before any)."""
        return 0 if self.word is None else self.word[0]

    @property
    def lines(self) -> list[str]:
        return [found[1] for found in (self.line, self.word) if found is not None]


def _fixed_width(
    table: Table,
    width: int,
    font_pt: float,
    padding: int,
    symbols: set[str],
    widest_first: tuple[int, str] | None,
) -> int:
    """One width for the run of fixed columns (months, periods, actions): the widest word
    of their headers and marks; a chart widens them into the room the first column leaves,
    up to twice that (``widest_first``: the widest first line of the first column)."""
    fixed = [i for i, c in enumerate(table.columns) if c.fixed]
    if not fixed:
        return 0
    labels = [table.columns[i].header for i in fixed]
    labels += sorted(symbols)
    narrow = padding + max(
        (longest_word_twips(label, font_pt, bold=True) for label in labels), default=0
    )
    if not table.stretch:
        return narrow
    names = (widest_first[0] if widest_first is not None else 0) + padding
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


_LOOK = {
    "w:val": "0420",
    "w:firstRow": "1",
    "w:lastRow": "0",
    "w:firstColumn": "0",
    "w:lastColumn": "0",
    "w:noHBand": "1",
    "w:noVBand": "1",
}
# a key-value card has no header row: its first column heads each row
_CARD_LOOK = _LOOK | {"w:val": "0480", "w:firstRow": "0", "w:firstColumn": "1"}


def _tbl_pr(
    tbl: BaseOxmlElement, table: Table, styles: Styles, rows: Iterable[Sequence[Cell]]
) -> None:
    pr = sub(tbl, "w:tblPr")
    style_id = styles.id(st.TABLE)
    if style_id:
        sub(pr, "w:tblStyle").set(W_VAL, style_id)
    # the whole text width, whatever the template's margins
    sub(pr, "w:tblW", {"w:w": "5000", "w:type": "pct"})
    sub(pr, "w:tblLayout", {"w:type": "fixed"})
    if table.compact:
        margins = sub(pr, "w:tblCellMar")
        for side in ("left", "right"):
            sub(margins, f"w:{side}", {"w:w": str(NO_CELL_MARGIN), "w:type": "dxa"})
    sub(pr, "w:tblLook", _LOOK if table.header_row else _CARD_LOOK)
    sub(pr, "w:tblCaption").set(W_VAL, package.clean(table.title))
    symbols = symbol_words(table, rows)
    if symbols:
        sub(pr, "w:tblDescription").set(W_VAL, package.clean(symbols))


def symbol_words(table: Table, rows: Iterable[Sequence[Cell]] | None = None) -> str:
    """What the table's symbols stand for (its marks' words, in order of first
    appearance), or "" when it holds none: the table's alt text in Word, which has no
    alt text for the symbol itself."""
    pairs: dict[tuple[str, str], None] = {}
    for row in table.rows if rows is None else rows:
        for cell in row:
            if isinstance(cell, Mark):
                pairs.setdefault((cell.symbol, cell.text))
    if not pairs:
        return ""
    words = "; ".join(msg.TABLE_SYMBOL.format(symbol=s, text=t) for s, t in pairs)
    return msg.TABLE_SYMBOLS.format(pairs=words)


def _row(
    tbl: BaseOxmlElement,
    cells: Sequence[Cell],
    columns: Sequence[Column],
    widths: Sequence[int],
    styles: Styles,
    *,
    header: bool = False,
    bold: bool = False,
    label_column: bool = False,
    keep_with_next: bool = False,
) -> BaseOxmlElement:
    tr = sub(tbl, "w:tr")
    trpr = sub(tr, "w:trPr")
    sub(trpr, "w:cantSplit")
    if header:
        sub(trpr, "w:tblHeader")
    for index, (value, column, width) in enumerate(zip(cells, columns, widths, strict=True)):
        tc = sub(tr, "w:tc")
        tcpr = sub(tc, "w:tcPr")
        sub(tcpr, "w:tcW", {"w:w": str(width), "w:type": "dxa"})
        shaded = isinstance(value, Mark) and value.shaded
        if isinstance(value, Mark) and value.shaded:
            sub(tcpr, "w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": _FILLS[value.tone]})
        # A row label is in the heading style, which keeps with the next paragraph: set
        # off here, or every card (and the blocks after it) would be held on one page.
        keep = False if label_column and index == 0 and not header else None
        if keep_with_next:
            keep = True
        if header or (label_column and index == 0):
            style = st.TABLE_HEADING
        elif shaded:
            style = st.TABLE_MARK
        else:
            style = st.TABLE_TEXT
        if isinstance(value, Mark):
            # A shaded mark is centred in its own style; an unshaded one is text.
            align = "center" if shaded else column.align
            tc.append(styles.paragraph(value.symbol, style, align=align, keep_next=keep))
        elif isinstance(value, tuple):
            for item in value or ("",):
                tc.append(
                    styles.paragraph(item, style, bold=bold, align=column.align, keep_next=keep)
                )
        else:
            tc.append(
                styles.paragraph(
                    value if value is not None else "",
                    style,
                    bold=bold,
                    align=column.align,
                    keep_next=keep,
                )
            )
    return tr
