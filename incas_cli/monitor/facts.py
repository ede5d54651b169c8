"""Every figure of a plan and its monitoring reports, computed once: :func:`monitor_facts`.

``monitor status`` and the *Relazione di monitoraggio* show the same figures; they read them
here. Data only: exact ``Decimal`` sums, ids as ids, nothing formatted.

Rules, stated once:

- Reports are a series: sorted by period; the *latest* gives each measure's state (the last
  report that lists it), spending adds up over all of them (each report says what was
  committed and paid in its own period).
- An indicator's *expected* value at a month is on the straight line from its baseline, at
  the start of its measure (else of the plan), to its target, at the measure's end (else the
  plan's); its latest value is *on track* when it is at or beyond that line in the direction
  of the target, *behind* otherwise; *no data* without a value, *no target* without a
  baseline or a target. When the baseline, the target and every value reported are whole
  numbers (beds, people), the expected value is the first whole number on the target's side
  of the line (up when the target is higher, down when it is lower: 43.6 beds expected are
  44): it is the figure shown, and the verdict read against it is the line's.
- A fund is *at risk* of its deadline (the catalogue's ``end_date``, e.g. PNRR M5C2 2.2 by
  30 June 2026) when less than its budget is paid and a measure it funds is not completed,
  and either that measure is planned to end after the deadline, or the deadline falls within
  :data:`RISK_MONTHS` months of the end of the latest period (or before it), or spending is
  behind time: the share paid is below the share of months gone from the first planned
  start of its measures to the deadline.
- What is *missing* is about the latest report: measures that run in its period and are not
  in it, states left open, running measures with budget and no spending, indicators of
  reported measures without a value, no meeting, no date, not approved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING, Literal

from incas_cli.models.month import YearMonth
from incas_cli.monitor.rules import find_indicator, indicator_key, overlaps

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog
    from incas_cli.models import Indicator, Measure, Plan
    from incas_cli.monitor.model import MeasureState, MonitoringReport

__all__ = [
    "RISK_MONTHS",
    "AxisSpending",
    "FundRisk",
    "IndicatorFacts",
    "MeasureFacts",
    "Missing",
    "MonitorFacts",
    "Observation",
    "SourceSpending",
    "monitor_facts",
]

RISK_MONTHS = 12
_ZERO = Decimal(0)

Trend = Literal["on-track", "behind", "no-data", "no-target"]
MissingKind = Literal["measure", "status", "spending", "indicator", "meetings", "date", "approval"]


@dataclass(frozen=True)
class Money:
    """Budget (the plan's), committed and paid (the reports', summed over the series)."""

    budget: Decimal
    committed: Decimal
    paid: Decimal

    @property
    def left(self) -> Decimal:
        """Budget not yet paid."""
        return self.budget - self.paid


@dataclass(frozen=True)
class SourceSpending(Money):
    source: str | None
    deadline: dt.date | None


@dataclass(frozen=True)
class AxisSpending(Money):
    axis: str | None
    """``None``: measures without an axis."""


@dataclass(frozen=True)
class MeasureFacts(Money):
    id: str
    title: str
    planned_start: YearMonth | None
    planned_end: YearMonth | None
    status: MeasureState | None
    """The state in the latest report that lists the measure (None: never reported)."""
    progress: int | None
    started: YearMonth | None
    ended: YearMonth | None
    axis: str | None
    by_source: tuple[SourceSpending, ...]
    notes: tuple[tuple[YearMonth, str], ...]
    """Each report's note on the measure, with the end of its period."""
    issues: tuple[tuple[YearMonth, str], ...]
    corrective: tuple[tuple[YearMonth, str], ...]


@dataclass(frozen=True)
class Observation:
    period_start: YearMonth
    period_end: YearMonth
    value: Decimal
    month: YearMonth
    """The value's date, else the end of its report's period."""
    source: str | None
    note: str | None


@dataclass(frozen=True)
class IndicatorFacts:
    measure: str
    key: str
    name: str
    unit: str | None
    baseline: Decimal | None
    target: Decimal | None
    observations: tuple[Observation, ...]
    expected: Decimal | None
    """On the straight line at the latest observation's month (whole for a count)."""
    trend: Trend
    line_start: YearMonth | None
    line_end: YearMonth | None
    whole: bool
    """Baseline, target and every value are whole numbers: expected values are too."""

    @property
    def latest(self) -> Observation | None:
        return self.observations[-1] if self.observations else None

    def expected_at(self, month: YearMonth) -> Decimal | None:
        line = (self.line_start, self.line_end)
        return _expected(self.baseline, self.target, *line, month, whole=self.whole)


@dataclass(frozen=True)
class FundRisk:
    source: str
    deadline: dt.date
    budget: Decimal
    paid: Decimal
    measures: tuple[str, ...]
    """Measures it funds that are not completed."""
    late_plans: tuple[str, ...]
    """Of those, the ones planned to end after the deadline."""


@dataclass(frozen=True)
class Missing:
    kind: MissingKind
    measure: str | None = None
    indicator: str | None = None


