"""Chapter 3: the participatory path: meetings by kind, their chronology, who took part."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from incas_cli import formats as fmt
from incas_cli.document.model import Block, Column, Heading, Table
from incas_cli.document.narrative import narrative
from incas_cli.document.outline.common import DASH, PROCESS, Context, nowrap
from incas_cli.messages import render as msg


@dataclass(frozen=True)
class Organisation:
    name: str
    type_label: str
    meetings: int


@dataclass(frozen=True)
class ProcessSummary:
    """The path in figures, for the narrative: meetings, their span, who and where."""

    total: int
    span: str | None  # "dal 12 ottobre 2022 all'8 novembre 2023"
    organisations: tuple[Organisation, ...]
    tables: tuple[str, ...]


def process_summary(ctx: Context) -> ProcessSummary:
    plan = ctx.plan
    meetings = list(plan.process.meetings) if plan.process else []
    attendance: Counter[str] = Counter()
    for m in meetings:
        attendance.update(set(m.participants))
    organisations = sorted(
        (
            Organisation(
                name=ctx.stakeholder(sid),
                type_label=ctx.actor_type(_type_of(ctx, sid)),
                meetings=count,
            )
            for sid, count in attendance.items()
        ),
        key=lambda o: (-o.meetings, o.name.casefold(), o.name),
    )
    dates = sorted(m.date for m in meetings if m.date is not None)
    tables = sorted({m.table for m in meetings if m.table}, key=lambda t: (t.casefold(), t))
    return ProcessSummary(
        total=len(meetings),
        span=_span(dates[0], dates[-1]) if dates else None,
        organisations=tuple(organisations),
        tables=tuple(tables),
    )


def _type_of(ctx: Context, stakeholder_id: str) -> str | None:
    found = ctx.plan.stakeholder(stakeholder_id)
    return found.type if found is not None else None


def _span(first: dt.date, last: dt.date) -> str:
    """ "il 4 novembre 2026", "dal 14 ottobre al 4 novembre 2026", "dal 12 ottobre 2022
    all'8 novembre 2023"."""
    if first == last:
        return fmt.date_after("il", first)
    start = fmt.date_after("dal", first)
    if first.year == last.year:
        start = start.removesuffix(f" {first.year}")
    return msg.DATE_SPAN.format(start=start, end=fmt.date_after("al", last))


def percorso(ctx: Context) -> tuple[Block, ...]:
    summary = process_summary(ctx)
    head: tuple[Block, ...] = (
        Heading(1, msg.H_PROCESS, anchor=PROCESS),
        *narrative("percorso.md.j2", process=summary),  # says so when there is no meeting yet
    )
    if not summary.total:
        return head
    assert ctx.plan.process is not None
    meetings = ctx.plan.process.meetings
    # Sorted by date (undated last), stable for equal dates.
    ordered = sorted(
        enumerate(meetings), key=lambda im: (im[1].date is None, im[1].date or dt.date.min, im[0])
    )
    kinds: Counter[str] = Counter(m.kind or "altro" for m in meetings)
    return (
        *head,
        Heading(2, msg.H_PROCESS_COUNTS),
        Table(
            msg.TC_MEETINGS_BY_KIND,
            (Column(msg.T_KIND), Column(msg.T_COUNT, "right")),
            tuple(
                (msg.MEETING_KINDS_PLURAL[k], str(kinds[k])) for k in msg.MEETING_KINDS if kinds[k]
            ),
            total=(msg.T_TOTAL, str(summary.total)),
        ),
        Heading(2, msg.H_PROCESS_CHRONOLOGY),
        Table(
            msg.TC_MEETINGS,
            (
                Column(msg.T_DATE),
                Column(msg.T_KIND),
                Column(msg.T_TABLE),
                Column(msg.T_PARTICIPANTS, "right"),
                Column(msg.T_SUMMARY),
            ),
            tuple(
                (
                    nowrap(fmt.long_date(m.date)) if m.date else DASH,
                    msg.MEETING_KINDS.get(m.kind or "altro", m.kind or DASH),
                    m.table or DASH,
                    fmt.integer(len(set(m.participants))),
                    m.summary or DASH,
                )
                for _, m in ordered
            ),
        ),
        Heading(2, msg.H_PROCESS_ORGANISATIONS),
        Table(
            msg.TC_ORGANISATIONS,
            (
                Column(msg.T_ORGANISATION),
                Column(msg.T_ACTOR_TYPE),
                Column(msg.T_MEETINGS, "right"),
            ),
            tuple((o.name, o.type_label, str(o.meetings)) for o in summary.organisations),
        ),
    )
