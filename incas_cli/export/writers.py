"""Streaming writers of the open-data tables: CSV, XLSX (openpyxl, its only home) and JSON.

Rows are written as they come, plan after plan, so memory does not grow with the number of
plans: a CSV file per table is appended to; the XLSX workbook is in openpyxl's write-only
mode (each sheet streams to its own temporary file); the JSON document spools each table
to a temporary file and joins them at the end. Every file is written atomically
(:func:`incas_cli.io.atomic_writer`): all of them appear when the export ends, none if
it fails, and an existing file is never replaced without ``force``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol

from incas_cli.export.tables import Field, Row, TableSpec, Value

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

ExportFormat = Literal["csv", "xlsx", "json"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "xlsx", "json")
XLSX_NAME = "dati.xlsx"
JSON_NAME = "dati.json"


class TableWriter(Protocol):
    def write(self, table: str, rows: Sequence[Row]) -> None: ...

    def finish(self) -> None:
        """Complete the files (called once, after the last row, before they are installed)."""

    def abort(self) -> None:
        """Let go of what is half-written (the files themselves are then removed)."""


def data_files(fmt: ExportFormat, specs: Sequence[TableSpec]) -> list[str]:
    """The names of the files the tables go to, relative to the output folder."""
    if fmt == "csv":
        return [f"{spec.name}.csv" for spec in specs]
    return [XLSX_NAME if fmt == "xlsx" else JSON_NAME]


def text_value(value: Value, *, decimal_comma: bool = False) -> str:
    """A cell as CSV text: ISO dates, ``true``/``false``, numbers without exponent."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@contextlib.contextmanager
def open_writer(
    fmt: ExportFormat,
    output_dir: Path,
    specs: Sequence[TableSpec],
    *,
    excel: bool = False,
    force: bool = False,
) -> Iterator[TableWriter]:
    """A writer of ``specs``' tables into ``output_dir``; files installed when the block ends."""
    from incas_cli.io import atomic_writer

    with contextlib.ExitStack() as stack:
        handles = [
            stack.enter_context(atomic_writer(output_dir / name, force=force))
            for name in data_files(fmt, specs)
        ]
        writer: TableWriter
        if fmt == "csv":
            writer = _CsvWriter(specs, handles, excel=excel)
        elif fmt == "xlsx":
            writer = _XlsxWriter(specs, handles[0])
        else:
            writer = _JsonWriter(specs, handles[0], stack)
        try:
            yield writer
        except BaseException:
            writer.abort()
            raise
        writer.finish()


class _CsvWriter:
    def __init__(self, specs: Sequence[TableSpec], handles: Sequence[IO[bytes]], *, excel: bool):
        import csv

        self._excel = excel
        self._texts: dict[str, io.TextIOWrapper] = {}
        self._writers: dict[str, Any] = {}
        for spec, handle in zip(specs, handles, strict=True):
            # utf-8-sig writes the BOM that Excel needs to read UTF-8
            text = io.TextIOWrapper(
                handle,
                encoding="utf-8-sig" if excel else "utf-8",
                newline="",
            )
            writer = csv.writer(text, delimiter=";" if excel else ",", lineterminator="\r\n")
            writer.writerow(spec.headers)
            self._texts[spec.name] = text
            self._writers[spec.name] = writer

    def write(self, table: str, rows: Sequence[Row]) -> None:
        comma = self._excel
        self._writers[table].writerows(
            [text_value(v, decimal_comma=comma) for v in row] for row in rows
        )

    def finish(self) -> None:
        for text in self._texts.values():
            text.flush()
            text.detach()  # the atomic writer closes the file itself

    def abort(self) -> None:
        for text in self._texts.values():
            with contextlib.suppress(ValueError, OSError):
                text.detach()


_WIDTHS = {"integer": 10, "number": 14, "date": 12, "yearmonth": 10, "boolean": 8}
_NUMBER_FORMATS = {"number": "#,##0.00", "date": "DD/MM/YYYY"}


def _width(field: Field) -> float:
    """Column widths decided up front (rows stream, so never measured): by type, and at
    least the header's width."""
    return float(max(len(field.name) + 2, _WIDTHS.get(field.type, 24)))


