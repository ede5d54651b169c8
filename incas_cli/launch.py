"""The ``incas`` command: the console script and ``python -m incas_cli`` start here.

What must start before the command line interface is imported and built starts here
first: the process that a ``plan build``'s workers are forked from. The rest is the CLI's
(:func:`incas_cli.cli.main`). This module imports nothing heavy: a worker process runs the
``incas`` script again to set itself up as the same program, and imports it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def main() -> None:
    """Console-script and ``python -m incas_cli`` entry point."""
    import sys

    start_workers_early(sys.argv[1:])  # the workers load while the CLI is imported
    from incas_cli.cli import main as cli_main

    cli_main()


#: ``plan build``'s options, as :func:`start_workers_early` reads them before click does
#: (tests/test_build_early.py checks them against :func:`incas_cli.cli.build.build`'s own).
BUILD_VALUE_OPTIONS = frozenset(
    {"-o", "--output", "-j", "--jobs", "--edition", "--format", "--template"}
)
BUILD_FLAGS = frozenset({"--final", "--json", "--force", "--no-toc-update"})


def start_workers_early(args: Sequence[str]) -> bool:
    """Start the workers' forkserver for ``incas plan build ARGS`` before the command line
    is parsed; True if started.

    The forkserver loads the workers' modules (a third of a second) on another core while
    this process imports and builds the command line interface and parses the arguments;
    started from the command itself (:func:`incas_cli.batch.started_early`), the workers
    would wait for that too. Only a build that runs workers
    (:func:`incas_cli.batch.may_use_workers`) starts it, read from the arguments as click
    will read them; anything else (help, an
    unknown option, a value click will refuse, the old names that click reads as today's:
    :data:`incas_cli.cli._options.OLD_NAMES`) leaves it to the command, which starts it
    when it gets there.
    """
    if list(args[:2]) != ["plan", "build"]:
        return False
    read = _inputs_and_jobs(args[2:])
    if read is None or not read[0]:
        return False
    from incas_cli import pool
    from incas_cli.batch import may_use_workers

    inputs, jobs = read
    if not may_use_workers([Path(item) for item in inputs], jobs):
        return False
    pool.prestart()
    return True


def _inputs_and_jobs(args: Sequence[str]) -> tuple[list[str], int | None] | None:
    """The inputs and ``--jobs`` of ``plan build``'s arguments; None where click's reading
    might differ."""
    inputs: list[str] = []
    jobs: int | None = None
    tokens = iter(args)
    for token in tokens:
        if token == "--":
            inputs.extend(tokens)
            break
        if token == "-" or not token.startswith("-"):
            inputs.append(token)
            continue
        if token.startswith("--"):
            name, equals, value = token.partition("=")
        else:  # -j2, -o/path: a short option's value may follow it at once
            name, equals, value = token[:2], "=" if len(token) > 2 else "", token[2:]
        if name in BUILD_FLAGS and not equals:
            continue
        if name not in BUILD_VALUE_OPTIONS:
            return None
        if not equals:
            following = next(tokens, None)
            if following is None:
                return None
            value = following
        if name in ("-j", "--jobs"):
            try:
                jobs = int(value)
            except ValueError:
                return None
            if jobs < 1:
                return None
    return inputs, jobs
