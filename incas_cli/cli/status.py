"""``incas plan status FILE... [--json]``: how far each plan is (readable in 80 columns)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from incas_cli.cli._common import handle_errors
from incas_cli.messages import monitor as monitor_msg
from incas_cli.messages import staff as msg

if TYPE_CHECKING:
    from rich.console import Console

    from incas_cli.document.model import Cell, Table
    from incas_cli.errors import IncasError
    from incas_cli.status import PlanStatus

_BAR_WIDTH = 10


@handle_errors
def status(
    files: list[Path] = typer.Argument(..., help=msg.STATUS_FILES_HELP, show_default=False),
    as_json: bool = typer.Option(False, "--json", help=msg.STATUS_JSON_HELP),
    reports: list[Path] | None = typer.Option(
        None, "--report", help=monitor_msg.PLAN_STATUS_REPORT_HELP, show_default=False
    ),
) -> None:
    """How far each plan is (help: ``messages.cli.STATUS_HELP``)."""
    from incas_cli.cli._common import expand_inputs
    from incas_cli.console import get_console
    from incas_cli.errors import ExitCode, UsageError
    from incas_cli.status import plan_status, plan_statuses

    paths = expand_inputs(files)
    if reports and (as_json or len(paths) != 1):
        raise UsageError(
            monitor_msg.PLAN_STATUS_REPORT_ONE, hint=monitor_msg.PLAN_STATUS_REPORT_HINT
        )
    # many files: each plan is let go once its JSON entry is written or its row made
    if as_json:
        failed = print_status_json(plan_statuses(paths)) > 0
    elif len(paths) == 1:
        st = plan_status(paths[0])
        print_status(st, get_console())
        failed = not st.readable
        if reports and st.readable:
            from incas_cli.cli.monitor import print_monitoring

            get_console().print()
            print_monitoring(paths[0], reports)
    else:
        failed = print_summary(plan_statuses(paths), get_console()) > 0
    raise typer.Exit(int(ExitCode.INPUT_ERROR if failed else ExitCode.OK))


# --- showing it ------------------------------------------------------------------------------


def _bar(percent: int) -> str:
    full = percent * _BAR_WIDTH // 100
    return "█" * full + "░" * (_BAR_WIDTH - full) + f" {percent:3d}%"


def completeness_table(st: PlanStatus) -> Table:
    """Values filled in and fields still open, section by section, with a bar."""
    from incas_cli.document.model import Column, Run, Table

    rows = tuple(
        (
            msg.SECTION_LABELS.get(s.section, s.section),
            str(s.filled),
            Run(str(s.open), bold=True) if s.open else "0",
            _bar(s.percent) if s.filled or s.open else msg.SECTION_EMPTY,
        )
        for s in st.sections
    )
    filled = sum(s.filled for s in st.sections)
    total = filled + st.open_count
    return Table(
        msg.STATUS_COMPLETENESS,
        (
            Column(msg.COL_SECTION),
            Column(msg.COL_FILLED, "right"),
            Column(msg.COL_OPEN, "right"),
            Column(msg.COL_DONE, fixed=True),
        ),
        rows,
        total=(
            msg.TOTAL,
            str(filled),
            str(st.open_count),
            _bar(100 if total == 0 else filled * 100 // total),
        ),
    )


def open_fields_table(st: PlanStatus) -> Table:
    """Each open field with its ``file:line:column``."""
    from incas_cli.document.model import Column, Table

    return Table(
        msg.STATUS_OPEN_FIELDS.format(count=st.open_count),
        (Column(msg.COL_WHERE, fixed=True), Column(msg.COL_FIELD)),
        tuple(
            (f"{st.name}:{o.line}:{o.column}", f"{o.field.label} {o.field.path}")
            for o in st.open_fields
        ),
    )


def budget_table(st: PlanStatus) -> Table:
    """The money of each funding source, the largest first, and the total."""
    from incas_cli.document.model import Column, Table
    from incas_cli.formats import money

    return Table(
        msg.STATUS_BUDGET,
        (Column(msg.COL_SOURCE), Column(msg.COL_AMOUNT, "right")),
        tuple((b.label, money(b.amount)) for b in st.budget),
        total=(msg.TOTAL, money(st.budget_total)),
    )


def print_status(st: PlanStatus, console: Console) -> None:
    """The full status of one plan."""
    from rich.markup import escape

    from incas_cli.console import print_error, print_findings
    from incas_cli.writers.rich import rich_table

    if st.error is not None:
        print_error(st.error)
        console.print(f"{escape(st.name)}: [bold red]{msg.UNREADABLE}[/]")
        return
    plan = st.plan
    if plan is None:
        console.print(f"[bold]{escape(st.name)}[/]")
        console.print(msg.STATUS_STRUCTURE_BROKEN)
        print_findings(st.errors, console, soft_wrap=False)
        return

    state = msg.PLAN_STATUS_LABELS.get(plan.effective_status, plan.effective_status)
    comune = (
        f"{plan.comune.name} ({plan.comune.province})" if plan.comune.province else plan.comune.name
    )
    heading = (
        msg.STATUS_HEADING_VERSION.format(
            file=st.name, comune=comune, status=state, version=plan.plan.version
        )
        if plan.plan.version
        else msg.STATUS_HEADING.format(file=st.name, comune=comune, status=state)
    )
    console.print(f"[bold]{escape(heading)}[/]")
    console.print(escape(plan.plan.title), style="dim")

    console.print(rich_table(completeness_table(st)))
    console.print()
    if st.open_fields:
        console.print(rich_table(open_fields_table(st)))
    else:
        console.print(msg.STATUS_NO_OPEN_FIELDS)
    console.print()

    console.print(
        f"[bold]{msg.STATUS_FINDINGS.format(errors=len(st.errors), warnings=len(st.warnings))}[/]"
    )
    assert st.draft is not None
    print_findings(st.draft.findings, console, soft_wrap=False)
    final = st.final
    if st.ready_for_final:
        console.print(f"[bold green]{msg.STATUS_READY_FINAL}[/]")
    elif final is not None:
        codes = Counter(f.code for f in final.errors)
        shown = ", ".join(
            f"{code} {n}" for code, n in sorted(codes.items(), key=lambda c: (-c[1], c[0]))
        )
        verdict = msg.STATUS_NOT_READY_FINAL.format(count=len(final.errors), codes=shown)
        console.print(f"[bold red]{escape(verdict)}[/]")
    console.print()

    cov = st.coverage
    if cov is None:
        console.print(msg.STATUS_NO_COVERAGE)
    else:
        console.print(
            f"[bold]{escape(msg.STATUS_COVERAGE.format(plan=cov.national_plan_title))}[/]"
        )
        console.print(
            msg.STATUS_ACTIONS.format(covered=len(cov.covered_actions), total=cov.total_actions)
        )
        for numbers, template, style in (
            (cov.uncovered_actions, msg.STATUS_UNCOVERED_ACTION, "yellow"),
            (cov.secondary_actions, msg.STATUS_SECONDARY_ACTION, "dim"),
        ):
            for number in numbers:
                line = template.format(number=number, label=cov.action_labels[number])
                console.print(escape(line), style=style)
        console.print(msg.STATUS_AXES.format(covered=len(cov.covered_axes), total=cov.total_axes))
        for axis in cov.uncovered_axes:
            console.print(
                escape(msg.STATUS_UNCOVERED_AXIS.format(label=cov.axis_labels[axis])),
                style="yellow",
            )
    console.print()

    if not st.budget:
        console.print(msg.STATUS_NO_BUDGET)
    else:
        console.print(rich_table(budget_table(st)))
    if st.budget_lines_without_amount:
        console.print(
            msg.STATUS_LINES_WITHOUT_AMOUNT.format(count=st.budget_lines_without_amount),
            style="yellow",
        )


def short_names(names: Sequence[str]) -> dict[str, str]:
    """The shortest trailing part of each path that still tells the files apart.

    ``/work/piani/saluzzo.yaml`` and ``/work/piani/siracusa.yaml`` become ``saluzzo.yaml``
    and ``siracusa.yaml``; ``a/piano.yaml`` and ``b/piano.yaml`` keep their folder.
    """
    parts = {name: Path(name).parts or (name,) for name in names}
    depth = 1
    while True:
        shown = {n: str(Path(*p[-depth:])) for n, p in parts.items()}
        if len(set(shown.values())) == len(shown) or depth >= max(map(len, parts.values())):
            return shown
        depth += 1


def summary_table(
    statuses: Iterable[PlanStatus], unreadable: list[IncasError] | None = None
) -> Table:
    """One row per plan: open fields, findings, coverage, budget, ready for --final.

    Each status is let go once its row is made (a summary of thousands of plans holds
    rows, not plans); the errors of unreadable files are added to ``unreadable``.
    """
    from incas_cli.document.model import Column, Table

    names: list[str] = []
    cells: list[tuple[str | None, tuple[Cell, ...]]] = []
    for st in statuses:
        names.append(st.name)
        cells.append(_summary_cells(st))
        if st.error is not None and unreadable is not None:
            unreadable.append(st.error)
    short = short_names(names)
    rows = tuple(
        (short[name] if after is None else f"{short[name]} ({after})", *rest)
        for name, (after, rest) in zip(names, cells, strict=True)
    )
    return Table(
        msg.STATUS_SUMMARY_TITLE,
        (
            Column(msg.COL_FILE),
            Column(msg.COL_OPEN, "right"),
            Column(msg.COL_ERRORS, "right"),
            Column(msg.COL_WARNINGS, "right"),
            Column(msg.COL_ACTIONS, "right"),
            Column(msg.COL_AXES, "right"),
            Column(msg.COL_BUDGET, "right"),
            Column(msg.COL_FINAL, fixed=True),
        ),
        rows,
        compact=True,
    )


def _summary_cells(st: PlanStatus) -> tuple[str | None, tuple[Cell, ...]]:
    """What follows the file's name in its summary row (None: nothing), and the other cells."""
    from incas_cli.document.model import Run
    from incas_cli.formats import money

    dash = "-"
    if st.error is not None:
        return msg.UNREADABLE, (dash,) * 7
    errors: Cell = Run(str(len(st.errors)), bold=True) if st.errors else "0"
    final: Cell = msg.YES if st.ready_for_final else Run(msg.NO, bold=True)
    if st.plan is None:
        return None, (dash, errors, str(len(st.warnings)), dash, dash, dash, final)
    cov = st.coverage
    return None, (
        str(st.open_count),
        errors,
        str(len(st.warnings)),
        f"{len(cov.covered_actions)}/{cov.total_actions}" if cov else dash,
        f"{len(cov.covered_axes)}/{cov.total_axes}" if cov else dash,
        money(st.budget_total),
        final,
    )


def print_status_json(statuses: Iterable[PlanStatus]) -> int:
    """The ``--json`` report on stdout, each file's entry written as its status comes;
    returns how many files were unreadable."""
    from incas_cli.cli._common import echo_parts
    from incas_cli.reports import report_json_parts
    from incas_cli.status import status_entry

    unreadable = 0

    def entries() -> Iterator[dict[str, Any]]:
        nonlocal unreadable
        for st in statuses:
            unreadable += not st.readable
            yield status_entry(st)

    echo_parts(report_json_parts("status", {}, entries()))
    return unreadable


def print_summary(statuses: Iterable[PlanStatus], console: Console) -> int:
    """One row per plan, then the errors of unreadable files; returns how many there were."""
    from incas_cli.console import print_error
    from incas_cli.writers.rich import rich_table

    unreadable: list[IncasError] = []
    table = rich_table(summary_table(statuses, unreadable))
    console.print(table)
    console.print(msg.STATUS_SUMMARY_LEGEND, style="dim")
    for error in unreadable:
        print_error(error)
    return len(unreadable)