@dataclass(frozen=True)
class MonitorFacts:
    plan: Plan
    reports: tuple[MonitoringReport, ...]
    """Sorted by period."""
    measures: tuple[MeasureFacts, ...]
    by_source: tuple[SourceSpending, ...]
    by_axis: tuple[AxisSpending, ...]
    total: Money
    indicators: tuple[IndicatorFacts, ...]
    risks: tuple[FundRisk, ...]
    missing: tuple[Missing, ...]

    @property
    def latest(self) -> MonitoringReport:
        return self.reports[-1]

    def measure(self, measure_id: str) -> MeasureFacts | None:
        return next((m for m in self.measures if m.id == measure_id), None)

    def by_status(self) -> dict[MeasureState | None, tuple[str, ...]]:
        """Measure ids by state (``None``: not reported), in plan order."""
        out: dict[MeasureState | None, list[str]] = {}
        for m in self.measures:
            out.setdefault(m.status, []).append(m.id)
        return {k: tuple(v) for k, v in out.items()}

    def trends(self) -> dict[Trend, int]:
        counts: dict[Trend, int] = {"on-track": 0, "behind": 0, "no-data": 0, "no-target": 0}
        for i in self.indicators:
            counts[i.trend] += 1
        return counts


def monitor_facts(
    plan: Plan, reports: Sequence[MonitoringReport], catalog: Catalog
) -> MonitorFacts:
    """The facts of ``plan`` and its ``reports`` (checked against it, at least one)."""
    from incas_cli.facts import plan_facts

    series = tuple(sorted(reports, key=lambda r: (r.report.period.start, r.report.period.end)))
    axes = {m.id: m.axis for m in plan_facts(plan, catalog).by_measure}
    deadlines = {k: s.end_date for k, s in catalog.funding_sources.items()}
    measures = tuple(_measure(m, series, axes.get(m.id), deadlines) for m in plan.measures)
    by_source = _sum_sources([s for m in measures for s in m.by_source], deadlines)
    axis_order = [a.id for a in plan_facts(plan, catalog).axes]
    by_axis = tuple(
        AxisSpending(*_sum(m for m in measures if m.axis == axis), axis=axis)
        for axis in [*axis_order, None]
        if any(m.axis == axis for m in measures)
    )
    return MonitorFacts(
        plan=plan,
        reports=series,
        measures=measures,
        by_source=by_source,
        by_axis=by_axis,
        total=Money(*_sum(measures)),
        indicators=tuple(
            _indicator(plan, m, i, series) for m in plan.measures for i in m.indicators
        ),
        risks=_risks(measures, by_source, series[-1]),
        missing=_missing(plan, series[-1]),
    )


def _sum(items: Iterable[Money]) -> tuple[Decimal, Decimal, Decimal]:
    rows = list(items)
    return (
        sum((r.budget for r in rows), _ZERO),
        sum((r.committed for r in rows), _ZERO),
        sum((r.paid for r in rows), _ZERO),
    )


def _sum_sources(
    rows: Sequence[SourceSpending], deadlines: dict[str, dt.date | None]
) -> tuple[SourceSpending, ...]:
    order = list(dict.fromkeys(r.source for r in rows))
    known = [k for k in deadlines if k in order]
    keys = [*known, *[k for k in order if k not in deadlines]]
    return tuple(
        SourceSpending(
            *_sum([r for r in rows if r.source == key]),
            source=key,
            deadline=deadlines.get(key) if key else None,
        )
        for key in keys
    )


def _measure(
    measure: Measure,
    series: tuple[MonitoringReport, ...],
    axis: str | None,
    deadlines: dict[str, dt.date | None],
) -> MeasureFacts:
    entries = [(r, r.measure(measure.id)) for r in series]
    listed = [(r, e) for r, e in entries if e is not None]
    last = listed[-1][1] if listed else None
    budget: dict[str | None, Decimal] = {}
    for line in measure.budget:
        if line.in_kind:  # staff or premises, not money: no row of the spending tables
            continue
        budget[line.source] = budget.get(line.source, _ZERO) + (line.amount or _ZERO)
    committed: dict[str | None, Decimal] = {}
    paid: dict[str | None, Decimal] = {}
    for _, entry in listed:
        for row in entry.spending:
            committed[row.source] = committed.get(row.source, _ZERO) + (row.committed or _ZERO)
            paid[row.source] = paid.get(row.source, _ZERO) + (row.paid or _ZERO)
    sources = list(dict.fromkeys([*budget, *committed]))
    by_source = tuple(
        SourceSpending(
            budget.get(s, _ZERO),
            committed.get(s, _ZERO),
            paid.get(s, _ZERO),
            source=s,
            deadline=deadlines.get(s) if s else None,
        )
        for s in sources
    )

    def texts(key: str) -> tuple[tuple[YearMonth, str], ...]:
        return tuple((r.report.period.end, getattr(e, key)) for r, e in listed if getattr(e, key))

    started = next((e.started for _, e in reversed(listed) if e.started), None)
    ended = next((e.ended for _, e in reversed(listed) if e.ended), None)
    return MeasureFacts(
        *_sum(by_source),
        id=measure.id,
        title=measure.title,
        planned_start=measure.start,
        planned_end=measure.end,
        status=last.status if last else None,
        progress=last.progress if last else None,
        started=started,
        ended=ended,
        axis=axis,
        by_source=by_source,
        notes=texts("note"),
        issues=texts("issues"),
        corrective=texts("corrective"),
    )


