"""Chapter 5: the strategy: the general and specific objectives when the plan states them
(``obiettivi.py``), then each axis of the national plan with the measures placed on it
(those whose primary action is on the axis, as the plan's facts place them) and the
measures that reach it only through a secondary action."""

from __future__ import annotations

from typing import TYPE_CHECKING

from incas_cli import formats as fmt
from incas_cli.document.model import Block, Heading, Inline, ItemList, Paragraph, Run
from incas_cli.document.narrative import narrative
from incas_cli.document.outline.common import STRATEGY, Context, joined, open_text, open_value
from incas_cli.document.outline.obiettivi import obiettivi
from incas_cli.document.outline.premessa import national_view
from incas_cli.messages import render as msg

if TYPE_CHECKING:
    from incas_cli.models import Measure


def strategia(ctx: Context) -> tuple[Block, ...]:
    national, facts = ctx.national, ctx.facts
    measures = {m.id: m for m in ctx.plan.measures}
    unassigned = [measures[i] for i in facts.unassigned]
    blocks: list[Block] = [
        Heading(1, msg.H_STRATEGY, anchor=STRATEGY),
        *narrative("strategia.md.j2", national=national_view(national, ctx.plan)),
        *obiettivi(ctx),
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
        on_axis = facts.axis(axis.id)
        placed = [measures[i] for i in on_axis.primary] if on_axis is not None else []
        if placed:
            blocks.append(_items(placed))
        else:
            blocks.append(Paragraph((msg.NOTE_NO_MEASURES_AXIS,), "plain"))
        if on_axis is not None and on_axis.secondary:
            one = len(on_axis.secondary) == 1
            template = msg.NOTE_AXIS_SECONDARY_ONE if one else msg.NOTE_AXIS_SECONDARY
            text = template.format(ids=fmt.join_and(on_axis.secondary))
            blocks.append(Paragraph((text,), "note"))
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
