"""``monitor init``: a report pre-filled from the plan, checked before anyone writes it."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from incas_cli import formats as fmt
from incas_cli.errors import UsageError
from incas_cli.messages import monitor as msg
from incas_cli.models.month import YearMonth

if TYPE_CHECKING:
    from incas_cli.models import Plan
    from incas_cli.models.plan import BudgetLine

TEMPLATE = "monitor-init.yaml.j2"

__all__ = ["TEMPLATE", "ReportPeriodSpan", "build_report", "default_output", "parse_period"]


@dataclass(frozen=True)
class ReportPeriodSpan:
    start: YearMonth
    end: YearMonth
    text: str
    """As the user wrote it, for the file's name (``2025``, ``2025-01..2025-06``)."""


_RANGE = re.compile(r"^(\d{4}-\d{2})\s*(?:\.\.|:|/)\s*(\d{4}-\d{2})$")


def parse_period(text: str, plan: Plan) -> ReportPeriodSpan:
    """``2025`` (the year, within the plan's period) or ``2025-01..2025-06``; a
    ``UsageError`` for anything else or a period outside the plan's."""
    value = text.strip()
    try:
        if re.fullmatch(r"\d{4}", value):
            start, end = YearMonth.of(int(value), 1), YearMonth.of(int(value), 12)
            period = plan.plan.period
            if period is not None and period.start is not None and period.start > start:
                start = period.start
            if period is not None and period.end is not None and period.end < end:
                end = period.end
        elif match := _RANGE.match(value):
            start, end = YearMonth(match.group(1)), YearMonth(match.group(2))
        else:
            raise ValueError(value)
    except ValueError:
        raise UsageError(
            msg.INIT_BAD_PERIOD.format(value=text), hint=msg.INIT_BAD_PERIOD_HINT
        ) from None
    if end < start:
        raise UsageError(
            msg.INIT_PERIOD_REVERSED.format(value=text, start=start, end=end),
            hint=msg.INIT_PERIOD_REVERSED_HINT.format(start=start, end=end),
        )
    _check_inside(start, end, plan, text)
    return ReportPeriodSpan(start, end, value.replace(":", "..").replace("/", ".."))


def _check_inside(start: YearMonth, end: YearMonth, plan: Plan, text: str) -> None:
    period = plan.plan.period
    lo = period.start if period else None
    hi = period.end if period else None
    if (lo and end < lo) or (hi and start > hi) or (lo and start < lo) or (hi and end > hi):
        raise UsageError(
            msg.INIT_PERIOD_OUTSIDE.format(
                value=text,
                start=fmt.month(lo) if lo else "…",
                end=fmt.month(hi) if hi else "…",
            ),
            hint=msg.INIT_PERIOD_OUTSIDE_HINT,
        )


def default_output(plan_path: Path, span: ReportPeriodSpan) -> Path:
    """``piano-monitoraggio-2025.yaml`` beside ``piano.yaml``."""
    suffix = span.text.replace("..", "_")
    return plan_path.with_name(f"{plan_path.stem}-monitoraggio-{suffix}.yaml")


def _relative(plan_path: Path, output: Path) -> str:
    try:
        return Path(os.path.relpath(plan_path.resolve(), output.resolve().parent)).as_posix()
    except (OSError, ValueError):
        return plan_path.resolve().as_posix()


def _line_budget(line: BudgetLine) -> str:
    """What the plan says of a budget line, in the comment beside its spending."""
    if line.in_kind:
        return msg.LINE_IN_KIND
    amount = fmt.money(line.amount) if line.amount is not None else msg.OPEN
    if line.year is not None:
        return msg.LINE_BUDGET_YEAR.format(year=line.year, amount=amount)
    return msg.LINE_BUDGET.format(amount=amount)


def build_report(plan: Plan, plan_path: Path, output: Path, span: ReportPeriodSpan) -> str:
    """The text of the report, checked against the plan (a bug if it does not pass)."""
    from incas_cli.io import parse_yaml
    from incas_cli.monitor.checks import PlanSource, check_report_document
    from incas_cli.monitor.model import MEASURE_STATES, REPORT_STATUSES
    from incas_cli.monitor.rules import indicator_key
    from incas_cli.scaffold.template import render_yaml_template

    context: dict[str, Any] = {
        "title": plan.plan.title,
        "plan_file": _relative(plan_path, output),
        "file_name": output.name,
        "version": plan.plan.version,
        "start": str(span.start),
        "end": str(span.end),
        "period_label": msg.RANGE.format(start=fmt.month(span.start), end=fmt.month(span.end)),
        "report_statuses": REPORT_STATUSES,
        "states": MEASURE_STATES,
        "measures": [
            {
                "id": m.id,
                "title": m.title,
                "planned": msg.PLANNED.format(
                    start=fmt.month(m.start) if m.start else "…",
                    end=fmt.month(m.end) if m.end else "…",
                ),
                "started_comment": msg.STARTED_COMMENT
                + (msg.PLANNED_START.format(month=m.start) if m.start else ""),
                "ended_comment": msg.ENDED_COMMENT
                + (msg.PLANNED_END.format(month=m.end) if m.end else ""),
                "lines": [
                    {"source": b.source, "budget": _line_budget(b)} for b in m.budget if b.source
                ],
            }
            for m in plan.measures
        ],
        "indicators": [
            {
                "measure": m.id,
                "key": indicator_key(i),
                "label": msg.INDICATOR_UNIT.format(name=i.name, unit=i.unit) if i.unit else i.name,
                "baseline": fmt.number(i.baseline) if i.baseline is not None else msg.OPEN,
                "target": fmt.number(i.target) if i.target is not None else msg.OPEN,
                "source_comment": msg.SOURCE_COMMENT
                + (msg.VERIFICATION_NOTE.format(text=i.verification) if i.verification else ""),
            }
            for m in plan.measures
            for i in m.indicators
        ],
        "example_date": f"{span.start}-15",
        "example_participant": plan.stakeholders[0].id if plan.stakeholders else "comune",
    }
    text = render_yaml_template(TEMPLATE, **context)
    doc = parse_yaml(text, output.name)
    result = check_report_document(doc, output, PlanSource(given=plan_path))
    if not result.ok:
        raise RuntimeError(
            "monitor init produced an invalid report: "
            + "; ".join(f"{f.code} {f.path}" for f in result.errors)
        )
    return text