def _expected(
    baseline: Decimal | None,
    target: Decimal | None,
    start: YearMonth | None,
    end: YearMonth | None,
    month: YearMonth,
    *,
    whole: bool,
) -> Decimal | None:
    if baseline is None or target is None or start is None or end is None:
        return None
    span = end.index - start.index + 1
    done = min(max(month.index - start.index + 1, 0), span)
    expected = baseline + (target - baseline) * Decimal(done) / Decimal(max(span, 1))
    if not whole:
        return expected
    # a whole value is at or beyond the line exactly when it is at or beyond this one
    return expected.to_integral_value(ROUND_CEILING if target >= baseline else ROUND_FLOOR)


def _indicator(
    plan: Plan, measure: Measure, indicator: Indicator, series: tuple[MonitoringReport, ...]
) -> IndicatorFacts:
    period = plan.plan.period
    start = measure.start or (period.start if period else None)
    end = measure.end or (period.end if period else None)
    observations = tuple(
        Observation(
            r.report.period.start,
            r.report.period.end,
            v.value,
            v.date or r.report.period.end,
            v.source,
            v.note,
        )
        for r in series
        for v in r.indicators
        if v.value is not None
        and v.measure == measure.id
        and find_indicator(measure, v.indicator) is indicator
    )
    latest = observations[-1] if observations else None
    values = (indicator.baseline, indicator.target, *(o.value for o in observations))
    whole = all(v is None or v == v.to_integral_value() for v in values)
    expected = (
        _expected(indicator.baseline, indicator.target, start, end, latest.month, whole=whole)
        if latest
        else None
    )
    trend: Trend
    if indicator.baseline is None or indicator.target is None:
        trend = "no-target"
    elif latest is None or expected is None:
        trend = "no-data"
    elif indicator.target >= indicator.baseline:
        trend = "on-track" if latest.value >= expected else "behind"
    else:
        trend = "on-track" if latest.value <= expected else "behind"
    return IndicatorFacts(
        measure=measure.id,
        key=indicator_key(indicator),
        name=indicator.name,
        unit=indicator.unit,
        baseline=indicator.baseline,
        target=indicator.target,
        observations=observations,
        expected=expected,
        trend=trend,
        line_start=start,
        line_end=end,
        whole=whole,
    )


def _risks(
    measures: tuple[MeasureFacts, ...],
    by_source: tuple[SourceSpending, ...],
    latest: MonitoringReport,
) -> tuple[FundRisk, ...]:
    horizon = latest.report.period.end.plus(RISK_MONTHS)
    risks = []
    for fund in by_source:
        if fund.source is None or fund.deadline is None or fund.paid >= fund.budget:
            continue
        funded = [m for m in measures if any(s.source == fund.source for s in m.by_source)]
        open_ = [m for m in funded if m.status not in ("completata", "annullata")]
        deadline = YearMonth.from_date(fund.deadline)
        late = [m.id for m in open_ if m.planned_end is not None and m.planned_end > deadline]
        starts = [m.planned_start for m in funded if m.planned_start is not None]
        behind = False
        if starts:
            first = min(starts)
            months = max(1, first.months_until(deadline) + 1)
            gone = min(months, max(0, first.months_until(latest.report.period.end) + 1))
            behind = fund.paid * months < fund.budget * gone
        if open_ and (late or deadline <= horizon or behind):
            risks.append(
                FundRisk(
                    fund.source,
                    fund.deadline,
                    fund.budget,
                    fund.paid,
                    tuple(m.id for m in open_),
                    tuple(late),
                )
            )
    return tuple(risks)


def _missing(plan: Plan, latest: MonitoringReport) -> tuple[Missing, ...]:
    info = latest.report
    found: list[Missing] = []
    for measure in plan.measures:
        entry = latest.measure(measure.id)
        if entry is None:
            if overlaps(measure.start, measure.end, info.period.start, info.period.end):
                found.append(Missing("measure", measure.id))
            continue
        if entry.status is None:
            found.append(Missing("status", measure.id))
        running = entry.status in ("in-corso", "completata")
        if running and measure.total_budget > 0 and not entry.spending:
            found.append(Missing("spending", measure.id))
        if entry.status in ("non-avviata", "annullata"):
            continue
        for indicator in measure.indicators:
            if not any(
                v.measure == measure.id
                and v.value is not None
                and find_indicator(measure, v.indicator) is indicator
                for v in latest.indicators
            ):
                found.append(Missing("indicator", measure.id, indicator_key(indicator)))
    if not latest.meetings:
        found.append(Missing("meetings"))
    if info.date is None:
        found.append(Missing("date"))
    if info.status != "approvato":
        found.append(Missing("approval"))
    return tuple(found)
