"""Every figure of a plan, computed once: :func:`plan_facts` -> :class:`PlanFacts`.

The document, ``plan status``, the wizard's summary and ``plan diff`` show the same
figures; they read them here instead of adding them up again. Data only: amounts are
exact ``Decimal`` sums (never rounded here), ids stay ids, nothing is formatted (that
is :mod:`incas_cli.formats`) and nothing is sorted for display (each view orders rows
its own way: the document by amount, ``plan status`` by amount, this module in the
order of the catalogue and of the plan).

What adds up (a property test checks it on generated plans):
``total == sum(by_measure) == sum(by_source) == sum(by_axis) + unassigned == sum(by_year)
== sum(by_status) == sum(by_source_status)``.

Rules, stated once:

- A measure's *primary* action is its first (``Measure.primary_action``); its whole
  budget goes to the axis of that action. A measure whose primary action is missing or
  not in the national plan is *unassigned* (no axis).
- An action is covered as *primary* when it is some measure's first action, *only
  secondary* when measures list it but none first. An axis is covered when one of its
  actions is. The budget behind an action is that of the measures whose primary action it
  is: an action covered only as secondary has none of its own (its measures' money is
  counted under their primary actions).
- The budget by year: a line's ``year`` (a v1 addition; plan files that predate it have
  none), otherwise ``None``, *non ripartito*. A measure's dates are not a budget year: the
  Comune's budget year of a line is what the resolution commits, and a measure running in
  one calendar year may still be paid from the next year's budget, so nothing is guessed.
- The budget by status: a line's ``status`` (``assicurato``, ``richiesto``,
  ``da-reperire``), otherwise ``None`` (not stated). By source and status: each source's
  money split the same way.
- A line of amount 0 is a contribution *in kind* (staff, premises, vehicles): it is listed
  in :attr:`PlanFacts.in_kind` and is not a line of money: it is in no table of money by
  source, year or status (it would show its source as funding the plan with 0 euro), and
  its source is not among its measure's :attr:`MeasureFacts.sources`.
- Specific objectives: each with the measures that list it (plan order), and the
  measures that list none of them (only when the plan has specific objectives).
- The plan's document date: the adoption date, else the first day of the period's start,
  else the latest meeting (the date the document and the register of versions carry).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from incas_cli.facts_budget import (
    InKindLine,
    SourceStatusTotal,
    StatusTotal,
    amount,
    by_source_status,
    by_status,
    in_kind,
    money_lines,
    source_order,
)

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog, NationalPlan
    from incas_cli.checks import OpenField
    from incas_cli.models import Measure, Plan
    from incas_cli.models.month import YearMonth
    from incas_cli.models.plan import BudgetStatus, PlanStatus

__all__ = [
    "ActionFacts",
    "AxisFacts",
    "InKindLine",
    "MeasureFacts",
    "ObjectiveFacts",
    "PlanDates",
    "PlanFacts",
    "SourceStatusTotal",
    "SourceTotal",
    "StatusTotal",
    "YearTotal",
    "plan_dates",
    "plan_facts",
]

_ZERO = Decimal(0)

Covered = Literal["primary", "secondary"]


@dataclass(frozen=True)
class MeasureFacts:
    """One measure's money and its place in the national plan."""

    id: str
    title: str
    amount: Decimal
    """The sum of its budget lines that have an amount."""
    sources: tuple[str | None, ...]
    """The sources of its lines of money, in line order, each once (``None``: a source
    still open); an in-kind line's source is not money and is not here."""
    actions: tuple[int, ...]
    """Its national actions as listed, the primary one first."""
    primary_action: int | None
    axis: str | None
    """The axis of the primary action; ``None``: unassigned."""
    lines: int
    open_lines: int
    """Budget lines without an amount."""
    in_kind: int = 0
    """Budget lines of amount 0: contributions in kind."""


@dataclass(frozen=True)
class SourceTotal:
    """The money of one funding source."""

    source: str | None
    """A catalogue id, the free text of the plan, or ``None`` for lines whose source is open."""
    known: bool
    """The source is in the catalogue."""
    amount: Decimal
    measures: tuple[str, ...]
    """The measures with a line of this source, in plan order."""
    lines: int
    open_lines: int
    """Of :attr:`lines`, those without an amount."""


@dataclass(frozen=True)
class YearTotal:
    """The money of one budget year; ``year`` ``None``: not assigned to a year."""

    year: int | None
    amount: Decimal
    lines: int


@dataclass(frozen=True)
class ObjectiveFacts:
    """A specific objective of the strategy and the measures that serve it."""

    id: str
    text: str
    axis: str | None
    measures: tuple[str, ...]
    """The measures that list it, in plan order."""
    budget: Decimal
    """The budget of those measures (a measure serving two objectives counts in both: this
    is not a share of the total)."""


