"""The ``incas`` command: the console script and ``python -m incas_cli`` start here.

This module imports nothing heavy: a worker process of ``plan build`` runs the ``incas``
script again to set itself up as the same program, and imports only this module (the
forkserver preloads it: :func:`incas_cli.pool._preload`), not the whole command line
interface.

Starting a build's forkserver here, before the CLI is imported, was tried: the workers
started 0.15 s sooner, but a build killed with SIGKILL in its first second then left one
worker and the forkserver alive in about one run of four (tests/test_leftovers.py), for a
cause not found yet; the command starts it (:func:`incas_cli.batch.started_early`).
"""

from __future__ import annotations


def main() -> None:
    """Console-script and ``python -m incas_cli`` entry point."""
    from incas_cli.cli import main as cli_main

    cli_main()
