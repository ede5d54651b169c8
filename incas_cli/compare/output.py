"""The comparison written out: a document through the pipeline (docx, PDF, ODT), or a
workbook of the same tables (XLSX, one sheet per table, numbers as numbers). Both stream
the tables with a row per plan from the comparison's files: the docx writer writes them
into the saved package row by row (:mod:`incas_cli.writers.docx_stream`), the workbook is
in openpyxl's write-only mode; the PDF and ODT are LibreOffice's conversion of that docx
(which LibreOffice, and the PDF's tags, hold whole)."""

from __future__ import annotations

import contextlib
import io
import itertools
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from incas_cli.compare import Comparison
    from incas_cli.pipeline import CompareFormat, Notice


def write_comparison(
    comparison: Comparison, path: Path, fmt: CompareFormat, *, force: bool = False
) -> tuple[Notice, ...]:
    """Write ``comparison`` to ``path`` (``-``: stdout); the pipeline's warnings come back."""
    from incas_cli.catalog import load_catalog
    from incas_cli.compare.tables import comparison_tables

    tables = comparison_tables(comparison, load_catalog())
    if fmt == "xlsx":
        from incas_cli.export.tables import Field, TableSpec
        from incas_cli.export.writers import write_xlsx

        sheets = []
        for table in tables.values():
            fields = tuple(Field(c.header, c.type) for c in table.columns)
            total = [table.total] if table.total is not None else []
            sheets.append((TableSpec(table.sheet, fields, ()), itertools.chain(table.rows, total)))
        with _writer(path, force=force) as handle:
            write_xlsx(handle, sheets)
        return ()
    from incas_cli.document.compare import compare_document
    from incas_cli.pipeline import Target, convert_docx, produce_document
    from incas_cli.publish.session import office_session
    from incas_cli.writers.docx_stream import write_long_tables

    document, long_tables = compare_document(
        tables, plans=len(comparison.plans), total=comparison.total, date=None
    )
    # the document without the rows of its long tables (no index: nothing LibreOffice
    # would have to lay out), then those rows streamed in as it is written out
    produced = produce_document(document, Target(format="docx"))
    if fmt == "docx":
        with _writer(path, force=force) as handle:
            write_long_tables(produced.data, long_tables, handle)
        return produced.warnings
    whole = io.BytesIO()  # compressed: LibreOffice reads it all anyway
    write_long_tables(produced.data, long_tables, whole)
    # the PDF's tags name the cells of every row: the document with its rows, for them
    full = {id(long.table): replace(long.table, rows=tuple(long.rows())) for long in long_tables}
    tagged = replace(document, blocks=tuple(full.get(id(b), b) for b in document.blocks))
    with office_session():
        converted = convert_docx(whole.getvalue(), tagged, Target(format=fmt))
    with _writer(path, force=force) as handle:
        handle.write(converted)
    return produced.warnings


def _writer(path: Path, *, force: bool) -> contextlib.AbstractContextManager[IO[bytes]]:
    """Where the comparison goes: stdout for ``-``, else the file, atomically."""
    from incas_cli.io import atomic_writer, stdout_writer

    return stdout_writer() if path == Path("-") else atomic_writer(path, force=force)
