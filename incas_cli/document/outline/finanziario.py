"""Chapter 11: the budget by measure, by funding source and by axis (the plan's facts),
then by year, by status and in kind where the plan says (``risorse.py``); every table's
total is the exact sum of its rows. A measure's own budget lines are in its card
(``misure.py``): here it is one row, its total."""

from __future__ import annotations

from decimal import Decimal

from incas_cli import formats as fmt
from incas_cli.document.model import (
    Block,
    Cell,
    Column,
    Heading,
    Paragraph,
    Placeholder,
    Table,
    plain,
)
from incas_cli.document.narrative import narrative
from incas_cli.document.outline.common import (
    BUDGET_BY_MEASURE,
    DASH,
    MEASURES,
    Context,
    joined,
    ref,
)
from incas_cli.document.outline.risorse import risorse
from incas_cli.messages import contents as contents_msg
from incas_cli.messages import render as msg

Row = tuple[str, str, Decimal]


def finanziario(ctx: Context) -> tuple[Block, ...]:
    facts = ctx.facts
    head: list[Block] = [Heading(1, msg.H_BUDGET)]
    if not facts.has_budget:
        return (*head, Paragraph((Placeholder(msg.BUDGET_OPEN),), "plain"))
    total = facts.total
    blocks: list[Block] = [
        *head,
        *narrative("finanziario.md.j2", total=fmt.money(total), measures=ref(MEASURES)),
        Heading(2, msg.H_BUDGET_MEASURE, anchor=BUDGET_BY_MEASURE),
        _table(
            msg.TC_BUDGET_MEASURE,
            Column(msg.T_MEASURE),
            Column(msg.T_SOURCES),
            _by_measure(ctx),
            total,
        ),
    ]
    open_lines = facts.open_lines
    if open_lines:
        note = (
            msg.NOTE_BUDGET_OPEN_ONE
            if open_lines == 1
            else msg.NOTE_BUDGET_OPEN.format(count=open_lines)
        )
        blocks.append(Paragraph((note,), "note"))
    blocks += [
        Heading(2, msg.H_BUDGET_SOURCE),
        _table(
            msg.TC_BUDGET_SOURCE,
            Column(msg.T_SOURCE),
            Column(msg.T_MEASURES, "right"),
            _by_source(ctx),
            total,
        ),
        Heading(2, msg.H_BUDGET_AXIS),
        _table(
            msg.TC_BUDGET_AXIS, Column(msg.T_AXIS), Column(msg.T_MEASURES), _by_axis(ctx), total
        ),
        Paragraph((msg.NOTE_BUDGET_AXIS,), "note"),
        *risorse(ctx),
    ]
    return tuple(blocks)


def _table(title: str, label: Column, detail: Column, rows: list[Row], total: Decimal) -> Table:
    """Label, detail, amount and share of the total, with the total row."""
    shares = fmt.shares([amount for _, _, amount in rows], total)
    body: tuple[tuple[Cell, ...], ...] = tuple(
        (name, about, fmt.money(amount), share)
        for (name, about, amount), share in zip(rows, shares, strict=True)
    )
    return Table(
        title,
        (
            label,
            detail,
            Column(msg.T_AMOUNT, "right"),
            Column(msg.T_SHARE, "right"),
        ),
        body,
        total=(msg.T_TOTAL, "", fmt.money(total), fmt.percent(total, total) if total else DASH),
    )


def _by_measure(ctx: Context) -> list[Row]:
    """Each measure's total and its sources (its lines are in its card)."""
    return [
        (
            msg.MEASURE_REF.format(id=m.id, title=m.title),
            joined(dict.fromkeys(_source(ctx, s) for s in m.sources))
            or (contents_msg.IN_KIND if m.lines and m.in_kind == m.lines else DASH),
            m.amount,
        )
        for m in ctx.facts.by_measure
    ]


def _source(ctx: Context, source: str | None) -> str:
    return plain(ctx.funding(source))


def _by_source(ctx: Context) -> list[Row]:
    """Largest first; sources that print alike (a free text equal to a catalogue label)
    are one row."""
    amounts: dict[str, Decimal] = {}
    measures: dict[str, set[str]] = {}
    for total in ctx.facts.by_source:
        label = _source(ctx, total.source)
        amounts[label] = amounts.get(label, Decimal(0)) + total.amount
        measures.setdefault(label, set()).update(total.measures)
    return sorted(
        (
            (label, msg.counted(len(measures[label]), "misura"), amount)
            for label, amount in amounts.items()
        ),
        key=lambda r: (-r[2], r[0].casefold(), r[0]),
    )


def _by_axis(ctx: Context) -> list[Row]:
    """Each measure's whole budget on the axis of its primary action."""
    facts = ctx.facts
    rows = []
    for axis in facts.axes:
        found = ctx.national.axis(axis.id)
        label = found.label if found is not None else axis.id
        rows.append(
            (
                msg.AXIS_REF.format(number=axis.number, label=label),
                joined(axis.primary) or DASH,
                axis.budget,
            )
        )
    if facts.unassigned:
        rows.append((msg.NO_AXIS, joined(facts.unassigned), facts.unassigned_budget))
    return rows
