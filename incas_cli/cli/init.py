"""``incas plan init FILE --comune NAME|ISTAT``: a pre-filled draft for a workshop."""

from __future__ import annotations

from pathlib import Path

import typer

from incas_cli.cli._common import handle_errors
from incas_cli.cli._options import shell_word
from incas_cli.messages import staff as msg


@handle_errors
def init(
    file: Path = typer.Argument(..., help=msg.INIT_FILE_HELP, show_default=False),
    comune: str = typer.Option(
        ..., "--comune", "-c", help=msg.INIT_COMUNE_HELP, show_default=False
    ),
    period: str | None = typer.Option(None, "--period", help=msg.INIT_PERIOD_HELP),
    source: Path | None = typer.Option(None, "--from", help=msg.INIT_FROM_HELP),
    force: bool = typer.Option(False, "--force", help=msg.INIT_FORCE_HELP),
) -> None:
    """Write a pre-filled draft for a Comune (help: ``messages.cli.INIT_HELP``)."""
    from incas_cli.console import get_console, print_plain
    from incas_cli.io import atomic_write_text, output_file
    from incas_cli.scaffold import (
        build_draft,
        check_target,
        ensure_schema,
        load_source,
        parse_period,
        resolve_comune,
    )

    check_target(file, force=force)
    output_file(file, suffixes=("yaml", "yml"), name_inside=None, inputs=(source,), force=force)
    record = resolve_comune(comune)
    months = parse_period(period) if period is not None else None
    plan = load_source(source) if source is not None else None
    draft = build_draft(
        record,
        period=months,
        source=plan,
        source_name=str(source) if source is not None else None,
        file_name=file.name,
    )
    atomic_write_text(file, draft.text, force=force)
    schema_path, state = ensure_schema(file.parent)

    console = get_console(stderr=True)
    print_plain(
        msg.INIT_WRITTEN.format(
            path=file,
            comune=record.display_name,
            stakeholders=len(draft.stakeholders),
            open=draft.open_fields,
        ),
        stderr=True,
    )
    if state == "written":
        print_plain(msg.INIT_SCHEMA_WRITTEN.format(path=schema_path), stderr=True)
    elif state == "different":
        print_plain(
            msg.INIT_SCHEMA_STALE.format(path=schema_path, arg=shell_word(schema_path)), stderr=True
        )
    elif state == "failed":
        print_plain(msg.INIT_SCHEMA_FAILED.format(path=schema_path), stderr=True)
    console.print(msg.INIT_NEXT.format(path=shell_word(file)), soft_wrap=True, markup=False)
