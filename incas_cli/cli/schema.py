"""``incas schema``: the JSON Schema of the plan file, for YAML editors."""

from __future__ import annotations

from pathlib import Path

import typer

from incas_cli.cli._common import handle_errors
from incas_cli.messages import cli as msg


@handle_errors
def schema(
    output: Path | None = typer.Option(None, "--output", "-o", help=msg.SCHEMA_OUTPUT_HELP),
    force: bool = typer.Option(False, "--force", help=msg.FORCE_HELP),
) -> None:
    """Stampa lo JSON Schema del file di piano (v1), da usare negli editor YAML.

    Nel file di piano: # yaml-language-server: $schema=plan.schema.json
    """
    from incas_cli.schema import schema_json

    text = schema_json()
    if output is None:
        typer.echo(text)
        return
    from incas_cli.console import get_console
    from incas_cli.io import atomic_write_text

    atomic_write_text(output, text + "\n", force=force)
    get_console(stderr=True).print(msg.SCHEMA_WRITTEN.format(path=output))
