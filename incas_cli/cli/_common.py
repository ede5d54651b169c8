"""What every command shares: the one error handler and small option helpers.

Commands import only light modules at top level (typer, pathlib): heavy libraries
(pydantic, ruamel.yaml, docx, jinja2, questionary, babel) are imported inside the
command functions so that ``incas --help`` starts fast.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

from incas_cli.errors import ExitCode, IncasError

P = ParamSpec("P")
R = TypeVar("R")


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """The one place where expected failures become a message and an exit code.

    ``IncasError`` -> its Italian message on stderr and its exit code; Ctrl-C -> exit 130.
    Anything else is a bug and propagates to typer, which shows a traceback without
    local variables (a plan may hold personal data).
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from incas_cli.console import get_console, print_error
        from incas_cli.messages import cli as msg

        try:
            return func(*args, **kwargs)
        except IncasError as err:
            print_error(err)
            raise typer.Exit(int(err.exit_code)) from None
        except KeyboardInterrupt:
            get_console(stderr=True).print(msg.INTERRUPTED)
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None

    return wrapper
