"""The analysis of the phenomenon (before the needs): the exploitation phenomenon in the
territory in words, its figures with their year and source, the gender perspective.

A chapter only for a plan that writes about the phenomenon (``context.phenomenon``,
``context.data`` or ``context.gender``): a plan file that predates these fields renders as
it did. Once the chapter is there, the analysis itself is required for adoption and shows
as a placeholder while open; a figure's missing year or source shows as one too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from incas_cli import formats as fmt
from incas_cli.document.model import Block, Cell, Column, Heading, Paragraph, Placeholder, Table
from incas_cli.document.outline.common import DASH, Context, open_value, paragraphs
from incas_cli.messages import contents as msg

if TYPE_CHECKING:
    from incas_cli.models.plan import DataPoint


def has_phenomenon(ctx: Context) -> bool:
    data = ctx.plan.context
    return data is not None and bool(data.phenomenon or data.data or data.gender)


def fenomeno(ctx: Context) -> tuple[Block, ...]:
    data = ctx.plan.context
    if data is None or not has_phenomenon(ctx):
        return ()
    blocks: list[Block] = [
        Heading(1, msg.H_PHENOMENON),
        Heading(2, msg.H_PHENOMENON_TEXT),
        *(
            Paragraph((text,))
            for text in paragraphs(data.phenomenon) or (open_value(None, "context.phenomenon"),)
        ),
    ]
    if data.data:
        topics = any(point.topic for point in data.data)
        columns = [
            Column(msg.T_DATUM),
            Column(msg.T_DATUM_VALUE, "right"),
            Column(msg.T_DATUM_UNIT),
            Column(msg.T_YEAR, "right"),
            Column(msg.T_DATUM_SOURCE),
        ]
        if topics:
            columns.append(Column(msg.T_DATUM_TOPIC))
        blocks += [
            Heading(2, msg.H_PHENOMENON_DATA),
            Table(
                msg.TC_PHENOMENON_DATA,
                tuple(columns),
                tuple(_row(ctx, point, topics) for point in data.data),
            ),
        ]
        complete = all(point.year is not None and point.source for point in data.data)
        note = msg.NOTE_DATA_SOURCES if complete else msg.NOTE_DATA_OPEN
        blocks.append(Paragraph((note,), "note"))
    gender = paragraphs(data.gender)
    if gender:
        blocks.append(Heading(2, msg.H_PHENOMENON_GENDER))
        blocks += [Paragraph((text,)) for text in gender]
    return tuple(blocks)


def _row(ctx: Context, point: DataPoint, topics: bool) -> tuple[Cell, ...]:
    row: tuple[Cell, ...] = (
        point.label,
        fmt.number(point.value) if point.value is not None else open_value(None, "data.value"),
        point.unit or DASH,
        # a year is a name, not a quantity: never "2.024"
        str(point.year) if point.year is not None else Placeholder(msg.DATA_YEAR_OPEN),
        point.source or Placeholder(msg.DATA_SOURCE_OPEN),
    )
    if topics:
        row = (*row, ctx.need_area(point.topic) if point.topic else DASH)
    return row
