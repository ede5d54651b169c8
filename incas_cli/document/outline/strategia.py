"""Chapter 5: the strategy: each axis of the national plan with the measures on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from incas_cli.document.model import Block, Heading, Inline, ItemList, Paragraph, Run
from incas_cli.document.narrative import narrative
from incas_cli.document.outline.common import Context, joined, open_text, open_value
from incas_cli.document.outline.premessa import national_view
from incas_cli.messages import render as msg

if TYPE_CHECKING:
    from incas_cli.models import Measure


def strategia(ctx: Context) -> tuple[Block, ...]:
    national = ctx.national
    by_axis: dict[str, list[Measure]] = {a.id: [] for a in national.axes}
    unassigned = []
    for m in ctx.plan.measures:
        axis = national.axis_of_action(m.primary_action)
        if axis is None:
            unassigned.append(m)
        else:
            by_axis[axis.id].append(m)
    blocks: list[Block] = [
        Heading(1, msg.H_STRATEGY),
        *narrative("strategia.md.j2", national=national_view(national, ctx.plan)),
    ]
    for axis in national.axes:
        actions = "; ".join(
            msg.ACTION_REF.format(number=a.number, label=a.label)
            for a in national.actions_of_axis(axis.id)
        )
        blocks += [
            Heading(2, msg.H_STRATEGY_AXIS.format(number=axis.number, label=axis.label)),
            Paragraph((axis.description,), "plain"),
            Paragraph((msg.NOTE_AXIS_ACTIONS.format(actions=actions),), "note"),
        ]
        if by_axis[axis.id]:
            blocks.append(_items(by_axis[axis.id]))
        else:
            blocks.append(Paragraph((msg.NOTE_NO_MEASURES_AXIS,), "plain"))
    if unassigned:
        blocks += [Heading(2, msg.H_STRATEGY_UNASSIGNED), _items(unassigned)]
    return tuple(blocks)


def _items(measures: list[Measure]) -> ItemList:
    """ "M1 Title (AP5, AP9) – objective", the measure in bold."""
    items: list[tuple[Inline, ...]] = []
    for m in measures:
        actions = (
            joined(msg.ACTION_CODE.format(number=n) for n in m.actions)
            if m.actions
            else open_text("measure.actions")
        )
        items.append(
            (
                Run(msg.MEASURE_REF.format(id=m.id, title=m.title), bold=True),
                msg.STRATEGY_ITEM_ACTIONS.format(actions=actions),
                open_value(m.objective, "measure.objective"),
            )
        )
    return ItemList(tuple(items))
