"""``incas plan validate FILE...``"""

from __future__ import annotations

from pathlib import Path

import typer

from incas_cli.cli._common import handle_errors
from incas_cli.messages import cli as msg


@handle_errors
def validate(
    files: list[Path] = typer.Argument(..., help=msg.VALIDATE_FILES_HELP, show_default=False),
    final: bool = typer.Option(False, "--final", help=msg.FINAL_HELP),
    as_json: bool = typer.Option(False, "--json", help=msg.JSON_HELP),
) -> None:
    """Check plan files (help: ``messages.cli.VALIDATE_HELP``)."""
    from incas_cli.batch import check_files, exit_code, expand_inputs
    from incas_cli.console import outcomes_json, print_outcomes

    outcomes = check_files(expand_inputs(files), final=final)
    if as_json:
        typer.echo(outcomes_json(outcomes))
    else:
        print_outcomes(outcomes)
    raise typer.Exit(int(exit_code(outcomes)))