@dataclass(frozen=True)
class ActionFacts:
    """A priority action of the national plan and the measures behind it."""

    number: int
    axis: str
    primary: tuple[str, ...]
    """Measures whose first action this is, in plan order."""
    secondary: tuple[str, ...]
    """Measures that list it after their first action, in plan order, each once."""
    budget: Decimal
    """The budget of the :attr:`primary` measures."""

    @property
    def covered(self) -> bool:
        return bool(self.primary or self.secondary)

    @property
    def coverage(self) -> Covered | None:
        """``primary``, ``secondary`` (only as a secondary action) or ``None``."""
        if self.primary:
            return "primary"
        return "secondary" if self.secondary else None


@dataclass(frozen=True)
class AxisFacts:
    """An axis of the national plan: its actions, measures and budget."""

    id: str
    number: int
    actions: tuple[int, ...]
    primary: tuple[str, ...]
    """Measures whose primary action is on this axis (their budget is the axis's)."""
    secondary: tuple[str, ...]
    """Measures that reach this axis only through a secondary action."""
    budget: Decimal
    covered_primary: tuple[int, ...]
    """Its actions covered as some measure's primary action."""
    covered_secondary: tuple[int, ...]
    """Its actions covered only as secondary actions."""

    @property
    def covered_actions(self) -> tuple[int, ...]:
        covered = {*self.covered_primary, *self.covered_secondary}
        return tuple(n for n in self.actions if n in covered)

    @property
    def uncovered_actions(self) -> tuple[int, ...]:
        return tuple(n for n in self.actions if n not in self.covered_actions)

    @property
    def covered(self) -> bool:
        return bool(self.covered_primary or self.covered_secondary)

    @property
    def coverage(self) -> Covered | None:
        """``primary`` (some action primary), ``secondary`` (only secondary ones) or ``None``."""
        if self.covered_primary:
            return "primary"
        return "secondary" if self.covered_secondary else None

    @property
    def measures(self) -> tuple[str, ...]:
        """Every measure with an action on this axis, primary ones first."""
        return (*self.primary, *self.secondary)


@dataclass(frozen=True)
class PlanDates:
    """The plan's own dates."""

    start: YearMonth | None
    """The period's first month."""
    end: YearMonth | None
    adoption: dt.date | None
    last_meeting: dt.date | None
    document: dt.date | None
    """The date the document carries: adoption, else the period's first day, else the
    latest meeting; ``None`` when the plan has none of them."""


