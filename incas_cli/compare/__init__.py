"""``incas plan compare``: many plans side by side. Never prints.

Each plan file is read and checked as ``plan validate`` does (in worker processes with
``jobs`` > 1), reduced to a :class:`PlanSummary` (its figures from
:class:`~incas_cli.facts.PlanFacts`, so every sum is the one of the plan's own document)
and added to a :class:`Comparison`, which keeps one summary row per plan (the document
has a row per plan) and running totals; a plan that does not validate is kept apart with
its first problem. :mod:`.tables` turns the comparison into typed tables, which the
document outline (:mod:`incas_cli.document.compare`) and the XLSX writer share.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog
    from incas_cli.checks import Finding
    from incas_cli.facts import PlanFacts
    from incas_cli.models import Plan
    from incas_cli.models.month import YearMonth

__all__ = [
    "Comparison",
    "FundAtRisk",
    "PlanSummary",
    "Rejected",
    "compare_plans",
    "summarize_file",
]

_ZERO = Decimal(0)


#: The plan's own warnings that put a budget line's money at risk: the measure ends after
#: the source's deadline (PNRR: 30 June 2026), or the source does not fund the plan's Region.
RISK_CODES = ("FUNDING_AFTER_DEADLINE", "FUNDING_OUTSIDE_REGION")


@dataclass(frozen=True)
class FundAtRisk:
    """A budget line whose source may not pay for it, with the plan's own warning."""

    measure: str
    source: str
    amount: Decimal
    reason: str
    """The warning's Italian message (``plan validate`` shows the same)."""


@dataclass(frozen=True)
class PlanSummary:
    """What the comparison needs of one valid plan (small and picklable)."""

    name: str
    comune: str
    istat_code: str | None
    province: str | None
    region: str | None
    status: str
    period: str | None
    total: Decimal
    measures: int
    actions: dict[int, str]
    """Action number -> ``primary`` or ``secondary``, for covered actions."""
    axes: dict[str, str]
    axis_budget: dict[str, Decimal]
    unassigned_budget: Decimal
    source_budget: dict[str, Decimal]
    """Source label (or free text; ``""`` for lines whose source is open) -> amount."""
    status_budget: dict[str | None, Decimal]
    """Budget status (``assicurato``, ...; ``None``: not stated) -> amount."""
    year_budget: dict[int | None, Decimal]
    """Budget year (``None``: not assigned to a year) -> amount (:attr:`PlanFacts.by_year`)."""
    need_areas: tuple[str, ...]
    primary_actions: tuple[int, ...]
    """The primary action of each measure (one entry per measure)."""
    open_fields: tuple[str, ...]
    """The labels of the fields still open for adoption, each once, in plan order."""
    open_count: int
    funds_at_risk: tuple[FundAtRisk, ...] = ()


@dataclass(frozen=True)
class Rejected:
    name: str
    message: str
    failed: bool = False


def summarize(
    plan: Plan,
    facts: PlanFacts,
    catalog: Catalog,
    name: str,
    findings: Sequence[Finding] = (),
) -> PlanSummary:
    """The summary of one checked plan (``findings``: its own, for the funds at risk)."""
    from incas_cli.catalog import load_comuni
    from incas_cli.export.rows import comune_record

    record = comune_record(plan, load_comuni())
    region = plan.comune.region or (record.region if record else None)
    sources: dict[str, Decimal] = {}
    for s in facts.by_source:
        known = catalog.funding_sources.get(s.source or "")
        label = known.label if known is not None else (s.source or "")
        sources[label] = sources.get(label, _ZERO) + s.amount
    period = plan.plan.period
    return PlanSummary(
        name=name,
        comune=plan.comune.name,
        istat_code=plan.comune.istat_code or (record.istat_code if record else None),
        province=plan.comune.province or (record.province if record else None),
        region=region,
        status=facts.status,
        period=_period(period.start, period.end) if period else None,
        total=facts.total,
        measures=len(plan.measures),
        actions={a.number: a.coverage for a in facts.actions if a.coverage is not None},
        axes={a.id: a.coverage for a in facts.axes if a.coverage is not None},
        axis_budget={a.id: a.budget for a in facts.axes},
        unassigned_budget=facts.unassigned_budget,
        source_budget=sources,
        status_budget={s.status: s.amount for s in facts.by_status},
        year_budget={y.year: y.amount for y in facts.by_year},
        need_areas=tuple(n.area for n in plan.needs if n.area),
        primary_actions=tuple(m.primary_action for m in facts.by_measure if m.primary_action),
        open_fields=tuple(dict.fromkeys(o.label for o in facts.open_fields)),
        open_count=facts.open_count,
        funds_at_risk=tuple(_funds_at_risk(plan, catalog, findings)),
    )


