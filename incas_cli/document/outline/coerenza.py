"""Chapter 8: coherence with the national plan: the matrix of measures and actions, the
coverage of each action and of each axis (the figures are the plan's facts). Coverage as
a primary action and coverage only as a secondary one are always told apart: only the
first has money behind it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from incas_cli import formats as fmt
from incas_cli.document.model import Block, Cell, Column, Heading, Mark, Paragraph, Table
from incas_cli.document.narrative import narrative
from incas_cli.document.outline.common import (
    COHERENCE,
    COHERENCE_ACTIONS,
    DASH,
    STRATEGY,
    Context,
    joined,
    ref,
    with_refs,
)
from incas_cli.messages import render as msg

if TYPE_CHECKING:
    from incas_cli.facts import AxisFacts, MeasureFacts

_PRIMARY = Mark(msg.PRIMARY_MARK, msg.MARK_PRIMARY, shaded=False)
_SECONDARY = Mark(msg.SECONDARY_MARK, msg.MARK_SECONDARY, shaded=False)


def coerenza(ctx: Context) -> tuple[Block, ...]:
    national, facts = ctx.national, ctx.facts
    blocks: list[Block] = [
        Heading(1, msg.H_COHERENCE, anchor=COHERENCE),
        *narrative("coerenza.md.j2", coverage=ctx.coverage),
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
        Heading(2, msg.H_COHERENCE_ACTIONS, anchor=COHERENCE_ACTIONS),
        _actions_table(ctx, labels),
    ]
    if facts.has_budget:
        blocks.append(Paragraph((msg.NOTE_ACTIONS_BUDGET,), "note"))
    blocks += [
        Heading(2, msg.H_COHERENCE_AXES),
        Table(
            msg.TC_AXES,
            (
                Column(msg.T_AXIS),
                Column(msg.T_ACTIONS_IN_AXIS, "right"),
                Column(msg.T_PRIMARY),
                Column(msg.T_SECONDARY_ONLY),
                Column(msg.T_ACTIONS_UNCOVERED),
                Column(msg.T_MEASURES, "right"),
            ),
            tuple(_axis_row(ctx, axis) for axis in facts.axes),
        ),
        Paragraph(
            with_refs(
                msg.NOTE_AXES_MEASURES, strategy=ref(STRATEGY), actions=ref(COHERENCE_ACTIONS)
            ),
            "note",
        ),
    ]
    inferred = [a.number for a in ctx.national.actions if a.axis_inferred]
    if inferred:
        codes = joined(msg.ACTION_CODE.format(number=n) for n in inferred)
        note = msg.NOTE_AXIS_INFERRED if len(inferred) == 1 else msg.NOTE_AXES_INFERRED
        blocks.append(Paragraph((note.format(actions=codes),), "note"))
    if facts.unknown_actions:
        codes = joined(msg.ACTION_CODE.format(number=n) for n in facts.unknown_actions)
        blocks.append(Paragraph((msg.NOTE_UNKNOWN_ACTIONS.format(actions=codes),), "note"))
    if not facts.by_measure:
        return tuple(blocks)  # the introduction says no action is covered yet

    # the details of the introduction's coverage sentences, with the actions' names
    def refs(numbers: tuple[int, ...]) -> str:
        return "; ".join(msg.ACTION_REF.format(number=n, label=labels[n]) for n in numbers)

    if facts.secondary_only_actions:
        text = msg.NOTE_SECONDARY_ONLY.format(actions=refs(facts.secondary_only_actions))
        blocks.append(Paragraph((text,), "plain"))
    if facts.uncovered_actions:
        text = msg.NOTE_UNCOVERED.format(actions=refs(facts.uncovered_actions))
        blocks.append(Paragraph((text,), "plain"))
    return tuple(blocks)


def _actions_table(ctx: Context, labels: dict[int, str]) -> Table:
    """Each action: its axis, the measures behind it as primary and as secondary action,
    its coverage and (once the plan has a budget) the money of its primary measures."""
    facts = ctx.facts
    money = facts.has_budget
    columns = [
        Column(msg.T_ACTION),
        Column(msg.T_AXIS),
        Column(msg.T_PRIMARY),
        Column(msg.T_SECONDARY),
        Column(msg.T_COVERAGE),
    ]
    rows: list[tuple[Cell, ...]] = []
    for a in facts.actions:
        row: tuple[Cell, ...] = (
            msg.ACTION_REF.format(number=a.number, label=labels[a.number]),
            _axis_label(ctx, a.axis),
            joined(a.primary) or DASH,
            joined(a.secondary) or DASH,
            msg.COVERAGE_KINDS[a.coverage],
        )
        rows.append((*row, fmt.money(a.budget) if a.primary else DASH) if money else row)
    if not money:
        return Table(msg.TC_ACTIONS, tuple(columns), tuple(rows))
    return Table(
        msg.TC_ACTIONS,
        (*columns, Column(msg.T_RESOURCES, "right")),
        tuple(rows),
        total=(msg.T_TOTAL, "", "", "", "", fmt.money(facts.primary_budget)),
    )


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
    """The axis, its actions by coverage, the measures placed on it (as chapter 5 lists)."""
    axis = ctx.national.axis(facts.id)
    label = axis.label if axis is not None else facts.id

    def codes(numbers: tuple[int, ...]) -> str:
        return joined(msg.ACTION_CODE.format(number=n) for n in numbers) or DASH

    return (
        msg.AXIS_REF.format(number=facts.number, label=label),
        str(len(facts.actions)),
        codes(facts.covered_primary),
        codes(facts.covered_secondary),
        codes(facts.uncovered_actions),
        str(len(facts.primary)),
    )
