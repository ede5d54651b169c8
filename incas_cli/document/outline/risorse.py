"""What the budget says beyond amounts by measure, source and axis: the money by budget
year, what is secured, requested or still to be found by source, the contributions in
kind; and each measure's own budget lines (year, status, CUP where given).

Each table appears only when the plan's lines carry the field it shows (a line's
``year``, ``status``, an amount of 0), so a plan file that predates these fields renders
as it did. Every figure is the plan's facts; every total the exact sum of its rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from incas_cli import formats as fmt
from incas_cli.document.model import Block, Cell, Column, Heading, Paragraph, Table
from incas_cli.document.outline.common import DASH, Context, open_value
from incas_cli.messages import contents as msg
from incas_cli.messages import render as render_msg

if TYPE_CHECKING:
    from incas_cli.models import Measure
    from incas_cli.models.plan import BudgetLine


def risorse(ctx: Context) -> list[Block]:
    """The finance chapter's sections after the tables by measure, source and axis."""
    return [*_by_year(ctx), *_by_status(ctx), *_in_kind(ctx)]


def _by_year(ctx: Context) -> list[Block]:
    facts = ctx.facts
    if not facts.has_years:
        return []
    total = facts.total
    shares = fmt.shares([y.amount for y in facts.by_year], total)
    rows = tuple(
        (
            str(y.year) if y.year is not None else msg.NOT_ALLOCATED,
            fmt.integer(y.lines),
            fmt.money(y.amount),
            share,
        )
        for y, share in zip(facts.by_year, shares, strict=True)
    )
    blocks: list[Block] = [
        Heading(2, msg.H_BUDGET_YEAR),
        Table(
            msg.TC_BUDGET_YEAR,
            (
                Column(msg.T_BUDGET_YEAR),
                Column(msg.T_BUDGET_LINES, "right"),
                Column(render_msg.T_AMOUNT, "right"),
                Column(render_msg.T_SHARE, "right"),
            ),
            rows,
            total=(
                render_msg.T_TOTAL,
                fmt.integer(sum(y.lines for y in facts.by_year)),
                fmt.money(total),
                fmt.percent(total, total) if total else DASH,
            ),
        ),
    ]
    if any(y.year is None for y in facts.by_year):
        blocks.append(Paragraph((msg.NOTE_NOT_ALLOCATED,), "note"))
    return blocks


def _by_status(ctx: Context) -> list[Block]:
    facts = ctx.facts
    if not facts.has_statuses:
        return []
    unstated = any(s.unstated for s in facts.by_source_status) or any(
        s.status is None for s in facts.by_status
    )
    columns = [
        Column(render_msg.T_SOURCE),
        Column(msg.T_SECURED, "right"),
        Column(msg.T_REQUESTED, "right"),
        Column(msg.T_TO_FIND, "right"),
    ]
    if unstated:
        columns.append(Column(msg.T_UNSTATED, "right"))
    columns.append(Column(render_msg.T_TOTAL, "right"))
    rows: list[tuple[Cell, ...]] = []
    for s in facts.by_source_status:
        amounts = [s.secured, s.requested, s.to_find, *([s.unstated] if unstated else [])]
        rows.append((ctx.funding(s.source), *(fmt.money(a) for a in amounts), fmt.money(s.amount)))
    totals = [
        facts.status_amount("assicurato"),
        facts.status_amount("richiesto"),
        facts.status_amount("da-reperire"),
        *([facts.status_amount(None)] if unstated else []),
    ]
    return [
        Heading(2, msg.H_BUDGET_STATUS),
        Table(
            msg.TC_BUDGET_STATUS,
            tuple(columns),
            tuple(rows),
            total=(render_msg.T_TOTAL, *(fmt.money(a) for a in totals), fmt.money(facts.total)),
        ),
        Paragraph((msg.NOTE_BUDGET_STATUS,), "note"),
    ]


def _in_kind(ctx: Context) -> list[Block]:
    lines = ctx.facts.in_kind
    if not lines:
        return []
    with_year = any(k.year is not None for k in lines)
    columns = [
        Column(render_msg.T_MEASURE),
        Column(msg.T_IN_KIND_FROM),
        Column(msg.T_IN_KIND_WHAT),
    ]
    if with_year:
        columns.append(Column(msg.T_YEAR, "right"))
    rows: list[tuple[Cell, ...]] = []
    for k in lines:
        row: tuple[Cell, ...] = (k.measure, ctx.funding(k.source), k.note or msg.IN_KIND)
        if with_year:
            row = (*row, str(k.year) if k.year is not None else DASH)
        rows.append(row)
    return [Heading(2, msg.H_IN_KIND), Table(msg.TC_IN_KIND, tuple(columns), tuple(rows))]


def measure_budget(ctx: Context, m: Measure) -> Table:
    """A measure's budget lines: source, amount (or «contributo in natura»), and the year,
    status and CUP columns when one of its lines has them; the total row only when two
    lines or more hold money (one line is its own total)."""
    year = any(b.year is not None for b in m.budget)
    status = any(b.status is not None for b in m.budget)
    cup = any(b.cup for b in m.budget)
    columns = [Column(render_msg.T_SOURCE), Column(render_msg.T_AMOUNT, "right")]
    if year:
        columns.append(Column(msg.T_YEAR, "right"))
    if status:
        columns.append(Column(msg.T_STATUS))
    if cup:
        columns.append(Column(msg.T_CUP))
    columns.append(Column(render_msg.T_NOTE))
    rows = tuple(_line(ctx, b, year, status, cup) for b in m.budget)
    padding = ("",) * (len(columns) - 3)
    money = sum(1 for b in m.budget if not b.in_kind)
    return Table(
        render_msg.TC_MEASURE_BUDGET.format(id=m.id),
        tuple(columns),
        rows,
        total=(render_msg.T_TOTAL, fmt.money(m.total_budget), *padding, "") if money > 1 else None,
        caption=False,
    )


def _line(ctx: Context, b: BudgetLine, year: bool, status: bool, cup: bool) -> tuple[Cell, ...]:
    amount: Cell = (
        msg.IN_KIND
        if b.in_kind
        else fmt.money(b.amount)
        if b.amount is not None
        else open_value(None, "budget.amount")
    )
    row: tuple[Cell, ...] = (ctx.funding(b.source), amount)
    if year:
        row = (*row, str(b.year) if b.year is not None else DASH)
    if status:
        row = (*row, msg.BUDGET_STATUSES[b.status] if b.status else DASH)
    if cup:
        row = (*row, b.cup or DASH)
    return (*row, b.note or DASH)