class _XlsxWriter:
    """One sheet per table, typed cells, a frozen header row, column widths."""

    def __init__(self, specs: Sequence[TableSpec], handle: IO[bytes]):
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        self._handle = handle
        self._book = Workbook(write_only=True)
        self._sheets: dict[str, WriteOnlyWorksheet] = {}
        self._fields: dict[str, tuple[Field, ...]] = {}
        self._cell = WriteOnlyCell
        bold = Font(bold=True)
        for spec in specs:
            sheet = self._book.create_sheet(spec.name)
            sheet.freeze_panes = "A2"
            for i, field in enumerate(spec.fields, 1):
                sheet.column_dimensions[get_column_letter(i)].width = _width(field)
            header = []
            for name in spec.headers:
                cell = WriteOnlyCell(sheet, value=name)
                cell.font = bold
                header.append(cell)
            sheet.append(header)
            self._sheets[spec.name] = sheet
            self._fields[spec.name] = spec.fields

    def write(self, table: str, rows: Iterable[Row]) -> None:
        sheet = self._sheets[table]
        fields = self._fields[table]
        for row in rows:
            sheet.append([self._value(sheet, f, v) for f, v in zip(fields, row, strict=True)])

    def _value(self, sheet: WriteOnlyWorksheet, field: Field, value: Value) -> Any:
        fmt = _NUMBER_FORMATS.get(field.type)
        if value is None:
            # an empty cell with a format is still written: a row never loses its
            # trailing empty cells (readers would see a short row)
            cell = self._cell(sheet, value=None)
            cell.number_format = "@"
            return cell
        if fmt is None:
            return value
        cell = self._cell(sheet, value=value)
        cell.number_format = fmt
        return cell

    def finish(self) -> None:
        # openpyxl stamps the clock on every zip entry and in docProps/core.xml: saved
        # aside, then copied entry by entry without it, the same plans give the same bytes
        with tempfile.TemporaryFile(prefix="incas-xlsx-") as saved:  # never whole in memory
            self._book.save(saved)
            saved.seek(0)
            _without_clock(saved, self._handle)

    def abort(self) -> None:
        # each sheet streams into a temporary file of openpyxl's: close them now
        # (openpyxl removes its temporary files when the process ends)
        for sheet in self._sheets.values():
            with contextlib.suppress(Exception):
                sheet.close()


class _JsonWriter:
    """``{"tables": {"plans": [["plan", ...], ["004203-2024-01", ...], ...], ...}}``: each
    table an array of rows, the first the header (so an empty table still names its
    fields, and a Frictionless reader takes it as a table); spooled, then joined."""

    def __init__(self, specs: Sequence[TableSpec], handle: IO[bytes], stack: contextlib.ExitStack):
        self._handle = handle
        self._specs = specs
        self._spools: dict[str, IO[str]] = {}
        self._counts: dict[str, int] = {}
        for spec in specs:
            # closed by the stack, with the export's files
            spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115
            stack.callback(spool.close)
            self._spools[spec.name] = spool
            self._counts[spec.name] = 0

    def write(self, table: str, rows: Sequence[Row]) -> None:
        spec = next(s for s in self._specs if s.name == table)
        spool = self._spools[table]
        for row in rows:
            values = (_json_value(v) for _, v in zip(spec.fields, row, strict=True))
            spool.write(",\n[" + ", ".join(values) + "]")
            self._counts[table] += 1

    def finish(self) -> None:
        out = io.TextIOWrapper(self._handle, encoding="utf-8", newline="\n")
        out.write('{"tables": {')
        for i, spec in enumerate(self._specs):
            spool = self._spools[spec.name]
            spool.seek(0)
            header = json.dumps(list(spec.headers), ensure_ascii=False)
            out.write(("," if i else "") + f"\n{json.dumps(spec.name)}: [\n{header}")
            while chunk := spool.read(1 << 16):
                out.write(chunk)
            out.write("\n]")
        out.write("\n}}\n")
        out.flush()
        out.detach()

    def abort(self) -> None:
        """Nothing to let go: the spools are closed with the export's files."""


def _json_value(value: Value) -> str:
    """A cell as JSON: a Decimal with its own digits (``150000.00``), dates as ISO text."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return json.dumps(value.isoformat())
    return json.dumps(value, ensure_ascii=False)


_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
"""The time of every entry of a workbook (a fixed one: no clock in the file)."""
_CORE_DATES = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")


def _without_clock(saved: IO[bytes], out: IO[bytes]) -> None:
    """Copy the workbook ``saved`` to ``out`` with fixed entry times and no creation or
    modification date (optional in a package's core properties): a sheet streams through,
    never whole in memory."""
    import shutil
    import zipfile

    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            if entry.filename == "docProps/core.xml":
                target.writestr(info, _CORE_DATES.sub(b"", source.read(entry)))
                continue
            with source.open(entry) as data, target.open(info, "w") as copy:
                shutil.copyfileobj(data, copy, 1024 * 1024)


def write_xlsx(handle: IO[bytes], tables: Sequence[tuple[TableSpec, Iterable[Row]]]) -> None:
    """A workbook of ``tables`` (one sheet each, as the export writes them) into ``handle``
    (an :func:`~incas_cli.io.atomic_writer`'s file, or stdout's)."""
    writer = _XlsxWriter([spec for spec, _ in tables], handle)
    try:
        for spec, rows in tables:
            writer.write(spec.name, rows)
    except BaseException:
        writer.abort()
        raise
    writer.finish()
