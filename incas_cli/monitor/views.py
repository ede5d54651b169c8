"""``monitor status``: one screen of blocks (within 80 columns) from the facts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from incas_cli import formats as fmt
from incas_cli.document.model import Paragraph, Table
from incas_cli.messages import monitor as msg
from incas_cli.monitor import tables
from incas_cli.monitor.tables import Labels

if TYPE_CHECKING:
    from incas_cli.monitor.facts import Missing, MonitorFacts

_MAX_ROWS = 8


def missing_text(item: Missing, facts: MonitorFacts) -> str:
    name = next(
        (i.name for i in facts.indicators if (i.measure, i.key) == (item.measure, item.indicator)),
        item.indicator,
    )
    return msg.MISSING[item.kind].format(measure=item.measure, indicator=name)


def reports_line(facts: MonitorFacts) -> str:
    periods = [tables.span(r.report.period.start, r.report.period.end) for r in facts.reports]
    status = facts.latest.report.status or "bozza"
    line = msg.STATUS_ONE_REPORT_LINE if len(periods) == 1 else msg.STATUS_REPORTS_LINE
    return line.format(periods=fmt.join_and(periods), status=msg.REPORT_STATUS_WORDS[status])


def money_line(facts: MonitorFacts) -> str:
    total = facts.total
    return msg.STATUS_MONEY_LINE.format(
        paid=fmt.money(total.paid),
        budget=fmt.money(total.budget),
        share=fmt.percent(total.paid, total.budget),
        committed=fmt.money(total.committed),
    )


def status_blocks(facts: MonitorFacts, labels: Labels, plan_name: str) -> list[Table | Paragraph]:
    plan = facts.plan
    blocks: list[Table | Paragraph] = [
        Paragraph(
            (
                msg.STATUS_PLAN_LINE.format(
                    title=plan.plan.title, version=plan.plan.version or msg.DASH, path=plan_name
                ),
            ),
            "plain",
        ),
        Paragraph((reports_line(facts),), "plain"),
        tables.by_state(facts),
        tables.by_source(facts, labels),
        Paragraph((money_line(facts),), "plain"),
        tables.trends(facts),
    ]
    behind = tables.behind(facts, _MAX_ROWS)
    if behind is not None:
        blocks.append(behind)
    risks = tables.risks(facts, labels)
    blocks.append(risks if risks is not None else Paragraph((msg.STATUS_RISK_NONE,), "plain"))
    blocks += _missing(facts)
    return blocks


def _missing(facts: MonitorFacts) -> Sequence[Paragraph]:
    if not facts.missing:
        return [Paragraph((msg.STATUS_MISSING_NONE,), "plain")]
    lines = [missing_text(m, facts) for m in facts.missing]
    if len(lines) > _MAX_ROWS:
        lines = [*lines[:_MAX_ROWS], msg.MORE_ROWS.format(count=len(lines) - _MAX_ROWS)]
    return [
        Paragraph((msg.STATUS_MISSING_TITLE,), "plain"),
        *(Paragraph((msg.MISSING_LINE.format(text=t),), "plain") for t in lines),
    ]
