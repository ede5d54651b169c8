"""Rules that relate a monitoring report to its plan: findings, never exceptions.

Each rule is a function of a :class:`RuleContext` returning findings with the report's
YAML path (``measures[2].spending[0].paid``); ``checks.py`` attaches ``file:line:col``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from incas_cli import formats as fmt
from incas_cli.checks.content import thousands_dot
from incas_cli.checks.findings import Finding, error, warning
from incas_cli.checks.structure import suggest
from incas_cli.messages import monitor as msg

if TYPE_CHECKING:
    from incas_cli.models import Indicator, Measure, Plan
    from incas_cli.models.month import YearMonth
    from incas_cli.monitor.model import MonitoringReport


def indicator_key(indicator: Indicator) -> str:
    """How a report names a plan's indicator: its id, else its name."""
    return indicator.id or indicator.name


def find_indicator(measure: Measure, ref: str) -> Indicator | None:
    """The measure's indicator a report names by id or by name (case and spaces aside)."""
    wanted = " ".join(ref.split()).casefold()
    for indicator in measure.indicators:
        if indicator.id == ref or " ".join(indicator.name.split()).casefold() == wanted:
            return indicator
    return None


def overlaps(start: YearMonth | None, end: YearMonth | None, lo: YearMonth, hi: YearMonth) -> bool:
    """A measure planned from ``start`` to ``end`` (either open) runs in ``lo``-``hi``."""
    return (start is None or start <= hi) and (end is None or end >= lo)


@dataclass(frozen=True)
class RuleContext:
    report: MonitoringReport
    plan: Plan

    def measure(self, measure_id: str) -> Measure | None:
        return next((m for m in self.plan.measures if m.id == measure_id), None)

    @property
    def measure_ids(self) -> list[str]:
        return [m.id for m in self.plan.measures]


Rule = Callable[[RuleContext], Iterator[Finding]]


def _unknown_measure(ref: str, loc: tuple[str | int, ...], ids: list[str]) -> Finding:
    close = suggest(ref, ids)
    hint = (
        msg.UNKNOWN_MEASURE_HINT_SUGGEST.format(suggestion=close)
        if close
        else msg.UNKNOWN_MEASURE_HINT.format(ids=", ".join(ids) or msg.NONE)
    )
    return error("UNKNOWN_MEASURE", loc, msg.UNKNOWN_MEASURE.format(id=ref), hint)


def other_plan(ctx: RuleContext) -> Iterator[Finding]:
    """No measure of the report is in the plan: the report is about another plan."""
    ids = set(ctx.measure_ids)
    named = [m.id for m in ctx.report.measures] + [v.measure for v in ctx.report.indicators]
    if named and not ids.intersection(named):
        yield error(
            "REPORT_FOR_OTHER_PLAN",
            ("report", "plan", "file"),
            msg.NO_MEASURE_IN_PLAN.format(title=ctx.plan.plan.title),
            msg.REPORT_FOR_OTHER_PLAN_HINT,
        )


def measures(ctx: RuleContext) -> Iterator[Finding]:
    """Measure ids known and listed once; dates in order and not after the period."""
    seen: set[str] = set()
    period = ctx.report.report.period
    for i, item in enumerate(ctx.report.measures):
        loc: tuple[str | int, ...] = ("measures", i)
        if ctx.measure(item.id) is None:
            yield _unknown_measure(item.id, (*loc, "id"), ctx.measure_ids)
        if item.id in seen:
            yield error(
                "DUPLICATE_MEASURE",
                (*loc, "id"),
                msg.DUPLICATE_MEASURE.format(id=item.id),
                msg.DUPLICATE_MEASURE_HINT,
            )
        seen.add(item.id)
        for key in ("started", "ended"):
            month = getattr(item, key)
            if month is not None and month > period.end:
                yield error(
                    "DATE_OUTSIDE_PERIOD",
                    (*loc, key),
                    msg.MONTH_AFTER_PERIOD.format(
                        month=fmt.month(month), end=fmt.month(period.end)
                    ),
                    msg.DATE_OUTSIDE_PERIOD_HINT,
                )
        if item.started and item.ended and item.ended < item.started:
            yield error(
                "ENDED_BEFORE_STARTED",
                (*loc, "ended"),
                msg.ENDED_BEFORE_STARTED,
                msg.ENDED_BEFORE_STARTED_HINT,
            )
        if item.status == "completata" and item.ended is None:
            yield error(
                "COMPLETED_WITHOUT_END",
                (*loc, "status"),
                msg.COMPLETED_WITHOUT_END.format(id=item.id),
                msg.COMPLETED_WITHOUT_END_HINT,
            )
        if item.status == "non-avviata" and item.started is not None:
            yield warning(
                "NOT_STARTED_WITH_START",
                (*loc, "started"),
                msg.NOT_STARTED_WITH_START.format(id=item.id),
                msg.NOT_STARTED_WITH_START_HINT,
            )


