"""``incas plan compare``: many plans side by side. Never prints.

Each plan file is read and checked as ``plan validate`` does (in worker processes with
``jobs`` > 1) and reduced to a :class:`PlanSummary` (its figures from
:class:`~incas_cli.facts.PlanFacts`, so every sum is the one of the plan's own document),
which is added to a :class:`Comparison`. Memory does not grow with the number of plans:

- what the per-plan tables show of each plan (a :class:`PlanRow`), and the plans that do
  not validate (each with its first problem, never silently skipped), go to JSON-lines
  files in a temporary folder as they come (:mod:`.spill`) and are read back in input
  order by the writers;
- the rest is running totals keyed by what the catalogue bounds: axes, actions, need
  areas, funding sources of the catalogue, budget statuses, years (1900-2100). Two keys
  the catalogue does not bound are capped: funding sources written as free text and
  regions, at :data:`KEYS_LIMIT` distinct names each; beyond that their amounts are added
  up in one row («altre fonti a testo libero», «altre regioni»), so every sum stays whole.

:mod:`.tables` turns the comparison into typed tables, which the document outline
(:mod:`incas_cli.document.compare`) and the XLSX writer share.
"""

from __future__ import annotations

import shutil
import weakref
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from incas_cli.compare.spill import Records

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog
    from incas_cli.checks import Finding
    from incas_cli.facts import PlanFacts
    from incas_cli.models import Plan
    from incas_cli.models.month import YearMonth

