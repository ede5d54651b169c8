"""``plan status``: how far each plan is, as data. Never prints.

For one plan file: completeness per section (values filled in / fields still open, the
open fields of :class:`incas_cli.facts.PlanFacts` with their ``file:line``), the
findings of the draft check, whether the ``--final`` check would pass, the coverage of
the national plan's priority actions and axes, and the budget by funding source (both
from the plan's facts, the same figures as the document).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from incas_cli.errors import IncasError

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog
    from incas_cli.checks import CheckResult, Finding, OpenField
    from incas_cli.facts import PlanFacts
    from incas_cli.models import Plan

__all__ = [
    "BudgetSource",
    "Coverage",
    "OpenFieldAt",
    "PlanStatus",
    "SectionStatus",
    "plan_status",
    "plan_statuses",
    "status_entry",
    "status_report",
]


_NO_SOURCE = ""
"""Budget lines without a source are grouped under this key."""


@dataclass(frozen=True)
class SectionStatus:
    """One section of the plan: values written and fields still open."""

    section: str
    filled: int
    open: int

    @property
    def percent(self) -> int:
        """Share of filled values, rounded down (100 only when nothing is open)."""
        total = self.filled + self.open
        return 100 if total == 0 else self.filled * 100 // total


@dataclass(frozen=True)
class OpenFieldAt:
    """An open field and where it is (or would go) in the file."""

    field: OpenField
    line: int
    column: int


@dataclass(frozen=True)
class Coverage:
    """Which priority actions and axes of the national plan the measures cover."""

    national_plan: str
    national_plan_title: str
    covered_actions: tuple[int, ...]
    uncovered_actions: tuple[int, ...]
    secondary_actions: tuple[int, ...]
    """Of the covered actions, those no measure has as its primary (first) action."""
    covered_axes: tuple[str, ...]
    uncovered_axes: tuple[str, ...]
    action_labels: dict[int, str]
    axis_labels: dict[str, str]

    @property
    def total_actions(self) -> int:
        return len(self.covered_actions) + len(self.uncovered_actions)

    @property
    def total_axes(self) -> int:
        return len(self.covered_axes) + len(self.uncovered_axes)


@dataclass(frozen=True)
class BudgetSource:
    """The money of one funding source (catalogue id, or the free text of the plan)."""

    source: str
    """Catalogue id or free text; empty for lines whose source is still open."""
    label: str
    amount: Decimal
    lines: int


@dataclass(frozen=True)
class PlanStatus:
    """The status of one plan file (``error`` set, and nothing else, if unreadable)."""

    name: str
    error: IncasError | None = None
    plan: Plan | None = None
    draft: CheckResult | None = None
    final: CheckResult | None = None
    facts: PlanFacts | None = None
    sections: tuple[SectionStatus, ...] = ()
    open_fields: tuple[OpenFieldAt, ...] = ()
    coverage: Coverage | None = None
    budget: tuple[BudgetSource, ...] = ()
    budget_total: Decimal = Decimal("0")
    budget_lines_without_amount: int = 0

    @property
    def readable(self) -> bool:
        return self.error is None

    @property
    def errors(self) -> list[Finding]:
        return self.draft.errors if self.draft else []

    @property
    def warnings(self) -> list[Finding]:
        return self.draft.warnings if self.draft else []

    @property
    def ready_for_final(self) -> bool:
        return self.final is not None and self.final.ok

    @property
    def open_count(self) -> int:
        return len(self.open_fields)


def plan_status(path: Path, *, catalog: Catalog | None = None) -> PlanStatus:
    """Read, check (draft and final) and measure one plan file; never raises IncasError."""
    from incas_cli.checks import check_document
    from incas_cli.io import input_name, read_yaml

    if catalog is None:
        from incas_cli.catalog import load_catalog

        catalog = load_catalog()
    name = input_name(path)
    try:
        doc = read_yaml(path)
    except IncasError as err:
        return PlanStatus(name, error=err)
    draft = check_document(doc, catalog=catalog)
    final = check_document(doc, final=True, catalog=catalog)
    plan = draft.plan
    if plan is None:
        return PlanStatus(name, draft=draft, final=final)

    from incas_cli.facts import plan_facts
    from incas_cli.models.vocab import PLAN_SECTIONS

    facts = plan_facts(plan, catalog)
    fields = facts.open_fields
    located = tuple(OpenFieldAt(f, *doc.position(f.loc)) for f in fields)
    dumped = plan.model_dump(mode="python", by_alias=True, exclude_none=True)
    sections = tuple(
        SectionStatus(
            section,
            _count_values(dumped.get(section)),
            sum(1 for f in fields if f.section == section),
        )
        for section in PLAN_SECTIONS  # relations and process too: a path not yet recorded shows
    )
    return PlanStatus(
        name,
        plan=plan,
        draft=draft,
        final=final,
        facts=facts,
        sections=sections,
        open_fields=located,
        coverage=_coverage(facts, catalog),
        budget=_budget(facts, catalog),
        budget_total=facts.total,
        budget_lines_without_amount=facts.open_lines,
    )


def plan_statuses(paths: Iterable[Path], *, catalog: Catalog | None = None) -> Iterator[PlanStatus]:
    """The status of each file, in order, made as it is asked for: a caller that keeps
    only what it shows of each (a row, a JSON entry) holds one plan at a time."""
    if catalog is None:
        from incas_cli.catalog import load_catalog

        catalog = load_catalog()
    for path in paths:
        yield plan_status(path, catalog=catalog)


def _count_values(value: Any) -> int:
    """Values written in a part of the plan: scalars, and lists of scalars as one value."""
    if value is None or value == "" or value == [] or value == {}:
        return 0
    if isinstance(value, dict):
        return sum(_count_values(v) for v in value.values())
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            return 1
        return sum(_count_values(v) for v in value)
    return 1


def _coverage(facts: PlanFacts, catalog: Catalog) -> Coverage | None:
    national = catalog.national_plan(facts.national_plan) if facts.national_plan else None
    if national is None:
        return None
    return Coverage(
        national_plan=national.id,
        national_plan_title=national.short_title,
        covered_actions=facts.covered_actions,
        uncovered_actions=facts.uncovered_actions,
        secondary_actions=tuple(a.number for a in facts.actions if a.coverage == "secondary"),
        covered_axes=facts.covered_axes,
        uncovered_axes=facts.uncovered_axes,
        action_labels={a.number: a.label for a in national.actions},
        axis_labels={a.id: a.label for a in national.axes},
    )


def _budget(facts: PlanFacts, catalog: Catalog) -> tuple[BudgetSource, ...]:
    """The sources with some amount, the largest first (an open source under ``""``)."""
    from incas_cli.messages import staff as msg

    def label(key: str | None) -> str:
        if key is None:
            return msg.STATUS_NO_SOURCE
        known = catalog.funding_sources.get(key)
        return known.label if known else key

    rows = [
        BudgetSource(s.source or _NO_SOURCE, label(s.source), s.amount, s.lines - s.open_lines)
        for s in facts.by_source
        if s.lines > s.open_lines
    ]
    return tuple(sorted(rows, key=lambda b: (-b.amount, b.source)))


# --- the machine-readable report ------------------------------------------------------------


def _money(value: Decimal) -> str:
    """A JSON-safe amount: a string with two decimals (``"1693747.15"``), never a float."""
    from incas_cli.formats import cents

    return format(cents(value), "f")


def _error_json(err: IncasError) -> dict[str, Any]:
    return {"message": err.message, "hint": err.hint, "line": err.line, "column": err.column}


def status_entry(status: PlanStatus) -> dict[str, Any]:
    """One file's entry of the ``--json`` report."""
    from incas_cli.messages import staff as msg

    entry: dict[str, Any] = {"file": status.name, "readable": status.readable}
    if status.error is not None:
        entry["error"] = _error_json(status.error)
        return entry
    draft, final = status.draft, status.final
    assert draft is not None and final is not None  # readable files are always checked
    plan = status.plan
    entry["valid"] = draft.ok
    entry["ready_for_final"] = status.ready_for_final
    entry["errors"] = len(draft.errors)
    entry["warnings"] = len(draft.warnings)
    entry["final_errors"] = len(final.errors)
    entry["findings"] = [f.to_json() for f in draft.findings]
    if plan is None:
        entry["plan"] = None
        return entry
    entry["plan"] = {
        "title": plan.plan.title,
        "comune": plan.comune.name,
        "istat_code": plan.comune.istat_code,
        "status": plan.effective_status,
        "version": plan.plan.version,
    }
    entry["open_fields_total"] = status.open_count
    entry["sections"] = [
        {
            "section": s.section,
            "label": msg.SECTION_LABELS.get(s.section, s.section),
            "filled": s.filled,
            "open": s.open,
            "percent": s.percent,
        }
        for s in status.sections
    ]
    entry["open_fields"] = [
        {
            "path": o.field.path,
            "kind": o.field.kind,
            "label": o.field.label,
            "section": o.field.section,
            "line": o.line,
            "column": o.column,
        }
        for o in status.open_fields
    ]
    cov = status.coverage
    entry["coverage"] = (
        None
        if cov is None
        else {
            "national_plan": cov.national_plan,
            "actions": {
                "covered": list(cov.covered_actions),
                "uncovered": list(cov.uncovered_actions),
                "secondary_only": list(cov.secondary_actions),
            },
            "axes": {"covered": list(cov.covered_axes), "uncovered": list(cov.uncovered_axes)},
        }
    )
    entry["budget"] = {
        "currency": "EUR",
        "total": _money(status.budget_total),
        "by_source": [
            {
                "source": b.source or None,
                "label": b.label,
                "amount": _money(b.amount),
                "lines": b.lines,
            }
            for b in status.budget
        ],
        "lines_without_amount": status.budget_lines_without_amount,
    }
    return entry


def status_report(statuses: Iterable[PlanStatus]) -> dict[str, Any]:
    """The payload of the ``--json`` report: one entry per file, in the order given (each
    status is let go once its entry is made)."""
    return {"files": [status_entry(s) for s in statuses]}