def spending(ctx: RuleContext) -> Iterator[Finding]:
    """Paid within committed; committed within the plan's budget of each source."""
    for i, item in enumerate(ctx.report.measures):
        measure = ctx.measure(item.id)
        committed: dict[str | None, Decimal] = {}
        first_row: dict[str | None, int] = {}
        for j, row in enumerate(item.spending):
            loc: tuple[str | int, ...] = ("measures", i, "spending", j)
            if row.paid is not None and row.committed is not None and row.paid > row.committed:
                yield error(
                    "PAID_ABOVE_COMMITTED",
                    (*loc, "paid"),
                    msg.PAID_ABOVE_COMMITTED.format(
                        paid=fmt.money(row.paid), committed=fmt.money(row.committed)
                    ),
                    msg.PAID_ABOVE_COMMITTED_HINT,
                )
            committed[row.source] = committed.get(row.source, Decimal(0)) + (
                row.committed or Decimal(0)
            )
            first_row.setdefault(row.source, j)
        if measure is None:
            continue
        for source, amount in committed.items():
            lines = [b for b in measure.budget if b.source == source]
            loc = ("measures", i, "spending", first_row[source], "source")
            if not lines:
                yield warning(
                    "SOURCE_NOT_IN_BUDGET",
                    loc,
                    msg.SOURCE_NOT_IN_BUDGET.format(source=source or msg.NONE, id=measure.id),
                    msg.SOURCE_NOT_IN_BUDGET_HINT,
                )
                continue
            budget = sum((b.amount for b in lines if b.amount is not None), Decimal(0))
            if any(b.amount is not None for b in lines) and amount > budget:
                yield error(
                    "COMMITTED_ABOVE_BUDGET",
                    ("measures", i, "spending", first_row[source], "committed"),
                    msg.COMMITTED_ABOVE_BUDGET.format(
                        committed=fmt.money(amount), budget=fmt.money(budget), source=source
                    ),
                    msg.COMMITTED_ABOVE_BUDGET_HINT,
                )


def indicators(ctx: RuleContext) -> Iterator[Finding]:
    """Each value names a measure of the plan and one of its indicators, in the period."""
    period = ctx.report.report.period
    for i, value in enumerate(ctx.report.indicators):
        loc: tuple[str | int, ...] = ("indicators", i)
        if isinstance(value.value, Decimal):
            yield from thousands_dot(value.value, (*loc, "value"))
        measure = ctx.measure(value.measure)
        if measure is None:
            yield _unknown_measure(value.measure, (*loc, "measure"), ctx.measure_ids)
        elif find_indicator(measure, value.indicator) is None:
            keys = [indicator_key(x) for x in measure.indicators]
            close = suggest(value.indicator, keys)
            hint = (
                msg.UNKNOWN_INDICATOR_HINT_SUGGEST.format(suggestion=close)
                if close
                else msg.UNKNOWN_INDICATOR_HINT.format(keys="; ".join(keys) or msg.NONE)
            )
            yield error(
                "UNKNOWN_INDICATOR",
                (*loc, "indicator"),
                msg.UNKNOWN_INDICATOR.format(indicator=value.indicator, id=measure.id),
                hint,
            )
        if value.date is not None and not period.start <= value.date <= period.end:
            yield error(
                "DATE_OUTSIDE_PERIOD",
                (*loc, "date"),
                msg.MONTH_OUTSIDE_PERIOD.format(
                    month=fmt.month(value.date),
                    start=fmt.month(period.start),
                    end=fmt.month(period.end),
                ),
                msg.DATE_OUTSIDE_PERIOD_HINT,
            )


