"""``incas completion bash|zsh|fish``: the shell's completion script, on stdout."""

from __future__ import annotations

import typer

from incas_cli.cli._common import handle_errors
from incas_cli.cli._options import choices
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
    shell: str = typer.Argument(
        ..., metavar=choices(SHELLS), help=msg.COMPLETION_SHELL_HELP, show_default=False
    ),
) -> None:
    """Print a completion script (help: ``messages.cli.COMPLETION_HELP``)."""
    from typer._completion_shared import get_completion_script

    from incas_cli.errors import UsageError

    if shell not in SHELLS:
        raise UsageError(
            msg.COMPLETION_BAD_SHELL.format(value=shell),
            hint=msg.COMPLETION_BAD_SHELL_HINT.format(shells=", ".join(SHELLS)),
        )
    enable()
    typer.echo(get_completion_script(prog_name="incas", complete_var=COMPLETE_VAR, shell=shell))
