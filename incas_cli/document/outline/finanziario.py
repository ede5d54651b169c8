"""Chapter 10: the budget by measure, by funding source and by axis; every table's total
is the exact sum of its rows."""

from __future__ import annotations

from decimal import Decimal

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
from incas_cli.document.outline.common import DASH, Context, joined, measure_ref
from incas_cli.messages import render as msg
from incas_cli.render import formats as fmt

Row = tuple[str, str, Decimal]


def finanziario(ctx: Context) -> tuple[Block, ...]:
    plan = ctx.plan
    head: list[Block] = [Heading(1, msg.H_BUDGET)]
    if not any(m.budget for m in plan.measures):
        return (*head, Paragraph((Placeholder(msg.BUDGET_OPEN),), "plain"))
    total = plan.total_budget
    blocks: list[Block] = [
        *head,
        *narrative("finanziario.md.j2", total=fmt.money(total)),
        Heading(2, msg.H_BUDGET_MEASURE),
        _table(
            msg.TC_BUDGET_MEASURE,
            Column(msg.T_MEASURE),
            Column(msg.T_SOURCES),
            _by_measure(ctx),
            total,
        ),
    ]
    open_lines = sum(1 for m in plan.measures for b in m.budget if b.amount is None)
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
    rows = []
    for m in ctx.plan.measures:
        sources = dict.fromkeys(_source(ctx, b.source) for b in m.budget)
        rows.append((measure_ref(m), joined(sources) or DASH, m.total_budget))
    return rows


def _source(ctx: Context, source: str | None) -> str:
    return plain(ctx.funding(source))


def _by_source(ctx: Context) -> list[Row]:
    amounts: dict[str, Decimal] = {}
    measures: dict[str, set[str]] = {}
    for m in ctx.plan.measures:
        for b in m.budget:
            label = _source(ctx, b.source)
            amounts[label] = amounts.get(label, Decimal(0)) + (b.amount or 0)
            measures.setdefault(label, set()).add(m.id)
    return sorted(
        (
            (label, msg.counted(len(measures[label]), "misura"), amount)
            for label, amount in amounts.items()
        ),
        key=lambda r: (-r[2], r[0].casefold(), r[0]),
    )


def _by_axis(ctx: Context) -> list[Row]:
    national = ctx.national
    amounts = {a.id: Decimal(0) for a in national.axes}
    measures: dict[str, list[str]] = {a.id: [] for a in national.axes}
    unassigned_amount = Decimal(0)
    unassigned: list[str] = []
    for m in ctx.plan.measures:
        axis = national.axis_of_action(m.primary_action)
        if axis is None:
            unassigned_amount += m.total_budget
            unassigned.append(m.id)
        else:
            amounts[axis.id] += m.total_budget
            measures[axis.id].append(m.id)
    rows = [
        (
            msg.AXIS_REF.format(number=a.number, label=a.label),
            joined(measures[a.id]) or DASH,
            amounts[a.id],
        )
        for a in national.axes
    ]
    if unassigned:
        rows.append((msg.NO_AXIS, joined(unassigned), unassigned_amount))
    return rows
