"""Chapter 2: the territory: context, crops and their calendar, workforce, settlements,
services, sources."""

from __future__ import annotations

from incas_cli import formats as fmt
from incas_cli.document.model import (
    Block,
    Cell,
    Column,
    Heading,
    ItemList,
    Mark,
    Paragraph,
    Placeholder,
    Table,
)
from incas_cli.document.narrative import narrative
from incas_cli.document.outline.common import DASH, Context, Value, joined, open_value, paragraphs
from incas_cli.messages import render as msg
from incas_cli.messages.checks import OPEN_LABELS

_PEAK = Mark(msg.ACTIVE_MARK, msg.MARK_PEAK)


def territorio(ctx: Context) -> tuple[Block, ...]:
    ctx_data = ctx.plan.context
    blocks: list[Block] = [
        Heading(1, msg.H_TERRITORY),
        *narrative(
            "territorio.md.j2",
            comune=ctx.comune,
            comuni=[ctx.plan.comune.name, *(p.name for p in ctx.plan.comune.partners)],
        ),
        Heading(2, msg.H_TERRITORY_CONTEXT),
    ]
    description: tuple[Value, ...] = (
        (open_value(None, "context"),)
        if ctx_data is None
        else paragraphs(ctx_data.description) or (open_value(None, "context.description"),)
    )
    blocks += [Paragraph((text,)) for text in description]
    blocks.append(Heading(2, msg.H_TERRITORY_CROPS))
    if ctx_data is not None and ctx_data.crops:
        blocks += _crops(ctx)
    else:
        blocks.append(Paragraph((Placeholder(OPEN_LABELS["context.crops"]),), "plain"))
    blocks.append(Heading(2, msg.H_TERRITORY_WORKFORCE))
    workforce = []
    if ctx_data is not None and ctx_data.workforce is not None:
        for key, label in msg.WORKFORCE_LABELS.items():
            value = getattr(ctx_data.workforce, key)
            if value is not None:
                workforce.append((label, fmt.integer(value)))
    if workforce:
        blocks.append(
            Table(
                msg.TC_WORKFORCE,
                (Column(msg.T_CATEGORY), Column(msg.T_VALUE, "right")),
                tuple(workforce),
            )
        )
    else:
        blocks.append(Paragraph((Placeholder(OPEN_LABELS["context.workforce"]),), "plain"))
    if ctx_data is None:
        return tuple(blocks)
    for heading, text in (
        (msg.H_TERRITORY_SETTLEMENTS, ctx_data.settlements),
        (msg.H_TERRITORY_SERVICES, ctx_data.services),
    ):
        if paragraphs(text):
            blocks.append(Heading(2, heading))
            blocks += [Paragraph((p,)) for p in paragraphs(text)]
    if ctx_data.sources:
        blocks.append(Heading(2, msg.H_TERRITORY_SOURCES))
        blocks.append(ItemList(tuple((s,) for s in ctx_data.sources)))
    return tuple(blocks)


def _crops(ctx: Context) -> list[Block]:
    """The crop calendar (a mark in each month of peak demand) and, month by month, the
    crops in peak and the workers they need."""
    assert ctx.plan.context is not None
    crops = ctx.plan.context.crops
    month_labels = tuple(fmt.month_abbr(m) for m in range(1, 13))
    month_names = tuple(fmt.month_name(m) for m in range(1, 13))
    workers = [0] * 12
    unknown = [False] * 12
    in_peak: list[list[str]] = [[] for _ in range(12)]
    rows: list[tuple[Cell, ...]] = []
    for crop in crops:
        for m in crop.peak_months:
            in_peak[m - 1].append(crop.name)
            if crop.workers is None:
                unknown[m - 1] = True
            else:
                workers[m - 1] += crop.workers
        rows.append(
            (
                crop.name,
                *(_PEAK if m in crop.peak_months else None for m in range(1, 13)),
                fmt.integer(crop.workers) if crop.workers is not None else DASH,
            )
        )
    blocks: list[Block] = [
        Table(
            msg.TC_CROPS,
            (
                Column(msg.T_CROP),
                *(Column(label, "center", fixed=True) for label in month_labels),
                Column(msg.T_WORKERS, "right"),
            ),
            tuple(rows),
            compact=True,
        ),
        Paragraph((msg.NOTE_CROPS_LEGEND.format(mark=msg.ACTIVE_MARK),), "note"),
    ]
    if any(in_peak):
        blocks.append(
            Table(
                msg.TC_DEMAND,
                (
                    Column(msg.T_MONTH),
                    Column(msg.T_CROPS_IN_PEAK),
                    Column(msg.T_DEMAND, "right"),
                ),
                tuple(
                    (
                        month_names[i].capitalize(),
                        joined(in_peak[i]) or DASH,
                        _workers(workers[i], unknown[i], bool(in_peak[i])),
                    )
                    for i in range(12)
                ),
            )
        )
    return blocks


def _workers(total: int, unknown: bool, peak: bool) -> str:
    if not peak:
        return DASH
    if unknown:
        return (
            msg.WORKERS_AT_LEAST.format(count=fmt.integer(total)) if total else msg.WORKERS_UNKNOWN
        )
    return fmt.integer(total)
