"""``incas schema [--report NAME | --monitor]``: the JSON Schema of the plan file, of a JSON
report or of the monitoring file."""

from __future__ import annotations

from pathlib import Path

import typer

from incas_cli.cli._common import handle_errors
from incas_cli.cli._options import is_stdio, output_path
from incas_cli.messages import cli as msg


@handle_errors
def schema(
    report: str | None = typer.Option(
        None, "--report", metavar=msg.REPORT_METAVAR, help=msg.SCHEMA_REPORT_HELP
    ),
    monitor: bool = typer.Option(False, "--monitor", help=msg.SCHEMA_MONITOR_HELP),
    output: Path | None = typer.Option(
        None, "--output", "-o", parser=output_path, help=msg.SCHEMA_OUTPUT_HELP
    ),
    force: bool = typer.Option(False, "--force", help=msg.FORCE_HELP),
) -> None:
    """Print or write a JSON Schema (help: ``messages.cli.SCHEMA_HELP``)."""
    if monitor:
        from incas_cli.schema import monitor_schema_json

        text = monitor_schema_json()
    elif report is None:
        from incas_cli.schema import schema_json

        text = schema_json()
    else:
        from incas_cli.schema import report_schema_json

        text = report_schema_json(report)
    if output is None or is_stdio(output):
        typer.echo(text)
        return
    from incas_cli.console import get_console
    from incas_cli.io import atomic_write_text, output_file
    from incas_cli.scaffold.schema_file import SCHEMA_FILE

    name = SCHEMA_FILE if report is None else f"{report}.schema.json"
    output = output_file(output, suffixes=("json",), name_inside=name, force=force)
    atomic_write_text(output, text + "\n", force=force)
    get_console(stderr=True).print(msg.SCHEMA_WRITTEN.format(path=output))