@dataclass(frozen=True)
class PlanFacts:
    """Every figure of one plan (see the module's docstring for the rules)."""

    status: PlanStatus
    """The effective status (``bozza`` when the file leaves it open)."""
    national_plan: str | None
    """The national plan's id, ``None`` when the catalogue does not have it (then no
    action or axis, and every measure is unassigned)."""
    total: Decimal
    by_measure: tuple[MeasureFacts, ...]
    by_source: tuple[SourceTotal, ...]
    """Catalogue order, then free-text sources in order of appearance, then ``None``."""
    by_year: tuple[YearTotal, ...]
    """Years in order, then ``None`` (not assigned to a year)."""
    by_status: tuple[StatusTotal, ...]
    """``assicurato``, ``richiesto``, ``da-reperire`` (those with lines), then ``None``."""
    by_source_status: tuple[SourceStatusTotal, ...]
    """The sources of :attr:`by_source`, in its order, each split by status."""
    in_kind: tuple[InKindLine, ...]
    """Contributions in kind, in plan order."""
    objectives: tuple[ObjectiveFacts, ...]
    """The strategy's specific objectives, in plan order."""
    unlinked_measures: tuple[str, ...]
    """Measures serving none of the specific objectives (empty when the plan has none)."""
    actions: tuple[ActionFacts, ...]
    axes: tuple[AxisFacts, ...]
    unassigned: tuple[str, ...]
    """Measures without an axis (no primary action, or one the national plan lacks)."""
    unassigned_budget: Decimal
    unknown_actions: tuple[int, ...]
    """Action numbers measures list that the national plan does not have, sorted."""
    open_fields: tuple[OpenField, ...]
    dates: PlanDates

    @property
    def draft(self) -> bool:
        """Neither sent for adoption nor adopted: the document is marked BOZZA."""
        from incas_cli.models.vocab import FINAL_STATUSES

        return self.status not in FINAL_STATUSES

    @property
    def has_years(self) -> bool:
        """Some budget line names its year (a plan that predates the field has none)."""
        return any(y.year is not None for y in self.by_year) or any(
            line.year is not None for line in self.in_kind
        )

    @property
    def has_statuses(self) -> bool:
        """Some budget line of money says whether it is secured, requested or to be found."""
        return any(s.status is not None for s in self.by_status)

    def status_amount(self, status: BudgetStatus | None) -> Decimal:
        return sum((s.amount for s in self.by_status if s.status == status), _ZERO)

    def objective(self, objective_id: str) -> ObjectiveFacts | None:
        return next((o for o in self.objectives if o.id == objective_id), None)

    def objectives_of(self, measure_id: str) -> tuple[str, ...]:
        """The specific objectives a measure serves (known ones, in strategy order)."""
        return tuple(o.id for o in self.objectives if measure_id in o.measures)

    @property
    def open_count(self) -> int:
        return len(self.open_fields)

    @property
    def open_lines(self) -> int:
        """Budget lines without an amount."""
        return sum(m.open_lines for m in self.by_measure)

    @property
    def has_budget(self) -> bool:
        """Some measure has at least one budget line (with or without an amount)."""
        return any(m.lines for m in self.by_measure)

    @property
    def covered_actions(self) -> tuple[int, ...]:
        return tuple(a.number for a in self.actions if a.covered)

    @property
    def uncovered_actions(self) -> tuple[int, ...]:
        return tuple(a.number for a in self.actions if not a.covered)

    @property
    def primary_actions(self) -> tuple[int, ...]:
        """Actions that are some measure's primary action (their budget is behind them)."""
        return tuple(a.number for a in self.actions if a.primary)

    @property
    def secondary_only_actions(self) -> tuple[int, ...]:
        """Actions that measures list only after their primary action: covered, but no
        money is theirs."""
        return tuple(a.number for a in self.actions if a.coverage == "secondary")

    @property
    def primary_budget(self) -> Decimal:
        """The budget behind the primary actions (every measure with an axis)."""
        return sum((a.budget for a in self.actions), _ZERO)

    @property
    def secondary_only_measures(self) -> tuple[str, ...]:
        """The measures behind :attr:`secondary_only_actions`, in plan order."""
        behind = {m for a in self.actions if a.coverage == "secondary" for m in a.secondary}
        return tuple(m.id for m in self.by_measure if m.id in behind)

    def measures_budget(self, ids: Iterable[str]) -> Decimal:
        """The budget of some measures (each counted once)."""
        wanted = set(ids)
        return sum((m.amount for m in self.by_measure if m.id in wanted), _ZERO)

    @property
    def covered_axes(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.axes if a.covered)

    @property
    def uncovered_axes(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.axes if not a.covered)

    def action(self, number: int) -> ActionFacts | None:
        return next((a for a in self.actions if a.number == number), None)

    def axis(self, axis_id: str) -> AxisFacts | None:
        return next((a for a in self.axes if a.id == axis_id), None)

    def source(self, key: str | None) -> SourceTotal | None:
        return next((s for s in self.by_source if s.source == key), None)


def plan_facts(plan: Plan, catalog: Catalog) -> PlanFacts:
    """The facts of ``plan`` (a structurally valid plan; findings do not matter here)."""
    from incas_cli.checks import open_fields

    national = catalog.national_plan(plan.plan.national_plan)
    measures = tuple(_measure(m, national) for m in plan.measures)
    actions = _actions(plan, national)
    unassigned = tuple(m for m in measures if m.axis is None)
    known_numbers = {a.number for a in actions}
    return PlanFacts(
        status=plan.effective_status,
        national_plan=national.id if national is not None else None,
        total=sum((m.amount for m in measures), _ZERO),
        by_measure=measures,
        by_source=_by_source(plan, catalog),
        by_year=_by_year(plan),
        by_status=by_status(plan),
        by_source_status=by_source_status(plan, catalog),
        in_kind=in_kind(plan),
        objectives=_objectives(plan),
        unlinked_measures=_unlinked(plan),
        actions=actions,
        axes=_axes(national, actions, measures),
        unassigned=tuple(m.id for m in unassigned),
        unassigned_budget=sum((m.amount for m in unassigned), _ZERO),
        unknown_actions=tuple(
            sorted({n for m in plan.measures for n in m.actions if n not in known_numbers})
        ),
        open_fields=tuple(open_fields(plan)),
        dates=plan_dates(plan),
    )


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _measure(m: Measure, national: NationalPlan | None) -> MeasureFacts:
    axis = national.axis_of_action(m.primary_action) if national is not None else None
    return MeasureFacts(
        id=m.id,
        title=m.title,
        amount=m.total_budget,
        sources=tuple(dict.fromkeys(b.source for b in m.budget if not b.in_kind)),
        actions=tuple(m.actions),
        primary_action=m.primary_action,
        axis=axis.id if axis is not None else None,
        lines=len(m.budget),
        open_lines=sum(1 for b in m.budget if b.amount is None),
        in_kind=sum(1 for b in m.budget if b.in_kind),
    )


