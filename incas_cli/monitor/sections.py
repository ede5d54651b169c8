"""The chapters of the *Relazione di monitoraggio* about measures, indicators, money,
problems and meetings: functions of :class:`Report` returning blocks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from incas_cli import formats as fmt
from incas_cli.document.model import (
    Block,
    Column,
    Figure,
    Heading,
    Inline,
    ItemList,
    Paragraph,
    Run,
    Table,
)
from incas_cli.messages import monitor as msg
from incas_cli.messages import render as render_msg
from incas_cli.monitor import tables
from incas_cli.monitor.tables import Labels, month, quantity, span

if TYPE_CHECKING:
    from incas_cli.models.month import YearMonth
    from incas_cli.monitor.facts import IndicatorFacts, MeasureFacts, MonitorFacts
    from incas_cli.monitor.model import MonitoringReport
    from incas_cli.render import Edition


@dataclass(frozen=True)
class Report:
    """What every chapter reads: the facts, the labels and the edition."""

    facts: MonitorFacts
    labels: Labels
    edition: Edition

    @property
    def internal(self) -> bool:
        return self.edition == "interna"

    def period_of(self, end: YearMonth) -> str:
        report = next(r for r in self.facts.reports if r.report.period.end == end)
        return span(report.report.period.start, report.report.period.end)


def _labelled(label: str, text: str) -> Paragraph:
    return Paragraph((Run(label, bold=True), text))


# --- measures ------------------------------------------------------------------------------


def measures(rep: Report) -> list[Block]:
    facts = rep.facts
    rows = tuple(
        (
            m.id,
            m.title,
            rep.labels.state(m.status),
            f"{m.progress}%" if m.progress is not None else msg.DASH,
            msg.SPAN.format(start=month(m.planned_start), end=month(m.planned_end)),
            _actual(m),
        )
        for m in facts.measures
    )
    blocks: list[Block] = [
        Heading(1, msg.H_MEASURES),
        Table(
            msg.TABLE_MEASURES,
            (
                Column(msg.COL_MEASURE),
                Column(msg.COL_TITLE),
                Column(msg.COL_STATE),
                Column(msg.COL_PROGRESS, "right"),
                Column(msg.COL_PLANNED),
                Column(msg.COL_ACTUAL),
            ),
            rows,
        ),
    ]
    for m in facts.measures:
        blocks += _measure(rep, m)
    return blocks


def _actual(m: MeasureFacts) -> str:
    if m.started is None and m.ended is None:
        return msg.DASH
    if m.ended is None:
        return msg.ACTUAL_FROM.format(start=month(m.started))
    return msg.SPAN.format(start=month(m.started), end=month(m.ended))


def reports_table(rep: Report) -> Table:
    """Each report of the series: its period, date, state, approval and authors."""
    rows = []
    for r in rep.facts.reports:
        info = r.report
        act = info.approval
        approval = (
            msg.APPROVAL_CELL.format(
                organ=msg.DOC_COVER_APPROVAL_ORGANS[act.organ or "giunta"],
                number=fmt.act_number(act.number) if act.number else msg.DASH,
                date=fmt.date_after("del", act.date) if act.date else "",
            ).strip()
            if act is not None
            else msg.DASH
        )
        rows.append(
            (
                span(info.period.start, info.period.end),
                fmt.long_date(info.date) if info.date else msg.DASH,
                msg.REPORT_STATUS_WORDS[info.status or "bozza"],
                approval,
                fmt.join_and(list(info.authors)) or msg.DASH,
            )
        )
    return Table(
        msg.TABLE_REPORTS,
        (
            Column(msg.COL_PERIOD),
            Column(msg.COL_REPORT_DATE),
            Column(msg.COL_STATE),
            Column(msg.COL_APPROVAL),
            Column(msg.COL_AUTHORS),
        ),
        tuple(rows),
    )


def _measure(rep: Report, m: MeasureFacts) -> list[Block]:
    items: list[tuple[Inline, ...]] = []
    for report in rep.facts.reports:
        entry = report.measure(m.id)
        if entry is None:
            continue
        found: list[str] = []
        if entry.status is not None:
            found.append(msg.MEASURE_STATE_FACT.format(state=rep.labels.state(entry.status)))
        if entry.progress is not None:
            found.append(msg.MEASURE_PROGRESS_FACT.format(progress=entry.progress))
        if entry.started is not None:
            found.append(
                msg.MEASURE_STARTED_FACT.format(in_month=fmt.in_month(fmt.month(entry.started)))
            )
        if entry.ended is not None:
            found.append(
                msg.MEASURE_ENDED_FACT.format(in_month=fmt.in_month(fmt.month(entry.ended)))
            )
        found += [
            msg.MEASURE_SPENDING_FACT.format(
                source=rep.labels.source(s.source),
                committed=fmt.money(s.committed) if s.committed is not None else msg.DASH,
                paid=fmt.money(s.paid) if s.paid is not None else msg.DASH,
            )
            for s in entry.spending
        ]
        period = span(report.report.period.start, report.report.period.end)
        text = "; ".join(found) or msg.MEASURE_NOT_IN_REPORT
        items.append((msg.MEASURE_PERIOD_LINE.format(period=period, facts=text),))
    blocks: list[Block] = [Heading(2, f"{m.id} {m.title}")]
    blocks.append(ItemList(tuple(items)) if items else Paragraph((msg.MEASURE_NO_REPORT,)))
    if rep.internal:
        blocks += [_labelled(msg.LABEL_NOTE.format(period=rep.period_of(e)), t) for e, t in m.notes]
    return blocks


# --- indicators ----------------------------------------------------------------------------


def indicators(rep: Report) -> list[Block]:
    """The table of every indicator by period, then the charts, a few indicators to each."""
    from incas_cli.document.figures.series import PANELS_PER_FIGURE

    facts = rep.facts
    blocks: list[Block] = [Heading(1, msg.H_INDICATORS)]
    if not facts.indicators:
        return [*blocks, Paragraph((msg.INDICATORS_NONE,))]
    blocks.append(tables.indicator_series(facts))
    measured = [i for i in facts.indicators if i.observations]
    if measured:
        blocks.append(Heading(2, msg.H_CHARTS))
    groups = [
        measured[k : k + PANELS_PER_FIGURE] for k in range(0, len(measured), PANELS_PER_FIGURE)
    ]
    for number, group in enumerate(groups, start=1):
        blocks.append(_chart(rep, group, number, len(groups)))
    empty = [i for i in facts.indicators if not i.observations]
    if empty:
        names = [msg.INDICATOR_OF.format(measure=i.measure, name=i.name) for i in empty]
        blocks.append(Paragraph((msg.INDICATORS_NO_VALUES.format(names="; ".join(names)),)))
    return blocks


def _chart(rep: Report, group: list[IndicatorFacts], number: int, total: int) -> Figure:
    from incas_cli.document.figures.series import (
        SeriesPanel,
        SeriesPoint,
        series_alt_text,
        series_png,
    )

    panels = []
    for i in group:
        points = tuple(SeriesPoint(o.month, o.value) for o in i.observations)
        panels.append(
            SeriesPanel(
                title=msg.INDICATOR_OF.format(measure=i.measure, name=i.name),
                points=points,
                baseline=i.baseline,
                target=i.target,
                start=i.line_start or min(p.month for p in points),
                end=i.line_end or max(p.month for p in points),
            )
        )
    title = (
        msg.FIGURE_SERIES_PART.format(number=number, total=total)
        if total > 1
        else msg.FIGURE_SERIES
    )
    columns = [
        Column(msg.COL_MEASURE),
        Column(msg.COL_INDICATOR),
        Column(msg.COL_PERIOD),
        Column(msg.COL_MONTH),
        Column(msg.COL_VALUE, "right"),
        Column(msg.COL_EXPECTED, "right"),
        Column(msg.COL_VALUE_SOURCE),
    ]
    if rep.internal:
        columns.append(Column(msg.COL_NOTE))
    rows = []
    for i in group:
        for o in i.observations:
            row = [
                i.measure,
                i.name,
                span(o.period_start, o.period_end),
                fmt.month(o.month),
                quantity(o.value),
                quantity(i.expected_at(o.month)),
                o.source or msg.DASH,
            ]
            if rep.internal:
                row.append(o.note or msg.DASH)
            rows.append(tuple(row))
    alt = " ".join(series_alt_text(p) for p in panels)
    return Figure(title, alt, series_png(panels), Table(title, tuple(columns), tuple(rows)))


# --- money ---------------------------------------------------------------------------------


def spending(rep: Report) -> list[Block]:
    facts = rep.facts
    blocks: list[Block] = [
        Heading(1, msg.H_SPENDING),
        tables.by_measure(facts),
        tables.by_source(facts, rep.labels),
        tables.by_axis(facts, rep.labels),
    ]
    risks = tables.risks(facts, rep.labels)
    blocks.append(risks if risks is not None else Paragraph((msg.SUMMARY_NO_RISKS,)))
    return blocks


# --- problems and meetings ------------------------------------------------------------------


def problems(rep: Report) -> list[Block]:
    blocks: list[Block] = [Heading(1, msg.H_PROBLEMS)]
    found = [m for m in rep.facts.measures if m.issues or m.corrective]
    if not found:
        return [*blocks, Paragraph((msg.NO_PROBLEMS,))]
    for m in found:
        blocks.append(Heading(2, msg.PROBLEM_MEASURE.format(id=m.id, title=m.title)))
        entries = sorted(
            [(end, 0, msg.LABEL_ISSUES, text) for end, text in m.issues]
            + [(end, 1, msg.LABEL_CORRECTIVE, text) for end, text in m.corrective]
        )
        blocks += [
            _labelled(label.format(period=rep.period_of(end)), text)
            for end, _, label, text in entries
        ]
    return blocks


def meetings(rep: Report) -> list[Block]:
    blocks: list[Block] = [Heading(1, msg.H_PROCESS)]
    rows = []
    for report in rep.facts.reports:
        rows += [_meeting_row(rep, report, i) for i in range(len(report.meetings))]
    if not rows:
        return [*blocks, Paragraph((msg.NO_MEETINGS,))]
    times = msg.TIMES_ONE if len(rows) == 1 else msg.TIMES_MANY.format(count=fmt.integer(len(rows)))
    return [
        *blocks,
        Paragraph((msg.MEETINGS_COUNT.format(count=times),)),
        Table(
            msg.TABLE_MEETINGS,
            (
                Column(msg.COL_DATE),
                Column(msg.COL_KIND),
                Column(msg.COL_TABLE),
                Column(msg.COL_PARTICIPANTS),
                Column(msg.COL_SUMMARY),
            ),
            tuple(rows),
        ),
    ]


def _meeting_row(rep: Report, report: MonitoringReport, index: int) -> tuple[str, ...]:
    meeting = report.meetings[index]
    plan = rep.facts.plan
    names = []
    for ref in meeting.participants:
        found = plan.stakeholder(ref)
        names.append(found.name if found is not None else ref)
    return (
        fmt.long_date(meeting.date) if meeting.date else msg.DASH,
        render_msg.MEETING_KINDS[meeting.kind] if meeting.kind else msg.DASH,
        meeting.table or msg.DASH,
        fmt.join_and(names) or msg.DASH,
        meeting.summary or msg.DASH,
    )
