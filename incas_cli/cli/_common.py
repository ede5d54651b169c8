"""What every command shares: the one error handler and small option helpers.

Commands import only light modules at top level (typer, pathlib): heavy libraries
(pydantic, ruamel.yaml, docx, jinja2, questionary, babel) are imported inside the
command functions so that ``incas --help`` starts fast.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from pathlib import Path
from types import FrameType
from typing import Any, ParamSpec, TypeVar

import typer

from incas_cli.errors import ExitCode, IncasError

P = ParamSpec("P")
R = TypeVar("R")


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """The one place where expected failures become a message and an exit code.

    ``IncasError`` -> its Italian message on stderr and its exit code; Ctrl-C -> exit 130;
    SIGTERM (``timeout``, CI, a service manager) is handled like Ctrl-C, as a
    :class:`~incas_cli.errors.Terminated` that unwinds the same way (temporary files
    removed, workers stopped) and exits 143. Anything else is a bug and propagates to
    typer, which shows a traceback without local variables (a plan may hold personal
    data). Before the command, temporary files of incas processes that were killed are
    removed (:mod:`incas_cli.scratch`).
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from incas_cli.console import get_console, print_error
        from incas_cli.errors import Terminated
        from incas_cli.messages import cli as msg
        from incas_cli.scratch import sweep_office_pipes, sweep_temp_dirs

        sweep_temp_dirs()
        sweep_office_pipes()
        previous = _terminate_as_interrupt()
        try:
            return func(*args, **kwargs)
        except IncasError as err:
            print_error(err)
            raise typer.Exit(int(err.exit_code)) from None
        except Terminated:
            get_console(stderr=True).print(msg.TERMINATED)
            raise typer.Exit(int(ExitCode.TERMINATED)) from None
        except KeyboardInterrupt:
            get_console(stderr=True).print(msg.INTERRUPTED)
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        finally:
            _restore_sigterm(previous)

    return wrapper


def require_terminal(hint: str | None = None) -> None:
    """Stop a command that asks questions when stdin is not a terminal (exit 2).

    Nothing is asked and nothing written; ``hint`` names what to do without a terminal
    (by default the plan's non-interactive commands).
    """
    import sys

    from incas_cli.errors import NotInteractiveError
    from incas_cli.messages import wizard as msg

    if not sys.stdin.isatty():
        raise NotInteractiveError(msg.NOT_INTERACTIVE, hint=hint or msg.NOT_INTERACTIVE_HINT)


def _terminate_as_interrupt() -> Any:
    """SIGTERM raises ``Terminated``; returns the handler to restore (None: left alone).

    Left alone outside the main thread (no handler can be set there) and when something
    else already handles SIGTERM or ignores it on purpose.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None
    previous = signal.getsignal(signal.SIGTERM)
    if previous is not signal.SIG_DFL:
        return None
    signal.signal(signal.SIGTERM, _raise_terminated)
    return previous


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    from incas_cli.errors import Terminated

    raise Terminated


def _restore_sigterm(previous: Any) -> None:
    if previous is not None:
        import signal

        signal.signal(signal.SIGTERM, previous)


def expand_inputs(inputs: Iterable[Path]) -> list[Path]:
    """The plan files of a command's arguments (:func:`incas_cli.inputs.find_plan_files`),
    saying on stderr which monitoring reports the folders held and which command reads
    them: a user may have expected them to be read."""
    from incas_cli.console import print_plain
    from incas_cli.inputs import find_plan_files
    from incas_cli.messages import cli as msg

    found = find_plan_files(inputs)
    reports = found.reports_left_out
    if reports:
        print_plain(msg.REPORTS_LEFT_OUT.format(count=len(reports), first=reports[0]), stderr=True)
        print_plain(f"    {msg.HINT_LABEL}: {msg.REPORTS_LEFT_OUT_HINT}", stderr=True)
    misnamed = found.misnamed
    if misnamed:
        first = misnamed[0]
        print_plain(msg.MISNAMED_LEFT_OUT.format(count=len(misnamed), first=first), stderr=True)
        hint = msg.MISNAMED_RENAME.format(first=first, name=first.stem)
        print_plain(f"    {msg.HINT_LABEL}: {hint}", stderr=True)
    return found.plans


def echo_parts(parts: Iterable[str]) -> None:
    """Text made part by part (a JSON report on thousands of files) on stdout as each part
    comes, then a line break: what ``typer.echo`` of the whole text writes."""
    for part in parts:
        typer.echo(part, nl=False)
    typer.echo()
