"""The only home of rich's Console: how messages, errors and tables reach the terminal."""

from __future__ import annotations

import functools
import sys
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from incas_cli.messages import cli as msg

if TYPE_CHECKING:
    from incas_cli.errors import IncasError


@functools.cache
def get_console(stderr: bool = False) -> Console:
    """The shared console (stdout) or error console (stderr).

    rich already honours ``NO_COLOR``, ``FORCE_COLOR`` and ``TERM=dumb``; output that is not
    a terminal gets no colours and a fixed width so that it stays parseable.
    """
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else 100
    return Console(stderr=stderr, highlight=False, width=width, soft_wrap=False)


def print_error(err: IncasError) -> None:
    """Show an expected failure: ``file:line:col: errore: message`` plus a hint."""
    console = get_console(stderr=True)
    loc = err.location
    prefix = f"{escape(loc)}: " if loc else ""
    console.print(f"{prefix}[bold red]{msg.ERROR_LABEL}:[/] {escape(err.message)}")
    if err.hint:
        console.print(f"  [cyan]{msg.HINT_LABEL}:[/] {escape(err.hint)}")


def print_plain(text: str, *, stderr: bool = False) -> None:
    """Print user text literally (no markup interpretation)."""
    get_console(stderr=stderr).print(escape(text), soft_wrap=True)
