"""``incas completion [bash|zsh|fish]``: the shell's completion script, on stdout (the
user's ``$SHELL`` when none is named)."""

from __future__ import annotations

import os

import typer

from incas_cli.cli._common import handle_errors
from incas_cli.cli._options import choices, completer
from incas_cli.messages import cli as msg

COMPLETE_VAR = "_INCAS_COMPLETE"
"""The variable the shell sets when it asks ``incas`` to complete a command line."""

SHELLS = ("bash", "zsh", "fish")


def enable() -> None:
    """Let typer answer the shell (called only when the shell asks: start-up stays fast)."""
    from typer._completion_classes import completion_init

    completion_init()


@handle_errors
def completion(
    shell: str | None = typer.Argument(
        None,
        metavar=choices(SHELLS),
        autocompletion=completer(SHELLS),
        help=msg.COMPLETION_SHELL_HELP,
        show_default=False,
    ),
) -> None:
    """Print a completion script (help: ``messages.cli.COMPLETION_HELP``)."""
    from typer._completion_shared import get_completion_script

    from incas_cli.errors import UsageError

    if shell is None:
        shell = os.path.basename(os.environ.get("SHELL", ""))
        if shell not in SHELLS:
            raise UsageError(
                msg.COMPLETION_NO_SHELL,
                hint=msg.COMPLETION_BAD_SHELL_HINT.format(shells=", ".join(SHELLS)),
            )
    if shell not in SHELLS:
        raise UsageError(
            msg.COMPLETION_BAD_SHELL.format(value=shell),
            hint=msg.COMPLETION_BAD_SHELL_HINT.format(shells=", ".join(SHELLS)),
        )
    enable()
    typer.echo(get_completion_script(prog_name="incas", complete_var=COMPLETE_VAR, shell=shell))
