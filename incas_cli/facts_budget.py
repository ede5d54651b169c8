"""The budget's lines of money by status and by source and status, and the contributions
in kind: part of :class:`incas_cli.facts.PlanFacts` (see its module for the rules), kept
apart so that each module stays small. Public names are re-exported by ``facts``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog
    from incas_cli.models import Measure, Plan
    from incas_cli.models.plan import BudgetLine, BudgetStatus

_ZERO = Decimal(0)


@dataclass(frozen=True)
class StatusTotal:
    """The money of one budget status; ``status`` ``None``: not stated."""

    status: BudgetStatus | None
    amount: Decimal
    lines: int


@dataclass(frozen=True)
class SourceStatusTotal:
    """One source's money by status: secured, requested, still to be found, not stated."""

    source: str | None
    known: bool
    secured: Decimal
    requested: Decimal
    to_find: Decimal
    unstated: Decimal

    @property
    def amount(self) -> Decimal:
        return self.secured + self.requested + self.to_find + self.unstated


@dataclass(frozen=True)
class InKindLine:
    """A contribution in kind (a budget line of amount 0): who gives what, for which
    measure; never money."""

    measure: str
    source: str | None
    note: str | None
    year: int | None


def money_lines(plan: Plan) -> Iterable[tuple[Measure, BudgetLine]]:
    """Every budget line that is money (open amounts included), in plan order."""
    return ((m, b) for m in plan.measures for b in m.budget if not b.in_kind)


def amount(line: BudgetLine) -> Decimal:
    return line.amount if line.amount is not None else _ZERO


def source_order(present: Iterable[str | None], catalog: Catalog) -> list[str | None]:
    """Catalogue order, then free-text sources in order of appearance, then ``None``."""
    keys = list(present)
    known = [k for k in catalog.funding_sources if k in keys]
    free = [k for k in keys if k is not None and k not in catalog.funding_sources]
    return [*known, *free, *([None] if None in keys else [])]


def by_source_status(plan: Plan, catalog: Catalog) -> tuple[SourceStatusTotal, ...]:
    split: dict[str | None, dict[BudgetStatus | None, Decimal]] = {}
    for _, b in money_lines(plan):
        by_status = split.setdefault(b.source, {})
        by_status[b.status] = by_status.get(b.status, _ZERO) + amount(b)
    return tuple(
        SourceStatusTotal(
            source=k,
            known=k is not None and k in catalog.funding_sources,
            secured=split[k].get("assicurato", _ZERO),
            requested=split[k].get("richiesto", _ZERO),
            to_find=split[k].get("da-reperire", _ZERO),
            unstated=split[k].get(None, _ZERO),
        )
        for k in source_order(split, catalog)
    )


def by_status(plan: Plan) -> tuple[StatusTotal, ...]:
    from incas_cli.models.vocab import BUDGET_STATUSES

    amounts: dict[BudgetStatus | None, Decimal] = {}
    lines: dict[BudgetStatus | None, int] = {}
    for _, b in money_lines(plan):
        amounts[b.status] = amounts.get(b.status, _ZERO) + amount(b)
        lines[b.status] = lines.get(b.status, 0) + 1
    order: list[BudgetStatus | None] = [*BUDGET_STATUSES, None]
    return tuple(StatusTotal(k, amounts[k], lines[k]) for k in order if k in amounts)


def in_kind(plan: Plan) -> tuple[InKindLine, ...]:
    return tuple(
        InKindLine(m.id, b.source, b.note, b.year)
        for m in plan.measures
        for b in m.budget
        if b.in_kind
    )