def _period(start: YearMonth | None, end: YearMonth | None) -> str:
    """``gen 2024 – dic 2026`` (a side left open reads ``?``)."""
    from incas_cli import formats

    def one(month: YearMonth | None) -> str:
        return f"{formats.month_abbr(month.month)} {month.year}" if month is not None else "?"

    return f"{one(start)} – {one(end)}"


def _funds_at_risk(plan: Plan, catalog: Catalog, findings: Sequence[Finding]) -> list[FundAtRisk]:
    """The budget lines the plan's own funding warnings point at (one rule, in checks);
    a line with two warnings is one line at risk, with both reasons."""
    lines: dict[tuple[int, int], list[str]] = {}
    for f in findings:
        if f.code not in RISK_CODES or len(f.loc) < 4 or f.loc[0] != "measures":
            continue
        i, j = f.loc[1], f.loc[3]
        if not isinstance(i, int) or not isinstance(j, int):
            continue
        lines.setdefault((i, j), []).append(f.message)
    out = []
    for (i, j), reasons in lines.items():
        measure = plan.measures[i]
        line = measure.budget[j]
        source = catalog.funding_sources.get(line.source or "")
        label = source.label if source is not None else (line.source or "")
        amount = line.amount if line.amount is not None else _ZERO
        out.append(FundAtRisk(measure.id, label, amount, "; ".join(reasons)))
    return out


@dataclass
class Comparison:
    """The plans compared: one summary per valid plan, and those left apart."""

    national_plan: str | None = None
    plans: list[PlanSummary] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    need_areas: Counter[str] = field(default_factory=Counter)
    """How many plans have at least one need of each area."""
    primary_actions: Counter[int] = field(default_factory=Counter)
    """How many measures have each action as their primary one."""

    def add(self, summary: PlanSummary) -> None:
        self.plans.append(summary)
        self.need_areas.update(set(summary.need_areas))
        self.primary_actions.update(summary.primary_actions)

    @property
    def total(self) -> Decimal:
        return sum((p.total for p in self.plans), _ZERO)

    def by_axis(self) -> dict[str, Decimal]:
        out: dict[str, Decimal] = {}
        for p in self.plans:
            for axis, amount in p.axis_budget.items():
                out[axis] = out.get(axis, _ZERO) + amount
        return out

    @property
    def unassigned(self) -> Decimal:
        return sum((p.unassigned_budget for p in self.plans), _ZERO)

    def by_source(self) -> dict[str, Decimal]:
        out: dict[str, Decimal] = {}
        for p in self.plans:
            for source, amount in p.source_budget.items():
                out[source] = out.get(source, _ZERO) + amount
        return out

    def by_status(self) -> dict[str | None, Decimal]:
        out: dict[str | None, Decimal] = {}
        for p in self.plans:
            for status, amount in p.status_budget.items():
                out[status] = out.get(status, _ZERO) + amount
        return out

    def by_year(self) -> dict[int | None, Decimal]:
        out: dict[int | None, Decimal] = {}
        for p in self.plans:
            for year, amount in p.year_budget.items():
                out[year] = out.get(year, _ZERO) + amount
        return out

    def by_region(self) -> dict[str, tuple[int, Decimal]]:
        out: dict[str, tuple[int, Decimal]] = {}
        for p in self.plans:
            count, amount = out.get(p.region or "", (0, _ZERO))
            out[p.region or ""] = (count + 1, amount + p.total)
        return out


def summarize_file(source: Path) -> PlanSummary | Rejected:
    """Check and summarise one plan file. Never raises for the file."""
    from incas_cli.batch import Status, check_file, first_message
    from incas_cli.catalog import load_catalog
    from incas_cli.facts import plan_facts

    outcome = check_file(source)
    if outcome.status is not Status.OK or outcome.result is None or outcome.result.plan is None:
        return Rejected(outcome.name, first_message(outcome) or "", outcome.status is Status.FAILED)
    plan = outcome.result.plan
    catalog = load_catalog()
    findings = outcome.result.findings
    return summarize(plan, plan_facts(plan, catalog), catalog, outcome.name, findings)


def compare_plans(
    sources: Sequence[Path],
    *,
    jobs: int = 1,
    on_record: Callable[[PlanSummary | Rejected], None] | None = None,
) -> Comparison:
    """Read, check and add up every source, in order."""
    from incas_cli.batch_map import map_ordered
    from incas_cli.catalog import load_catalog

    comparison = Comparison(national_plan=load_catalog().default_plan.id)
    for record in map_ordered(summarize_file, sources, jobs=jobs):
        if isinstance(record, Rejected):
            comparison.rejected.append(record)
        else:
            comparison.add(record)
        if on_record is not None:
            on_record(record)
    return comparison
