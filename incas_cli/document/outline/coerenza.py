"""Chapter 8: coherence with the national plan: the matrix of measures and actions, the
coverage of each action and of each axis (the figures are the plan's facts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from incas_cli.document.model import Block, Cell, Column, Heading, Mark, Paragraph, Table
from incas_cli.document.narrative import narrative
from incas_cli.document.outline.common import DASH, Context, joined
from incas_cli.messages import render as msg

if TYPE_CHECKING:
    from incas_cli.facts import AxisFacts, MeasureFacts

_PRIMARY = Mark(msg.PRIMARY_MARK, msg.MARK_PRIMARY, shaded=False)
_SECONDARY = Mark(msg.SECONDARY_MARK, msg.MARK_SECONDARY, shaded=False)


def coerenza(ctx: Context) -> tuple[Block, ...]:
    national, facts = ctx.national, ctx.facts
    blocks: list[Block] = [
        Heading(1, msg.H_COHERENCE),
        *narrative("coerenza.md.j2", counts=ctx.counts),
        Heading(2, msg.H_COHERENCE_MATRIX),
    ]
    if facts.by_measure:
        blocks += [
            Table(
                msg.TC_MATRIX,
                (
                    Column(msg.T_MEASURE),
                    *(
                        Column(msg.ACTION_CODE.format(number=a.number), "center", fixed=True)
                        for a in facts.actions
                    ),
                ),
                tuple(_matrix_row(m, [a.number for a in facts.actions]) for m in facts.by_measure),
                compact=True,
            ),
            Paragraph(
                (
                    msg.NOTE_MATRIX_LEGEND.format(
                        primary=msg.PRIMARY_MARK,
                        secondary=msg.SECONDARY_MARK,
                        actions="; ".join(f"{a.number} {a.label}" for a in national.actions),
                    ),
                ),
                "note",
            ),
        ]
    else:
        blocks.append(Paragraph((msg.NOTE_NO_MEASURES,), "note"))
    labels = {a.number: a.label for a in national.actions}
    blocks += [
        Heading(2, msg.H_COHERENCE_ACTIONS),
        Table(
            msg.TC_ACTIONS,
            (
                Column(msg.T_ACTION),
                Column(msg.T_AXIS),
                Column(msg.T_PRIMARY),
                Column(msg.T_SECONDARY),
                Column(msg.T_COVERED, "center"),
            ),
            tuple(
                (
                    msg.ACTION_REF.format(number=a.number, label=labels[a.number]),
                    _axis_label(ctx, a.axis),
                    joined(a.primary) or DASH,
                    joined(a.secondary) or DASH,
                    msg.YES if a.covered else msg.NO,
                )
                for a in facts.actions
            ),
        ),
        Heading(2, msg.H_COHERENCE_AXES),
        Table(
            msg.TC_AXES,
            (
                Column(msg.T_AXIS),
                Column(msg.T_ACTIONS_IN_AXIS, "right"),
                Column(msg.T_ACTIONS_COVERED, "right"),
                Column(msg.T_ACTIONS_UNCOVERED),
                Column(msg.T_MEASURES, "right"),
            ),
            tuple(_axis_row(ctx, axis) for axis in facts.axes),
        ),
    ]
    if facts.unknown_actions:
        codes = joined(msg.ACTION_CODE.format(number=n) for n in facts.unknown_actions)
        blocks.append(Paragraph((msg.NOTE_UNKNOWN_ACTIONS.format(actions=codes),), "note"))
    if facts.uncovered_actions:
        uncovered = "; ".join(
            msg.ACTION_REF.format(number=n, label=labels[n]) for n in facts.uncovered_actions
        )
        text = msg.NOTE_UNCOVERED.format(actions=uncovered)
    else:
        text = msg.NOTE_ALL_COVERED.format(count=len(facts.actions))
    blocks.append(Paragraph((text,), "plain"))
    return tuple(blocks)


def _matrix_row(measure: MeasureFacts, numbers: list[int]) -> tuple[Cell, ...]:
    """The measure, then a mark under its primary action and under each secondary one."""
    cells: list[Cell] = []
    for n in numbers:
        if measure.primary_action == n:
            cells.append(_PRIMARY)
        elif n in measure.actions:
            cells.append(_SECONDARY)
        else:
            cells.append(None)
    return (msg.MEASURE_REF.format(id=measure.id, title=measure.title), *cells)


def _axis_label(ctx: Context, axis_id: str) -> str:
    axis = ctx.national.axis(axis_id)
    return axis.label if axis is not None else axis_id


def _axis_row(ctx: Context, facts: AxisFacts) -> tuple[Cell, ...]:
    axis = ctx.national.axis(facts.id)
    label = axis.label if axis is not None else facts.id
    return (
        msg.AXIS_REF.format(number=facts.number, label=label),
        str(len(facts.actions)),
        str(len(facts.covered_actions)),
        joined(msg.ACTION_CODE.format(number=n) for n in facts.uncovered_actions) or DASH,
        str(len(facts.measures)),
    )
