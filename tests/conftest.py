"""Shared test setup: the ``cli`` fixture, the markers' skips and the hypothesis profiles.

Markers (declared in ``pyproject.toml``, ``--strict-markers``):

- ``slow``: long; ``python -m pytest -m "not slow"`` is the fast loop.
- ``office``: needs LibreOffice with python3-uno; skipped, with the reason, without it.
  ``@pytest.mark.office(calc=True)`` also needs LibreOffice Calc (spreadsheets).
- ``terminal``: drives a real pseudo-terminal with pexpect; skipped, with the reason, when
  pexpect or a pty is missing. ``@pytest.mark.terminal(tmux=True)`` also needs tmux.

- ``editor``: drives yaml-language-server (``npm install yaml-language-server``: on the
  ``PATH``, or its folder in ``INCAS_YAML_LANGUAGE_SERVER``) with node; skipped, with the
  reason, without them.

``office``, ``terminal`` and ``editor`` tests are always ``slow`` too. Whether they run is
decided here only, once per session, never in the tests.

Hypothesis profiles: ``dev`` (default), ``ci`` (chosen when ``CI`` is set: derandomised, so
a run is repeatable, and failures print the blob to reproduce them) and ``long`` (ten times
the examples). ``HYPOTHESIS_PROFILE=NAME`` chooses one explicitly. No profile has a
deadline: timing belongs to ``benchmarks/``, not to the tests.
"""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from incas_cli.cli import app
from incas_cli.console import get_console

# --- hypothesis ----------------------------------------------------------------------------

settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.register_profile("long", deadline=None, max_examples=1000)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)

# --- markers -------------------------------------------------------------------------------


@functools.cache
def _office_missing() -> str | None:
    from incas_cli.publish import libreoffice_available

    if libreoffice_available():
        return None
    return (
        "needs LibreOffice with python3-uno (sudo apt-get install libreoffice-writer-nogui "
        "python3-uno, or INCAS_SOFFICE=/path/to/soffice)"
    )


@functools.cache
def _calc_missing() -> str | None:
    """``office(calc=True)``: spreadsheets need LibreOffice Calc beside Writer."""
    from incas_cli.publish import find_soffice

    soffice = find_soffice()
    program = soffice.resolve().parent if soffice is not None else None
    if program is not None and any(program.glob("libsclo*")):
        return None
    return "needs LibreOffice Calc (sudo apt-get install libreoffice-calc-nogui)"


@functools.cache
def _terminal_missing(tmux: bool) -> str | None:
    try:
        import pexpect  # noqa: F401
    except ImportError:
        return "needs pexpect to drive a terminal (pip install -e '.[dev]')"
    try:
        leader, follower = os.openpty()
    except OSError as exc:
        return f"needs a pseudo-terminal, which this machine cannot open: {exc}"
    os.close(leader)
    os.close(follower)
    if tmux and shutil.which("tmux") is None:
        return "needs tmux (sudo apt-get install tmux)"
    return None


def yaml_language_server() -> str | None:
    """The ``yaml-language-server`` command (``INCAS_YAML_LANGUAGE_SERVER``, or the PATH)."""
    where = os.environ.get("INCAS_YAML_LANGUAGE_SERVER")
    if where:
        found = Path(where)
        if found.is_dir():
            found = found / "node_modules" / ".bin" / "yaml-language-server"
        return str(found) if found.exists() else None
    return shutil.which("yaml-language-server")


@functools.cache
def _editor_missing() -> str | None:
    if shutil.which("node") is None:
        return "needs node (sudo apt-get install nodejs npm)"
    if yaml_language_server() is None:
        return (
            "needs yaml-language-server (npm install --prefix DIR yaml-language-server, then "
            "INCAS_YAML_LANGUAGE_SERVER=DIR or DIR/node_modules/.bin on the PATH)"
        )
    return None


_SLOW_MARKERS = ("office", "terminal", "editor")


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if any(item.get_closest_marker(name) for name in _SLOW_MARKERS):
            item.add_marker(pytest.mark.slow)


@pytest.hookimpl(tryfirst=True)  # before the test's fixtures are set up
def pytest_runtest_setup(item: pytest.Item) -> None:
    office = item.get_closest_marker("office")
    if office is not None and (reason := _office_missing()):
        pytest.skip(reason)
    if office is not None and office.kwargs.get("calc", False) and (reason := _calc_missing()):
        pytest.skip(reason)
    if item.get_closest_marker("editor") is not None and (reason := _editor_missing()):
        pytest.skip(reason)
    terminal = item.get_closest_marker("terminal")
    if terminal is not None and (reason := _terminal_missing(terminal.kwargs.get("tmux", False))):
        pytest.skip(reason)


# --- the command line ----------------------------------------------------------------------

_PINNED_ENV: dict[str, str | None] = {"NO_COLOR": "1", "FORCE_COLOR": None, "COLUMNS": None}


class Cli:
    """``incas <args>`` through typer's CliRunner on the real app.

    The environment is the same wherever the tests run: colours off (``NO_COLOR``), no
    ``FORCE_COLOR`` and no ``COLUMNS`` (pytest-xdist sets ``COLUMNS=80`` in its workers, some
    CI services set ``FORCE_COLOR``), so output that is not a terminal has the width a user
    gets from a pipe. ``env`` adds or removes (``None``) variables for this call; ``cwd`` is
    the working folder for this call only; ``input`` is what stdin holds. A crash (any
    exception other than the exit the command chose) propagates to the test with its
    traceback instead of becoming exit code 1. Each call starts like a new process: the
    shared consoles are made again, so their width follows this call's ``COLUMNS`` and not
    the first test that ran in the worker. The result has ``exit_code``, ``stdout``,
    ``stderr`` and ``output`` (both streams as a user sees them).
    """

    def __init__(self) -> None:
        self._runner = CliRunner()

    def __call__(
        self,
        *args: str,
        cwd: Path | None = None,
        env: Mapping[str, str | None] | None = None,
        input: bytes | str | None = None,
    ) -> Result:
        old = Path.cwd()
        if cwd is not None:
            os.chdir(cwd)
        get_console.cache_clear()
        try:
            return self._runner.invoke(
                app,
                list(args),
                input=input,
                env={**_PINNED_ENV, **(env or {})},
                catch_exceptions=False,
            )
        finally:
            get_console.cache_clear()
            os.chdir(old)


@pytest.fixture
def cli() -> Cli:
    """Run ``incas`` in-process: ``cli("plan", "validate", "piano.yaml", cwd=tmp_path)``."""
    return Cli()
