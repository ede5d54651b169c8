"""Chapter 8: the measures: a summary table (who leads each and when), then a card for each
measure with its budget lines, indicators and risks (the sections are the measures, so
"8.12" is measure 12).

Each thing is said once: a measure's money is its card's budget lines (their total when
there are several), and the finance chapter sums the measures (§ «Risorse per misura»,
which the chapter's introduction names); its indicators are in its card only, and the
monitoring chapter counts them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from incas_cli.document.model import Block, Cell, Column, Heading, Paragraph, Placeholder, Table
from incas_cli.document.narrative import narrative
from incas_cli.document.outline.common import (
    ACTORS,
    BUDGET_BY_MEASURE,
    DASH,
    MEASURES,
    Context,
    Value,
    card,
    indicator_table,
    measure_anchor,
    measure_ref,
    open_value,
    paragraphs,
    ref,
    risk_sentence,
    timing,
)
from incas_cli.document.outline.obiettivi import objectives_of
from incas_cli.document.outline.risorse import measure_budget
from incas_cli.messages import contents as contents_msg
from incas_cli.messages import document as doc_msg
from incas_cli.messages import render as msg
from incas_cli.messages.checks import OPEN_LABELS

if TYPE_CHECKING:
    from incas_cli.models import Measure


def misure(ctx: Context) -> tuple[Block, ...]:
    budget = ref(BUDGET_BY_MEASURE) if ctx.facts.has_budget else None
    pledged = any(paragraphs(s.commitments) for s in ctx.plan.stakeholders)
    blocks: list[Block] = [
        Heading(1, msg.H_MEASURES, anchor=MEASURES),
        *narrative(
            "misure.md.j2",
            counts=ctx.counts,
            budget=budget,
            actors=ref(ACTORS) if pledged else None,
        ),
    ]
    measures = ctx.plan.measures
    if not measures:
        blocks.append(Paragraph((msg.NOTE_NO_MEASURES,), "note"))
        return tuple(blocks)
    blocks.append(
        Table(
            msg.TC_MEASURES,
            (Column(msg.T_MEASURE), Column(msg.T_LEAD), Column(msg.T_TIMING)),
            tuple((measure_ref(m), _lead(ctx, m), timing(m)) for m in measures),
        )
    )
    for m in measures:
        blocks += _card(ctx, m)
    return tuple(blocks)


def _lead(ctx: Context, m: Measure) -> Value:
    return ctx.stakeholder(m.lead) if m.lead else open_value(None, "measure.lead")


def _actions(ctx: Context, m: Measure) -> Cell:
    if not m.actions:
        return open_value(None, "measure.actions")
    lines = []
    for i, number in enumerate(m.actions):
        action = ctx.national.action(number)
        if action is None:
            label, axis_label = msg.UNKNOWN_ACTION, msg.NO_AXIS
        else:
            label = action.label
            axis = ctx.national.axis(action.axis)
            axis_label = axis.label if axis is not None else action.axis
        text = msg.ACTION_REF.format(number=number, label=label)
        line = msg.PRIMARY_ACTION if i == 0 else msg.SECONDARY_ACTION
        lines.append(line.format(action=text, axis=axis_label))
    return tuple(lines)


def _additions(ctx: Context, m: Measure) -> list[tuple[str, Cell]]:
    """The card's rows for what the plan states beyond the first release: the specific
    objectives served (when the plan has any) and what keeps the measure going after its
    funding (when written). The commitments of its lead and partners are the plan's, not
    the measure's: the network chapter's table of actors says them once."""
    rows: list[tuple[str, Cell]] = []
    if ctx.facts.objectives:
        rows.append((contents_msg.CARD_SPECIFIC_OBJECTIVES, objectives_of(ctx, m.id) or DASH))
    sustainability = paragraphs(m.sustainability)
    if sustainability:
        rows.append((contents_msg.CARD_SUSTAINABILITY, sustainability))
    return rows


def _card(ctx: Context, m: Measure) -> list[Block]:
    facts: list[tuple[str, Cell]] = [
        (msg.CARD_OBJECTIVE, open_value(m.objective, "measure.objective")),
        (
            msg.CARD_DESCRIPTION,
            paragraphs(m.description) or open_value(None, "measure.description"),
        ),
        (msg.CARD_ACTIONS, _actions(ctx, m)),
        (
            msg.CARD_NEEDS,
            tuple(ctx.need_short(n) for n in m.needs)
            if m.needs
            else open_value(None, "measure.needs"),
        ),
        (msg.CARD_LEAD, _lead(ctx, m)),
        (msg.CARD_PARTNERS, ctx.stakeholders(m.partners) if m.partners else msg.NO_PARTNERS),
        (msg.CARD_TIMING, timing(m)),
        *_additions(ctx, m),
    ]
    risks = ctx.measure_risks(m.id)
    if risks:
        facts.append((doc_msg.CARD_RISKS, tuple(risk_sentence(r) for r in risks)))
    blocks: list[Block] = [
        Heading(2, msg.H_MEASURE.format(id=m.id, title=m.title), anchor=measure_anchor(m.id)),
        card(msg.TC_MEASURE.format(id=m.id), facts),
        Heading(3, msg.H_MEASURE_BUDGET.format(id=m.id)),
    ]
    if m.budget:
        blocks.append(measure_budget(ctx, m))
    else:
        blocks.append(Paragraph((Placeholder(OPEN_LABELS["measure.budget"]),), "plain"))
    blocks.append(Heading(3, msg.H_MEASURE_INDICATORS.format(id=m.id)))
    if m.indicators:
        blocks.append(indicator_table(msg.TC_MEASURE_INDICATORS.format(id=m.id), m))
    else:
        blocks.append(Paragraph((Placeholder(OPEN_LABELS["measure.indicators"]),), "plain"))
    blocks.append(Heading(3, msg.H_MEASURE_RISKS.format(id=m.id)))
    if m.risks:
        blocks.append(
            Table(
                msg.TC_MEASURE_RISKS.format(id=m.id),
                (Column(msg.T_RISK), Column(msg.T_MITIGATION)),
                tuple((r.risk, r.mitigation or DASH) for r in m.risks),
                caption=False,
            )
        )
    else:
        blocks.append(Paragraph((msg.NOTE_NO_RISKS,), "note"))
    return blocks
