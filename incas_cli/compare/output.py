"""The comparison written out: a document through the pipeline (docx, PDF, ODT), or a
workbook of the same tables (XLSX, one sheet per table, numbers as numbers)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from incas_cli.compare import Comparison
    from incas_cli.pipeline import Notice

CompareFormat = Literal["docx", "pdf", "odt", "xlsx"]
COMPARE_FORMATS: tuple[CompareFormat, ...] = ("docx", "pdf", "odt", "xlsx")


def write_comparison(
    comparison: Comparison, path: Path, fmt: CompareFormat, *, force: bool = False
) -> tuple[Notice, ...]:
    """Write ``comparison`` to ``path``; the pipeline's warnings come back."""
    from incas_cli.catalog import load_catalog
    from incas_cli.compare.tables import comparison_tables

    tables = comparison_tables(comparison, load_catalog())
    if fmt == "xlsx":
        from incas_cli.export.tables import Field, TableSpec
        from incas_cli.export.writers import write_xlsx

        sheets = []
        for table in tables.values():
            fields = tuple(Field(c.header, c.type) for c in table.columns)
            rows = [*table.rows, *([table.total] if table.total is not None else [])]
            sheets.append((TableSpec(table.sheet, fields, ()), rows))
        write_xlsx(path, sheets, force=force)
        return ()
    from incas_cli.document.compare import compare_document
    from incas_cli.io import atomic_write_bytes
    from incas_cli.pipeline import Target, produce_document
    from incas_cli.publish.session import office_session

    document = compare_document(
        tables, plans=len(comparison.plans), total=comparison.total, date=None
    )
    with office_session():  # one LibreOffice for the index pass and the PDF or ODT
        produced = produce_document(document, Target(format=fmt))
    atomic_write_bytes(path, produced.data, force=force)
    return produced.warnings
