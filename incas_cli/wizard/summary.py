"""Where the plan stands, as the wizard shows it at the end and on demand.

:func:`compute_summary` is pure (plain data in, numbers out); :func:`summary_blocks`
turns it into lines and document-model tables that a prompter shows (the terminal one
through the rich writer).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from incas_cli.catalog import Catalog
from incas_cli.checks import Finding, check_data
from incas_cli.document.model import Cell, Column, Paragraph, Run, Table
from incas_cli.facts import plan_facts
from incas_cli.formats import counted, join_and, money
from incas_cli.messages import wizard as msg
from incas_cli.wizard.progress import SECTIONS, section_counts

MAX_FINDINGS_SHOWN = 8
MAX_OPEN_SHOWN = 12


@dataclass(frozen=True)
class ActionCoverage:
    number: int
    label: str
    axis: str
    primary: tuple[str, ...] = ()
    """Measures whose first action this is."""
    secondary: tuple[str, ...] = ()
    """Measures that list it after their first action."""

    @property
    def measures(self) -> tuple[str, ...]:
        return (*self.primary, *self.secondary)


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
    open_fields: tuple[tuple[str, str], ...] = ()
    """``(path, label)`` of every open field, in the plan's order."""
    final_errors: tuple[Finding, ...] = ()
    """What ``plan validate --final`` would block on (empty: ready for adoption)."""

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
    """The summary of a plan as plain data (figures from :func:`incas_cli.facts.plan_facts`)."""
    plan, findings = check_data(plain, catalog=catalog)
    errors = tuple(f for f in findings if f.blocking)
    warnings = tuple(f for f in findings if not f.blocking)
    if plan is None:
        return Summary(readable=False, errors=errors, warnings=warnings)
    facts = plan_facts(plan, catalog)
    _, final_findings = check_data(plain, catalog=catalog, final=True)
    national = catalog.national_plan(facts.national_plan) if facts.national_plan else None
    actions: list[ActionCoverage] = []
    axes: list[tuple[str, bool]] = []
    if national is not None:
        for action in facts.actions:
            found = national.action(action.number)
            axis = national.axis(action.axis)
            actions.append(
                ActionCoverage(
                    action.number,
                    found.label if found is not None else "",
                    axis.label if axis is not None else "",
                    action.primary,
                    action.secondary,
                )
            )
        for axis_facts in facts.axes:
            axis = national.axis(axis_facts.id)
            axes.append((axis.label if axis is not None else axis_facts.id, axis_facts.covered))
    return Summary(
        readable=True,
        open_fields=tuple((f.path, f.label) for f in facts.open_fields),
        final_errors=tuple(f for f in final_findings if f.blocking),
        open_by_section=section_counts(facts.open_fields),
        errors=errors,
        warnings=warnings,
        actions=tuple(actions),
        axes=tuple(axes),
        total_budget=facts.total,
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


def _measures_cell(action: ActionCoverage) -> Cell:
    if not action.measures:
        return Run(msg.NOT_COVERED, tone="quiet")
    lines = [", ".join(action.primary)] if action.primary else []
    if action.secondary:
        lines.append(msg.SECONDARY_MEASURES.format(ids=", ".join(action.secondary)))
    return tuple(lines)


def _state_cell(summary: Summary, section: str) -> Cell:
    count = summary.open_by_section.get(section, 0)
    if section in summary.empty:
        return Run(msg.STATE_EMPTY[section], tone="warning")
    if count == 0:
        return Run(msg.STATE_COMPLETE, tone="ok")
    return Run(counted(count, *msg.OPEN_FIELD_FORMS), tone="warning")


def sections_table(summary: Summary) -> Table:
    """Each section of the plan: complete, empty, or how many fields are still open."""
    return Table(
        msg.SUMMARY_SECTIONS_TITLE,
        (Column(msg.COL_SECTION), Column(msg.COL_STATE)),
        tuple((msg.SECTION_LABELS[s], _state_cell(summary, s)) for s in SECTIONS),
    )


def coverage_table(summary: Summary) -> Table:
    """The national actions with their axis and the measures that cover them."""
    return Table(
        msg.SUMMARY_COVERAGE_TITLE,
        (
            Column(msg.COL_ACTION, "right"),
            Column(msg.COL_ACTION_LABEL),
            Column(msg.COL_AXIS),
            Column(msg.COL_MEASURES),
        ),
        tuple(
            (str(action.number), action.label, action.axis, _measures_cell(action))
            for action in summary.actions
        ),
    )


def summary_blocks(summary: Summary) -> list[str | Paragraph | Table]:
    """Lines and tables for :meth:`Prompter.show`, in reading order."""
    out: list[str | Paragraph | Table] = [
        Paragraph((Run(msg.SUMMARY_TITLE, bold=True),), style="plain")
    ]
    if not summary.readable:
        out.append(
            msg.SUMMARY_UNREADABLE.format(
                errors=counted(len(summary.errors), *msg.STRUCTURE_ERROR_FORMS)
            )
        )
        out.extend(_findings(summary.errors))
        return out

    out.append(sections_table(summary))
    out.append(msg.SUMMARY_OPEN.format(count=summary.open_count))
    shown = _shown_count(len(summary.open_fields), MAX_OPEN_SHOWN)
    for path, label in summary.open_fields[:shown]:
        out.append(f"  {label} ({path})")
    if len(summary.open_fields) > shown:
        out.append("  " + msg.MORE_OPEN.format(count=len(summary.open_fields) - shown))
    out.append(
        msg.SUMMARY_FINDINGS.format(errors=len(summary.errors), warnings=len(summary.warnings))
    )
    out.extend(_findings((*summary.errors, *summary.warnings)))
    out.append(coverage_table(summary))
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
        out.append(msg.SUMMARY_AXES_MISSING.format(axes=join_and(missing)))
    out.append(msg.SUMMARY_BUDGET.format(amount=money(summary.total_budget)))
    if summary.final_errors:
        problems = counted(len(summary.final_errors), *msg.BLOCKING_FORMS)
        out.append(msg.SUMMARY_NOT_FINAL.format(problems=problems))
    else:
        out.append(msg.SUMMARY_FINAL_READY)
    return out


def _findings(findings: tuple[Finding, ...]) -> list[str]:
    lines: list[str] = []
    shown = _shown_count(len(findings), MAX_FINDINGS_SHOWN)
    for finding in findings[:shown]:
        label = msg.FINDING_BLOCKING if finding.blocking else msg.FINDING_WARNING
        where = f"{finding.path}: " if finding.path else ""
        lines.append(f"  {label} {where}{finding.message}")
    if len(findings) > shown:
        lines.append("  " + msg.MORE_FINDINGS.format(count=len(findings) - shown))
    return lines


def _shown_count(count: int, limit: int) -> int:
    """How many lines of a long list to show: ``limit``, or all when just one more would
    be left out (never «… e altri 1»: the line would take the same room)."""
    return count if count <= limit + 1 else limit
