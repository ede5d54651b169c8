"""Where the plan stands, as the wizard shows it at the end and on demand.

:func:`compute_summary` is pure (plain data in, numbers out); :func:`summary_renderables`
turns it into rich tables that a prompter shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from incas_cli.catalog import Catalog
from incas_cli.checks import Finding, check_data
from incas_cli.messages import wizard as msg
from incas_cli.wizard.progress import SECTIONS, open_counts

MAX_FINDINGS_SHOWN = 8


@dataclass(frozen=True)
class ActionCoverage:
    number: int
    label: str
    axis: str
    measures: tuple[str, ...]


@dataclass(frozen=True)
class Summary:
    """The plan's state: sections, open fields, findings, coverage, budget."""

    readable: bool
    open_by_section: dict[str, int] = field(default_factory=dict)
    errors: tuple[Finding, ...] = ()
    warnings: tuple[Finding, ...] = ()
    actions: tuple[ActionCoverage, ...] = ()
    axes: tuple[tuple[str, bool], ...] = ()
    total_budget: Decimal = Decimal("0")
    empty: tuple[str, ...] = ()
    """The list sections with no item at all (no relations...): not "complete"."""

    @property
    def open_count(self) -> int:
        return sum(self.open_by_section.values())

    @property
    def actions_covered(self) -> int:
        return sum(1 for a in self.actions if a.measures)

    @property
    def axes_covered(self) -> int:
        return sum(1 for _, covered in self.axes if covered)


def compute_summary(plain: Any, catalog: Catalog) -> Summary:
    plan, findings = check_data(plain, catalog=catalog)
    errors = tuple(f for f in findings if f.blocking)
    warnings = tuple(f for f in findings if not f.blocking)
    counts = open_counts(plain)
    if plan is None or counts is None:
        return Summary(readable=False, errors=errors, warnings=warnings)
    national = catalog.national_plan(plan.plan.national_plan) or catalog.default_plan
    actions = []
    for action in national.actions:
        axis = national.axis(action.axis)
        covering = tuple(m.id for m in plan.measures if action.number in m.actions)
        actions.append(
            ActionCoverage(action.number, action.label, axis.label if axis else "", covering)
        )
    covered_numbers = plan.covered_actions
    axes = tuple(
        (axis.label, any(a.number in covered_numbers for a in national.actions_of_axis(axis.id)))
        for axis in national.axes
    )
    return Summary(
        readable=True,
        open_by_section=counts,
        errors=errors,
        warnings=warnings,
        actions=tuple(actions),
        axes=axes,
        total_budget=plan.total_budget,
        empty=tuple(
            section
            for section, items in (
                ("attori", plan.stakeholders),
                ("relazioni", plan.relations),
                ("bisogni", plan.needs),
                ("misure", plan.measures),
            )
            if not items
        ),
    )


def money(amount: Decimal) -> str:
    """``1.693.747,15 €`` (Babel, it_IT)."""
    from babel.numbers import format_currency

    return str(format_currency(amount.quantize(Decimal("0.01")), "EUR", locale="it_IT"))


def summary_renderables(summary: Summary) -> list[object]:
    """Rich tables and lines for :meth:`Prompter.show`, in reading order."""
    from rich.table import Table
    from rich.text import Text

    out: list[object] = [Text(msg.SUMMARY_TITLE, style="bold")]
    if not summary.readable:
        out.append(msg.SUMMARY_UNREADABLE.format(errors=len(summary.errors)))
        out.extend(_findings(summary.errors))
        return out

    sections = Table(title=msg.SUMMARY_SECTIONS_TITLE, title_justify="left")
    sections.add_column(msg.COL_SECTION)
    sections.add_column(msg.COL_STATE)
    for section in SECTIONS:
        count = summary.open_by_section.get(section, 0)
        state = (
            Text(msg.STATE_EMPTY[section], style="yellow")
            if section in summary.empty
            else Text(msg.STATE_COMPLETE, style="green")
            if count == 0
            else Text(
                (msg.STATE_OPEN_ONE if count == 1 else msg.STATE_OPEN).format(count=count),
                style="yellow",
            )
        )
        sections.add_row(Text(msg.SECTION_LABELS[section]), state)
    out.append(sections)
    out.append(msg.SUMMARY_OPEN.format(count=summary.open_count))
    out.append(
        msg.SUMMARY_FINDINGS.format(errors=len(summary.errors), warnings=len(summary.warnings))
    )
    out.extend(_findings((*summary.errors, *summary.warnings)))

    coverage = Table(title=msg.SUMMARY_COVERAGE_TITLE, title_justify="left")
    coverage.add_column(msg.COL_ACTION, justify="right")
    coverage.add_column(msg.COL_ACTION_LABEL)
    coverage.add_column(msg.COL_AXIS)
    coverage.add_column(msg.COL_MEASURES)
    for action in summary.actions:
        coverage.add_row(
            str(action.number),
            Text(action.label),
            Text(action.axis),
            ", ".join(action.measures) if action.measures else Text(msg.NOT_COVERED, style="dim"),
        )
    out.append(coverage)
    out.append(
        msg.SUMMARY_COVERAGE.format(
            actions=summary.actions_covered,
            total_actions=len(summary.actions),
            axes=summary.axes_covered,
            total_axes=len(summary.axes),
        )
    )
    missing = [label for label, covered in summary.axes if not covered]
    if missing:
        out.append(msg.SUMMARY_AXES_MISSING.format(axes=", ".join(missing)))
    out.append(msg.SUMMARY_BUDGET.format(amount=money(summary.total_budget)))
    return out


def _findings(findings: tuple[Finding, ...]) -> list[object]:
    lines: list[object] = []
    for finding in findings[:MAX_FINDINGS_SHOWN]:
        label = msg.FINDING_BLOCKING if finding.blocking else msg.FINDING_WARNING
        where = f"{finding.path}: " if finding.path else ""
        lines.append(f"  {label} {where}{finding.message}")
    if len(findings) > MAX_FINDINGS_SHOWN:
        lines.append("  " + msg.MORE_FINDINGS.format(count=len(findings) - MAX_FINDINGS_SHOWN))
    return lines