def meetings(ctx: RuleContext) -> Iterator[Finding]:
    period = ctx.report.report.period
    known = {s.id for s in ctx.plan.stakeholders}
    for i, meeting in enumerate(ctx.report.meetings):
        if meeting.date is not None and not (
            period.start.first_day <= meeting.date and meeting.date.strftime("%Y-%m") <= period.end
        ):
            yield error(
                "DATE_OUTSIDE_PERIOD",
                ("meetings", i, "date"),
                msg.DATE_OUTSIDE_PERIOD.format(
                    date=fmt.long_date(meeting.date),
                    start=fmt.month(period.start),
                    end=fmt.month(period.end),
                ),
                msg.DATE_OUTSIDE_PERIOD_HINT,
            )
        for j, ref in enumerate(meeting.participants):
            if ref not in known:
                close = suggest(ref, sorted(known))
                yield error(
                    "UNKNOWN_STAKEHOLDER",
                    ("meetings", i, "participants", j),
                    msg.UNKNOWN_PARTICIPANT.format(id=ref),
                    msg.UNKNOWN_MEASURE_HINT_SUGGEST.format(suggestion=close)
                    if close
                    else msg.UNKNOWN_PARTICIPANT_HINT,
                )


def period(ctx: RuleContext) -> Iterator[Finding]:
    """The report's period in order and inside the plan's; the plan's version as named."""
    info = ctx.report.report
    start, end = info.period.start, info.period.end
    if end < start:
        yield error(
            "PERIOD_REVERSED", ("report", "period", "end"), msg.PERIOD_REVERSED, msg.PERIOD_HINT
        )
    plan_period = ctx.plan.plan.period
    plan_start = plan_period.start if plan_period else None
    plan_end = plan_period.end if plan_period else None
    for key, month in (("start", start), ("end", end)):
        if (plan_start and month < plan_start) or (plan_end and month > plan_end):
            yield error(
                "PERIOD_OUTSIDE_PLAN",
                ("report", "period", key),
                msg.PERIOD_OUTSIDE_PLAN.format(
                    month=fmt.month(month),
                    start=fmt.month(plan_start) if plan_start else "…",
                    end=fmt.month(plan_end) if plan_end else "…",
                ),
                msg.PERIOD_HINT,
            )
    named, actual = info.plan.version, ctx.plan.plan.version
    if named is not None and named != actual:
        yield warning(
            "PLAN_VERSION_DIFFERS",
            ("report", "plan", "version"),
            msg.PLAN_VERSION_DIFFERS.format(named=named, actual=actual or msg.NONE),
            msg.PLAN_VERSION_DIFFERS_HINT,
        )


def missing(ctx: RuleContext) -> Iterator[Finding]:
    """Measures of the plan that run in the period but the report leaves out (a warning)."""
    info = ctx.report.report
    listed = {m.id for m in ctx.report.measures}
    if not listed & set(ctx.measure_ids):
        return  # a report for another plan: said once, by other_plan
    for measure in ctx.plan.measures:
        if measure.id not in listed and overlaps(
            measure.start, measure.end, info.period.start, info.period.end
        ):
            yield warning(
                "MEASURE_NOT_REPORTED",
                ("measures",),
                msg.MEASURE_NOT_REPORTED.format(id=measure.id, title=measure.title),
                msg.MEASURE_NOT_REPORTED_HINT,
            )


RULES: tuple[Rule, ...] = (other_plan, period, measures, spending, indicators, meetings, missing)
"""Every rule, in the order of the file's sections."""


def check_against_plan(report: MonitoringReport, plan: Plan) -> list[Finding]:
    ctx = RuleContext(report, plan)
    return [f for rule in RULES for f in rule(ctx)]