def _by_source(plan: Plan, catalog: Catalog) -> tuple[SourceTotal, ...]:
    amounts: dict[str | None, Decimal] = {}
    measures: dict[str | None, list[str]] = {}
    lines: dict[str | None, int] = {}
    open_lines: dict[str | None, int] = {}
    for m, b in money_lines(plan):
        key = b.source
        amounts[key] = amounts.get(key, _ZERO) + amount(b)
        measures.setdefault(key, []).append(m.id)
        lines[key] = lines.get(key, 0) + 1
        open_lines[key] = open_lines.get(key, 0) + (b.amount is None)
    return tuple(
        SourceTotal(
            source=k,
            known=k is not None and k in catalog.funding_sources,
            amount=amounts[k],
            measures=_unique(measures[k]),
            lines=lines[k],
            open_lines=open_lines[k],
        )
        for k in source_order(amounts, catalog)
    )


def _objectives(plan: Plan) -> tuple[ObjectiveFacts, ...]:
    if plan.strategy is None:
        return ()
    return tuple(
        ObjectiveFacts(
            id=o.id,
            text=o.text,
            axis=o.axis,
            measures=tuple(m.id for m in plan.measures if o.id in m.specific_objectives),
            budget=sum(
                (m.total_budget for m in plan.measures if o.id in m.specific_objectives), _ZERO
            ),
        )
        for o in plan.strategy.specific_objectives
    )


def _unlinked(plan: Plan) -> tuple[str, ...]:
    if plan.strategy is None or not plan.strategy.specific_objectives:
        return ()
    known = {o.id for o in plan.strategy.specific_objectives}
    return tuple(m.id for m in plan.measures if not known.intersection(m.specific_objectives))


def _by_year(plan: Plan) -> tuple[YearTotal, ...]:
    amounts: dict[int | None, Decimal] = {}
    lines: dict[int | None, int] = {}
    for _, b in money_lines(plan):
        amounts[b.year] = amounts.get(b.year, _ZERO) + amount(b)
        lines[b.year] = lines.get(b.year, 0) + 1
    years: list[int | None] = [*sorted(y for y in amounts if y is not None)]
    if None in amounts:
        years.append(None)
    return tuple(YearTotal(y, amounts[y], lines[y]) for y in years)


def _actions(plan: Plan, national: NationalPlan | None) -> tuple[ActionFacts, ...]:
    if national is None:
        return ()
    out = []
    for action in national.actions:
        n = action.number
        primary = tuple(m for m in plan.measures if m.primary_action == n)
        secondary = _unique(m.id for m in plan.measures if n in m.actions[1:])
        out.append(
            ActionFacts(
                number=n,
                axis=action.axis,
                primary=tuple(m.id for m in primary),
                secondary=secondary,
                budget=sum((m.total_budget for m in primary), _ZERO),
            )
        )
    return tuple(out)


def _axes(
    national: NationalPlan | None,
    actions: tuple[ActionFacts, ...],
    measures: tuple[MeasureFacts, ...],
) -> tuple[AxisFacts, ...]:
    if national is None:
        return ()
    out = []
    for axis in national.axes:
        own = [a for a in actions if a.axis == axis.id]
        primary = tuple(m.id for m in measures if m.axis == axis.id)
        touching = _unique(mid for a in own for mid in (*a.primary, *a.secondary))
        out.append(
            AxisFacts(
                id=axis.id,
                number=axis.number,
                actions=tuple(a.number for a in own),
                primary=primary,
                secondary=tuple(mid for mid in touching if mid not in primary),
                budget=sum((m.amount for m in measures if m.axis == axis.id), _ZERO),
                covered_primary=tuple(a.number for a in own if a.primary),
                covered_secondary=tuple(a.number for a in own if not a.primary and a.secondary),
            )
        )
    return tuple(out)


def plan_dates(plan: Plan) -> PlanDates:
    """The plan's dates (no catalogue needed): :attr:`PlanFacts.dates`."""
    info = plan.plan
    period = info.period
    start = period.start if period is not None else None
    end = period.end if period is not None else None
    adoption = info.adoption.date if info.adoption is not None else None
    meetings = [m.date for m in plan.process.meetings if m.date] if plan.process else []
    last_meeting = max(meetings, default=None)
    document = adoption
    if document is None and start:
        document = start.first_day
    if document is None:
        document = last_meeting
    return PlanDates(start, end, adoption, last_meeting, document)
