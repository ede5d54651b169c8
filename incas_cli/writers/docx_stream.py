"""Long tables streamed into a .docx: a table with a row per plan of thousands of plans
never held whole in memory.

The document is written as any other (:func:`~incas_cli.writers.docx.write_docx`), each
long table in it with its header and total but no data rows. :func:`write_long_tables`
then writes that package again to a file: every part copied as it is, except the main
document part, whose XML is written in pieces. Each long table is rebuilt there by the
same code as any table (:mod:`~incas_cli.writers.docx_table`): its column widths from one
pass over its rows, which keeps only the lines that decide them, and the symbols its alt
text explains from another; then its rows, made one at a time from a last pass, serialized
and let go. The bytes are those that writing the
whole table in memory would give (same widths, same rows, the header repeated, the title
for screen readers), and the same rows always give the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Protocol

from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from lxml import etree

from incas_cli.writers import docx_xml as xml
from incas_cli.writers import package
from incas_cli.writers import styles as st
from incas_cli.writers.docx_table import TABLE_FONT_PT, table_rows, table_start, table_widths

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement

    from incas_cli.document.model import Cell, Table

_MARK = "incas-rows"
_PLACE = re.compile(rb"<\?" + _MARK.encode() + rb" (\d+)\?>")
_DECLARATIONS = re.compile(rb'^<w:tr((?: xmlns(?::[\w.-]+)?="[^"]*")+)')


class LongTable(Protocol):
    """A table of the document whose rows come later, read twice (widths, then rows)."""

    @property
    def table(self) -> Table:
        """The table as the document has it: columns, title, total; no data rows."""
        ...

    @property
    def count(self) -> int:
        """How many rows :meth:`rows` gives."""
        ...

    def rows(self) -> Iterable[Sequence[Cell]]:
        """Every data row, in order, each time it is called."""
        ...


def write_long_tables(docx: bytes, tables: Sequence[LongTable], out: IO[bytes]) -> None:
    """``docx`` (from the docx writer, each of ``tables`` written in it without data rows)
    written to ``out`` with every row of ``tables``; ``out`` must be seekable (a file)."""
    from docx import Document as open_document

    document = open_document(io.BytesIO(docx))
    styles = xml.Styles(document)
    font_pt = styles.font_size(st.TABLE_TEXT, TABLE_FONT_PT)
    placed = [
        _place(document.element.body, long, index, styles, font_pt)
        for index, long in enumerate(tables)
    ]
    pieces = _PLACE.split(serialize_part_xml(document.element))
    main = str(document.part.partname).lstrip("/")
    with (
        zipfile.ZipFile(io.BytesIO(docx)) as source,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = package.entry_info(info.filename)
            if info.filename != main:
                target.writestr(entry, source.read(info), compresslevel=package.ZIP_LEVEL)
                continue
            with target.open(entry, "w") as part:
                part.write(pieces[0])
                for k in range(1, len(pieces), 2):
                    long, tbl, widths = placed[int(pieces[k])]
                    _write_rows(part, tbl, long, widths, styles)
                    part.write(pieces[k + 1])


def _place(
    body: BaseOxmlElement, long: LongTable, index: int, styles: xml.Styles, font_pt: float
) -> tuple[LongTable, BaseOxmlElement, list[int]]:
    """Rebuild ``long``'s table in place up to its header, its column widths from every row,
    with a mark where its rows go; the table is found by its title (one table per title)."""
    title = package.clean(long.table.title)
    found = [
        tbl
        for tbl in body.iter(qn("w:tbl"))
        if (caption := tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")) is not None
        and caption.get(xml.W_VAL) == title
    ]
    if len(found) != 1:
        raise ValueError(f"{len(found)} tables titled {title!r} in the document, not one")
    old = found[0]
    # the text width where the table stands: its columns add up to it
    width = sum(int(col.get(qn("w:w")) or 0) for col in old.iter(qn("w:gridCol")))
    widths = table_widths(long.table, long.rows(), width=width, font_pt=font_pt)
    tbl = table_start(long.table, styles, widths, long.rows())
    tbl.append(etree.ProcessingInstruction(_MARK, str(index)))
    parent = old.getparent()
    assert parent is not None
    parent.replace(old, tbl)
    return long, tbl, widths


def _write_rows(
    part: IO[bytes],
    tbl: BaseOxmlElement,
    long: LongTable,
    widths: Sequence[int],
    styles: xml.Styles,
) -> None:
    written = 0
    for tr in table_rows(tbl, long.table, long.rows(), long.count, widths, styles):
        data = etree.tostring(tr, encoding="UTF-8", xml_declaration=False)
        # a row serialized alone declares the namespaces in scope, which the document
        # declares already (its own elements declare none)
        match = _DECLARATIONS.match(data)
        if match is not None:
            data = b"<w:tr" + data[match.end(1) :]
        part.write(data)
        tbl.remove(tr)
        written += 1
    expected = long.count + (long.table.total is not None)
    if written != expected:
        raise ValueError(f"table {long.table.title!r}: {written} rows written, not {expected}")
