"""Shared fixtures: ``cli`` runs ``incas`` in-process, as a user would type it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from incas_cli.cli import app
from incas_cli.console import get_console

_PINNED_ENV: dict[str, str | None] = {"NO_COLOR": "1", "FORCE_COLOR": None, "COLUMNS": None}


class Cli:
    """``incas <args>`` through typer's CliRunner on the real app.

    The environment is the same wherever the tests run: colours off (``NO_COLOR``), no
    ``FORCE_COLOR`` and no ``COLUMNS`` (pytest-xdist sets ``COLUMNS=80`` in its workers, some
    CI services set ``FORCE_COLOR``), so output that is not a terminal has the width a user
    gets from a pipe. ``env`` adds or removes (``None``) variables for this call; ``cwd`` is
    the working folder for this call only. A crash (any exception other than
    the exit the command chose) propagates to the test with its traceback instead of
    becoming exit code 1. Each call starts like a new process: the shared consoles are made
    again, so their width follows this call's ``COLUMNS`` and not the first test that ran in
    the worker. The result has ``exit_code``, ``stdout``, ``stderr`` and
    ``output`` (both streams as a user sees them).
    """

    def __init__(self) -> None:
        self._runner = CliRunner()

    def __call__(
        self, *args: str, cwd: Path | None = None, env: Mapping[str, str | None] | None = None
    ) -> Result:
        old = Path.cwd()
        if cwd is not None:
            os.chdir(cwd)
        get_console.cache_clear()
        try:
            return self._runner.invoke(
                app, list(args), env={**_PINNED_ENV, **(env or {})}, catch_exceptions=False
            )
        finally:
            get_console.cache_clear()
            os.chdir(old)


@pytest.fixture
def cli() -> Cli:
    """Run ``incas`` in-process: ``cli("plan", "validate", "piano.yaml", cwd=tmp_path)``."""
    return Cli()
