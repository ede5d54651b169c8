"""``incas monitor``: init, validate, status, report, edit (one function per command).

Only typer and light modules are imported here; the work is imported when a command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from incas_cli.cli._common import handle_errors, require_terminal
from incas_cli.cli._options import choice_option, is_stdio, output_path, shell_word
from incas_cli.cli.validate import OUTPUT_FORMATS
from incas_cli.messages import cli as cli_msg
from incas_cli.messages import monitor as msg
from incas_cli.messages import render as render_msg
from incas_cli.pipeline import FORMATS
from incas_cli.render import EDITIONS

if TYPE_CHECKING:
    from incas_cli.models import Plan
    from incas_cli.monitor.model import MonitoringReport
    from incas_cli.wizard.prompter import Prompter

app = typer.Typer(
    help=cli_msg.MONITOR_HELP,
    no_args_is_help=True,
    options_metavar=cli_msg.OPTIONS_METAVAR,
    subcommand_metavar=cli_msg.SUBCOMMAND_METAVAR,
)


@handle_errors
def validate(
    files: list[Path] = typer.Argument(..., help=msg.VALIDATE_FILES_HELP, show_default=False),
    plan: Path | None = typer.Option(
        None, "--plan", help=msg.VALIDATE_PLAN_HELP, show_default=False
    ),
    as_json: bool = typer.Option(False, "--json", help=msg.JSON_HELP),
    output_format: str = choice_option(
        "text", "--output-format", OUTPUT_FORMATS, cli_msg.OUTPUT_FORMAT_HELP
    ),
) -> None:
    """Check monitoring reports against their plan (help: ``messages.monitor.VALIDATE_HELP``)."""
    from incas_cli.cli.validate import check_output_format, print_checked
    from incas_cli.monitor.checks import PlanSource, check_report_files

    check_output_format(output_format)
    outcomes = check_report_files(files, PlanSource(given=plan))
    print_checked(outcomes, "json" if as_json else output_format)


app.command("validate", help=msg.VALIDATE_HELP)(validate)


@handle_errors
def init(
    plan: Path = typer.Argument(..., help=msg.INIT_PLAN_HELP, show_default=False),
    period: str = typer.Option(..., "--period", help=msg.INIT_PERIOD_HELP, show_default=False),
    output: Path | None = typer.Option(
        None, "--output", "-o", parser=output_path, help=msg.INIT_OUTPUT_HELP, show_default=False
    ),
    force: bool = typer.Option(False, "--force", help=msg.INIT_FORCE_HELP),
) -> None:
    """Write a report pre-filled from the plan (help: ``messages.monitor.INIT_HELP``)."""
    from incas_cli import formats as fmt
    from incas_cli.console import print_plain
    from incas_cli.io import atomic_write_text, output_file
    from incas_cli.monitor.checks import load_plan
    from incas_cli.monitor.scaffold import build_report, default_output, parse_period

    loaded = load_plan(plan)
    span = parse_period(period, loaded)
    default = default_output(plan, span)
    target = output_file(
        output or default,
        suffixes=("yaml", "yml"),
        name_inside=default.name,
        inputs=[plan],
        force=force,
    )
    text = build_report(loaded, plan, target, span)
    atomic_write_text(target, text, force=force)
    indicators = sum(len(m.indicators) for m in loaded.measures)
    print_plain(
        msg.INIT_DONE.format(
            path=target,
            measures=fmt.counted(len(loaded.measures), "misura", "misure"),
            indicators=fmt.counted(indicators, "indicatore", "indicatori"),
            period=msg.RANGE.format(start=fmt.month(span.start), end=fmt.month(span.end)),
        ),
        stderr=True,
    )
    print_plain(msg.INIT_NEXT.format(path=shell_word(target)), stderr=True)


app.command("init", help=msg.INIT_HELP)(init)


def _checked_series(plan: Path, reports: list[Path]) -> tuple[Plan, list[MonitoringReport]]:
    """The plan and its reports, checked; findings printed and exit 1/3 when they fail."""
    from incas_cli.batch import Status, exit_code
    from incas_cli.console import print_outcomes
    from incas_cli.monitor.checks import PlanSource, check_reports, load_plan, series

    plans = PlanSource(given=plan)
    loaded = load_plan(plan, plans)
    outcomes = check_reports(reports, plans)
    if any(o.status is not Status.OK for o in outcomes) or any(
        o.result is not None and o.result.findings for o in outcomes
    ):
        print_outcomes(outcomes)
    code = exit_code(outcomes)
    if code:
        raise typer.Exit(int(code))
    return loaded, series(outcomes)


@handle_errors
def status(
    plan: Path = typer.Argument(..., help=msg.STATUS_PLAN_HELP, show_default=False),
    reports: list[Path] = typer.Argument(..., help=msg.STATUS_REPORTS_HELP, show_default=False),
) -> None:
    """One screen of the plan's state (help: ``messages.monitor.STATUS_HELP``)."""
    print_monitoring(plan, reports)


def print_monitoring(plan: Path, reports: list[Path]) -> None:
    """The status screen of ``plan`` and its ``reports`` (also ``plan status --report``)."""
    from incas_cli.catalog import load_catalog
    from incas_cli.console import print_blocks
    from incas_cli.monitor.facts import monitor_facts
    from incas_cli.monitor.tables import Labels
    from incas_cli.monitor.views import status_blocks

    loaded, series = _checked_series(plan, reports)
    catalog = load_catalog()
    facts = monitor_facts(loaded, series, catalog)
    print_blocks(status_blocks(facts, Labels(catalog, facts.plan.plan.national_plan), str(plan)))


app.command("status", help=msg.STATUS_HELP)(status)


@handle_errors
def report(
    plan: Path = typer.Argument(..., help=msg.STATUS_PLAN_HELP, show_default=False),
    reports: list[Path] = typer.Argument(..., help=msg.STATUS_REPORTS_HELP, show_default=False),
    output: Path | None = typer.Option(
        None, "--output", "-o", parser=output_path, help=msg.REPORT_OUTPUT_HELP, show_default=False
    ),
    edition: str = choice_option("pubblica", "--edition", EDITIONS, msg.REPORT_EDITION_HELP),
    fmt: str | None = choice_option(
        None, "--format", FORMATS, render_msg.RENDER_FORMAT_HELP, show_default=False
    ),
    template: Path | None = typer.Option(
        None, "--template", help=render_msg.RENDER_TEMPLATE_HELP, show_default=False
    ),
    force: bool = typer.Option(False, "--force", help=render_msg.RENDER_FORCE_HELP),
    no_toc_update: bool = typer.Option(
        False, "--no-toc-update", help=render_msg.RENDER_NO_TOC_HELP
    ),
) -> None:
    """The Relazione di monitoraggio (help: ``messages.monitor.REPORT_HELP``)."""

    from incas_cli import formats
    from incas_cli.catalog import load_catalog
    from incas_cli.cli.render import deliver, document_target, refuse_terminal, warn
    from incas_cli.console import print_plain
    from incas_cli.monitor.facts import monitor_facts
    from incas_cli.monitor.outline import report_document
    from incas_cli.monitor.tables import span
    from incas_cli.pipeline import Target, check_target, produce_document, warm_office
    from incas_cli.publish.session import office_session

    if edition not in EDITIONS:
        from incas_cli.errors import UsageError

        raise UsageError(
            render_msg.RENDER_BAD_EDITION.format(value=edition),
            hint=render_msg.RENDER_BAD_EDITION_HINT,
        )
    target_format, output_path = document_target(
        reports[-1], output, fmt, edition, inputs=[plan, *reports, template], force=force
    )
    to_stdout = is_stdio(output_path)
    if to_stdout:
        refuse_terminal(f"{render_msg.STDOUT_EXAMPLE_REPORT}.{target_format}")
    target = Target(
        format=target_format,
        edition=edition,
        template=template,
        toc_update=not no_toc_update,
    )
    for notice in check_target(target):
        warn(notice.message, notice.hint)

    with office_session():  # one LibreOffice for the index pass and the PDF or ODT
        warm_office(target)  # starting while the reports are read and checked
        loaded, series = _checked_series(plan, reports)
        catalog = load_catalog()
        facts = monitor_facts(loaded, series, catalog)
        document = report_document(facts, catalog, edition=target.edition)
        produced = produce_document(document, target)
    deliver(produced, output_path, force=force)
    periods = [span(r.report.period.start, r.report.period.end) for r in facts.reports]
    details = [
        formats.counted(len(loaded.measures), "misura", "misure"),
        msg.REPORT_DONE_REPORTS.format(periods=formats.join_and(periods)),
        render_msg.RENDER_DONE_EDITION.format(edition=edition),
    ]
    if produced.toc_pending:
        details.append(render_msg.RENDER_DONE_TOC_PENDING)
    joined = ", ".join(details)
    done = (
        msg.REPORT_DONE_STDOUT.format(details=joined)
        if to_stdout
        else msg.REPORT_DONE.format(path=output_path, details=joined)
    )
    print_plain(done, stderr=True)


app.command("report", help=msg.REPORT_HELP)(report)


@handle_errors
def edit(
    file: Path = typer.Argument(..., help=msg.EDIT_FILE_HELP, show_default=False),
) -> None:
    """Fill in a report by questions (help: ``messages.monitor.EDIT_HELP``)."""
    from incas_cli.wizard.questionary_prompter import QuestionaryPrompter

    require_terminal(msg.EDIT_NOT_INTERACTIVE_HINT.format(path=file, arg=shell_word(file)))
    run_edit(file, QuestionaryPrompter())


def run_edit(file: Path, prompter: Prompter) -> None:
    """``monitor edit`` with any prompter: check, ask, save after every group, report."""
    from incas_cli.batch import exit_code
    from incas_cli.console import print_outcomes, print_plain
    from incas_cli.errors import ExitCode, InputError
    from incas_cli.io import atomic_write_text, dump_yaml, load_yaml
    from incas_cli.monitor.checks import check_report
    from incas_cli.monitor.edit import edit_report

    outcome = check_report(file)
    if outcome.error is not None:
        raise outcome.error
    result = outcome.result
    if result is None or result.plan is None or getattr(result, "report", None) is None:
        raise InputError(
            msg.EDIT_BROKEN, hint=msg.EDIT_BROKEN_HINT.format(path=shell_word(file)), file=file
        )
    data = load_yaml(file).data
    saves = [0]

    def save(tree: object) -> None:
        atomic_write_text(file, dump_yaml(tree), force=True)
        saves[0] += 1

    try:
        edit_report(prompter, result.plan, data, on_save=save)
    except (KeyboardInterrupt, EOFError):
        done = msg.EDIT_INTERRUPTED if saves[0] else msg.EDIT_INTERRUPTED_NOTHING
        print_plain(done.format(path=file), stderr=True)
        print_plain(msg.EDIT_RESUME.format(path=shell_word(file)), stderr=True)
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    save(data)
    print_plain(msg.EDIT_SAVED.format(path=file))
    outcomes = [check_report(file)]
    print_outcomes(outcomes)
    raise typer.Exit(int(exit_code(outcomes)))


app.command("edit", help=msg.EDIT_HELP)(edit)
