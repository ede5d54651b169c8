"""Monitoring reports (``incas monitor``) among the export's inputs: their rows.

A report is told from a plan by its top-level ``report`` key. It is checked against the
plan it names, as ``incas monitor validate`` does; its rows carry that plan's key, so they
join the plan's measures (the plan itself must be exported in the same run: a report
whose plan is not is listed apart, never written with a dangling key).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from incas_cli.export.tables import Row, money

if TYPE_CHECKING:
    from incas_cli.catalog.comuni import ComuniIndex
    from incas_cli.monitor.model import MonitoringReport


def report_rows(report: MonitoringReport, key: str) -> dict[str, list[Row]]:
    """The monitoring tables' rows of one report of the plan keyed ``key``."""
    start = str(report.report.period.start)
    end = str(report.report.period.end)
    measures: list[Row] = []
    for m in report.measures:
        committed = [s.committed for s in m.spending if s.committed is not None]
        paid = [s.paid for s in m.spending if s.paid is not None]
        measures.append(
            (
                key,
                start,
                end,
                m.id,
                m.status,
                m.progress,
                str(m.started) if m.started else None,
                str(m.ended) if m.ended else None,
                money(sum(committed, Decimal(0))) if committed else None,
                money(sum(paid, Decimal(0))) if paid else None,
            )
        )
    values: list[Row] = [
        (
            key,
            start,
            i,
            v.measure,
            v.indicator,
            v.value,
            str(v.date) if v.date else None,
            v.source,
        )
        for i, v in enumerate(report.indicators, 1)
    ]
    return {"monitoring_measures": measures, "monitoring_values": values}


def read_report(
    source: Path, comuni: ComuniIndex
) -> tuple[str | None, str | None, dict[str, list[Row]] | None, str | None, bool]:
    """``(plan key, period start, rows, first problem, unreadable)`` of one report file."""
    from incas_cli.batch import Status, first_message
    from incas_cli.export.rows import NoKeyError, plan_identity
    from incas_cli.monitor.checks import check_report

    outcome = check_report(source)
    result = outcome.result
    report = getattr(result, "report", None)
    if outcome.status is not Status.OK or result is None or result.plan is None or report is None:
        return None, None, None, first_message(outcome), outcome.status is Status.FAILED
    try:
        key = plan_identity(result.plan, comuni).key
    except NoKeyError as err:
        return None, None, None, str(err), False
    start = str(report.report.period.start)
    return key, start, report_rows(report, key), None, False
