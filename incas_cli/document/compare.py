"""The comparison of many plans as a document (``incas plan compare -o confronto.docx``).

Its tables are the comparison's typed tables (:mod:`incas_cli.compare.tables`), the same
the XLSX gets; here they become blocks: amounts and counts in Italian formats, coverage
as a mark that says its word (``principale``, ``secondaria``), never colour alone.
Properties come from the plans, never from the clock.

The tables with a row per plan are :class:`LongTable`s: the document holds each with its
header and total only, and the docx writer streams its rows in when it saves
(:mod:`incas_cli.writers.docx_stream`), so a comparison of thousands of plans is never
held whole in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from incas_cli import formats
from incas_cli.document.model import (
    Block,
    Cell,
    Column,
    Document,
    Heading,
    Mark,
    Paragraph,
    Properties,
    Table,
)
from incas_cli.messages import compare as msg

if TYPE_CHECKING:
    from incas_cli.compare.tables import CompareColumn, CompareTable
    from incas_cli.export.tables import Value

_CHAPTERS: tuple[tuple[str, tuple[str, ...], str | None], ...] = (
    (msg.CH_PLANS, ("plans",), None),
    (msg.CH_COVERAGE, ("actions", "axes"), msg.COVERAGE_LEGEND),
    (
        msg.CH_BUDGET,
        ("axis_budget", "source_budget", "status_budget", "year_budget", "region_budget"),
        None,
    ),
    (msg.CH_FREQUENT, ("needs", "frequent_actions"), None),
    (msg.CH_RISK, ("risk",), None),
    (msg.CH_ADOPTION, ("adoption",), None),
)
_EMPTY = {"plans": msg.NO_PLANS, "risk": msg.NO_RISK, "adoption": msg.NO_OPEN}


@dataclass(frozen=True)
class LongTable:
    """A table with a row per plan: in the document without its data rows, which
    :meth:`rows` makes again, from the comparison's files, each time it is called."""

    table: Table
    source: CompareTable

    @property
    def count(self) -> int:
        return len(self.source.rows)

    def rows(self) -> Iterator[tuple[Cell, ...]]:
        return (_cells(self.source.columns, row) for row in self.source.rows)


def compare_document(
    tables: Mapping[str, CompareTable], *, plans: int, total: Decimal, date: dt.date | None
) -> tuple[Document, tuple[LongTable, ...]]:
    """Title, intro, one chapter per part of the comparison, the plans left apart last;
    and the tables whose rows are to be streamed in (those read again from files)."""
    long_tables: list[LongTable] = []

    def add(table: CompareTable) -> Table:
        written = block(table)
        if not isinstance(table.rows, tuple):
            long_tables.append(LongTable(written, table))
        return written

    blocks: list[Block] = [
        Paragraph((msg.TITLE,), "title"),
        Paragraph(
            (msg.SUBTITLE.format(plans=formats.integer(plans), total=formats.money(total)),),
            "subtitle",
        ),
        Paragraph((msg.INTRO,)),
    ]
    for title, keys, legend in _CHAPTERS:
        blocks.append(Heading(1, title))
        if legend:
            blocks.append(Paragraph((legend,), "note"))
        for key in keys:
            table = tables[key]
            if not table.rows:
                if key in _EMPTY:
                    blocks.append(Paragraph((_EMPTY[key],), "plain"))
                continue
            blocks.append(add(table))
    rejected = tables["rejected"]
    if rejected.rows:
        blocks += [Heading(1, msg.CH_REJECTED), add(rejected)]
    properties = Properties(
        title=msg.TITLE,
        subject=msg.PROPERTY_SUBJECT,
        keywords=msg.KEYWORDS,
        category=msg.CATEGORY,
        created=dt.datetime(date.year, date.month, date.day) if date else None,
    )
    document = Document(tuple(blocks), properties, running_header=(msg.TITLE,))
    return document, tuple(long_tables)


def block(table: CompareTable) -> Table:
    """A comparison table as a document table (numbers right-aligned, a total row); one
    whose rows are read from files (not a tuple) without its data rows."""
    columns = tuple(
        Column(
            c.header,
            "right" if c.type in ("number", "integer") else "center" if c.heat else "left",
            fixed=c.heat,
        )
        for c in table.columns
    )
    heat = any(c.heat for c in table.columns)
    return Table(
        table.title,
        columns,
        tuple(_cells(table.columns, row) for row in table.rows)
        if isinstance(table.rows, tuple)
        else (),
        total=None if table.total is None else _cells(table.columns, table.total),
        row_headers=heat,
        compact=heat,
        stretch=heat,  # a heat map: its columns take the room the names leave («AP10» whole)
    )


def _cells(columns: Sequence[CompareColumn], row: Sequence[Value]) -> tuple[Cell, ...]:
    return tuple(_cell(c, v) for c, v in zip(columns, row, strict=True))


def _cell(column: CompareColumn, value: Value) -> Cell:
    if value is None:
        return None
    if column.heat:
        if value == msg.COVERED_PRIMARY:
            return Mark("●", msg.COVERED_PRIMARY)
        return Mark("○", msg.COVERED_SECONDARY, tone="review")
    if isinstance(value, Decimal):
        return formats.money(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return formats.integer(value)
    if isinstance(value, dt.date):
        return formats.numeric_date(value)
    return str(value)
