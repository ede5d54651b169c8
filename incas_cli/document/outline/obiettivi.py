"""The strategy chapter's opening: the general objective and the specific objectives, each
with the measures that serve it (the plan's facts), as the national plan states its own.

Only for a plan that has a ``strategy`` section: a plan file that predates it renders as
it did. Within the section, an open general objective or no specific objective yet show
as placeholders (adoption requires both).
"""

from __future__ import annotations

from incas_cli.document.model import Block, Cell, Column, Heading, Paragraph, Table
from incas_cli.document.outline.common import (
    DASH,
    Context,
    joined,
    measure_ref,
    open_value,
    paragraphs,
)
from incas_cli.messages import contents as msg
from incas_cli.messages import render as render_msg


def obiettivi(ctx: Context) -> list[Block]:
    strategy = ctx.plan.strategy
    if strategy is None:
        return []
    blocks: list[Block] = [Heading(2, msg.H_GENERAL_OBJECTIVE)]
    blocks += [
        Paragraph((text,))
        for text in paragraphs(strategy.general_objective)
        or (open_value(None, "strategy.general_objective"),)
    ]
    blocks.append(Heading(2, msg.H_SPECIFIC_OBJECTIVES))
    facts = ctx.facts
    if not facts.objectives:
        blocks.append(Paragraph((open_value(None, "strategy.specific_objectives"),), "plain"))
        return blocks
    measures = {m.id: m for m in ctx.plan.measures}
    with_axis = any(o.axis for o in facts.objectives)
    columns = [Column(msg.T_SPECIFIC_OBJECTIVE)]
    if with_axis:
        columns.append(Column(msg.T_OBJECTIVE_AXIS))
    columns.append(Column(msg.T_OBJECTIVE_MEASURES))
    rows: list[tuple[Cell, ...]] = []
    for o in facts.objectives:
        served: Cell = (
            tuple(measure_ref(measures[i]) for i in o.measures)
            if o.measures
            else msg.OBJECTIVE_NO_MEASURE
        )
        row: tuple[Cell, ...] = (msg.OBJECTIVE_REF.format(id=o.id, text=o.text),)
        if with_axis:
            row = (*row, _axis(ctx, o.axis))
        rows.append((*row, served))
    blocks.append(Table(msg.TC_SPECIFIC_OBJECTIVES, tuple(columns), tuple(rows)))
    if facts.unlinked_measures:
        note = msg.NOTE_MEASURES_WITHOUT_OBJECTIVE.format(ids=joined(facts.unlinked_measures))
        blocks.append(Paragraph((note,), "note"))
    return blocks


def _axis(ctx: Context, axis_id: str | None) -> str:
    if axis_id is None:
        return DASH
    axis = ctx.national.axis(axis_id)
    if axis is None:
        return axis_id
    return render_msg.AXIS_REF.format(number=axis.number, label=axis.label)


def objectives_of(ctx: Context, measure_id: str) -> tuple[str, ...]:
    """The specific objectives a measure serves, as "OS1 – text" lines (the measure card)."""
    return tuple(
        msg.OBJECTIVE_REF.format(id=o.id, text=o.text)
        for o in ctx.facts.objectives
        if measure_id in o.measures
    )
