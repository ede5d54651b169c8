"""The *Relazione di monitoraggio* as a document: plan + reports -> :class:`Document`.

The cover, the summary for the Giunta and the next period are here; the chapters on
measures, indicators, money, problems and meetings are :mod:`incas_cli.monitor.sections`.
Properties come from the plan and the reports, never from the clock; the same inputs give
the same document, which :func:`incas_cli.pipeline.produce_document` turns into a file.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from incas_cli import formats as fmt
from incas_cli.document.model import (
    Block,
    Document,
    Heading,
    Inline,
    ItemList,
    Paragraph,
    Properties,
    Toc,
)
from incas_cli.messages import monitor as msg
from incas_cli.messages import render as render_msg
from incas_cli.models.month import YearMonth
from incas_cli.monitor import sections, tables
from incas_cli.monitor.sections import Report
from incas_cli.monitor.tables import Labels, quantity, span
from incas_cli.monitor.views import money_line, reports_line

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog
    from incas_cli.monitor.facts import MonitorFacts
    from incas_cli.render import Edition

__all__ = ["report_document"]


def report_document(
    facts: MonitorFacts, catalog: Catalog, *, edition: Edition = "pubblica"
) -> Document:
    """The *Relazione di monitoraggio* of the latest report, with the series of all."""
    rep = Report(facts, Labels(catalog, facts.plan.plan.national_plan), edition)
    blocks: list[Block] = [
        *_cover(rep),
        *_summary(rep),
        *sections.measures(rep),
        *sections.indicators(rep),
        *sections.spending(rep),
        *sections.problems(rep),
        *sections.meetings(rep),
        *_next_period(rep),
    ]
    latest = facts.latest.report
    return Document(
        blocks=tuple(blocks),
        properties=_properties(facts),
        running_header=_running_header(facts),
        draft=latest.status != "approvato",
        restricted=render_msg.INTERNAL_MARK if edition == "interna" else "",
    )


def _period(facts: MonitorFacts) -> str:
    info = facts.latest.report
    return span(info.period.start, info.period.end)


def _status(facts: MonitorFacts) -> str:
    return msg.REPORT_STATUS_WORDS[facts.latest.report.status or "bozza"]


def _cover(rep: Report) -> list[Block]:
    facts = rep.facts
    plan = facts.plan
    info = facts.latest.report
    lines = [
        msg.DOC_COVER_COMUNE.format(name=plan.comune.name),
        msg.DOC_COVER_PERIOD.format(
            period=msg.SPAN.format(
                start=fmt.month(info.period.start), end=fmt.month(info.period.end)
            )
        ),
        msg.DOC_COVER_STATUS.format(status=_status(facts)),
    ]
    if info.approval is not None and info.approval.number and info.approval.date:
        lines.append(
            msg.DOC_COVER_APPROVAL.format(
                organ=msg.DOC_COVER_APPROVAL_ORGANS[info.approval.organ or "giunta"],
                number=fmt.act_number(info.approval.number),
                date=fmt.date_after("del", info.approval.date),
            )
        )
    if info.date is not None:
        lines.append(msg.DOC_COVER_DATE.format(date=fmt.long_date(info.date)))
    if info.authors:
        lines.append(msg.DOC_COVER_AUTHORS.format(authors=fmt.join_and(list(info.authors))))
    plan_period = plan.plan.period
    if plan_period is not None and plan_period.start and plan_period.end:
        lines.append(
            msg.DOC_COVER_PLAN.format(
                version=info.plan.version or plan.plan.version or msg.DASH,
                period=msg.SPAN.format(
                    start=fmt.month(plan_period.start), end=fmt.month(plan_period.end)
                ),
            )
        )
    if len(facts.reports) > 1:
        periods = [span(r.report.period.start, r.report.period.end) for r in facts.reports]
        lines.append(msg.DOC_COVER_SERIES.format(periods=fmt.join_and(periods)))
    return [
        Paragraph((msg.DOC_TITLE,), "title"),
        Paragraph((msg.DOC_SUBTITLE.format(title=plan.plan.title),), "subtitle"),
        *(Paragraph((line,), "cover") for line in lines),
        Toc(msg.DOC_TOC, msg.DOC_TOC_HINT),
    ]


def _summary(rep: Report) -> list[Block]:
    facts = rep.facts
    states = [
        msg.SUMMARY_STATE.format(
            count=fmt.integer(len(ids)), state=rep.labels.state(state, len(ids))
        )
        for state, ids in facts.by_status().items()
    ]
    trends = [
        msg.SUMMARY_STATE.format(count=fmt.integer(n), state=msg.TRENDS[t])
        for t, n in facts.trends().items()
        if n
    ]
    risks = [
        msg.SUMMARY_RISK.format(
            source=rep.labels.source(r.source),
            deadline=fmt.long_date(r.deadline),
            paid=fmt.money(r.paid),
            budget=fmt.money(r.budget),
        )
        for r in facts.risks
    ]
    latest_end = facts.latest.report.period.end
    troubled = [m.id for m in facts.measures if any(end == latest_end for end, _ in m.issues)]
    by_status = facts.by_status()
    if len(facts.measures) == 1 and len(by_status) == 1:  # «Delle 1 misura» is not Italian
        measures = msg.SUMMARY_ONE_MEASURE.format(state=rep.labels.state(next(iter(by_status))))
    elif not facts.measures:
        measures = msg.SUMMARY_NO_MEASURES
    else:
        measures = msg.SUMMARY_MEASURES.format(
            total=fmt.counted(len(facts.measures), "misura", "misure"),
            states=fmt.join_and(states),
        )
    paragraphs = [reports_line(facts), measures, money_line(facts)]
    if trends:
        paragraphs.append(msg.SUMMARY_INDICATORS.format(states=fmt.join_and(trends)))
    paragraphs.append(
        msg.SUMMARY_RISKS.format(risks="; ".join(risks)) if risks else msg.SUMMARY_NO_RISKS
    )
    if troubled:
        paragraphs.append(msg.SUMMARY_PROBLEMS.format(ids=fmt.join_and(troubled)))
    return [
        Heading(1, msg.H_SUMMARY),
        *(Paragraph((text,)) for text in paragraphs),
        tables.by_state(facts),
        sections.reports_table(rep),
    ]


def _next_period(rep: Report) -> list[Block]:
    facts = rep.facts
    info = facts.latest.report
    length = info.period.end.index - info.period.start.index
    start = info.period.end.plus(1)
    end = start.plus(length)
    plan_period = facts.plan.plan.period
    if (
        plan_period is not None
        and info.period.start == plan_period.start
        and info.period.start.year == info.period.end.year
        and info.period.end.month == 12
    ):
        # a year cut short by the plan's start (marzo-dicembre): the next one is whole
        end = YearMonth.of(start.year, 12)
    if plan_period is not None and plan_period.end is not None and plan_period.end < end:
        end = max(start, plan_period.end)
    blocks: list[Block] = [Heading(1, msg.H_NEXT)]
    if info.next_period:
        blocks.append(Paragraph((msg.NEXT_TEXT.format(text=info.next_period),)))
    items: list[tuple[Inline, ...]] = []
    for m in facts.plan.measures:
        if m.start is not None and start <= m.start <= end:
            items.append(
                (
                    msg.NEXT_STARTS.format(
                        id=m.id, title=m.title, in_month=fmt.in_month(fmt.month(m.start))
                    ),
                )
            )
        if m.end is not None and start <= m.end <= end:
            items.append(
                (
                    msg.NEXT_ENDS.format(
                        id=m.id, title=m.title, in_month=fmt.in_month(fmt.month(m.end))
                    ),
                )
            )
    reviews = facts.plan.monitoring.reviews if facts.plan.monitoring else []
    items += [
        (msg.NEXT_REVIEW.format(in_month=fmt.in_month(fmt.month(r))),)
        for r in reviews
        if start <= r <= end
    ]
    items += [
        (
            msg.NEXT_DEADLINE.format(
                source=rep.labels.source(r.source), date=fmt.long_date(r.deadline)
            ),
        )
        for r in facts.risks
        if YearMonth.from_date(r.deadline) <= end
    ]
    items += [
        (
            msg.NEXT_BEHIND.format(
                id=i.measure,
                name=i.name,
                expected=quantity(i.expected),
                value=quantity(i.latest.value) if i.latest else msg.DASH,
            ),
        )
        for i in facts.indicators
        if i.trend == "behind"
    ]
    if not items:
        return [*blocks, Paragraph((msg.NEXT_NOTHING,))]
    window = msg.SPAN.format(start=fmt.month(start), end=fmt.month(end))
    return [*blocks, Paragraph((msg.NEXT_WINDOW.format(period=window),)), ItemList(tuple(items))]


def _properties(facts: MonitorFacts) -> Properties:
    plan = facts.plan
    info = facts.latest.report
    comune = render_msg.COMUNE_OF.format(name=plan.comune.name)
    date = info.date or info.period.end.first_day
    keywords = msg.DOC_KEYWORDS.format(comune=plan.comune.name)
    return Properties(
        title=msg.DOC_PROPERTY_TITLE.format(period=_period(facts), title=plan.plan.title),
        subject=msg.DOC_SUBJECT.format(name=plan.comune.name),
        author=plan.plan.office or comune,
        keywords=tuple(k.strip() for k in keywords.split(";") if k.strip()),
        category=msg.DOC_CATEGORY,
        comments=msg.DOC_COMMENTS.format(period=_period(facts), status=_status(facts)),
        content_status=_status(facts),
        version=info.plan.version or "",
        created=dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC),
    )


def _running_header(facts: MonitorFacts) -> tuple[str, ...]:
    plan = facts.plan
    long = msg.DOC_HEADER.format(
        period=_period(facts), title=" ".join(plan.plan.title.split()), comune=plan.comune.name
    )
    short = msg.DOC_HEADER_SHORT.format(period=_period(facts), comune=plan.comune.name)
    if facts.latest.report.status != "approvato":
        return (msg.DOC_HEADER_DRAFT.format(header=long), msg.DOC_HEADER_DRAFT.format(header=short))
    return (long, short)
