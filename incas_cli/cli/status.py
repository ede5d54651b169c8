"""``incas plan status FILE... [--json]``: how far each plan is (readable in 80 columns)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from incas_cli.cli._common import handle_errors
from incas_cli.messages import staff as msg

if TYPE_CHECKING:
    from decimal import Decimal

    from rich.console import Console

    from incas_cli.checks import Finding
    from incas_cli.status import PlanStatus

_BAR_WIDTH = 10


@handle_errors
def status(
    files: list[Path] = typer.Argument(..., help=msg.STATUS_FILES_HELP, show_default=False),
    as_json: bool = typer.Option(False, "--json", help=msg.STATUS_JSON_HELP),
) -> None:
    """Mostra a che punto è ciascun piano: campi aperti, problemi, coerenza, budget.

    Per un file: completezza per sezione, campi aperti con file:riga,
    problemi bloccanti e non, se supererebbe il controllo --final,
    azioni e assi del piano nazionale coperti, budget per fonte.
    Per più file: una tabella con una riga per piano.

    Codici di uscita: 0 rapporto prodotto (anche se i piani hanno problemi:
    li elenca), 1 qualche file illeggibile.
    """
    import json

    from incas_cli.batch import expand_inputs
    from incas_cli.console import get_console
    from incas_cli.errors import ExitCode
    from incas_cli.status import plan_statuses, status_report

    statuses = plan_statuses(expand_inputs(files))
    if as_json:
        typer.echo(json.dumps(status_report(statuses), ensure_ascii=False, indent=2))
    elif len(statuses) == 1:
        print_status(statuses[0], get_console())
    else:
        print_summary(statuses, get_console())
    failed = any(not s.readable for s in statuses)
    raise typer.Exit(int(ExitCode.INPUT_ERROR if failed else ExitCode.OK))


# --- showing it ------------------------------------------------------------------------------


def _money(amount: Decimal) -> str:
    from decimal import Decimal

    from babel.numbers import format_currency

    return str(format_currency(amount.quantize(Decimal("0.01")), "EUR", locale="it_IT"))


def _bar(percent: int) -> str:
    full = percent * _BAR_WIDTH // 100
    return "█" * full + "░" * (_BAR_WIDTH - full) + f" {percent:3d}%"


def _finding_line(finding: Finding) -> str:
    from rich.markup import escape

    from incas_cli.messages import checks as cmsg

    label = (
        f"[bold red]{cmsg.SEVERITY_ERROR}[/]"
        if finding.blocking
        else f"[yellow]{cmsg.SEVERITY_WARNING}[/]"
    )
    where = f"{finding.file}:{finding.line}:{finding.column}"
    path = f" {escape(finding.path)}:" if finding.path else ""
    return f"{escape(where)}: {label} [dim]\\[{finding.code}][/]{path} {escape(finding.message)}"


def print_status(st: PlanStatus, console: Console) -> None:
    """The full status of one plan."""
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    from incas_cli.console import print_error

    if st.error is not None:
        print_error(st.error)
        console.print(f"{escape(st.name)}: [bold red]{msg.UNREADABLE}[/]")
        return
    plan = st.plan
    if plan is None:
        console.print(f"[bold]{escape(st.name)}[/]")
        console.print(msg.STATUS_STRUCTURE_BROKEN)
        for finding in st.errors:
            console.print(_finding_line(finding))
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

    table = Table(title=msg.STATUS_COMPLETENESS, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column(msg.COL_SECTION)
    table.add_column(msg.COL_FILLED, justify="right")
    table.add_column(msg.COL_OPEN, justify="right")
    table.add_column(msg.COL_DONE, no_wrap=True)
    for s in st.sections:
        opened = f"[bold yellow]{s.open}[/]" if s.open else "0"
        table.add_row(
            msg.SECTION_LABELS.get(s.section, s.section), str(s.filled), opened, _bar(s.percent)
        )
    filled = sum(s.filled for s in st.sections)
    total = filled + st.open_count
    table.add_section()
    table.add_row(
        msg.TOTAL,
        str(filled),
        str(st.open_count),
        _bar(100 if total == 0 else filled * 100 // total),
        style="bold",
    )
    console.print(table)

    if st.open_fields:
        console.print(f"[bold]{msg.STATUS_OPEN_FIELDS.format(count=st.open_count)}[/]")
        fields = Table(box=None, show_header=False, padding=(0, 1), pad_edge=False)
        fields.add_column(msg.COL_WHERE, no_wrap=True, style="cyan")
        fields.add_column(msg.COL_FIELD, overflow="fold")
        for o in st.open_fields:
            fields.add_row(
                escape(f"{st.name}:{o.line}:{o.column}"),
                f"{escape(o.field.label)} [dim]{escape(o.field.path)}[/]",
            )
        console.print(fields)
    else:
        console.print(msg.STATUS_NO_OPEN_FIELDS)
    console.print()

    console.print(
        f"[bold]{msg.STATUS_FINDINGS.format(errors=len(st.errors), warnings=len(st.warnings))}[/]"
    )
    assert st.draft is not None
    for finding in st.draft.findings:
        console.print(_finding_line(finding))
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
        for number in cov.uncovered_actions:
            console.print(
                escape(
                    msg.STATUS_UNCOVERED_ACTION.format(
                        number=number, label=cov.action_labels[number]
                    )
                ),
                style="yellow",
            )
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
        money = Table(title=msg.STATUS_BUDGET, title_justify="left", box=box.SIMPLE_HEAD)
        money.add_column(msg.COL_SOURCE, overflow="fold")
        money.add_column(msg.COL_AMOUNT, justify="right", no_wrap=True)
        for b in st.budget:
            money.add_row(escape(b.label), _money(b.amount))
        money.add_section()
        money.add_row(msg.TOTAL, _money(st.budget_total), style="bold")
        console.print(money)
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


def print_summary(statuses: Sequence[PlanStatus], console: Console) -> None:
    """One row per plan, then the errors of unreadable files."""
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    from incas_cli.console import print_error

    table = Table(
        title=msg.STATUS_SUMMARY_TITLE,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=(0, 0),
        pad_edge=False,
    )
    table.add_column(msg.COL_FILE, overflow="fold", ratio=1, min_width=12)
    table.add_column(msg.COL_OPEN, justify="right", no_wrap=True)
    table.add_column(msg.COL_ERRORS, justify="right", no_wrap=True)
    table.add_column(msg.COL_WARNINGS, justify="right", no_wrap=True)
    table.add_column(msg.COL_ACTIONS, justify="right", no_wrap=True)
    table.add_column(msg.COL_AXES, justify="right", no_wrap=True)
    table.add_column(msg.COL_BUDGET, justify="right", no_wrap=True)
    table.add_column(msg.COL_FINAL, no_wrap=True)
    dash = "-"
    short = short_names([st.name for st in statuses])
    for st in statuses:
        name = escape(short[st.name])
        if st.error is not None:
            table.add_row(
                f"{name} [bold red]({msg.UNREADABLE})[/]", dash, dash, dash, dash, dash, dash, dash
            )
            continue
        errors = f"[bold red]{len(st.errors)}[/]" if st.errors else "0"
        final = f"[green]{msg.YES}[/]" if st.ready_for_final else f"[red]{msg.NO}[/]"
        if st.plan is None:
            table.add_row(name, dash, errors, str(len(st.warnings)), dash, dash, dash, final)
            continue
        cov = st.coverage
        table.add_row(
            name,
            str(st.open_count),
            errors,
            str(len(st.warnings)),
            f"{len(cov.covered_actions)}/{cov.total_actions}" if cov else dash,
            f"{len(cov.covered_axes)}/{cov.total_axes}" if cov else dash,
            _money(st.budget_total),
            final,
        )
    console.print(table)
    console.print(msg.STATUS_SUMMARY_LEGEND, style="dim")
    for st in statuses:
        if st.error is not None:
            print_error(st.error)
