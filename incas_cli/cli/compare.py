"""``incas plan compare INPUTS... -o confronto.docx|xlsx``: many plans side by side."""

from __future__ import annotations

from pathlib import Path

import typer

from incas_cli.cli._common import handle_errors
from incas_cli.cli._options import choice_option, is_stdio, output_path
from incas_cli.messages import compare as msg
from incas_cli.pipeline import COMPARE_FORMATS


@handle_errors
def compare(
    inputs: list[Path] = typer.Argument(..., help=msg.COMPARE_INPUTS_HELP, show_default=False),
    output: Path | None = typer.Option(
        None, "--output", "-o", parser=output_path, help=msg.COMPARE_OUTPUT_HELP, show_default=False
    ),
    fmt: str | None = choice_option(
        None, "--format", COMPARE_FORMATS, msg.COMPARE_FORMAT_HELP, show_default=False
    ),
    force: bool = typer.Option(False, "--force", help=msg.COMPARE_FORCE_HELP),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help=msg.COMPARE_JOBS_HELP, show_default=False
    ),
) -> None:
    """Compare many plans (help: ``messages.compare.COMPARE_HELP``)."""
    from incas_cli.batch import default_jobs
    from incas_cli.cli._common import expand_inputs
    from incas_cli.cli.export import print_rejected
    from incas_cli.cli.render import output_target, refuse_terminal
    from incas_cli.compare import compare_plans
    from incas_cli.compare.output import write_comparison
    from incas_cli.console import get_console, print_plain, progress_bar
    from incas_cli.errors import ExitCode

    sources = expand_inputs(inputs)
    # as plan render's document, checked before thousands of plans are read
    target, output = output_target(
        output,
        fmt,
        COMPARE_FORMATS,
        stem=msg.COMPARE_FILE_STEM,
        folder=Path(),
        inputs=sources,
        force=force,
    )
    to_stdout = is_stdio(output)
    if to_stdout:
        refuse_terminal(f"{msg.COMPARE_FILE_STEM}.{target}")
    if target in ("pdf", "odt"):
        from incas_cli.pipeline import Target, check_target

        check_target(Target(format=target))
    workers = jobs if jobs is not None else default_jobs(len(sources))
    console = get_console(stderr=True)
    with progress_bar(console, msg.COMPARE_PROGRESS, len(sources)) as advance:
        comparison = compare_plans(sources, jobs=workers, on_record=lambda r: advance())
    with comparison:
        notices = write_comparison(comparison, output, target, force=force)
        for notice in notices:
            print_plain(notice.message, stderr=True)
        # the document alone on stdout with -o -: the rest goes with the messages
        out = get_console(stderr=to_stdout)
        if comparison.rejected:
            rows = [(r.name, r.message) for r in comparison.rejected]
            print_rejected(rows, msg.T_REJECTED, out)
        if to_stdout:
            done = msg.COMPARE_DONE_STDOUT_LEFT if comparison.rejected else msg.COMPARE_DONE_STDOUT
        else:
            done = msg.COMPARE_DONE_LEFT if comparison.rejected else msg.COMPARE_DONE
        # a file written is a message about the work (stderr), as plan render's
        print_plain(
            done.format(plans=len(comparison.plans), path=output, left=len(comparison.rejected)),
            stderr=True,
        )
    if comparison.failed:
        raise typer.Exit(int(ExitCode.INPUT_ERROR))
    raise typer.Exit(int(ExitCode.CHECKS_FAILED if comparison.rejected else ExitCode.OK))
