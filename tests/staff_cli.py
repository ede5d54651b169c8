"""Running ``incas`` in-process for the staff commands' tests (``plan init|status|build``)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from typer.testing import CliRunner

from incas_cli.cli import app

runner = CliRunner()


def run(args: Sequence[str], cwd: Path | None = None, **env: str) -> tuple[int, str, str]:
    """Run ``incas <args>``: exit code, stdout, stderr (colours off, never a terminal)."""
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = runner.invoke(app, list(args), env={"NO_COLOR": "1", **env})
    finally:
        os.chdir(old)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr
