"""``incas plan validate FILE... [--output-format text|json|github]``"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from incas_cli.cli._common import handle_errors
from incas_cli.cli._options import choice_option
from incas_cli.messages import cli as msg

if TYPE_CHECKING:
    from incas_cli.batch import Outcome

OUTPUT_FORMATS = ("text", "json", "github")


@handle_errors
def validate(
    files: list[Path] = typer.Argument(..., help=msg.VALIDATE_FILES_HELP, show_default=False),
    final: bool = typer.Option(False, "--final", help=msg.FINAL_HELP),
    output_format: str = choice_option(
        "text", "--output-format", OUTPUT_FORMATS, msg.OUTPUT_FORMAT_HELP
    ),
    as_json: bool = typer.Option(False, "--json", help=msg.JSON_HELP, hidden=True),
) -> None:
    """Check plan files (help: ``messages.cli.VALIDATE_HELP``)."""
    from incas_cli.batch import check_files
    from incas_cli.cli._common import expand_inputs

    check_output_format(output_format)
    outcomes = check_files(expand_inputs(files), final=final)
    print_checked(outcomes, "json" if as_json else output_format)


def print_checked(outcomes: list[Outcome], output_format: str) -> NoReturn:
    """The outcomes of ``plan validate`` or ``monitor validate`` in ``output_format`` (one
    of :data:`OUTPUT_FORMATS`), then the exit with their code."""
    from incas_cli.batch import exit_code
    from incas_cli.console import outcome_entry, outcomes_github, print_outcomes

    if output_format == "json":
        from incas_cli.cli._common import echo_parts
        from incas_cli.reports import report_json_parts  # its models, only for JSON

        echo_parts(report_json_parts("validate", {}, map(outcome_entry, outcomes)))
    elif output_format == "github":
        typer.echo(outcomes_github(outcomes), nl=False)
    else:
        print_outcomes(outcomes)
    raise typer.Exit(int(exit_code(outcomes)))


def check_output_format(output_format: str) -> None:
    """A ``UsageError`` (exit 2) for a value of ``--output-format`` that is none of
    :data:`OUTPUT_FORMATS` (``plan validate``, ``monitor validate``)."""
    from incas_cli.errors import UsageError

    if output_format not in OUTPUT_FORMATS:
        raise UsageError(
            msg.BAD_OUTPUT_FORMAT.format(value=output_format),
            hint=msg.BAD_OUTPUT_FORMAT_HINT.format(values=", ".join(OUTPUT_FORMATS)),
        )
