"""``incas template -o carta-intestata.docx``: the Word template a Comune personalises."""

from __future__ import annotations

from pathlib import Path

import typer

from incas_cli.cli._common import handle_errors
from incas_cli.cli._options import output_path
from incas_cli.messages import render as msg

DEFAULT_OUTPUT = Path("carta-intestata.docx")


@handle_errors
def template(
    output: Path = typer.Option(
        DEFAULT_OUTPUT, "--output", "-o", parser=output_path, help=msg.TEMPLATE_OUTPUT_HELP
    ),
    force: bool = typer.Option(False, "--force", help=msg.TEMPLATE_FORCE_HELP),
) -> None:
    """Write the Word template to customise (help: ``messages.cli.TEMPLATE_HELP``)."""
    from incas_cli.console import print_plain
    from incas_cli.io import atomic_write_bytes, output_file
    from incas_cli.writers.template import reference_bytes

    output = output_file(output, suffixes=("docx",), name_inside=DEFAULT_OUTPUT.name, force=force)
    atomic_write_bytes(output, reference_bytes(), force=force)
    print_plain(msg.TEMPLATE_DONE.format(path=output), stderr=True)
