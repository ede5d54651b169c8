"""Chapter 8: coherence with the national plan: the matrix of measures and actions, the
coverage of each action and of each axis."""

from __future__ import annotations

from incas_cli.document.model import Block, Cell, Column, Heading, Mark, Paragraph, Table
from incas_cli.document.narrative import narrative
from incas_cli.document.outline.common import DASH, Context, joined, measure_ref
from incas_cli.messages import render as msg

_PRIMARY = Mark(msg.PRIMARY_MARK, msg.MARK_PRIMARY, shaded=False)
_SECONDARY = Mark(msg.SECONDARY_MARK, msg.MARK_SECONDARY, shaded=False)


def coerenza(ctx: Context) -> tuple[Block, ...]:
    national = ctx.national
    numbers = national.action_numbers
    primary: dict[int, list[str]] = {n: [] for n in numbers}
    secondary: dict[int, list[str]] = {n: [] for n in numbers}
    unknown: set[int] = set()
    rows: list[tuple[Cell, ...]] = []
    for m in ctx.plan.measures:
        cells: list[Cell] = []
        for n in numbers:
            if m.primary_action == n:
                cells.append(_PRIMARY)
            elif n in m.actions:
                cells.append(_SECONDARY)
            else:
                cells.append(None)
        rows.append((measure_ref(m), *cells))
        for i, n in enumerate(m.actions):
            if n not in primary:
                unknown.add(n)
                continue
            (primary if i == 0 else secondary)[n].append(m.id)
    covered = {n: bool(primary[n] or secondary[n]) for n in numbers}
    blocks: list[Block] = [
        Heading(1, msg.H_COHERENCE),
        *narrative("coerenza.md.j2", counts=ctx.counts),
        Heading(2, msg.H_COHERENCE_MATRIX),
    ]
    if rows:
        codes = [msg.ACTION_CODE.format(number=n) for n in numbers]
        blocks += [
            Table(
                msg.TC_MATRIX,
                (
                    Column(msg.T_MEASURE),
                    *(Column(code, "center", fixed=True) for code in codes),
                ),
                tuple(rows),
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
                    msg.ACTION_REF.format(number=a.number, label=a.label),
                    _axis_label(ctx, a.axis),
                    joined(primary[a.number]) or DASH,
                    joined(dict.fromkeys(secondary[a.number])) or DASH,
                    msg.YES if covered[a.number] else msg.NO,
                )
                for a in national.actions
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
            tuple(_axis_row(ctx, axis.id, primary, secondary, covered) for axis in national.axes),
        ),
    ]
    if unknown:
        unknown_codes = joined(msg.ACTION_CODE.format(number=n) for n in sorted(unknown))
        blocks.append(Paragraph((msg.NOTE_UNKNOWN_ACTIONS.format(actions=unknown_codes),), "note"))
    uncovered = [
        msg.ACTION_REF.format(number=a.number, label=a.label)
        for a in national.actions
        if not covered[a.number]
    ]
    if uncovered:
        text = msg.NOTE_UNCOVERED.format(actions="; ".join(uncovered))
    else:
        text = msg.NOTE_ALL_COVERED.format(count=len(national.actions))
    blocks.append(Paragraph((text,), "plain"))
    return tuple(blocks)


def _axis_label(ctx: Context, axis_id: str) -> str:
    axis = ctx.national.axis(axis_id)
    return axis.label if axis is not None else axis_id


def _axis_row(
    ctx: Context,
    axis_id: str,
    primary: dict[int, list[str]],
    secondary: dict[int, list[str]],
    covered: dict[int, bool],
) -> tuple[Cell, ...]:
    axis = ctx.national.axis(axis_id)
    assert axis is not None
    own = [a.number for a in ctx.national.actions_of_axis(axis_id)]
    measures = {mid for n in own for mid in (*primary[n], *secondary[n])}
    return (
        msg.AXIS_REF.format(number=axis.number, label=axis.label),
        str(len(own)),
        str(sum(covered[n] for n in own)),
        joined(msg.ACTION_CODE.format(number=n) for n in own if not covered[n]) or DASH,
        str(len(measures)),
    )
