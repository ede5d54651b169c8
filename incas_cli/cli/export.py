"""``incas export INPUTS... -o DIR``: plans as open data (tables, data package, DCAT-AP_IT)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from incas_cli.cli._common import handle_errors
from incas_cli.cli._options import output_folder
from incas_cli.messages import export as msg

if TYPE_CHECKING:
    from rich.console import Console

    from incas_cli.document.model import Table


@handle_errors
def export(
    inputs: list[Path] = typer.Argument(..., help=msg.EXPORT_INPUTS_HELP, show_default=False),
    output_dir: Path = typer.Option(
        ..., "--output", "-o", parser=output_folder, help=msg.EXPORT_OUTPUT_HELP, show_default=False
    ),
    fmt: str = typer.Option("csv", "--format", help=msg.EXPORT_FORMAT_HELP),
    excel: bool = typer.Option(False, "--excel", help=msg.EXPORT_EXCEL_HELP),
    force: bool = typer.Option(False, "--force", help=msg.EXPORT_FORCE_HELP),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help=msg.EXPORT_JOBS_HELP, show_default=False
    ),
    publisher: str | None = typer.Option(
        None, "--publisher", help=msg.EXPORT_PUBLISHER_HELP, show_default=False
    ),
    publisher_id: str | None = typer.Option(
        None, "--publisher-id", help=msg.EXPORT_PUBLISHER_ID_HELP, show_default=False
    ),
) -> None:
    """Export plans as open data (help: ``messages.export.EXPORT_HELP``)."""
    from incas_cli.batch import default_jobs
    from incas_cli.cli._common import expand_inputs
    from incas_cli.console import get_console, print_plain, progress_bar
    from incas_cli.errors import ExitCode, UsageError
    from incas_cli.export import (
        DATAPACKAGE_NAME,
        DCAT_NAME,
        EXPORT_FORMATS,
        ExportOptions,
        Publisher,
        export_plans,
    )
    from incas_cli.export.tables import TABLES

    if fmt not in EXPORT_FORMATS:
        raise UsageError(msg.BAD_EXPORT_FORMAT.format(value=fmt), hint=msg.BAD_EXPORT_FORMAT_HINT)
    if excel and fmt != "csv":
        raise UsageError(msg.EXCEL_NEEDS_CSV, hint=msg.EXCEL_NEEDS_CSV_HINT)
    from incas_cli.monitor.files import is_report_file

    publisher = (publisher or "").strip() or None  # a blank name is no publisher
    publisher_id = (publisher_id or "").strip() or None
    sources = expand_inputs(inputs)
    # one plan with its monitoring reports is still the Comune's own data set
    if sum(not is_report_file(s) for s in sources) > 1 and not publisher:
        raise UsageError(msg.PUBLISHER_NEEDED, hint=msg.PUBLISHER_NEEDED_HINT)
    options = ExportOptions(
        output_dir=output_dir,
        fmt="xlsx" if fmt == "xlsx" else "json" if fmt == "json" else "csv",
        excel=excel,
        force=force,
        publisher=Publisher(publisher, publisher_id) if publisher else None,
    )
    workers = jobs if jobs is not None else default_jobs(len(sources))
    console = get_console(stderr=True)
    with progress_bar(console, msg.EXPORT_PROGRESS, len(sources)) as advance:
        result = export_plans(sources, options, jobs=workers, on_record=lambda r: advance())

    out = get_console()
    if result.rejected:
        print_rejected(
            [(r.name, r.message or "") for r in result.rejected], msg.EXPORT_SKIPPED_TITLE, out
        )
    if not result.exported:
        print_plain(msg.EXPORT_NOTHING.format(total=result.total), stderr=True)
    else:
        print_plain(  # the files written: a message about the work, as plan render's
            msg.EXPORT_DONE.format(
                plans=result.exported,
                reports=result.reports,
                total=result.total,
                output_dir=output_dir,
                tables=len(TABLES),
                fmt=options.fmt.upper(),
                package=DATAPACKAGE_NAME,
                dcat=DCAT_NAME,
            ),
            stderr=True,
        )
    if any(r.failed for r in result.rejected):
        raise typer.Exit(int(ExitCode.INPUT_ERROR))
    raise typer.Exit(int(ExitCode.CHECKS_FAILED if result.rejected else ExitCode.OK))


def rejected_table(rows: Sequence[tuple[str, str]], title: str) -> Table:
    from incas_cli.document.model import Column, Table

    return Table(title, (Column(msg.COL_FILE), Column(msg.COL_REASON)), tuple(rows))


def print_rejected(rows: Sequence[tuple[str, str]], title: str, console: Console) -> None:
    """The plans left out, each with its first problem."""
    from incas_cli.console import print_blocks

    print_blocks([rejected_table(rows, title)], console)