__all__ = [
    "KEYS_LIMIT",
    "Comparison",
    "FundAtRisk",
    "PlanRow",
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
class PlanRow:
    """What the per-plan tables show of one valid plan (spilled to disk, one a line)."""

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
    open_fields: tuple[str, ...]
    """The labels of the fields still open for adoption, each once, in plan order."""
    open_count: int
    funds_at_risk: tuple[FundAtRisk, ...] = ()


@dataclass(frozen=True)
class PlanSummary:
    """What the comparison needs of one valid plan (small and picklable): its row, and
    what is added up across plans."""

    row: PlanRow
    axis_budget: dict[str, Decimal]
    unassigned_budget: Decimal
    source_budget: dict[str, Decimal]
    """Source label of the catalogue (``""`` for lines whose source is open) -> amount."""
    free_source_budget: dict[str, Decimal]
    """Source written as free text -> amount."""
    status_budget: dict[str | None, Decimal]
    """Budget status (``assicurato``, ...; ``None``: not stated) -> amount."""
    year_budget: dict[int | None, Decimal]
    """Budget year (``None``: not assigned to a year) -> amount (:attr:`PlanFacts.by_year`)."""
    need_areas: tuple[str, ...]
    primary_actions: tuple[int, ...]
    """The primary action of each measure (one entry per measure)."""
    key: str | None = None
    """The plan's stable key ``ISTAT-YYYY-MM`` (as ``incas export`` has it), if it has one:
    two files with the same key are two versions of one plan, compared once."""


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
    from incas_cli.export.rows import NoKeyError, comune_record, plan_identity

    comuni = load_comuni()
    record = comune_record(plan, comuni)
    try:
        key: str | None = plan_identity(plan, comuni).key
    except NoKeyError:
        key = None
    region = plan.comune.region or (record.region if record else None)
    sources: dict[str, Decimal] = {}
    free: dict[str, Decimal] = {}
    for s in facts.by_source:
        known = catalog.funding_sources.get(s.source or "")
        if known is None and s.source:
            free[s.source] = free.get(s.source, _ZERO) + s.amount
            continue
        label = known.label if known is not None else ""
        sources[label] = sources.get(label, _ZERO) + s.amount
    period = plan.plan.period
    row = PlanRow(
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
        open_fields=tuple(dict.fromkeys(o.label for o in facts.open_fields)),
        open_count=facts.open_count,
        funds_at_risk=tuple(_funds_at_risk(plan, catalog, findings)),
    )
    return PlanSummary(
        row=row,
        axis_budget={a.id: a.budget for a in facts.axes},
        unassigned_budget=facts.unassigned_budget,
        source_budget=sources,
        free_source_budget=free,
        status_budget={s.status: s.amount for s in facts.by_status},
        year_budget={y.year: y.amount for y in facts.by_year},
        need_areas=tuple(n.area for n in plan.needs if n.area),
        primary_actions=tuple(m.primary_action for m in facts.by_measure if m.primary_action),
        key=key,
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


KEYS_LIMIT = 200
"""Distinct free-text funding sources, and distinct regions, a comparison names; the
amounts of any further ones are added up in one row."""

K = TypeVar("K")


class _Sums(dict[K, Decimal]):
    """Amounts by key, with at most ``limit`` keys: a new key beyond them adds to
    ``other``."""

    def __init__(self, limit: int | None = None, other: K | None = None) -> None:
        super().__init__()
        self.limit = limit
        self.other = other
        self.counts: Counter[K] = Counter()

    def add(self, key: K, amount: Decimal) -> None:
        full = self.limit is not None and len(self) >= self.limit
        if full and key not in self and self.other is not None:
            key = self.other
        self[key] = self.get(key, _ZERO) + amount
        self.counts[key] += 1

    def add_all(self, amounts: Mapping[K, Decimal]) -> None:
        for key, amount in amounts.items():
            self.add(key, amount)


class Comparison:
    """The plans compared: per-plan rows and the plans left apart on disk, running
    totals in memory. Close it (or use it as a context manager) to remove its files;
    they are removed anyway when it is garbage-collected or the process ends."""

    def __init__(self, national_plan: str | None = None) -> None:
        from incas_cli.messages import compare as msg
        from incas_cli.scratch import temp_dir

        self.national_plan = national_plan
        folder = temp_dir("compare")
        self._finalizer = weakref.finalize(self, shutil.rmtree, folder, ignore_errors=True)
        self.plans: Records[PlanRow] = Records(folder / "piani.jsonl", _encode_row, _decode_row)
        """The valid plans' rows, in input order."""
        self.rejected: Records[Rejected] = Records(
            folder / "non-validi.jsonl", _encode_rejected, _decode_rejected
        )
        """The plans that do not validate, in input order, each with its first problem."""
        self.failed = False
        """At least one file could not be read at all (rather than not validating)."""
        self.total = _ZERO
        self.measures = 0
        self.unassigned = _ZERO
        self.open_plans = 0
        """Plans with fields still open for adoption."""
        self.risk_lines = 0
        self.risk_total = _ZERO
        self.need_areas: Counter[str] = Counter()
        """How many plans have at least one need of each area (of the catalogue)."""
        self.primary_actions: Counter[int] = Counter()
        """How many measures have each action as their primary one."""
        self._by_axis: _Sums[str] = _Sums()
        self._by_source: _Sums[str] = _Sums()
        self._by_free_source: _Sums[str] = _Sums(KEYS_LIMIT, msg.OTHER_FREE_SOURCES)
        self._by_status: _Sums[str | None] = _Sums()
        self._by_year: _Sums[int | None] = _Sums()
        self._by_region: _Sums[str] = _Sums(KEYS_LIMIT, msg.OTHER_REGIONS)

    def add(self, summary: PlanSummary) -> None:
        row = summary.row
        self.plans.append(row)
        self.total += row.total
        self.measures += row.measures
        self.unassigned += summary.unassigned_budget
        self.open_plans += bool(row.open_count)
        self.risk_lines += len(row.funds_at_risk)
        self.risk_total += sum((f.amount for f in row.funds_at_risk), _ZERO)
        self.need_areas.update(set(summary.need_areas))
        self.primary_actions.update(summary.primary_actions)
        self._by_axis.add_all(summary.axis_budget)
        self._by_source.add_all(summary.source_budget)
        self._by_free_source.add_all(summary.free_source_budget)
        self._by_status.add_all(summary.status_budget)
        self._by_year.add_all(summary.year_budget)
        self._by_region.add(row.region or "", row.total)

    def reject(self, rejected: Rejected) -> None:
        self.rejected.append(rejected)
        self.failed = self.failed or rejected.failed

    def by_axis(self) -> dict[str, Decimal]:
        return dict(self._by_axis)

    def by_source(self) -> dict[str, Decimal]:
        """Amounts by source label (catalogue and free text; ``""``: source open)."""
        out = dict(self._by_source)
        for label, amount in self._by_free_source.items():
            out[label] = out.get(label, _ZERO) + amount
        return out

    def by_status(self) -> dict[str | None, Decimal]:
        return dict(self._by_status)

    def by_year(self) -> dict[int | None, Decimal]:
        return dict(self._by_year)

    def by_region(self) -> dict[str, tuple[int, Decimal]]:
        counts = self._by_region.counts
        return {region: (counts[region], amount) for region, amount in self._by_region.items()}

    def close(self) -> None:
        """Remove the files of the per-plan rows (the comparison is then unusable)."""
        self.plans.close()
        self.rejected.close()
        self._finalizer()

    def __enter__(self) -> Comparison:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _encode_row(row: PlanRow) -> list[Any]:
    return [
        row.name,
        row.comune,
        row.istat_code,
        row.province,
        row.region,
        row.status,
        row.period,
        str(row.total),
        row.measures,
        list(row.actions.items()),
        list(row.axes.items()),
        list(row.open_fields),
        row.open_count,
        [[f.measure, f.source, str(f.amount), f.reason] for f in row.funds_at_risk],
    ]


def _decode_row(data: list[Any]) -> PlanRow:
    (name, comune, istat, province, region, status, period, total, measures) = data[:9]
    actions, axes, open_fields, open_count, risks = data[9:]
    return PlanRow(
        name=name,
        comune=comune,
        istat_code=istat,
        province=province,
        region=region,
        status=status,
        period=period,
        total=Decimal(total),
        measures=measures,
        actions={int(n): coverage for n, coverage in actions},
        axes=dict((axis, coverage) for axis, coverage in axes),
        open_fields=tuple(open_fields),
        open_count=open_count,
        funds_at_risk=tuple(FundAtRisk(m, s, Decimal(a), r) for m, s, a, r in risks),
    )


def _encode_rejected(rejected: Rejected) -> list[Any]:
    return [rejected.name, rejected.message, rejected.failed]


def _decode_rejected(data: list[Any]) -> Rejected:
    return Rejected(data[0], data[1], bool(data[2]))


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
    """Read, check and add up every source, in order (close the comparison when done)."""
    from incas_cli.batch_map import map_ordered
    from incas_cli.catalog import load_catalog
    from incas_cli.messages import compare as msg

    comparison = Comparison(national_plan=load_catalog().default_plan.id)
    keys: dict[str, str] = {}
    try:
        for record in map_ordered(summarize_file, sources, jobs=jobs):
            key = record.key if isinstance(record, PlanSummary) else None
            if isinstance(record, PlanSummary) and key is not None:
                if key in keys:  # another version of a plan already counted
                    record = Rejected(
                        record.row.name, msg.DUPLICATE_PLAN.format(other=keys[key], key=key)
                    )
                else:
                    keys[key] = record.row.name
            if isinstance(record, Rejected):
                comparison.reject(record)
            else:
                comparison.add(record)
            if on_record is not None:
                on_record(record)
    except BaseException:
        comparison.close()
        raise
    return comparison
