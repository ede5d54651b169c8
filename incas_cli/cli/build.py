"""``incas plan build INPUTS... -o DIR``: check and render many plans in parallel."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from incas_cli.cli._common import handle_errors
from incas_cli.cli._options import choice_option, output_folder
from incas_cli.messages import staff as msg
from incas_cli.pipeline import FORMATS
from incas_cli.render import EDITIONS

if TYPE_CHECKING:
    from rich.console import Console

    from incas_cli.batch import BuildOptions, Outcome
    from incas_cli.document.model import Cell, Table


@handle_errors
def build(
    inputs: list[Path] = typer.Argument(..., help=msg.BUILD_INPUTS_HELP, show_default=False),
    output_dir: Path = typer.Option(
        ..., "--output", "-o", parser=output_folder, help=msg.BUILD_OUTPUT_HELP, show_default=False
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help=msg.BUILD_JOBS_HELP, show_default=False
    ),
    final: bool = typer.Option(False, "--final", help=msg.BUILD_FINAL_HELP),
    edition: str = choice_option("pubblica", "--edition", EDITIONS, msg.BUILD_EDITION_HELP),
    fmt: str = choice_option("docx", "--format", FORMATS, msg.BUILD_FORMAT_HELP),
    as_json: bool = typer.Option(False, "--json", help=msg.BUILD_JSON_HELP),
    force: bool = typer.Option(False, "--force", help=msg.BUILD_FORCE_HELP),
    template: Path | None = typer.Option(
        None, "--template", help=msg.BUILD_TEMPLATE_HELP, show_default=False
    ),
    no_toc_update: bool = typer.Option(False, "--no-toc-update", help=msg.BUILD_NO_TOC_HELP),
) -> None:
    """Check and render many plans (help: ``messages.cli.BUILD_HELP``)."""
    from incas_cli.batch import (
        BuildOptions,
        build_entry,
        build_report_head,
        default_jobs,
        exit_code,
        prepare_output_dir,
        started_early,
    )
    from incas_cli.cli._common import echo_parts, expand_inputs
    from incas_cli.console import get_console, print_plain
    from incas_cli.errors import UsageError
    from incas_cli.messages import cli as cli_msg
    from incas_cli.pipeline import FORMATS, check_target
    from incas_cli.reports import report_json_parts

    if edition not in ("pubblica", "interna"):
        raise UsageError(msg.BAD_EDITION.format(value=edition), hint=msg.BAD_EDITION_HINT)
    if fmt not in FORMATS:
        raise UsageError(msg.BAD_FORMAT.format(value=fmt), hint=msg.BAD_FORMAT_HINT)
    options = BuildOptions(
        output_dir=output_dir,
        final=final,
        edition="interna" if edition == "interna" else "pubblica",
        fmt=fmt,
        force=force,
        template=template,
        toc_update=not no_toc_update,
    )
    with started_early(inputs, jobs, options):  # workers or LibreOffice come up meanwhile
        # a wrong letterhead fails once, before any plan; what its reading dropped is said once
        for notice in check_target(options.target()):
            print_plain(
                msg.TEMPLATE_NOTICE.format(label=cli_msg.WARNING_LABEL, message=notice.message),
                stderr=True,
            )
            print_plain(
                msg.BUILD_WARNING_HINT.format(label=cli_msg.HINT_LABEL, hint=notice.hint),
                stderr=True,
            )
        sources = expand_inputs(inputs)
        prepare_output_dir(output_dir)
        workers = jobs if jobs is not None else default_jobs(len(sources))

        progress_console = get_console(stderr=True)
        if progress_console.is_terminal:
            outcomes = _with_progress_bar(sources, options, workers, progress_console)
        else:
            outcomes = _with_plain_lines(sources, options, workers, progress_console)

    print_build_notices(outcomes, options, progress_console)
    if as_json:
        entries = (build_entry(o) for o in outcomes)
        echo_parts(report_json_parts("build", build_report_head(outcomes, options), entries))
    else:
        print_build_summary(outcomes, options.output_dir, get_console())
    raise typer.Exit(int(exit_code(outcomes)))


def _with_progress_bar(
    sources: Sequence[Path], options: BuildOptions, workers: int, console: Console
) -> list[Outcome]:
    from incas_cli.batch import build_files
    from incas_cli.console import progress_bar

    with progress_bar(console, msg.BUILD_PROGRESS, len(sources)) as advance:
        return build_files(sources, options, jobs=workers, on_outcome=lambda o: advance())


def _with_plain_lines(
    sources: Sequence[Path], options: BuildOptions, workers: int, console: Console
) -> list[Outcome]:
    from incas_cli.batch import Status, build_files, first_message
    from incas_cli.console import print_plain

    total = len(sources)
    done = 0

    def line(outcome: Outcome) -> None:
        nonlocal done
        done += 1
        if outcome.status in (Status.OK, Status.SKIPPED):
            template = msg.BUILD_LINE_OK if outcome.status is Status.OK else msg.BUILD_LINE_SKIPPED
            text = template.format(done=done, total=total, file=outcome.name, output=outcome.output)
        else:
            template = (
                msg.BUILD_LINE_INVALID
                if outcome.status is Status.INVALID
                else msg.BUILD_LINE_FAILED
            )
            text = template.format(
                done=done, total=total, file=outcome.name, message=first_message(outcome)
            )
        print_plain(text, stderr=True)

    return build_files(sources, options, jobs=workers, on_outcome=line)


def build_summary_table(outcomes: Sequence[Outcome]) -> Table:
    """The outcome of each file: its state and the document made or the first problem."""
    from incas_cli.batch import Status, first_message
    from incas_cli.document.model import Column, Run, Table

    states = {
        Status.OK: Run(msg.STATUS_OK, tone="ok"),
        Status.INVALID: Run(msg.STATUS_INVALID, tone="warning"),
        Status.FAILED: Run(msg.STATUS_FAILED, tone="error"),
        Status.SKIPPED: Run(msg.STATUS_SKIPPED, tone="info"),
    }
    rows: list[tuple[Cell, ...]] = []
    for o in outcomes:
        shows_output = o.status in (Status.OK, Status.SKIPPED)
        detail = str(o.output) if shows_output else first_message(o) or ""
        rows.append((o.name, states[o.status], detail))
    return Table(
        msg.BUILD_SUMMARY_TITLE,
        (Column(msg.COL_FILE), Column(msg.COL_STATUS, fixed=True), Column(msg.COL_DETAIL)),
        tuple(rows),
    )


def print_build_summary(outcomes: Sequence[Outcome], output_dir: Path, console: Console) -> None:
    """One row per file (ok / invalid / failed, with the document or the first problem)."""
    from incas_cli.batch import Status
    from incas_cli.console import print_blocks

    print_blocks([build_summary_table(outcomes)], console)
    console.print(
        msg.BUILD_TOTALS.format(
            total=len(outcomes),
            ok=sum(o.status is Status.OK for o in outcomes),
            invalid=sum(o.status is Status.INVALID for o in outcomes),
            failed=sum(o.status is Status.FAILED for o in outcomes),
            skipped=sum(o.status is Status.SKIPPED for o in outcomes),
            output_dir=output_dir,
        ),
        markup=False,
        highlight=False,
    )
    if any(o.status is Status.SKIPPED for o in outcomes):
        console.print(msg.BUILD_EXISTING_HINT, markup=False, highlight=False, soft_wrap=True)


def print_build_notices(
    outcomes: Sequence[Outcome], options: BuildOptions, console: Console
) -> None:
    """What the pipeline warned about, file by file (each hint once), and, when the index
    was wanted but left to Word (no LibreOffice), how many documents that concerns."""
    from incas_cli.batch import Status
    from incas_cli.messages import cli as cli_msg

    hints: list[str] = []
    for o in outcomes:
        for notice in o.warnings:
            line = msg.BUILD_WARNING.format(
                label=cli_msg.WARNING_LABEL, file=o.name, message=notice.message
            )
            console.print(line, markup=False, highlight=False, soft_wrap=True)
            if notice.hint not in hints:
                hints.append(notice.hint)
    for hint in hints:
        console.print(
            msg.BUILD_WARNING_HINT.format(label=cli_msg.HINT_LABEL, hint=hint),
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    if options.fmt != "docx" or not options.toc_update:
        return
    pending = sum(o.status is Status.OK and o.toc_pending for o in outcomes)
    if pending:
        note = msg.BUILD_TOC_PENDING_ONE if pending == 1 else msg.BUILD_TOC_PENDING
        console.print(note.format(count=pending), markup=False, highlight=False, soft_wrap=True)
