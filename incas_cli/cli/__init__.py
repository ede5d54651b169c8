"""The typer application: one module per command, mounted here."""

from __future__ import annotations

import typer

from incas_cli import __version__
from incas_cli.cli import _i18n
from incas_cli.cli._options import normalize_option
from incas_cli.messages import cli as msg
from incas_cli.messages import compare as compare_msg
from incas_cli.messages import export as export_msg

_i18n.install()

app = typer.Typer(
    name="incas",
    help=msg.APP_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="rich",
    options_metavar=msg.OPTIONS_METAVAR,
    subcommand_metavar=msg.SUBCOMMAND_METAVAR,
    context_settings={
        "help_option_names": ["-h", "--help"],
        "token_normalize_func": normalize_option,
    },
)
plan_app = typer.Typer(
    help=msg.PLAN_HELP,
    no_args_is_help=True,
    options_metavar=msg.OPTIONS_METAVAR,
    subcommand_metavar=msg.SUBCOMMAND_METAVAR,
)
app.add_typer(plan_app, name="plan")

# Command modules import only typer at top level; their work is imported when they run.
# Mount functions from their modules, without rebinding the module names in this package.
from incas_cli.cli import (  # noqa: E402
    build,
    catalog,
    compare,
    completion,
    diff,
    export,
    init,
    monitor,
    render,
    schema,
    status,
    template,
    validate,
    wizard,
)

# Every help text is a constant of incas_cli.messages (tests/test_messages.py checks it).
plan_app.command("new", help=msg.NEW_HELP)(wizard.new)
plan_app.command("edit", help=msg.EDIT_HELP)(wizard.edit)
plan_app.command("init", help=msg.INIT_HELP)(init.init)
plan_app.command("status", help=msg.STATUS_HELP)(status.status)
plan_app.command("validate", help=msg.VALIDATE_HELP)(validate.validate)
plan_app.command("render", help=msg.RENDER_HELP)(render.render)
plan_app.command("build", help=msg.BUILD_HELP)(build.build)
plan_app.command("diff", help=msg.DIFF_HELP)(diff.diff)
plan_app.command("compare", help=compare_msg.COMPARE_HELP)(compare.compare)
app.add_typer(
    catalog.app,
    name="catalog",
    help=msg.CATALOG_HELP,
    options_metavar=msg.OPTIONS_METAVAR,
    subcommand_metavar=msg.SUBCOMMAND_METAVAR,
)
app.add_typer(
    monitor.app,
    name="monitor",
    help=msg.MONITOR_HELP,
    options_metavar=msg.OPTIONS_METAVAR,
    subcommand_metavar=msg.SUBCOMMAND_METAVAR,
)
app.command("export", help=export_msg.EXPORT_HELP)(export.export)
app.command("schema", help=msg.SCHEMA_HELP)(schema.schema)
app.command("template", help=msg.TEMPLATE_HELP)(template.template)
app.command("completion", help=msg.COMPLETION_HELP)(completion.completion)
for _typer in (app, plan_app, catalog.app, monitor.app):
    for _info in _typer.registered_commands:
        _info.options_metavar = msg.OPTIONS_METAVAR


def _version(value: bool) -> None:
    if value:
        typer.echo(f"incas {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", "-V", help=msg.VERSION_HELP, callback=_version, is_eager=True
    ),
) -> None:
    """incas."""


def main() -> None:
    """Console-script and ``python -m incas_cli`` entry point."""
    import os

    if completion.COMPLETE_VAR in os.environ:  # the shell asks for completions
        completion.enable()
    app(prog_name="incas")
